"""Plain-text formatting of figures, dates, citations and quotes (Markdown strings, no embeds),
in the reader's language: every function that writes fixed words takes ``lang`` (a language
code or a Discord locale, English by default) and takes the words from the catalogue
(bot/i18n/)."""

from __future__ import annotations

import re
from datetime import date
from typing import Protocol

from discord.utils import escape_markdown, escape_mentions

from bot.facts.contradictions import Claim
from bot.facts.model import DateSpan, Figure, Period, PeriodKind, Precision, Qualifier, Status
from bot.i18n import CATALOGUE, language, number, t
from bot.i18n.catalogue.commands import COMMAND_NAMES, OPTION_NAMES, Pair


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
    @property
    def lead(self) -> str | None:
        """The start of the text, where the document has no title, publisher or address."""


DASH = "–"
ELLIPSIS = "…"
INFERRED_MARK = "*"
INFERRED_LEGEND = "* date inferred from the text"

#: Vague amounts the extractor normalises to these ranges, shown as the words they came from
#: (catalogue ids).
VAGUE_RANGES: dict[tuple[int, int], str] = {
    (24, 99): "vague.dozens",
    (200, 999): "vague.hundreds",
    (2_000, 9_999): "vague.thousands",
    (20_000, 99_999): "vague.tens_of_thousands",
    (200_000, 999_999): "vague.hundreds_of_thousands",
}
_QUALIFIED = {
    Qualifier.AT_LEAST: "qualifier.at_least",
    Qualifier.AT_MOST: "qualifier.at_most",
    Qualifier.ABOUT: "qualifier.about",
}

_LINE_START_MARKUP = re.compile(r"^(\d+)\.", re.MULTILINE)
_RAW_MENTION = re.compile(r"<([@#]|/|a?:|t:)")
#: Characters that change how the rest of a line displays or that no text needs: control
#: characters (NUL included; those str.split() takes for spaces are left to it) and the
#: bidirectional embeddings, overrides and isolates, which can make a number read backwards.
_UNSAFE = re.compile("[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f\u202a-\u202e\u2066-\u2069]")


def count(n: int, lang: object = "en") -> str:
    return number(lang, n)


def counted(n: int, noun: str, lang: object = "en") -> str:
    """``n`` and ``noun`` in the plural form ``n`` takes: "1 figure", "1,200 figures",
    "5 цифр", "수치 5개". ``noun``: figure, event, document, source, entry."""
    return t(lang, f"count.{noun}", n=n)


def value(low: int, high: int, qualifier: Qualifier, lang: object = "en") -> str:
    """A figure's amount as words a reader trusts: "at least 300", "dozens (24–99)"."""
    if qualifier is Qualifier.RANGE and (low, high) in VAGUE_RANGES:
        words = t(lang, VAGUE_RANGES[low, high])
        return t(lang, "amount.vague", words=words, low=count(low, lang), high=count(high, lang))
    amount = count(low, lang) if low == high else f"{count(low, lang)}{DASH}{count(high, lang)}"
    key = _QUALIFIED.get(qualifier)
    return t(lang, key, amount=amount) if key else amount


def figure_value(figure: Figure, lang: object = "en") -> str:
    shown = value(figure.low, figure.high, figure.qualifier, lang)
    return t(lang, "amount.additional", amount=shown) if figure.additional else shown


def qualifier_name(qualifier: Qualifier, lang: object = "en") -> str:
    return t(lang, f"qualifier.name.{qualifier.value}")


def _month_name(month: int, lang: object) -> str:
    return t(lang, f"month.{month}")


def day(d: date, lang: object = "en") -> str:
    return t(lang, "date.day", day=d.day, month=_month_name(d.month, lang), m=d.month, year=d.year)


def _month(d: date, lang: object) -> str:
    return t(lang, "date.month", month=_month_name(d.month, lang), m=d.month, year=d.year)


def span(when: DateSpan | None, lang: object = "en") -> str:
    """A DateSpan at the precision the text gave: "30 Oct 2024", "Jan–Feb 2025", "2023" (in
    Korean "2024년 10월 30일" ...)."""
    if when is None:
        return t(lang, "date.undated")
    start, end = when.start, when.end
    if when.precision is Precision.YEAR:
        if start.year == end.year:
            text = t(lang, "date.year", year=start.year)
        else:
            text = t(lang, "date.years", start=start.year, end=end.year)
    elif when.precision is Precision.MONTH:
        if (start.year, start.month) == (end.year, end.month):
            text = _month(start, lang)
        elif start.year == end.year:
            text = t(
                lang, "date.months_in_year", start=_month_name(start.month, lang),
                end=_month_name(end.month, lang), m1=start.month, m2=end.month, year=end.year,
            )
        else:
            text = t(lang, "date.span", start=_month(start, lang), end=_month(end, lang))
    elif start == end:
        text = day(start, lang)
    elif (start.year, start.month) == (end.year, end.month):
        text = t(
            lang, "date.days_in_month", start=start.day, end=end.day,
            month=_month_name(end.month, lang), m=end.month, year=end.year,
        )
    elif start.year == end.year:
        text = t(
            lang, "date.days_in_year", d1=start.day, d2=end.day,
            month1=_month_name(start.month, lang), month2=_month_name(end.month, lang),
            m1=start.month, m2=end.month, year=end.year,
        )
    else:
        text = t(lang, "date.span", start=day(start, lang), end=day(end, lang))
    return text + INFERRED_MARK if when.inferred else text


