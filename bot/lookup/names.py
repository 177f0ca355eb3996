"""Resolve the names users type (subject, source, metric) to what the fact base holds, and rank
autocomplete suggestions for them.

Pure: no discord, no I/O. Resolution is precision-first: an alias or a close fuzzy match
resolves, anything below the score cut-off resolves to nothing, so a nonsense query never
silently turns into a real subject.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

from rapidfuzz import fuzz, process

from bot.facts import aliases as text_aliases
from bot.facts.model import Metric

#: Below this score (0-100) a fuzzy match is no match.
RESOLVE_CUTOFF = 86.0
AUTOCOMPLETE_CUTOFF = 60.0
CLOSEST_CUTOFF = 65.0
#: Queries this short only match exactly or as a word prefix; fuzzy scores on two letters are noise.
MIN_FUZZY_LENGTH = 4

#: What users type for a force beyond the names documents use (those are in bot.facts.aliases),
#: in English, Ukrainian and Korean (the bot answers in those; see bot/i18n/).
_TYPED_ONLY_SUBJECT_ALIASES: Mapping[str, tuple[str, ...]] = {
    "North Korea": (
        "n korea", "n korean", "north koreans", "nk", "dprk", "north korean",
        "північна корея", "кндр", "північнокорейські", "північнокорейці", "північ корея",
        "північнокорейців", "північнокорейських", "північної кореї",
        "북한", "조선", "북한군", "조선민주주의인민공화국",
    ),
    "South Korea": (
        "s korea", "republic of korea", "rok", "південна корея", "республіка корея",
        "한국", "남한", "대한민국",
    ),
    "Russia": ("росія", "рф", "російські", "러시아", "러시아군"),
    "Ukraine": ("україна", "українські", "зсу", "우크라이나", "우크라이나군"),
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


#: Canonical force -> every name users may type for it, its leader's too ("kim": North Korea).
TYPED_SUBJECT_ALIASES: Mapping[str, tuple[str, ...]] = merge_aliases(
    text_aliases.SUBJECT_ALIASES, _TYPED_ONLY_SUBJECT_ALIASES, text_aliases.LEADERS
)

#: Canonical source (claimant) -> what users type for it (the patterns documents use are in
#: bot.facts.aliases and are tried first, see :func:`resolve_source`).
TYPED_SOURCE_ALIASES: Mapping[str, tuple[str, ...]] = {
    "NIS": (
        "national intelligence service", "spy agency", "south korean intelligence",
        "south korea's spy agency", "seoul's spy agency", "south korean spy agency",
        "korean intelligence", "nis",
    ),
    "Volodymyr Zelenskyy": (
        "zelensky", "zelenskyy", "zelenskiy", "zelenski", "volodymyr zelensky",
        "ukrainian president", "president of ukraine", "ukraine's president",
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

#: Metric -> the everyday words users type for it.
METRIC_ALIASES: Mapping[Metric, tuple[str, ...]] = {
    Metric.DEPLOYED: (
        "deployed", "deployment", "deployments", "sent", "troops", "soldiers", "dispatched",
        "send", "sending", "deploy", "dispatch",
        "stationed", "arrived", "розгорнуті", "розгортання", "війська", "파병", "병력",
    ),
    Metric.KILLED: (
        "killed", "dead", "deaths", "death", "died", "kia", "fatalities", "death toll",
        "killed in action", "lost their lives", "lost his life", "lost lives", "perished",
        "slain", "die", "загиблі", "вбиті", "загинули", "사망", "사망자", "전사",
    ),
    Metric.WOUNDED: (
        "wounded", "injured", "injuries", "hurt", "wia", "поранені", "поранення", "부상",
        "부상자",
    ),
    Metric.CASUALTIES: (
        "casualties", "losses", "loss", "lost", "killed or wounded", "killed and wounded",
        "total losses",
        "втрати", "загиблі та поранені", "사상자", "손실",
    ),
    Metric.CAPTURED: (
        "captured", "prisoners", "prisoner", "pows", "pow", "prisoners of war", "taken prisoner",
        "capture",
        "полонені", "полон", "포로",
    ),
    Metric.MISSING: (
        "missing", "mia", "missing in action", "unaccounted for", "зниклі безвісти", "зниклі",
        "실종", "실종자",
    ),
}

_NON_WORD = re.compile(r"[^\w']+")


def normalize(text: str) -> str:
    """Case-folded words joined by single spaces: ``"N. Korea!"`` -> ``"n korea"``."""
    words = _NON_WORD.split(text.casefold().replace("'s ", " ").replace("’", "'"))
    return " ".join(w.strip("'") for w in words if w.strip("'"))


#: The leaders' names as typed (normalised): a force when a force is asked for, a claimant in
#: words searched.
LEADER_NAMES = frozenset(
    normalize(name) for names in text_aliases.LEADERS.values() for name in names
)


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
    aliases: Mapping[str, Iterable[str]] = TYPED_SUBJECT_ALIASES,
) -> str | None:
    return resolve(query, subjects, aliases)


def resolve_source(
    query: str,
    sources: Iterable[str],
    aliases: Mapping[str, Iterable[str]] = TYPED_SOURCE_ALIASES,
) -> str | None:
    """The source meant; the extractor's own claimant patterns are tried before fuzzy names."""
    sources = list(sources)
    named = text_aliases.canonical_claimant(query)
    if named is not None:
        for candidate in sources:
            if normalize(candidate) == normalize(named):
                return candidate
    return resolve(query, sources, aliases)


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
    """:func:`autocomplete` over a fixed list of many names (thousands of sources), prepared
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

    def resolve_source(self, query: str) -> str | None:
        """What :func:`resolve_source` gives for these candidates and aliases."""
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

