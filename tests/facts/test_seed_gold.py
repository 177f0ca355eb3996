"""The seed document yields exactly the figures and events of the shared seed gold file."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.facts.model import Extraction
from tests.facts.scoring import (
    GoldDocument,
    canonical_text,
    format_report,
    load_gold,
    score_all,
)

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared"
SEED_GOLD = SHARED / "gold" / "seed.gold.json"
SUBJECTS = ("North Korea", "Russia", "Ukraine")


@pytest.fixture(scope="module")
def seed_gold() -> GoldDocument:
    if not SEED_GOLD.is_file():
        pytest.skip(f"seed gold not found at {SEED_GOLD} (the shared folder sits beside the repo)")
    return load_gold(SEED_GOLD)


@pytest.fixture(scope="module")
def seed_extraction(seed_gold: GoldDocument) -> Extraction:
    from bot.facts.documents import read_document
    from bot.facts.extract import extract

    return extract(read_document(REPO / "seeds" / seed_gold.document), subjects=SUBJECTS)


def test_seed_yields_exactly_the_gold_figures(
    seed_gold: GoldDocument, seed_extraction: Extraction, capsys: pytest.CaptureFixture[str]
) -> None:
    total = score_all([(seed_gold, seed_extraction.figures)])
    report = format_report(total)
    with capsys.disabled():
        print(f"\n== seed ==\n{report}")
    assert len(seed_gold.figures) == 6
    assert (total.tp, total.fp, total.fn) == (6, 0, 0), report


def test_seed_figure_dates_lie_within_the_gold_periods(
    seed_gold: GoldDocument, seed_extraction: Extraction
) -> None:
    (score,) = score_all([(seed_gold, seed_extraction.figures)]).documents
    assert score.dates_checked == sum(g.has_date for g in seed_gold.figures), format_report(
        score_all([(seed_gold, seed_extraction.figures)])
    )
    wrong = [
        (g.quote[:60], g.period, figure.date)
        for g, figure in score.true_positives
        if g.has_date
        and figure.date is not None
        and not (g.period and g.period[0] <= figure.date.start and figure.date.end <= g.period[1])
    ]
    assert wrong == []
    assert score.dates_correct == score.dates_checked


def test_seed_events_fall_within_the_gold_periods(
    seed_gold: GoldDocument, seed_extraction: Extraction
) -> None:
    assert len(seed_gold.events) == 7
    missing = []
    for event in seed_gold.events:
        start, end = event.period
        wanted = canonical_text(event.quote_contains)
        if not any(
            wanted in canonical_text(found.quote)
            and start <= found.date.start
            and found.date.end <= end
            for found in seed_extraction.events
        ):
            missing.append((event.quote_contains, f"{start}..{end}"))
    found = [
        (e.date.text, str(e.date.start), str(e.date.end), e.quote[:50])
        for e in seed_extraction.events
    ]
    assert missing == [], f"extracted events: {found}"
