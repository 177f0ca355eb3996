"""Amounts as news text writes them: digits, words, scales, vague amounts, ranges, qualifiers."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.facts.numbers import find_quantities

CASES = [
    ("between 10,000 and 12,000 soldiers", (10_000, 12_000, "range", "between 10,000 and 12,000")),
    ("an additional 1,000 to 3,000 troops", (1_000, 3_000, "range", "1,000 to 3,000")),
    ("11,000-12,000 troops", (11_000, 12_000, "range", "11,000-12,000")),
    ("11,000–12,000 troops", (11_000, 12_000, "range", "11,000–12,000")),
    ("from 11,000 to 12,000", (11_000, 12_000, "range", "from 11,000 to 12,000")),
    ("between 1.5 and 2 million", (1_500_000, 2_000_000, "range", "between 1.5 and 2 million")),
    ("between two and three thousand", (2_000, 3_000, "range", "between two and three thousand")),
    ("10 000 soldiers", (10_000, 10_000, "exact", "10 000")),
    ("1.5 million troops", (1_500_000, 1_500_000, "exact", "1.5 million")),
    ("11k troops", (11_000, 11_000, "exact", "11k")),
    ("twenty-five soldiers", (25, 25, "exact", "twenty-five")),
    ("three thousand troops", (3_000, 3_000, "exact", "three thousand")),
    ("two hundred and fifty men", (250, 250, "exact", "two hundred and fifty")),
    ("dozens of soldiers", (24, 99, "range", "dozens")),
    ("hundreds of soldiers", (200, 999, "range", "hundreds")),
    ("thousands of soldiers", (2_000, 9_999, "range", "thousands")),
    ("tens of thousands of troops", (20_000, 99_999, "range", "tens of thousands")),
    ("hundreds of thousands of troops", (200_000, 999_999, "range", "hundreds of thousands")),
    ("a couple thousand troops", (2_000, 2_000, "about", "a couple thousand")),
    ("half a million men", (500_000, 500_000, "exact", "half a million")),
    ("at least 300 soldiers", (300, 300, "at_least", "at least 300")),
    ("more than 550,000 soldiers", (550_000, 550_000, "at_least", "more than 550,000")),
    ("over 100 soldiers", (100, 100, "at_least", "over 100")),
    ("upwards of 100,000", (100_000, 100_000, "at_least", "upwards of 100,000")),
    ("4,000-plus troops", (4_000, 4_000, "at_least", "4,000-plus")),
    ("losses now exceed 4,000", (4_000, 4_000, "at_least", "exceed 4,000")),
    ("up to 3,000 troops", (3_000, 3_000, "at_most", "up to 3,000")),
    ("as many as 12,000", (12_000, 12_000, "at_most", "as many as 12,000")),
    ("fewer than 500", (500, 500, "at_most", "fewer than 500")),
    ("no more than 12,000", (12_000, 12_000, "at_most", "no more than 12,000")),
    ("around 1,200", (1_200, 1_200, "about", "around 1,200")),
    ("about 1,200", (1_200, 1_200, "about", "about 1,200")),
    ("some 1,500 troops", (1_500, 1_500, "about", "some 1,500")),
    ("nearly 4,000", (4_000, 4_000, "about", "nearly 4,000")),
    ("approximately 11,000", (11_000, 11_000, "about", "approximately 11,000")),
    ("an estimated 300", (300, 300, "about", "an estimated 300")),
    ("roughly 450", (450, 450, "about", "roughly 450")),
    ("something like 4,000", (4_000, 4_000, "about", "something like 4,000")),
    ("~300 troops", (300, 300, "about", "~300")),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_amounts(text: str, expected: tuple[int, int, str, str]) -> None:
    (quantity,) = find_quantities(text)
    low, high, qualifier, span = expected
    assert (quantity.low, quantity.high, quantity.qualifier.value) == (low, high, qualifier)
    assert text[quantity.start : quantity.end] == span


@pytest.mark.parametrize(
    "text", ["F-16 jets", "the 11th Army Corps", "25km away", "$425 million", "Su-25 jets"]
)
def test_not_amounts(text: str) -> None:
    assert find_quantities(text) == []


def test_hand_over_is_not_a_qualifier() -> None:
    (quantity,) = find_quantities("offered to hand over two captured soldiers")
    assert quantity.qualifier.value == "exact"


# Amounts as texts write them; the property tests put one in every generated text.
_AMOUNTS = st.sampled_from([text for text, _ in CASES] + ["300", "1,000", "12 000", "7"])
_AROUND = st.text(max_size=100)


@given(_AROUND, _AMOUNTS, _AROUND)
def test_spans_are_ordered_and_within_the_text(before: str, amount: str, after: str) -> None:
    text = f"{before} {amount} {after}"
    quantities = find_quantities(text)
    # The amount is read, alone or joined to a neighbouring number ("5 - 300" is a range).
    at = len(before) + 1
    assert any(q.start <= at + len(amount) and at <= q.end for q in quantities), quantities
    previous_end = 0
    for quantity in quantities:
        assert 0 <= quantity.start <= quantity.num_start < quantity.num_end <= len(text)
        assert quantity.low <= quantity.high
        assert quantity.num_start >= previous_end
        previous_end = quantity.num_end
