"""Approximators: the words that make an amount a bound or an estimate ("at least", "about").

The qualifier phrases before a number decide a figure's qualifier; the hedges are the subset
that may stand between another cue ("an additional", "a force of") and its number.
"""

from __future__ import annotations

from bot.facts.vocabulary.build import words

# Before a number: "at least 300", "more than 550,000".
AT_LEAST_BEFORE = (
    "at least", "more than", "over", "upwards of", "in excess of", "no fewer than",
    "no less than", "well over", "at a minimum", "a minimum of", "north of", "exceeding",
    "surpassing", "topping", "exceeds", "exceed", "exceeded", "passed", "passes", "pass",
    "surpassed", "topped", "tops", "top", "past",
)  # fmt: skip
# Before a number: "up to 3,000", "as many as 12,000".
AT_MOST_BEFORE = (
    "up to", "as many as", "fewer than", "less than", "no more than", "at most", "under",
    "a maximum of", "as much as", "not more than",
)  # fmt: skip
# Before a number: "around 1,200", "an estimated 300".
ABOUT_BEFORE = (
    "around", "about", "approximately", "approx.", "roughly", "nearly", "almost", "some",
    "close to", "an estimated", "estimated", "circa", "c.", "an approximate", "approaching",
    "just under", "just over", "~", "something like", "in the region of", "on the order of",
    "upward of", "near", "closer to", "nearer", "nearer to", "perhaps", "maybe", "possibly",
    "more like",
)  # fmt: skip

# After a number: "4,000-plus", "300 or more" (a "+" sign counts too); "3,000 or so".
AT_LEAST_AFTER = ("plus", "or more", "and more", "odd")
ABOUT_AFTER = ("or so",)

# Verbs that make a following "over" a particle: "hand over two soldiers" is no "over two".
PHRASAL_OVER_VERBS = words(
    "hand handed handing hands turn turned turning turns took take taken taking takes"
)

# Hedges that may stand between a cue and its number ("an additional estimated 1,000",
# "a force of about 12,000").
HEDGES = ("about", "around", "some", "roughly", "nearly", "approximately", "at least", "up to")
SINGLE_WORD_HEDGES = frozenset(h for h in HEDGES if " " not in h)
# Hedges and bounds between a group's cue and its size: "the first contingent of about 11,000",
# "a third echelon of more than 3,000".
GROUP_SIZE_QUALIFIERS = (*HEDGES, "more than", "over")
