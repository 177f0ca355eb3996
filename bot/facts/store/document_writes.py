"""The statements that store or remove one document, run inside a write transaction.

A document is written whole: its row, its figures and events, the moderator decisions that
follow edited sentences (see ``reattach``), and the server's quota check, all in the caller's
transaction. Identical text under the same key writes nothing.
"""

from __future__ import annotations

from bot.facts.model import Extraction
from bot.facts.store import quota as quotas
from bot.facts.store.errors import DocumentExistsError, OwnershipError
from bot.facts.store.reattach import Candidate, reattach_decisions
from bot.facts.store.rows import (
    DOCUMENT_COLUMNS,
    EVENT_COLUMNS,
    FIGURE_COLUMNS,
    IngestResult,
    Origin,
    document_params,
    event_params,
    figure_params,
)
from bot.facts.store.transaction import Transaction

_INSERT_DOCUMENT = f"INSERT INTO documents ({DOCUMENT_COLUMNS}) VALUES ({', '.join('?' * 19)})"
_UPDATE_DOCUMENT = (
    "UPDATE documents SET guild_id = ?, title = ?, publisher = ?, url = ?, published = ?,"
    " pub_text = ?, pub_start = ?, pub_end = ?, pub_precision = ?, pub_inferred = ?, meta = ?,"
    " digest = ?, text = ?, words = ?, ingested_at = ?, updated_at = ?, origin = ?, bytes = ?"
    " WHERE key = ?"
)
_INSERT_FIGURE = (
    f"INSERT INTO figures ({FIGURE_COLUMNS})"
    f" VALUES ({', '.join('?' * len(FIGURE_COLUMNS.split(',')))})"
)
_INSERT_EVENT = f"INSERT INTO events ({EVENT_COLUMNS}) VALUES ({', '.join('?' * 12)})"

_ORIGIN_WORDS = {
    "seeds": "the seeds folder",
    "cli": "the command line (python -m bot ingest)",
    "upload": "an upload",
}


def owner_words(guild_id: int | None) -> str:
    return "the shared fact base" if guild_id is None else f"guild {guild_id}"


def check_owner(key: str, stored_guild: int | None, guild_id: int | None) -> None:
    if stored_guild != guild_id:
        raise OwnershipError(
            f"document {key!r} belongs to {owner_words(stored_guild)}, not {owner_words(guild_id)}"
        )


async def write_document(
    tx: Transaction,
    extraction: Extraction,
    *,
    guild_id: int | None,
    origin: Origin,
    quota: quotas.GuildQuota | None,
    now: str,
    replace: bool = True,
) -> IngestResult:
    """Store ``extraction`` under its document's key, replacing what that key held (unless
    ``replace`` is false: then a key holding another text is refused)."""
    doc = extraction.document
    existing = await tx.fetchone(
        "SELECT guild_id, origin, digest, ingested_at FROM documents WHERE key = ?", (doc.key,)
    )
    if existing is not None:
        check_owner(doc.key, existing["guild_id"], guild_id)
        if existing["digest"] == doc.digest:
            tx.nothing_changed()
            figures, events = len(extraction.figures), len(extraction.events)
            return IngestResult(doc.key, "unchanged", figures, events)
        if not replace:
            raise DocumentExistsError(
                f"{doc.key!r} was stored with another text meanwhile; nothing was stored"
                " (upload the file again to store it beside that one)"
            )
        if existing["origin"] != origin:
            raise OwnershipError(
                f"document {doc.key!r} came from {_ORIGIN_WORDS[existing['origin']]}, not from"
                f" {_ORIGIN_WORDS[origin]}; remove it first to replace it from there"
            )
    if guild_id is not None and quota is not None:
        size = len(doc.text.encode("utf-8"))
        await quotas.enforce(tx, quota, guild_id, doc.key, size, len(extraction.figures))
    old: list[Candidate] = []
    if existing is not None:
        old = await _stored_figures(tx, doc.key)
        params = document_params(extraction, guild_id, origin, now, existing["ingested_at"])
        await tx.execute(_UPDATE_DOCUMENT, (*params[1:], doc.key))
        await tx.execute("DELETE FROM figures WHERE document = ?", (doc.key,))
        await tx.execute("DELETE FROM events WHERE document = ?", (doc.key,))
    else:
        await tx.execute(_INSERT_DOCUMENT, document_params(extraction, guild_id, origin, now))
    figure_rows = [figure_params(f, i) for i, f in enumerate(extraction.figures)]
    await tx.executemany(_INSERT_FIGURE, figure_rows)
    event_rows = [event_params(e, i) for i, e in enumerate(extraction.events)]
    await tx.executemany(_INSERT_EVENT, event_rows)
    return await _compared(tx, extraction, old, replaced=existing is not None)


async def _stored_figures(tx: Transaction, key: str) -> list[Candidate]:
    rows = await tx.fetch(
        "SELECT id, metric, low, high, quote FROM figures WHERE document = ? ORDER BY position",
        (key,),
    )
    return [Candidate(r["id"], r["metric"], r["low"], r["high"], r["quote"]) for r in rows]


async def _compared(
    tx: Transaction, extraction: Extraction, old: list[Candidate], *, replaced: bool
) -> IngestResult:
    """The result of a write: ids kept, new and dropped, and the decisions that followed."""
    new_ids = [f.id for f in extraction.figures]
    old_ids = {c.id for c in old}
    new_set = set(new_ids)
    added = [f for f in extraction.figures if f.id not in old_ids]
    dropped = [c for c in old if c.id not in new_set]
    moved, lost = await reattach_decisions(
        tx, extraction.document.key, dropped, [Candidate.of(f) for f in added]
    )
    return IngestResult(
        key=extraction.document.key,
        status="replaced" if replaced else "added",
        figures=len(extraction.figures),
        events=len(extraction.events),
        kept_ids=tuple(i for i in new_ids if i in old_ids),
        new_ids=tuple(f.id for f in added),
        dropped_ids=tuple(c.id for c in dropped),
        reattached=moved,
        unattached=lost,
    )


async def delete_document(tx: Transaction, key: str, guild_id: int | None) -> bool:
    """Delete a document with its figures and events; False (nothing changed) when none."""
    row = await tx.fetchone("SELECT guild_id FROM documents WHERE key = ?", (key,))
    if row is None:
        tx.nothing_changed()
        return False
    check_owner(key, row["guild_id"], guild_id)
    await tx.execute("DELETE FROM documents WHERE key = ?", (key,))
    return True


async def write_aliases(tx: Transaction, kind: str, aliases: dict[str, str]) -> None:
    """Record what users may type (alias) for a canonical subject or claimant name."""
    await tx.executemany(
        "INSERT INTO names (kind, name) VALUES (?, ?) ON CONFLICT DO NOTHING",
        sorted({(kind, c) for c in aliases.values()}),
    )
    await tx.executemany(
        "INSERT INTO aliases (kind, alias, canonical) VALUES (?, ?, ?)"
        " ON CONFLICT (kind, alias) DO UPDATE SET canonical = excluded.canonical",
        [(kind, a, c) for a, c in sorted(aliases.items())],
    )
