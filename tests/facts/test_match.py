"""Resolving what users type, autocomplete, and word search over many figures."""

from __future__ import annotations

import random
import string

import pytest

from bot.facts import match
from bot.facts.model import CASUALTY_METRICS, Metric

SUBJECTS = ["North Korea", "Russia", "Ukraine"]
CLAIMANTS = ["NIS", "Volodymyr Zelenskyy", "U.S. assessments", "JoongAng Ilbo"]


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
    assert match.resolve_subject(typed, SUBJECTS) == subject


@pytest.mark.parametrize(
    ("typed", "claimant"),
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
def test_claimants_resolve(typed, claimant):
    assert match.resolve_claimant(typed, CLAIMANTS) == claimant


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
    assert match.resolve_metric(typed) is metric


def test_a_metric_outside_the_allowed_ones_does_not_resolve():
    assert match.resolve_metric("troops", CASUALTY_METRICS) is None


@pytest.mark.parametrize("nonsense", ["xyzzy", "asdfgh", "qq", "zz top", "bananas", ""])
def test_nonsense_matches_nothing(nonsense):
    assert match.resolve_subject(nonsense, SUBJECTS) is None
    assert match.resolve_claimant(nonsense, CLAIMANTS) is None
    assert match.resolve_metric(nonsense) is None


def test_store_aliases_extend_the_tables():
    extra = match.group_aliases({"Kim's army": "North Korea"})
    aliases = match.merge_aliases(match.SUBJECT_ALIASES, extra)
    assert match.resolve_subject("kim's army", SUBJECTS, aliases) == "North Korea"
    assert match.resolve_subject("kim's army", SUBJECTS) is None


def test_autocomplete_ranks_prefixes_and_aliases_and_respects_the_limit():
    assert match.autocomplete("", SUBJECTS) == SUBJECTS
    assert match.autocomplete("rus", SUBJECTS)[0] == "Russia"
    assert match.autocomplete("dprk", SUBJECTS, aliases=match.SUBJECT_ALIASES) == ["North Korea"]
    many = [f"Claimant {i}" for i in range(100)]
    assert len(match.autocomplete("claimant", many)) == 25
    assert match.autocomplete("xyzzy", SUBJECTS) == []


def test_closest_offers_near_names_for_an_empty_result():
    assert match.closest("koreaa", SUBJECTS)[0] == "North Korea"
    assert match.closest("xyzzy", SUBJECTS) == []
    assert match.nearest("abcd2346", ["abcd2345", "zzzzzzzz", "abcq2345"], n=2)[0] == "abcd2345"


def test_text_index_matches_every_word_with_typos_prefixes_and_metric_synonyms():
    index = match.TextIndex(
        [
            ("a", "North Korea killed NIS at least 300 soldiers had been killed"),
            ("b", "North Korea casualties Volodymyr Zelenskyy placed killed or wounded at 4,000"),
            ("c", "Russia deployed troops to Kursk"),
        ]
    )
    assert [h.key for h in index.search("zelensky wounded")] == ["b"]
    assert {h.key for h in index.search("dead")} == {"a", "b"}  # "dead" finds "killed"
    assert [h.key for h in index.search("kurks")] == ["c"]  # one transposition
    assert [h.key for h in index.search("Kur")] == ["c"]  # a word being typed
    assert index.search("xyzzy") == []
    assert index.search("kursk zelensky") == []
    assert match.vocabulary_completions(index, "north kor")[0] == "north korea"


def test_versioned_cache_rebuilds_only_for_a_new_version():
    cache: match.VersionedCache[int, list[int]] = match.VersionedCache(max_keys=2)
    builds = []

    def build() -> list[int]:
        builds.append(1)
        return [len(builds)]

    assert cache.get(1, "v1", build) == [1]
    assert cache.get(1, "v1", build) == [1]
    assert cache.get(1, "v2", build) == [2]
    assert cache.peek(1, "v1") is None
    cache.get(2, "v1", build)
    cache.get(3, "v1", build)  # evicts key 1, the least recently used
    assert cache.peek(1, "v2") is None
    assert len(builds) == 4


def test_search_over_many_figures_finds_what_was_typed():
    """20,000 generated figures; the timings live in bench/commands_bench.py."""
    rng = random.Random(7)
    common = ("north korean soldiers killed wounded russia kursk troops deployed intelligence "
              "agency president zelenskyy estimate additional injured captured").split()
    rare = ["".join(rng.choices(string.ascii_lowercase, k=rng.randint(4, 10))) for _ in range(5000)]

    def sentence() -> str:
        return " ".join(
            rng.choice(common) if rng.random() < 0.7 else rng.choice(rare)
            for _ in range(rng.randint(8, 30))
        )

    entries = [(f"id{i}", f"{rng.randint(1, 9999)} {sentence()}") for i in range(20000)]
    index = match.TextIndex(entries)
    texts = dict(entries)
    hits = index.search(rare[3])
    assert hits and all(rare[3] in texts[hit.key] for hit in hits[:5])
    assert index.search("kursk")


def test_matching_finds_what_an_uncapped_search_finds_in_index_order():
    rng = random.Random(11)
    words = ("north korean soldiers killed wounded russia kursk troops deployed treaty sudzha "
             "zelenskyy dead injured captured the of").split()
    entries = [(f"e{i:04d}", " ".join(rng.choices(words, k=rng.randint(3, 12))))
               for i in range(3000)]
    index = match.TextIndex(entries)
    order = [key for key, _ in entries]
    for query in ["kursk", "north korean troops", "dead sudzha", "kur", "treat", "zelensky wounded",
                  "the", "xyzzy", "kursk xyzzy", ""]:
        found = index.matching(query)
        assert set(found) == {h.key for h in index.search(query, limit=None, scan_cap=None)}
        assert found == sorted(found, key=order.index)
    assert index.matching("kursk") and not index.matching("kursk xyzzy")


def test_name_matcher_resolves_claimants_as_resolve_claimant_does():
    rng = random.Random(9)
    syllables = ["ko", "va", "len", "shev", "chen", "ria", "min", "is", "try", "zel", "sky"]
    words = ["".join(rng.choices(syllables, k=3)).title() for _ in range(1200)]
    names = sorted({f"{a} {b}" for a, b in zip(words[::2], words[1::2], strict=True)})
    names += ["NIS", "Volodymyr Zelenskyy", "U.S.", "ISW", "Pentagon", "Ministry of Defence"]
    matcher = match.NameMatcher(names, match.CLAIMANT_ALIASES)
    queries = ["zelensky", "spy agency", "isw", "pentagon", "the kremlin", "u.s.", "us", "nis",
               "ministry of defence", "xyzzy", "", words[5].lower(), names[3].lower()[:-1]]
    resolved = [matcher.resolve_claimant(q) for q in queries]
    assert resolved == [match.resolve_claimant(q, names, match.CLAIMANT_ALIASES) for q in queries]
    assert resolved[:4] == ["Volodymyr Zelenskyy", "NIS", "ISW", "Pentagon"]
    assert resolved[9] is None


def test_prepared_closest_matches_the_function_on_many_names() -> None:
    rng = random.Random(11)
    words = ["".join(rng.choices(string.ascii_lowercase, k=rng.randint(3, 9))) for _ in range(400)]
    names = [" ".join(rng.choices(words, k=rng.randint(1, 4))).title() for _ in range(1500)]
    names += ["Volodymyr Zelenskyy", "NIS", "Pentagon", "JoongAng Ilbo"]
    aliases = {"NIS": ("National Intelligence Service", "spy agency")}
    matcher = match.NameMatcher(names, aliases)
    queries = ["zelensky", "the kremlin", "spy agncy", "pentagn", "xq", *rng.sample(words, 20)]
    for query in queries:
        assert matcher.closest(query) == match.closest(query, names, aliases=aliases), query


@pytest.mark.parametrize("alphabet", ["abcdefghijklmnopqrstuvwxyz234567", "abc"])
def test_nearest_index_answers_as_nearest_over_every_candidate(alphabet: str):
    """The pruned search gives the plain one's answer, order and ties included: ids of the
    real shape (8 base32 letters), and ids of three letters and mixed lengths, where thousands
    of candidates tie and the tie-break by original order decides."""
    rng = random.Random(alphabet)
    ids = sorted(
        short_id_like(rng, alphabet, 8 if len(alphabet) > 3 else rng.randint(1, 10))
        for _ in range(5_000)
    )
    index = match.NearestIndex(ids)
    queries = [
        "", "a", "zzzz0000", "kursk", "zelensky killed in kursk region", "Ab", "é", "a\0b",
        ids[17], ids[17][:5], ids[4_000][::-1],
        *(short_id_like(rng, alphabet + "xyz09", rng.randint(1, 12)) for _ in range(60)),
        *(typo(rng, rng.choice(ids), alphabet) for _ in range(30)),
    ]
    for query in queries:
        for n in (1, 3, 10):
            assert index.nearest(query, n) == match.nearest(query, ids, n), (query, n)


def test_nearest_index_over_few_or_no_candidates():
    assert match.NearestIndex([]).nearest("abc") == []
    few = ["abcd2345", "zzzzzzzz", "abcq2345"]
    assert match.NearestIndex(few).nearest("abcd2346", 2) == match.nearest("abcd2346", few, 2)


def short_id_like(rng: random.Random, alphabet: str, length: int) -> str:
    return "".join(rng.choice(alphabet) for _ in range(length))


def typo(rng: random.Random, word: str, alphabet: str) -> str:
    at = rng.randrange(len(word))
    return word[:at] + rng.choice(alphabet) + word[at + 1 :]
