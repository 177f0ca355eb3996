"""A file the bot must not use is refused before anything is written to it: not SQLite, another
application's SQLite file, a fact base of a newer version. The CLI says so in one line."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from bot.facts.store import FactStore, SchemaError, StoreError
from bot.facts.store.migrate import APPLICATION_ID
from tests.databases import fresh_database
from tests.facts.test_ingest_cli import SEED, run_cli


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def other_application(path: Path) -> None:
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT)")
        conn.execute("INSERT INTO users (name) VALUES ('ada')")
    conn.close()


def rails_like(path: Path) -> None:
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE schema_migrations (version TEXT PRIMARY KEY)")
        conn.execute("INSERT INTO schema_migrations VALUES ('20240101000000')")
    conn.close()


def same_shape_other_names(path: Path) -> None:
    with sqlite3.connect(path) as conn:
        conn.execute(
            "CREATE TABLE schema_migrations"
            " (version INTEGER PRIMARY KEY, name TEXT, applied_at TEXT)"
        )
        conn.execute("INSERT INTO schema_migrations VALUES (1, '0001_create_users.sql', 'x')")
    conn.close()


def other_application_id(path: Path) -> None:
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA application_id = 1234")
        conn.execute("CREATE TABLE notes (body TEXT)")
    conn.close()


FOREIGN = [other_application, rails_like, same_shape_other_names, other_application_id]


@pytest.mark.parametrize("make", FOREIGN, ids=[f.__name__ for f in FOREIGN])
async def test_another_applications_database_is_refused_untouched(tmp_path, make) -> None:
    path = tmp_path / "theirs.sqlite3"
    make(path)
    before = digest(path)
    with pytest.raises(SchemaError, match="another application"):
        await FactStore.open(path)
    assert digest(path) == before
    assert not Path(f"{path}-wal").exists()


async def test_a_file_that_is_not_sqlite_is_refused(tmp_path) -> None:
    path = tmp_path / "notes.sqlite3"
    path.write_bytes(b"dear diary, " * 200)
    with pytest.raises(SchemaError, match="not an SQLite database"):
        await FactStore.open(path)
    assert path.read_bytes() == b"dear diary, " * 200


async def test_a_newer_schema_is_refused(tmp_path) -> None:
    path = tmp_path / "facts.sqlite3"
    async with await FactStore.open(path):
        pass
    with sqlite3.connect(path) as conn:
        conn.execute("INSERT INTO schema_migrations VALUES (99, '0099_future.sql', 'later')")
    conn.close()
    with pytest.raises(SchemaError, match=r"newer version of the bot \(schema 99; this version"):
        await FactStore.open(path)


async def test_a_new_and_an_own_database_open_and_carry_the_application_id(tmp_path) -> None:
    path = tmp_path / "facts.sqlite3"
    path.touch()  # an empty file is a new database
    async with await FactStore.open(path):
        pass
    async with await FactStore.open(path) as store:
        assert await store.pragma("application_id") == APPLICATION_ID


@pytest.mark.parametrize("command", [["export"], ["ingest", str(SEED)], [], ["run"]])
def test_the_cli_refuses_in_one_line(tmp_path: Path, command: list[str]) -> None:
    path = tmp_path / "theirs.sqlite3"
    other_application(path)
    done = run_cli(tmp_path, *command, db=path, DISCORD_TOKEN="")
    assert done.returncode == 2, done.stdout + done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ")
    assert "another application" in lines[0] and str(path) in lines[0]


# -- PostgreSQL -------------------------------------------------------------------------------


async def test_another_applications_postgres_database_is_refused_untouched() -> None:
    import asyncpg

    async with fresh_database() as url:
        conn = await asyncpg.connect(url)
        try:
            await conn.execute("CREATE TABLE users (id BIGINT PRIMARY KEY, name TEXT)")
            with pytest.raises(SchemaError, match="another application"):
                await FactStore.open(url)
            tables = await conn.fetch(
                "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"
            )
            assert [t["tablename"] for t in tables] == ["users"]
        finally:
            await conn.close()


async def test_a_newer_postgres_schema_is_refused() -> None:
    async with fresh_database() as url:
        async with await FactStore.open(url) as store, store.write() as tx:
            await tx.execute(
                "INSERT INTO schema_migrations VALUES (99, '0099_future.sql', 'later')"
            )
        with pytest.raises(SchemaError, match=r"newer version of the bot \(schema 99"):
            await FactStore.open(url)


async def test_an_unreachable_server_is_one_line_without_the_password(tmp_path: Path) -> None:
    url = "postgresql://factbot:s3cret@127.0.0.1:1/facts"
    with pytest.raises(StoreError) as refused:
        await FactStore.open(url)
    message = str(refused.value)
    assert message.startswith(
        "cannot open the PostgreSQL fact base at postgresql://factbot@127.0.0.1:1/facts: "
    )
    assert "s3cret" not in message and "\n" not in message
    done = run_cli(tmp_path, "export", db=url)
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == [f"error: {message}"]


@pytest.mark.parametrize("value", ["mysql://u:pw@db/facts", "sqlite:///facts.sqlite3"])
def test_a_url_of_another_kind_is_refused_and_creates_nothing(tmp_path: Path, value) -> None:
    for done in (
        run_cli(tmp_path, "export", db=value),
        run_cli(tmp_path, "--db", value, "export"),
    ):
        assert done.returncode == 2, done.stdout + done.stderr
        [line] = done.stderr.strip().splitlines()
        assert "is not a database the bot can use" in line and "postgresql://" in line
        assert "pw@" not in line
    assert list(tmp_path.iterdir()) == []
