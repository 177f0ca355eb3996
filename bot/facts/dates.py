"""Temporal expressions -> :class:`DateSpan`, the publication date, and relative resolution.

``find_dates`` reads the dates of one sentence. Explicit dates ("Oct. 30, 2024", "June 2024",
"in 2023") stand on their own; month-only, month-day and relative dates ("In January",
"on October 30", "last year", "on Thursday") are resolved against an :class:`Anchor`, the
document's publication date, and are skipped when there is none. Everything resolved through an
inferred anchor is marked ``inferred``.

``publication_anchor`` takes the anchor from the front matter or infers it from the text.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import TypeVar

from bot.facts.model import PUBLICATION_DATE_TEXT, DateSpan, Precision
from bot.facts.sentences import split_sentences
from bot.facts.vocabulary.build import alternation
from bot.facts.vocabulary.calendar import (
    AGO_COUNTS,
    CHANGE_WORDS,
    COUNTED_AFTER_NUMBER,
    DAY_PARTS,
    DAYTIME_PARTS,
    DEADLINE_WORDS,
    MONTH_ABBREVIATIONS,
    MONTH_CONTEXT,
    MONTH_NAMES,
    MONTH_NUMBERS,
    OF_YEAR_CONTEXT,
    PART_MONTHS,
    PERIOD_PARTS,
    PERIOD_UNITS,
    RELATIVE_DAY_WORDS,
    SEASONS,
    WEEKDAY_NUMBERS,
    WEEKDAYS,
)

__all__ = ["Anchor", "DateMention", "find_dates", "publication_anchor"]


@dataclass(frozen=True, slots=True)
class Anchor:
    """The date relative and month-only dates are resolved against.

    ``day`` is the first day of the month (or of the year) when the precision is coarser.
    """

    day: date
    precision: Precision
    inferred: bool

    def as_span(self, text: str = PUBLICATION_DATE_TEXT) -> DateSpan:
        start, end = _period(self.day, self.precision)
        return DateSpan(text, start, end, self.precision, self.inferred)

    @classmethod
    def of(cls, published: date | DateSpan) -> Anchor:
        """The anchor of a publication date: a day as given, or a span the front matter gave
        at a coarser precision (anchored at its last month or year)."""
        if isinstance(published, date):
            return cls(published, Precision.DAY, inferred=False)
        return cls(_floor(published.end, published.precision), published.precision,
                   published.inferred)  # fmt: skip


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date found in a sentence; ``start``/``end`` index that sentence (``span.text``)."""

    span: DateSpan
    start: int
    end: int


# start, end, precision, inferred
_Resolved = tuple[date, date, Precision, bool]
_Resolver = Callable[[Anchor | None], _Resolved | None]


@dataclass(slots=True)
class _Found:
    start: int
    end: int
    resolve: _Resolver
    months: tuple[int, ...] = ()  # months named without a year, in text order
    relative_year: int | None = None  # -1 "last year", 0 "this year", 1 "next year"
    deadline: bool = False  # "by 2030", "until 2026": no evidence of when the text was written


# --- patterns -------------------------------------------------------------------------------

_MONTH_FULL = rf"(?:{alternation(MONTH_NAMES)})(?!\w)"
_MONTH_ABBR = rf"(?:{alternation(MONTH_ABBREVIATIONS)})"
# Where a day or a year follows, "Oct 30" needs no dot.
_MONTH = rf"(?:{_MONTH_FULL}|{_MONTH_ABBR}\.|{_MONTH_ABBR}(?=\s+\d))"
_MONTH_NAMED = rf"(?:{_MONTH_FULL}|{_MONTH_ABBR}\.)"
_WEEKDAY = rf"(?:{alternation(WEEKDAYS)})\b"
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\w])"
_YEAR_DIGITS = r"(?:19\d\d|20\d\d|2100)"
# A year is never part of a larger number, an amount or a code.
_YEAR = rf"{_YEAR_DIGITS}(?![\w%/-]|[.,]\d)"
_FREE_YEAR = rf"(?<![\w$€£#.,/-]){_YEAR}"
# A year that a dash may follow ("2022-24", "June 2024-March 2025").
_YEAR_BEFORE_DASH = rf"{_YEAR_DIGITS}(?![\w%/]|[.,]\d)"
_COUNTED = r"(?i:" + "|".join(COUNTED_AFTER_NUMBER) + r")\b"
_NOT_A_COUNT = rf"(?!\s+{_COUNTED})"
_DAY_RANGE = rf"(?:\s*(?:-|–|\s(?i:to|and)\s)\s*(?P<d2>{_DAY}))?"
_PART = rf"(?i:{alternation(PERIOD_PARTS)})"

