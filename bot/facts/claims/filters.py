"""Numbers that are no count of people, and sentences that state none of our figures.

Read before any claim rule: a unit after the number ("25 km"), a label or a price before it
("Resolution 2767", "$425"), an age, a negation, a bare year; a correction notice, a question,
or a sentence about another war.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.facts.dates import DateMention
from bot.facts.numbers import Quantity
from bot.facts.vocabulary.approximators import HEDGES
from bot.facts.vocabulary.build import alternation, trie_pattern
from bot.facts.vocabulary.forces import OTHER_WARS
from bot.facts.vocabulary.not_counts import (
    AGE_APPOSITION_LEADS,
    AGE_PAIRS_BEFORE,
    ARMY_OWNING_VERBS,
    CASED_LABELS_BEFORE,
    CORRECTIONS,
    CURRENCY_AND_LABEL_SIGNS,
    LABEL_WORDS_BEFORE,
    NATIONAL_ARMY_LEADS,
    NEGATIONS_BEFORE,
    PUBLISHED_ITEMS,
    UNITS_AFTER,
    WEAPONS,
)

_UNIT_AFTER_RE = re.compile(
    r"(?:\s*-\s*|\s+)?(?:" + trie_pattern(UNITS_AFTER).replace(r"\ ", r"\s+") + r")\b",
    re.IGNORECASE,
)
_SYMBOL_AFTER_RE = re.compile(r"(?:\s*%|:\d|/\d|\.\d|\]|\s*(?:°|km\b|x\b))")
_NEGATED_BEFORE_RE = re.compile(
    rf"\b(?:{alternation(NEGATIONS_BEFORE)})\s*$"
    r"|\b(?:not|never|n't)\s+(?!only\b|just\b|even\b)(?:\w+\s+)?(?:\w+ed|sent|lost|killed"
    r"|held|taken)\s+(?:(?:an?|the|some|about|around|more\s+than|over|up\s+to)\s+)?$",
    re.IGNORECASE,
)
_SHARE_BEFORE_RE = re.compile(
    r"\b(?:one|two|three|four|five|\d{1,2})\s+(?:in|out\s+of)\s+$", re.IGNORECASE
)
_APPOSITIVE_AGE_BEFORE_RE = re.compile(r"[A-Z][a-z]+,\s*$")
_APPOSITIVE_AGE_AFTER_RE = re.compile(r"\s*,")
# "more than 120 of its 170 mm self-propelled guns": a share of some equipment.
_EQUIPMENT_OF_RE = re.compile(
    r"\s+(?:more\s+|fewer\s+)?of\s+(?:its|their|the|his|her|our|these|those)\s+"
    rf"(?:[\w/.-]+\s+){{0,4}}?(?:{alternation(WEAPONS)})\b",
    re.IGNORECASE,
)
_AGE_APPOSITION_BEFORE_RE = re.compile(
    rf"\b(?:{alternation(AGE_APPOSITION_LEADS)})\s*,?\s*$", re.IGNORECASE
)
_AGE_APPOSITION_AFTER_RE = re.compile(r"\s*(?:[,;)]|and\b|$)")
_HEDGE = rf"(?:(?:{alternation((*HEDGES, 'an estimated', 'more than', 'over'))})\s+)?"
_WHOLE_ARMY_BEFORE_RE = re.compile(
    rf"\b(?:(?:{alternation(NATIONAL_ARMY_LEADS)})\s+(?:army|military|armed\s+forces|forces?)"
    rf"|(?:{alternation(ARMY_OWNING_VERBS)})\s+(?:an?|its|their)\s+(?:[\w-]+\s+)?army)"
    rf"\s+(?:of|numbering|totalling|totaling)\s+{_HEDGE}$",
    re.IGNORECASE,
)
_ONE_OF_RE = re.compile(r"\s+of\s+(?:the|them|those|these|its|their|his|her|our)\b", re.IGNORECASE)

_QUESTION_END_RE = re.compile(r"\?[\"'”’)\]]*\s*(?:\([^)]*\)\s*)*$")
# A written parliamentary question: "To ask the Secretary of State ...", "(Urgent Question): To
# ask ...".
_WRITTEN_QUESTION_RE = re.compile(r"^\s*(?:\([^)]{0,40}\)\s*:?\s*)?To\s+ask\b")
_CORRECTION_RE = re.compile(rf"\b(?:{alternation(CORRECTIONS)})\b", re.IGNORECASE)
_CORRECTION_CUES = frozenset(phrase.split()[0] for phrase in CORRECTIONS)
_OTHER_WAR_RE = re.compile(
    rf"\b(?:{alternation(OTHER_WARS)})\s+War\b|\bWorld\s+War\s+(?:I|II|One|Two)\b"
)
# The story's figures are from this year on: a sentence dated only before it looks back.
STORY_START_YEAR = 2014


def is_not_a_count(sentence: str, q: Quantity) -> bool:
    """A unit, label, price, age, negation or bare year around the number."""
    if _UNIT_AFTER_RE.match(sentence, q.num_end) or _SYMBOL_AFTER_RE.match(sentence, q.num_end):
        return True
    before = sentence[max(0, q.num_start - 16) : q.num_start]
    if _label_before(before):
        return True
    if before.endswith((", ", " and ", " or ")) and _label_before(
        sentence[max(0, q.num_start - 40) : q.num_start]
    ):
        return True  # "resolutions 1718, 1874 and 2397"
    if _NEGATED_BEFORE_RE.search(sentence, max(0, q.start - 34), q.start):
        return True
    if (" in " in before or " of " in before) and _SHARE_BEFORE_RE.search(
        sentence, max(0, q.start - 16), q.start
    ):
        return True  # "one in three soldiers": a share
    if _APPOSITIVE_AGE_BEFORE_RE.search(before) and _APPOSITIVE_AGE_AFTER_RE.match(
        sentence, q.num_end
    ):
        return True  # "Kim, 19, ..."
    if q.low == q.high == 1 and _ONE_OF_RE.match(sentence, q.num_end):
        return True  # "one of the soldiers"
    return _other_thing_around(sentence, q)


def _other_thing_around(sentence: str, q: Quantity) -> bool:
    """Equipment after "of its", a person's age after "one of them", a whole army's size, or a
    bare four-digit year: no count of a force's people."""
    if " of " in sentence[q.num_end : q.num_end + 12] and _EQUIPMENT_OF_RE.match(
        sentence, q.num_end
    ):
        return True  # "more than 120 of its 170 mm guns"
    if q.high < 100 and _AGE_APPOSITION_BEFORE_RE.search(
        sentence, max(0, q.num_start - 16), q.num_start
    ) and _AGE_APPOSITION_AFTER_RE.match(sentence, q.num_end):
        return True  # "one of them 20 and the other 26"
    window = sentence[max(0, q.start - 48) : q.start]
    if ("army" in window or "forces" in window or "military" in window) and (
        _WHOLE_ARMY_BEFORE_RE.search(window)
    ):
        return True  # "a standing army of about 1.2 million"
    if q.num_start >= 2 and sentence[q.num_start - 1] in ".!?" and (
        sentence[q.num_start - 2].isalpha()
    ):
        return True  # "... troops.1": a footnote marker
    raw = sentence[q.num_start : q.num_end]
    # A bare four-digit year ("in 2023") that the date reader did not claim.
    if raw.isdigit() and len(raw) == 4 and 1900 <= q.low <= 2100 and q.low == q.high:
        return True
    return bool(q.low <= 0)


