"""Number words: units, tens, scales and vague amounts ("dozens", "tens of thousands")."""

from __future__ import annotations

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}  # fmt: skip
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
# Written right after digits: "11k", "1.5m", "2bn".
SHORT_SCALES = {"k": 1_000, "m": 1_000_000, "mn": 1_000_000, "bn": 1_000_000_000}

# Vague amounts, as (pattern, low, high); longest first, as they are tried in this order.
VAGUE_AMOUNTS: tuple[tuple[str, int, int], ...] = (
    (r"hundreds\s+of\s+thousands", 200_000, 999_999),
    (r"tens\s+of\s+thousands", 20_000, 99_999),
    (r"several\s+dozen", 24, 99),
    (r"dozens", 24, 99),
    (r"hundreds", 200, 999),
    (r"thousands", 2_000, 9_999),
)

# Words without which a sentence holds no spelled or vague amount (a cheap first test).
NUMBER_WORDS = frozenset(
    [*UNITS, *TENS, *SCALES, "dozen", "dozens", "hundreds", "thousands", "half"]
)

# Small counts spelled out where a range or an alternative names a second number ("four or
# five brigades") or a date counts back ("two weeks ago").
SMALL_COUNTS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
