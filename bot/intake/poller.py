"""The feed poller: an asyncio service (no Discord) that polls each server's feeds when due.

Each poll is a conditional request (If-None-Match / If-Modified-Since with the validators the
feed last gave); a 304 costs nothing more. A failed poll backs off exponentially (the interval,
doubled per failure in a row, at most ``max_backoff``). Each new entry's article is downloaded,
read and extracted, then queued for the server's moderators, or stored at once when the server
chose that; an article the server already has (same address, or same text) is not stored or
queued twice, and an entry whose article fails is tried again on later polls, a few times.
Nothing is stored for a failure.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from bot.facts.documents import DocumentError
from bot.facts.model import Document, Extraction
from bot.facts.store import FactStore, IngestResult, StoreError
from bot.facts.store.audit import BOT_ACTOR
from bot.facts.store.intake import (
    EntryOutcome,
    Feed,
    Feeds,
    QueueFullError,
    ReviewQueue,
    Shards,
)
from bot.facts.store.overlays import Moderation
from bot.intake.addresses import normalised_url
from bot.intake.download import fetch_article, guild_key
from bot.intake.errors import IntakeError
from bot.intake.feeds import FeedEntry, ParsedFeed, parse_feed
from bot.intake.fetch import FEED_KINDS, Fetcher

log = logging.getLogger(__name__)

#: Extracts one article for a server (the bot: in its worker processes, within the budget).
ExtractFn = Callable[[Document, int], Awaitable[Extraction]]
#: Called after an article was stored at once: (guild id, what the ingest did).
StoredFn = Callable[[int, IngestResult], None]


@dataclass(frozen=True, slots=True)
class Schedule:
    interval: timedelta = timedelta(minutes=15)
    max_backoff: timedelta = timedelta(hours=6)
    #: New entries handled per poll (newest first); on a feed's first poll the older ones are
    #: marked skipped, later polls take the rest.
    entries_per_poll: int = 5
    #: Feeds polled at once, and at most per pass.
    concurrency: int = 4
    batch: int = 20
    #: The longest the service sleeps between two looks at what is due.
    tick: timedelta = timedelta(seconds=60)

    def backoff(self, failures: int) -> timedelta:
        """How long to wait after ``failures`` failed polls in a row."""
        delay: timedelta = self.interval * (2 ** max(failures - 1, 0))
        return min(delay, self.max_backoff)


@dataclass(slots=True)
class PollReport:
    feed_id: int
    status: str  # "updated", "not modified" or "failed"
    error: str | None = None
    outcomes: list[EntryOutcome] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(1 for outcome in self.outcomes if outcome.status == status)


class FeedPoller:
    def __init__(
        self,
        store: FactStore,
        fetcher: Fetcher,
        extract_fn: ExtractFn,
        *,
        schedule: Schedule | None = None,
        on_stored: StoredFn | None = None,
        clock: Callable[[], datetime] | None = None,
        shards: Shards | None = None,
    ) -> None:
        self.store = store
        self.fetcher = fetcher
        self.extract_fn = extract_fn
        self.schedule = schedule or Schedule()
        self.on_stored = on_stored
        self.clock = clock or (lambda: datetime.now(UTC))
        #: Only these shards' servers' feeds are polled here (other processes poll the rest).
        self.shards = shards
        self.feeds = Feeds(store)
        self.queue = ReviewQueue(store)
        self._wake = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        #: One pass at a time: the service's, or one a caller (a test) asks for.
        self._pass = asyncio.Lock()

    # -- the service ----------------------------------------------------------------------------

    def start(self) -> None:
        if self._task is None or self._task.done():
            self._task = asyncio.create_task(self.run(), name="factbot-feeds")

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None

    @property
    def running(self) -> bool:
        return self._task is not None and not self._task.done()

    def wake(self) -> None:
        """Look at what is due now (a feed was just added)."""
        self._wake.set()

    async def run(self) -> None:
        while True:
            self._wake.clear()  # before the pass: a wake during it asks for another one
            try:
                await self.poll_due()
                delay = await self._sleep_seconds()
            except Exception:
                log.exception("feed polling failed; trying again later")
                delay = self.schedule.tick.total_seconds()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), timeout=delay)

    async def _sleep_seconds(self) -> float:
        tick = self.schedule.tick.total_seconds()
        due = await self.feeds.next_due(self.shards)
        if due is None:
            return tick
        return max(1.0, min(tick, (due - self.clock()).total_seconds()))

    async def poll_due(self) -> list[PollReport]:
        """Poll every feed that is due (at most ``batch``), ``concurrency`` at a time; after a
        pass already under way (the service's, or another caller's) has finished."""
        async with self._pass:
            due = await self.feeds.due(self.clock(), self.schedule.batch, self.shards)
            gate = asyncio.Semaphore(self.schedule.concurrency)

            async def one(feed: Feed) -> PollReport:
                async with gate:
                    return await self.poll(feed)

            return list(await asyncio.gather(*(one(feed) for feed in due)))

    # -- one feed -------------------------------------------------------------------------------

    async def poll(self, feed: Feed) -> PollReport:
        now = self.clock()
        try:
            fetched = await self.fetcher.fetch(
                feed.url, accept=FEED_KINDS, etag=feed.etag, last_modified=feed.last_modified
            )
            if fetched.not_modified:
                await self.feeds.record_success(
                    feed.id,
                    now=now,
                    next_poll_at=now + self.schedule.interval,
                    etag=fetched.etag or feed.etag,
                    last_modified=fetched.last_modified or feed.last_modified,
                    title=None,
                )
                return PollReport(feed.id, "not modified")
            parsed = await asyncio.to_thread(parse_feed, fetched.body, fetched.url)
        except IntakeError as exc:
            return await self._failed(feed, now, str(exc))
        except Exception as exc:
            log.exception("polling feed %s failed", feed.url)
            return await self._failed(feed, now, f"internal error ({type(exc).__name__})")
        outcomes = await self._entries(feed, parsed)
        await self.feeds.record_success(
            feed.id,
            now=now,
            next_poll_at=now + self.schedule.interval,
            etag=fetched.etag,
            last_modified=fetched.last_modified,
            title=parsed.title,
            outcomes=outcomes,
        )
        return PollReport(feed.id, "updated", outcomes=outcomes)

    async def _failed(self, feed: Feed, now: datetime, error: str) -> PollReport:
        retry = now + self.schedule.backoff(feed.failures + 1)
        await self.feeds.record_failure(feed.id, error, now=now, next_poll_at=retry)
        log.info("feed %s: %s (retry at %s)", feed.url, error, retry.isoformat())
        return PollReport(feed.id, "failed", error)

    async def _entries(self, feed: Feed, parsed: ParsedFeed) -> list[EntryOutcome]:
        seen = await self.feeds.seen(feed.id, [entry.key for entry in parsed.entries])
        fresh = [e for e in parsed.entries if e.key not in seen or not seen[e.key].final]
        take = fresh[: self.schedule.entries_per_poll]
        outcomes: list[EntryOutcome] = []
        if feed.last_success_at is None:
            outcomes += [
                EntryOutcome(e.key, e.link, "skipped", "listed before the feed was followed")
                for e in fresh[self.schedule.entries_per_poll :]
            ]
        at_once = await self.feeds.store_at_once(feed.guild_id)
        for entry in take:
            outcome = await self._entry(feed, parsed, entry, at_once)
            if outcome is not None:
                outcomes.append(outcome)
        return outcomes

    async def _entry(
        self, feed: Feed, parsed: ParsedFeed, entry: FeedEntry, at_once: bool
    ) -> EntryOutcome | None:
        """What became of one entry; None leaves it unseen (the queue was full)."""
        guild = feed.guild_id
        links = [entry.link, normalised_url(entry.link)]
        held = await self.queue.already_held(guild, links)
        if held is not None:
            return EntryOutcome(entry.key, entry.link, "duplicate", held)
        try:
            document, fetched = await fetch_article(
                self.fetcher,
                entry.link,
                key=guild_key(guild, entry.link),
                hints=entry.hints(parsed.title),
            )
        except (IntakeError, DocumentError) as exc:
            return EntryOutcome(entry.key, entry.link, "failed", str(exc))
        links += [fetched.url, normalised_url(fetched.url)]
        if document.url:
            links += [document.url, normalised_url(document.url)]
        held = await self.queue.already_held(guild, links, document.digest)
        if held is not None:
            return EntryOutcome(entry.key, entry.link, "duplicate", held)
        try:
            extraction = await self.extract_fn(document, guild)
        except Exception as exc:  # a timeout, or a worker that died: the entry is tried again
            log.warning("feed %s: extracting %s failed: %s", feed.url, entry.link, exc)
            return EntryOutcome(entry.key, entry.link, "failed", f"extraction failed: {exc}")
        if at_once:
            return await self._store(feed, entry, extraction)
        try:
            await self.queue.add(
                guild,
                document,
                norm_url=normalised_url(entry.link),
                figures=len(extraction.figures),
                feed_id=feed.id,
                now=self.clock(),
            )
        except QueueFullError as exc:
            log.info("feed %s: %s", feed.url, exc)
            return None
        return EntryOutcome(entry.key, entry.link, "queued")

    async def _store(self, feed: Feed, entry: FeedEntry, extraction: Extraction) -> EntryOutcome:
        try:
            result = await Moderation(self.store).add_document(
                feed.guild_id,
                extraction,
                actor_id=BOT_ACTOR,
                note={"via": "feed", "feed": feed.url, "url": entry.link},
            )
        except StoreError as exc:
            return EntryOutcome(entry.key, entry.link, "failed", str(exc))
        if self.on_stored is not None:
            self.on_stored(feed.guild_id, result)
        return EntryOutcome(entry.key, entry.link, "stored")
