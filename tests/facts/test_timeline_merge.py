"""One event however many documents report it: same action, same forces, close dates."""

from __future__ import annotations

from bot.facts.timeline import DatedHeadline, merged, topic


def _event(event_id: str, start: str, end: str, precision: str, headline: str) -> DatedHeadline:
    return DatedHeadline(event_id, start, end, precision, topic(headline))


def test_topic_is_the_action_and_the_forces() -> None:
    assert topic("North Korea sends troops to Russia") == (
        "send", frozenset({"North Korea", "Russia"})
    )  # fmt: skip
    assert topic("11,000 North Korean soldiers sent to Russia") == topic(
        "North Korea sends 11,000 troops to Russia"
    )
    assert topic("A sentence of a summary written before headlines") is None


def test_reports_of_one_event_on_close_dates_merge_and_others_do_not() -> None:
    events = [
        _event("a", "2025-01-01", "2025-01-31", "month",
               "Ukraine captures two North Korean soldiers"),
        _event("b", "2025-01-09", "2025-01-09", "day",
               "Ukrainian forces capture two North Korean soldiers"),
        _event("c", "2025-01-11", "2025-01-11", "day",
               "Two North Korean soldiers captured by Ukraine"),
        _event("d", "2025-01-11", "2025-01-11", "day", "Russia loses 1,000 soldiers"),
        _event("e", "2025-03-02", "2025-03-02", "day", "Ukraine captures one North Korean soldier"),
    ]  # fmt: skip
    groups = [[e.id for e in group] for group in merged(events)]
    assert groups == [["a", "b", "c"], ["d"], ["e"]]


def test_a_year_does_not_swallow_the_events_of_that_year() -> None:
    events = [
        _event("y", "2024-01-01", "2024-12-31", "year", "North Korea sends troops to Russia"),
        _event("m", "2024-10-01", "2024-10-31", "month", "North Korea sends troops to Russia"),
        _event("n", "2024-11-01", "2024-11-30", "month",
               "North Korea sends 11,000 troops to Russia"),
        _event("x", "2025-02-01", "2025-02-28", "month",
               "North Korea sends 3,000 more troops to Russia"),
    ]  # fmt: skip
    groups = [[e.id for e in group] for group in merged(events)]
    # October and November lie a day apart: one deployment; February 2025 is another.
    assert groups == [["y"], ["m", "n"], ["x"]]


def test_events_without_a_topic_stay_alone() -> None:
    events = [
        _event("p", "2024-06-01", "2024-06-30", "month", "Summary of an older kind"),
        _event("q", "2024-06-01", "2024-06-30", "month", "Summary of an older kind"),
    ]
    assert [[e.id for e in group] for group in merged(events)] == [["p"], ["q"]]
