"""The engine's vocabulary is sound data: no list repeats a word, no word sits in two lists that
contradict each other, every pattern compiles and every list and pattern is used.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

import bot.facts
from bot.facts import vocabulary
from bot.facts.claims.metrics import cue_metric
from bot.facts.vocabulary import (
    approximators,
    attribution_verbs,
    calendar,
    claimants,
    forces,
    metrics,
    not_counts,
    numbers,
    personnel,
    rates,
    speakers,
)
from bot.facts.vocabulary.build import words

ENGINE = Path(bot.facts.__file__).parent
# Other engineers' parts of bot/facts, with vocabulary of their own.
NOT_THE_ENGINE = ("store", "ingest.py", "match.py", "contradictions.py")


def _vocabulary_modules() -> list[ModuleType]:
    return [
        importlib.import_module(f"{vocabulary.__name__}.{info.name}")
        for info in pkgutil.iter_modules(vocabulary.__path__)
        if info.name != "build"
    ]


def _lists() -> list[tuple[str, Any]]:
    """(module.NAME, value) of every public list, set, tuple or table of the vocabulary."""
    found = []
    for module in _vocabulary_modules():
        for name, value in vars(module).items():
            if name.isupper() and isinstance(value, tuple | frozenset | dict | str):
                found.append((f"{module.__name__.rsplit('.', 1)[1]}.{name}", value))
    return found


def _engine_sources() -> dict[Path, str]:
    return {
        path: path.read_text("utf-8")
        for path in ENGINE.rglob("*.py")
        if not any(part in NOT_THE_ENGINE for part in path.relative_to(ENGINE).parts)
    }


# -- no duplicates ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "value"), _lists(), ids=[n for n, _ in _lists()])
def test_no_list_repeats_an_entry(name: str, value: Any) -> None:
    if isinstance(value, tuple):
        entries = [v if isinstance(v, str) else repr(v) for v in value]
        assert len(entries) == len(set(entries)), name
    if isinstance(value, dict):
        for key, entry in value.items():
            if isinstance(entry, tuple):
                assert len(entry) == len(set(entry)), f"{name}[{key!r}]"


def test_a_list_written_with_a_word_twice_is_refused() -> None:
    with pytest.raises(ValueError, match="soldiers"):
        words("troops soldiers men soldiers")


def test_no_alias_names_two_forces() -> None:
    owners: dict[str, str] = {}
    for force, aliases in forces.SUBJECT_ALIASES.items():
        for alias in aliases:
            assert alias not in owners, f"{alias!r}: {owners.get(alias)} and {force}"
            owners[alias] = force


def test_no_claimant_pattern_names_another_claimant() -> None:
    for canonical, patterns in claimants.CLAIMANT_PATTERNS.items():
        for other in claimants.CLAIMANT_PATTERNS:
            if other == canonical:
                continue
            for pattern in patterns:
                assert not re.search(pattern, other, re.IGNORECASE), (pattern, other)


# -- no contradictions ---------------------------------------------------------------------------

CONFLICTS = [
    ("personnel / non-combatants", personnel.PERSONNEL_NOUNS, personnel.NON_COMBATANT_NOUNS),
    ("casualty nouns / non-combatants", metrics.CASUALTY_NOUNS, personnel.NON_COMBATANT_NOUNS),
    ("bodies / persons", claimants.ORG_WORDS, claimants.PERSON_TITLES),
    ("questioners / answerers", speakers.QUESTIONER_LABELS, speakers.ANSWER_LABELS),
    ("at least / at most", approximators.AT_LEAST_BEFORE, approximators.AT_MOST_BEFORE),
    ("at least / about", approximators.AT_LEAST_BEFORE, approximators.ABOUT_BEFORE),
    ("at most / about", approximators.AT_MOST_BEFORE, approximators.ABOUT_BEFORE),
    ("after: at least / about", approximators.AT_LEAST_AFTER, approximators.ABOUT_AFTER),
    ("attributing / mention-only", attribution_verbs.ATTRIBUTION_VERBS,
     attribution_verbs.MENTION_ONLY_VERBS),
    ("released / sent", metrics.RELEASE_VERBS, metrics.SENDING_VERBS),
    ("months / weekdays", calendar.MONTH_NUMBERS, calendar.WEEKDAY_NUMBERS),
    ("label words / personnel", not_counts.LABEL_WORDS_BEFORE, personnel.PERSONNEL_NOUNS),
    ("denials / attributing", not_counts.DENIAL_VERBS, attribution_verbs.ATTRIBUTION_VERBS),
]  # fmt: skip


@pytest.mark.parametrize(("name", "first", "second"), CONFLICTS, ids=[c[0] for c in CONFLICTS])
def test_no_word_in_two_lists_that_contradict_each_other(name: str, first, second) -> None:
    assert not set(first) & set(second), f"{name}: {sorted(set(first) & set(second))}"


def test_casualty_nouns_name_the_metric_their_cue_names() -> None:
    for noun, metric in metrics.CASUALTY_NOUNS.items():
        cued = cue_metric(noun)
        assert cued in (None, metric), f"{noun!r}: noun says {metric}, cue says {cued}"


def test_every_month_and_weekday_is_numbered_once() -> None:
    assert sorted(set(calendar.MONTH_NUMBERS.values())) == list(range(1, 13))
    assert sorted(calendar.WEEKDAY_NUMBERS.values()) == list(range(7))


# -- patterns ------------------------------------------------------------------------------------

REGEX_LISTS = {
    "metrics.METRIC_CUES": [p for _, p in metrics.METRIC_CUES],
    "not_counts.AGE_WORDS": list(not_counts.AGE_WORDS),
    "rates.RATE_WORDS": list(rates.RATE_WORDS),
    "rates.RATE_COUNTED": list(rates.RATE_COUNTED),
    "calendar.COUNTED_AFTER_NUMBER": list(calendar.COUNTED_AFTER_NUMBER),
    "numbers.VAGUE_AMOUNTS": [p for p, _, _ in numbers.VAGUE_AMOUNTS],
    "claimants.CLAIMANT_PATTERNS": [
        p for patterns in claimants.CLAIMANT_PATTERNS.values() for p in patterns
    ],
}


@pytest.mark.parametrize("name", sorted(REGEX_LISTS))
def test_every_pattern_entry_compiles_and_matches_no_empty_text(name: str) -> None:
    for entry in REGEX_LISTS[name]:
        pattern = re.compile(entry, re.IGNORECASE)
        assert pattern.fullmatch("") is None, (name, entry)


def test_every_engine_module_imports_and_its_patterns_compile() -> None:
    for path in _engine_sources():
        module_name = ".".join(path.relative_to(ENGINE.parents[1]).with_suffix("").parts)
        module = importlib.import_module(module_name.removesuffix(".__init__"))
        for value in vars(module).values():
            if isinstance(value, re.Pattern):
                assert value.pattern


# -- every list and pattern is used ----------------------------------------------------------


def _uses(name: str, sources: dict[Path, str]) -> int:
    word = re.compile(rf"\b{re.escape(name)}\b")
    return sum(len(word.findall(text)) for text in sources.values())


def test_every_list_is_used_by_the_engine() -> None:
    sources = _engine_sources()
    unused = [
        qualified for qualified, _ in _lists()
        if _uses(qualified.rsplit(".", 1)[1], sources) < 2  # its definition, and a use
    ]  # fmt: skip
    assert not unused, f"listed but never used: {unused}"


_COMPILED_RE = re.compile(r"^(_?[A-Z][A-Z0-9_]*)\s*=\s*re\.compile\(", re.MULTILINE)


def test_every_compiled_pattern_is_used() -> None:
    sources = _engine_sources()
    unused = [
        f"{path.name}:{name}"
        for path, text in sources.items()
        for name in _COMPILED_RE.findall(text)
        if _uses(name, sources) < 2
    ]
    assert not unused, f"compiled but never used: {unused}"
