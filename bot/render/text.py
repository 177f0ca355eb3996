"""Plain-text formatting of figures, dates, citations and quotes (Markdown strings, no embeds)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from typing import Protocol

from discord.utils import escape_markdown, escape_mentions

from bot.facts.model import DateSpan, Figure, Precision, Qualifier, Status


class DocumentLike(Protocol):
    """What a citation needs of a document (a stored DocumentInfo or a parsed Document)."""

    @property
    def title(self) -> str | None: ...
    @property
    def publisher(self) -> str | None: ...
    @property
    def url(self) -> str | None: ...
    @property
    def published(self) -> date | None: ...


DASH = "–"
ELLIPSIS = "…"
INFERRED_MARK = "*"
INFERRED_LEGEND = "* date inferred from the text"

#: Vague amounts the extractor normalises to these ranges, shown as the words they came from.
VAGUE_RANGES: dict[tuple[int, int], str] = {
    (24, 99): "dozens",
    (200, 999): "hundreds",
    (2_000, 9_999): "thousands",
    (20_000, 99_999): "tens of thousands",
    (200_000, 999_999): "hundreds of thousands",
}

#: How a source is named where space is short (the spread line).
SHORT_SOURCES: dict[str, str] = {
    "Volodymyr Zelenskyy": "Zelenskyy",
    "Vladimir Putin": "Putin",
    "Kim Jong Un": "Kim",
}
_SOURCE_TAIL = re.compile(r"\s+(assessments?|estimates?|officials?|sources?)$", re.IGNORECASE)

STATUS_MARKS: dict[Status, str] = {
    Status.AUTO: "",
    Status.VERIFIED: "✓ verified",
    Status.CORRECTED: "corrected by this server's moderators",
    Status.HIDDEN: "hidden",
}

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_LINE_START_MARKUP = re.compile(r"^(\d+)\.", re.MULTILINE)
_RAW_MENTION = re.compile(r"<([@#]|/|a?:|t:)")
#: Characters that change how the rest of a line displays or that no text needs: control
#: characters (NUL included; those str.split() takes for spaces are left to it) and the
#: bidirectional embeddings, overrides and isolates, which can make a number read backwards.
_UNSAFE = re.compile("[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f\u202a-\u202e\u2066-\u2069]")


def count(n: int) -> str:
    return f"{n:,}"


def counted(n: int, noun: str) -> str:
    """``n`` and ``noun``, plural unless ``n`` is one: "1 figure", "1,200 figures"."""
    return f"{n:,} {noun}" if n == 1 else f"{n:,} {noun}s"


def value(low: int, high: int, qualifier: Qualifier) -> str:
    """A figure's amount as words a reader trusts: "at least 300", "dozens (24–99)"."""
    if qualifier is Qualifier.RANGE and (low, high) in VAGUE_RANGES:
        return f"{VAGUE_RANGES[low, high]} ({count(low)}{DASH}{count(high)})"
    amount = count(low) if low == high else f"{count(low)}{DASH}{count(high)}"
    if qualifier is Qualifier.AT_LEAST:
        return f"at least {amount}"
    if qualifier is Qualifier.AT_MOST:
        return f"up to {amount}"
    if qualifier is Qualifier.ABOUT:
        return f"about {amount}"
    return amount


def figure_value(figure: Figure) -> str:
    shown = value(figure.low, figure.high, figure.qualifier)
    return f"{shown} more" if figure.additional else shown


def day(d: date) -> str:
    return f"{d.day} {_MONTHS[d.month - 1]} {d.year}"


def _month(d: date) -> str:
    return f"{_MONTHS[d.month - 1]} {d.year}"


def span(when: DateSpan | None) -> str:
    """A DateSpan at the precision the text gave: "30 Oct 2024", "Jan–Feb 2025", "2023"."""
    if when is None:
        return "undated"
    start, end = when.start, when.end
    if when.precision is Precision.YEAR:
        text = str(start.year) if start.year == end.year else f"{start.year}{DASH}{end.year}"
    elif when.precision is Precision.MONTH:
        if (start.year, start.month) == (end.year, end.month):
            text = _month(start)
        elif start.year == end.year:
            text = f"{_MONTHS[start.month - 1]}{DASH}{_month(end)}"
        else:
            text = f"{_month(start)}{DASH}{_month(end)}"
    elif start == end:
        text = day(start)
    elif (start.year, start.month) == (end.year, end.month):
        text = f"{start.day}{DASH}{day(end)}"
    elif start.year == end.year:
        text = f"{start.day} {_MONTHS[start.month - 1]}{DASH}{day(end)}"
    else:
        text = f"{day(start)}{DASH}{day(end)}"
    return text + INFERRED_MARK if when.inferred else text


def is_inferred(when: DateSpan | None) -> bool:
    return when is not None and when.inferred


def strip_unsafe(text: str) -> str:
    """``text`` without control characters and bidirectional overrides (see ``_UNSAFE``)."""
    return _UNSAFE.sub("", text)


