"""The store on one SQLite file (the embedded default): one connection, WAL, a header mark.

Other processes on the same file are noticed through ``PRAGMA data_version``, which moves only
when another connection commits: one small query tells whether the stored change counter must
be read again.
"""

from __future__ import annotations

import sqlite3
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import aiosqlite

from bot.facts.store.dialect import SQLITE, Params, Row
from bot.facts.store.errors import SchemaError
from bot.facts.store.migrate import (
    APPLICATION_ID,
    RECORD_TABLE,
    Migration,
    apply_migrations,
    check_applied,
    foreign,
)
from bot.facts.store.transaction import Transaction, sqlite_transaction

BUSY_TIMEOUT_MS = 5000


class SqliteDatabase:
    dialect = SQLITE

    def __init__(self, db: aiosqlite.Connection, path: Path) -> None:
        self._db = db
        self.path: Path | None = path
        self.location = str(path)
        self._data_version: int | None = None

    @classmethod
    async def open(cls, path: Path, migrations: list[Migration]) -> SqliteDatabase:
        """The connection, its settings and an up-to-date schema; refuses a file that is not a
        fact base of this code (``SchemaError``) before writing anything to it."""
        path.parent.mkdir(parents=True, exist_ok=True)
        db = await aiosqlite.connect(path, isolation_level=None)
        database = cls(db, path)
        try:
            db.row_factory = sqlite3.Row
            await database.fetch(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}", ())
            await database._check(migrations)
            await database.fetch("PRAGMA journal_mode = WAL", ())
            await database.fetch("PRAGMA synchronous = NORMAL", ())
            await database.fetch("PRAGMA foreign_keys = ON", ())
            await apply_migrations(database.transaction, "sqlite", migrations)
            if await database.pragma("application_id") != APPLICATION_ID:
                await database.fetch(f"PRAGMA application_id = {APPLICATION_ID}", ())
        except BaseException:
            await db.close()
            raise
        return database

    async def _check(self, migrations: list[Migration]) -> None:
        """Refuse a file this code must not write to; an empty (new) database passes."""
        try:
            app_id = await self.pragma("application_id")
            tables = [
                row[0]
                for row in await self.fetch(
                    "SELECT name FROM sqlite_schema WHERE type = 'table'"
                    " AND name NOT LIKE 'sqlite_%' ORDER BY name",
                    (),
                )
            ]
        except sqlite3.DatabaseError as exc:
            raise SchemaError(f"{self.location} is not an SQLite database ({exc}).") from None
        if app_id not in (0, APPLICATION_ID):
            raise foreign(self.location)
        if not tables:
            return
        if RECORD_TABLE not in tables:
            raise foreign(self.location)
        columns = [row[1] for row in await self.fetch(f"PRAGMA table_info({RECORD_TABLE})", ())]
        if not set(columns) >= {"version", "name"}:
            raise foreign(self.location)
        applied = await self.fetch(f"SELECT version, name FROM {RECORD_TABLE} ORDER BY version", ())
        check_applied(self.location, columns, [(r[0], r[1]) for r in applied], migrations)

    async def fetch(self, sql: str, params: Params) -> list[Row]:
        return list(await self._db.execute_fetchall(sql, params))

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[Transaction]:
        async with sqlite_transaction(self._db) as tx:
            yield tx

    async def newer_version(self) -> int | None:
        """The stored change counter when another connection committed since the last call;
        None when none did (or this connection's own transaction is open)."""
        if self._db.in_transaction:
            return None
        rows = await self.fetch(
            "SELECT data_version, (SELECT version FROM store_version WHERE id = 1)"
            " FROM pragma_data_version()",
            (),
        )
        if not rows or self._db.in_transaction or rows[0][0] == self._data_version:
            return None
        self._data_version = int(rows[0][0])
        return int(rows[0][1] or 0)

    async def pragma(self, name: str) -> Any:
        """The value of a read-only PRAGMA (e.g. ``journal_mode``), for checks and diagnostics."""
        if not name.isidentifier():
            raise ValueError(f"not a pragma name: {name!r}")
        rows = await self.fetch(f"PRAGMA {name}", ())
        return rows[0][0] if rows else None

    async def close(self) -> None:
        await self._db.close()
