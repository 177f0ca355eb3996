"""The held-out sets: their gold files are valid, and the extractor's score on each is reported.

The documents in ``tests/fixtures/heldout*`` were written without looking at the extractor's
rules or at the earlier sets, each set in publishing styles the others do not cover, to estimate
how the extractor does on publishers it was not tuned on. Each set was scored blind once (the
scores are in the sets' README files); rules were then added for what it exposed, so a set is
blind no longer after its first score. The score is printed (shown even without ``pytest -s``)
but never gated: a threshold would turn the sets into more development sets. Gold validation is
shared with the development set's tests.

Gold figures may mark a rate (``rate``: a daily or monthly rate, or a window such as "in the last
100 days") and a claimant taken from the document's own voice (``voice``). In the sets listed in
``RATES_OPTIONAL_SETS`` rates are optional, as in ``../shared/realdev2``: a rate found is neither
required nor counted as extra. The other sets score a rate like any figure.

The sets in ``RESERVED_SETS`` have not been scored yet: they wait for their one blind measurement,
so their gold files are validated and their completeness checked, but the scoring test skips them
(``python -m tests.facts.score_sets`` leaves them out too unless one is named with ``--details``).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.facts.score_sets import HELDOUT, RATES_OPTIONAL, RESERVED
from tests.facts.scoring import (
    METRICS,
    GoldDocument,
    TotalScore,
    format_report,
    load_gold,
    score_all,
)
from tests.facts.test_devset import problems_in

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
SETS = (
    "heldout", "heldout2", "heldout3", "heldout4", "heldout5", "heldout6", "heldout7", "heldout8",
    "heldout9",
)  # fmt: skip
# Sets written but not yet measured: validated, never scored here (see the module docstring).
RESERVED_SETS: tuple[str, ...] = ()
ALL_SETS = (*SETS, *RESERVED_SETS)
RESERVED_SKIP = pytest.mark.skip(reason="reserved for a blind measurement")
SUBJECTS = ("North Korea", "Russia", "Ukraine")
# What each set must hold at least: documents, required gold figures, distractors.
MINIMUM = {"heldout": (12, 50, 50), "heldout2": (12, 50, 60), "heldout3": (12, 50, 60),
           "heldout4": (12, 50, 60), "heldout5": (10, 45, 50), "heldout6": (12, 50, 60),
           "heldout7": (12, 50, 60), "heldout8": (13, 55, 65),
           "heldout9": (15, 100, 120)}
# Sets annotated with the optional "rate" and "voice" keys must use both; their rates do not count
# towards the minimum of figures, which is a minimum of cumulative totals.
RATE_AND_VOICE_SETS = ("heldout6", "heldout7", "heldout8", "heldout9")
# Sets whose rates are optional when scored, as in realdev2 (a rate found is neither required nor
# counted as extra); the other sets score a rate like any figure.
RATES_OPTIONAL_SETS = tuple(sorted(RATES_OPTIONAL & set(SETS)))
GOLD_FILES = [path for name in ALL_SETS for path in sorted((FIXTURES / name).glob("*.gold.json"))]


@pytest.mark.parametrize("gold_path", GOLD_FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_gold_file_is_valid(gold_path: Path) -> None:
    assert problems_in(gold_path) == []


@pytest.mark.parametrize("name", ALL_SETS)
def test_set_is_complete(name: str) -> None:
    folder = FIXTURES / name
    documents = sorted(folder.glob("*.txt"))
    gold_files = sorted(folder.glob("*.gold.json"))
    stems = {p.name.removesuffix(".gold.json") for p in gold_files}
    assert {p.stem for p in documents} == stems, "every document needs a gold file and back"
    least_documents, least_figures, least_distractors = MINIMUM[name]
    assert len(documents) >= least_documents
    golds = [json.loads(p.read_text(encoding="utf-8")) for p in gold_files]
    figures = [f for g in golds for f in g["figures"]]
    if name in RATE_AND_VOICE_SETS:
        assert any("rate" in f for f in figures), "the set marks no rate"
        assert any(f.get("voice") for f in figures), "the set marks no figure in its own voice"
        figures = [f for f in figures if "rate" not in f]
    assert len(figures) >= least_figures
    assert sum(len(g["distractors"]) for g in golds) >= least_distractors
    assert {f["metric"] for f in figures} == METRICS
    assert {f["subject"] for f in figures} == set(SUBJECTS)
    if name != "heldout":
        assert sum(g["published"] is not None for g in golds) >= 3
        assert sum(g["published"] is None for g in golds) >= 3
    readme = (folder / "README.md").read_text(encoding="utf-8")
    missing = [p.name for p in documents if p.name not in readme]
    assert missing == [], "README.md must describe every document"


@pytest.mark.parametrize("name", ALL_SETS[1:])
def test_set_documents_are_new(name: str) -> None:
    """No document repeats a development or earlier held-out document word for word."""
    earlier_sets = ("devset", *ALL_SETS[: ALL_SETS.index(name)])
    earlier = {
        p.read_text(encoding="utf-8").strip()
        for folder in earlier_sets
        for p in (FIXTURES / folder).glob("*.txt")
    }
    repeated = [
        p.name
        for p in (FIXTURES / name).glob("*.txt")
        if p.read_text(encoding="utf-8").strip() in earlier
    ]
    assert repeated == []


def is_optional(figure: dict[str, Any], name: str) -> bool:
    return bool(figure.get("vague")) or ("rate" in figure and name in RATES_OPTIONAL_SETS)


def load_set(name: str) -> list[tuple[Path, GoldDocument]]:
    """Every document of a set with its gold."""
    return [
        (path.with_name(gold.document), gold)
        for path in sorted((FIXTURES / name).glob("*.gold.json"))
        for gold in [load_gold(path)]
    ]


def _score(name: str) -> TotalScore:
    from bot.facts.documents import read_document
    from bot.facts.extract import extract

    results = []
    for doc_path, gold in load_set(name):
        extraction = extract(read_document(doc_path), subjects=SUBJECTS)
        results.append((gold, extraction.figures))
    return score_all(results, rates_optional=name in RATES_OPTIONAL_SETS)


def test_reserved_sets_are_left_out_of_the_summary() -> None:
    """``score_sets`` prints every set it knows; a reserved set must not be among them."""
    assert set(RESERVED) == set(RESERVED_SETS)
    assert set(RESERVED_SETS).isdisjoint(HELDOUT)
    assert set(SETS) <= set(HELDOUT)


@pytest.mark.parametrize(
    "name", [*SETS, *(pytest.param(n, marks=RESERVED_SKIP) for n in RESERVED_SETS)]
)
def test_extractor_on_set(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    """Measures, does not gate: only checks that every document and gold figure was scored."""
    score = _score(name)
    with capsys.disabled():
        print(f"\n== held-out set ({name}) ==\n{format_report(score)}")
    gold_files = sorted((FIXTURES / name).glob("*.gold.json"))
    scored = {s.document for s in score.documents}
    assert scored == {p.name.removesuffix(".gold.json") + ".txt" for p in gold_files}
    gold_total = sum(
        not is_optional(f, name)
        for p in gold_files
        for f in json.loads(p.read_text(encoding="utf-8"))["figures"]
    )
    assert score.tp + score.fn == gold_total
