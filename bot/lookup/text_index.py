"""Fuzzy word search over many short texts (figure and event quotes with their labels), and
completions of the word being typed from the words those texts hold."""

from __future__ import annotations

import bisect
import heapq
from array import array
from collections.abc import Hashable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from rapidfuzz import process
from rapidfuzz.distance import OSA

from bot.lookup.names import METRIC_ALIASES, MIN_FUZZY_LENGTH, normalize

K = TypeVar("K", bound=Hashable)

#: Words a search ignores unless the query has nothing else.
STOPWORDS = frozenset(
    {
        "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "had", "has", "have", "in",
        "is", "it", "its", "of", "on", "or", "that", "the", "their", "this", "to", "was", "were",
        "with",
    }
)


@dataclass(frozen=True, slots=True)
class Hit(Generic[K]):
    key: K
    score: float


class TextIndex(Generic[K]):
    """Fuzzy word search over many short texts (figure and event quotes with their labels).

    Every query word must match a word of the text exactly, as a prefix, or within a small edit
    distance. Postings are compact arrays; the rarest query word drives the scan and the others
    are checked on the normalised text, so a query over 100,000 entries stays in milliseconds.
    """

    #: Matching entries collected before ranking stops looking; results are the best of these.
    SCAN_CAP = 250
    #: Entries :meth:`find` checks one by one before it intersects postings instead.
    FIND_SCAN = 2_000

    def __init__(
        self,
        entries: Iterable[tuple[K, str]],
        tags: Iterable[Iterable[str]] | None = None,
    ):
        """``entries`` in the order :meth:`find` returns them; ``tags``, when given, one set per
        entry: what an entry is besides its words (its force, its metric, the numbers it
        states), never words themselves (see ``bot.lookup.question``)."""
        self._keys: list[K] = []
        self._texts: list[str] = []
        postings: dict[str, array[int]] = {}
        tag_postings: dict[str, array[int]] = {}
        entry_tags = iter(tags) if tags is not None else None
        for position, (key, text) in enumerate(entries):
            norm = normalize(text)
            self._keys.append(key)
            for word in set(norm.split()):
                postings.setdefault(word, array("I")).append(position)
            own = set(next(entry_tags)) if entry_tags is not None else ()
            for tag in own:
                tag_postings.setdefault(tag, array("I")).append(position)
            self._texts.append(f" {norm} {' '.join(own)} " if own else f" {norm} ")
        self._postings = postings
        self._tags = tag_postings
        self._vocabulary = sorted(postings)
        self._by_length: dict[int, list[str]] = {}
        for word in self._vocabulary:
            if word.isalpha():
                self._by_length.setdefault(len(word), []).append(word)
        self._nearby_cache: dict[tuple[int, int], list[str]] = {}
        self._synonyms = _metric_synonyms()

    def __len__(self) -> int:
        return len(self._keys)

    @property
    def vocabulary(self) -> Sequence[str]:
        return self._vocabulary

    def words_like(self, word: str, *, prefix: bool = True, limit: int = 8) -> list[str]:
        """Vocabulary words ``word`` may stand for: itself, words it begins, and near spellings."""
        found: dict[str, None] = {}
        if word in self._postings:
            found[word] = None
        if prefix and len(word) >= 2:
            start = bisect.bisect_left(self._vocabulary, word)
            for candidate in self._vocabulary[start : start + 200]:
                if not candidate.startswith(word):
                    break
                found[candidate] = None
        if len(word) >= MIN_FUZZY_LENGTH and word.isalpha():
            # typo tolerance as search engines set it: one edit (a swap counts as one) up to five
            # letters, two beyond
            edits = 1 if len(word) <= 5 else 2
            for candidate, _, _ in process.extract(
                word,
                self._nearby(len(word), edits),
                scorer=OSA.distance,
                score_cutoff=edits,
                limit=limit,
            ):
                found[candidate] = None
        for synonym in self._synonyms.get(word, ()):
            if synonym in self._postings:
                found[synonym] = None
        return list(found)

    def _nearby(self, length: int, edits: int) -> list[str]:
        """Alphabetic vocabulary words within ``edits`` letters of ``length``, built once."""
        key = (length, edits)
        words = self._nearby_cache.get(key)
        if words is None:
            lengths = range(length - edits, length + edits + 1)
            words = [w for n in lengths for w in self._by_length.get(n, ())]
            self._nearby_cache[key] = words
        return words

    def search(
        self,
        query: str,
        limit: int | None = 25,
        *,
        prefix_last: bool = True,
        scan_cap: int | None = SCAN_CAP,
    ) -> list[Hit[K]]:
        """Entries whose text matches every word of ``query``, best first.

        Ranking looks at the first ``scan_cap`` matches (None: all of them).
        """
        found = self._alternatives(query, prefix_last)
        if found is None:
            return []
        content, driver, checks = found
        needles = [[f" {alt} " for alt in alts] for alts in checks]
        matches: list[int] = []
        for position in self._positions(driver):
            text = self._texts[position]
            if all(any(n in text for n in group) for group in needles):
                matches.append(position)
                if scan_cap is not None and len(matches) >= scan_cap:
                    break
        exact = [f" {w} " for w in content]
        scored = [Hit(self._keys[p], self._rank(self._texts[p], exact)) for p in matches]
        scored.sort(key=lambda hit: -hit.score)
        return scored if limit is None else scored[:limit]

    def find(
        self, words: Sequence[str], tag_groups: Sequence[Sequence[str]], limit: int
    ) -> list[K]:
        """The first ``limit`` entries, in index order, that have one tag of every group and
        every word (as :meth:`search` matches words: exactly, as a prefix, by a near
        spelling, by a synonym)."""
        groups: list[list[str]] = []
        for group in tag_groups:
            alts = [tag for tag in group if tag in self._tags]
            if not alts:
                return []
            groups.append(alts)
        content = [w for w in words if w not in STOPWORDS] or list(words)
        for word in content:
            alts = self.words_like(word, prefix=len(word) >= 3)
            if not alts:
                return []
            groups.append(alts)
        if not groups:
            return []
        groups.sort(key=lambda alts: sum(map(self._frequency, alts)))
        driver, checks = groups[0], groups[1:]
        needles = [[f" {alt} " for alt in alts] for alts in checks]
        found: list[K] = []
        last = -1
        for scanned, position in enumerate(self._positions(driver), 1):
            text = self._texts[position]
            if all(any(n in text for n in group) for group in needles):
                found.append(self._keys[position])
                if len(found) >= limit:
                    return found
            last = position
            if scanned >= self.FIND_SCAN:
                break
        else:
            return found
        # matches are sparse: the rest by intersecting postings, whose cost does not grow with
        # how few entries match
        rest = {p for p in self._union(driver) if p > last}
        for alts in sorted(checks, key=lambda a: sum(map(self._frequency, a))):
            rest.intersection_update(self._union(alts))
            if not rest:
                break
        found.extend(self._keys[p] for p in sorted(rest)[: limit - len(found)])
        return found

    def _union(self, alts: Sequence[str]) -> set[int]:
        union: set[int] = set()
        for alt in alts:
            postings = self._postings.get(alt)
            union.update(postings if postings is not None else self._tags[alt])
        return union

    def _frequency(self, word_or_tag: str) -> int:
        postings = self._postings.get(word_or_tag)
        if postings is None:
            postings = self._tags.get(word_or_tag)
        return len(postings) if postings is not None else 0

    def matching(self, query: str, *, prefix_last: bool = True) -> list[K]:
        """Every entry :meth:`search` finds with no scan cap, unranked, in index order: what a
        filter needs, without scoring tens of thousands of hits."""
        found = self._alternatives(query, prefix_last)
        if found is None:
            return []
        _, driver, checks = found
        # every alternative is a vocabulary word, so "the text has it" is "its postings have
        # the entry": the checks become set intersections
        positions = set().union(*(self._postings[a] for a in driver))
        for alts in checks:
            positions.intersection_update(set().union(*(self._postings[a] for a in alts)))
        keys = self._keys
        return [keys[p] for p in sorted(positions)]

    def _alternatives(
        self, query: str, prefix_last: bool
    ) -> tuple[list[str], list[str], list[list[str]]] | None:
        """The query's content words, the alternatives (vocabulary words) of its rarest word,
        whose postings drive the scan, and those of the others; None when a word has none."""
        words = normalize(query).split()
        content = [w for w in words if w not in STOPWORDS] or words
        if not content:
            return None
        alternatives: list[list[str]] = []
        for i, word in enumerate(content):
            # every word may be a prefix of a longer one while it is typed; only the last may be
            # short, earlier words of one or two letters are exact words
            as_prefix = len(word) >= 3 or (prefix_last and i == len(content) - 1)
            alts = self.words_like(word, prefix=as_prefix)
            if not alts:
                return None
            alternatives.append(alts)
        alternatives.sort(key=lambda alts: sum(map(self.frequency, alts)))
        driver, checks = alternatives[0], alternatives[1:]
        return content, driver, checks

    @staticmethod
    def _rank(text: str, exact: list[str]) -> float:
        """0-100: the share of query words present as typed, then shorter texts first."""
        typed = sum(1 for w in exact if w in text) / len(exact)
        return round(90 * typed + 10 * min(1.0, 80 / len(text)), 3)

    def frequency(self, word: str) -> int:
        """How many entries contain ``word``."""
        postings = self._postings.get(word)
        return len(postings) if postings is not None else 0

    def _positions(self, alts: list[str]) -> Iterator[int]:
        previous = -1
        postings = (self._postings.get(a) or self._tags[a] for a in alts)
        for position in heapq.merge(*postings):
            if position != previous:
                previous = position
                yield position


def _metric_synonyms() -> dict[str, tuple[str, ...]]:
    """Single-word metric aliases -> the words quotes use for that metric ("dead" -> "killed")."""
    synonyms: dict[str, tuple[str, ...]] = {}
    for metric, names in METRIC_ALIASES.items():
        words = tuple({metric.value, *(n for n in names if " " not in n)})
        for word in words:
            synonyms[word] = words
    return synonyms


def vocabulary_completions(index: TextIndex[K], query: str, limit: int = 25) -> list[str]:
    """Ways to finish the last word of ``query`` with words the fact base holds."""
    words = normalize(query).split()
    if not words:
        return []
    head, last = words[:-1], words[-1]
    completions = index.words_like(last, prefix=True, limit=limit)
    completions.sort(key=lambda w: (not w.startswith(last), -index.frequency(w), w))
    return [" ".join([*head, w]) for w in completions[:limit]]

