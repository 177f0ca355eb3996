"""FactStore.version: one more for every committed change, none for no-ops and rollbacks,
kept across reopening."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from bot.facts.store import FactStore, InvalidExtractionError, OwnershipError
from tests.facts.test_store import SENTENCES, make_extraction


async def stored_version(store: FactStore) -> int:
    [row] = await store.read("SELECT version FROM store_version", ())
    return int(row[0])


async def test_every_change_bumps_the_version_once(db_target: Path | str) -> None:
    path = db_target
    async with await FactStore.open(path) as store:
        assert store.version == 0
        await store.ingest(make_extraction("a.txt", SENTENCES))
        assert store.version == 1
        await store.ingest(make_extraction("a.txt", SENTENCES[:2]))  # replaced
        assert store.version == 2
        await store.ingest(make_extraction("b.txt", SENTENCES), guild_id=7)
        assert store.version == 3
        await store.add_aliases("subject", {"DPRK": "North Korea"})
        assert store.version == 4
        assert await store.remove_document("b.txt", guild_id=7)
        assert store.version == 5
        assert await stored_version(store) == 5


async def test_no_op_and_refused_writes_keep_the_version(db_target: Path | str) -> None:
    path = db_target
    async with await FactStore.open(path) as store:
        first = make_extraction("a.txt", SENTENCES)
        await store.ingest(first)
        assert (await store.ingest(first)).status == "unchanged"
        assert not await store.remove_document("missing.txt", guild_id=None)
        with pytest.raises(OwnershipError):
            await store.remove_document("a.txt", guild_id=7)
        broken = make_extraction("c.txt", SENTENCES)
        broken = replace(broken, figures=(*broken.figures, broken.figures[0]))
        with pytest.raises(InvalidExtractionError):
            await store.ingest(broken)
        assert store.version == 1
        assert await stored_version(store) == 1


async def test_the_version_survives_reopening(db_target: Path | str) -> None:
    path = db_target
    async with await FactStore.open(path) as store:
        await store.ingest(make_extraction("a.txt", SENTENCES))
        await store.ingest(make_extraction("b.txt", SENTENCES))
    async with await FactStore.open(path) as store:
        assert store.version == 2
        await store.remove_document("a.txt", guild_id=None)
        assert store.version == 3
