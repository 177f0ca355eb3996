"""The extraction workers: documents are extracted in other processes within a time budget, one
server's documents after another, while the event loop goes on."""

from __future__ import annotations

import asyncio
import contextlib
import os
import shutil
from pathlib import Path

import pytest

from bot.client import create_bot
from bot.config import Settings
from bot.extraction import ExtractionTimeout, ExtractionWorkers
from bot.facts.documents import parse_document
from bot.facts.model import Document
from tests.longtext import SEEDS, realistic_text

SUBJECTS = ("North Korea", "Russia", "Ukraine")
SMALL = parse_document(
    b"South Korea's NIS said on Monday that at least 600 North Korean soldiers had been killed"
    b" in Kursk.\n",
    "small.txt",
)


def long_document(key: str = "long.txt", size: int = 1_000_000) -> Document:
    """Long enough that its extraction takes a noticeable while (over a second here)."""
    return parse_document(realistic_text(size).encode(), key)


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


async def until(condition, timeout: float = 30.0) -> None:
    async with asyncio.timeout(timeout):
        while not condition():
            await asyncio.sleep(0.005)


async def test_a_document_over_its_budget_is_stopped_and_its_worker_replaced():
    workers = ExtractionWorkers(SUBJECTS, workers=1, budget=30.0)
    try:
        await workers.extract(SMALL)
        [first] = workers.processes
        workers.budget = 0.01
        with pytest.raises(ExtractionTimeout, match=r"longer than 0\.01 s"):
            await workers.extract(long_document())
        assert workers.stopped == 1 and not alive(first)
        workers.budget = 30.0
        result = await workers.extract(SMALL)  # a fresh worker answers
        assert [f.low for f in result.figures] == [600]
        assert workers.processes and first not in workers.processes
    finally:
        await workers.close()


async def test_one_servers_documents_wait_for_each_other_but_not_for_another_servers():
    workers = ExtractionWorkers(SUBJECTS, workers=2, budget=60.0)
    try:
        long_a = asyncio.create_task(workers.extract(long_document(), guild_id=1))
        await until(lambda: workers.running == 1)
        second_a = asyncio.create_task(workers.extract(SMALL, guild_id=1))
        other = await workers.extract(SMALL, guild_id=2)
        assert [f.low for f in other.figures] == [600]
        # the other server was answered while the first server's long document was extracted,
        # and that server's second document is still waiting for its first
        assert not long_a.done() and not second_a.done()
        assert len((await long_a).figures) > 1_000
        assert [f.low for f in (await second_a).figures] == [600]
    finally:
        await workers.close()


async def test_the_seeds_sync_at_start_leaves_the_event_loop_free(tmp_path: Path):
    """A long seed changed since the last start: while its extraction runs, other tasks on the
    event loop keep running (it used to run on the loop itself)."""
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(next(SEEDS.glob("*.txt")), seeds / "seed.txt")
    (seeds / "long.txt").write_text(realistic_text(1_500_000), "utf-8")
    settings = Settings(db_path=tmp_path / "facts.sqlite3", seeds_dir=seeds, log_level="WARNING")
    bot = create_bot(settings)
    ticks_while_extracting = 0

    async def tick() -> None:
        nonlocal ticks_while_extracting
        while True:
            await asyncio.sleep(0.01)
            if bot.extraction.running:
                ticks_while_extracting += 1

    ticker = asyncio.create_task(tick())
    try:
        await bot.setup_hook()  # opens the store, syncs the seeds, loads the cogs (no login)
        documents = {d.key: d for d in await bot.store.documents(None)}
        assert documents["long.txt"].figures > 1_000 and "seed.txt" in documents
        assert ticks_while_extracting >= 10
    finally:
        ticker.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await ticker
        await bot.close()
