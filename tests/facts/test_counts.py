"""Counts the engine and the command line write in English take the noun's plural form."""

from __future__ import annotations

from bot.facts.counts import counted
from bot.facts.ingest import IngestSummary
from bot.facts.store import IngestResult


def test_one_is_singular_and_every_other_count_plural() -> None:
    assert counted(1, "figure") == "1 figure"
    assert counted(0, "figure") == "0 figures"
    assert counted(1_200, "event") == "1,200 events"
    assert counted(2, "entry", "entries") == "2 entries"


def test_the_ingest_summary_says_one_figure_and_one_event() -> None:
    summary = IngestSummary(results=[IngestResult("a.txt", "added", 1, 1)])
    assert "stored: 1 figure, 1 event" in summary.lines()
