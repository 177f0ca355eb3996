"""The feeds a server follows and its review queue, as /admin feeds list and /admin queue show
them. A feed's title and its articles' fields come from the feed: all of it is made inert."""

from __future__ import annotations

from datetime import datetime

from bot.facts.store.intake import MAX_FEEDS_PER_GUILD, Feed, FeedCounts, QueuedArticle
from bot.intake.download import FoundFeed
from bot.intake.poller import Schedule
from bot.render import text


def when(moment: datetime) -> str:
    """A Discord timestamp: each reader sees it in their own time zone."""
    return f"<t:{int(moment.timestamp())}:R>"


def feed_name(feed: Feed) -> str:
    return "**" + text.clip(feed.title, 100) + "**" if feed.title else "(no title yet)"


def feed_entry(feed: Feed, counts: FeedCounts | None) -> str:
    """One feed: title and address, its last and next poll, what became of its entries and
    its last error."""
    counts = counts or FeedCounts()
    lines = [f"{feed_name(feed)} · <{text.clip(feed.url, 300)}>"]
    if feed.last_polled_at is None:
        lines.append(f"not polled yet · first poll {when(feed.next_poll_at)}")
    else:
        state = "ok" if feed.failures == 0 else "failed"
        lines.append(
            f"last poll {when(feed.last_polled_at)} ({state}) · next {when(feed.next_poll_at)}"
        )
    lines.append(
        f"{counts.queued:,} queued ({counts.waiting:,} waiting for review) ·"
        f" {counts.stored:,} stored at once · {counts.duplicate:,} already held ·"
        f" {counts.failed:,} failed · {counts.skipped:,} older than the first poll"
    )
    if feed.last_error:
        row = f"{feed.failures:,} failed polls in a row" if feed.failures > 1 else "1 failed poll"
        lines.append(f"⚠ last error: {text.clip(feed.last_error, 300)} ({row})")
    return "\n".join(lines)


def feeds_intro(at_once: bool, count: int) -> str:
    mode = (
        "new articles are **stored at once**"
        if at_once
        else "new articles **wait for review** in `/admin queue`"
    )
    return (
        f"{count:,} of {MAX_FEEDS_PER_GUILD} feeds; {mode} (change it with"
        " `/admin feeds autostore`). Feeds are polled every 15 minutes, less often after failures."
    )


def queued_line(item: QueuedArticle, feed: Feed | None) -> str:
    """Where a queued article came from and when, for the top of its preview."""
    origin = feed_name(feed) if feed is not None else "a feed no longer followed"
    address = f" · <{text.clip(item.document.url, 300)}>" if item.document.url else ""
    return f"From {origin}, queued {when(item.queued_at)}{address}"


def feed_added(feed: Feed, found: FoundFeed, at_once: bool) -> str:
    """What /admin feeds add did, and what happens next."""
    name = feed_name(feed)
    announced = (
        f" (the page <{text.clip(found.page, 300)}> announces it)" if found.page else ""
    )
    fate = (
        "stored at once (autostore is on), with an alert"
        if at_once
        else "put in `/admin queue` for review"
    )
    listed, taken = len(found.feed.entries), Schedule().entries_per_poll
    if listed <= taken:
        fetching = f"It lists {listed:,} articles: they are being fetched now and will be {fate}."
    else:
        fetching = (
            f"It lists {listed:,} articles: the {taken} newest are being fetched now and will"
            f" be {fate}; the older ones are left out."
        )
    return (
        f"Following {name}: <{text.clip(feed.url, 300)}>{announced}. {fetching}"
        " Then it is checked every 15 minutes for new ones."
    )
