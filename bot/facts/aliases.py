"""Names: the forces and claimants a text names, in their canonical forms.

``subject_aliases`` builds one pattern over every alias of every force (``vocabulary.forces``);
``canonical_claimant`` maps a claimant as written to the canonical name of a claimant we know
(``vocabulary.claimants``); ``is_person`` tells a person from a body.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from bot.facts.vocabulary.build import trie_pattern
from bot.facts.vocabulary.claimants import CLAIMANT_PATTERNS, ORG_WORDS, PERSON_TITLES
from bot.facts.vocabulary.forces import LEADERS, NOT_THE_NORTH_BEFORE, SUBJECT_ALIASES, THE_NORTH

__all__ = ["LEADERS", "SUBJECT_ALIASES", "canonical_claimant", "is_person", "subject_aliases"]

_CLAIMANT_RES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (canonical, re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE))
    for canonical, patterns in CLAIMANT_PATTERNS.items()
)


@lru_cache(maxsize=4096)
def canonical_claimant(name: str) -> str | None:
    """The canonical claimant ``name`` refers to, or None when the table does not know it."""
    for canonical, pattern in _CLAIMANT_RES:
        if pattern.search(name):
            return canonical
    return None


def subject_aliases(names: Iterable[str]) -> tuple[re.Pattern[str], dict[str, str]]:
    """One regex over every alias of every force, and alias text -> canonical force."""
    table = {a: canonical for canonical, aliases in SUBJECT_ALIASES.items() for a in aliases}
    for name in names:
        table.setdefault(name, name)
    north, north_korea = THE_NORTH
    not_after = "|".join([r"[A-Z]", *(rf"{w}\b" for w in NOT_THE_NORTH_BEFORE)])
    the, word = north.split()
    # Case-sensitive on purpose: "us" the pronoun is not the "US", "nk" is nothing. The first
    # characters of every alias are tested first: most positions start none.
    firsts = "".join(sorted({alias[0] for alias in table} | {the[0], the[0].upper()}))
    pattern = re.compile(
        rf"(?=[{re.escape(firsts)}])(?<![\w.])(?:"
        + trie_pattern(table)
        + rf"|[{the[0]}{the[0].upper()}]{the[1:]}\s+{word}(?!\s+(?:Korea|{not_after})))(?![\w])"
    )
    table[north] = north_korea
    return pattern, table


@lru_cache(maxsize=4096)
def is_person(text: str) -> bool:
    """Whether a claimant as written is a person ("Lt. Gen. Kim") rather than a body."""
    words = text.replace("(", " ").replace(")", " ").split()
    if "of" in words[1:]:
        # "representative of the Russian Federation", "Ministry of Defence": the head decides.
        head = words[: words.index("of", 1)]
        head_words = {w.lower().strip(",") for w in head}
        if head_words & ORG_WORDS:
            return False
        if head_words & PERSON_TITLES:
            return True
    lowered = {w.lower().strip(",") for w in words}
    if lowered & ORG_WORDS:
        return False
    if lowered & PERSON_TITLES:
        return True
    capitals = [w for w in words if w[0].isupper() and not w.isupper()]
    return len(capitals) >= 2 and len(words) <= 4
