"""Why a URL, a page, a PDF or a feed could not become a document: one type per cause.

Every message is one line a moderator can act on, without a traceback; the Discord layer sends
it as a private reply and the CLI prints it. Nothing is stored when one of these is raised.
"""

from __future__ import annotations


class IntakeError(ValueError):
    """Base of every intake failure; ``str(e)`` is the one-line reason."""


class BadUrlError(IntakeError):
    """Not an address the bot may fetch: not http(s), no host, credentials, malformed."""


class BlockedAddressError(IntakeError):
    """The host is, or resolves to, a loopback, private, link-local, multicast, reserved or
    metadata address; refused before any connection to it."""


class FetchTimeoutError(IntakeError):
    """The server did not connect or answer within the time limit."""


class HttpStatusError(IntakeError):
    """The server answered with an error status (404, 500 ...)."""

    def __init__(self, message: str, status: int) -> None:
        super().__init__(message)
        self.status = status


class ConnectionFailedError(IntakeError):
    """No connection: unknown host, refused, reset, TLS failure, too many redirects."""


class TooLargeError(IntakeError):
    """The download or the document it holds is over a size limit."""


class UnsupportedTypeError(IntakeError):
    """A content type the bot does not read (images, archives, office files ...)."""


class NotAnArticleError(IntakeError):
    """The content could be read but holds no article text (a page of links, an empty PDF,
    a feed where an article was expected, a page where a feed was expected)."""
