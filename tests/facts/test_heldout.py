"""The held-out set: its gold files are valid, and the extractor's score on it is reported.

The documents in ``tests/fixtures/heldout`` were written without looking at the extractor's
rules, to estimate how it does on publishers it was not tuned on. The score is printed (shown
even without ``pytest -s``) but never gated: a threshold here would turn the set into a second
development set. Gold validation is shared with the development set's tests.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.facts.scoring import METRICS, TotalScore, format_report, load_gold_dir, score_all
from tests.facts.test_devset import problems_in

HELDOUT = Path(__file__).resolve().parents[1] / "fixtures" / "heldout"
GOLD_FILES = sorted(HELDOUT.glob("*.gold.json"))
SUBJECTS = ("North Korea", "Russia", "Ukraine")


@pytest.mark.parametrize("gold_path", GOLD_FILES, ids=lambda p: p.name)
def test_gold_file_is_valid(gold_path: Path) -> None:
    assert problems_in(gold_path) == []


def test_heldout_is_complete() -> None:
    documents = sorted(HELDOUT.glob("*.txt"))
    stems = {p.name.removesuffix(".gold.json") for p in GOLD_FILES}
    assert {p.stem for p in documents} == stems, "every document needs a gold file and back"
    assert len(documents) >= 12
    golds = [json.loads(p.read_text(encoding="utf-8")) for p in GOLD_FILES]
    figures = [f for g in golds for f in g["figures"]]
    assert len(figures) >= 50
    assert sum(len(g["distractors"]) for g in golds) >= 50
    assert {f["metric"] for f in figures} == METRICS
    assert {f["subject"] for f in figures} == set(SUBJECTS)
    readme = (HELDOUT / "README.md").read_text(encoding="utf-8")
    missing = [p.name for p in documents if p.name not in readme]
    assert missing == [], "README.md must describe every document"


@pytest.fixture(scope="module")
def heldout_score() -> TotalScore:
    from bot.facts.documents import read_document
    from bot.facts.extract import extract

    results = []
    for doc_path, gold in load_gold_dir(HELDOUT):
        extraction = extract(read_document(doc_path), subjects=SUBJECTS)
        results.append((gold, extraction.figures))
    return score_all(results)


def test_extractor_on_heldout(
    heldout_score: TotalScore, capsys: pytest.CaptureFixture[str]
) -> None:
    """Measures, does not gate: only checks that every document was scored."""
    report = format_report(heldout_score)
    with capsys.disabled():
        print(f"\n== held-out set ({HELDOUT.name}) ==\n{report}")
    scored = {score.document for score in heldout_score.documents}
    assert scored == {p.name.removesuffix(".gold.json") + ".txt" for p in GOLD_FILES}
    gold_total = sum(
        not f.get("vague", False)
        for p in GOLD_FILES
        for f in json.loads(p.read_text(encoding="utf-8"))["figures"]
    )
    assert heldout_score.tp + heldout_score.fn == gold_total