_LISTED_RE = re.compile(r"\d[\d,.]*,?|and|or|&")


def _label_before(before: str) -> bool:
    """'$425', 'Resolution 2767', 'Su-25', 'aged 19', 'who is 41': not a count of people."""
    stripped = before.rstrip(" -")
    if stripped[-1:] and stripped[-1] in CURRENCY_AND_LABEL_SIGNS:
        return True
    tokens = stripped.split()
    while len(tokens) > 1 and _LISTED_RE.fullmatch(tokens[-1]):
        tokens.pop()  # "resolutions 1718, 1874 and 2397": the label before the list
    if not tokens:
        return False
    last = tokens[-1]
    if last in CASED_LABELS_BEFORE or last.lower() in LABEL_WORDS_BEFORE:
        return True
    return len(tokens) > 1 and f"{tokens[-2]} {last}".lower() in AGE_PAIRS_BEFORE


def states_no_figures(
    sentence: str, words: frozenset[str], dates: Sequence[DateMention]
) -> bool:
    """Corrections, questions, denials and other wars' dates: no figure of ours is stated."""
    if not words.isdisjoint(_CORRECTION_CUES) and _CORRECTION_RE.search(sentence):
        return True
    if "?" in sentence and _QUESTION_END_RE.search(sentence):
        return True
    if "ask" in words and _WRITTEN_QUESTION_RE.match(sentence):
        return True  # "To ask His Majesty's Government what assessment ...": a question
    if "War" in sentence and _OTHER_WAR_RE.search(sentence) and not any(
        d.span.end.year >= STORY_START_YEAR for d in dates
    ):
        return True
    years = [d.span.end.year for d in dates]
    return bool(years) and max(years) < STORY_START_YEAR


# A corrections column: its title, or its first line.
_CORRECTIONS_TITLE_RE = re.compile(r"^\s*(?:corrections?|clarifications?)\b", re.IGNORECASE)
# "A report on 8 February (...) said that 3,000 ...", "The same article said", "A headline on 9
# February described ... as": in a corrections column, the error being corrected.
_REPEATS_AN_ERROR_RE = re.compile(
    rf"(?:^|;)\s*(?:an?|the)\s+(?:same\s+|earlier\s+|previous\s+)?(?:{alternation(PUBLISHED_ITEMS)})"
    r"\b[^;]*?\b(?:said|stated|reported|described|gave|put|showed|claimed|quoted|wrote|put)\b[^;]*$",
    re.IGNORECASE,
)


def is_corrections_column(title: str) -> bool:
    """'Corrections and clarifications', 'Correction: ...': a column that corrects errors."""
    return _CORRECTIONS_TITLE_RE.match(title) is not None


def repeats_an_error(sentence: str, pos: int) -> bool:
    """In a corrections column, whether the number at ``pos`` is what an earlier article,
    report or headline said: the error corrected, not a figure."""
    start = sentence.rfind(";", 0, pos) + 1
    return _REPEATS_AN_ERROR_RE.search(sentence, start, pos) is not None
