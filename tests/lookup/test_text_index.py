"""Word search over many figures: typos, prefixes, metric synonyms, completions."""

from __future__ import annotations

import random
import string

from bot.lookup.text_index import TextIndex, vocabulary_completions


def test_text_index_matches_every_word_with_typos_prefixes_and_metric_synonyms():
    index = TextIndex(
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
    assert vocabulary_completions(index, "north kor")[0] == "north korea"


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
    index = TextIndex(entries)
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
    index = TextIndex(entries)
    order = [key for key, _ in entries]
    for query in ["kursk", "north korean troops", "dead sudzha", "kur", "treat", "zelensky wounded",
                  "the", "xyzzy", "kursk xyzzy", ""]:
        found = index.matching(query)
        assert set(found) == {h.key for h in index.search(query, limit=None, scan_cap=None)}
        assert found == sorted(found, key=order.index)
    assert index.matching("kursk") and not index.matching("kursk xyzzy")
