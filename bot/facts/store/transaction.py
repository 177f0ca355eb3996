"""The one way the store writes: a :class:`Transaction`, opened by its database.

Every write of the store (a document, aliases, an overlay, an alert setting, an audit entry, a
migration) runs inside ``async with database.transaction() as tx``, usually through
``FactStore.write()``, which adds the process's write lock and the change counter. The block's
statements go through ``tx`` only; the transaction commits when the block ends, rolls back when
it raises, and rolls back without counting as a change when the block called
:meth:`Transaction.nothing_changed`.

Both databases give the same guarantee as SQLite's single writer: one write transaction at a
time over the whole store, whichever process runs it. SQLite takes the file's write lock at
``BEGIN IMMEDIATE``; PostgreSQL takes one transaction-scoped advisory lock
(:data:`WRITE_LOCK`) as the first statement, so that every read inside a write sees the state
no other write can change before it commits (a quota checked, then the row inserted). Reads
outside writes never wait for it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import AsyncIterator, Iterable
from contextlib import asynccontextmanager
from typing import TYPE_CHECKING, Any

import aiosqlite

from bot.facts.store.dialect import SQLITE, Dialect, Params, Row, postgres_query

if TYPE_CHECKING:
    import asyncpg

#: The advisory lock key of the store's writes on PostgreSQL ("FBOTSTOR" as 8 bytes).
WRITE_LOCK = 0x46424F5453544F52


class Transaction:
    """The statements of one open write transaction."""

    dialect: Dialect = SQLITE

    def __init__(self) -> None:
        self.changed = True

    async def execute(self, sql: str, params: Params = ()) -> None:
        raise NotImplementedError

    async def executemany(self, sql: str, rows: Iterable[Params]) -> None:
        raise NotImplementedError

    async def fetch(self, sql: str, params: Params = ()) -> list[Row]:
        raise NotImplementedError

    async def fetchone(self, sql: str, params: Params = ()) -> Row | None:
        rows = await self.fetch(sql, params)
        return rows[0] if rows else None

    async def script(self, sql: str) -> None:
        """Statements without parameters, in order (a migration)."""
        raise NotImplementedError

    def nothing_changed(self) -> None:
        """The block found nothing to do: roll back at its end, and do not count a change."""
        self.changed = False


class SqliteTransaction(Transaction):
    def __init__(self, db: aiosqlite.Connection) -> None:
        super().__init__()
        self._db = db

    async def execute(self, sql: str, params: Params = ()) -> None:
        await self._db.execute_fetchall(sql, params)

    async def executemany(self, sql: str, rows: Iterable[Params]) -> None:
        rows = list(rows)
        if rows:
            async with self._db.executemany(sql, rows):
                pass

    async def fetch(self, sql: str, params: Params = ()) -> list[Row]:
        return list(await self._db.execute_fetchall(sql, params))

    async def script(self, sql: str) -> None:
        # one by one: executescript would commit the open transaction first
        for statement in split_statements(sql):
            await self._db.execute_fetchall(statement)


def split_statements(sql: str) -> list[str]:
    """SQLite statements of a script, comments-only pieces left out."""
    statements: list[str] = []
    buffer = ""
    for piece in sql.split(";"):
        buffer += piece + ";"
        if sqlite3.complete_statement(buffer):
            statement = buffer.strip()
            lines = [line.strip() for line in statement.rstrip(";").splitlines()]
            if any(line and not line.startswith("--") for line in lines):
                statements.append(statement)
            buffer = ""
    return statements


async def rollback(db: aiosqlite.Connection) -> None:
    """ROLLBACK after a failed write; SQLite has already rolled back after some errors (a full
    disk, an I/O error), and a second ROLLBACK would hide the error that matters."""
    if db.in_transaction:
        await db.execute_fetchall("ROLLBACK")


@asynccontextmanager
async def sqlite_transaction(db: aiosqlite.Connection) -> AsyncIterator[Transaction]:
    """``BEGIN IMMEDIATE`` (the write lock of the file is taken at once, so a write never fails
    half-way for want of it), then COMMIT, or ROLLBACK when the block raises or changed nothing.
    The caller serialises transactions on one connection."""
    await db.execute_fetchall("BEGIN IMMEDIATE")
    tx = SqliteTransaction(db)
    try:
        yield tx
    except BaseException:
        await rollback(db)
        raise
    try:
        await db.execute_fetchall("COMMIT" if tx.changed else "ROLLBACK")
    except BaseException:
        await rollback(db)
        raise


class PostgresTransaction(Transaction):
    def __init__(self, conn: asyncpg.Connection, dialect: Dialect) -> None:
        super().__init__()
        self._conn = conn
        self.dialect = dialect

    async def execute(self, sql: str, params: Params = ()) -> None:
        text, args = postgres_query(sql, params)
        await self._conn.execute(text, *args)

    async def executemany(self, sql: str, rows: Iterable[Params]) -> None:
        batch = [postgres_query(sql, row) for row in rows]
        if batch:
            await self._conn.executemany(batch[0][0], [args for _, args in batch])

    async def fetch(self, sql: str, params: Params = ()) -> list[Row]:
        text, args = postgres_query(sql, params)
        rows: list[Any] = await self._conn.fetch(text, *args)
        return rows

    async def script(self, sql: str) -> None:
        # one round trip: asyncpg sends a query without parameters as a simple query
        await self._conn.execute(sql)


@asynccontextmanager
async def postgres_transaction(
    conn: asyncpg.Connection, dialect: Dialect
) -> AsyncIterator[PostgresTransaction]:
    """BEGIN (read committed) and the store's write lock, then COMMIT, or ROLLBACK when the
    block raises or changed nothing. Read committed, not a snapshot: each statement after the
    lock sees every write committed before it was granted."""
    await conn.execute("BEGIN ISOLATION LEVEL READ COMMITTED")
    tx = PostgresTransaction(conn, dialect)
    try:
        await conn.execute("SELECT pg_advisory_xact_lock($1)", WRITE_LOCK)
        yield tx
    except BaseException:
        await _postgres_rollback(conn)
        raise
    try:
        await conn.execute("COMMIT" if tx.changed else "ROLLBACK")
    except BaseException:
        await _postgres_rollback(conn)
        raise


async def _postgres_rollback(conn: asyncpg.Connection) -> None:
    """ROLLBACK, unless the connection is gone: the server has then rolled back by itself, and
    the error that broke the connection is the one to report."""
    if conn.is_closed() or not conn.is_in_transaction():
        return
    try:
        await conn.execute("ROLLBACK")
    except Exception:
        conn.terminate()
