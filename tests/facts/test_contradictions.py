"""Contradictions: which held figures a new figure disagrees with, and how."""

from __future__ import annotations

import math
from datetime import date

from bot.facts.contradictions import (
    Relation,
    bounds,
    contradictions,
    contradictions_of,
    different_times,
    relation,
)
from bot.facts.model import (
    DateSpan,
    Figure,
    Metric,
    Period,
    PeriodKind,
    PeriodUnit,
    Precision,
    Qualifier,
)

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
    when: DateSpan | None = None,
    period: Period | None = None,
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
        date=when,
        quote=f"sentence {n}",
        span=(0, 1),
        period=period,
    )


def on(start: str, end: str | None = None, precision: Precision = Precision.DAY) -> DateSpan:
    return DateSpan(start, date.fromisoformat(start), date.fromisoformat(end or start), precision)


def disagreement(new: Figure, held: Figure) -> Relation | None:
    """The relation when it is one the alerts call out, else None."""
    found = relation(new, held)
    return found if found in (Relation.CONFLICT, Relation.REVISION) else None


DAILY = Period("a day", PeriodKind.RATE, PeriodUnit.DAY)


def test_bounds_read_qualifiers_as_written():
    assert bounds(fig(300, qualifier=Qualifier.AT_LEAST)) == (300, math.inf)
    assert bounds(fig(500, qualifier=Qualifier.AT_MOST)) == (0, 500)
    low, high = bounds(fig(1_000, qualifier=Qualifier.ABOUT))
    assert low == 900 and high == 1_100
    assert bounds(fig(10_000, 12_000, qualifier=Qualifier.RANGE)) == (10_000, 12_000)


def test_another_claimant_without_overlap_is_a_conflict():
    held = fig(1_200, qualifier=Qualifier.ABOUT, source="U.S. assessments")
    new = fig(4_000, source="Volodymyr Zelenskyy")
    assert disagreement(new, held) is Relation.CONFLICT


def test_overlapping_claims_do_not_conflict():
    held = fig(10_000, 12_000, qualifier=Qualifier.RANGE, source="NIS")
    assert disagreement(fig(11_000, source="Pentagon"), held) is None
    assert disagreement(fig(11_500, qualifier=Qualifier.ABOUT, source="Kyiv"), held) is None
    # "at least 300" allows any larger number
    assert disagreement(fig(4_000, source="Kyiv"), fig(300, qualifier=Qualifier.AT_LEAST)) is None
    # ... but not a smaller one
    low = fig(200, source="Kyiv")
    assert disagreement(low, fig(300, qualifier=Qualifier.AT_LEAST)) is Relation.CONFLICT


def test_about_is_tolerant_but_not_unbounded():
    held = fig(1_000, qualifier=Qualifier.ABOUT, source="NIS")
    assert disagreement(fig(1_090, source="Kyiv"), held) is None
    assert disagreement(fig(1_200, source="Kyiv"), held) is Relation.CONFLICT


def test_same_claimant_moving_its_own_number_is_a_revision_not_a_conflict():
    held = fig(300, source="NIS")
    assert relation(fig(400, source="nis"), held) is Relation.REVISION
    assert relation(fig(300, source="NIS"), held) is Relation.SAME
    assert relation(fig(290, 310, qualifier=Qualifier.RANGE, source="NIS"), held) is Relation.SAME


def test_unnamed_claimants_are_never_the_same_claimant():
    held = fig(300, source=None)
    assert disagreement(fig(400, source=None), held) is Relation.CONFLICT
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
    assert {c.kind for c in found} == {Relation.CONFLICT}


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


def test_claims_about_different_times_are_a_revision_whoever_makes_them():
    early_october = fig(1_500, source="HUR", when=on("2024-10-01", "2024-10-10"))
    december = fig(11_000, source="Pentagon", when=on("2024-12-19"))
    assert different_times(early_october, december)
    assert relation(december, early_october) is Relation.REVISION
    assert relation(early_october, december) is Relation.REVISION
    same_claimant = fig(11_000, source="HUR", when=on("2024-12-19"))
    assert relation(same_claimant, early_october) is Relation.REVISION
    restated = fig(1_500, source="Kyiv", when=on("2024-12-19"))
    assert relation(restated, early_october) is Relation.SAME


def test_same_time_means_overlapping_or_at_most_28_days_apart():
    january = fig(300, source="NIS", when=on("2025-01-01", "2025-01-31", Precision.MONTH))
    # 28 days after January ends: the same time, so another claimant's 100 conflicts
    assert relation(fig(100, source="HUR", when=on("2025-02-28")), january) is Relation.CONFLICT
    # 29 days after: a different time
    assert relation(fig(100, source="HUR", when=on("2025-03-01")), january) is Relation.REVISION
    # a year overlaps each of its months
    year = fig(100, source="HUR", when=on("2025-01-01", "2025-12-31", Precision.YEAR))
    assert not different_times(year, january)
    assert relation(year, january) is Relation.CONFLICT
    # an undated figure cannot be told apart in time: compared as the same time
    assert relation(fig(100, source="HUR"), january) is Relation.CONFLICT


def test_rates_compare_only_with_rates_of_the_same_period():
    total = fig(1_500, source="HUR")
    daily = fig(1_500, source="HUR", period=DAILY)
    assert relation(daily, total) is Relation.UNRELATED
    monthly = Period("a month", PeriodKind.RATE, PeriodUnit.MONTH)
    assert relation(daily, fig(30_000, source="UK", period=monthly)) is Relation.UNRELATED
    other_daily = fig(980, source="UK", period=Period("per day", PeriodKind.RATE, PeriodUnit.DAY))
    assert relation(daily, other_daily) is Relation.CONFLICT


def test_an_alert_names_the_revised_figure_nearest_before_and_conflicts_first():
    october = fig(1_500, source="HUR", when=on("2024-10-05"))
    november = fig(10_000, source="Pentagon", when=on("2024-11-10"))
    december_other = fig(8_000, source="Kyiv", when=on("2024-12-15"))
    new = fig(11_000, source="NIS", when=on("2024-12-19"))
    found = contradictions(new, [october, november, december_other])
    assert [(c.held, c.kind) for c in found] == [
        (december_other, Relation.CONFLICT),
        (november, Relation.REVISION),
    ]
    earlier = fig(900, source="NIS", when=on("2024-09-01"))
    (only,) = contradictions(earlier, [october, november])
    assert (only.held, only.kind) == (october, Relation.REVISION)


def test_figures_that_allow_each_other_are_the_same_at_any_time():
    october = fig(1_500, source="HUR", when=on("2024-10-01", "2024-10-31", Precision.MONTH))
    january = fig(300, qualifier=Qualifier.AT_LEAST, source="NIS", when=on("2025-01-15"))
    assert different_times(october, january)
    assert relation(january, october) is Relation.SAME
    assert relation(fig(200, source="NIS", when=on("2025-01-15")), october) is Relation.REVISION
