"""Loss lists: a side's report of "the enemy's" losses, one line per kind of loss.

    The General Staff ... reports that the total combat losses of the enemy ... were:
    personnel - about 891,540 (+1,230 over the past day)
    tanks - 10,253 (+6)

The introduction names the claimant and, through "the enemy", the force counted; it ends with
a colon. The lines below it, up to the first line that is no "label - value" line, are read
here: a line labelled with people ("personnel") holds the cumulative losses and, in
parentheses with a plus sign, the day's; lines of equipment hold no figure.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from bot.facts.claim import Claim, ClaimantMention, LossList
from bot.facts.model import Metric, Period, PeriodKind, PeriodUnit
from bot.facts.numbers import Quantity
from bot.facts.vocabulary.build import alternation
from bot.facts.vocabulary.forces import ENEMY_OF, ENEMY_WORDS
from bot.facts.vocabulary.personnel import LOSS_LIST_PEOPLE_LABELS
from bot.facts.vocabulary.rates import DAILY_INCREASE_TAILS

_INTRO_RE = re.compile(
    rf"\blosses\s+of\s+the\s+(?:{alternation(ENEMY_WORDS)})|\b(?:{alternation(ENEMY_WORDS)})"
    r"\s+(?:\w+\s+)?losses\b",
    re.IGNORECASE,
)
_LIST_LINE_RE = re.compile(r"^\s*(?P<label>[A-Za-z][\w ()/.'’-]{0,40}?)\s*(?:-|–|—|:)\s*\S")
_PEOPLE_LABEL_RE = re.compile(
    rf"(?:{alternation(LOSS_LIST_PEOPLE_LABELS)})", re.IGNORECASE
)
_DAILY_RE = re.compile(
    rf"\s*(?P<tail>{alternation(DAILY_INCREASE_TAILS)})\b", re.IGNORECASE
)
_LOSS_WORDS = frozenset(("losses",))


def opens_loss_list(
    sentence: str,
    words: frozenset[str],
    mentions: Sequence[ClaimantMention],
    forces_of: Callable[[str], list[str]],
) -> LossList | None:
    """The list a sentence introduces: "X reports ... losses of the enemy ... were:"."""
    if words.isdisjoint(_LOSS_WORDS) or not sentence.rstrip().endswith(":") or not mentions:
        return None
    if _INTRO_RE.search(sentence) is None:
        return None
    speaker = next((m for m in mentions if m.attributes), None)
    if speaker is None:
        return None
    sides = [ENEMY_OF[f] for f in forces_of(speaker.raw or speaker.name) if f in ENEMY_OF]
    return LossList(speaker.name, speaker.voice, sides[0]) if sides else None


def is_list_line(sentence: str) -> bool:
    return _LIST_LINE_RE.match(sentence) is not None


def loss_list_claims(sentence: str, counts: Sequence[Quantity], losses: LossList) -> list[Claim]:
    """A people line's total and daily increase; nothing from a line of equipment."""
    label = _LIST_LINE_RE.match(sentence)
    if label is None or not _PEOPLE_LABEL_RE.fullmatch(label.group("label").strip()):
        return []
    claims = []
    for q in counts:
        period = None
        if sentence[max(0, q.num_start - 2) : q.num_start].lstrip().endswith("+"):
            daily = _DAILY_RE.match(sentence, q.end)
            if daily is None:
                continue  # an increase over a period the line does not say
            period = Period(daily.group("tail"), PeriodKind.RATE, PeriodUnit.DAY)
        claim = Claim(
            quantity=q, metric=Metric.CASUALTIES, subject=losses.subject, source=losses.source,
            date=None, additional=False, voice=losses.voice, period=period,
        )  # fmt: skip
        claims.append(claim)
    return claims
