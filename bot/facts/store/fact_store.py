"""FactStore: the SQLite fact base behind the slash commands.

Every query takes the guild it answers for and sees the shared documents (``guild_id`` NULL, built
from seeds/) plus that guild's own, never another guild's. Writes go through one connection,
serialised by a lock, one ``BEGIN IMMEDIATE`` transaction per document. Every write that
changes something adds one to :attr:`FactStore.version` in the same transaction.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import sqlite3
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable
from datetime import UTC, date, datetime
from pathlib import Path
from types import TracebackType
from typing import Any, NamedTuple, Self, TypeVar

import aiosqlite

from bot.facts.model import Event, Extraction, Figure, Metric, Qualifier
from bot.facts.store.migrate import apply_migrations, bundled_migrations
from bot.facts.store.overlays import figure_filters, seen_figure_from_row, seen_figures
from bot.facts.store.rows import (
    DOCUMENT_COLUMNS,
    EVENT_COLUMNS,
    FIGURE_COLUMNS,
    DocumentInfo,
    IngestResult,
    NameCount,
    StoreStats,
    document_info_from_row,
    document_params,
    event_from_row,
    event_params,
    figure_params,
)

BUSY_TIMEOUT_MS = 5000
T = TypeVar("T")

_VISIBLE = "(d.guild_id IS NULL OR d.guild_id = :guild)"
_SHOWN = "f.status != 'hidden'"

#: Runs inside a write transaction, after the change and before COMMIT (e.g. an audit entry).
IngestHook = Callable[[aiosqlite.Connection, IngestResult], Awaitable[None]]
RemoveHook = Callable[[aiosqlite.Connection], Awaitable[None]]

_INSERT_DOCUMENT = f"INSERT INTO documents ({DOCUMENT_COLUMNS}) VALUES ({', '.join('?' * 17)})"
_UPDATE_DOCUMENT = (
    "UPDATE documents SET guild_id = ?, title = ?, publisher = ?, url = ?, published = ?,"
    " pub_text = ?, pub_start = ?, pub_end = ?, pub_precision = ?, pub_inferred = ?, meta = ?,"
    " digest = ?, text = ?, words = ?, ingested_at = ?, updated_at = ? WHERE key = ?"
)
_INSERT_FIGURE = f"INSERT INTO figures ({FIGURE_COLUMNS}) VALUES ({', '.join('?' * 18)})"
_INSERT_EVENT = f"INSERT INTO events ({EVENT_COLUMNS}) VALUES ({', '.join('?' * 12)})"
_DOCUMENT_COUNTED = (
    "SELECT d.key, d.guild_id, d.title, d.publisher, d.url, d.published, d.pub_text,"
    " d.pub_start, d.pub_end, d.pub_precision, d.pub_inferred, d.digest, d.words,"
    " d.ingested_at, d.updated_at,"
    " COALESCE(fc.n, 0) AS figure_count, COALESCE(ec.n, 0) AS event_count"
    " FROM documents d"
    " LEFT JOIN (SELECT document, COUNT(*) AS n FROM figures GROUP BY document) fc"
    "  ON fc.document = d.key"
    " LEFT JOIN (SELECT document, COUNT(*) AS n FROM events GROUP BY document) ec"
    "  ON ec.document = d.key"
)
_DOCUMENT_SELECT = (
    "SELECT d.key, d.guild_id, d.title, d.publisher, d.url, d.published, d.pub_text,"
    " d.pub_start, d.pub_end, d.pub_precision, d.pub_inferred, d.digest, d.words,"
    " d.ingested_at, d.updated_at,"
    " (SELECT COUNT(*) FROM figures f WHERE f.document = d.key) AS figure_count,"
    " (SELECT COUNT(*) FROM events e WHERE e.document = d.key) AS event_count"
    " FROM documents d"
)
_IDS = "(SELECT value FROM json_each(:ids))"
_FIGURE_ORDER = (
    " ORDER BY f.subject, f.metric, f.date_start IS NULL, f.date_start, f.low, f.document,"
    " f.position"
)


_METRICS = {m.value: m for m in Metric}
_QUALIFIERS = {q.value: q for q in Qualifier}


class FigureKey(NamedTuple):
    """What ordering, grouping and the spread line need of a figure (no quote, no date)."""

    id: str
    subject: str
    metric: Metric
    additional: bool
    low: int
    high: int
    qualifier: Qualifier
    source: str | None


class EventKey(NamedTuple):
    """What ordering and date filtering need of an event."""

    id: str
    start: str
    end: str


class StoreError(Exception):
    """A store operation was refused; the message says why in one line."""


class OwnershipError(StoreError):
    """The document key belongs to another owner (another guild, or shared vs a guild)."""


class InvalidExtractionError(StoreError):
    """The extraction breaks a constraint of the schema (e.g. two figures with one id)."""


def _owner(guild_id: int | None) -> str:
    return "the shared fact base" if guild_id is None else f"guild {guild_id}"


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


def _like(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


#: Rows converted between two yields to the event loop when a query returns many.
_CONVERT_BATCH = 2_000


async def _converted(rows: list[sqlite3.Row], convert: Callable[[sqlite3.Row], T]) -> list[T]:
    """``convert`` applied to every row; a large result yields to the event loop between
    batches, so that converting 100,000 rows never holds up interactions for seconds."""
    if len(rows) <= _CONVERT_BATCH:
        return [convert(row) for row in rows]
    converted: list[T] = []
    for start in range(0, len(rows), _CONVERT_BATCH):
        converted.extend(convert(row) for row in rows[start : start + _CONVERT_BATCH])
        await asyncio.sleep(0)
    return converted


_T = TypeVar("_T")


def _ingest_rows(
    conn: sqlite3.Connection, extraction: Extraction, guild_id: int | None, now: str
) -> IngestResult:
    """The write transaction of one document, opened and left open unless nothing changed."""
    doc = extraction.document
    conn.execute("BEGIN IMMEDIATE")
    try:
        existing = conn.execute(
            "SELECT guild_id, digest, ingested_at,"
            " (SELECT group_concat(id, ' ') FROM"
            "  (SELECT id FROM figures WHERE document = :key ORDER BY position)) AS figure_ids"
            " FROM documents WHERE key = :key",
            {"key": doc.key},
        ).fetchone()
        old_ids: list[str] = []
        if existing is not None:
            if existing["guild_id"] != guild_id:
                raise OwnershipError(
                    f"document {doc.key!r} belongs to {_owner(existing['guild_id'])},"
                    f" not {_owner(guild_id)}"
                )
            if existing["digest"] == doc.digest:
                conn.execute("ROLLBACK")
                return IngestResult(
                    doc.key, "unchanged", len(extraction.figures), len(extraction.events)
                )
            old_ids = (existing["figure_ids"] or "").split()
            params = document_params(extraction, guild_id, now, existing["ingested_at"])
            conn.execute(_UPDATE_DOCUMENT, (*params[1:], doc.key))
            conn.execute("DELETE FROM figures WHERE document = ?", (doc.key,))
            conn.execute("DELETE FROM events WHERE document = ?", (doc.key,))
        else:
            conn.execute(_INSERT_DOCUMENT, document_params(extraction, guild_id, now))
        conn.executemany(
            _INSERT_FIGURE, [figure_params(f, i) for i, f in enumerate(extraction.figures)]
        )
        conn.executemany(
            _INSERT_EVENT, [event_params(e, i) for i, e in enumerate(extraction.events)]
        )
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    new = [f.id for f in extraction.figures]
    old, new_set = set(old_ids), set(new)
    return IngestResult(
        key=doc.key,
        status="replaced" if existing is not None else "added",
        figures=len(extraction.figures),
        events=len(extraction.events),
        kept_ids=tuple(i for i in new if i in old),
        new_ids=tuple(i for i in new if i not in old),
        dropped_ids=tuple(i for i in old_ids if i not in new_set),
    )


def _commit_counted(conn: sqlite3.Connection) -> int:
    """Count the open transaction as one change and commit it; the new version."""
    row = conn.execute(
        "UPDATE store_version SET version = version + 1 WHERE id = 1 RETURNING version"
    ).fetchone()
    conn.execute("COMMIT")
    return int(row[0])


class FactStore:
    def __init__(self, db: aiosqlite.Connection, path: Path, version: int = 0) -> None:
        self._db = db
        self.path = path
        self._write_lock = asyncio.Lock()
        self._version = version
        self._data_version: int | None = None

    @classmethod
    async def open(cls, path: Path | str) -> Self:
        """Open (creating if needed) the database at ``path`` and bring its schema up to date."""
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        db = await aiosqlite.connect(path, isolation_level=None)
        try:
            db.row_factory = sqlite3.Row
            await db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            await db.execute("PRAGMA journal_mode = WAL")
            await db.execute("PRAGMA synchronous = NORMAL")
            await db.execute("PRAGMA foreign_keys = ON")
            await apply_migrations(db, bundled_migrations())
            async with db.execute("SELECT version FROM store_version WHERE id = 1") as cursor:
                row = await cursor.fetchone()
            version = int(row[0]) if row is not None else 0
        except BaseException:
            await db.close()
            raise
        return cls(db, path, version)

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
        """Take up commits made by other processes on the same file, then return :attr:`version`.

        ``PRAGMA data_version`` moves only when another connection commits, so this costs one
        small query; the stored counter is read in the same statement. The in-memory counter
        only moves forward, and not from inside this connection's own open transaction.
        """
        if self._db.in_transaction:
            return self._version
        rows = await self._fetch(
            "SELECT data_version, (SELECT version FROM store_version WHERE id = 1)"
            " FROM pragma_data_version()",
            (),
        )
        if rows and not self._db.in_transaction and rows[0][0] != self._data_version:
            self._data_version = int(rows[0][0])
            self._version = max(self._version, int(rows[0][1] or 0))
        return self._version

    async def _rollback(self) -> None:
        """ROLLBACK after a failed write; SQLite has already rolled back after some errors (a
        full disk, an I/O error), and a second ROLLBACK would hide the error that matters."""
        if self._db.in_transaction:
            await self._db.execute("ROLLBACK")

    async def _bump_version(self) -> int:
        """Count one more change; call inside the write transaction, and after its COMMIT set
        ``self._version`` to the returned value (a rolled-back change must not count)."""
        rows = await self._fetch(
            "UPDATE store_version SET version = version + 1 WHERE id = 1 RETURNING version", ()
        )
        return int(rows[0][0])

    # -- writing ------------------------------------------------------------------------------

    async def ingest(
        self,
        extraction: Extraction,
        *,
        guild_id: int | None = None,
        also: IngestHook | None = None,
    ) -> IngestResult:
        """Store a document and what was extracted from it, all or nothing.

        Identical text under the same key writes nothing. Changed text replaces the document's
        figures and events; figure ids are content hashes, so unchanged sentences keep theirs.
        """
        async with self._write_lock:
            try:
                result = await self._on_db_thread(_ingest_rows, extraction, guild_id, _now())
                if result.status == "unchanged":
                    return result
                if also is not None:
                    await also(self._db, result)
                self._version = await self._on_db_thread(_commit_counted)
                return result
            except sqlite3.IntegrityError as exc:
                await self._rollback()
                raise InvalidExtractionError(
                    f"document {extraction.document.key!r} not stored: {exc}"
                ) from exc
            except BaseException:
                await self._rollback()
                raise

    async def _on_db_thread(self, fn: Callable[..., _T], *args: Any) -> _T:
        """Run ``fn(connection, *args)`` on aiosqlite's own thread, in one trip.

        aiosqlite runs each call on its worker thread; a document's whole write takes several
        statements, and a trip per statement cost about half of the ingest time. ``_execute``
        is the method aiosqlite's public calls are built on; it has no public twin.
        """
        result: _T = await self._db._execute(  # type: ignore[no-untyped-call]
            fn, self._db._conn, *args
        )
        return result

    async def add_aliases(self, kind: str, aliases: dict[str, str]) -> None:
        """Record what users may type (alias) for a canonical subject or claimant name."""
        async with self._write_lock:
            await self._db.execute("BEGIN IMMEDIATE")
            try:
                canon = sorted({(kind, c) for c in aliases.values()})
                await self._db.executemany(
                    "INSERT OR IGNORE INTO names (kind, name) VALUES (?, ?)", canon
                )
                await self._db.executemany(
                    "INSERT OR REPLACE INTO aliases (kind, alias, canonical) VALUES (?, ?, ?)",
                    [(kind, a, c) for a, c in sorted(aliases.items())],
                )
                version = await self._bump_version()
                await self._db.execute("COMMIT")
                self._version = version
            except BaseException:
                await self._rollback()
                raise

    async def remove_document(
        self, key: str, *, guild_id: int | None, also: RemoveHook | None = None
    ) -> bool:
        """Delete a document with its figures and events; False when there was none."""
        async with self._write_lock:
            await self._db.execute("BEGIN IMMEDIATE")
            try:
                rows = await self._fetch("SELECT guild_id FROM documents WHERE key = ?", (key,))
                row = next(iter(rows), None)
                if row is None:
                    await self._db.execute("ROLLBACK")
                    return False
                if row["guild_id"] != guild_id:
                    raise OwnershipError(
                        f"document {key!r} belongs to {_owner(row['guild_id'])},"
                        f" not {_owner(guild_id)}"
                    )
                await self._db.execute("DELETE FROM documents WHERE key = ?", (key,))
                if also is not None:
                    await also(self._db)
                version = await self._bump_version()
                await self._db.execute("COMMIT")
                self._version = version
                return True
            except BaseException:
                await self._rollback()
                raise

    @contextlib.asynccontextmanager
    async def write_transaction(
        self, *, counted: bool = True
    ) -> AsyncIterator[aiosqlite.Connection]:
        """One ``BEGIN IMMEDIATE`` transaction under the write lock that counts as a change:
        committed (and :attr:`version` moved) when the block ends, rolled back if it raises.

        ``counted=False`` is for writes that change nothing a server's answers show (a feed's
        polling state, the review queue), so that caches keyed on :attr:`version` stay valid.
        """
        async with self._write_lock:
            await self._db.execute("BEGIN IMMEDIATE")
            try:
                yield self._db
                version = await self._bump_version() if counted else self._version
                await self._db.execute("COMMIT")
                self._version = version
            except BaseException:
                await self._rollback()
                raise

    async def read(self, sql: str, params: dict[str, Any] | tuple[Any, ...]) -> list[sqlite3.Row]:
        """Rows of one query, for the store package's other modules (overlays)."""
        return await self._fetch(sql, params)

    # -- reading ------------------------------------------------------------------------------

    async def _fetch(self, sql: str, params: dict[str, Any] | tuple[Any, ...]) -> list[sqlite3.Row]:
        return list(await self._db.execute_fetchall(sql, params))

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
        filters = figure_filters(params, metrics=metrics, subject=subject, source=source)
        if filters is None:
            return []
        where = ["1" if include_hidden else _SHOWN, *filters]
        if document is not None:
            where.append("f.document = :document")
            params["document"] = document
        sql = f"SELECT f.* FROM {seen_figures()} f WHERE {' AND '.join(where)}" + _FIGURE_ORDER
        if limit is not None:
            sql += " LIMIT :limit"
            params["limit"] = limit
        return await _converted(await self._fetch(sql, params), seen_figure_from_row)

    async def figure(
        self, guild_id: int | None, figure_id: str, *, include_hidden: bool = False
    ) -> Figure | None:
        """One figure as the guild sees it; None when it is not visible there (or hidden)."""
        rows = await self._fetch(
            f"SELECT f.* FROM {seen_figures()} f WHERE f.id = :id"
            f" AND {'1' if include_hidden else _SHOWN}",
            {"id": figure_id.strip().lower(), "guild": guild_id},
        )
        return seen_figure_from_row(rows[0]) if rows else None

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
        where = [_VISIBLE]
        params: dict[str, Any] = {"guild": guild_id}
        if since is not None:
            where.append("e.date_end >= :since")
            params["since"] = since.isoformat()
        if until is not None:
            where.append("e.date_start <= :until")
            params["until"] = until.isoformat()
        if about is not None and about.strip():
            where.append("(e.summary LIKE :about ESCAPE '\\' OR e.quote LIKE :about ESCAPE '\\')")
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
        rows = await self._db.execute_fetchall(
            "SELECT f.id, f.subject, f.metric, f.additional, f.low, f.high, f.qualifier, f.source"
            f" FROM {seen_figures()} f WHERE {_SHOWN}" + _FIGURE_ORDER,
            {"guild": guild_id},
        )
        metrics, qualifiers = _METRICS, _QUALIFIERS
        return await _converted(
            list(rows),
            lambda r: FigureKey(
                r[0], r[1], metrics[r[2]], bool(r[3]), r[4], r[5], qualifiers[r[6]], r[7]
            ),
        )

    async def figures_by_id(self, guild_id: int | None, ids: Iterable[str]) -> list[Figure]:
        """The figures with these ids as the guild sees them, in the order given; ids it does
        not see (or hidden ones) are left out."""
        return await self._by_ids(
            f"SELECT f.* FROM {seen_figures()} f WHERE {_SHOWN} AND f.id IN {_IDS}",
            guild_id, ids, seen_figure_from_row,
        )

    async def figures_by_id_prefix(
        self, guild_id: int | None, prefix: str, limit: int
    ) -> list[Figure]:
        """Up to ``limit`` visible figures whose id starts with ``prefix``, by id (a look-up on
        the id index, for autocomplete before the search index is built)."""
        low = prefix.strip().lower()
        rows = await self._fetch(
            f"SELECT f.* FROM {seen_figures()} f WHERE {_SHOWN}"
            " AND f.id >= :low AND f.id < :high ORDER BY f.id LIMIT :limit",
            {"guild": guild_id, "low": low, "high": low + "\U0010ffff", "limit": limit},
        )
        return [seen_figure_from_row(row) for row in rows]

    async def event_keys(self, guild_id: int | None) -> list[EventKey]:
        """Every visible event in the order of :meth:`events`, as light keys."""
        rows = await self._db.execute_fetchall(
            "SELECT e.id, e.date_start, e.date_end FROM events e"
            f" JOIN documents d ON d.key = e.document WHERE {_VISIBLE}"
            " ORDER BY e.date_start, e.date_end, e.document, e.position",
            {"guild": guild_id},
        )
        return await _converted(list(rows), lambda r: EventKey(r[0], r[1], r[2]))

    async def events_by_id(self, guild_id: int | None, ids: Iterable[str]) -> list[Event]:
        """The visible events with these ids, in the order given."""
        return await self._by_ids(
            "SELECT e.* FROM events e JOIN documents d ON d.key = e.document"
            f" WHERE {_VISIBLE} AND e.id IN {_IDS}",
            guild_id, ids, event_from_row,
        )

    async def _by_ids(
        self,
        sql: str,
        guild_id: int | None,
        ids: Iterable[str],
        convert: Callable[[sqlite3.Row], _T],
    ) -> list[_T]:
        """Rows of ``sql`` (which selects ``IN {_IDS}``) for these ids, in the order given."""
        wanted = list(ids)
        if not wanted:
            return []
        rows = await self._fetch(sql, {"guild": guild_id, "ids": json.dumps(wanted)})
        found = {row["id"]: convert(row) for row in rows}
        return [found[i] for i in wanted if i in found]

    async def documents(self, guild_id: int | None) -> list[DocumentInfo]:
        rows = await self._fetch(
            f"{_DOCUMENT_COUNTED} WHERE {_VISIBLE} ORDER BY d.key", {"guild": guild_id}
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
            f"{_DOCUMENT_SELECT} WHERE d.key IN (SELECT value FROM json_each(:keys))"
            " AND (+d.guild_id IS NULL OR +d.guild_id = :guild)",
            {"guild": guild_id, "keys": json.dumps(wanted)},
        )
        return {row["key"]: document_info_from_row(row) for row in rows}

    async def document(self, guild_id: int | None, key: str) -> DocumentInfo | None:
        rows = await self._fetch(
            f"{_DOCUMENT_SELECT} WHERE d.key = :key AND {_VISIBLE}", {"key": key, "guild": guild_id}
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
            f" WHERE {_SHOWN} AND f.{column} IS NOT NULL"
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
            f"SELECT COUNT(*) AS n, MAX(d.updated_at) AS last FROM documents d WHERE {_VISIBLE}",
            params,
        )
        figures = await self._fetch(
            f"SELECT COUNT(*) AS n FROM {seen_figures()} f WHERE {_SHOWN}", params
        )
        events = await self._fetch(
            "SELECT COUNT(*) AS n FROM events e JOIN documents d ON d.key = e.document"
            f" WHERE {_VISIBLE}",
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
        """``{"documents", "figures", "events"}`` as in the export contract of DESIGN.md.

        Figures and events are in document order; ``all_guilds`` exports every owner's documents
        (for the operator's CLI), otherwise what ``guild_id`` sees: its overlay applied, hidden
        figures included with their status.
        """
        visible = "1" if all_guilds else _VISIBLE
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
        """The value of a read-only PRAGMA (e.g. ``journal_mode``), for checks and diagnostics."""
        if not name.isidentifier():
            raise ValueError(f"not a pragma name: {name!r}")
        rows = await self._fetch(f"PRAGMA {name}", ())
        return rows[0][0] if rows else None
