"""Every document set scored at once: one line per set, for the README's table.

    .venv/bin/python -m tests.facts.score_sets [--details SET ...]

Sets: the seed, the development set, the held-out sets and the real passages (``../shared``;
skipped when absent), each scored by ``scoring.py`` with its rates optional where the set says
so. ``--details`` prints the full report (every error) of the sets named (``real``: the real
passages together).

A reserved set (``RESERVED``) waits for its one blind measurement: the summary leaves it out, and
it is scored only when named with ``--details``.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path

from bot.facts.documents import read_document
from bot.facts.extract import extract
from tests.facts.scoring import GoldDocument, TotalScore, format_report, load_gold, score_all

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "fixtures"
SHARED = REPO.parent / "shared"
SUBJECTS = ("North Korea", "Russia", "Ukraine")
HELDOUT = (
    "heldout", "heldout2", "heldout3", "heldout4", "heldout5", "heldout6", "heldout7", "heldout8",
    "heldout9",
)  # fmt: skip
# Held-out sets not yet measured: left out of the summary, scored only when named in --details.
RESERVED: tuple[str, ...] = ()
REAL = ("realdev", "realdev2")
# Sets whose rates are optional: a rate is neither required nor, found, counted as extra.
RATES_OPTIONAL = frozenset({"heldout6", "realdev2"})


def set_folder(name: str) -> Path:
    if name == "seed":
        return SHARED / "gold"
    if name in REAL:
        return SHARED / name
    return FIXTURES / name


def documents_of(name: str) -> list[tuple[Path, GoldDocument]]:
    """Every document of a set with its gold (empty when the set is not here)."""
    folder = set_folder(name)
    pairs = []
    for gold_path in sorted(folder.glob("*.gold.json")):
        gold = load_gold(gold_path)
        text_folder = REPO / "seeds" if name == "seed" else folder
        pairs.append((text_folder / gold.document, gold))
    return pairs


def score_set(name: str) -> TotalScore | None:
    pairs = documents_of(name)
    if not pairs:
        return None
    results = [
        (gold, extract(read_document(path), subjects=SUBJECTS).figures) for path, gold in pairs
    ]
    return score_all(results, rates_optional=name in RATES_OPTIONAL)


def score_together(names: Sequence[str]) -> TotalScore | None:
    """Several sets as one, each with its own rate convention."""
    scores = [score_set(name) for name in names]
    if any(score is None for score in scores):
        return None
    return TotalScore([d for score in scores if score is not None for d in score.documents])


def summary_line(name: str, score: TotalScore) -> str:
    gold = sum(s.gold_count for s in score.documents)
    return (
        f"| {name} | {len(score.documents)} | {gold} | {score.precision:.2f} | "
        f"{score.recall:.2f} | {score.claimant_accuracy:.2f} ({score.claimants_correct}/"
        f"{score.claimants_checked}) | {score.date_accuracy:.2f} ({score.dates_correct}/"
        f"{score.dates_checked}) | {score.dated}/{score.tp} |"
    )


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--details", nargs="*", default=[], help="sets to report in full")
    args = parser.parse_args(argv)
    print("| set | documents | gold | P | R | claimant | dates | dated |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for name in ("seed", "devset", *HELDOUT, *REAL):
        score = score_set(name)
        if score is not None:
            print(summary_line(name, score))
    together = score_together(REAL)
    if together is not None:
        print(summary_line("realdev + realdev2", together))
    for name in args.details:
        score = score_together(REAL) if name == "real" else score_set(name)
        if score is not None:
            print(f"\n== {name} ==\n{format_report(score)}")


if __name__ == "__main__":
    main()
