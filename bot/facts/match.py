"""Resolve what users type to what the fact base holds, and rank autocomplete suggestions.

Everything here is pure (no discord, no I/O). Resolution is precision-first: an alias or a close
fuzzy match resolves, anything below the score cut-off resolves to nothing, so a nonsense query
never silently turns into a real subject. Large candidate sets (fact ids, quotes) go through
:class:`TextIndex`, built once per fact-base version and kept in a :class:`VersionedCache`.
"""

from __future__ import annotations

import bisect
import heapq
import re
from array import array
from collections import Counter, OrderedDict
from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

import numpy as np
import numpy.typing as npt
from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from bot.facts import aliases as text_aliases
from bot.facts.model import Metric

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")

#: Below this score (0-100) a fuzzy match is no match.
RESOLVE_CUTOFF = 86.0
AUTOCOMPLETE_CUTOFF = 60.0
CLOSEST_CUTOFF = 65.0
#: Queries this short only match exactly or as a word prefix; fuzzy scores on two letters are noise.
MIN_FUZZY_LENGTH = 4

#: What users type for a force beyond the names documents use (those are in bot.facts.aliases).
_TYPED_SUBJECT_ALIASES: Mapping[str, tuple[str, ...]] = {
    "North Korea": ("n korea", "n korean", "north koreans", "nk", "dprk", "north korean"),
    "South Korea": ("s korea", "republic of korea", "rok"),
}


def merge_aliases(*tables: Mapping[str, Iterable[str]]) -> dict[str, tuple[str, ...]]:
    """Canonical name -> every alias any table gives it, in first-seen order."""
    merged: dict[str, dict[str, None]] = {}
    for table in tables:
        for canonical, names in table.items():
            merged.setdefault(canonical, {}).update(dict.fromkeys(names))
    return {canonical: tuple(names) for canonical, names in merged.items()}


def group_aliases(alias_to_canonical: Mapping[str, str]) -> dict[str, tuple[str, ...]]:
    """Invert an alias -> canonical mapping (the store's alias table) into canonical -> aliases."""
    grouped: dict[str, list[str]] = {}
    for alias, canonical in alias_to_canonical.items():
        grouped.setdefault(canonical, []).append(alias)
    return {canonical: tuple(names) for canonical, names in grouped.items()}


SUBJECT_ALIASES: Mapping[str, tuple[str, ...]] = merge_aliases(
    text_aliases.SUBJECT_ALIASES, _TYPED_SUBJECT_ALIASES
)

CLAIMANT_ALIASES: Mapping[str, tuple[str, ...]] = {
    "NIS": (
        "national intelligence service", "spy agency", "south korean intelligence",
        "south korea's spy agency", "seoul's spy agency", "south korean spy agency",
        "korean intelligence", "nis",
    ),
    "Volodymyr Zelenskyy": (
        "zelensky", "zelenskyy", "zelenskiy", "zelenski", "volodymyr zelensky",
        "ukrainian president", "president of ukraine",
    ),
    "U.S.": (
        "us", "usa", "u s", "united states", "us assessments", "u.s. assessments",
        "american officials", "washington", "pentagon", "us officials",
    ),
    "JoongAng Ilbo": ("joongang", "joong ang", "joongang daily"),
    "Yonhap": ("yonhap news agency", "yonhap news"),
    "Vladimir Putin": ("putin", "russian president"),
    "Ministry of Defence of Ukraine": ("ukrainian defence ministry", "ukrainian mod"),
}

METRIC_ALIASES: Mapping[Metric, tuple[str, ...]] = {
    Metric.DEPLOYED: (
        "deployed", "deployment", "deployments", "sent", "troops", "soldiers", "dispatched",
        "stationed", "arrived",
    ),
    Metric.KILLED: (
        "killed", "dead", "deaths", "death", "died", "kia", "fatalities", "death toll",
        "killed in action",
    ),
    Metric.WOUNDED: ("wounded", "injured", "injuries", "hurt", "wia"),
    Metric.CASUALTIES: (
        "casualties", "losses", "loss", "killed or wounded", "killed and wounded", "total losses",
    ),
    Metric.CAPTURED: (
        "captured", "prisoners", "prisoner", "pows", "pow", "prisoners of war", "taken prisoner",
    ),
    Metric.MISSING: ("missing", "mia", "missing in action", "unaccounted for"),
}

