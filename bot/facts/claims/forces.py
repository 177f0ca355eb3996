"""The forces of a sentence by the role the words around them give them: owners of a count
("Russian casualties") and senders ("sent by North Korea"), asked by the subject rules."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from functools import lru_cache

from bot.facts.claims.sentence import Alias, SentenceFacts, after_destination, gives_a_figure
from bot.facts.vocabulary.build import alternation
from bot.facts.vocabulary.claimants import ORG_WORDS
from bot.facts.vocabulary.forces import ENEMY_OF, SUBJECT_ALIASES
from bot.facts.vocabulary.metrics import CASUALTY_NOUNS, SENDING_VERBS
from bot.facts.vocabulary.personnel import OWNED_HEADS, PERSONNEL_NOUNS

_HEADS_AFTER_RE = re.compile(r"(?:'s|’s)?\s+(\w+)(?:\s+(\w+))?(?:\s+(\w+))?")
_FROM_BEFORE_RE = re.compile(r"\bfrom\s+(?:the\s+)?$")
_BY_BEFORE_RE = re.compile(r"\bby\s+(?:the\s+)?$")
_SENDS_AFTER_RE = re.compile(
    r"(?:'s|’s)?\s+(?:has\s+|had\s+|have\s+)?(?:also\s+|first\s+|initially\s+|originally\s+"
    rf"|reportedly\s+|already\s+)?(?:{alternation(SENDING_VERBS)})\b"
)


class ForceRoles:
    """The forces of a sentence by the role the words around them give: owners of a count,
    senders. Worked out once per sentence, on first use."""

    def __init__(self, facts: SentenceFacts) -> None:
        self.facts = facts
        self._count_owners: tuple[list[Alias], list[int]] | None = None
        self._senders: tuple[tuple[list[Alias], list[int]], ...] | None = None

    def last_owner_of_count_before(self, pos: int) -> Alias | None:
        if self._count_owners is None:
            owners = [a for a in self.facts.aliases if modifies_people(self.facts.text, a)]
            self._count_owners = owners, [a.end for a in owners]
        owners, ends = self._count_owners
        index = bisect_right(ends, pos)
        return owners[index - 1] if index else None

    def first_sender_after(self, pos: int, deployment: bool) -> Alias | None:
        """The first force after ``pos`` that sends ("sent by North Korea", "Pyongyang
        dispatched"); for a deployment "by X" names the sender too."""
        if self._senders is None:
            self._senders = self._find_senders()
        senders, starts = self._senders[1 if deployment else 0]
        index = bisect_left(starts, pos)
        return senders[index] if index < len(senders) else None

    def _find_senders(self) -> tuple[tuple[list[Alias], list[int]], ...]:
        any_metric: list[Alias] = []
        deployment: list[Alias] = []
        sentence = self.facts.text
        for alias in self.facts.aliases:
            before = sentence[max(0, alias.start - 12) : alias.start]
            sends = bool(_FROM_BEFORE_RE.search(before)) or bool(
                _SENDS_AFTER_RE.match(sentence, alias.end)
                and not after_destination(sentence, alias)
            )
            if sends:
                any_metric.append(alias)
            if sends or _BY_BEFORE_RE.search(before):
                deployment.append(alias)  # "held by Ukraine" names the captor, not a sender
        return (
            (any_metric, [a.start for a in any_metric]),
            (deployment, [a.start for a in deployment]),
        )


def modifies_people(sentence: str, alias: Alias) -> bool:
    """'Russian casualties', "North Korea's losses", 'North Koreans': the alias owns a count
    (not in "the figure the Ukrainians give", where it gives one)."""
    if gives_a_figure(sentence, alias):
        return False
    text = sentence[alias.start : alias.end]
    if text.endswith(("ans", "ese")) and text[0].isupper() and len(text) > 5:
        return True
    m = _HEADS_AFTER_RE.match(sentence, alias.end)
    if not m:
        return False
    heads = [w.lower() for w in m.groups() if w]
    if any(head in ORG_WORDS and head not in ("army", "military") for head in heads[1:]):
        return False  # "Ukraine's military intelligence agency" speaks; it is not counted
    return any(
        head in CASUALTY_NOUNS or head in PERSONNEL_NOUNS or head in OWNED_HEADS
        for head in heads
    )


_SIDE_RE = re.compile(
    r"(?<![\w])(?:"
    + "|".join(
        f"(?P<{'r' if side == 'Russia' else 'u'}{i}>{re.escape(alias)})"
        for side in ENEMY_OF
        for i, alias in enumerate(sorted(SUBJECT_ALIASES[side], key=len, reverse=True))
    )
    + r")(?![\w])"
)


@lru_cache(maxsize=1024)
def side_of(text: str) -> str | None:
    """The side ("Russia", "Ukraine") a claimant or speaker belongs to, as its words name it."""
    found = _SIDE_RE.search(text)
    if found is None or found.lastgroup is None:
        return None
    return "Russia" if found.lastgroup.startswith("r") else "Ukraine"


# A body that speaks for a side: "Ministry of Defence of the Russian Federation", "Spokesperson
# of the Northern Grouping of Forces ... (translated from Ukrainian)".
_BODY_HINT_RE = re.compile(
    r"\b(?:ministry|general\s+staff|armed\s+forces|defen[cs]e|command|headquarters|grouping"
    r"|group\s+of\s+forces|spokes(?:person|man|woman))\b",
    re.IGNORECASE,
)


def home_side(texts: Sequence[str | None]) -> str | None:
    """The side a document speaks for, when its publisher, title or first lines name a side's
    body ("Summary of the Ministry of Defence of the Russian Federation"): Russia or Ukraine."""
    for text in texts:
        if text and _BODY_HINT_RE.search(text):
            side = side_of(text)
            if side is not None:
                return side
    return None
