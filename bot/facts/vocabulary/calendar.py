"""Calendar words: months, weekdays, parts of a period and the words that make a year a date.

Month names are written as they appear in text (capitalised); lookups use lower case.
"""

from __future__ import annotations

from bot.facts.vocabulary.build import words
from bot.facts.vocabulary.numbers import SMALL_COUNTS, UNITS

# Each month's full name, then its abbreviations.
MONTHS = (
    ("January", "Jan"), ("February", "Feb"), ("March", "Mar"), ("April", "Apr"), ("May",),
    ("June", "Jun"), ("July", "Jul"), ("August", "Aug"), ("September", "Sept", "Sep"),
    ("October", "Oct"), ("November", "Nov"), ("December", "Dec"),
)  # fmt: skip
MONTH_NUMBERS = {
    name.lower(): number for number, names in enumerate(MONTHS, start=1) for name in names
}
MONTH_NAMES = tuple(names[0] for names in MONTHS)
MONTH_ABBREVIATIONS = tuple(abbreviation for names in MONTHS for abbreviation in names[1:])
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
WEEKDAY_NUMBERS = {name.lower(): number for number, name in enumerate(WEEKDAYS)}
# Counts of "two weeks ago", "a year ago".
AGO_COUNTS = {"a": 1, "an": 1} | {
    word: UNITS[word] for word in (*SMALL_COUNTS, "eleven", "twelve")
}
# "early June", "the end of 2024".
PERIOD_PARTS = (
    "early", "late", "mid", "the end of", "the start of", "the beginning of", "the middle of",
    "the first half of", "the second half of", "the rest of", "end of",
)  # fmt: skip
# The months a part of a year covers ("late 2024": October to December).
PART_MONTHS = {
    "early": (1, 3), "the start of": (1, 3), "the beginning of": (1, 3), "mid": (4, 9),
    "the middle of": (4, 9), "late": (10, 12), "the end of": (10, 12), "end of": (10, 12),
    "the first half of": (1, 6), "the second half of": (7, 12),
}  # fmt: skip
# Seasons and their months (the northern hemisphere's): "last autumn", "since the summer".
SEASONS = {
    "spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11), "winter": (12, 2),
}  # fmt: skip
# Words of relative dates ("today", "last week", "this morning").
RELATIVE_DAY_WORDS = words("today tonight yesterday")
DAYTIME_PARTS = words("morning afternoon evening")
DAY_PARTS = (*DAYTIME_PARTS, "night")
PERIOD_UNITS = words("week month year")
# "May" and "March" alone are months only after one of these words ("in May", "early March").
MONTH_CONTEXT = frozenset(
    words(
        """in on since by until till from during of between and or to through before after
        throughout around early late mid"""
    )
)
# "increased by 2000": a change, not a deadline.
CHANGE_WORDS = frozenset(words("up down rose risen grew grown fell fallen increase decrease"))
# "of 2023" is a date only after words like these ("summer of 2023", "as of 2023").
OF_YEAR_CONTEXT = frozenset(
    words(
        """summer winter spring fall autumn end start beginning middle half part rest course
        quarter months month year as"""
    )
)
# "by 2030", "until 2026": a deadline is no evidence of when the text was written.
DEADLINE_WORDS = frozenset(words("by until till"))
# A number followed by one of these counts something: it is no year ("2000 troops").
# Regular expressions, matched case-insensitively.
COUNTED_AFTER_NUMBER = (
    r"troops?", r"soldiers?", r"servicemen", r"service\s*members", r"fighters", r"personnel",
    r"people", r"men", r"women", r"civilians", r"casualties", r"deaths", r"dead", r"killed",
    r"wounded", r"injured", r"captured", r"prisoners", r"pows", r"units", r"members", r"workers",
    r"residents", r"refugees", r"children", r"km", r"kilometers", r"kilometres", r"miles",
    r"meters", r"metres", r"dollars", r"won", r"rubles", r"roubles", r"euros", r"tons",
    r"tonnes", r"rounds", r"shells", r"drones", r"missiles", r"tanks", r"vehicles", r"times",
    r"cases", r"votes", r"sorties", r"strikes", r"attacks", r"days", r"hours",
)  # fmt: skip
# Words that name no claimant when they stand where one would ("said Tuesday").
DATE_WORDS = frozenset(
    (*MONTH_NUMBERS, *WEEKDAY_NUMBERS, *RELATIVE_DAY_WORDS, *DAY_PARTS, *PERIOD_UNITS)
) | frozenset(words("last this on earlier later"))