# Some patterns are tried only where one of the characters they can start with stands.
_MONTH_OR_WEEKDAY_FIRST = "".join(sorted({name[0] for name in (*MONTH_NAMES, *WEEKDAYS)}))
_ISO = re.compile(r"(?<![\w.-])(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?![\w-]|\.\d)")
_MDY = re.compile(
    rf"\b(?:{_WEEKDAY},?\s+)?(?P<mon>{_MONTH})\s+(?P<d1>{_DAY}){_DAY_RANGE},?\s+(?P<y>{_YEAR})"
)
_DMY = re.compile(
    rf"(?<![\w,.$])(?:{_WEEKDAY},?\s+)?(?P<d1>{_DAY}){_DAY_RANGE}\s+(?:of\s+)?"
    rf"(?P<mon>{_MONTH}),?\s+(?P<y>{_YEAR})"
)
_MD = re.compile(
    rf"\b(?=[{_MONTH_OR_WEEKDAY_FIRST}])(?:{_WEEKDAY},?\s+)?(?P<mon>{_MONTH})\s+(?P<d1>{_DAY})"
    rf"{_DAY_RANGE}"
)
_DM = re.compile(
    rf"(?=[\d{_MONTH_OR_WEEKDAY_FIRST}])(?<![\w,.$])(?:{_WEEKDAY},?\s+)?(?P<d1>{_DAY}){_DAY_RANGE}"
    rf"\s+(?:of\s+)?(?P<mon>{_MONTH})"
)
_MONTH_SPAN = re.compile(
    rf"\b(?:(?P<lead>(?i:between|from))\s+)?(?:{_PART}[\s-]+)?(?P<m1>{_MONTH_NAMED})"
    rf"(?:,?\s+(?P<y1>{_YEAR_BEFORE_DASH}))?"
    rf"(?:\s*(?:-|–|—)\s*|\s+(?P<conn>(?i:to|through|until|till|and))\s+)"
    rf"(?:{_PART}[\s-]+)?(?P<m2>{_MONTH_NAMED})(?:,?\s+(?P<y2>{_YEAR}))?"
)
_YEAR_SPAN = re.compile(
    rf"(?:\b(?P<lead>(?i:between|from))\s+)?(?<![\w$€£#.,/-])(?P<y1>{_YEAR_BEFORE_DASH})"
    rf"(?:\s*(?:-|–|—)\s*|\s+(?P<conn>(?i:to|through|until|and))\s+)"
    rf"(?P<y2>(?:{_YEAR_DIGITS}|(?<=[-–—])\d\d)(?![\w%/-]|[.,]\d)){_NOT_A_COUNT}"
)
_MONTH_YEAR = re.compile(
    rf"\b(?:{_PART}[\s-]+)?(?P<mon>{_MONTH})(?:\s+of)?,?\s+(?P<y>{_YEAR}){_NOT_A_COUNT}"
)
_WEEK_OF = re.compile(
    rf"\b(?i:the\s+(?:first|second|third|fourth|last|final)\s+week\s+of)\s+"
    rf"(?P<mon>{_MONTH_NAMED})(?:,?\s+(?P<y>{_YEAR}))?"
)
_YEAR_PART = re.compile(rf"\b{_PART}[\s-]+(?P<y>{_YEAR}){_NOT_A_COUNT}")
_YEAR_IN_CONTEXT = re.compile(
    r"(?=(?i:[abcdfiostu])|[12])"  # a context word or a year
    rf"\b(?P<ctx>(?i:in|since|by|of|during|throughout|until|till|before|after|from|circa"
    rf"|as\s+of))\s+(?:(?i:the\s+year)\s+)?(?P<y>{_YEAR}){_NOT_A_COUNT}"
    # "2023 and June 2024", "2022, 2023 and 2024": a year listed with other dates
    rf"|(?P<listed>{_FREE_YEAR})(?=\s*(?:,|\s(?i:and|or|to))\s*(?:(?i:early|late|mid)[\s-]+)?"
    rf"(?:{_MONTH}|{_YEAR_DIGITS}\b))"
    rf"|(?:(?<=\d{{4}} and )|(?<=\d{{4}} or )|(?<=\d{{4}}, ))(?P<after>{_YEAR}){_NOT_A_COUNT}"
)
_MONTH_ONLY = re.compile(
    rf"(?=(?i:[elmnt])|[{_MONTH_OR_WEEKDAY_FIRST}])"  # a modifier or a month
    r"\b(?:(?P<mod>(?i:early|late|mid|this\s+past|last|next"
    r"|the\s+(?:end|start|beginning|middle)\s+of|end\s+of))[\s-]+)?"
    rf"(?P<mon>{_MONTH_FULL})"
)
_RELATIVE = re.compile(
    r"\b(?i:(?:(?P<shift>earlier|later)\s+)?(?P<which>this|last|next)"
    rf"\s+(?P<unit>{alternation(PERIOD_UNITS)})|(?P<word>{alternation(RELATIVE_DAY_WORDS)}"
    rf"|last\s+night|this\s+(?:{alternation(DAYTIME_PARTS)})))\b"
)
_AGO = re.compile(
    rf"\b(?i:(?P<n>{alternation(AGO_COUNTS)}|\d{{1,2}})"
    rf"\s+(?P<unit>day|{alternation(PERIOD_UNITS)})s?\s+ago)\b"
)
_WEEKDAY_REF = re.compile(
    rf"\b(?:(?P<mod>(?i:last|this\s+past|next))\s+)?(?P<wd>{_WEEKDAY})"
    rf"(?:\s+(?i:{alternation(DAY_PARTS)}))?"
)
_SEASON_NAME = rf"(?P<season>(?i:{alternation(SEASONS)}))"
# "last autumn", "this summer", "since the autumn", "in the winter of 2024", "autumn 2024".
_SEASON = re.compile(
    rf"\b(?:(?P<which>(?i:last|this\s+past|this|next|past))\s+{_SEASON_NAME}"
    rf"|(?P<lead>(?i:since|in|during|over|through|throughout|by|until|before|after))\s+"
    rf"(?i:the)\s+(?:(?i:early|late)\s+)?{_SEASON_NAME.replace('season', 'season2')}"
    rf"(?:\s+(?i:of)\s+(?P<y>{_YEAR}))?(?!\s+(?i:of)\s+[A-Za-z])"
    rf"|{_SEASON_NAME.replace('season', 'season3')}\s+(?P<y2>{_YEAR}))\b"
)
_SINCE_BEFORE = re.compile(r"(?i:since)\s+\Z")
_WORD_BEFORE = re.compile(r"(\w+)\W*\Z")

