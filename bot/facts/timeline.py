"""One event however many documents report it: events with the same action by the same forces
("North Korea sends troops to Russia", "11,000 North Korean soldiers sent to Russia") on the
same or close dates are merged, and the merged event lists every source.

Dates are close when their spans overlap or lie at most ``CLOSE_DAYS`` apart, and they are
told at like precision: a day with a day or a month, a year only with a year, so that "2024"
does not swallow every event of that year. Each group grows from its first (earliest) event,
not from chains of neighbours.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import NamedTuple

from bot.facts.headlines import forces_named, verb_forms
from bot.facts.vocabulary.actions import ACTION_VERBS

#: How far apart two dates may lie and still be the same event's.
CLOSE_DAYS = 3
_SLACK = timedelta(days=CLOSE_DAYS)
_LIKE_PRECISION = {
    "day": ("day", "month"),
    "month": ("day", "month"),
    "year": ("year",),
}

#: What merging compares: the action's base form and the forces the headline names.
Topic = tuple[str, frozenset[str]]


class DatedHeadline(NamedTuple):
    """What merging needs of an event: ISO dates, precision and the headline's topic."""

    id: str
    start: str
    end: str
    precision: str
    topic: Topic | None


def topic(headline: str) -> Topic | None:
    """The action (its first verb after the first word) and the forces a headline names;
    None when it has no action verb (a summary written before headlines were)."""
    forms = verb_forms()
    for word in headline.split()[1:]:
        lowered = word.lower()
        verb = forms.get(lowered)
        lemma = verb.lemma if verb is not None else lowered if lowered in ACTION_VERBS else None
        if lemma is not None:
            return lemma, frozenset(forces_named(headline))
    return None


def merged(events: Sequence[DatedHeadline]) -> list[list[DatedHeadline]]:
    """The events (in date order) grouped: each group is one event, listed where its first
    report falls; groups keep the order of their first members."""
    groups: list[list[DatedHeadline]] = []
    open_groups: dict[Topic, list[DatedHeadline]] = {}
    for event in events:
        if event.topic is None:
            groups.append([event])
            continue
        group = open_groups.get(event.topic)
        if group is not None and _close(group[0], event):
            group.append(event)
            continue
        group = [event]
        open_groups[event.topic] = group
        groups.append(group)
    return groups


def _close(first: DatedHeadline, other: DatedHeadline) -> bool:
    if other.precision not in _LIKE_PRECISION.get(first.precision, ()):
        return False
    if other.start <= first.end and other.end >= first.start:
        return True
    gap_start = date.fromisoformat(other.start) - date.fromisoformat(first.end)
    gap_end = date.fromisoformat(first.start) - date.fromisoformat(other.end)
    return max(gap_start, gap_end) <= _SLACK


class EventGroup(NamedTuple):
    """One event as a listing needs it: the ids of its reports joined by spaces, and the
    dates of its first report."""

    ids: str
    start: str
    end: str


def event_groups(events: Sequence[DatedHeadline]) -> list[EventGroup]:
    """:func:`merged`, each group as an :class:`EventGroup`, in date order."""
    return [
        EventGroup(" ".join(e.id for e in group), group[0].start, group[0].end)
        for group in merged(events)
    ]
