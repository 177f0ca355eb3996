"""What the claim rules know about one sentence, worked out once for all of its numbers.

A rule that needs the whole sentence (is a denial said before this number? which force named
before it is not a destination?) asks :class:`SentenceFacts`, which reads the sentence once and
answers each number from sorted positions. No rule reads the whole sentence once per number.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

from bot.facts.claim import ClaimantMention, Context
from bot.facts.dates import DateMention
from bot.facts.numbers import Quantity
from bot.facts.vocabulary.build import alternation
from bot.facts.vocabulary.connectives import DESTINATION_WORDS
from bot.facts.vocabulary.not_counts import AGE_WORDS, DENIAL_VERBS, DISMISSALS


@dataclass(frozen=True, slots=True)
class Alias:
    """A force named in a sentence; ``start``/``end`` index the sentence."""

    start: int
    end: int
    subject: str


_AGE_TALK_RE = re.compile(rf"\b(?:{'|'.join(AGE_WORDS)})\b", re.IGNORECASE)
DENIAL_RE = re.compile(
    rf"\b(?:{alternation(DENIAL_VERBS)}"
    r"|called\s+(?:it|them|the\s+(?:\w+\s+){0,6}?)[\"“']?(?:an?\s+)?"
    rf"(?:{alternation(DISMISSALS)}))\b",
    re.IGNORECASE,
)
_DESTINATION_BEFORE_RE = re.compile(
    rf"\b(?:{alternation(DESTINATION_WORDS)})\s+(?:the\s+)?$", re.IGNORECASE
)
_CONTINUES_RE = re.compile(
    r"\s*(?:(?:Of|Among)\s+(?:these|them|those|which|whom)\b"
    r"|(?:This|That|The)\s+(?:number|figure|total|tally|count|estimate)\b"
    r"|In\s+(?:all|total)\b|Overall\b)"
)


def after_destination(sentence: str, alias: Alias) -> bool:
    """'sent to Russia', "in Russia's Kursk region": a place, not the force counted."""
    return bool(_DESTINATION_BEFORE_RE.search(sentence, max(0, alias.start - 30), alias.start))


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
        claimant_aliases: Sequence[Alias],
    ) -> None:
        self.text = text
        self.words = words
        self.dates = dates
        self.aliases = aliases  # forces named outside the claimants' own words
        self.mentions = mentions
        self.context = context
        self.subjects = subjects
        self.claimant_aliases = claimant_aliases  # forces named inside them ("Ukraine's army")
        self.alias_at = {a.start: a for a in aliases}

    # -- whole-sentence answers -----------------------------------------------------------
    @cached_property
    def talks_of_ages(self) -> bool:
        """'the average age rose from 31 to 35'."""
        return _AGE_TALK_RE.search(self.text) is not None

    @cached_property
    def continues_earlier(self) -> bool:
        """'Of these, ...', 'The total ...', 'In all, ...': the sentence goes on from the last."""
        return _CONTINUES_RE.match(self.text) is not None

    @cached_property
    def _first_denial(self) -> re.Match[str] | None:
        return DENIAL_RE.search(self.text)

    def denied_before(self, pos: int) -> bool:
        """'Moscow denied that 5,000 ...': a denial before ``pos``, anywhere in the sentence."""
        first = self._first_denial
        if first is None or first.start() >= pos:
            return False
        if first.end() <= pos:
            return True
        return DENIAL_RE.search(self.text, 0, pos) is not None  # the denial spans ``pos``

    # -- dates --------------------------------------------------------------------------------
    @cached_property
    def _date_starts(self) -> list[int]:
        return [d.start for d in self.dates]

    def overlaps_date(self, q: Quantity) -> bool:
        """Whether a date covers part of the number ("2024" in "June 2024" is no count)."""
        index = bisect_left(self._date_starts, q.num_end) - 1
        return index >= 0 and self.dates[index].end > q.num_start

    @cached_property
    def _anchoring_dates(self) -> tuple[list[DateMention], list[int]]:
        # A cumulative total "since 2022" refers to no one date.
        usable = [d for d in self.dates if not d.span.text.lower().startswith("since")]
        return usable, [d.end for d in usable]

    def nearest_date(self, q: Quantity) -> DateMention | None:
        """The date closest to the number; the one before it on a tie."""
        usable, ends = self._anchoring_dates
        index = bisect_right(ends, q.start)
        left = usable[index - 1] if index else None
        right = usable[index] if index < len(usable) else None
        if left is None or right is None:
            return left or right
        return left if q.start - left.end <= right.start - q.end + 1 else right

    # -- claimants ----------------------------------------------------------------------------
    @cached_property
    def _attributing(self) -> tuple[list[ClaimantMention], list[int], list[int]]:
        mentions = [m for m in self.mentions if m.attributes]
        return mentions, [m.start for m in mentions], [m.end for m in mentions]

    def claimant_left_of(self, pos: int) -> ClaimantMention | None:
        mentions, _, ends = self._attributing
        index = bisect_right(ends, pos)
        return mentions[index - 1] if index else None

    def claimant_right_of(self, pos: int) -> ClaimantMention | None:
        mentions, starts, _ = self._attributing
        index = bisect_left(starts, pos)
        return mentions[index] if index < len(mentions) else None

    # -- forces -------------------------------------------------------------------------------
    @cached_property
    def _placed_forces(self) -> tuple[list[Alias], list[int]]:
        """Forces not named as a place or target, and their ends."""
        placed = [a for a in self.aliases if not after_destination(self.text, a)]
        return placed, [a.end for a in placed]

    def last_force_before(self, pos: int) -> Alias | None:
        """The last force named before ``pos`` that is not a destination."""
        placed, ends = self._placed_forces
        index = bisect_right(ends, pos)
        return placed[index - 1] if index else None

    @cached_property
    def _owners(self) -> tuple[list[Alias], list[int]]:
        """Every force named, the claimants' own words included, that is not a destination."""
        named = sorted([*self.aliases, *self.claimant_aliases], key=lambda a: a.start)
        owners = [a for a in named if not after_destination(self.text, a)]
        return owners, [a.start for a in owners]

    def owner_before(self, pos: int) -> Alias | None:
        """The force an "its" before ``pos`` points to, claimant or not."""
        owners, starts = self._owners
        for index in range(bisect_left(starts, pos) - 1, -1, -1):
            if owners[index].end <= pos:
                return owners[index]
        return None
