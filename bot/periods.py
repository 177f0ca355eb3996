"""The dates users type in options (``2024``, ``2024-06``, ``June 2024``, ``2024-06-15``; in
Ukrainian ``червень 2024``, ``черв. 2024``; in Korean ``2024년 6월``, ``2024년 6월 15일``) as the
first and last day they name."""

from __future__ import annotations

import calendar
import re
from datetime import date

from bot.facts.model import DateSpan, Precision

ACCEPTED_FORMS = "2024, 2024-06, June 2024, Jun 2024 or 2024-06-15"

#: Ukrainian month names: as a month is named alone, in a date ("15 червня"), and shortened.
_UKRAINIAN_MONTHS = (
    ("січень", "січня", "січ"), ("лютий", "лютого", "лют"), ("березень", "березня", "бер"),
    ("квітень", "квітня", "квіт"), ("травень", "травня", "трав"), ("червень", "червня", "черв"),
    ("липень", "липня", "лип"), ("серпень", "серпня", "серп"), ("вересень", "вересня", "вер"),
    ("жовтень", "жовтня", "жовт"), ("листопад", "листопада", "лист"),
    ("грудень", "грудня", "груд"),
)
_MONTHS = {
    name.casefold(): number
    for number in range(1, 13)
    for name in (
        calendar.month_name[number], calendar.month_abbr[number], *_UKRAINIAN_MONTHS[number - 1]
    )
}
_YEAR = re.compile(r"^(\d{4})$", re.ASCII)
_YEAR_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$", re.ASCII)
_DAY = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$", re.ASCII)
#: "June 2024", "черв. 2024", "червень 2024 р.", "червня 2024 року"
_MONTH_YEAR = re.compile(r"^([^\W\d_]+)\.?\s+(\d{4})(?:\s*(?:р\.?|року))?$")
#: "2024년", "2024년 6월", "2024년 6월 15일"
_KOREAN = re.compile(r"^(\d{4})\s*년(?:\s*(\d{1,2})\s*월(?:\s*(\d{1,2})\s*일)?)?$")


def parse_period(value: str) -> tuple[date, date] | None:
    """The first and last day ``value`` names, or None when it is none of the accepted forms."""
    value = value.strip()
    try:
        if m := _YEAR.match(value):
            year = int(m[1])
            return date(year, 1, 1), date(year, 12, 31)
        if m := _YEAR_MONTH.match(value):
            return _month(int(m[1]), int(m[2]))
        if m := _DAY.match(value):
            day = date(int(m[1]), int(m[2]), int(m[3]))
            return day, day
        if (m := _MONTH_YEAR.match(value)) and m[1].casefold() in _MONTHS:
            return _month(int(m[2]), _MONTHS[m[1].casefold()])
        if m := _KOREAN.match(value):
            if m[3]:
                day = date(int(m[1]), int(m[2]), int(m[3]))
                return day, day
            if m[2]:
                return _month(int(m[1]), int(m[2]))
            return date(int(m[1]), 1, 1), date(int(m[1]), 12, 31)
    except ValueError:
        return None
    return None


def _month(year: int, month: int) -> tuple[date, date]:
    last = calendar.monthrange(year, month)[1]  # raises ValueError for month 0 or 13
    return date(year, month, 1), date(year, month, last)


def period_span(value: str) -> DateSpan | None:
    """``value`` as a DateSpan at the precision it was written with, or None when unreadable."""
    period = parse_period(value)
    if period is None:
        return None
    start, end = period
    if start == end:
        precision = Precision.DAY
    elif (start.month, start.day, end.month, end.day) == (1, 1, 12, 31):
        precision = Precision.YEAR
    else:
        precision = Precision.MONTH
    return DateSpan(value.strip()[:60], start, end, precision, inferred=False)