# How far ahead of the publication date a month-day without a year may still be read.
_UPCOMING_DAYS = 60


# --- public API -------------------------------------------------------------------------------


def find_dates(sentence: str, anchor: Anchor | None) -> list[DateMention]:
    """Every temporal expression in ``sentence``, in order, non-overlapping, longest first."""
    return _mentions(sentence, _scan(sentence), anchor)


def dates_of_sentences(
    sentences: Sequence[str],
    published: date | DateSpan | None,
    words: Sequence[frozenset[str]] | None = None,
) -> tuple[Anchor | None, list[list[DateMention]]]:
    """The publication anchor and every sentence's dates, scanning each sentence once.

    The same as ``publication_anchor`` on the whole text followed by ``find_dates`` on each
    sentence, without reading the text twice. ``published``: the front matter's date, a day or
    a coarser span ("2025-02 (approx.)"). ``words``: each sentence's lower-case words, when
    the caller has them already.
    """
    if words is None:
        scans = [_scan(sentence) for sentence in sentences]
    else:
        scans = [_scan(s, w) for s, w in zip(sentences, words, strict=True)]
    if published is not None:
        anchor: Anchor | None = Anchor.of(published)
    elif (
        dateline := _dateline(scans[:_DATELINE_SENTENCES])
        or _plain_dateline(sentences[:_PLAIN_DATELINE_SENTENCES])
    ) is not None:
        anchor = dateline
    else:
        items: list[tuple[int, int, _Found]] = []
        offset = 0
        for sentence, found in zip(sentences, scans, strict=True):
            items.extend((offset + f.start, offset + f.end, f) for f in found)
            offset += len(sentence) + 1
        anchor = _wire_dateline(sentences[:_DATELINE_SENTENCES], _inferred_anchor(items))
    mentions = [
        _mentions(sentence, found, anchor) for sentence, found in zip(sentences, scans, strict=True)
    ]
    return anchor, mentions


def _mentions(sentence: str, scanned: list[_Found], anchor: Anchor | None) -> list[DateMention]:
    if not scanned:
        return []
    resolved: list[tuple[int, int, _Resolved]] = []
    near = _sentence_point(sentence, scanned) if len(scanned) > 1 else None
    for found in scanned:
        value = _safe(found.resolve, anchor)
        if value is not None and near is not None and _yearless(sentence, found):
            value = _nearest_the_sentence(value, near, anchor)
        if value is not None:
            resolved.append((found.start, found.end, value))
    mentions: list[DateMention] = []
    for start, end, (first, last, precision, inferred) in _select(resolved):
        since = _SINCE_BEFORE.search(sentence, max(0, start - 12), start)
        if since and (not mentions or mentions[-1].end <= since.start()):
            start = since.start()
        text = sentence[start:end]
        mentions.append(DateMention(DateSpan(text, first, last, precision, inferred), start, end))
    return mentions


_SINCE_CLAUSE_BEFORE = re.compile(r"\bsince\b[^,.;]*$", re.IGNORECASE)
_NO_SHIFT_BEFORE = re.compile(r"(?i:\b(?:last|next|this|past|coming)\s+)$")


def _sentence_point(sentence: str, scanned: list[_Found]) -> tuple[date, date] | None:
    """The one month or day a sentence gives with its year ("in its December 2024 update",
    "on 14 April 2025"), not one opening a period ("since February 2022") nor a deadline."""
    points: set[tuple[date, date]] = set()
    for found in scanned:
        if found.months or found.deadline or found.relative_year is not None:
            continue
        value = _safe(found.resolve, None)
        if value is None or value[2] is Precision.YEAR:
            continue
        if _SINCE_CLAUSE_BEFORE.search(sentence, max(0, found.start - 50), found.start):
            continue
        points.add((value[0], value[1]))
    return points.pop() if len(points) == 1 else None


def _yearless(sentence: str, found: _Found) -> bool:
    """A month named without a year and without "last", "next" or "this" before it."""
    if not found.months or found.relative_year is not None:
        return False
    return not _NO_SHIFT_BEFORE.search(sentence, max(0, found.start - 10), found.start) and not (
        sentence[found.start : found.end].lower().startswith(("last", "next", "this"))
    )


def _nearest_the_sentence(
    value: _Resolved, near: tuple[date, date], anchor: Anchor | None
) -> _Resolved:
    """A month named without a year, read in the year that puts it nearest the date its
    sentence gives ("published in March 2025 ... in January and February" is 2025), never
    after the day of writing."""
    first, last, precision, inferred = value
    latest = _period(anchor.day, anchor.precision)[1] if anchor is not None else date.max
    best, best_distance = value, _distance((first, last), near)
    for year in (near[0].year - 1, near[0].year, near[0].year + 1):
        shift = year - first.year
        if shift == 0:
            continue
        try:
            moved = (_shift_year(first, shift), _shift_year(last, shift))
        except ValueError:
            continue
        distance = _distance(moved, near)
        if moved[0] <= latest and distance < best_distance:
            best, best_distance = (moved[0], moved[1], precision, inferred), distance
    return best


def _shift_year(day: date, shift: int) -> date:
    if day.month == 2 and day.day == 29:
        day = day.replace(day=28)
    shifted = day.replace(year=day.year + shift)
    if day.month == 2 and day.day == 28 and calendar.isleap(shifted.year):
        return _month_end(shifted.year, 2)
    return shifted


def _distance(span: tuple[date, date], near: tuple[date, date]) -> int:
    if span[1] < near[0]:
        return (near[0] - span[1]).days
    if near[1] < span[0]:
        return (span[0] - near[1]).days
    return 0


