"""Extraction time grows linearly with the input, whatever its shape (bench/growth_bench.py
prints the figures).

Doubling the input from 64 KB to 128 KB may at most multiply the CPU time by 2.5 (linear work
doubles it, quadratic work quadruples it). Times are CPU seconds, a fast extraction repeated
and averaged; while the ratio is not clearly below the limit both sizes are timed again (up to
three runs each, the least kept), so that other work on a shared machine does not decide.
"""

from __future__ import annotations

import pytest

from tests.facts.growth import REALISTIC, SHAPES, growth

MAX_RATIO = 2.5


@pytest.mark.parametrize("shape", [*SHAPES, REALISTIC])
def test_doubling_the_input_at_most_doubles_the_time_plus_a_margin(shape: str) -> None:
    times = growth(shape, runs=3, settle=2.0)
    missing = [kb for kb in (16, 32, 64, 128) if times.get(kb) is None]
    assert not missing, f"{shape}: grew more than 4x per doubling before {missing[0]} KB: {times}"
    t64, t128 = times[64], times[128]
    assert t64 is not None and t128 is not None
    ratio = t128 / max(t64, 1e-3)
    assert ratio < MAX_RATIO, f"{shape}: 64 -> 128 KB took {t64:.3f} -> {t128:.3f} s (x{ratio:.2f})"