STOPWORDS = frozenset(
    {
        "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "had", "has", "have", "in",
        "is", "it", "its", "of", "on", "or", "that", "the", "their", "this", "to", "was", "were",
        "with",
    }
)

_NON_WORD = re.compile(r"[^\w']+")


def normalize(text: str) -> str:
    """Case-folded words joined by single spaces: ``"N. Korea!"`` -> ``"n korea"``."""
    words = _NON_WORD.split(text.casefold().replace("'s ", " ").replace("’", "'"))
    return " ".join(w.strip("'") for w in words if w.strip("'"))


def _canonical_key(name: str) -> str:
    return normalize(name)


def _alias_table(
    candidates: Iterable[str], aliases: Mapping[str, Iterable[str]]
) -> dict[str, str]:
    """Normalised key -> candidate, for candidate names and the aliases of those candidates.

    An alias points at a candidate when the alias table's canonical name matches the candidate
    (normalised), so the table works whatever spelling the fact base stores.
    """
    table: dict[str, str] = {}
    by_key = {_canonical_key(c): c for c in candidates}
    for canonical, names in aliases.items():
        target = by_key.get(_canonical_key(canonical))
        if target is None:
            continue
        for alias in names:
            table.setdefault(normalize(alias), target)
    for key, candidate in by_key.items():
        table[key] = candidate  # a real name always wins over an alias of something else
    return table


def _score(query: str, choice: str) -> float:
    """Similarity for short names: whole-string, token order-free, and word-prefix matches."""
    if choice.startswith(query) or f" {query}" in f" {choice}":
        return 100.0 if choice == query else 95.0
    if len(query) < MIN_FUZZY_LENGTH:
        return 0.0
    return max(fuzz.ratio(query, choice), fuzz.token_sort_ratio(query, choice),
               _best_word_ratio(query, choice))


def _best_word_ratio(query: str, choice: str) -> float:
    """A typo in one word of a multi-word name ("zelenski" in "volodymyr zelenskyy")."""
    if " " in query:
        return 0.0
    return max((fuzz.ratio(query, word) for word in choice.split()), default=0.0) * 0.97


def _ranked(
    query: str, table: Mapping[str, str], cutoff: float
) -> list[tuple[str, float]]:
    """Candidates ranked by their best-scoring key (name or alias), best first, no duplicates."""
    q = normalize(query)
    if not q:
        return []
    best: dict[str, float] = {}
    for key, candidate in table.items():
        score = _score(q, key)
        if score >= cutoff and score > best.get(candidate, -1.0):
            best[candidate] = score
    return sorted(best.items(), key=lambda item: (-item[1], item[0]))


def resolve(
    query: str, candidates: Iterable[str], aliases: Mapping[str, Iterable[str]] | None = None
) -> str | None:
    """The candidate ``query`` means, or None when nothing is close enough."""
    ranked = _ranked(query, _alias_table(candidates, aliases or {}), RESOLVE_CUTOFF)
    return ranked[0][0] if ranked else None


def resolve_subject(
    query: str,
    subjects: Iterable[str],
    aliases: Mapping[str, Iterable[str]] = SUBJECT_ALIASES,
) -> str | None:
    return resolve(query, subjects, aliases)


def resolve_claimant(
    query: str,
    claimants: Iterable[str],
    aliases: Mapping[str, Iterable[str]] = CLAIMANT_ALIASES,
) -> str | None:
    """The claimant meant; the extractor's own claimant patterns are tried before fuzzy names."""
    claimants = list(claimants)
    named = text_aliases.canonical_claimant(query)
    if named is not None:
        for candidate in claimants:
            if normalize(candidate) == normalize(named):
                return candidate
    return resolve(query, claimants, aliases)


