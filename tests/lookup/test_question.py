"""Reading a search: question words away, forces, metrics, claimants and numbers named."""

from __future__ import annotations

import pytest

from bot.facts.model import Metric
from bot.lookup.names import TYPED_SUBJECT_ALIASES
from bot.lookup.question import QueryReader, number_tag, number_tags
from bot.lookup.text_index import TextIndex

READER = QueryReader(("North Korea", "Russia", "Ukraine"), TYPED_SUBJECT_ALIASES)


@pytest.mark.parametrize(
    "question",
    [
        "how many north korean troops died",
        "How many North Korean soldiers lost their lives?",
        "how many DPRK soldiers were killed",
        "what is the number of dead north koreans",
        "скільки північнокорейських військових загинули",
        "북한군 사망자 몇 명",
    ],
)
def test_a_question_is_read_as_a_force_and_a_metric(question: str) -> None:
    reading = READER.read(question)
    assert reading.subjects == ("North Korea",)
    assert reading.metrics == (Metric.KILLED,)
    assert reading.words == () and reading.sources == () and reading.numbers == ()


def test_words_that_name_nothing_are_left_to_find_in_the_text() -> None:
    reading = READER.read("how many russians were captured in kursk")
    assert (reading.subjects, reading.metrics) == (("Russia",), (Metric.CAPTURED,))
    assert reading.words == ("kursk",)


@pytest.mark.parametrize(
    "typed",
    ["500,000", "500000", "500k", "500K", "half a million", "0.5 million", "500 thousand",
     "500 000"],
)
def test_every_form_of_a_number_is_the_same_number(typed: str) -> None:
    reading = READER.read(f"russian casualties {typed}")
    assert reading.numbers == (500_000,)
    assert reading.subjects == ("Russia",) and reading.metrics == (Metric.CASUALTIES,)
    assert number_tag(500_000) in number_tags(f"Analysts put the losses at {typed} in all.")


def test_a_year_and_a_small_spelled_number_stay_words() -> None:
    reading = READER.read("killed in 2024 one")
    assert reading.numbers == ()
    assert reading.words == ("2024", "one")


@pytest.mark.parametrize(
    ("typed", "claimant"),
    [
        ("NIS", "NIS"),
        ("national intelligence service", "NIS"),
        ("South Korea's National Intelligence Service", "NIS"),
        ("Pentagon", "Pentagon"),
        ("U.S. Department of Defense", "Pentagon"),
        ("Zelensky", "Volodymyr Zelenskyy"),
        ("Volodymyr Zelensky", "Volodymyr Zelenskyy"),
        ("Ukraine's president", "Volodymyr Zelenskyy"),
        ("spy agency", "NIS"),
    ],
)
def test_a_claimant_by_its_short_or_long_name(typed: str, claimant: str) -> None:
    reading = READER.read(f"what did {typed} say about north korean losses")
    assert reading.sources == (claimant,)
    assert reading.subjects == ("North Korea",), "the force that names a claimant is not asked"
    assert reading.metrics == (Metric.CASUALTIES,)


def test_a_leaders_name_in_a_search_is_the_leader_speaking() -> None:
    reading = READER.read("kim jong un")
    assert reading.sources == ("Kim Jong Un",) and reading.subjects == ()


def test_find_keeps_index_order_and_needs_one_tag_of_each_group() -> None:
    index = TextIndex(
        [("new", "killed near Kursk"), ("mid", "killed in Sudzha"), ("old", "killed near Kursk")],
        [{"§a", "§x"}, {"§a"}, {"§a", "§x"}],
    )
    assert index.find([], [["§a"]], 10) == ["new", "mid", "old"]
    assert index.find(["kursk"], [["§a"], ["§x", "§y"]], 10) == ["new", "old"]
    assert index.find(["kursk"], [["§a"]], 1) == ["new"]
    assert index.find([], [["§z"]], 10) == []
    assert "§a" not in index.vocabulary, "a tag is no word to complete"


def test_a_search_of_asking_words_alone_searches_them() -> None:
    reading = READER.read("report")
    assert reading.words == ("report",) and reading.typed == ("report",)
    reading = READER.read("the report said")
    assert reading.words == ("report", "said") and reading.typed == ("report", "said")
    assert READER.read("how many north koreans").words == ()


@pytest.mark.parametrize(
    ("question", "metric"),
    [
        ("how many troops did north korea send", Metric.DEPLOYED),
        ("how many north koreans were lost", Metric.CASUALTIES),
        ("how many north koreans did ukraine capture", Metric.CAPTURED),
    ],
)
def test_the_verb_of_a_question_is_its_metric(question: str, metric: Metric) -> None:
    reading = READER.read(question)
    assert reading.metrics == (metric,)
    assert "North Korea" in reading.subjects


def test_find_gives_the_same_entries_when_matches_are_too_sparse_to_scan_for() -> None:
    texts = [("kursk" if i % 97 == 0 else "sudzha") + f" killed w{i}" for i in range(1_000)]
    index = TextIndex([(i, text) for i, text in enumerate(texts)])
    scanned = index.find(["kursk", "killed"], [], 5)
    index.FIND_SCAN = 3
    assert index.find(["kursk", "killed"], [], 5) == scanned == [0, 97, 194, 291, 388]
    assert index.find(["kursk", "killed"], [], 100) == list(range(0, 1_000, 97))
