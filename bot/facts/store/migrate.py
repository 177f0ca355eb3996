"""The schema: whose file this is, and numbered SQL migrations applied once each, in order.

Before anything is written, :func:`check_schema` refuses a file that is not SQLite, another
application's SQLite file (tables but not our migration record, or another application id in the
header) and a fact base written by a newer version of the code (a migration this code does not
know), each with a :class:`SchemaError` that says so in one line.

Migrations are ``bot/facts/migrations/NNNN_name.sql``. Each runs inside its own transaction
together with its row in ``schema_migrations``, so a failing migration leaves the database as it
was. Statements are split with ``sqlite3.complete_statement`` rather than run with
``executescript``, which would commit the surrounding transaction first.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import aiosqlite

from bot.facts.store.errors import SchemaError
from bot.facts.store.rows import utc_now
from bot.facts.store.transaction import transaction

_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")
#: Written into the file header (``PRAGMA application_id``): "FBOT".
APPLICATION_ID = 0x46424F54
_RECORD_COLUMNS = {"version", "name", "applied_at"}


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    name: str
    sql: str


def bundled_migrations() -> list[Migration]:
    """The migrations shipped in ``bot/facts/migrations``, in version order."""
    folder = resources.files("bot.facts").joinpath("migrations")
    found: list[Migration] = []
    for entry in folder.iterdir():
        match = _NAME.match(entry.name)
        if match:
            found.append(Migration(int(match.group(1)), entry.name, entry.read_text("utf-8")))
    found.sort(key=lambda m: m.version)
    versions = [m.version for m in found]
    if len(set(versions)) != len(versions):
        raise RuntimeError(f"two migrations share a version number: {versions}")
    return found


def split_statements(sql: str) -> list[str]:
    statements: list[str] = []
    buffer = ""
    for piece in sql.split(";"):
        buffer += piece + ";"
        if sqlite3.complete_statement(buffer):
            statement = buffer.strip()
            if statement.strip(";").strip() and not _only_comments(statement):
                statements.append(statement)
            buffer = ""
    return statements


def _only_comments(statement: str) -> bool:
    lines = [line.strip() for line in statement.rstrip(";").splitlines()]
    return all(not line or line.startswith("--") for line in lines)


async def _values(db: aiosqlite.Connection, sql: str) -> list[sqlite3.Row]:
    return list(await db.execute_fetchall(sql))


async def check_schema(db: aiosqlite.Connection, path: Path, migrations: list[Migration]) -> None:
    """Refuse a file this code must not write to; an empty (new) database passes."""
    try:
        [(app_id,)] = await _values(db, "PRAGMA application_id")
        tables = [
            row[0]
            for row in await _values(
                db,
                "SELECT name FROM sqlite_schema WHERE type = 'table'"
                " AND name NOT LIKE 'sqlite_%' ORDER BY name",
            )
        ]
    except sqlite3.DatabaseError as exc:
        raise SchemaError(f"{path} is not an SQLite database ({exc}).") from None
    foreign = (
        f"{path} is an SQLite database of another application; the bot will not write to it."
        " Set FACTBOT_DB to a new file."
    )
    if app_id not in (0, APPLICATION_ID):
        raise SchemaError(foreign)
    if not tables:
        return
    if "schema_migrations" not in tables:
        raise SchemaError(foreign)
    columns = {row[1] for row in await _values(db, "PRAGMA table_info(schema_migrations)")}
    if not columns >= _RECORD_COLUMNS:
        raise SchemaError(foreign)
    known = {m.version: m.name for m in migrations}
    applied = await _values(db, "SELECT version, name FROM schema_migrations ORDER BY version")
    if any(version in known and known[version] != name for version, name in applied):
        raise SchemaError(foreign)
    newest = max((version for version, _ in applied), default=0)
    if newest > max(known, default=0):
        raise SchemaError(
            f"{path} was written by a newer version of the bot (schema {newest}; this version"
            f" knows up to {max(known, default=0)}). Upgrade the bot, or set FACTBOT_DB to"
            " another file."
        )


async def apply_migrations(db: aiosqlite.Connection, migrations: list[Migration]) -> list[int]:
    """Apply the migrations not yet recorded; return the versions applied now."""
    await db.execute_fetchall(
        "CREATE TABLE IF NOT EXISTS schema_migrations ("
        " version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
    )
    applied: list[int] = []
    for migration in migrations:
        async with transaction(db) as tx:
            if await tx.fetchone(
                "SELECT 1 FROM schema_migrations WHERE version = ?", (migration.version,)
            ):
                tx.nothing_changed()
                continue
            for statement in split_statements(migration.sql):
                await tx.execute(statement)
            await tx.execute(
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
                (migration.version, migration.name, utc_now()),
            )
            applied.append(migration.version)
    [(app_id,)] = await _values(db, "PRAGMA application_id")
    if app_id != APPLICATION_ID:
        await db.execute_fetchall(f"PRAGMA application_id = {APPLICATION_ID}")
    return applied
