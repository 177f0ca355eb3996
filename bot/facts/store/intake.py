"""News in: the feeds each server follows, the entries seen in them, the review queue of fetched
articles, and the per-server "store new articles at once" setting.

All of it is per server. Polling state and the queue change nothing a server's answers show, so
their writes do not move the fact store's version; storing an article does, through the ingest
transaction, which also takes it out of the queue.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime

from bot.facts.model import Document, Extraction
from bot.facts.store import audit
from bot.facts.store.dialect import Row
from bot.facts.store.errors import StoreError
from bot.facts.store.fact_store import FactStore
from bot.facts.store.overlays import Decision, Moderation
from bot.facts.store.rows import IngestResult
from bot.facts.store.transaction import Transaction

MAX_FEEDS_PER_GUILD = 20
MAX_QUEUED_PER_GUILD = 50
#: A failed entry is tried again on later polls until it has failed this many times.
MAX_ENTRY_ATTEMPTS = 3
ERROR_LIMIT = 300

FINAL_STATUSES = frozenset({"queued", "stored", "duplicate", "skipped"})


class FeedLimitError(StoreError):
    """A server follows as many feeds as it may, or already follows this one."""


class QueueFullError(StoreError):
    """A server's review queue holds as many articles as it may."""


class AlreadyReviewedError(StoreError):
    """The queued article was confirmed or skipped by another moderator meanwhile."""


@dataclass(frozen=True, slots=True)
class Shards:
    """The shards whose servers' feeds one bot process polls: ``ids`` of ``count``."""

    count: int
    ids: tuple[int, ...]

    def sql(self) -> str:
        """A condition on ``guild_id`` (Discord puts a server on shard (id >> 22) % count)."""
        ids = ", ".join(str(int(i)) for i in self.ids) or "-1"
        return f" AND ((guild_id >> 22) % {int(self.count)}) IN ({ids})"


@dataclass(frozen=True, slots=True)
class FeedCounts:
    """What became of a feed's entries: stored at once, queued (``waiting`` of them still in
    the review queue), already held, failed (for now) and skipped (older than its first poll)."""

    stored: int = 0
    queued: int = 0
    waiting: int = 0
    duplicate: int = 0
    failed: int = 0
    skipped: int = 0


def iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def _when(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


@dataclass(frozen=True, slots=True)
class Feed:
    id: int
    guild_id: int
    url: str
    title: str | None
    etag: str | None
    last_modified: str | None
    failures: int
    last_error: str | None
    last_polled_at: datetime | None
    last_success_at: datetime | None
    next_poll_at: datetime
    added_by: int
    added_at: datetime


def _feed(row: Row) -> Feed:
    return Feed(
        id=int(row["id"]),
        guild_id=int(row["guild_id"]),
        url=row["url"],
        title=row["title"],
        etag=row["etag"],
        last_modified=row["last_modified"],
        failures=int(row["failures"]),
        last_error=row["last_error"],
        last_polled_at=_when(row["last_polled_at"]),
        last_success_at=_when(row["last_success_at"]),
        next_poll_at=datetime.fromisoformat(row["next_poll_at"]),
        added_by=int(row["added_by"]),
        added_at=datetime.fromisoformat(row["added_at"]),
    )


@dataclass(frozen=True, slots=True)
class SeenEntry:
    status: str
    attempts: int

    @property
    def final(self) -> bool:
        return self.status in FINAL_STATUSES or self.attempts >= MAX_ENTRY_ATTEMPTS


@dataclass(frozen=True, slots=True)
class EntryOutcome:
    key: str
    link: str
    status: str
    error: str | None = None


class Feeds:
    """Reads and writes ``feeds``, ``feed_entries`` and ``intake_settings``."""

    def __init__(self, store: FactStore) -> None:
        self.store = store

    async def add(
        self,
        guild_id: int,
        url: str,
        *,
        actor_id: int,
        now: datetime,
        title: str | None = None,
    ) -> Feed:
        """Follow ``url`` in ``guild_id``, audited; the first poll is due at once."""
        async with self.store.write(counted=False) as tx:
            rows = await tx.fetch("SELECT url FROM feeds WHERE guild_id = ?", (guild_id,))
            if any(row["url"] == url for row in rows):
                raise FeedLimitError("This server already follows that feed.")
            if len(rows) >= MAX_FEEDS_PER_GUILD:
                raise FeedLimitError(
                    f"This server follows {MAX_FEEDS_PER_GUILD} feeds, the most it may;"
                    " remove one first."
                )
            inserted = await tx.fetchone(
                "INSERT INTO feeds (guild_id, url, title, next_poll_at, added_by, added_at)"
                " VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
                (guild_id, url, title, iso(now), actor_id, iso(now)),
            )
            assert inserted is not None
            await audit.record(tx, guild_id, actor_id, "follow feed", url, after={"title": title})
        feed = await self.get(guild_id, int(inserted["id"]))
        assert feed is not None
        return feed

    async def get(self, guild_id: int, feed_id: int) -> Feed | None:
        rows = await self.store.read(
            "SELECT * FROM feeds WHERE id = ? AND guild_id = ?", (feed_id, guild_id)
        )
        return _feed(rows[0]) if rows else None

    async def of_guild(self, guild_id: int) -> list[Feed]:
        rows = await self.store.read(
            "SELECT * FROM feeds WHERE guild_id = ? ORDER BY id", (guild_id,)
        )
        return [_feed(row) for row in rows]

    async def remove(self, guild_id: int, feed_id: int, *, actor_id: int) -> Feed | None:
        """Stop following a feed, audited; its queued articles stay for review."""
        async with self.store.write(counted=False) as tx:
            row = await tx.fetchone(
                "SELECT * FROM feeds WHERE id = ? AND guild_id = ?", (feed_id, guild_id)
            )
            if row is None:
                tx.nothing_changed()
                return None
            feed = _feed(row)
            await tx.execute("DELETE FROM feeds WHERE id = ? AND guild_id = ?", (feed_id, guild_id))
            await audit.record(
                tx, guild_id, actor_id, "unfollow feed", feed.url, after={"title": feed.title}
            )
        return feed

    async def counts(self, guild_id: int) -> dict[int, FeedCounts]:
        """What became of the entries of each feed ``guild_id`` follows, by feed id."""
        tallies: dict[int, dict[str, int]] = {}
        rows = await self.store.read(
            "SELECT e.feed_id, e.status, COUNT(*) AS n FROM feed_entries e"
            " JOIN feeds f ON f.id = e.feed_id WHERE f.guild_id = ?"
            " GROUP BY e.feed_id, e.status",
            (guild_id,),
        )
        for row in rows:
            tallies.setdefault(int(row["feed_id"]), {})[row["status"]] = int(row["n"])
        rows = await self.store.read(
            "SELECT feed_id, COUNT(*) AS n FROM intake_queue WHERE guild_id = ?"
            " AND feed_id IS NOT NULL GROUP BY feed_id",
            (guild_id,),
        )
        for row in rows:
            tallies.setdefault(int(row["feed_id"]), {})["waiting"] = int(row["n"])
        return {feed: FeedCounts(**found) for feed, found in tallies.items()}

    async def due(self, now: datetime, limit: int, shards: Shards | None = None) -> list[Feed]:
        where = shards.sql() if shards else ""
        rows = await self.store.read(
            f"SELECT * FROM feeds WHERE next_poll_at <= ?{where}"
            " ORDER BY next_poll_at, id LIMIT ?",
            (iso(now), limit),
        )
        return [_feed(row) for row in rows]

    async def next_due(self, shards: Shards | None = None) -> datetime | None:
        where = shards.sql().replace(" AND", " WHERE", 1) if shards else ""
        rows = await self.store.read(f"SELECT MIN(next_poll_at) AS at FROM feeds{where}", ())
        return _when(rows[0]["at"]) if rows else None

    async def record_success(
        self,
        feed_id: int,
        *,
        now: datetime,
        next_poll_at: datetime,
        etag: str | None,
        last_modified: str | None,
        title: str | None,
        outcomes: Sequence[EntryOutcome] = (),
    ) -> None:
        """A poll that worked (a 304 too): validators, schedule and the entries it handled.
        Nothing is recorded for a feed removed while it was polled."""
        async with self.store.write(counted=False) as tx:
            updated = await tx.fetchone(
                "UPDATE feeds SET etag = ?, last_modified = ?, title = COALESCE(?, title),"
                " failures = 0, last_error = NULL, last_polled_at = ?, last_success_at = ?,"
                " next_poll_at = ? WHERE id = ? RETURNING id",
                (etag, last_modified, title, iso(now), iso(now), iso(next_poll_at), feed_id),
            )
            if updated is None:
                tx.nothing_changed()
                return
            await _record_entries(tx, feed_id, outcomes, now)

    async def record_failure(
        self, feed_id: int, error: str, *, now: datetime, next_poll_at: datetime
    ) -> None:
        async with self.store.write(counted=False) as tx:
            await tx.execute(
                "UPDATE feeds SET failures = failures + 1, last_error = ?, last_polled_at = ?,"
                " next_poll_at = ? WHERE id = ?",
                (error[:ERROR_LIMIT], iso(now), iso(next_poll_at), feed_id),
            )

    async def seen(self, feed_id: int, keys: Iterable[str]) -> dict[str, SeenEntry]:
        wanted = list(keys)
        if not wanted:
            return {}
        rows = await self.store.read(
            "SELECT entry_key, status, attempts FROM feed_entries WHERE feed_id = :feed"
            f" AND entry_key IN {self.store.dialect.json_values(':keys')}",
            {"feed": feed_id, "keys": json.dumps(wanted)},
        )
        return {row["entry_key"]: SeenEntry(row["status"], int(row["attempts"])) for row in rows}

    async def store_at_once(self, guild_id: int) -> bool:
        rows = await self.store.read(
            "SELECT store_at_once FROM intake_settings WHERE guild_id = ?", (guild_id,)
        )
        return bool(rows[0]["store_at_once"]) if rows else False

    async def set_store_at_once(self, guild_id: int, value: bool, *, actor_id: int) -> bool:
        """Set the server's choice, audited; returns what it was."""
        async with self.store.write(counted=False) as tx:
            row = await tx.fetchone(
                "SELECT store_at_once FROM intake_settings WHERE guild_id = ?", (guild_id,)
            )
            previous = bool(row["store_at_once"]) if row is not None else False
            await tx.execute(
                "INSERT INTO intake_settings (guild_id, store_at_once, updated_by, updated_at)"
                " VALUES (?, ?, ?, ?) ON CONFLICT (guild_id) DO UPDATE SET"
                " store_at_once = excluded.store_at_once, updated_by = excluded.updated_by,"
                " updated_at = excluded.updated_at",
                (guild_id, int(value), actor_id, iso(datetime.now(UTC))),
            )
            await audit.record(
                tx, guild_id, actor_id, "feed autostore", "new feed articles",
                before={"stored at once": previous}, after={"stored at once": value},
            )
        return previous


async def _record_entries(
    tx: Transaction, feed_id: int, outcomes: Sequence[EntryOutcome], now: datetime
) -> None:
    await tx.executemany(
        "INSERT INTO feed_entries (feed_id, entry_key, link, status, error, seen_at)"
        " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (feed_id, entry_key) DO UPDATE SET"
        " status = excluded.status, error = excluded.error, seen_at = excluded.seen_at,"
        " attempts = feed_entries.attempts + 1",
        [
            (feed_id, o.key, o.link, o.status, (o.error or "")[:ERROR_LIMIT] or None, iso(now))
            for o in outcomes
        ],
    )


@dataclass(frozen=True, slots=True)
class QueuedArticle:
    id: int
    guild_id: int
    feed_id: int | None
    document: Document
    figures: int
    queued_at: datetime


def _queued(row: Row) -> QueuedArticle:
    document = Document(
        key=row["doc_key"],
        text=row["text"],
        title=row["title"],
        publisher=row["publisher"],
        url=row["url"],
        published=date.fromisoformat(row["published"]) if row["published"] else None,
        meta=tuple((str(k), str(v)) for k, v in json.loads(row["meta"])),
        warnings=tuple(str(w) for w in json.loads(row["warnings"])),
    )
    return QueuedArticle(
        id=int(row["id"]),
        guild_id=int(row["guild_id"]),
        feed_id=row["feed_id"],
        document=document,
        figures=int(row["figures"]),
        queued_at=datetime.fromisoformat(row["queued_at"]),
    )


class ReviewQueue:
    """The articles fetched from a server's feeds, waiting for a moderator."""

    def __init__(self, store: FactStore) -> None:
        self.store = store

    async def add(
        self,
        guild_id: int,
        document: Document,
        *,
        norm_url: str,
        figures: int,
        feed_id: int | None,
        now: datetime,
    ) -> QueuedArticle | None:
        """Queue ``document``; None when this server's queue already holds it (same address
        or same text), or when its feed was removed while it was being fetched."""
        async with self.store.write(counted=False) as tx:
            if feed_id is not None and await tx.fetchone(
                "SELECT id FROM feeds WHERE id = ? AND guild_id = ?", (feed_id, guild_id)
            ) is None:
                tx.nothing_changed()
                return None
            held = await tx.fetchone(
                "SELECT COUNT(*) AS n FROM intake_queue WHERE guild_id = ?", (guild_id,)
            )
            if held is not None and held["n"] >= MAX_QUEUED_PER_GUILD:
                raise QueueFullError(
                    f"the review queue holds {MAX_QUEUED_PER_GUILD} articles; review some first"
                )
            inserted = await tx.fetchone(
                "INSERT INTO intake_queue (guild_id, feed_id, doc_key, url, norm_url,"
                " title, publisher, published, meta, warnings, text, digest, figures, queued_at)"
                f" VALUES ({', '.join('?' * 14)}) ON CONFLICT DO NOTHING RETURNING id",
                (
                    guild_id,
                    feed_id,
                    document.key,
                    document.url or norm_url,
                    norm_url,
                    document.title,
                    document.publisher,
                    document.published.isoformat() if document.published else None,
                    json.dumps([list(pair) for pair in document.meta], ensure_ascii=False),
                    json.dumps(list(document.warnings), ensure_ascii=False),
                    document.text,
                    document.digest,
                    figures,
                    iso(now),
                ),
            )
            if inserted is None:
                tx.nothing_changed()
                return None
        return await self.get(guild_id, int(inserted["id"]))

    async def get(self, guild_id: int, item_id: int) -> QueuedArticle | None:
        rows = await self.store.read(
            "SELECT * FROM intake_queue WHERE id = ? AND guild_id = ?", (item_id, guild_id)
        )
        return _queued(rows[0]) if rows else None

    async def of_guild(self, guild_id: int) -> list[QueuedArticle]:
        rows = await self.store.read(
            "SELECT * FROM intake_queue WHERE guild_id = ? ORDER BY id", (guild_id,)
        )
        return [_queued(row) for row in rows]

    async def count(self, guild_id: int) -> int:
        rows = await self.store.read(
            "SELECT COUNT(*) AS n FROM intake_queue WHERE guild_id = ?", (guild_id,)
        )
        return int(rows[0]["n"])

    async def discard(self, guild_id: int, item_id: int) -> bool:
        async with self.store.write(counted=False) as tx:
            deleted = await tx.fetchone(
                "DELETE FROM intake_queue WHERE id = ? AND guild_id = ? RETURNING id",
                (item_id, guild_id),
            )
            return deleted is not None

    async def skip(self, guild_id: int, item: QueuedArticle, *, actor_id: int) -> bool:
        """A moderator dropped ``item`` from the queue, audited; False when another moderator
        reviewed it first."""
        async with self.store.write(counted=False) as tx:
            deleted = await tx.fetchone(
                "DELETE FROM intake_queue WHERE id = ? AND guild_id = ? RETURNING id",
                (item.id, guild_id),
            )
            if deleted is None:
                tx.nothing_changed()
                return False
            target = item.document.url or item.document.key
            await audit.record(
                tx, guild_id, actor_id, "skip queued article", target,
                after={"title": item.document.title, "figures": item.figures},
            )
        return True

    async def confirm(
        self,
        guild_id: int,
        item: QueuedArticle,
        extraction: Extraction,
        *,
        actor_id: int,
        decisions: Sequence[Decision] = (),
    ) -> IngestResult:
        """Store a queued article (as extracted for its preview) and take it out of the queue,
        in one audited transaction. Raises :class:`AlreadyReviewedError` when another moderator
        reviewed it first: then nothing is stored."""

        async def take(tx: Transaction, _: IngestResult) -> None:
            gone = await tx.fetchone(
                "DELETE FROM intake_queue WHERE id = ? AND guild_id = ? RETURNING id",
                (item.id, guild_id),
            )
            if gone is None:
                raise AlreadyReviewedError(
                    "another moderator reviewed this article meanwhile; nothing was stored"
                )

        note = {"via": "review queue", "url": item.document.url}
        result = await Moderation(self.store).add_document(
            guild_id, extraction, actor_id=actor_id, note=note, also=take, decisions=decisions
        )
        if result.status == "unchanged":
            await self.discard(guild_id, item.id)
        return result

    async def already_held(
        self, guild_id: int, urls: Iterable[str], digest: str | None = None
    ) -> str | None:
        """Why an article need not be stored again for ``guild_id``: a document it sees (its
        own or a shared one) or an article in its queue has one of ``urls`` or the same text
        (``digest``). None when it is new."""
        wanted = json.dumps(sorted({u for u in urls if u}))
        params = {"guild": guild_id, "urls": wanted, "digest": digest or ""}
        urls = self.store.dialect.json_values(":urls")
        rows = await self.store.read(
            "SELECT key FROM documents WHERE (guild_id IS NULL OR guild_id = :guild)"
            f" AND (url IN {urls} OR digest = :digest) LIMIT 1",
            params,
        )
        if rows:
            return f"already stored as {rows[0]['key']}"
        rows = await self.store.read(
            "SELECT id FROM intake_queue WHERE guild_id = :guild"
            f" AND (norm_url IN {urls} OR url IN {urls} OR digest = :digest) LIMIT 1",
            params,
        )
        if rows:
            return f"already waiting for review (#{rows[0]['id']})"
        return None


async def drop_from_queue(tx: Transaction, guild_id: int, item_id: int) -> None:
    """Take an article out of the queue inside another write (the ingest that stores it)."""
    await tx.execute("DELETE FROM intake_queue WHERE id = ? AND guild_id = ?", (item_id, guild_id))
