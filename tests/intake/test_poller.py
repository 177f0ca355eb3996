"""The feed poller against a local news site and a real SQLite store: the review queue,
conditional requests, backoff, duplicates, store-at-once, and the address guard on redirects."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.facts.documents import parse_document
from bot.facts.extract import extract
from bot.facts.model import Document, Extraction
from bot.facts.store import FactStore, IngestResult
from bot.facts.store.audit import BOT_ACTOR
from bot.facts.store.intake import (
    MAX_FEEDS_PER_GUILD,
    FeedLimitError,
    Feeds,
    ReviewQueue,
    Shards,
)
from bot.facts.vocabulary.forces import DEFAULT_SUBJECTS
from bot.intake.fetch import Fetcher
from bot.intake.poller import FeedPoller, Schedule
from tests.intake.articles import (
    EXPECTED,
    SECOND_PARAGRAPHS,
    article_page,
    article_pdf,
    atom,
    rss,
    text_document,
)
from tests.intake.conftest import SITE_ONLY
from tests.site import Page, Site

GUILD = 111
OTHER = 222
MODERATOR = 7
START = datetime(2025, 3, 14, 12, 0, tzinfo=UTC)


def extracted(document: Document) -> Extraction:
    return extract(document, DEFAULT_SUBJECTS)


async def run_extract(document: Document, guild: int) -> Extraction:
    return extracted(document)


class Clock:
    def __init__(self) -> None:
        self.now = START

    def __call__(self) -> datetime:
        return self.now

    def advance(self, delta: timedelta) -> None:
        self.now += delta


@pytest.fixture
async def store(db_target: Path | str) -> AsyncIterator[FactStore]:
    async with await FactStore.open(db_target) as opened:
        yield opened


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
async def poller(store: FactStore, clock: Clock) -> AsyncIterator[FeedPoller]:
    async with Fetcher(SITE_ONLY) as fetcher:
        yield FeedPoller(store, fetcher, run_extract, clock=clock, schedule=Schedule())


def serve_articles(site: Site) -> None:
    site.pages["/world/kursk-losses"] = Page(article_page())
    site.pages["/world/prisoners"] = Page(
        article_page(
            SECOND_PARAGRAPHS,
            title="Kyiv says two more North Koreans captured",
            canonical="https://news.example/world/2025/03/prisoners",
        )
    )
    site.pages["/reports/losses.pdf"] = Page(article_pdf(), "application/pdf")


async def add_feed(store: FactStore, site: Site, path: str, guild: int = GUILD):
    return await Feeds(store).add(guild, site.url(path), actor_id=MODERATOR, now=START)


async def test_new_entries_are_fetched_extracted_and_queued_for_review(
    site: Site, store: FactStore, poller: FeedPoller
) -> None:
    serve_articles(site)
    site.pages["/feed.xml"] = Page(
        rss([("2", "/world/prisoners", "Prisoners"), ("1", "/world/kursk-losses", "Losses")]),
        "application/rss+xml",
    )
    feed = await add_feed(store, site, "/feed.xml")
    version = store.version
    [report] = await poller.poll_due()
    assert report.status == "updated" and report.count("queued") == 2
    queued = await ReviewQueue(store).of_guild(GUILD)
    assert [q.document.url for q in queued] == [
        "https://news.example/world/2025/03/prisoners",
        "https://news.example/world/2025/03/kursk-losses",
    ]
    losses = queued[1].document
    assert losses.digest == parse_document(text_document().encode(), "t").digest
    assert losses.key.startswith(f"guild-{GUILD}/127.0.0.1/world-kursk-losses-")
    figures = {
        (f.metric.value, f.subject, f.low, f.high, f.qualifier.value, f.source)
        for f in extracted(losses).figures
    }
    assert figures == EXPECTED and queued[1].figures == 3
    assert (await store.stats(GUILD)).documents == 0, "queued articles are not stored yet"
    assert store.version == version, "polling and queueing change nothing answers show"
    assert await ReviewQueue(store).of_guild(OTHER) == []
    updated = await Feeds(store).get(GUILD, feed.id)
    assert updated is not None and updated.title == "Chronicle: World"
    assert updated.next_poll_at == START + Schedule().interval and updated.failures == 0


async def test_a_feed_that_changes_between_polls_brings_only_its_new_entries(
    site: Site, store: FactStore, poller: FeedPoller, clock: Clock
) -> None:
    serve_articles(site)
    site.pages["/atom.xml"] = Page(
        atom([("urn:1", "/world/kursk-losses", "Losses")]), "application/atom+xml"
    )
    await add_feed(store, site, "/atom.xml")
    await poller.poll_due()
    assert await poller.poll_due() == [], "not due again before the interval"
    site.pages["/atom.xml"] = Page(
        atom(
            [
                ("urn:2", "/world/prisoners", "Prisoners"),
                ("urn:1", "/world/kursk-losses", "Losses"),
            ]
        ),
        "application/atom+xml",
    )
    clock.advance(Schedule().interval)
    [report] = await poller.poll_due()
    assert [o.status for o in report.outcomes] == ["queued"]
    assert len(site.hits_of("/world/kursk-losses")) == 1, "a seen entry is not fetched again"
    assert len(site.hits_of("/world/prisoners")) == 1
    assert len(await ReviewQueue(store).of_guild(GUILD)) == 2


async def test_a_304_answer_to_a_conditional_request_costs_nothing_more(
    site: Site, store: FactStore, poller: FeedPoller, clock: Clock
) -> None:
    serve_articles(site)
    site.pages["/feed.xml"] = Page(
        rss([("1", "/world/kursk-losses", "Losses")]),
        "application/rss+xml",
        etag='"feed-v1"',
        headers={"Last-Modified": "Fri, 14 Mar 2025 09:30:00 GMT"},
    )
    feed = await add_feed(store, site, "/feed.xml")
    await poller.poll_due()
    clock.advance(Schedule().interval)
    [report] = await poller.poll_due()
    assert report.status == "not modified" and report.outcomes == []
    second = site.hits_of("/feed.xml")[1]
    assert second.if_none_match == '"feed-v1"'
    assert second.if_modified_since == "Fri, 14 Mar 2025 09:30:00 GMT"
    assert len(site.hits_of("/world/kursk-losses")) == 1
    stored = await Feeds(store).get(GUILD, feed.id)
    assert stored is not None and stored.etag == '"feed-v1"'
    assert stored.next_poll_at == clock.now + Schedule().interval


async def test_a_malformed_feed_backs_off_exponentially_and_stores_nothing(
    site: Site, store: FactStore, poller: FeedPoller, clock: Clock
) -> None:
    site.pages["/feed.xml"] = Page("<rss><channel><item><title>cut off", "application/rss+xml")
    feed = await add_feed(store, site, "/feed.xml")
    delays = []
    for _ in range(4):
        [report] = await poller.poll_due()
        assert report.status == "failed"
        assert report.error is not None and "not a valid RSS or Atom feed" in report.error
        stored = await Feeds(store).get(GUILD, feed.id)
        assert stored is not None
        delays.append(stored.next_poll_at - clock.now)
        clock.now = stored.next_poll_at
    interval = Schedule().interval
    assert delays == [interval, interval * 2, interval * 4, interval * 8]
    assert stored is not None
    assert stored.failures == 4 and stored.last_error == report.error
    assert (await store.stats(GUILD)).documents == 0
    assert await ReviewQueue(store).of_guild(GUILD) == []
    serve_articles(site)
    site.pages["/feed.xml"] = Page(rss([("1", "/world/kursk-losses", "L")]), "application/rss+xml")
    [report] = await poller.poll_due()
    recovered = await Feeds(store).get(GUILD, feed.id)
    assert report.status == "updated" and recovered is not None
    assert (recovered.failures, recovered.last_error) == (0, None)


async def test_the_backoff_is_capped() -> None:
    schedule = Schedule(interval=timedelta(minutes=15), max_backoff=timedelta(hours=6))
    assert schedule.backoff(1) == timedelta(minutes=15)
    assert schedule.backoff(5) == timedelta(hours=4)
    assert schedule.backoff(30) == timedelta(hours=6)


async def test_a_feed_redirecting_to_a_private_address_is_refused_before_connecting(
    site: Site, store: FactStore, poller: FeedPoller, connections: list[tuple[str, int]]
) -> None:
    site.pages["/feed.xml"] = Page(
        "", status=302, headers={"Location": "http://10.0.0.5/internal/feed.xml"}
    )
    feed = await add_feed(store, site, "/feed.xml")
    [report] = await poller.poll_due()
    assert report.status == "failed"
    assert report.error == (
        "blocked address: 10.0.0.5 is a private address; only public addresses are fetched"
    )
    assert {host for host, _ in connections} == {"127.0.0.1"}
    stored = await Feeds(store).get(GUILD, feed.id)
    assert stored is not None and stored.failures == 1


async def test_an_entry_linking_to_a_metadata_address_fails_alone(
    site: Site, store: FactStore, poller: FeedPoller, connections: list[tuple[str, int]]
) -> None:
    serve_articles(site)
    site.pages["/feed.xml"] = Page(
        rss(
            [
                ("2", "http://169.254.169.254/latest/meta-data/", "Metadata"),
                ("1", "/world/kursk-losses", "Losses"),
            ]
        ),
        "application/rss+xml",
    )
    await add_feed(store, site, "/feed.xml")
    [report] = await poller.poll_due()
    outcomes = {o.key: (o.status, o.error) for o in report.outcomes}
    assert outcomes[site.url("/1")][0] == "queued"
    status, error = outcomes[site.url("/2")]
    assert status == "failed" and error is not None and "cloud metadata" in error
    assert {host for host, _ in connections} == {"127.0.0.1"}


async def test_an_article_already_held_is_not_stored_or_queued_twice(
    site: Site, store: FactStore, poller: FeedPoller
) -> None:
    serve_articles(site)
    # the same article under a second address (same text), and as a PDF (same text again)
    site.pages["/amp/kursk-losses"] = Page(article_page())
    site.pages["/feed.xml"] = Page(
        rss(
            [
                ("3", "/reports/losses.pdf", "PDF"),
                ("2", "/amp/kursk-losses", "AMP copy"),
                ("1", "/world/kursk-losses?utm_source=feed#top", "Losses"),
            ]
        ),
        "application/rss+xml",
    )
    await add_feed(store, site, "/feed.xml")
    [report] = await poller.poll_due()
    assert [o.status for o in report.outcomes] == ["queued", "duplicate", "duplicate"]
    assert len(await ReviewQueue(store).of_guild(GUILD)) == 1
    # another feed of the server linking the queued address (tracking tags aside) is not
    # even fetched again
    site.pages["/other.xml"] = Page(
        rss([("x", "/reports/losses.pdf?utm_campaign=x#page=2", "PDF")]), "application/rss+xml"
    )
    await add_feed(store, site, "/other.xml")
    [report] = await poller.poll_due()
    assert [o.status for o in report.outcomes] == ["duplicate"]
    assert len([h for h in site.hits if h.path.startswith("/reports/losses.pdf")]) == 1


async def test_a_failing_article_is_retried_a_few_times_and_stores_nothing(
    site: Site, store: FactStore, poller: FeedPoller, clock: Clock
) -> None:
    site.pages["/feed.xml"] = Page(rss([("1", "/world/missing", "Gone")]), "application/rss+xml")
    await add_feed(store, site, "/feed.xml")
    errors = []
    for _ in range(4):
        reports = await poller.poll_due()
        errors += [o.error for r in reports for o in r.outcomes]
        clock.advance(Schedule().interval)
    assert errors == ["HTTP 404: not found"] * 3
    assert len(site.hits_of("/world/missing")) == 3
    assert await ReviewQueue(store).of_guild(GUILD) == []
    assert (await store.stats(GUILD)).documents == 0


async def test_a_server_that_stores_at_once_gets_documents_and_alerts(
    site: Site, store: FactStore, clock: Clock
) -> None:
    serve_articles(site)
    site.pages["/feed.xml"] = Page(
        rss([("1", "/world/kursk-losses", "Losses")]), "application/rss+xml"
    )
    await add_feed(store, site, "/feed.xml")
    await Feeds(store).set_store_at_once(GUILD, True, actor_id=MODERATOR)
    announced: list[tuple[int, IngestResult]] = []
    async with Fetcher(SITE_ONLY) as fetcher:
        poller = FeedPoller(
            store,
            fetcher,
            run_extract,
            clock=clock,
            on_stored=lambda guild, result: announced.append((guild, result)),
        )
        [report] = await poller.poll_due()
    assert [o.status for o in report.outcomes] == ["stored"]
    [(guild, result)] = announced
    assert guild == GUILD and result.status == "added" and len(result.new_ids) == 3
    assert (await store.stats(GUILD)).figures == 3
    assert (await store.stats(OTHER)).figures == 0, "stored for that server only"
    assert await ReviewQueue(store).of_guild(GUILD) == []
    audit = await store.read("SELECT actor_id, action, target FROM audit_log ORDER BY id", ())
    assert [tuple(row) for row in audit] == [
        (MODERATOR, "follow feed", site.url("/feed.xml")),
        (MODERATOR, "feed autostore", "new feed articles"),
        (BOT_ACTOR, "ingest", result.key),
    ]


async def test_on_the_first_poll_only_the_newest_entries_are_taken(
    site: Site, store: FactStore, clock: Clock
) -> None:
    serve_articles(site)
    items = [(str(i), f"/world/old-{i}", f"Old {i}") for i in range(8)]
    site.pages["/feed.xml"] = Page(rss(items), "application/rss+xml")
    await add_feed(store, site, "/feed.xml")
    async with Fetcher(SITE_ONLY) as fetcher:
        poller = FeedPoller(
            store, fetcher, run_extract, clock=clock, schedule=Schedule(entries_per_poll=2)
        )
        [report] = await poller.poll_due()
    statuses = [o.status for o in report.outcomes]
    assert statuses.count("skipped") == 6 and statuses.count("failed") == 2
    assert {hit.path for hit in site.hits} == {"/feed.xml", "/world/old-0", "/world/old-1"}


async def test_feeds_are_per_server_and_bounded(site: Site, store: FactStore) -> None:
    feeds = Feeds(store)
    feed = await add_feed(store, site, "/feed.xml")
    with pytest.raises(FeedLimitError, match="already follows"):
        await add_feed(store, site, "/feed.xml")
    assert await feeds.get(OTHER, feed.id) is None
    assert await feeds.remove(OTHER, feed.id, actor_id=MODERATOR) is None
    await add_feed(store, site, "/feed.xml", guild=OTHER)
    for number in range(MAX_FEEDS_PER_GUILD - 1):
        await add_feed(store, site, f"/feed{number}.xml")
    with pytest.raises(FeedLimitError, match=f"follows {MAX_FEEDS_PER_GUILD} feeds"):
        await add_feed(store, site, "/one-more.xml")
    removed = await feeds.remove(GUILD, feed.id, actor_id=MODERATOR)
    assert removed is not None and removed.url == site.url("/feed.xml")
    assert len(await feeds.of_guild(GUILD)) == MAX_FEEDS_PER_GUILD - 1
    assert len(await feeds.of_guild(OTHER)) == 1


async def test_the_service_polls_a_feed_as_soon_as_it_is_added(
    site: Site, store: FactStore
) -> None:
    serve_articles(site)
    site.pages["/feed.xml"] = Page(rss([("1", "/world/kursk-losses", "L")]), "application/rss+xml")
    async with Fetcher(SITE_ONLY) as fetcher:
        poller = FeedPoller(store, fetcher, run_extract)
        poller.start()
        await asyncio.sleep(0.05)
        await Feeds(store).add(GUILD, site.url("/feed.xml"), actor_id=MODERATOR, now=START)
        poller.wake()
        for _ in range(100):
            if await ReviewQueue(store).count(GUILD):
                break
            await asyncio.sleep(0.05)
        await poller.stop()
    assert await ReviewQueue(store).count(GUILD) == 1


async def test_an_extraction_that_fails_fails_its_entry_alone(
    site: Site, store: FactStore, clock: Clock
) -> None:
    serve_articles(site)
    site.pages["/feed.xml"] = Page(
        rss([("p", "/world/prisoners", "P"), ("l", "/world/kursk-losses", "L")]),
        "application/rss+xml",
    )
    await add_feed(store, site, "/feed.xml")

    async def over_budget(document: Document, guild: int) -> Extraction:
        if "prisoners" in (document.url or ""):
            raise TimeoutError("extraction took longer than 30 s and was stopped")
        return extracted(document)

    async with Fetcher(SITE_ONLY) as fetcher:
        poller = FeedPoller(store, fetcher, over_budget, clock=clock)
        [report] = await poller.poll_due()
    statuses = {o.link.rsplit("/", 1)[1]: (o.status, o.error) for o in report.outcomes}
    assert statuses["prisoners"] == (
        "failed", "extraction failed: extraction took longer than 30 s and was stopped"
    )
    assert statuses["kursk-losses"] == ("queued", None)
    assert await ReviewQueue(store).count(GUILD) == 1


async def test_a_feed_removed_while_it_is_polled_leaves_nothing_behind(
    site: Site, store: FactStore, clock: Clock
) -> None:
    serve_articles(site)
    site.pages["/feed.xml"] = Page(rss([("l", "/world/kursk-losses", "L")]), "application/rss+xml")
    feed = await add_feed(store, site, "/feed.xml")

    async def remove_first(document: Document, guild: int) -> Extraction:
        await Feeds(store).remove(GUILD, feed.id, actor_id=MODERATOR)
        return extracted(document)

    async with Fetcher(SITE_ONLY) as fetcher:
        await FeedPoller(store, fetcher, remove_first, clock=clock).poll_due()
    assert await ReviewQueue(store).count(GUILD) == 0
    assert await store.read("SELECT * FROM feed_entries", ()) == []
    assert await Feeds(store).of_guild(GUILD) == []


async def test_a_process_polls_only_its_shards_servers(
    site: Site, store: FactStore, clock: Clock
) -> None:
    site.pages["/feed.xml"] = Page(rss([]), "application/rss+xml")
    on_shard_0, on_shard_1 = (0 << 22) | 5, (1 << 22) | 5
    for guild in (on_shard_0, on_shard_1):
        await add_feed(store, site, "/feed.xml", guild=guild)
    async with Fetcher(SITE_ONLY) as fetcher:
        poller = FeedPoller(store, fetcher, run_extract, clock=clock, shards=Shards(2, (1,)))
        reports = await poller.poll_due()
        assert [r.status for r in reports] == ["updated"]
        assert await poller.feeds.next_due(poller.shards) == START + Schedule().interval
        everyone = FeedPoller(store, fetcher, run_extract, clock=clock)
        [report] = await everyone.poll_due()
    polled = await Feeds(store).get(on_shard_0, report.feed_id)
    assert polled is not None and polled.guild_id == on_shard_0


async def test_a_pass_waits_for_the_pass_under_way(
    site: Site, store: FactStore, clock: Clock
) -> None:
    serve_articles(site)
    site.pages["/feed.xml"] = Page(rss([("l", "/world/kursk-losses", "L")]), "application/rss+xml")
    await add_feed(store, site, "/feed.xml")
    async with Fetcher(SITE_ONLY) as fetcher:
        poller = FeedPoller(store, fetcher, run_extract, clock=clock)
        first = asyncio.create_task(poller.poll_due())
        await asyncio.sleep(0)
        second = await poller.poll_due()
        assert second == [] and first.done()
        assert [r.count("queued") for r in first.result()] == [1]
