"""The one way the store writes: a :class:`Transaction` opened by :func:`transaction`.

Every write of the store (a document, aliases, an overlay, an alert setting, an audit entry, a
migration) runs inside ``async with transaction(db) as tx``, usually through
``FactStore.write()``, which adds the write lock and the change counter. The block's statements go
through ``tx`` only; the transaction commits when the block ends, rolls back when it raises, and
rolls back without counting as a change when the block called :meth:`Transaction.nothing_changed`.

The shape is that of any database driver's transaction (asyncpg's ``conn.transaction()`` with
``execute``/``executemany``/``fetch``), so the store's SQL does not depend on aiosqlite beyond
this module and the connection it is given.
"""

from __future__ import annotations

import sqlite3
from collections.abc import AsyncIterator, Iterable, Mapping, Sequence
from contextlib import asynccontextmanager
from typing import Any

import aiosqlite

Params = Mapping[str, Any] | Sequence[Any]


class Transaction:
    """The statements of one open write transaction."""

    def __init__(self, db: aiosqlite.Connection) -> None:
        self._db = db
        self.changed = True

    async def execute(self, sql: str, params: Params = ()) -> None:
        await self._db.execute_fetchall(sql, params)

    async def executemany(self, sql: str, rows: Iterable[Params]) -> None:
        rows = list(rows)
        if rows:
            async with self._db.executemany(sql, rows):
                pass

    async def fetch(self, sql: str, params: Params = ()) -> list[sqlite3.Row]:
        return list(await self._db.execute_fetchall(sql, params))

    async def fetchone(self, sql: str, params: Params = ()) -> sqlite3.Row | None:
        rows = await self.fetch(sql, params)
        return rows[0] if rows else None

    def nothing_changed(self) -> None:
        """The block found nothing to do: roll back at its end, and do not count a change."""
        self.changed = False


async def rollback(db: aiosqlite.Connection) -> None:
    """ROLLBACK after a failed write; SQLite has already rolled back after some errors (a full
    disk, an I/O error), and a second ROLLBACK would hide the error that matters."""
    if db.in_transaction:
        await db.execute_fetchall("ROLLBACK")


@asynccontextmanager
async def transaction(db: aiosqlite.Connection) -> AsyncIterator[Transaction]:
    """``BEGIN IMMEDIATE`` (the write lock of the file is taken at once, so a write never fails
    half-way for want of it), then COMMIT, or ROLLBACK when the block raises or changed nothing.
    The caller serialises transactions on one connection."""
    await db.execute_fetchall("BEGIN IMMEDIATE")
    tx = Transaction(db)
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
