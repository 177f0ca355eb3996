"""The store on a PostgreSQL server (``FACTBOT_DB=postgresql://...``), shared by several hosts.

Reads go through a small connection pool and never wait for writes; writes take the store's
advisory lock (see ``transaction``), so that writers on every host are serialised as SQLite's
are on one. Other hosts' commits are heard through LISTEN/NOTIFY (``version_listener``), and the
change counter is also read directly every :data:`CHECK_SECONDS`, and at once while the
listener is disconnected, so that a lost notification never leaves caches stale for longer.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bot.facts.store.dialect import Params, Row, postgres_dialect, postgres_query
from bot.facts.store.errors import StoreError
from bot.facts.store.location import redacted
from bot.facts.store.migrate import (
    APPLICATION_MARK,
    RECORD_TABLE,
    Migration,
    apply_migrations,
    check_applied,
    foreign,
)
from bot.facts.store.transaction import Transaction, postgres_transaction
from bot.facts.store.version_listener import VersionListener

if TYPE_CHECKING:
    import asyncpg

POOL_SIZE = 5
CONNECT_SECONDS = 10.0
#: The longest the counter is trusted to the listener alone.
CHECK_SECONDS = 5.0
#: Set on every connection: a write waits at most this long for another host's write, and a
#: host that stopped answering in the middle of a write releases the lock after a minute.
SESSION_SETTINGS = {
    "application_name": "factbot",
    "lock_timeout": "10s",
    "idle_in_transaction_session_timeout": "60s",
}


class PostgresDatabase:
    dialect = postgres_dialect()
    path: Path | None = None

    def __init__(self, pool: asyncpg.Pool, url: str) -> None:
        self._pool = pool
        self._url = url
        self.location = redacted(url)
        self._heard = 0
        self._checked = float("-inf")
        self.check_seconds = CHECK_SECONDS
        self.listener = VersionListener(self._connect, self._hear, self._recheck)

    @classmethod
    async def open(cls, url: str, migrations: list[Migration]) -> PostgresDatabase:
        import asyncpg

        try:
            pool = await asyncpg.create_pool(
                url, min_size=1, max_size=POOL_SIZE, timeout=CONNECT_SECONDS,
                server_settings=SESSION_SETTINGS, reset=_keep_session,
            )
        except (TimeoutError, OSError, asyncpg.PostgresError, asyncpg.InterfaceError) as exc:
            raise StoreError(
                f"cannot open the PostgreSQL fact base at {redacted(url)}: {_reason(exc)}"
            ) from None
        database = cls(pool, url)
        try:
            await database._check(migrations)
            await apply_migrations(database.transaction, "postgresql", migrations)
            await database.listener.start()
        except BaseException:
            await database.close()
            raise
        return database

    async def _connect(self) -> asyncpg.Connection:
        import asyncpg

        return await asyncpg.connect(
            self._url, timeout=CONNECT_SECONDS, server_settings=SESSION_SETTINGS
        )

    async def _check(self, migrations: list[Migration]) -> None:
        """Refuse a database (its current schema) that holds another application's tables; an
        empty one passes."""
        tables = {
            row["name"]: row["note"]
            for row in await self.fetch(
                "SELECT c.relname AS name, obj_description(c.oid, 'pg_class') AS note"
                " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                " WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p')",
                (),
            )
        }
        if not tables:
            return
        if tables.get(RECORD_TABLE) != APPLICATION_MARK:
            raise foreign(self.location)
        columns = [
            row["column_name"]
            for row in await self.fetch(
                "SELECT column_name FROM information_schema.columns"
                " WHERE table_schema = current_schema() AND table_name = ?",
                (RECORD_TABLE,),
            )
        ]
        applied = await self.fetch(f"SELECT version, name FROM {RECORD_TABLE} ORDER BY version", ())
        check_applied(self.location, columns, [(r[0], r[1]) for r in applied], migrations)

    async def fetch(self, sql: str, params: Params) -> list[Row]:
        text, args = postgres_query(sql, params)
        rows: list[Any] = await self._pool.fetch(text, *args)
        return rows

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[Transaction]:
        async with (
            self._pool.acquire() as conn,
            postgres_transaction(conn, self.dialect) as tx,
        ):
            yield tx

    def _hear(self, version: int) -> None:
        self._heard = max(self._heard, version)

    def _recheck(self) -> None:
        self._checked = float("-inf")

    async def newer_version(self) -> int | None:
        """The newest change counter heard of; read from the database when the listener is
        down or has been trusted alone for :attr:`check_seconds`."""
        now = time.monotonic()
        if self.listener.connected and now - self._checked < self.check_seconds:
            return self._heard
        self._checked = now
        rows = await self.fetch("SELECT version FROM store_version WHERE id = 1", ())
        stored = int(rows[0][0]) if rows else 0
        if stored > self._heard and self.listener.connected:
            self.listener.probe()
        self._hear(stored)
        return self._heard

    async def close(self) -> None:
        try:
            await self.listener.close()
        finally:
            await self._pool.close()


async def _keep_session(conn: asyncpg.Connection) -> None:
    """What a connection needs before it goes back to the pool: nothing beyond asyncpg's own
    rollback of a transaction left open. The store's connections change no session state (no
    SET, LISTEN, cursor or session-level lock), and the default reset query would cost one
    more round trip after every read."""


def _reason(exc: BaseException) -> str:
    if isinstance(exc, asyncio.TimeoutError):
        return f"no answer within {CONNECT_SECONDS:.0f} s"
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return str(exc).splitlines()[0] if str(exc) else type(exc).__name__
