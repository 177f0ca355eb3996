"""Rates and windows: "1,500 a day", "30,000 per month", "in the last 60 days" -> a Period.

A figure with a period is not a cumulative total: it counts per unit of time (a rate) or over a
window that ends now (the last 60 days). ``period_of_text`` reads a period written on its own
(what a moderator types to correct one); ``claims`` reads the period of a number in a sentence.
"""

from __future__ import annotations

import re

from bot.facts.model import Period, PeriodKind, PeriodUnit
from bot.facts.vocabulary.build import alternation
from bot.facts.vocabulary.numbers import UNITS
from bot.facts.vocabulary.rates import (
    RATE_ADVERBS,
    RATE_COUNTED,
    RATE_WORDS,
    UNIT_WORDS,
    WINDOW_LEADS,
)

_UNIT = rf"(?P<unit>{alternation(UNIT_WORDS)})s?"
_COUNT = rf"(?P<count>\d{{1,4}}|{alternation(UNITS)})"
_RATE_TEXT_RE = re.compile(
    rf"(?:(?:a|an|per|each|every)\s+{_UNIT}|(?P<adverb>{alternation(RATE_ADVERBS)}))",
    re.IGNORECASE,
)
_WINDOW_TEXT_RE = re.compile(
    rf"(?:(?P<lead>{alternation(WINDOW_LEADS)})\s+)?(?:{_COUNT}\s+)?{_UNIT}", re.IGNORECASE
)


def unit_of(word: str) -> PeriodUnit:
    """'day', 'days', 'daily', 'monthly' -> the unit."""
    lower = word.lower()
    return RATE_ADVERBS.get(lower) or UNIT_WORDS[lower.removesuffix("s")]


def count_of(raw: str | None) -> int:
    if not raw:
        return 1
    return int(raw) if raw.isdigit() else UNITS[raw.lower()]


def period_of_text(value: str) -> Period | None:
    """A period written on its own ("per day", "a month", "daily", "in the last 60 days",
    "60 days"), or None when ``value`` is not one."""
    text = " ".join(value.split())
    rate = _RATE_TEXT_RE.fullmatch(text)
    if rate:
        word = rate.group("unit") or rate.group("adverb")
        return Period(text, PeriodKind.RATE, unit_of(word))
    window = _WINDOW_TEXT_RE.fullmatch(text)
    if window and (window.group("lead") or window.group("count")):
        count = count_of(window.group("count"))
        if count <= 0:
            return None
        return Period(text, PeriodKind.WINDOW, unit_of(window.group("unit")), count)
    return None


# -- in a sentence ----------------------------------------------------------------------------

# "a day", "per month", "each day", "every month", "daily": right after a number or its noun, or
# a few words later in its clause ("1,200 soldiers killed or wounded each day"), but not "a day
# later".
_RATE_IN_CLAUSE_RE = re.compile(
    r"(?<!\bin\s)(?<!\bwithin\s)(?<!\bover\s)(?<!\bfor\s)(?<!\bafter\s)"
    rf"\b(?P<text>(?:a|per|each|every)\s+(?P<unit>{alternation(UNIT_WORDS)})"
    rf"|(?P<adverb>{alternation(RATE_ADVERBS)})(?=\s*[,.;:)]|\s*$|\s+(?:in|on|at|since|for"
    r"|along|across|over|during|this|last|and|or|so)\b))\b"
    r"(?!\s+(?:later|after|before|earlier|ago|of)\b)",
    re.IGNORECASE,
)
_COMMA_RE = re.compile(r"[,;]")
# Before the number the adverbs are adjectives: "the daily casualty rate", "average monthly losses".
_UNIT_BEFORE_RE = re.compile(
    rf"\b(?P<text>(?:a|per|each|every)\s+(?P<unit>{alternation(UNIT_WORDS)})"
    rf"|(?P<adverb>{alternation(RATE_ADVERBS)}))\b",
    re.IGNORECASE,
)
# "the daily casualty rate ... was 980", "averaging over 1,500", "daily losses of 1,200".
# What makes the count before a number a rate: a rate or an average, or "daily" (weekly,
# monthly) before what is counted.
_RATE_OF_A_COUNT_RE = re.compile(
    rf"\b(?:{'|'.join(RATE_WORDS)}|(?:{alternation(RATE_ADVERBS)})\s+(?:[\w-]+\s+){{0,2}}?"
    rf"(?:{'|'.join(RATE_COUNTED)}))\b",
    re.IGNORECASE,
)
# A window that ends at the time of writing: "in the last 60 days", "over the past 24 hours",
# "over the previous day", "during the past week", "this year alone", "so far this month".
_WINDOW_RE = re.compile(
    rf"\b(?P<text>(?:(?:{alternation(WINDOW_LEADS)})\s+(?:(?P<count>\d{{1,3}}|{alternation(UNITS)})"
    rf"\s+)?(?P<unit>{alternation(UNIT_WORDS)}|hour)s?"
    rf"|(?:so\s+far\s+)?this\s+(?P<unit2>{alternation(UNIT_WORDS)})(?:\s+(?:alone|so\s+far))?))\b",
    re.IGNORECASE,
)
_THIS_UNIT_ALONE_RE = re.compile(r"so\s+far\s+this\s+\w+|this\s+\w+\s+(?:alone|so\s+far)", re.I)
# Words without which a sentence holds no rate, no rate word, no window (cheap first tests).
UNIT_CUES = frozenset((*UNIT_WORDS, *RATE_ADVERBS))
RATE_WORD_CUES = frozenset(
    ("rate", "average", "averaged", "averaging", "averages", "per", *RATE_ADVERBS)
)
_WINDOW_LEAD_WORDS = frozenset(("last", "past", "previous"))
_WINDOW_UNIT_WORDS = frozenset(
    (*UNIT_WORDS, *(f"{unit}s" for unit in UNIT_WORDS), "hours")
)


