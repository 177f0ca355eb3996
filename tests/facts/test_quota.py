"""Per-server limits, checked inside the ingest transaction; the shared base has none."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from bot.facts.store import FactStore, GuildQuota, QuotaError
from bot.facts.store.quota import Usage, refusal, size_words
from tests.facts.test_store import SENTENCES, make_extraction

GUILD = 5


async def test_each_limit_refuses_with_its_numbers_and_stores_nothing(
    db_target: Path | str,
) -> None:
    path = db_target
    async with await FactStore.open(path, quota=GuildQuota(documents=2, figures=5)) as store:
        await store.ingest(make_extraction("g/a.txt", SENTENCES), guild_id=GUILD)
        with pytest.raises(QuotaError, match=r"take this server to 6 figures, over its limit"
                                             r" of 5 \(it holds 3\)"):
            await store.ingest(make_extraction("g/b.txt", SENTENCES), guild_id=GUILD)
        await store.ingest(make_extraction("g/b.txt", SENTENCES[:1]), guild_id=GUILD)
        with pytest.raises(QuotaError, match="already has 2 documents, its limit is 2"):
            await store.ingest(make_extraction("g/c.txt", SENTENCES[:1]), guild_id=GUILD)
        assert [d.key for d in await store.documents(GUILD)] == ["g/a.txt", "g/b.txt"]
        # replacing a document counts what it will hold, not what it held
        await store.ingest(make_extraction("g/b.txt", SENTENCES[:2]), guild_id=GUILD)
        # another server and the shared base have their own room, or no limit
        await store.ingest(make_extraction("h/a.txt", SENTENCES), guild_id=GUILD + 1)
        for n in range(3):
            await store.ingest(make_extraction(f"shared{n}.txt", SENTENCES))
    async with await FactStore.open(path, quota=GuildQuota(bytes=200)) as store:
        with pytest.raises(QuotaError, match=r"this document \(1 KB\) would take this server's"
                                             r" text to 1 KB, over its limit of 1 KB"):
            await store.ingest(make_extraction("z/a.txt", SENTENCES), guild_id=GUILD + 2)


async def test_two_uploads_at_once_cannot_both_slip_under_the_limit(
    db_target: Path | str,
) -> None:
    path = db_target
    quota = GuildQuota(figures=4)
    async with (
        await FactStore.open(path, quota=quota) as one,
        await FactStore.open(path, quota=quota) as two,
    ):
        outcomes = await asyncio.gather(
            one.ingest(make_extraction("g/a.txt", SENTENCES), guild_id=GUILD),
            two.ingest(make_extraction("g/b.txt", SENTENCES), guild_id=GUILD),
            return_exceptions=True,
        )
        assert sum(isinstance(o, QuotaError) for o in outcomes) == 1
        assert len(await one.figures(GUILD)) == 3


def test_the_refusal_names_the_first_limit_reached() -> None:
    quota = GuildQuota(documents=10, bytes=1024 * 1024, figures=100)
    assert refusal(quota, Usage(3, 1000, 10), 2000, 5) is None
    held = Usage(3, 900 * 1024, 10)
    assert refusal(quota, held, 200 * 1024, 5) == (
        "this document (200 KB) would take this server's text to 1.1 MB, over its limit of"
        " 1.0 MB (it holds 900 KB)"
    )
    assert size_words(50 * 1024 * 1024) == "50.0 MB"


def test_a_refusal_counts_one_document_or_figure_in_the_singular() -> None:
    one = GuildQuota(documents=1, figures=1)
    held = Usage(documents=1, bytes=10, figures=0)
    assert "already has 1 document, its limit is 1;" in (refusal(one, held, 10, 1) or "")
    held = Usage(documents=0, bytes=10, figures=0)
    said = refusal(one, held, 10, 2) or ""
    assert "this document's 2 figures would take this server to 2 figures" in said
    held = Usage(documents=0, bytes=10, figures=0)
    said = refusal(GuildQuota(documents=5, figures=0), held, 10, 1) or ""
    assert "this document's 1 figure would take this server to 1 figure," in said
