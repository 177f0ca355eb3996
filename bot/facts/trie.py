"""A regular expression for a large set of literal phrases, shaped as a trie.

Python's ``re`` tries every alternative of ``a|b|c`` at every position; factoring the shared
prefixes lets a position that starts no phrase fail on its first character.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_END = ""


def trie_pattern(phrases: Iterable[str]) -> str:
    """A non-capturing pattern matching exactly ``phrases``, longest alternative first."""
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
