"""Extraction time against input size, for each hostile shape and for realistic text.

Run from the project root: ``python bench/growth_bench.py [--runs 3] [--shape NAME ...]``.
See bench/README.md for what is measured.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.facts.growth import REALISTIC, SHAPES, SIZES_KB, growth  # noqa: E402


def _cell(seconds: float | None) -> str:
    return "over budget" if seconds is None else f"{seconds:.3f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="best of this many runs per size")
    parser.add_argument(
        "--factor", type=float, default=4.0,
        help="a size may take this many times the previous size's time (default 4)",
    )
    parser.add_argument(
        "--first-budget", type=float, default=60.0,
        help="CPU seconds the smallest size may take (default 60)",
    )
    parser.add_argument("--shape", action="append", help="only these shapes (repeatable)")
    args = parser.parse_args()
    names = args.shape or [*SHAPES, REALISTIC]

    header = "".join(f"{kb:>12} KB" for kb in SIZES_KB)
    print(f"CPU seconds per extraction (best of {args.runs}); last column: 64 -> 128 KB ratio")
    print(f"{'shape':<24}{header}{'ratio':>10}")
    worst = 0.0
    for name in names:
        print(f"{name:<24}", end="", flush=True)

        def report(kilobytes: int, seconds: float | None) -> None:
            print(f"{_cell(seconds):>15}", end="", flush=True)

        times = growth(name, runs=args.runs, factor=args.factor,
                       first_budget=args.first_budget, report=report)
        t64, t128 = times.get(64), times.get(128)
        skipped = len(SIZES_KB) - len(times)
        print(f"{'':>15}" * skipped, end="")
        if t64 is not None and t128 is not None:
            ratio = t128 / max(t64, 1e-3)
            worst = max(worst, ratio)
            print(f"{ratio:>10.2f}")
        else:
            worst = float("inf")
            print(f"{'-':>10}")
    print(f"worst 64 -> 128 KB ratio: {worst:.2f} (the test allows at most 2.5)")


if __name__ == "__main__":
    main()
