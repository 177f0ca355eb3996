"""Contradictions: which held figures a new figure disagrees with, and how."""

from __future__ import annotations

import math

from bot.facts.contradictions import (
    Disagreement,
    bounds,
    contradictions,
    contradictions_of,
    disagreement,
)
from bot.facts.model import Figure, Metric, Qualifier

_counter = iter(range(1_000_000))


def fig(
    low: int,
    high: int | None = None,
    *,
    qualifier: Qualifier = Qualifier.EXACT,
    source: str | None = "NIS",
    metric: Metric = Metric.KILLED,
    subject: str = "North Korea",
    additional: bool = False,
    document: str = "held.txt",
) -> Figure:
    n = next(_counter)
    return Figure(
        id=f"f{n:07d}",
        document=document,
        metric=metric,
        subject=subject,
        low=low,
        high=low if high is None else high,
        qualifier=qualifier,
        additional=additional,
        source=source,
        date=None,
        quote=f"sentence {n}",
        span=(0, 1),
    )


def test_bounds_read_qualifiers_as_written():
    assert bounds(fig(300, qualifier=Qualifier.AT_LEAST)) == (300, math.inf)
    assert bounds(fig(500, qualifier=Qualifier.AT_MOST)) == (0, 500)
    low, high = bounds(fig(1_000, qualifier=Qualifier.ABOUT))
    assert low == 900 and high == 1_100
    assert bounds(fig(10_000, 12_000, qualifier=Qualifier.RANGE)) == (10_000, 12_000)


def test_another_claimant_without_overlap_is_a_conflict():
    held = fig(1_200, qualifier=Qualifier.ABOUT, source="U.S. assessments")
    new = fig(4_000, source="Volodymyr Zelenskyy")
    assert disagreement(new, held) is Disagreement.CONFLICT


def test_overlapping_claims_do_not_conflict():
    held = fig(10_000, 12_000, qualifier=Qualifier.RANGE, source="NIS")
    assert disagreement(fig(11_000, source="Pentagon"), held) is None
    assert disagreement(fig(11_500, qualifier=Qualifier.ABOUT, source="Kyiv"), held) is None
    # "at least 300" allows any larger number
    assert disagreement(fig(4_000, source="Kyiv"), fig(300, qualifier=Qualifier.AT_LEAST)) is None
    # ... but not a smaller one
    low = fig(200, source="Kyiv")
    assert disagreement(low, fig(300, qualifier=Qualifier.AT_LEAST)) is Disagreement.CONFLICT


def test_about_is_tolerant_but_not_unbounded():
    held = fig(1_000, qualifier=Qualifier.ABOUT, source="NIS")
    assert disagreement(fig(1_090, source="Kyiv"), held) is None
    assert disagreement(fig(1_200, source="Kyiv"), held) is Disagreement.CONFLICT


def test_same_claimant_is_called_out_only_for_a_jump_of_more_than_half():
    held = fig(300, source="NIS")
    assert disagreement(fig(400, source="nis"), held) is None  # a revision, not a jump
    assert disagreement(fig(451, source="NIS"), held) is Disagreement.JUMP
    assert disagreement(fig(450, source="NIS"), held) is None
    assert disagreement(fig(149, source="NIS"), held) is Disagreement.JUMP
    assert disagreement(fig(150, source="NIS"), held) is None


def test_unnamed_claimants_are_never_the_same_claimant():
    held = fig(300, source=None)
    assert disagreement(fig(400, source=None), held) is Disagreement.CONFLICT
    assert disagreement(fig(300, source=None), held) is None


def test_only_figures_counting_the_same_thing_are_compared():
    held = fig(300, source="NIS")
    assert disagreement(fig(5_000, source="Kyiv", metric=Metric.WOUNDED), held) is None
    assert disagreement(fig(5_000, source="Kyiv", subject="Russia"), held) is None
    assert disagreement(fig(5_000, source="Kyiv", subject="north korea"), held) is not None
    assert disagreement(fig(5_000, source="Kyiv", additional=True), held) is None
    assert disagreement(held, held) is None


def test_contradictions_are_listed_farthest_first():
    near = fig(2_000, source="A")
    far = fig(100, source="B")
    agreeing = fig(5_000, 6_000, qualifier=Qualifier.RANGE, source="C")
    found = contradictions(fig(5_500, source="D"), [near, agreeing, far])
    assert [c.held for c in found] == [far, near]
    assert {c.kind for c in found} == {Disagreement.CONFLICT}


def test_a_document_does_not_contradict_itself():
    first = fig(300, source="NIS", document="new.txt")
    second = fig(3_000, source="Kyiv", document="new.txt")
    held = fig(10_000, source="Pentagon")
    found = contradictions_of([first, second], [first, second, held])
    assert set(found) == {first.id, second.id}
    assert [c.held for c in found[first.id]] == [held]
    agreeing = fig(10_000, qualifier=Qualifier.ABOUT, source="Kyiv", document="new.txt")
    assert contradictions_of([agreeing], [held]) == {}
    same_document = fig(300, source="Kyiv", document="held.txt")
    assert contradictions_of([same_document], [held]) == {}
