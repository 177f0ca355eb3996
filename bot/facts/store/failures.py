"""Database errors that mean the fact base cannot take writes at the moment, in words for the
moderator who tried, on either database."""

from __future__ import annotations

import sqlite3

#: SQLite primary result codes that mean the database cannot take writes at the moment.
_SQLITE = {
    sqlite3.SQLITE_FULL: "out of disk space",
    sqlite3.SQLITE_READONLY: "read-only",
    sqlite3.SQLITE_IOERR: "failing to write to disk",
    sqlite3.SQLITE_CANTOPEN: "failing to open its files",
    sqlite3.SQLITE_PERM: "not writable by the bot",
    sqlite3.SQLITE_BUSY: "locked by another process",
}
#: PostgreSQL error codes (SQLSTATE) that mean the same.
_POSTGRES = {
    "53100": "out of disk space",
    "25006": "read-only",
    "42501": "not writable by the bot",
    "55P03": "locked by another process",
}


def write_refusal(error: BaseException) -> str | None:
    """Why the database refused a write, when ``error`` is such a refusal; else None."""
    if isinstance(error, sqlite3.OperationalError):
        code = getattr(error, "sqlite_errorcode", None)
        return None if code is None else _SQLITE.get(code & 0xFF)
    state = getattr(error, "sqlstate", None)
    if isinstance(state, str) and type(error).__module__.startswith("asyncpg"):
        return _POSTGRES.get(state)
    return None


def database_errors() -> tuple[type[Exception], ...]:
    """Every error either database may raise (for the command line's one-line report)."""
    import asyncpg

    return (sqlite3.Error, asyncpg.PostgresError, asyncpg.InterfaceError)
