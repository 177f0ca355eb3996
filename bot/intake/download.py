"""An article's address -> a :class:`Document`: the guarded download, then the reader of its kind
(run in a worker thread, so a heavy page never holds up the event loop)."""

from __future__ import annotations

import asyncio
from collections.abc import Mapping

from bot.facts.model import Document
from bot.intake.addresses import normalised_url
from bot.intake.article import document_from_fetched, key_for_url
from bot.intake.fetch import ARTICLE_KINDS, Fetched, Fetcher


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