def resolve_metric(query: str, metrics: Iterable[Metric] = tuple(Metric)) -> Metric | None:
    aliases = {m.value: METRIC_ALIASES.get(m, ()) for m in metrics}
    found = resolve(query, aliases, aliases)
    return Metric(found) if found else None


def autocomplete(
    query: str,
    candidates: Sequence[str],
    limit: int = 25,
    aliases: Mapping[str, Iterable[str]] | None = None,
) -> list[str]:
    """Up to ``limit`` candidates for what the user has typed so far, best first.

    An empty query lists the candidates in their given order.
    """
    if not normalize(query):
        return list(candidates[:limit])
    table = _alias_table(candidates, aliases or {})
    return [name for name, _ in _ranked(query, table, AUTOCOMPLETE_CUTOFF)[:limit]]


class NameMatcher:
    """:func:`autocomplete` over a fixed list of many names (thousands of claimants), prepared
    once: the alias table is built up front and fuzzy scores come from rapidfuzz's batch
    scorers with the cut-off, giving the same choices as :func:`autocomplete` in a fraction of
    its time."""

    def __init__(
        self, candidates: Sequence[str], aliases: Mapping[str, Iterable[str]] | None = None
    ) -> None:
        self.candidates = tuple(candidates)
        table = _alias_table(self.candidates, aliases or {})
        self._table = table
        self._keys = list(table)
        self._targets = [table[k] for k in self._keys]
        self._spaced = [f" {k}" for k in self._keys]
        self._words: list[str] = []
        self._word_keys: list[int] = []
        for position, key in enumerate(self._keys):
            for word in key.split():
                self._words.append(word)
                self._word_keys.append(position)
        self._by_normal: dict[str, str] = {}
        for candidate in self.candidates:
            self._by_normal.setdefault(normalize(candidate), candidate)

    def autocomplete(self, query: str, limit: int = 25) -> list[str]:
        q = normalize(query)
        if not q:
            return list(self.candidates[:limit])
        return [name for name, _ in self._ranked(q, AUTOCOMPLETE_CUTOFF)[:limit]]

    def closest(self, query: str, n: int = 3) -> list[str]:
        """What :func:`closest` gives for these candidates and aliases, without rebuilding the
        alias table of thousands of names on every empty result."""
        return _closest_in(normalize(query), self._table, n)

    def resolve(self, query: str) -> str | None:
        """What :func:`resolve` gives for these candidates and aliases."""
        q = normalize(query)
        ranked = self._ranked(q, RESOLVE_CUTOFF) if q else []
        return ranked[0][0] if ranked else None

    def resolve_claimant(self, query: str) -> str | None:
        """What :func:`resolve_claimant` gives for these candidates and aliases."""
        named = text_aliases.canonical_claimant(query)
        if named is not None:
            found = self._by_normal.get(normalize(named))
            if found is not None:
                return found
        return self.resolve(query)

    def _ranked(self, q: str, cutoff: float) -> list[tuple[str, float]]:
        """Candidates scored as :func:`_ranked` scores them, for a normalised query."""
        scores: dict[int, float] = {}
        spaced = f" {q}"
        for position, key in enumerate(self._keys):
            if key.startswith(q) or spaced in self._spaced[position]:
                scores[position] = 100.0 if key == q else 95.0
        if len(q) >= MIN_FUZZY_LENGTH:
            fuzzy: dict[int, float] = {}
            for scorer in (fuzz.ratio, fuzz.token_sort_ratio):
                for _, score, position in process.extract(
                    q, self._keys, scorer=scorer, score_cutoff=cutoff, limit=None
                ):
                    fuzzy[position] = max(score, fuzzy.get(position, 0.0))
            if " " not in q:
                for _, score, index in process.extract(
                    q, self._words, scorer=fuzz.ratio, score_cutoff=cutoff / 0.97, limit=None
                ):
                    position = self._word_keys[index]
                    fuzzy[position] = max(score * 0.97, fuzzy.get(position, 0.0))
            for position, score in fuzzy.items():
                if position not in scores and score >= cutoff:
                    scores[position] = score
        best: dict[str, float] = {}
        for position, score in scores.items():
            target = self._targets[position]
            if score > best.get(target, -1.0):
                best[target] = score
        return sorted(best.items(), key=lambda item: (-item[1], item[0]))


