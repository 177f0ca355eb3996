"""Rates and windows: the words that make a count one per unit of time ("1,500 a day") or one
over a window ("in the last 60 days") rather than a cumulative total."""

from __future__ import annotations

from bot.facts.model import PeriodUnit

# The units a rate counts per or a window spans, in the singular ("a day", "60 days").
UNIT_WORDS: dict[str, PeriodUnit] = {
    "day": PeriodUnit.DAY, "week": PeriodUnit.WEEK, "month": PeriodUnit.MONTH,
    "year": PeriodUnit.YEAR,
}  # fmt: skip
# "1,000 men daily", "monthly losses".
RATE_ADVERBS: dict[str, PeriodUnit] = {
    "daily": PeriodUnit.DAY, "weekly": PeriodUnit.WEEK, "monthly": PeriodUnit.MONTH,
}  # fmt: skip
# Regular expressions: words that make the count before a number a rate ("the rate was",
# "averaging"), and what "daily", "weekly" or "monthly" must qualify to make one ("daily
# casualty rate", "monthly losses"; not "the daily update").
RATE_WORDS = (r"rate", r"averag\w*")
RATE_COUNTED = (
    r"casualt\w*", r"loss(?:es)?", r"toll", r"number", r"figure", r"deaths?", r"killed", r"dead",
    r"tall(?:y|ies)",
)  # fmt: skip
# What opens a window that ends now: "in the last 60 days", "over the past week".
WINDOW_LEADS = (
    "in the last", "in the past", "in the previous", "over the last", "over the past",
    "over the previous", "during the last", "during the past", "during the previous",
    "within the last", "within the past", "the last", "the past", "the previous",
)  # fmt: skip

# After a loss list's daily increase ("(+1,230 over the past day)"): the day's count.
DAILY_INCREASE_TAILS = (
    "over the past day", "over the last day", "in the past day", "in the last day",
    "over the past 24 hours", "in the past 24 hours", "in the last 24 hours", "per day", "a day",
)  # fmt: skip