def may_hold_rate(words: frozenset[str]) -> bool:
    """A cheap test on a sentence's words: a rate names its unit ("a day", "daily")."""
    return not words.isdisjoint(UNIT_CUES)


def may_hold_window(words: frozenset[str]) -> bool:
    """A cheap test on a sentence's words: "in the last 60 days", "this year alone"."""
    if words.isdisjoint(_WINDOW_UNIT_WORDS):
        return False
    return not words.isdisjoint(_WINDOW_LEAD_WORDS) or (
        "this" in words and ("alone" in words or "far" in words)
    )
# How far after a number (or its noun) a rate's unit may stand in its clause.
RATE_REACH = 48


def rate_after(sentence: str, start: int, end: int) -> Period | None:
    """A rate's unit in ``sentence[start:end]``: "1,500 a day", "1,200 soldiers killed or
    wounded each day", "40,000 soldiers every month"."""
    end = min(end, start + RATE_REACH)
    comma = _COMMA_RE.search(sentence, start, end)
    m = _RATE_IN_CLAUSE_RE.search(sentence, start, comma.start() if comma else end)
    if m is None:
        return None
    unit = unit_of(m.group("unit") or m.group("adverb"))
    return Period(m.group("text"), PeriodKind.RATE, unit)


def rate_before(sentence: str, start: int, end: int) -> Period | None:
    """"the daily casualty rate ... was 980", "average daily losses of 1,200", "the average
    number per day": a rate whose unit is named before the number, in ``sentence[start:end]``.
    None when no unit is named (see :func:`rate_word_before`), or when "daily" only describes
    something else ("the general staff's daily update")."""
    unit = _UNIT_BEFORE_RE.search(sentence, start, end)
    if unit is None or _RATE_OF_A_COUNT_RE.search(sentence, start, end) is None:
        return None
    word = unit.group("unit") or unit.group("adverb")
    return Period(unit.group("text"), PeriodKind.RATE, unit_of(word))


def rate_word_before(sentence: str, start: int, end: int) -> bool:
    """"the rate", "an average of", "daily losses": the number is a rate, whatever its unit."""
    return _RATE_OF_A_COUNT_RE.search(sentence, start, end) is not None


def window_in(sentence: str, start: int, end: int) -> Period | None:
    """A window ending at the time of writing in ``sentence[start:end]``: "in the last 60
    days", "over the past 24 hours" (a day), "this year alone", "so far this month"."""
    for m in _WINDOW_RE.finditer(sentence, start, end):
        text = m.group("text")
        if m.group("unit2") and not _THIS_UNIT_ALONE_RE.fullmatch(text):
            continue  # "this year" alone dates a figure; "this year alone" bounds a count
        word = (m.group("unit") or m.group("unit2")).lower()
        count = count_of(m.group("count"))
        if word == "hour":
            if count % 24:
                continue
            word, count = "day", count // 24
        if count <= 0:
            continue
        return Period(text, PeriodKind.WINDOW, unit_of(word), count)
    return None
