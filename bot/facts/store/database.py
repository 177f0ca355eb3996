"""The database under the store: what :class:`FactStore` needs of one, and opening the right
one for a location (an SQLite file or a PostgreSQL URL)."""

from __future__ import annotations

from contextlib import AbstractAsyncContextManager
from pathlib import Path
from typing import Protocol

from bot.facts.store.dialect import Dialect, Params, Row
from bot.facts.store.errors import StoreError
from bot.facts.store.location import LocationError, store_location
from bot.facts.store.migrate import Migration, bundled_migrations
from bot.facts.store.transaction import Transaction


class Database(Protocol):
    dialect: Dialect
    #: Where it is, for messages (a path, or a URL without its password).
    location: str
    #: The SQLite file; None on a server.
    path: Path | None

    async def fetch(self, sql: str, params: Params) -> list[Row]: ...

    def transaction(self) -> AbstractAsyncContextManager[Transaction]: ...

    async def newer_version(self) -> int | None:
        """The stored change counter when it may have moved through another connection; None
        when nothing says it did."""
        ...

    async def close(self) -> None: ...


async def open_database(
    target: Path | str, migrations: list[Migration] | None = None
) -> Database:
    """The database at ``target`` with its schema brought up to date (``StoreError`` when it
    cannot be used: unreachable, another application's, newer than this code); ``migrations``
    (all of them by default) are those applied (tests of a migration stop before it)."""
    try:
        where = store_location(target) if isinstance(target, str) else target
    except LocationError as exc:
        raise StoreError(str(exc)) from None
    if migrations is None:
        migrations = bundled_migrations()
    if isinstance(where, str):
        from bot.facts.store.postgres_backend import PostgresDatabase

        return await PostgresDatabase.open(where, migrations)
    from bot.facts.store.sqlite_backend import SqliteDatabase

    return await SqliteDatabase.open(where, migrations)