def closest(
    query: str,
    candidates: Iterable[str],
    n: int = 3,
    aliases: Mapping[str, Iterable[str]] | None = None,
) -> list[str]:
    """The ``n`` candidates nearest to ``query``, for a "did you mean" line on an empty result."""
    return _closest_in(normalize(query), _alias_table(candidates, aliases or {}), n)


def _closest_in(q: str, table: Mapping[str, str], n: int) -> list[str]:
    if not q:
        return []
    scored: dict[str, float] = {}
    for key in _may_reach_cutoff(q, list(table)):
        candidate = table[key]
        score = max(_score(q, key), fuzz.partial_ratio(q, key) * 0.9)
        if score >= CLOSEST_CUTOFF and score > scored.get(candidate, -1.0):
            scored[candidate] = score
    return [c for c, _ in sorted(scored.items(), key=lambda it: (-it[1], it[0]))[:n]]


def _may_reach_cutoff(q: str, keys: list[str]) -> set[str]:
    """The keys whose score in :func:`closest` can reach the cut-off: some part of the score
    must reach it alone, and rapidfuzz finds those parts over thousands of names in C."""
    found = {key for key in keys if key.startswith(q) or f" {q}" in f" {key}"}
    if len(q) >= MIN_FUZZY_LENGTH:
        for scorer, cutoff in (
            (fuzz.ratio, CLOSEST_CUTOFF),
            (fuzz.token_sort_ratio, CLOSEST_CUTOFF),
        ):
            found.update(k for k, _, _ in process.extract(
                q, keys, scorer=scorer, score_cutoff=cutoff, limit=None
            ))
        if " " not in q:
            words = [(word, key) for key in keys for word in key.split()]
            hits = process.extract(
                q, [w for w, _ in words], scorer=fuzz.ratio,
                score_cutoff=CLOSEST_CUTOFF / 0.97, limit=None,
            )
            found.update(words[index][1] for _, _, index in hits)
    found.update(k for k, _, _ in process.extract(
        q, keys, scorer=fuzz.partial_ratio, score_cutoff=CLOSEST_CUTOFF / 0.9, limit=None
    ))
    return found


def nearest(query: str, candidates: Sequence[str], n: int = 3) -> list[str]:
    """The ``n`` most similar candidates however far (for ids, where any near miss helps)."""
    found = process.extract(query, candidates, scorer=fuzz.ratio, limit=n)
    return [candidate for candidate, _, _ in found]


