"""Long documents for tests of time and load, made from the repository's seed: realistic news
text whose numbers vary from copy to copy, and a shape that makes extraction work hard."""

from __future__ import annotations

from pathlib import Path

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def realistic_text(size: int) -> str:
    """About ``size`` bytes of the seed's paragraphs, repeated with shifted numbers."""
    body = next(SEEDS.glob("*.txt")).read_text("utf-8").split("---\n")[-1]
    copies = []
    total = 0
    shift = 0
    while total < size:
        copy = body.replace("300", str(300 + shift)).replace("2,700", f"{2_700 + shift:,}")
        copies.append(copy)
        total += len(copy.encode("utf-8")) + 2
        shift += 1
    return "\n\n".join(copies)[:size]


def hard_text(size: int) -> str:
    """About ``size`` bytes of one long run of numbers joined by dashes: one sentence, every
    number a candidate range with every other."""
    return ("1-2-3-4-5-6-7-8-9-" * (size // 18 + 1))[:size]
