"""Which figures a new figure disagrees with: pure comparisons, no store, no Discord.

Two figures are compared only when they count the same thing: the same subject (ignoring case),
the same metric, and both totals or both additions ("an additional 1,000" adds to an earlier
figure, so comparing it with a total would mislead). Then a new figure disagrees with a held one
when

- another claimant's figure does not overlap it (a **conflict**), or
- the same claimant's figure is more than half above or below it (a **jump**): the
  claimant's own number moved by more than 50% of what it said before.

Qualifiers widen a figure into the interval of values it allows: "at least 300" is 300 and up,
"up to 500" is 0 to 500, "about 1,200" allows :data:`ABOUT_TOLERANCE` either way. A claimant
named by nobody (``source`` None) is never the same claimant as another figure's.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from bot.facts.model import Figure, Qualifier

#: How far "about N" reaches either side of N, as a share of N.
ABOUT_TOLERANCE = 0.10
#: A claimant's own figure "jumps" when it moves by more than this share of the earlier one.
JUMP_SHARE = 0.5


class Disagreement(StrEnum):
    CONFLICT = "conflict"
    JUMP = "jump"


@dataclass(frozen=True, slots=True)
class Contradiction:
    """A held figure that the new figure disagrees with, and how."""

    held: Figure
    kind: Disagreement


def bounds(figure: Figure) -> tuple[float, float]:
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


def comparable(new: Figure, held: Figure) -> bool:
    """Whether the two figures count the same thing and are not one and the same claim."""
    return (
        new.id != held.id
        and new.metric is held.metric
        and new.additional == held.additional
        and new.subject.casefold() == held.subject.casefold()
    )


def same_claimant(a: Figure, b: Figure) -> bool:
    return a.source is not None and b.source is not None and a.source.casefold() == (
        b.source.casefold()
    )


def overlaps(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def jumped(new: Figure, held: Figure) -> bool:
    """Whether ``new`` lies more than :data:`JUMP_SHARE` of ``held`` above or below it."""
    new_low, new_high = bounds(new)
    held_low, held_high = bounds(held)
    above = new_low > held_high * (1 + JUMP_SHARE)
    below = new_high < held_low * (1 - JUMP_SHARE)
    return above or below


def disagreement(new: Figure, held: Figure) -> Disagreement | None:
    """How ``new`` disagrees with ``held``, or None when it does not (or they are not
    comparable)."""
    if not comparable(new, held):
        return None
    if same_claimant(new, held):
        return Disagreement.JUMP if jumped(new, held) else None
    return None if overlaps(bounds(new), bounds(held)) else Disagreement.CONFLICT


def _distance(new: Figure, held: Figure) -> float:
    """How far apart the two intervals are, relative to the held figure (for ordering)."""
    new_low, new_high = bounds(new)
    held_low, held_high = bounds(held)
    gap = max(new_low - held_high, held_low - new_high, 0.0)
    return gap / max(held.high, 1)


def contradictions(new: Figure, held: Iterable[Figure]) -> list[Contradiction]:
    """The held figures ``new`` disagrees with, the farthest apart first."""
    found = [
        (figure, kind) for figure in held if (kind := disagreement(new, figure)) is not None
    ]
    found.sort(key=lambda pair: (-_distance(new, pair[0]), pair[0].id))
    return [Contradiction(figure, kind) for figure, kind in found]


def contradictions_of(
    new: Sequence[Figure], held: Sequence[Figure]
) -> dict[str, list[Contradiction]]:
    """For each new figure that disagrees with something held, by its id, what it
    contradicts. Held figures of the new figures' own documents are not "held": a document
    does not contradict itself."""
    documents = {figure.document for figure in new}
    others = [figure for figure in held if figure.document not in documents]
    result: dict[str, list[Contradiction]] = {}
    for figure in new:
        found = contradictions(figure, others)
        if found:
            result[figure.id] = found
    return result