class NearestIndex:
    """What :func:`nearest` gives over a fixed list of candidates (100,000 figure ids), without
    scoring every one of them.

    ``fuzz.ratio`` is ``200 * LCS / (len(q) + len(c))``, and the longest common subsequence is at
    most the letters the two strings share counted with multiplicity. That bound is computed for
    every candidate at once from per-letter count columns (numpy), the candidates with the best
    bounds are scored to find a score the answer must reach, and only the candidates whose bound
    reaches it are scored, in their original order (so ties break as before) and only until no
    later bound can beat the answer so far.
    """

    #: Candidates scored first, by best bound, to learn the score the answer must reach.
    PROBE = 64

    def __init__(self, candidates: Sequence[str]) -> None:
        self._candidates = list(candidates)
        longest = max(map(len, self._candidates), default=0)
        # code points, one row per candidate, padded with 0 (numpy drops trailing U+0000 from
        # strings, so a query holding one takes the plain path)
        codes = (
            np.array(self._candidates, dtype=f"<U{max(longest, 1)}")
            .view(np.uint32)
            .reshape(len(self._candidates), max(longest, 1))
        )
        self._lengths = np.fromiter(
            map(len, self._candidates), dtype=np.int64, count=len(self._candidates)
        )
        self._counts: dict[str, npt.NDArray[np.int64]] = {
            chr(code): (codes == code).sum(axis=1, dtype=np.int64)
            for code in np.unique(codes).tolist()
            if code
        }

    def __len__(self) -> int:
        return len(self._candidates)

    def nearest(self, query: str, n: int = 3) -> list[str]:
        """``nearest(query, candidates, n)``."""
        candidates = self._candidates
        if not query or "\0" in query or n <= 0 or len(candidates) <= self.PROBE:
            return nearest(query, candidates, n)
        shared = np.zeros(len(candidates), dtype=np.int64)
        for letter, times in Counter(query).items():
            counts = self._counts.get(letter)
            if counts is not None:  # a letter no candidate has adds nothing
                shared += np.minimum(counts, times)
        bound = 200.0 * shared / (len(query) + self._lengths)
        probe = np.argpartition(-bound, self.PROBE - 1)[: self.PROBE]
        probed = self._top(query, sorted(probe.tolist()), n)
        if len(probed) < n:
            return nearest(query, candidates, n)
        # the n-th best score so far: no candidate bound below it can enter the answer
        kept = np.flatnonzero(bound >= probed[-1][1] - 1e-6)
        # in index order, so that a later candidate that only ties never displaces an earlier one
        rest_bound = np.maximum.accumulate(bound[kept][::-1])[::-1]
        best: list[tuple[int, float]] = []
        for start in range(0, len(kept), self.CHUNK):
            if len(best) == n and rest_bound[start] <= best[-1][1] + 1e-9:
                break
            chunk = kept[start : start + self.CHUNK].tolist()
            best = self._top(query, sorted({i for i, _ in best} | set(chunk)), n)
        return [candidates[i] for i, _ in best]

    #: Candidates scored at a time once the bound has pruned the rest.
    CHUNK = 1024

    def _top(self, query: str, indices: list[int], n: int) -> list[tuple[int, float]]:
        """The best ``n`` of the candidates at ``indices`` (ascending) as :func:`nearest` ranks
        them, as (index, score)."""
        found = process.extract(
            query, [self._candidates[i] for i in indices], scorer=fuzz.ratio, limit=n
        )
        return [(indices[position], score) for _, score, position in found]


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

    def __init__(self, entries: Iterable[tuple[K, str]]):
        self._keys: list[K] = []
        self._texts: list[str] = []
        postings: dict[str, array[int]] = {}
        for position, (key, text) in enumerate(entries):
            norm = normalize(text)
            self._keys.append(key)
            self._texts.append(f" {norm} ")
            for word in set(norm.split()):
                postings.setdefault(word, array("I")).append(position)
        self._postings = postings
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
        for position in heapq.merge(*(self._postings[a] for a in alts)):
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


class VersionedCache(Generic[K, V]):
    """Values built per key and fact-base version; a newer version rebuilds, old ones are dropped.

    ``version`` is the store's change counter (``FactStore.version``), bumped in the transaction
    of every write, so a cached index is never stale and never rebuilt per call.
    """

    def __init__(self, max_keys: int = 64):
        self._max_keys = max_keys
        self._entries: OrderedDict[K, tuple[Hashable, V]] = OrderedDict()

    def peek(self, key: K, version: Hashable) -> V | None:
        """The value cached for ``key`` at ``version``, or None."""
        cached = self._entries.get(key)
        if cached is None or cached[0] != version:
            return None
        self._entries.move_to_end(key)
        return cached[1]

    def get(self, key: K, version: Hashable, build: Callable[[], V]) -> V:
        cached = self._entries.get(key)
        if cached is not None and cached[0] == version:
            self._entries.move_to_end(key)
            return cached[1]
        value = build()
        self._entries[key] = (version, value)
        self._entries.move_to_end(key)
        while len(self._entries) > self._max_keys:
            self._entries.popitem(last=False)
        return value

    def clear(self) -> None:
        self._entries.clear()

