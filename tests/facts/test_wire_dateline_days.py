"""A wire dateline whose day the month never has ("April 31") still dates the document."""

from __future__ import annotations

import pytest

from bot.facts.documents import parse_document
from bot.facts.extract import extract


@pytest.mark.parametrize("day", ["April 31", "June 31", "Sept 31"])
def test_a_dateline_day_the_month_lacks_is_no_error(day: str) -> None:
    text = (
        f"KYIV, {day} (Harbour News) - Ukraine said on Tuesday that 40 North Korean soldiers\n"
        "were captured since January 2025.\n"
    )
    found = extract(parse_document(text.encode(), "dateline-test.txt"))
    assert [(f.metric.value, f.low) for f in found.figures] == [("captured", 40)]
