"""Where store tests put their fact base: a new SQLite file, or a new database on the
PostgreSQL server named by ``FACTBOT_TEST_POSTGRES`` (``.ci/run`` starts one; locally,
``.ci/postgres start`` does and prints the line to export).

Without that variable the PostgreSQL cases skip with a reason, unless
``FACTBOT_TEST_POSTGRES_REQUIRED=1`` (set by CI), where they fail: CI must never pass without
having run them.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

SERVER_ENV = "FACTBOT_TEST_POSTGRES"
REQUIRED_ENV = "FACTBOT_TEST_POSTGRES_REQUIRED"
BACKENDS = ("sqlite", "postgresql")


def server_url() -> str:
    """The test server's URL (any database on it); skips or fails the test without one."""
    url = os.environ.get(SERVER_ENV, "").strip()
    if url:
        return url
    if os.environ.get(REQUIRED_ENV, "").strip() == "1":
        pytest.fail(f"{REQUIRED_ENV}=1 but {SERVER_ENV} is not set: no PostgreSQL server to test")
    pytest.skip(
        f"no PostgreSQL server: set {SERVER_ENV}=postgresql://... (.ci/postgres start runs one)"
    )


def with_database(url: str, name: str) -> str:
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, f"/{name}", parts.query, ""))


@asynccontextmanager
async def fresh_database(
    prefix: str = "factbot_test", server: str | None = None
) -> AsyncIterator[str]:
    """A new, empty database on ``server`` (default: the test server), dropped afterwards;
    yields its URL."""
    import asyncpg

    server = server or server_url()
    name = f"{prefix}_{secrets.token_hex(6)}"
    admin = await asyncpg.connect(server, timeout=10)
    try:
        await admin.execute(f'CREATE DATABASE "{name}"')
    finally:
        await admin.close()
    try:
        yield with_database(server, name)
    finally:
        admin = await asyncpg.connect(server, timeout=10)
        try:
            await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        finally:
            await admin.close()


@asynccontextmanager
async def store_target(backend: str, folder: Path) -> AsyncIterator[Path | str]:
    """Where a new, empty fact base of ``backend`` goes: a file in ``folder``, or a URL."""
    if backend == "sqlite":
        yield folder / "facts.sqlite3"
        return
    async with fresh_database() as url:
        yield url