# A full date among a document's first sentences is its date line ("MORNING DIGEST -- Friday 10
# January 2025", "SC/15961, 16 January 2025", "daily summary for 11 March 2025").
_DATELINE_SENTENCES = 3
_DATELINE_CHARS = 3 * 8_000  # enough for three sentences of the longest allowed length


def _dateline(scans: Sequence[list[_Found]]) -> Anchor | None:
    """The first full date (day, month and year) of a document's opening sentences."""
    for found in scans:
        for item in sorted(found, key=lambda f: f.start):
            value = None if item.deadline else _safe(item.resolve, None)
            if value is not None and value[2] is Precision.DAY and value[0] == value[1]:
                return Anchor(value[0], Precision.DAY, inferred=True)
    return None


# A date line written year first with dots or slashes ("2025.03.14"), day first with dots
# ("09.02.2025"), or in capitals ("TUESDAY, 21 JANUARY 2025, 18:04").
# A headline, a standfirst and a byline may come before such a line.
_PLAIN_DATELINE_SENTENCES = 5
_DOTTED_DATE_RE = re.compile(r"(?<![\w.,/-])(\d{4})([./])(\d{1,2})\2(\d{1,2})(?![\w/-]|[.,]\d)")
# "09.02.2025": day first, as dotted dates are written in Europe.
_DAY_FIRST_DOTS_RE = re.compile(r"(?<![\w.,/-])(\d{1,2})\.(\d{1,2})\.(\d{4})(?![\w/-]|[.,]\d)")
_CAPITALS_RE = re.compile(
    rf"\b(?:{alternation(name.upper() for name in (*MONTH_NAMES, *WEEKDAYS))})\b"
)


def _plain_dateline(sentences: Sequence[str]) -> Anchor | None:
    """The date line of a text whose opening gives its date with dots ("2025.03.14",
    "09.02.2025") or in capitals ("TUESDAY, 21 JANUARY 2025"), as a full date."""
    for sentence in sentences:
        plain = _DOTTED_DATE_RE.sub(r"\1-\3-\4", sentence)
        plain = _DAY_FIRST_DOTS_RE.sub(r"\3-\2-\1", plain)
        plain = _CAPITALS_RE.sub(lambda m: m.group(0).capitalize(), plain)
        if plain != sentence and (dateline := _dateline([_scan(plain)])) is not None:
            return dateline
    return None


def publication_anchor(text: str, published: date | None) -> Anchor | None:
    """The publication date: from the front matter when given, otherwise inferred.

    Inference uses the latest explicit date in the text (a year no earlier than 1990 and not a
    deadline such as "by 2030"), "last year" / "this year", and the months named without a
    year: the reporting month is the one just before the largest gap between those months
    (going round the calendar), so that they fall in the shortest window ending at it, and its
    year is the first one that is not before the latest explicit date.
    """
    if published is not None:
        return Anchor(published, Precision.DAY, inferred=False)
    sentences = [s.text for s in split_sentences(text[:_DATELINE_CHARS])]
    opening = [_scan(s) for s in sentences[:_DATELINE_SENTENCES]]
    dateline = _dateline(opening) or _plain_dateline(sentences[:_PLAIN_DATELINE_SENTENCES])
    if dateline is not None:
        return dateline
    return _wire_dateline(sentences[:_DATELINE_SENTENCES], _inferred_anchor(_scan_lines(text)))


# A wire dateline without a year: "SEOUL, Feb 27 (Agency) --", "KYIV, March 3 (Reuters) -".
_WIRE_DATELINE_RE = re.compile(
    rf"^[A-Z][A-Z .'’-]{{1,30}}(?:,\s*[A-Z][\w .'’-]{{1,30}})?,\s+(?P<mon>{_MONTH})\s+"
    r"(?P<d1>\d{1,2})\s*(?:\([^)\n]{1,40}\)\s*)?(?:-{1,2}|[–—])",
    re.MULTILINE,
)


def _wire_dateline(sentences: Sequence[str], inferred: Anchor | None) -> Anchor | None:
    """A wire dateline's month and day, in the year the rest of the text points to: the
    publication day itself, where the text alone gives only a month or a year."""
    if inferred is None:
        return None
    for sentence in sentences:
        found = _WIRE_DATELINE_RE.search(sentence[:120])
        if found is None:
            continue
        month, day = _month_number(found.group("mon")), int(found.group("d1"))
        year = _nearest_year(month, day, inferred)
        dated = _date(year, month, day)
        return Anchor(dated, Precision.DAY, inferred=True) if dated else inferred
    return inferred


def _inferred_anchor(items: list[tuple[int, int, _Found]]) -> Anchor | None:
    latest: tuple[date, Precision] | None = None
    months: set[int] = set()
    last_year = this_year = False
    for _start, _end, found in _select(items):
        months.update(found.months)
        last_year |= found.relative_year == -1
        this_year |= found.relative_year == 0
        explicit = None if found.deadline else _safe(found.resolve, None)
        if explicit is None or not 1990 <= explicit[0].year <= 2100:
            continue
        point = (_floor(explicit[1], explicit[2]), explicit[2])
        if latest is None or _evidence_key(point) > _evidence_key(latest):
            latest = point
    if latest is None:
        return None
    latest_day, latest_precision = latest
    min_year = latest_day.year + 1 if last_year and not this_year else latest_day.year
    if months:
        if latest_precision is Precision.DAY and min_year == latest_day.year:
            # A full date ("Answered on 9 June 2026") may be the day of writing: its month is
            # among those named, so that "in May" is the May before it, not the next one.
            months.add(latest_day.month)
        earliest = _earliest_month(latest_day, latest_precision, min_year, months)
        if latest_precision is Precision.DAY and earliest == _floor(latest_day, Precision.MONTH):
            return Anchor(latest_day, Precision.DAY, inferred=True)  # written that day
        return Anchor(earliest, Precision.MONTH, inferred=True)
    if min_year > latest_day.year:
        return Anchor(date(min_year, 1, 1), Precision.YEAR, inferred=True)
    return Anchor(latest_day, latest_precision, inferred=True)


