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
from bot.facts.vocabulary.rates import RATE_ADVERBS, UNIT_WORDS, WINDOW_LEADS

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
