"""Several hosts on one PostgreSQL store (two FactStores on one database stand for two hosts):
each hears the other's changes through LISTEN/NOTIFY, catches up when its listener was cut off
or a notification was lost, and concurrent writers from both stay correct."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator

import pytest

from bot.facts.store import FactStore
from bot.facts.store.overlays import Moderation, ModerationError
from bot.facts.store.postgres_backend import PostgresDatabase
from tests.databases import fresh_database
from tests.facts.test_store import SENTENCES, make_extraction


@pytest.fixture
async def url() -> AsyncIterator[str]:
    async with fresh_database() as fresh:
        yield fresh


def backend(store: FactStore) -> PostgresDatabase:
    database = store.database
    assert isinstance(database, PostgresDatabase)
    return database


async def until(condition, seconds: float = 10.0) -> None:
    deadline = time.monotonic() + seconds
    while not await condition():
        assert time.monotonic() < deadline, "the condition did not hold in time"
        await asyncio.sleep(0.02)


async def test_a_change_on_one_host_is_heard_on_the_other(url: str) -> None:
    async with await FactStore.open(url) as one, await FactStore.open(url) as two:
        backend(two).check_seconds = 3600  # only notifications may tell it
        await two.refresh_version()
        await one.ingest(make_extraction("a.txt", SENTENCES))
        assert one.version == 1

        async def heard() -> bool:
            return await two.refresh_version() == 1

        await until(heard)
        assert len(await two.figures(None)) == 3


async def test_a_lost_listener_reconnects_and_catches_up(url: str) -> None:
    async with await FactStore.open(url) as one, await FactStore.open(url) as two:
        listener = backend(two).listener
        backend(two).check_seconds = 3600
        pid = listener.backend_pid
        assert pid is not None and listener.connections == 1
        # the server drops the listening connection, then a change happens meanwhile
        await one.read("SELECT pg_terminate_backend(?)", (pid,))
        await one.ingest(make_extraction("a.txt", SENTENCES))

        async def reconnected() -> bool:
            return listener.connected and listener.connections == 2

        await until(reconnected)
        assert listener.backend_pid != pid
        assert await two.refresh_version() == 1  # read after the reconnect, not heard
        await one.ingest(make_extraction("b.txt", SENTENCES))

        async def heard() -> bool:
            return await two.refresh_version() == 2

        await until(heard)


async def test_a_missed_notification_is_caught_by_the_periodic_check(url: str) -> None:
    async with await FactStore.open(url) as one, await FactStore.open(url) as two:
        database = backend(two)
        database.check_seconds = 0.3
        await two.refresh_version()
        # the version moves without any notification (as if it had been lost on the way)
        await one.read("ALTER TABLE store_version DISABLE TRIGGER store_version_announce", ())
        await one.ingest(make_extraction("a.txt", SENTENCES))
        assert await two.refresh_version() == 0
        await asyncio.sleep(0.35)
        assert await two.refresh_version() == 1


async def test_writers_on_two_hosts_are_serialised(url: str) -> None:
    async with await FactStore.open(url) as one, await FactStore.open(url) as two:
        await one.ingest(make_extraction("shared.txt", SENTENCES))
        figure = (await one.figures(None))[0]
        writes = [
            store.ingest(make_extraction(f"doc{n}.txt", SENTENCES[: 1 + n % 3]), guild_id=n % 4)
            for n, store in zip(range(40), [one, two] * 20, strict=True)
        ]
        # every server hides the same figure from both hosts at once: one of each pair wins
        hides = [
            Moderation(store).hide(guild, figure.id, actor_id=1, reason="dup")
            for guild in range(10)
            for store in (one, two)
        ]
        outcomes = await asyncio.gather(*writes, *hides, return_exceptions=True)
        failures = [o for o in outcomes if isinstance(o, BaseException)]
        assert all(isinstance(f, ModerationError) for f in failures), failures
        assert len(failures) == 10  # "already hidden", once per server
        [(version,)] = await one.read("SELECT version FROM store_version", ())
        assert version == 1 + 40 + 10  # every committed change counted once
        for guild in range(10):
            log = await Moderation(two).audit_log(guild, limit=10)
            assert [e.action for e in log] == ["hide"]
        assert len(await one.documents(None)) == 1
        own = [len(await two.documents(guild)) - 1 for guild in range(4)]
        assert own == [10, 10, 10, 10]