# --- scanning ---------------------------------------------------------------------------------


def _scan(text: str, words: frozenset[str] | None = None) -> list[_Found]:
    cues = _cues(text, _LOWER_WORD_RE.findall(text.lower()) if words is None else words)
    if not cues:
        return []
    found: list[_Found] = []
    for pattern, handler in _handlers_for(frozenset(cues)):
        for match in pattern.finditer(text):
            item = handler(match, text)
            if item is not None:
                found.append(item)
    return found


@lru_cache(maxsize=256)
def _handlers_for(cues: frozenset[str]) -> tuple[tuple[re.Pattern[str], _Handler], ...]:
    """The patterns (with their handlers) whose cues are all among ``cues``, in table order."""
    return tuple((pattern, handler) for needs, pattern, handler in _HANDLERS if needs <= cues)


def _scan_lines(text: str) -> list[tuple[int, int, _Found]]:
    """Candidates of a whole text, line by line so that the cues narrow each search."""
    found: list[tuple[int, int, _Found]] = []
    offset = 0
    for line in text.split("\n"):
        found.extend((offset + f.start, offset + f.end, f) for f in _scan(line))
        offset += len(line) + 1
    return found


_T = TypeVar("_T")


def _select(items: Iterable[tuple[int, int, _T]]) -> list[tuple[int, int, _T]]:
    """Non-overlapping items, earliest first and, from one start, the longest."""
    chosen: list[tuple[int, int, _T]] = []
    last_end = -1
    for item in sorted(items, key=lambda i: (i[0], -i[1])):
        if item[0] >= last_end and item[1] > item[0]:
            chosen.append(item)
            last_end = item[1]
    return chosen


def _explicit(match: re.Match[str], value: _Resolved | None) -> _Found | None:
    """A date that needs no anchor."""
    if value is None:
        return None
    return _Found(match.start(), match.end(), lambda _anchor: value)


def _on_iso(match: re.Match[str], text: str) -> _Found | None:
    year = int(match.group("y"))
    if not 1900 <= year <= 2100:
        return None
    day = _date(year, int(match.group("m")), int(match.group("d")))
    return _explicit(match, None if day is None else (day, day, Precision.DAY, False))


def _on_full_date(match: re.Match[str], text: str) -> _Found | None:
    days = _day_range(int(match.group("y")), _month_number(match.group("mon")), match)
    return _explicit(match, None if days is None else (*days, Precision.DAY, False))


def _on_month_day(match: re.Match[str], text: str) -> _Found | None:
    month = _month_number(match.group("mon"))
    d1 = _day_number(match.group("d1"))
    d2 = _day_number(match.group("d2")) if match.group("d2") else d1
    if d2 < d1 or _date(2000, month, d2) is None:  # 2000 is a leap year: February 29 exists
        return None

    def resolve(anchor: Anchor | None) -> _Resolved | None:
        if anchor is None:
            return None
        year = _nearest_year(month, d1, anchor)
        first, last = _date(year, month, d1), _date(year, month, d2)
        if first is None or last is None:
            return None
        return first, last, Precision.DAY, anchor.inferred

    return _Found(match.start(), match.end(), resolve, months=(month,))


def _on_month_span(match: re.Match[str], text: str) -> _Found | None:
    if _and_without_between(match) and not (match.group("y2") and not match.group("y1")):
        # "January and February" is a list; "in October and November 2024" lists two months
        # of one year: the year is the first month's too, and the two are read as one period.
        return None
    m1, m2 = _month_number(match.group("m1")), _month_number(match.group("m2"))
    y1 = int(match.group("y1")) if match.group("y1") else None
    y2 = int(match.group("y2")) if match.group("y2") else None
    if y1 is not None and y2 is not None:
        if (y1, m1) >= (y2, m2):
            return None
        return _explicit(match, (_month_start(y1, m1), _month_end(y2, m2), Precision.MONTH, False))
    if y2 is not None or y1 is not None:
        if y2 is not None:
            end_year = y2
            start_year = y2 if m1 < m2 else y2 - 1
        else:
            start_year = y1 if y1 is not None else 0
            end_year = start_year if m1 < m2 else start_year + 1
        return _explicit(
            match, (_month_start(start_year, m1), _month_end(end_year, m2), Precision.MONTH, False)
        )
    if m1 == m2:
        return None

    def resolve(anchor: Anchor | None) -> _Resolved | None:
        end_year = _recent_year(m2, anchor)
        if end_year is None or anchor is None:
            return None
        start_year = end_year if m1 < m2 else end_year - 1
        first, last = _month_start(start_year, m1), _month_end(end_year, m2)
        return first, last, Precision.MONTH, anchor.inferred

    return _Found(match.start(), match.end(), resolve, months=(m1, m2))


def _on_year_span(match: re.Match[str], text: str) -> _Found | None:
    if _and_without_between(match):
        return None
    y1, raw = int(match.group("y1")), match.group("y2")
    y2 = int(raw) if len(raw) == 4 else y1 // 100 * 100 + int(raw)
    if not y1 < y2 <= y1 + 100:
        return None
    return _explicit(match, (date(y1, 1, 1), date(y2, 12, 31), Precision.YEAR, False))


def _on_month_year(match: re.Match[str], text: str) -> _Found | None:
    year, month = int(match.group("y")), _month_number(match.group("mon"))
    first, last = _month_third(match.group(0), _month_start(year, month), _month_end(year, month))
    return _explicit(match, (first, last, Precision.MONTH, False))


