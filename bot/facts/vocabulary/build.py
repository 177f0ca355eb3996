"""Turning word lists into sets and regular expressions.

Every list in this package holds words or phrases as a reader would write them ("at least",
"handed over"); a phrase matches with any run of whitespace between its words. A few lists of
inflected forms hold small regular expressions instead, and say so where they are defined.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_END = ""


def words(text: str) -> tuple[str, ...]:
    """The whitespace-separated words of ``text``, in order: how the lists are written.

    A word written twice is a mistake in the list (a set would hide it): it is refused.
    """
    listed = tuple(text.split())
    repeated = sorted({word for word in listed if listed.count(word) > 1})
    if repeated:
        raise ValueError(f"listed more than once: {', '.join(repeated)}")
    return listed


def phrase_pattern(phrase: str) -> str:
    r"""A pattern for one phrase: its words escaped, joined by ``\s+``."""
    return r"\s+".join(re.escape(word) for word in phrase.split())


def alternation(phrases: Iterable[str]) -> str:
    """``a|b|c`` over the phrases, in the order given (leftmost alternatives are tried first)."""
    return "|".join(phrase_pattern(phrase) for phrase in phrases)


def trie_pattern(phrases: Iterable[str]) -> str:
    """A non-capturing pattern matching exactly ``phrases``, shaped as a trie.

    Python's ``re`` tries every alternative of ``a|b|c`` at every position; factoring the shared
    prefixes lets a position that starts no phrase fail on its first character. From one
    position the longest phrase wins.
    """
    root: dict[str, dict] = {}  # type: ignore[type-arg]
    for phrase in phrases:
        node = root
        for char in phrase:
            node = node.setdefault(char, {})
        node[_END] = {}
    return _render(root)


def _render(node: dict[str, dict]) -> str:  # type: ignore[type-arg]
    ends_here = _END in node
    branches = [re.escape(char) + _render(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends_here:
        return f"(?:{body})?"
    return body
