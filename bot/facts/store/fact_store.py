"""FactStore: the fact base behind the slash commands, on SQLite or PostgreSQL.

Every query takes the guild it answers for and sees the shared documents (``guild_id`` NULL, built
from seeds/ or added with the command line) plus that guild's own, never another guild's
(``visibility`` holds that SQL). Every write goes through :meth:`FactStore.write`: one
transaction on one connection, serialised by a lock, that adds one to :attr:`FactStore.version`
when it commits a change. The database under it (``database``) is an SQLite file or a
PostgreSQL server; the queries here are the same for both (``dialect`` says where they differ).
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable
from contextlib import asynccontextmanager
from datetime import date, datetime
from pathlib import Path
from types import TracebackType
from typing import Any, NamedTuple, Self, TypeVar

from bot.facts.model import (
    LEAD_CHARACTERS,
    DateSpan,
    Event,
    Extraction,
    Figure,
    Metric,
    Period,
    Qualifier,
)
from bot.facts.store.database import Database, open_database
from bot.facts.store.dialect import Dialect, Row
from bot.facts.store.document_writes import delete_document, write_aliases, write_document
from bot.facts.store.errors import InvalidExtractionError, StoreError
from bot.facts.store.quota import GuildQuota
from bot.facts.store.quota import refusal as quota_refusal
from bot.facts.store.quota import usage as quota_usage
from bot.facts.store.rows import (
    DocumentInfo,
    IngestResult,
    NameCount,
    Origin,
    StoreStats,
    document_info_from_row,
    event_from_row,
    key_date,
    period_from,
    utc_now,
)
from bot.facts.store.transaction import Transaction
from bot.facts.store.visibility import (
    FIGURE_ORDER,
    SHOWN,
    VISIBLE,
    figure_filters,
    seen_figure,
    seen_figure_from_row,
    seen_figures,
)

DEFAULT_QUOTA = GuildQuota()
T = TypeVar("T")

#: Runs inside the write transaction, after the change and before it ends (an audit entry).
IngestHook = Callable[[Transaction, IngestResult], Awaitable[None]]
RemoveHook = Callable[[Transaction], Awaitable[None]]

_DOCUMENT_FIELDS = (
    "SELECT d.key, d.guild_id, d.title, d.publisher, d.url, d.published, d.pub_text,"
    " d.pub_start, d.pub_end, d.pub_precision, d.pub_inferred, d.digest, d.words,"
    " d.ingested_at, d.updated_at, d.origin, d.bytes,"
    " CASE WHEN COALESCE(d.title, '') = '' AND COALESCE(d.publisher, '') = ''"
    f" AND COALESCE(d.url, '') = '' THEN substr(d.text, 1, {LEAD_CHARACTERS}) END AS lead,"
)
_DOCUMENT_COUNTED = (
    f"{_DOCUMENT_FIELDS}"
    " COALESCE(fc.n, 0) AS figure_count, COALESCE(ec.n, 0) AS event_count"
    " FROM documents d"
    " LEFT JOIN (SELECT document, COUNT(*) AS n FROM figures GROUP BY document) fc"
    "  ON fc.document = d.key"
    " LEFT JOIN (SELECT document, COUNT(*) AS n FROM events GROUP BY document) ec"
    "  ON ec.document = d.key"
)
_DOCUMENT_SELECT = (
    f"{_DOCUMENT_FIELDS}"
    " (SELECT COUNT(*) FROM figures f WHERE f.document = d.key) AS figure_count,"
    " (SELECT COUNT(*) FROM events e WHERE e.document = d.key) AS event_count"
    " FROM documents d"
)
_METRICS = {m.value: m for m in Metric}
_QUALIFIERS = {q.value: q for q in Qualifier}


class FigureKey(NamedTuple):
    """What ordering, grouping and the summary of an answer need of a figure: no quote; its
    as-of date without the words it was read from, and its period."""

    id: str
    subject: str
    metric: Metric
    additional: bool
    low: int
    high: int
    qualifier: Qualifier
    source: str | None
    date: DateSpan | None = None
    period: Period | None = None


class EventKey(NamedTuple):
    """What ordering, date filtering and merging need of an event."""

    id: str
    start: str
    end: str
    precision: str = "day"
    summary: str = ""


def _like(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


#: Rows converted between two yields to the event loop when a query returns many.
_CONVERT_BATCH = 2_000


async def _converted(rows: list[Row], convert: Callable[[Row], T]) -> list[T]:
    """``convert`` applied to every row; a large result yields to the event loop between
    batches, so that converting 100,000 rows never holds up interactions for seconds."""
    if len(rows) <= _CONVERT_BATCH:
        return [convert(row) for row in rows]
    converted: list[T] = []
    for start in range(0, len(rows), _CONVERT_BATCH):
        converted.extend(convert(row) for row in rows[start : start + _CONVERT_BATCH])
        await asyncio.sleep(0)
    return converted


class FactStore:
    def __init__(
        self, db: Database, version: int = 0, *, quota: GuildQuota | None = None
    ) -> None:
        self._db = db
        self.quota = quota
        self._write_lock = asyncio.Lock()
        self._version = version

    @classmethod
    async def open(
        cls, target: Path | str, *, quota: GuildQuota | None = DEFAULT_QUOTA
    ) -> Self:
        """Open the fact base at ``target`` and bring its schema up to date: an SQLite file
        (created if needed) or a ``postgresql://`` URL (the database must exist).

        ``quota`` limits what each server may store (None: no limit)."""
        db = await open_database(target)
        try:
            rows = await db.fetch("SELECT version FROM store_version WHERE id = 1", ())
            version = int(rows[0][0]) if rows else 0
        except BaseException:
            await db.close()
            raise
        return cls(db, version, quota=quota)

    @property
    def database(self) -> Database:
        return self._db

    @property
    def dialect(self) -> Dialect:
        return self._db.dialect

    @property
    def path(self) -> Path | None:
        """The SQLite file; None when the store is on a server."""
        return self._db.path

    @property
    def location(self) -> str:
        """Where the store is, for messages: a path, or a URL without its password."""
        return self._db.location

    async def close(self) -> None:
        await self._db.close()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.close()

    @property
    def version(self) -> int:
        """Grows with every committed change to the fact base; caches key on it (no query).

        Kept in memory and in the database, both moved by the write that changes something;
        writes by another process on the same file are taken up by :meth:`refresh_version`.
        """
        return self._version

    async def refresh_version(self) -> int:
        """Take up commits made by other processes (on this host or others), then return
        :attr:`version`. Cheap: SQLite asks ``PRAGMA data_version`` whether another connection
        committed; PostgreSQL hears notifications and reads the counter every few seconds. The
        in-memory counter only moves forward."""
        newer = await self._db.newer_version()
        if newer is not None:
            self._version = max(self._version, newer)
        return self._version

    # -- writing ------------------------------------------------------------------------------

    @asynccontextmanager
    async def write(self, *, counted: bool = True) -> AsyncIterator[Transaction]:
        """The one way to change the fact base: a transaction under the write lock.

        Committed when the block ends, rolled back if it raises; unless the block called
        ``tx.nothing_changed()``, the commit counts as one change (:attr:`version` moves, in
        the same transaction). ``counted=False`` is for writes that change nothing a server's
        answers show (a feed's polling state, the review queue), so that caches keyed on
        :attr:`version` stay valid."""
        async with self._write_lock:
            version = self._version
            async with self._db.transaction() as tx:
                yield tx
                if tx.changed and counted:
                    row = await tx.fetchone(
                        "UPDATE store_version SET version = version + 1 WHERE id = 1"
                        " RETURNING version"
                    )
                    assert row is not None
                    version = int(row[0])
            self._version = version

    async def ingest(
        self,
        extraction: Extraction,
        *,
        guild_id: int | None = None,
        origin: Origin | None = None,
        replace: bool = True,
        also: IngestHook | None = None,
    ) -> IngestResult:
        """Store a document and what was extracted from it, all or nothing.

        Identical text under the same key writes nothing. Changed text replaces the document's
        figures and events; figure ids are content hashes, so unchanged sentences keep theirs,
        and decisions on edited sentences follow them (see ``reattach``). ``origin`` defaults to
        ``upload`` for a guild's document and ``cli`` for a shared one; a document of another
        origin is not replaced. A guild's document must fit its quota.
        """
        if origin is None:
            origin = "cli" if guild_id is None else "upload"
        try:
            async with self.write() as tx:
                result = await write_document(
                    tx, extraction, guild_id=guild_id, origin=origin, quota=self.quota,
                    now=utc_now(), replace=replace,
                )
                if also is not None and result.status != "unchanged":
                    await also(tx, result)
                return result
        except self.dialect.integrity_errors as exc:
            reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            raise InvalidExtractionError(
                f"document {extraction.document.key!r} not stored: {reason}"
            ) from exc

    async def add_aliases(self, kind: str, aliases: dict[str, str]) -> None:
        """Record what users may type (alias) for a canonical subject or claimant name."""
        async with self.write() as tx:
            await write_aliases(tx, kind, aliases)

    async def remove_document(
        self, key: str, *, guild_id: int | None, also: RemoveHook | None = None
    ) -> bool:
        """Delete a document with its figures and events; False when there was none."""
        async with self.write() as tx:
            removed = await delete_document(tx, key, guild_id)
            if removed and also is not None:
                await also(tx)
            return removed

    async def quota_refusal(self, guild_id: int, extraction: Extraction) -> str | None:
        """Why storing ``extraction`` for ``guild_id`` would break its quota, as the ingest
        would say it; None when it fits (for a preview: the ingest checks again)."""
        if self.quota is None:
            return None
        doc = extraction.document
        held = await quota_usage(self.read, guild_id, besides=doc.key)
        size = len(doc.text.encode("utf-8"))
        return quota_refusal(self.quota, held, size, len(extraction.figures))

    async def read(self, sql: str, params: dict[str, Any] | tuple[Any, ...]) -> list[Row]:
        """Rows of one query, for the store package's other modules (overlays)."""
        return await self._fetch(sql, params)

    # -- reading ------------------------------------------------------------------------------

    async def _fetch(self, sql: str, params: dict[str, Any] | tuple[Any, ...]) -> list[Row]:
        return await self._db.fetch(sql, params)

    async def figures(
        self,
        guild_id: int | None,
        *,
        metrics: Iterable[Metric | str] | None = None,
        subject: str | None = None,
        source: str | None = None,
        document: str | None = None,
        limit: int | None = None,
        include_hidden: bool = False,
    ) -> list[Figure]:
        """Visible figures as the guild sees them (its overlay applied, hidden ones left out
        unless ``include_hidden``), by subject, metric, date (undated last) and low value.

        ``subject`` and ``source`` match canonical names, ignoring case.
        """
        params: dict[str, Any] = {"guild": guild_id}
        filters = figure_filters(
            params, self.dialect, metrics=metrics, subject=subject, source=source
        )
        if filters is None:
            return []
        where = ["TRUE" if include_hidden else SHOWN, *filters]
        if document is not None:
            where.append("f.document = :document")
            params["document"] = document
        sql = f"SELECT f.* FROM {seen_figures()} f WHERE {' AND '.join(where)}" + FIGURE_ORDER
        if limit is not None:
            sql += " LIMIT :limit"
            params["limit"] = limit
        return await _converted(await self._fetch(sql, params), seen_figure_from_row)

    async def figure(
        self, guild_id: int | None, figure_id: str, *, include_hidden: bool = False
    ) -> Figure | None:
        """One figure as the guild sees it; None when it is not visible there (or hidden)."""
        return await seen_figure(self._fetch, guild_id, figure_id, include_hidden=include_hidden)

    async def events(
        self,
        guild_id: int | None,
        *,
        since: date | None = None,
        until: date | None = None,
        about: str | None = None,
        limit: int | None = None,
    ) -> list[Event]:
        """Visible events in date order; ``since``/``until`` keep events whose span overlaps,
        ``about`` keeps events whose summary or sentence contains the text (ignoring case)."""
        where = [VISIBLE]
        params: dict[str, Any] = {"guild": guild_id}
        if since is not None:
            where.append("e.date_end >= :since")
            params["since"] = since.isoformat()
        if until is not None:
            where.append("e.date_start <= :until")
            params["until"] = until.isoformat()
        if about is not None and about.strip():
            like = self.dialect.like
            where.append(
                f"(e.summary {like} :about ESCAPE '\\' OR e.quote {like} :about ESCAPE '\\')"
            )
            params["about"] = _like(about.strip())
        sql = (
            "SELECT e.* FROM events e JOIN documents d ON d.key = e.document"
            f" WHERE {' AND '.join(where)}"
            " ORDER BY e.date_start, e.date_end, e.document, e.position"
        )
        if limit is not None:
            sql += " LIMIT :limit"
            params["limit"] = limit
        return await _converted(await self._fetch(sql, params), event_from_row)

    async def figure_keys(self, guild_id: int | None) -> list[FigureKey]:
        """Every visible figure (overlay applied, hidden left out) in the order of
        :meth:`figures`, as light keys: one query for listings to slice pages from."""
        rows = await self._fetch(
            "SELECT f.id, f.subject, f.metric, f.additional, f.low, f.high, f.qualifier, f.source,"
            " f.date_start, f.date_end, f.date_precision, f.date_inferred,"
            " f.period_text, f.period_kind, f.period_unit, f.period_count"
            f" FROM {seen_figures()} f WHERE {SHOWN}" + FIGURE_ORDER,
            {"guild": guild_id},
        )
        metrics, qualifiers = _METRICS, _QUALIFIERS
        dates: dict[tuple[Any, ...], DateSpan | None] = {}
        periods: dict[tuple[Any, ...], Period | None] = {}
        canonical: dict[tuple[Any, ...], Period] = {}

        def convert(r: Row) -> FigureKey:
            when, every = (r[8], r[9], r[10], r[11]), (r[12], r[13], r[14], r[15])
            if when not in dates:
                dates[when] = key_date(*when)
            if every not in periods:  # one object for equal periods, however written
                period = period_from(*every)
                if period is not None:
                    period = canonical.setdefault((period.kind, period.unit, period.count), period)
                periods[every] = period
            return FigureKey(
                r[0], r[1], metrics[r[2]], bool(r[3]), r[4], r[5], qualifiers[r[6]], r[7],
                dates[when], periods[every],
            )  # fmt: skip

        return await _converted(list(rows), convert)

    async def figures_by_id(self, guild_id: int | None, ids: Iterable[str]) -> list[Figure]:
        """The figures with these ids as the guild sees them, in the order given; ids it does
        not see (or hidden ones) are left out."""
        return await self._by_ids(
            f"SELECT f.* FROM {seen_figures()} f WHERE {SHOWN}"
            f" AND f.id IN {self.dialect.json_values(':ids')}",
            guild_id, ids, seen_figure_from_row,
        )

    async def figures_by_id_prefix(
        self, guild_id: int | None, prefix: str, limit: int
    ) -> list[Figure]:
        """Up to ``limit`` visible figures whose id starts with ``prefix``, by id (a look-up on
        the id index, for autocomplete before the search index is built)."""
        low = prefix.strip().lower()
        rows = await self._fetch(
            f"SELECT f.* FROM {seen_figures()} f WHERE {SHOWN}"
            " AND f.id >= :low AND f.id < :high ORDER BY f.id LIMIT :limit",
            {"guild": guild_id, "low": low, "high": low + "\U0010ffff", "limit": limit},
        )
        return [seen_figure_from_row(row) for row in rows]

    async def event_keys(self, guild_id: int | None) -> list[EventKey]:
        """Every visible event in the order of :meth:`events`, as light keys."""
        rows = await self._fetch(
            "SELECT e.id, e.date_start, e.date_end, e.date_precision, e.summary FROM events e"
            f" JOIN documents d ON d.key = e.document WHERE {VISIBLE}"
            " ORDER BY e.date_start, e.date_end, e.document, e.position",
            {"guild": guild_id},
        )
        return await _converted(list(rows), lambda r: EventKey(r[0], r[1], r[2], r[3], r[4]))

    async def events_by_id(self, guild_id: int | None, ids: Iterable[str]) -> list[Event]:
        """The visible events with these ids, in the order given."""
        return await self._by_ids(
            "SELECT e.* FROM events e JOIN documents d ON d.key = e.document"
            f" WHERE {VISIBLE} AND e.id IN {self.dialect.json_values(':ids')}",
            guild_id, ids, event_from_row,
        )

    async def _by_ids(
        self,
        sql: str,
        guild_id: int | None,
        ids: Iterable[str],
        convert: Callable[[Row], T],
    ) -> list[T]:
        """Rows of ``sql`` (which selects ``IN`` the JSON list ``:ids``) for these ids, in the
        order given."""
        wanted = list(ids)
        if not wanted:
            return []
        rows = await self._fetch(sql, {"guild": guild_id, "ids": json.dumps(wanted)})
        found = {row["id"]: convert(row) for row in rows}
        return [found[i] for i in wanted if i in found]

    async def documents(self, guild_id: int | None) -> list[DocumentInfo]:
        rows = await self._fetch(
            f"{_DOCUMENT_COUNTED} WHERE {VISIBLE} ORDER BY d.key", {"guild": guild_id}
        )
        return [document_info_from_row(row) for row in rows]

    async def documents_by_key(
        self, guild_id: int | None, keys: Iterable[str]
    ) -> dict[str, DocumentInfo]:
        """The visible documents among ``keys``, by key (for the citations of one page)."""
        wanted = sorted(set(keys))
        if not wanted:
            return {}
        rows = await self._fetch(
            # unary + keeps the planner on the key look-up, not a scan of the guild index
            f"{_DOCUMENT_SELECT} WHERE d.key IN {self.dialect.json_values(':keys')}"
            " AND (+d.guild_id IS NULL OR +d.guild_id = :guild)",
            {"guild": guild_id, "keys": json.dumps(wanted)},
        )
        return {row["key"]: document_info_from_row(row) for row in rows}

    async def document(self, guild_id: int | None, key: str) -> DocumentInfo | None:
        rows = await self._fetch(
            f"{_DOCUMENT_SELECT} WHERE d.key = :key AND {VISIBLE}", {"key": key, "guild": guild_id}
        )
        return document_info_from_row(rows[0]) if rows else None

    async def document_text(self, key: str) -> str | None:
        """The stored text of a document, whoever owns it; check visibility with ``document``."""
        rows = await self._fetch("SELECT text FROM documents WHERE key = ?", (key,))
        return str(rows[0]["text"]) if rows else None

    async def _name_counts(self, guild_id: int | None, column: str) -> list[NameCount]:
        rows = await self._fetch(
            f"SELECT f.{column} AS name, COUNT(*) AS figures,"
            " COUNT(DISTINCT f.document) AS documents"
            f" FROM {seen_figures()} f"
            f" WHERE {SHOWN} AND f.{column} IS NOT NULL"
            f" GROUP BY f.{column} ORDER BY figures DESC, name",
            {"guild": guild_id},
        )
        return [NameCount(row["name"], row["figures"], row["documents"]) for row in rows]

    async def claimants(self, guild_id: int | None) -> list[NameCount]:
        """Sources named by visible figures, most cited first."""
        return await self._name_counts(guild_id, "source")

    async def subjects(self, guild_id: int | None) -> list[NameCount]:
        """Subjects of visible figures, most cited first."""
        return await self._name_counts(guild_id, "subject")

    async def aliases(self, kind: str) -> dict[str, str]:
        """Alias -> canonical name for ``kind`` ('subject' or 'claimant')."""
        rows = await self._fetch(
            "SELECT alias, canonical FROM aliases WHERE kind = ? ORDER BY alias", (kind,)
        )
        return {row["alias"]: row["canonical"] for row in rows}

    async def stats(self, guild_id: int | None) -> StoreStats:
        params = {"guild": guild_id}
        docs = await self._fetch(
            f"SELECT COUNT(*) AS n, MAX(d.updated_at) AS last FROM documents d WHERE {VISIBLE}",
            params,
        )
        figures = await self._fetch(
            f"SELECT COUNT(*) AS n FROM {seen_figures()} f WHERE {SHOWN}", params
        )
        events = await self._fetch(
            "SELECT COUNT(*) AS n FROM events e JOIN documents d ON d.key = e.document"
            f" WHERE {VISIBLE}",
            params,
        )
        last = docs[0]["last"]
        return StoreStats(
            documents=docs[0]["n"],
            figures=figures[0]["n"],
            events=events[0]["n"],
            last_updated=datetime.fromisoformat(last) if last else None,
        )

    async def export(self, guild_id: int | None, *, all_guilds: bool = False) -> dict[str, Any]:
        """``{"documents", "figures", "events"}``, each record as its ``to_json`` gives it: what
        ``python -m bot export --format json`` prints.

        Figures and events are in document order; ``all_guilds`` exports every owner's documents
        (for the operator's CLI), otherwise what ``guild_id`` sees: its overlay applied, hidden
        figures included with their status.
        """
        visible = "TRUE" if all_guilds else VISIBLE
        params = {"guild": guild_id}
        documents = await self._fetch(f"{_DOCUMENT_SELECT} WHERE {visible} ORDER BY d.key", params)
        figures = await self._fetch(
            f"SELECT f.* FROM {seen_figures(all_guilds=all_guilds)} f"
            " ORDER BY f.document, f.position",
            params,
        )
        events = await self._fetch(
            "SELECT e.* FROM events e JOIN documents d ON d.key = e.document"
            f" WHERE {visible} ORDER BY e.document, e.position",
            params,
        )
        return {
            "documents": [document_info_from_row(row).to_json() for row in documents],
            "figures": [seen_figure_from_row(row).to_json() for row in figures],
            "events": [event_from_row(row).to_json() for row in events],
        }

    async def pragma(self, name: str) -> Any:
        """The value of a read-only PRAGMA (e.g. ``journal_mode``), for checks and diagnostics
        of an SQLite store."""
        from bot.facts.store.sqlite_backend import SqliteDatabase

        if not isinstance(self._db, SqliteDatabase):
            raise StoreError(f"PRAGMA is SQLite's; the store at {self.location} is not SQLite")
        return await self._db.pragma(name)