def _month_third(written: str, first: date, last: date) -> tuple[date, date]:
    """'early March' is its first ten days, 'mid-March' the next ten, 'late March' the rest."""
    part = written[:5].lower()
    if part.startswith("early"):
        return first, first.replace(day=10)
    if part.startswith("mid"):
        return first.replace(day=11), first.replace(day=20)
    if part.startswith("late"):
        return first.replace(day=21), last
    return first, last


def _on_week_of(match: re.Match[str], text: str) -> _Found | None:
    month = _month_number(match.group("mon"))
    if match.group("y"):
        year = int(match.group("y"))
        return _explicit(
            match, (_month_start(year, month), _month_end(year, month), Precision.MONTH, False)
        )
    return _Found(match.start(), match.end(), _recent_month_resolver(month, "recent"), (month,))


def _on_year_part(match: re.Match[str], text: str) -> _Found | None:
    """'late 2024' is its last quarter, 'mid-2024' its middle months, 'early 2024' its first
    quarter (month precision); 'the rest of 2024' the year."""
    year = int(match.group("y"))
    part = " ".join(match.group(0).lower().replace("-", " ").split()[:-1])
    months = PART_MONTHS.get(part)
    if months is None:
        return _explicit(match, (date(year, 1, 1), date(year, 12, 31), Precision.YEAR, False))
    first, last = months
    return _explicit(
        match, (_month_start(year, first), _month_end(year, last), Precision.MONTH, False)
    )


def _on_year_in_context(match: re.Match[str], text: str) -> _Found | None:
    group = next(g for g in ("y", "listed", "after") if match.group(g) is not None)
    context = (match.group("ctx") or "").lower()
    if context in ("by", "of"):
        before = _WORD_BEFORE.search(text, max(0, match.start() - 24), match.start())
        word = before.group(1).lower() if before else ""
        if context == "by" and (word in CHANGE_WORDS or word.endswith("ed")):
            return None
        if context == "of" and word not in OF_YEAR_CONTEXT and word not in MONTH_NUMBERS:
            return None
    year = int(match.group(group))
    value = (date(year, 1, 1), date(year, 12, 31), Precision.YEAR, False)
    return _Found(
        match.start(group),
        match.end(group),
        lambda _anchor: value,
        deadline=context in DEADLINE_WORDS,
    )


def _on_month_only(match: re.Match[str], text: str) -> _Found | None:
    month = _month_number(match.group("mon"))
    modifier = " ".join((match.group("mod") or "").lower().split())
    if not modifier and month in (3, 5):
        before = _WORD_BEFORE.search(text, max(0, match.start() - 24), match.start())
        if not before or before.group(1).lower() not in MONTH_CONTEXT:
            return None
    how = {"last": "before", "next": "after"}.get(modifier, "recent")
    resolver = _recent_month_resolver(month, how)
    if modifier in ("early", "mid", "late"):
        whole = resolver

        def resolver(anchor: Anchor | None) -> _Resolved | None:
            value = whole(anchor)
            if value is None:
                return None
            return (*_month_third(modifier, value[0], value[1]), value[2], value[3])

    return _Found(match.start(), match.end(), resolver, months=(month,))


def _on_season(match: re.Match[str], text: str) -> _Found | None:
    """'last autumn', 'this summer', 'since the autumn', 'the winter of 2024', 'autumn 2024'."""
    name = next(match.group(g) for g in ("season", "season2", "season3") if match.group(g))
    first, last = SEASONS[name.lower()]
    start = match.start()
    if match.group("lead"):  # "since the autumn": the date is "the autumn", "since" is added
        start = match.start() + match.group(0).lower().index("the", len(match.group("lead")))
    year_text = match.group("y") or match.group("y2")
    if year_text:
        value = (*_season_span(int(year_text), first, last), Precision.MONTH, False)
        return _Found(start, match.end(), lambda _anchor: value)
    which = " ".join((match.group("which") or "").lower().split())

    def resolve(anchor: Anchor | None) -> _Resolved | None:
        if anchor is None or anchor.precision is Precision.YEAR:
            return None
        day = anchor.day
        year = day.year if first <= day.month or last < first else day.year - 1
        if last < first and day.month <= last:
            year = day.year - 1  # January's winter began in December
        begin, finish = _season_span(year, first, last)
        contains = begin <= day <= finish
        if which in ("last", "this past", "past") and (contains or begin > day):
            begin, finish = _season_span(year - 1, first, last)
        elif which == "next":
            begin, finish = _season_span(year + (1 if begin <= day else 0), first, last)
        elif begin > day:
            begin, finish = _season_span(year - 1, first, last)
        if anchor.precision is Precision.DAY and begin <= day < finish and which != "next":
            finish = day  # "this spring" in an April story: the spring so far
        return begin, finish, Precision.MONTH, anchor.inferred

    return _Found(start, match.end(), resolve)


def _season_span(year: int, first: int, last: int) -> tuple[date, date]:
    end_year = year + 1 if last < first else year
    return _month_start(year, first), _month_end(end_year, last)


def _on_relative(match: re.Match[str], text: str) -> _Found | None:
    word = " ".join((match.group("word") or "").lower().split())
    if word:
        back = {"yesterday": 1, "last night": 1}.get(word, 0)

        def resolve_day(anchor: Anchor | None) -> _Resolved | None:
            if anchor is None or anchor.precision is not Precision.DAY:
                return None
            day = anchor.day - timedelta(days=back)
            return day, day, Precision.DAY, anchor.inferred

        return _Found(match.start(), match.end(), resolve_day)
    which = match.group("which").lower()
    unit = match.group("unit").lower()
    shift = {"this": 0, "last": -1, "next": 1}[which]
    # "this week" and "earlier this week" run to the day of writing, not past it.
    to_date = shift == 0
    return _Found(
        match.start(),
        match.end(),
        _relative_resolver(unit, shift, to_date),
        relative_year=shift if unit == "year" else None,
    )


