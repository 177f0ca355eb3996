"""The fourth held-out set: its gold files are valid, and the extractor's score on it is reported.

The documents in ``tests/fixtures/heldout4`` were written without looking at the extractor's rules
or at the earlier held-out sets, each imitating one publisher's house style (explainer, editorial,
ministry press release, translated bulletin and milblogger post, data story, written answer,
timeline, podcast transcript ...). As with the earlier sets, the score is printed but never gated.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.facts.scoring import METRICS, TotalScore, format_report, load_gold_dir, score_all
from tests.facts.test_devset import problems_in
from tests.facts.test_heldout import SUBJECTS

HELDOUT4 = Path(__file__).resolve().parents[1] / "fixtures" / "heldout4"
GOLD_FILES = sorted(HELDOUT4.glob("*.gold.json"))


@pytest.mark.parametrize("gold_path", GOLD_FILES, ids=lambda p: p.name)
def test_gold_file_is_valid(gold_path: Path) -> None:
    assert problems_in(gold_path) == []


def test_heldout4_is_complete() -> None:
    documents = sorted(HELDOUT4.glob("*.txt"))
    stems = {p.name.removesuffix(".gold.json") for p in GOLD_FILES}
    assert {p.stem for p in documents} == stems, "every document needs a gold file and back"
    assert len(documents) >= 12
    golds = [json.loads(p.read_text(encoding="utf-8")) for p in GOLD_FILES]
    figures = [f for g in golds for f in g["figures"]]
    assert len(figures) >= 50
    assert sum(len(g["distractors"]) for g in golds) >= 60
    assert {f["metric"] for f in figures} == METRICS
    assert {f["subject"] for f in figures} == set(SUBJECTS)
    assert sum(g["published"] is not None for g in golds) >= 3
    assert sum(g["published"] is None for g in golds) >= 3
    readme = (HELDOUT4 / "README.md").read_text(encoding="utf-8")
    missing = [p.name for p in documents if p.name not in readme]
    assert missing == [], "README.md must describe every document"


def test_heldout4_documents_are_new() -> None:
    """No document repeats a development or earlier held-out document word for word."""
    fixtures = HELDOUT4.parent
    earlier = {
        p.read_text(encoding="utf-8").strip()
        for folder in ("devset", "heldout", "heldout2", "heldout3")
        for p in (fixtures / folder).glob("*.txt")
    }
    repeated = [
        p.name for p in HELDOUT4.glob("*.txt") if p.read_text(encoding="utf-8").strip() in earlier
    ]
    assert repeated == []


@pytest.fixture(scope="module")
def heldout4_score() -> TotalScore:
    from bot.facts.documents import read_document
    from bot.facts.extract import extract

    results = []
    for doc_path, gold in load_gold_dir(HELDOUT4):
        extraction = extract(read_document(doc_path), subjects=SUBJECTS)
        results.append((gold, extraction.figures))
    return score_all(results)


def test_extractor_on_heldout4(
    heldout4_score: TotalScore, capsys: pytest.CaptureFixture[str]
) -> None:
    """Measures, does not gate: only checks that every document and gold figure was scored."""
    report = format_report(heldout4_score)
    with capsys.disabled():
        print(f"\n== held-out set ({HELDOUT4.name}) ==\n{report}")
    scored = {score.document for score in heldout4_score.documents}
    assert scored == {p.name.removesuffix(".gold.json") + ".txt" for p in GOLD_FILES}
    gold_total = sum(
        not f.get("vague", False)
        for p in GOLD_FILES
        for f in json.loads(p.read_text(encoding="utf-8"))["figures"]
    )
    assert heldout4_score.tp + heldout4_score.fn == gold_total
