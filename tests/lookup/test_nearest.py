"""The closest ids to an unknown one: the pruned index answers as a scan of every id does."""

from __future__ import annotations

import random

import pytest

from bot.lookup.nearest import NearestIndex, nearest


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
    index = NearestIndex(ids)
    queries = [
        "", "a", "zzzz0000", "kursk", "zelensky killed in kursk region", "Ab", "é", "a\0b",
        ids[17], ids[17][:5], ids[4_000][::-1],
        *(short_id_like(rng, alphabet + "xyz09", rng.randint(1, 12)) for _ in range(60)),
        *(typo(rng, rng.choice(ids), alphabet) for _ in range(30)),
    ]
    for query in queries:
        for n in (1, 3, 10):
            assert index.nearest(query, n) == nearest(query, ids, n), (query, n)


def test_nearest_index_over_few_or_no_candidates():
    assert NearestIndex([]).nearest("abc") == []
    few = ["abcd2345", "zzzzzzzz", "abcq2345"]
    assert NearestIndex(few).nearest("abcd2346", 2) == nearest("abcd2346", few, 2)


def short_id_like(rng: random.Random, alphabet: str, length: int) -> str:
    return "".join(rng.choice(alphabet) for _ in range(length))


def typo(rng: random.Random, word: str, alphabet: str) -> str:
    at = rng.randrange(len(word))
    return word[:at] + rng.choice(alphabet) + word[at + 1 :]