def _on_ago(match: re.Match[str], text: str) -> _Found | None:
    raw = match.group("n").lower()
    count = int(raw) if raw.isdigit() else AGO_COUNTS[raw]
    if count == 0:
        return None
    unit = match.group("unit").lower()
    if unit == "day":

        def resolve_day(anchor: Anchor | None) -> _Resolved | None:
            if anchor is None or anchor.precision is not Precision.DAY:
                return None
            day = anchor.day - timedelta(days=count)
            return day, day, Precision.DAY, anchor.inferred

        return _Found(match.start(), match.end(), resolve_day)
    return _Found(match.start(), match.end(), _relative_resolver(unit, -count, False))


def _on_weekday(match: re.Match[str], text: str) -> _Found | None:
    weekday = WEEKDAY_NUMBERS[match.group("wd").lower()]
    modifier = " ".join((match.group("mod") or "").lower().split())

    def resolve(anchor: Anchor | None) -> _Resolved | None:
        if anchor is None or anchor.precision is not Precision.DAY:
            return None
        if modifier == "next":
            day = anchor.day + timedelta(days=(weekday - anchor.day.weekday() - 1) % 7 + 1)
        else:
            back = (anchor.day.weekday() - weekday) % 7
            if modifier and back == 0:  # "last Thursday" said on a Thursday: a week ago
                back = 7
            day = anchor.day - timedelta(days=back)
        return day, day, Precision.DAY, anchor.inferred

    return _Found(match.start(), match.end(), resolve)


# Cheap cues that tell which patterns can match at all: most sentences hold no date, and each
# full pattern costs more than these plain substring and literal-prefix searches.
_YEAR_CUE_RE = re.compile(r"(?:19|20)\d\d|2100")
_DIGIT_RE = re.compile(r"\d")
_MONTH_CUE_RE = re.compile("|".join(name[:3] for name in MONTH_NAMES))
_WEEKDAY_CUE_RE = re.compile(alternation(WEEKDAYS))
# Words that the relative patterns need (as whole words): "today", "last week", "this morning".
_RELATIVE_CUES = frozenset((*RELATIVE_DAY_WORDS, *DAY_PARTS, *PERIOD_UNITS))
_LOWER_WORD_RE = re.compile(r"[a-z]+")


def _cues(text: str, words: Iterable[str]) -> set[str]:
    """The cues of ``text`` (see ``_HANDLERS``); ``words``: its lower-case words."""
    cues: set[str] = set()
    if _DIGIT_RE.search(text) is None:
        years = 0
    else:
        cues.add("digit")
        years = len(_YEAR_CUE_RE.findall(text))
    if years:
        cues.add("year")
        if years > 1 or "-" in text or "–" in text or "—" in text:
            cues.add("years")
        if "-" in text:
            cues.add("dash")
    months = len(_MONTH_CUE_RE.findall(text))
    if months:
        cues.add("month")
        if months > 1:
            cues.add("months")
    if "day" in text and _WEEKDAY_CUE_RE.search(text):
        cues.add("weekday")
    cues.update(_WORD_CUES.intersection(words))
    if not _SEASON_WORDS.isdisjoint(words):
        cues.add("season")
    if "month" in cues and not _MONTH_NAME_WORDS.isdisjoint(words):
        cues.add("month name")
    if not _RELATIVE_CUES.isdisjoint(words):
        cues.add("relative")
    return cues


_WORD_CUES = frozenset(("ago", "week"))
_SEASON_WORDS = frozenset(SEASONS)
_MONTH_NAME_WORDS = frozenset(name.lower() for name in MONTH_NAMES)
_YEAR_CUE = frozenset({"year"})
_MONTH_CUE = frozenset({"month"})
_FULL_DATE_CUE = frozenset({"year", "month", "digit"})
_MONTH_DAY_CUE = frozenset({"month", "digit"})
_Handler = Callable[[re.Match[str], str], "_Found | None"]
# Order matters only for equal spans; overlaps are settled by _select (earliest, then longest).
_HANDLERS: tuple[tuple[frozenset[str], re.Pattern[str], _Handler], ...] = (
    (frozenset({"year", "dash"}), _ISO, _on_iso),
    (_FULL_DATE_CUE, _MDY, _on_full_date),
    (_FULL_DATE_CUE, _DMY, _on_full_date),
    (frozenset({"months"}), _MONTH_SPAN, _on_month_span),
    (frozenset({"years"}), _YEAR_SPAN, _on_year_span),
    (_YEAR_CUE | _MONTH_CUE, _MONTH_YEAR, _on_month_year),
    (frozenset({"month", "week"}), _WEEK_OF, _on_week_of),
    (_YEAR_CUE, _YEAR_PART, _on_year_part),
    (_MONTH_DAY_CUE, _MD, _on_month_day),
    (_MONTH_DAY_CUE, _DM, _on_month_day),
    (_YEAR_CUE, _YEAR_IN_CONTEXT, _on_year_in_context),
    (frozenset({"month name"}), _MONTH_ONLY, _on_month_only),
    (frozenset({"season"}), _SEASON, _on_season),
    (frozenset({"relative"}), _RELATIVE, _on_relative),
    (frozenset({"ago"}), _AGO, _on_ago),
    (frozenset({"weekday"}), _WEEKDAY_REF, _on_weekday),
)


