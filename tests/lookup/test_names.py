"""Resolving what users type to subjects, sources and metrics; autocomplete; "did you mean"."""

from __future__ import annotations

import random
import string

import pytest

from bot.facts.model import CASUALTY_METRICS, Metric
from bot.lookup import names as name_match
from bot.lookup.nearest import nearest

SUBJECTS = ["North Korea", "Russia", "Ukraine"]
SOURCES = ["NIS", "Volodymyr Zelenskyy", "U.S. assessments", "JoongAng Ilbo"]


@pytest.mark.parametrize(
    ("typed", "subject"),
    [
        ("N. Korea", "North Korea"),
        ("dprk", "North Korea"),
        ("north korean", "North Korea"),
        ("pyongyang", "North Korea"),
        ("kyiv", "Ukraine"),
        ("ukrainian", "Ukraine"),
        ("ukranian", "Ukraine"),
        ("moscow", "Russia"),
        ("russian", "Russia"),
        ("RUSSIA", "Russia"),
    ],
)
def test_subjects_resolve_from_aliases_and_typos(typed, subject):
    assert name_match.resolve_subject(typed, SUBJECTS) == subject


@pytest.mark.parametrize(
    ("typed", "source"),
    [
        ("zelensky", "Volodymyr Zelenskyy"),
        ("zelenski", "Volodymyr Zelenskyy"),
        ("spy agency", "NIS"),
        ("nis", "NIS"),
        ("south korean intelligence", "NIS"),
        ("National Intelligence Service", "NIS"),
        ("joongang", "JoongAng Ilbo"),
    ],
)
def test_sources_resolve(typed, source):
    assert name_match.resolve_source(typed, SOURCES) == source


@pytest.mark.parametrize(
    ("typed", "metric"),
    [
        ("dead", Metric.KILLED),
        ("deaths", Metric.KILLED),
        ("injured", Metric.WOUNDED),
        ("pows", Metric.CAPTURED),
        ("losses", Metric.CASUALTIES),
        ("missing", Metric.MISSING),
        ("troops", Metric.DEPLOYED),
    ],
)
def test_metrics_resolve_from_everyday_words(typed, metric):
    assert name_match.resolve_metric(typed) is metric


def test_a_metric_outside_the_allowed_ones_does_not_resolve():
    assert name_match.resolve_metric("troops", CASUALTY_METRICS) is None


@pytest.mark.parametrize("nonsense", ["xyzzy", "asdfgh", "qq", "zz top", "bananas", ""])
def test_nonsense_matches_nothing(nonsense):
    assert name_match.resolve_subject(nonsense, SUBJECTS) is None
    assert name_match.resolve_source(nonsense, SOURCES) is None
    assert name_match.resolve_metric(nonsense) is None


def test_store_aliases_extend_the_tables():
    extra = name_match.group_aliases({"Kim's army": "North Korea"})
    aliases = name_match.merge_aliases(name_match.TYPED_SUBJECT_ALIASES, extra)
    assert name_match.resolve_subject("kim's army", SUBJECTS, aliases) == "North Korea"
    assert name_match.resolve_subject("kim's army", SUBJECTS) is None


def test_autocomplete_ranks_prefixes_and_aliases_and_respects_the_limit():
    assert name_match.autocomplete("", SUBJECTS) == SUBJECTS
    assert name_match.autocomplete("rus", SUBJECTS)[0] == "Russia"
    typed = name_match.TYPED_SUBJECT_ALIASES
    assert name_match.autocomplete("dprk", SUBJECTS, aliases=typed) == ["North Korea"]
    many = [f"Claimant {i}" for i in range(100)]
    assert len(name_match.autocomplete("claimant", many)) == 25
    assert name_match.autocomplete("xyzzy", SUBJECTS) == []


def test_closest_offers_near_names_for_an_empty_result():
    assert name_match.closest("koreaa", SUBJECTS)[0] == "North Korea"
    assert name_match.closest("xyzzy", SUBJECTS) == []
    assert nearest("abcd2346", ["abcd2345", "zzzzzzzz", "abcq2345"], n=2)[0] == "abcd2345"


def test_name_matcher_resolves_sources_as_resolve_source_does():
    rng = random.Random(9)
    syllables = ["ko", "va", "len", "shev", "chen", "ria", "min", "is", "try", "zel", "sky"]
    words = ["".join(rng.choices(syllables, k=3)).title() for _ in range(1200)]
    names = sorted({f"{a} {b}" for a, b in zip(words[::2], words[1::2], strict=True)})
    names += ["NIS", "Volodymyr Zelenskyy", "U.S.", "ISW", "Pentagon", "Ministry of Defence"]
    matcher = name_match.NameMatcher(names, name_match.TYPED_SOURCE_ALIASES)
    queries = ["zelensky", "spy agency", "isw", "pentagon", "the kremlin", "u.s.", "us", "nis",
               "ministry of defence", "xyzzy", "", words[5].lower(), names[3].lower()[:-1]]
    resolved = [matcher.resolve_source(q) for q in queries]
    typed = name_match.TYPED_SOURCE_ALIASES
    assert resolved == [name_match.resolve_source(q, names, typed) for q in queries]
    assert resolved[:4] == ["Volodymyr Zelenskyy", "NIS", "ISW", "Pentagon"]
    assert resolved[9] is None


def test_prepared_closest_matches_the_function_on_many_names() -> None:
    rng = random.Random(11)
    words = ["".join(rng.choices(string.ascii_lowercase, k=rng.randint(3, 9))) for _ in range(400)]
    names = [" ".join(rng.choices(words, k=rng.randint(1, 4))).title() for _ in range(1500)]
    names += ["Volodymyr Zelenskyy", "NIS", "Pentagon", "JoongAng Ilbo"]
    aliases = {"NIS": ("National Intelligence Service", "spy agency")}
    matcher = name_match.NameMatcher(names, aliases)
    queries = ["zelensky", "the kremlin", "spy agncy", "pentagn", "xq", *rng.sample(words, 20)]
    for query in queries:
        assert matcher.closest(query) == name_match.closest(query, names, aliases=aliases), query
