"""The fact model's values: periods and voices, and the publication date as an "as of" date."""

from __future__ import annotations

from datetime import date

import pytest

from bot.facts.documents import parse_document
from bot.facts.extract import extract
from bot.facts.model import (
    PUBLICATION_DATE_TEXT,
    DateSpan,
    Period,
    PeriodKind,
    PeriodUnit,
    Precision,
)
from bot.facts.rates import period_of_text


def test_a_period_round_trips_through_its_json() -> None:
    window = Period("in the last 60 days", PeriodKind.WINDOW, PeriodUnit.DAY, 60)
    assert window.to_json() == {
        "text": "in the last 60 days", "kind": "window", "unit": "day", "count": 60
    }
    assert Period.from_json(window.to_json()) == window
    assert Period("a day", PeriodKind.RATE, PeriodUnit.DAY).count == 1


def test_the_publication_date_is_told_from_a_date_the_text_gives() -> None:
    day = date(2024, 10, 30)
    assert DateSpan(PUBLICATION_DATE_TEXT, day, day, Precision.DAY).from_publication
    assert not DateSpan("on Wednesday", day, day, Precision.DAY).from_publication
    document = parse_document(b"---\npublished: 2024-10-30\n---\nNothing here.\n", "a.txt")
    publication = extract(document).publication
    assert publication is not None and publication.from_publication
    assert (publication.start, publication.end) == (day, day)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("per day", ("rate", "day", 1)),
        ("a month", ("rate", "month", 1)),
        ("Daily", ("rate", "day", 1)),
        ("every week", ("rate", "week", 1)),
        ("in the last 60 days", ("window", "day", 60)),
        ("over the past two weeks", ("window", "week", 2)),
        ("100 days", ("window", "day", 100)),
        ("the past year", ("window", "year", 1)),
        ("per fortnight", None),
        ("day", None),
        ("since 2022", None),
        ("0 days", None),
    ],
)
def test_a_period_written_on_its_own_is_read(
    text: str, expected: tuple[object, ...] | None
) -> None:
    period = period_of_text(text)
    found = None if period is None else (period.kind.value, period.unit.value, period.count)
    assert found == expected
    if period is not None:
        assert period.text == text