# --- resolution -------------------------------------------------------------------------------


def _recent_month_resolver(month: int, how: str) -> _Resolver:
    """``how``: "recent" (on or before the anchor), "before" (strictly), "after" (strictly)."""

    def resolve(anchor: Anchor | None) -> _Resolved | None:
        if anchor is None:
            return None
        if anchor.precision is Precision.YEAR:
            if how != "recent":
                return None
            year = anchor.day.year
        else:
            current = anchor.day.month
            if how == "after":
                year = anchor.day.year + (0 if month > current else 1)
            elif how == "before":
                year = anchor.day.year - (0 if month < current else 1)
            else:
                year = anchor.day.year - (0 if month <= current else 1)
        return _month_start(year, month), _month_end(year, month), Precision.MONTH, anchor.inferred

    return resolve


def _recent_year(month: int, anchor: Anchor | None) -> int | None:
    resolved = _recent_month_resolver(month, "recent")(anchor)
    return None if resolved is None else resolved[0].year


def _relative_resolver(unit: str, shift: int, to_date: bool) -> _Resolver:
    """This (0), last (-1), next (1) or ``-n`` units ago of week, month or year."""

    def resolve(anchor: Anchor | None) -> _Resolved | None:
        if anchor is None:
            return None
        day, precision = anchor.day, anchor.precision
        # "this month" and "this year" run to the day of writing too, where it is known.
        until = day if to_date and precision is Precision.DAY else date.max
        if unit == "year":
            year = day.year + shift
            return date(year, 1, 1), min(date(year, 12, 31), until), Precision.YEAR, anchor.inferred
        if unit == "month":
            if precision is Precision.YEAR:
                return None
            year, month = divmod(day.year * 12 + day.month - 1 + shift, 12)
            month += 1
            first, last = _month_start(year, month), min(_month_end(year, month), until)
            return first, last, Precision.MONTH, anchor.inferred
        if precision is not Precision.DAY:
            return None
        monday = day - timedelta(days=day.weekday()) + timedelta(weeks=shift)
        sunday = day if to_date else monday + timedelta(days=6)
        return monday, sunday, Precision.DAY, anchor.inferred

    return resolve


def _nearest_year(month: int, day: int, anchor: Anchor) -> int:
    """The year of a month-day without one: the latest on or before the anchor, unless the next
    one is at most a few weeks ahead ("on January 20" in a January 11 article)."""
    year = anchor.day.year
    if anchor.precision is Precision.YEAR:
        return year
    reference = anchor.day
    if anchor.precision is Precision.MONTH:
        reference = _month_end(year, anchor.day.month)
    # a day the month never has ("April 31", "Feb 30") is read as the month's last
    day = max(1, min(day, 28 if month == 2 else calendar.monthrange(2001, month)[1]))
    upcoming = date(year, month, day)
    if upcoming <= reference:
        upcoming, year = date(year + 1, month, day), year
    else:
        year -= 1
    return year + 1 if (upcoming - reference).days <= _UPCOMING_DAYS else year


def _earliest_month(latest: date, precision: Precision, min_year: int, months: set[int]) -> date:
    """The reporting month: just before the largest circular gap between ``months``, in the
    first year that is not before ``min_year`` nor before the latest explicit date."""
    ordered = sorted(months)
    gaps = [((ordered[(i + 1) % len(ordered)] - m - 1) % 12, m) for i, m in enumerate(ordered)]
    widest = max(gap for gap, _ in gaps)
    options: list[date] = []
    for gap, month in gaps:
        if gap != widest:
            continue
        year = min_year
        if precision is not Precision.YEAR and (year, month) < (latest.year, latest.month):
            year += 1
        options.append(date(year, month, 1))
    return min(options)


# --- small helpers ----------------------------------------------------------------------------


def _and_without_between(match: re.Match[str]) -> bool:
    """Whether a span joined by "and" lacks its "between" ("January and February" is a list)."""
    connector, lead = match.group("conn"), match.group("lead")
    return bool(connector) and connector.lower() == "and" and (lead or "").lower() != "between"


def _safe(resolve: _Resolver, anchor: Anchor | None) -> _Resolved | None:
    try:
        value = resolve(anchor)
    except (ValueError, OverflowError):  # a date outside what ``datetime.date`` can hold
        return None
    if value is None or value[0] > value[1]:
        return None
    return value


def _evidence_key(point: tuple[date, Precision]) -> tuple[date, int]:
    return point[0], (Precision.YEAR, Precision.MONTH, Precision.DAY).index(point[1])


def _floor(day: date, precision: Precision) -> date:
    if precision is Precision.YEAR:
        return date(day.year, 1, 1)
    if precision is Precision.MONTH:
        return date(day.year, day.month, 1)
    return day


def _period(day: date, precision: Precision) -> tuple[date, date]:
    if precision is Precision.YEAR:
        return date(day.year, 1, 1), date(day.year, 12, 31)
    if precision is Precision.MONTH:
        return _month_start(day.year, day.month), _month_end(day.year, day.month)
    return day, day


def _date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _month_start(year: int, month: int) -> date:
    return date(year, month, 1)


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _month_number(name: str) -> int:
    return MONTH_NUMBERS[name.rstrip(".").lower()]


def _day_number(raw: str) -> int:
    return int(raw.rstrip("stndrh"))


def _day_range(year: int, month: int, match: re.Match[str]) -> tuple[date, date] | None:
    d1 = _day_number(match.group("d1"))
    d2 = _day_number(match.group("d2")) if match.group("d2") else d1
    first, last = _date(year, month, d1), _date(year, month, d2)
    if first is None or last is None or first > last:
        return None
    return first, last