def escape(text: str) -> str:
    """Document text made inert: no Markdown, no mentions, no masked links, no control or
    direction-changing characters, one line."""
    flat = " ".join(strip_unsafe(text).split())
    escaped = escape_mentions(escape_markdown(flat))
    escaped = _RAW_MENTION.sub(lambda m: "<\u200b" + m.group(1), escaped)
    escaped = escaped.replace("](", "]\u200b(")  # a masked link needs "](" unbroken
    return _LINE_START_MARKUP.sub(r"\1\\.", escaped)


def clip(text: str, limit: int, suffix: str = ELLIPSIS) -> str:
    """``text`` escaped and, if longer than ``limit`` once escaped, cut at a word and ``suffix``ed.

    The raw text is cut before escaping, so an escape sequence is never split.
    """
    flat = " ".join(strip_unsafe(text).split())
    if len(flat) <= limit:  # escaping only lengthens: a longer raw text cannot fit
        whole = escape(flat)
        if len(whole) <= limit:
            return whole
    room = limit - len(suffix)
    if room <= 0:
        return suffix[:limit]
    lo, hi = 0, min(len(flat), room)
    while lo < hi:  # the longest raw prefix whose escaped form fits
        mid = (lo + hi + 1) // 2
        if len(escape(flat[:mid])) <= room:
            lo = mid
        else:
            hi = mid - 1
    cut = flat[:lo]
    space = cut.rfind(" ")
    if space > lo * 0.6:
        cut = cut[:space]
    return escape(cut) + suffix


def quote(text: str, limit: int, figure_id: str | None = None) -> str:
    """A quote for a list: clipped to ``limit``; a clipped quote says where to read it whole."""
    suffix = f"{ELLIPSIS} (see `/figure {figure_id}`)" if figure_id else ELLIPSIS
    return clip(text, limit, suffix)


def source_name(source: str | None) -> str:
    return source if source else "unattributed"


def short_source(source: str | None) -> str:
    if not source:
        return "unattributed"
    if source in SHORT_SOURCES:
        return SHORT_SOURCES[source]
    return _SOURCE_TAIL.sub("", source) or source


def document_name(document: DocumentLike | None, key: str) -> str:
    """Publisher, else title, else the document's key, escaped and kept short."""
    if document is not None and document.publisher:
        return clip(document.publisher, 60)
    if document is not None and document.title:
        return "“" + clip(document.title, 60) + "”"
    return clip(key.removesuffix(".txt").removesuffix(".md"), 60)


def citation(figure: Figure, document: DocumentLike | None) -> str:
    """Source · publisher or title · publication date: enough to find the document."""
    parts = [clip(source_name(figure.source), 80), document_name(document, figure.document)]
    if document is not None and document.published is not None:
        parts.append(day(document.published))
    return " · ".join(parts)


def status_mark(status: Status) -> str:
    return STATUS_MARKS[status]


class Claimed(Protocol):
    """What the spread line needs of a figure (a Figure or a store's light FigureKey)."""

    @property
    def source(self) -> str | None: ...
    @property
    def low(self) -> int: ...
    @property
    def high(self) -> int: ...
    @property
    def qualifier(self) -> Qualifier: ...


def spread(figures: Sequence[Claimed]) -> str | None:
    """Where sources disagree: "estimates range from about 1,200 (U.S.) to 4,000 (Zelenskyy)".

    None when fewer than two sources speak or their figures agree.
    """
    claimed = [f for f in figures if f.source]
    if len({f.source for f in claimed}) < 2:
        return None
    lowest = min(claimed, key=lambda f: (f.low, f.high))
    highest = max(claimed, key=lambda f: (f.high, f.low))
    if lowest.source == highest.source or (lowest.low, lowest.high) == (highest.low, highest.high):
        return None
    return (
        f"estimates range from {value(lowest.low, lowest.high, lowest.qualifier)} "
        f"({clip(short_source(lowest.source), 60)}) to "
        f"{value(highest.low, highest.high, highest.qualifier)} "
        f"({clip(short_source(highest.source), 60)})"
    )


def inert(message: str) -> str:
    """A message that may hold what a user typed, escaped line by line (see :func:`escape`)."""
    return "\n".join(escape(line) for line in message.split("\n"))


def middle_clip(value: str, limit: int) -> str:
    """``value`` within ``limit`` characters, its middle cut out: the start and the end of a
    long name (a document key's folder and file name) both stay readable. Not escaped."""
    if len(value) <= limit:
        return value
    head = (limit - 1) // 2
    tail = limit - 1 - head
    return value[:head] + ELLIPSIS + value[-tail:]


def quoted(value: str) -> str:
    """What a user typed, shown back to them inert and short: “value”."""
    return "“" + clip(value, 100) + "”"


def bold_name(name: str) -> str:
    """A name from the fact base, bold and inert."""
    return f"**{clip(name, 100)}**"
