"""The closest strings to one that matches none (an unknown figure id), however far they are."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt
from rapidfuzz import fuzz, process


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

