"""Per-server limits on what a server's moderators may store: documents, bytes of text, figures.

The shared fact base (the operator's) has no limit. The check runs inside the ingest transaction,
against what the server holds at that moment without the document being replaced, so two
uploads at once cannot both slip under a limit; a refusal names the limit and the numbers.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from bot.facts.counts import counted
from bot.facts.store.dialect import Row
from bot.facts.store.errors import QuotaError
from bot.facts.store.transaction import Transaction

Read = Callable[[str, dict[str, Any]], Awaitable[list[Row]]]

DEFAULT_DOCUMENTS = 200
DEFAULT_BYTES = 8 * 1024 * 1024
DEFAULT_FIGURES = 5_000


@dataclass(frozen=True, slots=True)
class GuildQuota:
    """What one server may hold at most."""

    documents: int = DEFAULT_DOCUMENTS
    bytes: int = DEFAULT_BYTES
    figures: int = DEFAULT_FIGURES


@dataclass(frozen=True, slots=True)
class Usage:
    documents: int
    bytes: int
    figures: int


def size_words(n: int) -> str:
    """Bytes as people read them: ``480 KB``, ``8.0 MB``."""
    if n >= 1024 * 1024:
        return f"{n / (1024 * 1024):.1f} MB"
    return f"{max(1, round(n / 1024))} KB"


def refusal(quota: GuildQuota, held: Usage, size: int, figures: int) -> str | None:
    """Why adding a document of ``size`` bytes and ``figures`` figures to what the server
    ``held`` breaks ``quota``; None when it fits."""
    if held.documents + 1 > quota.documents:
        return (
            f"this server already has {counted(held.documents, 'document')}, its limit is"
            f" {quota.documents:,}; remove one with /admin remove document first"
        )
    if held.bytes + size > quota.bytes:
        return (
            f"this document ({size_words(size)}) would take this server's text to"
            f" {size_words(held.bytes + size)}, over its limit of {size_words(quota.bytes)}"
            f" (it holds {size_words(held.bytes)})"
        )
    if held.figures + figures > quota.figures:
        return (
            f"this document's {counted(figures, 'figure')} would take this server to"
            f" {counted(held.figures + figures, 'figure')}, over its limit of {quota.figures:,}"
            f" (it holds {held.figures:,})"
        )
    return None


async def usage(read: Read, guild_id: int, *, besides: str | None = None) -> Usage:
    """What ``guild_id`` holds, leaving out the document ``besides`` (one being replaced);
    ``read`` is an open transaction's ``fetch``, or the store's ``read`` for a preview."""
    [row] = await read(
        "SELECT COUNT(*) AS documents, COALESCE(SUM(d.bytes), 0) AS bytes,"
        " COALESCE(SUM((SELECT COUNT(*) FROM figures f WHERE f.document = d.key)), 0) AS figures"
        " FROM documents d WHERE d.guild_id = :guild AND d.key IS DISTINCT FROM :besides",
        {"guild": guild_id, "besides": besides},
    )
    return Usage(int(row["documents"]), int(row["bytes"]), int(row["figures"]))


async def enforce(
    tx: Transaction, quota: GuildQuota, guild_id: int, key: str, size: int, figures: int
) -> None:
    reason = refusal(quota, await usage(tx.fetch, guild_id, besides=key), size, figures)
    if reason is not None:
        raise QuotaError(reason)