def inferred_legend(lang: object = "en") -> str:
    """The footer note that explains the ``*`` of an inferred date."""
    return t(lang, "date.inferred_legend")


def _client_name(name: str, table: dict[str, Pair], lang: object) -> str:
    code = language(lang)
    pair = table.get(name)
    if code == "en" or pair is None:
        return name
    return pair[0] if code == "uk" else pair[1]


def command_name(name: str, lang: object = "en") -> str:
    """A command as the reader's client names it ("figure" -> "цифра", "수치")."""
    return _client_name(name, COMMAND_NAMES, lang)


def option_name(name: str, lang: object = "en") -> str:
    """An option as the reader's client names it ("since" -> "від", "시작")."""
    return _client_name(name, OPTION_NAMES, lang)


def client_names(lang: object, *commands: str, options: tuple[str, ...] = ()) -> dict[str, str]:
    """Commands and options by their English names, as the reader's client shows them: the
    arguments a message that names them takes (``t(lang, key, **client_names(lang, "admin"))``).
    """
    names = {name: command_name(name, lang) for name in commands}
    names |= {name: option_name(name, lang) for name in options}
    return names


def subject_name(subject: str, lang: object = "en") -> str:
    """A force in the reader's language when the glossary has it ("Північна Корея"), else
    as stored; escaped and short."""
    key = f"subject.{subject}"
    return clip(t(lang, key) if key in CATALOGUE else subject, 100)


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
    if lo < len(flat) and flat[lo] != " ":  # never end inside a word
        space = cut.rfind(" ")
        if space > 0:
            cut = cut[:space]
    return escape(cut.rstrip()) + suffix


def quote(text: str, limit: int, figure_id: str | None = None, lang: object = "en") -> str:
    """A quote for a list: clipped to ``limit``; a clipped quote says where to read it whole."""
    if figure_id:
        where = f"`/{command_name('figure', lang)} {figure_id}`"
        suffix = ELLIPSIS + " " + t(lang, "quote.see", where=where)
    else:
        suffix = ELLIPSIS
    return clip(text, limit, suffix)


def figure_command(figure_id: str, lang: object = "en") -> str:
    """How to ask for one figure in full: `/figure abc123` (the reader's command name)."""
    return f"`/{command_name('figure', lang)} {figure_id}`"


def source_name(source: str | None, lang: object = "en") -> str:
    return source if source else t(lang, "source.unattributed")


def status_mark(status: Status, lang: object = "en") -> str:
    """The mark a listed figure carries for its moderation status (none when unreviewed)."""
    return "" if status is Status.AUTO else t(lang, f"status.mark.{status.value}")


def revision(old: Claim, new: Claim, lang: object = "en") -> str:
    """"↗ revised up from 10,000 (Nov 2024) to 11,000 (Dec 2024)": ``old`` and ``new`` in
    the order of their dates, the direction read from their amounts."""
    before, after = old.low + old.high, new.low + new.high
    key = "revision.up" if after > before else "revision.down" if after < before else (
        "revision.changed"
    )
    return t(
        lang,
        key,
        old=value(old.low, old.high, old.qualifier, lang),
        old_date=span(old.date, lang),
        new=value(new.low, new.high, new.qualifier, lang),
        new_date=span(new.date, lang),
    )


def period_words(period: Period, lang: object = "en") -> str:
    """A rate's or window's period as answers name it: "per day", "over 60 days"."""
    if period.kind is PeriodKind.RATE and period.count == 1:
        return t(lang, f"period.rate.{period.unit.value}")
    return t(lang, f"period.window.{period.unit.value}", n=period.count)


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


def code(value: str, limit: int = 100) -> str:
    """``value`` (an id, a command) in a code span: shown as typed, so nothing is escaped
    inside it (a backslash there would show); backticks and unsafe characters are dropped."""
    flat = " ".join(strip_unsafe(value).replace("`", "").split())
    return f"`{middle_clip(flat, limit) or ' '}`"


def quoted(value: str) -> str:
    """What a user typed, shown back to them inert and short: “value”."""
    return "“" + clip(value, 100) + "”"


def bold_name(name: str) -> str:
    """A name from the fact base, bold and inert."""
    return f"**{clip(name, 100)}**"
