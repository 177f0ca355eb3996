"""RSS and Atom: downloaded bytes -> the feed's title and its entries' links, with feedparser.

feedparser is only ever given bytes, never an address: every download goes through the guarded
fetcher. Its XML parser (expat) refuses entity expansion bombs and loads no external entities.
A feed that is malformed but still yields entries is read (as feed readers do); one that yields
none is refused with the parser's reason.
"""

from __future__ import annotations

import calendar
import time
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import feedparser
from lxml import etree, html

from bot.intake.errors import NotAnArticleError, TooLargeError

MAX_FEED_BYTES = 2 * 1024 * 1024
#: Entries read from one feed document (newest first, as feeds list them).
MAX_ENTRIES = 100
_FEED_TYPES = frozenset({"application/rss+xml", "application/atom+xml", "application/rdf+xml"})


@dataclass(frozen=True, slots=True)
class FeedEntry:
    """One entry: ``key`` identifies it across polls (its id, else its link)."""

    key: str
    link: str
    title: str | None = None
    published: str | None = None
    author: str | None = None

    def hints(self, feed_title: str | None) -> dict[str, str]:
        """What the entry says about its article, for the fields its page does not give."""
        hints = {"title": self.title, "published": self.published, "author": self.author}
        hints["publisher"] = feed_title
        return {k: v for k, v in hints.items() if v}


@dataclass(frozen=True, slots=True)
class ParsedFeed:
    title: str | None
    entries: tuple[FeedEntry, ...]
    #: Entries left out: no http(s) link.
    skipped: int = 0


def parse_feed(data: bytes, url: str) -> ParsedFeed:
    """The feed in ``data`` (downloaded from ``url``, against which relative links resolve)."""
    if len(data) > MAX_FEED_BYTES:
        raise TooLargeError(f"too large: the feed is over {MAX_FEED_BYTES // (1024 * 1024)} MB")
    if b"<!entity" in data[: 64 * 1024].lower():
        # Entity declarations are how XML bombs and external-file tricks start; feeds need none.
        raise NotAnArticleError("not a valid RSS or Atom feed (it declares XML entities)")
    parsed = feedparser.parse(
        data,
        response_headers={"content-location": url, "content-type": "application/xml"},
        sanitize_html=False,
        resolve_relative_uris=False,
    )
    raw_entries = list(parsed.get("entries") or [])
    entries: list[FeedEntry] = []
    skipped = 0
    seen: set[str] = set()
    for raw in raw_entries[:MAX_ENTRIES]:
        entry = _entry(raw, url)
        if entry is None:
            skipped += 1
        elif entry.key not in seen:
            seen.add(entry.key)
            entries.append(entry)
    if not entries and (parsed.get("bozo") or not parsed.get("version")):
        problem = parsed.get("bozo_exception")
        reason = f" ({_first_line(problem)})" if problem else ""
        raise NotAnArticleError(f"not a valid RSS or Atom feed{reason}")
    title = _text(parsed.get("feed", {}).get("title"))
    return ParsedFeed(title, tuple(entries), skipped)


def discover_feeds(page: bytes, url: str) -> list[str]:
    """The feed addresses a web page announces (``<link rel="alternate" type="...rss+xml">``)."""
    try:
        tree = html.document_fromstring(page[:MAX_FEED_BYTES])
    except (etree.ParserError, ValueError):
        return []
    found: list[str] = []
    for link in tree.iter("link"):
        rel = (link.get("rel") or "").lower().split()
        kind = (link.get("type") or "").lower().strip()
        href = (link.get("href") or "").strip()
        if "alternate" in rel and kind in _FEED_TYPES and href:
            address = urljoin(url, href)
            if _is_web(address) and address not in found:
                found.append(address)
    return found


def _entry(raw: feedparser.FeedParserDict, base: str) -> FeedEntry | None:
    link = _text(raw.get("link"))
    if not link:
        links = [item.get("href") for item in raw.get("links") or [] if item.get("href")]
        link = _text(links[0]) if links else None
    if not link:
        return None
    link = urljoin(base, link)
    if not _is_web(link):
        return None
    key = _text(raw.get("id")) or link
    return FeedEntry(
        key=key[:500],
        link=link,
        title=_text(raw.get("title")),
        published=_day(raw.get("published_parsed") or raw.get("updated_parsed")),
        author=_text(raw.get("author")),
    )


def _day(value: object) -> str | None:
    if not isinstance(value, time.struct_time):
        return None
    return time.strftime("%Y-%m-%d", time.gmtime(calendar.timegm(value)))


def _text(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value[:300] or None


def _is_web(address: str) -> bool:
    try:
        parts = urlsplit(address)
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and bool(parts.hostname)


def _first_line(problem: object) -> str:
    text = str(problem).strip() or type(problem).__name__
    return text.splitlines()[0][:120]
