"""The feeds a server follows and its review queue, as /admin feeds list and /admin queue show
them. A feed's title and its articles' fields come from the feed: all of it is made inert."""

from __future__ import annotations

from datetime import datetime

from bot.facts.store.intake import MAX_FEEDS_PER_GUILD, Feed, FeedCounts, QueuedArticle
from bot.i18n import number, t
from bot.intake.download import FoundFeed
from bot.intake.poller import Schedule
from bot.render import text


def when(moment: datetime) -> str:
    """A Discord timestamp: each reader sees it in their own time zone."""
    return f"<t:{int(moment.timestamp())}:R>"


def feed_name(feed: Feed, lang: str = "en") -> str:
    return "**" + text.clip(feed.title, 100) + "**" if feed.title else t(lang, "feeds.no_title")


def _names(lang: str) -> dict[str, str]:
    return text.client_names(lang, "admin", "feeds", "queue", "autostore", "add", options=("url",))


def feed_entry(feed: Feed, counts: FeedCounts | None, lang: str = "en") -> str:
    """One feed: title and address, its last and next poll, what became of its entries and
    its last error."""
    counts = counts or FeedCounts()
    lines = [f"{feed_name(feed, lang)} · <{text.clip(feed.url, 300)}>"]
    if feed.last_polled_at is None:
        lines.append(t(lang, "feeds.not_polled", when=when(feed.next_poll_at)))
    else:
        state = t(lang, "feeds.ok" if feed.failures == 0 else "feeds.failed")
        lines.append(
            t(lang, "feeds.polled", last=when(feed.last_polled_at), state=state,
              next=when(feed.next_poll_at))
        )
    lines.append(
        t(
            lang,
            "feeds.counts",
            **{
                name: number(lang, getattr(counts, name))
                for name in ("queued", "waiting", "stored", "duplicate", "failed", "skipped")
            },
        )
    )
    if feed.last_error:
        row = t(lang, "feeds.failures", n=feed.failures)
        lines.append(t(lang, "feeds.last_error", error=text.clip(feed.last_error, 300), row=row))
    return "\n".join(lines)


def feeds_intro(at_once: bool, count: int, lang: str = "en") -> str:
    names = _names(lang)
    mode = t(lang, "feeds.mode.at_once" if at_once else "feeds.mode.review", **names)
    return t(
        lang, "feeds.intro", count=number(lang, count), limit=MAX_FEEDS_PER_GUILD, mode=mode,
        **names,
    )


def queued_line(item: QueuedArticle, feed: Feed | None, lang: str = "en") -> str:
    """Where a queued article came from and when, for the top of its preview."""
    origin = feed_name(feed, lang) if feed is not None else t(lang, "feeds.gone")
    address = f" · <{text.clip(item.document.url, 300)}>" if item.document.url else ""
    return t(lang, "feeds.queued_from", origin=origin, when=when(item.queued_at),
             address=address)


def feed_added(feed: Feed, found: FoundFeed, at_once: bool, lang: str = "en") -> str:
    """What /admin feeds add did, and what happens next."""
    announced = (
        t(lang, "feeds.announced", page=text.clip(found.page, 300)) if found.page else ""
    )
    fate = t(lang, "feeds.fate.at_once" if at_once else "feeds.fate.review", **_names(lang))
    listed, taken = len(found.feed.entries), Schedule().entries_per_poll
    if listed <= taken:
        fetching = t(lang, "feeds.fetching_all", n=listed, fate=fate)
    else:
        fetching = t(lang, "feeds.fetching_newest", n=listed, taken=taken, fate=fate)
    return t(
        lang,
        "feeds.following",
        name=feed_name(feed, lang),
        url=text.clip(feed.url, 300),
        announced=announced,
        fetching=fetching,
    )
