"""News in: documents from addresses, web pages, PDFs and feeds, reduced to the one kind of
:class:`~bot.facts.model.Document` the extractor reads. Imports nothing from discord."""

from bot.intake.addresses import AddressPolicy
from bot.intake.errors import (
    BadUrlError,
    BlockedAddressError,
    ConnectionFailedError,
    FetchTimeoutError,
    HttpStatusError,
    IntakeError,
    NotAnArticleError,
    TooLargeError,
    UnsupportedTypeError,
)
from bot.intake.fetch import Fetcher, FetchLimits, Kind

__all__ = [
    "AddressPolicy",
    "BadUrlError",
    "BlockedAddressError",
    "ConnectionFailedError",
    "FetchLimits",
    "FetchTimeoutError",
    "Fetcher",
    "HttpStatusError",
    "IntakeError",
    "Kind",
    "NotAnArticleError",
    "TooLargeError",
    "UnsupportedTypeError",
]
