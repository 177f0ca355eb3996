"""The extractor on real passages nobody on the project wrote (``../shared/realdev`` and
``../shared/realdev2``), skipped with a reason where the shared folder is absent.

Their gold differs slightly from the dev set's (``passage``; ``source`` one string or a list of
aliases; ``date`` is the text of the temporal expression); the scorer reads both. Vague entries
count neither way, nor do realdev2's rates (its README makes them optional). Nothing here may be
tuned to these passages: the extractor is finally judged on other real documents.
"""

from __future__ import annotations

import pytest

from tests.facts.score_sets import REAL, score_set, score_together, set_folder
from tests.facts.scoring import TotalScore, format_report

# The bar on the two sets together: figures found (any claimant), and the claimant right on the
# matched figures whose gold names one.
MIN_PRECISION = 0.95
MIN_RECALL = 0.90
MIN_CLAIMANT = 0.90


def _require(name: str) -> None:
    folder = set_folder(name)
    if not folder.is_dir() or not any(folder.glob("*.gold.json")):
        pytest.skip(f"real passages not found at {folder} (the shared folder sits beside the repo)")


@pytest.mark.parametrize("name", REAL)
def test_extractor_on_each_set_of_real_passages(
    name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """Reported, with every error; the bar is on the two sets together."""
    _require(name)
    score = score_set(name)
    assert isinstance(score, TotalScore)
    with capsys.disabled():
        print(f"\n== real passages ({name}) ==\n{format_report(score)}")
    assert {s.document for s in score.documents} == {
        p.name.removesuffix(".gold.json") + ".txt" for p in set_folder(name).glob("*.gold.json")
    }


def test_extractor_on_the_real_passages_together(capsys: pytest.CaptureFixture[str]) -> None:
    for name in REAL:
        _require(name)
    score = score_together(REAL)
    assert isinstance(score, TotalScore)
    report = format_report(score, details=False)
    with capsys.disabled():
        print(f"\n== real passages ({' + '.join(REAL)}) ==\n{report}")
    details = format_report(score)
    assert score.precision >= MIN_PRECISION, details
    assert score.recall >= MIN_RECALL, details
    assert score.claimant_accuracy >= MIN_CLAIMANT, details
