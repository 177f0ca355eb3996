"""What the claim rules know about one sentence, worked out once for all of its numbers.

A rule that needs the whole sentence (is a denial said before this number? which force named
before it is not a destination?) asks :class:`SentenceFacts`, which reads the sentence once and
answers each number from sorted positions. No rule reads the whole sentence once per number.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from bot.facts.claim import ClaimantMention, Context
from bot.facts.dates import DateMention
from bot.facts.numbers import Quantity
from bot.facts.vocabulary.build import alternation
from bot.facts.vocabulary.connectives import BODY_LEADS, BODY_WORDS, DESTINATION_WORDS
from bot.facts.vocabulary.not_counts import AGE_WORDS, DENIAL_VERBS, DISMISSALS


@dataclass(slots=True)
class Alias:
    """A force named in a sentence; ``start``/``end`` index the sentence."""

    start: int
    end: int
    subject: str


# A "since" clause running up to a date: "since the troops entered combat in December".
_SINCE_CLAUSE_RE = re.compile(r"\bsince\b[^,.;]*$", re.IGNORECASE)
_AGE_TALK_RE = re.compile(rf"\b(?:{'|'.join(AGE_WORDS)})\b", re.IGNORECASE)
DENIAL_RE = re.compile(
    rf"\b(?:{alternation(DENIAL_VERBS)}"
    r"|called\s+(?:it|them|the\s+(?:\w+\s+){0,6}?)[\"“']?(?:an?\s+)?"
    rf"(?:{alternation(DISMISSALS)}))\b",
    re.IGNORECASE,
)
_DENIAL_CUES = frozenset((*DENIAL_VERBS, "called"))
_DESTINATION_BEFORE_RE = re.compile(
    rf"\b(?:{alternation(DESTINATION_WORDS)})\s+(?:the\s+)?$", re.IGNORECASE
)  # matched where a word starts, ending at the force
_CONTINUES_RE = re.compile(
    r"\s*(?:(?:Of|Among)\s+(?:these|them|those|which|whom)\b"
    r"|(?:This|That|The)\s+(?:number|figure|total|tally|count|estimate)\b"
    r"|(?:That|This)(?:\s+is|'s|’s|\s+was|\s+means|\s+amounts\s+to|\s+works\s+out\s+at)"
    r"\s+(?:(?:roughly|about|around|some|nearly|over|almost|approximately|more\s+than"
    r"|close\s+to|at\s+least|an\s+average\s+of)\s+)?\d"
    r"|In\s+(?:all|total)\b|Overall\b)"
)


def after_destination(sentence: str, alias: Alias) -> bool:
    """'sent to Russia', "in Russia's Kursk region": a place, not the force counted.

    The word before the force (or before its "the") is tried, within 30 characters.
    """
    start = alias.start
    floor = max(0, start - 30)
    word = _word_before(sentence, start, floor)
    if word < 0:
        return False
    if _DESTINATION_BEFORE_RE.match(sentence, word, start):
        return True
    word = _word_before(sentence, word, floor)  # "to the Russian border": before the "the"
    return word >= 0 and _DESTINATION_BEFORE_RE.match(sentence, word, start) is not None


_BODY_AFTER_RE = re.compile(
    r"(?:'s|’s)?\s+(?:state\s+|national\s+|public\s+)?([A-Za-z]+)(?:\s+([A-Za-z]+))?"
)


# "the headline number from Seoul", "the figure the Ukrainians give": who gives a figure.
_FIGURE_FROM_BEFORE_RE = re.compile(
    r"\b(?:figures?|numbers?|estimates?|count|tally|data)\s+(?:from|by)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_FIGURE_THAT_BEFORE_RE = re.compile(
    r"\b(?:figures?|numbers?|estimates?|count|tally)\s+(?:that\s+)?(?:the\s+)?$",
    re.IGNORECASE,
)
_GIVES_AFTER_RE = re.compile(
    r"(?:'s|’s)?\s+(?:(?:has|have|had)\s+)?(?:give|gives|gave|given|cite|cites|cited|use|uses"
    r"|used|publish|publishes|published|put\s+out|release|releases|released|quote|quotes"
    r"|quoted)\b",
    re.IGNORECASE,
)


def gives_a_figure(sentence: str, alias: Alias) -> bool:
    """'the headline number from Seoul', 'the figure the Ukrainians give': the force gives the
    figure; it is not the people counted."""
    floor = max(0, alias.start - 30)
    if _FIGURE_FROM_BEFORE_RE.search(sentence, floor, alias.start):
        return True
    return _FIGURE_THAT_BEFORE_RE.search(sentence, floor, alias.start) is not None and (
        _GIVES_AFTER_RE.match(sentence, alias.end) is not None
    )


def names_a_body(sentence: str, alias: Alias) -> bool:
    """'Ukrainian television', "Ukraine's General Staff", 'Russian media': the force names a
    body that speaks or reports, not people that are counted ("Ukrainian troops", "Russia's
    army"), or gives the figure ("the headline number from Seoul")."""
    if gives_a_figure(sentence, alias):
        return True
    m = _BODY_AFTER_RE.match(sentence, alias.end)
    if m is None:
        return False
    head = m.group(1).lower()
    if head == "general":
        return m.group(2) is not None and m.group(2).lower() == "staff"  # "General Staff"
    if head in BODY_LEADS and m.group(2) is not None:
        head = m.group(2).lower()
    return head in BODY_WORDS


def _word_before(text: str, end: int, floor: int) -> int:
    """Where the word that whitespace separates from ``end`` starts; -1 if there is none."""
    i = end
    while i > floor and text[i - 1].isspace():
        i -= 1
    if i == end:
        return -1
    stop = i
    while i > floor and (text[i - 1].isalnum() or text[i - 1] == "_"):
        i -= 1
    return i if i < stop else -1


def point_dates(text: str, dates: Sequence[DateMention]) -> list[DateMention]:
    """The dates of a sentence that may date a number: not "since 2022", nor a date inside a
    "since" clause ("since the troops entered combat in December")."""
    return [
        d
        for d in dates
        if not d.span.text.lower().startswith("since")
        and not _SINCE_CLAUSE_RE.search(text, max(0, d.start - 50), d.start)
    ]


class SentenceFacts:
    """One sentence as the claim rules see it: its words, forces, claimants and dates."""

    def __init__(
        self,
        text: str,
        words: frozenset[str],
        dates: Sequence[DateMention],
        aliases: Sequence[Alias],
        mentions: Sequence[ClaimantMention],
        context: Context,
        subjects: frozenset[str],
        claimant_aliases: Callable[[], Sequence[Alias]],
    ) -> None:
        self.text = text
        self.words = words
        self.dates = dates
        self.aliases = aliases  # forces named outside the claimants' own words
        self.mentions = mentions
        self.context = context
        self.subjects = subjects
        self._claimant_aliases = claimant_aliases
        self.alias_at = {a.start: a for a in aliases}
        self.talks_of_ages = False
        self._ages_read = False
        self.continues_earlier = _CONTINUES_RE.match(text) is not None
        self._first_denial: re.Match[str] | None = None
        self._denial_read = False
        self._dates: tuple[list[DateMention], list[int]] | None = None
        self._attributing: tuple[list[ClaimantMention], list[int], list[int]] | None = None
        self._placed: tuple[list[Alias], list[int]] | None = None
        self._owners: tuple[list[Alias], list[int]] | None = None

    # -- whole-sentence answers -----------------------------------------------------------
    def ages(self) -> bool:
        """'the average age rose from 31 to 35'."""
        if not self._ages_read:
            self.talks_of_ages = _AGE_TALK_RE.search(self.text) is not None
            self._ages_read = True
        return self.talks_of_ages

    def denied_before(self, pos: int) -> bool:
        """'Moscow denied that 5,000 ...': a denial before ``pos``, anywhere in the sentence."""
        if not self._denial_read:
            self._denial_read = True
            if not self.words.isdisjoint(_DENIAL_CUES):
                self._first_denial = DENIAL_RE.search(self.text)
        first = self._first_denial
        if first is None or first.start() >= pos:
            return False
        if first.end() <= pos:
            return True
        return DENIAL_RE.search(self.text, 0, pos) is not None  # the denial spans ``pos``

    # -- dates --------------------------------------------------------------------------------
    def _date_index(self) -> tuple[list[DateMention], list[int]]:
        if self._dates is None:
            # A cumulative total "since 2022" refers to no one date, nor does a date inside a
            # "since" clause ("since the troops entered combat in December"): it opens a
            # running count and dates no other number of the sentence.
            usable = point_dates(self.text, self.dates)
            self._dates = usable, [d.end for d in usable]
        return self._dates

    def nearest_date(self, q: Quantity) -> DateMention | None:
        """The date closest to the number; the one before it on a tie."""
        left, right = self.dates_beside(q)
        if left is None or right is None:
            return left or right
        return left if q.start - left.end <= right.start - q.end + 1 else right

    def dates_beside(self, q: Quantity) -> tuple[DateMention | None, DateMention | None]:
        """The usable dates right before and right after the number (no "since ..." date)."""
        if not self.dates:
            return None, None
        usable, ends = self._date_index()
        index = bisect_right(ends, q.start)
        left = usable[index - 1] if index else None
        right = usable[index] if index < len(usable) else None
        return left, right

    # -- claimants ----------------------------------------------------------------------------
    def _attributing_index(self) -> tuple[list[ClaimantMention], list[int], list[int]]:
        if self._attributing is None:
            mentions = [m for m in self.mentions if m.attributes]
            self._attributing = mentions, [m.start for m in mentions], [m.end for m in mentions]
        return self._attributing

    def claimant_left_of(self, pos: int) -> ClaimantMention | None:
        if not self.mentions:
            return None
        mentions, _, ends = self._attributing_index()
        index = bisect_right(ends, pos)
        return mentions[index - 1] if index else None

    def claimant_right_of(self, pos: int) -> ClaimantMention | None:
        if not self.mentions:
            return None
        mentions, starts, _ = self._attributing_index()
        index = bisect_left(starts, pos)
        return mentions[index] if index < len(mentions) else None

    # -- forces -------------------------------------------------------------------------------
    def last_force_before(self, pos: int) -> Alias | None:
        """The last force named before ``pos`` that is not a destination, nor a body or a
        broadcaster named by it ("Ukrainian television", "Ukraine's General Staff")."""
        if self._placed is None:
            placed = [
                a for a in self.aliases
                if not after_destination(self.text, a) and not names_a_body(self.text, a)
            ]  # fmt: skip
            self._placed = placed, [a.end for a in placed]
        placed, ends = self._placed
        index = bisect_right(ends, pos)
        return placed[index - 1] if index else None

    def owner_before(self, pos: int) -> Alias | None:
        """The force an "its" before ``pos`` points to: the last one named before it that is
        not a destination, the claimants' own words included ("Nepal says 16 of its ...")."""
        if self._owners is None:
            named = sorted([*self.aliases, *self._claimant_aliases()], key=lambda a: a.start)
            owners = [a for a in named if not after_destination(self.text, a)]
            self._owners = owners, [a.start for a in owners]
        owners, starts = self._owners
        for index in range(bisect_left(starts, pos) - 1, -1, -1):
            if owners[index].end <= pos:
                return owners[index]
        return None
