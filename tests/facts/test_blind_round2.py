"""Rules from the second blind measurement's kinds of failure, each on wording of its own
(the development documents in ``tests/fixtures/devset`` hold the longer cases)."""

from __future__ import annotations

import pytest

from bot.facts.documents import parse_document
from bot.facts.extract import extract
from bot.facts.model import Extraction, PeriodKind


def extraction(text: str, published: str | None = "2025-03-01") -> Extraction:
    front = f"---\npublished: {published}\n---\n" if published else ""
    return extract(parse_document((front + text).encode(), "round2-test.txt"))


def values(text: str) -> list[tuple[str, str, int]]:
    return [(f.metric.value, f.subject, f.low) for f in extraction(text).figures]


@pytest.mark.parametrize(
    "text",
    [
        "Pyongyang has sold Moscow more than 150 of its 240 mm rocket launchers, the NIS said.",
        "North Korea, which has a standing army of about 1.3 million, is sending more troops.",
        "Analysts expect Russian losses to stay above 30,000 a month this year.",
        "The North could field an army of 2 million if it had to.",
    ],
)
def test_numbers_that_count_no_force(text: str) -> None:
    assert values(text) == []


def test_ages_singled_out_are_no_count() -> None:
    text = "Three North Korean prisoners, one of them 22 and another 31, were shown on video."
    assert values(text) == [("captured", "North Korea", 3)]


def test_footnote_marker_ends_a_sentence_and_is_no_count() -> None:
    text = "Some 12,000 North Korean troops were deployed.3 Ukraine says 400 of them died.\n"
    figures = extraction(text).figures
    assert [(f.metric.value, f.low) for f in figures] == [("deployed", 12000), ("killed", 400)]
    assert figures[0].quote.endswith("deployed.3")
    assert figures[1].source == "Ukraine"


def test_noun_less_pair_takes_the_force_named_after_among() -> None:
    text = "The ministry said 120 had been killed and 900 wounded among the Russian units."
    assert values(text) == [("killed", "Russia", 120), ("wounded", "Russia", 900)]


def test_custody_is_captured() -> None:
    assert values("Four North Korean soldiers are in Ukrainian custody, Kyiv said.") == [
        ("captured", "North Korea", 4)
    ]


def test_loss_list_gives_a_total_and_a_daily_rate_of_the_enemy() -> None:
    text = (
        "Ukraine's General Staff says the losses of the enemy to date were approximately:\n"
        "personnel - about 700,100 (+1,010 in the last 24 hours)\n"
        "tanks - 9,000 (+3)\n"
        "artillery systems - 20,000 (+25)\n"
    )
    figures = extraction(text).figures
    assert [(f.metric.value, f.subject, f.low) for f in figures] == [
        ("casualties", "Russia", 700100), ("casualties", "Russia", 1010)
    ]  # fmt: skip
    assert figures[0].period is None
    assert figures[1].period is not None and figures[1].period.kind is PeriodKind.RATE
    assert all(f.source and "General Staff" in f.source for f in figures)


def test_headline_claimant_after_a_trailing_dash() -> None:
    figures = extraction("North Korean losses in Kursk near 5,000 - NIS\n", None).figures
    assert [(f.low, f.source) for f in figures] == [(5000, "NIS")]


def test_wire_dateline_dates_the_document_to_its_day() -> None:
    text = (
        "KYIV, March 4 (Harbour News) - Ukraine said on Tuesday that 40 North Korean soldiers\n"
        "were captured since January 2025.\n"
    )
    publication = extraction(text, None).publication
    assert publication is not None and publication.start.isoformat() == "2025-03-04"
