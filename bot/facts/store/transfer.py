"""Copying a whole fact base from an SQLite file into another store (a PostgreSQL server): every
table, row for row, in one write transaction of the target, then checked.

``python -m bot migrate-store`` runs it. The target must hold nothing yet (its schema is made by
opening it), unless ``replace`` empties it first, in the same transaction; a failed copy leaves
it as it was. Afterwards every table is compared row by row between the two, and so are the
exports (all documents, and what each server sees), before the copy is reported as done.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from bot.facts.store.errors import StoreError
from bot.facts.store.fact_store import FactStore
from bot.facts.store.transaction import Transaction

#: Every table of the fact base, parents before children; names and aliases before figures,
#: whose insert trigger would otherwise make them (so the trigger finds them and does nothing).
TABLES = (
    "names",
    "aliases",
    "documents",
    "figures",
    "events",
    "overlays",
    "moderator_roles",
    "audit_log",
    "alert_subscriptions",
    "feeds",
    "feed_entries",
    "intake_queue",
    "intake_settings",
)
#: Tables whose ids the database hands out: the copy keeps the ids, so the target's counters
#: must then start after them.
GENERATED_IDS = ("audit_log", "feeds", "intake_queue")
#: Rows read and written per statement.
BATCH = 2_000


@dataclass(frozen=True, slots=True)
class CopyReport:
    counts: dict[str, int]
    version: int
    guilds: int

    def lines(self) -> list[str]:
        width = max(len(table) for table in self.counts)
        rows = [f"  {table:<{width}}  {n:>9,}" for table, n in self.counts.items()]
        return [
            *rows,
            f"  {'store_version':<{width}}  {self.version:>9,} (the change counter)",
            "verified: every table is identical row for row, and so are the exports (all"
            f" documents, and what each of {self.guilds} servers sees)",
        ]


async def columns_of(store: FactStore, table: str) -> list[str]:
    """The columns of ``table`` in the SQLite source."""
    return [str(row["name"]) for row in await store.read(f"PRAGMA table_info({table})", ())]


async def held(store: FactStore) -> dict[str, int]:
    """Rows per table (the change counter aside)."""
    counts = {}
    for table in TABLES:
        [row] = await store.read(f"SELECT COUNT(*) FROM {table}", ())
        counts[table] = int(row[0])
    return counts


async def copy_store(source: FactStore, target: FactStore, *, replace: bool) -> CopyReport:
    if source.dialect.name != "sqlite":
        raise StoreError(f"{source.location} is not an SQLite file")
    before = await held(target)
    if any(before.values()) and not replace:
        rows = ", ".join(f"{n:,} {table}" for table, n in before.items() if n)
        raise StoreError(
            f"{target.location} is not empty ({rows}); nothing was copied. Give --replace to"
            " empty it first (in the same transaction as the copy)."
        )
    [row] = await source.read("SELECT version FROM store_version WHERE id = 1", ())
    version = int(row[0])
    async with target.write(counted=False) as tx:
        for table in reversed(TABLES):
            await tx.execute(f"DELETE FROM {table}")
        for table in TABLES:
            if table == "aliases":  # the names' insert trigger made some: the source has all
                await tx.execute("DELETE FROM aliases")
            await _copy_table(source, tx, table)
        await tx.execute("UPDATE store_version SET version = ? WHERE id = 1", (version,))
        if target.dialect.name == "postgresql":
            for table in GENERATED_IDS:
                await tx.execute(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'),"
                    f" COALESCE((SELECT MAX(id) FROM {table}), 0) + 1, false)"
                )
    counts = await held(target)
    guilds = await compare(source, target)
    return CopyReport(counts, version, guilds)


async def _copy_table(source: FactStore, tx: Transaction, table: str) -> None:
    names = await columns_of(source, table)
    listed = ", ".join(names)
    insert = f"INSERT INTO {table} ({listed}) VALUES ({', '.join('?' * len(names))})"
    offset = 0
    while True:
        rows = await source.read(
            f"SELECT {listed} FROM {table} ORDER BY rowid LIMIT ? OFFSET ?", (BATCH, offset)
        )
        await tx.executemany(insert, [tuple(row[i] for i in range(len(names))) for row in rows])
        if len(rows) < BATCH:
            return
        offset += BATCH


def _sortable(row: Sequence[Any]) -> tuple[tuple[int, Any], ...]:
    return tuple((0, "") if value is None else (1, value) for value in row)


async def _rows(store: FactStore, sql: str, width: int) -> list[tuple[Any, ...]]:
    rows = [tuple(r[i] for i in range(width)) for r in await store.read(sql, ())]
    return sorted(rows, key=_sortable)


async def compare(source: FactStore, target: FactStore) -> int:
    """Refuse (``StoreError``) any difference between the two stores' tables or exports;
    returns the number of servers whose view was compared."""
    from bot.facts.export import server_export

    for table in TABLES:
        names = await columns_of(source, table)
        sql = f"SELECT {', '.join(names)} FROM {table}"
        if await _rows(source, sql, len(names)) != await _rows(target, sql, len(names)):
            raise StoreError(f"the copy of {table} differs from the source; check the target")
    if await source.export(None, all_guilds=True) != await target.export(None, all_guilds=True):
        raise StoreError("the export of the copy differs from the source's; check the target")
    guilds = await source.read(
        "SELECT guild_id FROM overlays UNION SELECT guild_id FROM documents"
        " WHERE guild_id IS NOT NULL ORDER BY 1",
        (),
    )
    for row in guilds:
        guild = int(row[0])
        if await server_export(source, guild) != await server_export(target, guild):
            raise StoreError(f"what server {guild} sees differs in the copy; check the target")
    return len(guilds)
