"""One quantity of a sentence as the claim rules read it, with the clause it stands in.

Its own module so that the rule tables (``rules.py``, ``subjects.py``) can all take it without
importing each other.
"""

from __future__ import annotations

import re

from bot.facts.claim import Claim
from bot.facts.claims.forces import ForceRoles
from bot.facts.claims.nouns import Noun, counted_noun
from bot.facts.claims.sentence import SentenceFacts
from bot.facts.model import Metric, Period
from bot.facts.numbers import Quantity
from bot.facts.vocabulary.build import alternation
from bot.facts.vocabulary.connectives import CLAUSE_CONNECTIVES

# What ends a clause: punctuation, or a connective word ("while", "but", "compared with").
# Two patterns, as each can skip ahead to the characters it starts with; their matches never
# overlap, so together they find what one pattern with both would.
_CLAUSE_PUNCTUATION_RE = re.compile(r";|,\s*[”\"]|[”\"]\s*,|\s[-–—]\s|\(|\)")
_CLAUSE_WORD_RE = re.compile(
    rf"\b(?=[{''.join(sorted({w[0] for w in CLAUSE_CONNECTIVES}))}])"
    rf"(?:{alternation(CLAUSE_CONNECTIVES)})\b",
    re.IGNORECASE,
)


class Reading:
    """One quantity of a sentence as the rules read it."""

    __slots__ = (
        "_clause", "before", "facts", "forces", "inherited", "metric", "next_start", "noun",
        "period", "prev_end", "previous", "q", "sentence",
    )  # fmt: skip

    def __init__(
        self,
        facts: SentenceFacts,
        forces: ForceRoles,
        q: Quantity,
        previous: Claim | None,
        prev_end: int,
        next_start: int | None,
        before: Quantity | None,
    ) -> None:
        self.facts = facts
        self.sentence = facts.text
        self.forces = forces
        self.q = q
        self.previous = previous  # the sentence's last claim before this number
        self.prev_end = prev_end  # where the previous number (or the speaker label) ends
        self.next_start = next_start
        self.before = before  # the previous number, claim or not
        self.noun: Noun = counted_noun(facts, q.num_end, previous is not None)
        self.metric: Metric | None = None
        self.period: Period | None = None
        self.inherited = False  # metric and subject come from the claim this one continues
        self._clause: tuple[int, int] | None = None

    @property
    def clause(self) -> tuple[int, int]:
        """The number's clause: from the last break after the previous number to the first
        break before the next one."""
        if self._clause is None:
            self._clause = (
                _clause_start(self.sentence, self.prev_end, self.q.start),
                _clause_end(self.sentence, self.q.end, self.next_start),
            )
        return self._clause

    @property
    def earlier(self) -> Claim | None:
        """The previous sentence's last claim, if it was the sentence right before."""
        context = self.facts.context
        return context.last_claim if context.last_claim_age <= 1 else None


def _clause_start(sentence: str, prev_end: int, start: int) -> int:
    """After the last clause break between the previous number and this one; an aside
    between dashes or brackets ("the daily casualty rate - the numbers of killed and wounded -
    was 980") does not break the clause it sits in."""
    breaks: list[re.Match[str]] = []
    for pattern in (_CLAUSE_PUNCTUATION_RE, _CLAUSE_WORD_RE):
        breaks.extend(pattern.finditer(sentence, prev_end, start))
    breaks.sort(key=lambda m: m.start())
    while len(breaks) >= 2 and _closes_aside(breaks[-2].group(0), breaks[-1].group(0)):
        del breaks[-2:]
    return max((m.end() for m in breaks), default=prev_end)


def _closes_aside(opening: str, closing: str) -> bool:
    """' – ... – ' and '( ... )' enclose an aside."""
    opening, closing = opening.strip(), closing.strip()
    return (opening, closing) == ("(", ")") or (
        opening in ("-", "–", "—") and closing in ("-", "–", "—")
    )


def _clause_end(sentence: str, end: int, next_start: int | None) -> int:
    """At the first clause break between this number and the next one."""
    stop = next_start if next_start is not None else len(sentence)
    for pattern in (_CLAUSE_PUNCTUATION_RE, _CLAUSE_WORD_RE):
        m = pattern.search(sentence, end, stop)
        if m is not None:
            stop = m.start()
    return stop

