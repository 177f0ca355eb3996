"""An article's address -> a :class:`Document`: the guarded download, then the reader of its kind
(run in a worker thread, so a heavy page never holds up the event loop); a feed's address -> the
feed, checked once before a server follows it."""

from __future__ import annotations

import asyncio
from collections.abc import Mapping
from dataclasses import dataclass

from bot.facts.model import Document
from bot.intake.addresses import normalised_url
from bot.intake.article import document_from_fetched, key_for_url
from bot.intake.errors import NotAnArticleError
from bot.intake.feeds import ParsedFeed, discover_feeds, parse_feed
from bot.intake.fetch import ARTICLE_KINDS, FEED_KINDS, Fetched, Fetcher, Kind


def guild_key(guild_id: int, url: str) -> str:
    """The document key of an article a server added: its own, like its uploads'."""
    return f"guild-{guild_id}/{key_for_url(normalised_url(url))}"


async def fetch_article(
    fetcher: Fetcher,
    url: str,
    *,
    key: str | None = None,
    overrides: Mapping[str, str] | None = None,
    hints: Mapping[str, str] | None = None,
) -> tuple[Document, Fetched]:
    """The article at ``url`` and the download it came from; raises an ``IntakeError`` or a
    ``DocumentError`` with a one-line reason."""
    fetched = await fetcher.fetch(url, accept=ARTICLE_KINDS)
    document = await asyncio.to_thread(
        document_from_fetched,
        fetched,
        key or key_for_url(normalised_url(url)),
        overrides=overrides,
        hints=hints,
    )
    return document, fetched


@dataclass(frozen=True, slots=True)
class FoundFeed:
    """A feed to follow: its address (as given, or announced by the page given) and what it
    holds now."""

    url: str
    feed: ParsedFeed
    #: The page the moderator gave, when it was a web page announcing ``url``.
    page: str | None = None


async def find_feed(fetcher: Fetcher, url: str) -> FoundFeed:
    """The RSS or Atom feed at ``url``, or the first one the web page at ``url`` announces;
    downloaded and read once, so that only a working feed is followed. Raises an
    ``IntakeError`` with a one-line reason."""
    fetched = await fetcher.fetch(url, accept=FEED_KINDS | {Kind.HTML})
    if fetched.kind is Kind.HTML:
        announced = discover_feeds(fetched.body, fetched.url)
        if not announced:
            raise NotAnArticleError(
                "not a feed: this address is a web page that announces no RSS or Atom feed"
            )
        page, url = url, announced[0]
        fetched = await fetcher.fetch(url, accept=FEED_KINDS)
    else:
        page = None
    parsed = await asyncio.to_thread(parse_feed, fetched.body, fetched.url)
    return FoundFeed(url, parsed, page)
