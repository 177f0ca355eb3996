"""How two figures relate, and which held figures a new figure disagrees with: pure comparisons,
no store, no Discord. One rule, :func:`relation`, serves the alerts and the answers alike.

Two figures are compared only when they count the same thing: the same subject (ignoring case),
the same metric, both totals or both additions ("an additional 1,000" adds to an earlier figure,
so comparing it with a total would mislead), and the same period (a rate "1,500 a day" only
with another daily rate, never with a total). Then, by their as-of dates:

- figures whose values overlap say the **same** (the same claim restated, or numbers that
  allow each other: "at least 300" and 1,500);
- figures that do not overlap, about **different times** (both dated, their date intervals do
  not overlap and lie more than :data:`SAME_TIME_DAYS` apart), are a **revision**: the count
  moved between the two dates, whoever claims it;
- about the **same time** (or when either is undated, so the times cannot be told apart), they
  are a **conflict** when two different claimants make them, and a **revision** when one
  claimant corrects itself.

Qualifiers widen a figure into the interval of values it allows: "at least 300" is 300 and up,
"up to 500" is 0 to 500, "about 1,200" allows :data:`ABOUT_TOLERANCE` either way. A claimant
named by nobody (``source`` None) is never the same claimant as another figure's.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Protocol, TypeVar

from bot.facts.model import DateSpan, Figure, Metric, Period, Qualifier

#: How far "about N" reaches either side of N, as a share of N.
ABOUT_TOLERANCE = 0.10
#: Two as-of dates whose intervals lie more than this many days apart are different times.
SAME_TIME_DAYS = 28


class Relation(StrEnum):
    SAME = "same"
    REVISION = "revision"
    CONFLICT = "conflict"
    UNRELATED = "unrelated"


class Claim(Protocol):
    """What the rule needs of a figure (a :class:`Figure` or a store's light figure key)."""

    @property
    def id(self) -> str: ...
    @property
    def subject(self) -> str: ...
    @property
    def metric(self) -> Metric: ...
    @property
    def additional(self) -> bool: ...
    @property
    def low(self) -> int: ...
    @property
    def high(self) -> int: ...
    @property
    def qualifier(self) -> Qualifier: ...
    @property
    def source(self) -> str | None: ...
    @property
    def date(self) -> DateSpan | None: ...
    @property
    def period(self) -> Period | None: ...


C = TypeVar("C", bound=Claim)


@dataclass(frozen=True, slots=True)
class Contradiction:
    """A held figure that the new figure conflicts with or revises, and which of the two."""

    held: Figure
    kind: Relation


def bounds(figure: Claim) -> tuple[float, float]:
    """The interval of values the figure allows, its qualifier read as written."""
    low, high = float(figure.low), float(figure.high)
    match figure.qualifier:
        case Qualifier.AT_LEAST:
            return low, math.inf
        case Qualifier.AT_MOST:
            return 0.0, high
        case Qualifier.ABOUT:
            return low * (1 - ABOUT_TOLERANCE), high * (1 + ABOUT_TOLERANCE)
        case _:
            return low, high


def period_key(period: Period | None) -> tuple[str, str, int] | None:
    """What makes two periods the same: kind, unit and count, however they were written."""
    return None if period is None else (period.kind.value, period.unit.value, period.count)


def comparable(a: Claim, b: Claim) -> bool:
    """Whether the two figures count the same thing and are not one and the same claim."""
    return (
        a.id != b.id
        and a.metric is b.metric
        and a.additional == b.additional
        and a.subject.casefold() == b.subject.casefold()
        and period_key(a.period) == period_key(b.period)
    )


def same_claimant(a: Claim, b: Claim) -> bool:
    return (
        a.source is not None
        and b.source is not None
        and a.source.casefold() == (b.source.casefold())
    )


def overlaps(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def different_times(a: Claim, b: Claim) -> bool:
    """Whether the two as-of dates are apart: both known, not overlapping, and more than
    :data:`SAME_TIME_DAYS` between the end of the earlier and the start of the later."""
    first, second = a.date, b.date
    if first is None or second is None:
        return False
    if second.start < first.start:
        first, second = second, first
    return (second.start - first.end).days > SAME_TIME_DAYS


def relation(a: Claim, b: Claim) -> Relation:
    """How the two figures relate (see the module's docstring); symmetric."""
    if not comparable(a, b):
        return Relation.UNRELATED
    if overlaps(bounds(a), bounds(b)):
        return Relation.SAME
    if different_times(a, b) or same_claimant(a, b):
        return Relation.REVISION
    return Relation.CONFLICT


def recency(figure: Claim) -> tuple[bool, date, date]:
    """Sort key, most recent last: undated figures before dated ones, then by start and end."""
    when = figure.date
    if when is None:
        return (False, date.min, date.min)
    return (True, when.start, when.end)


def later_first(a: C, b: C) -> tuple[C, C]:
    """The two figures, the one about the earlier time first (ties keep the given order)."""
    first, second = a.date, b.date
    if first is not None and second is not None and second.start < first.start:
        return b, a
    return a, b


def _distance(new: Claim, held: Claim) -> float:
    """How far apart the two intervals are, relative to the held figure (for ordering)."""
    new_low, new_high = bounds(new)
    held_low, held_high = bounds(held)
    gap = max(new_low - held_high, held_low - new_high, 0.0)
    return gap / max(held.high, 1)


def contradictions(new: Figure, held: Iterable[Figure]) -> list[Contradiction]:
    """The held figures ``new`` conflicts with (the farthest apart first), then the one it
    revises: the held figure about the time nearest before its own (else nearest after),
    when that one is a revision."""
    conflicts: list[Figure] = []
    revisions: list[Figure] = []
    for figure in held:
        kind = relation(new, figure)
        if kind is Relation.CONFLICT:
            conflicts.append(figure)
        elif kind is Relation.REVISION:
            revisions.append(figure)
    conflicts.sort(key=lambda f: (-_distance(new, f), f.id))
    found = [Contradiction(f, Relation.CONFLICT) for f in conflicts]
    if revisions:
        mine = recency(new)
        before = [f for f in revisions if recency(f) <= mine]
        if before:
            nearest = max(before, key=lambda f: (recency(f), f.id))
        else:
            nearest = min(revisions, key=lambda f: (recency(f), f.id))
        found.append(Contradiction(nearest, Relation.REVISION))
    return found


def contradictions_of(
    new: Sequence[Figure], held: Sequence[Figure]
) -> dict[str, list[Contradiction]]:
    """For each new figure that conflicts with or revises something held, by its id, what it
    does. Held figures of the new figures' own documents are not "held": a document does not
    contradict itself."""
    documents = {figure.document for figure in new}
    others = [figure for figure in held if figure.document not in documents]
    result: dict[str, list[Contradiction]] = {}
    for figure in new:
        found = contradictions(figure, others)
        if found:
            result[figure.id] = found
    return result
