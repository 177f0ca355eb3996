"""Inputs whose extraction time must grow linearly with their size, and how to time them.

Used by ``test_growth.py`` and by ``bench/growth_bench.py``. Each shape is a unit repeated to the
wanted size: hostile text (one endless sentence of numbers, claimants, dates, brackets ...) that
made some rule read the whole sentence once per number, and realistic text (the documents of the
development set joined).
"""

from __future__ import annotations

import gc
import re
import signal
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from bot.facts.documents import parse_document
from bot.facts.extract import extract

DEVSET = Path(__file__).resolve().parents[1] / "fixtures" / "devset"
SIZES_KB = (16, 32, 64, 128)

# name -> the unit repeated; every one of these once cost time growing with the square of its
# length, or is a shape an attacker would try next.
SHAPES: dict[str, str] = {
    "dash-joined digits": "1-2-3-4-5-6-7-8-9-",
    "quoted claimant said": '"The NIS said ',
    "said": "said ",
    "the agency said": "the agency said 300 troops ",
    "according to": "according to the NIS ",
    "passive report": "put at 300 by ",
    "denials": "Moscow denied 300 ",
    "its": "its 300 ",
    "claims": "300 North Korean soldiers were killed and ",
    "forces and numbers": "300 North Korean Russian Ukrainian ",
    "number lists": "1,000, ",
    "spaced thousands": "1 000 ",
    "ranges": "between 1 and 2 ",
    "bracketed numbers": "(300) ",
    "quoted numbers": '"300" ',
    "brackets": "(x) ",
    "full dates": "June 5, 2024, ",
    "years": "2023 and 2024 ",
    "capitalised words": "The Big Red Fox Said ",
    "number words": "two three four ",
    "long digit run": "1234567890",
    "no punctuation": "soldiers were killed and ",
    "speaker labels": "NIS: ",
    "speaker lines": "MR. KIRBY: 300 soldiers.\n",
}
REALISTIC = "development set"

_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)


def realistic_unit() -> str:
    """The development set's documents, bodies only, joined by blank lines."""
    bodies = [
        _FRONT_MATTER.sub("", path.read_text("utf-8")).strip()
        for path in sorted(DEVSET.glob("*.txt"))
    ]
    return "\n\n".join(bodies) + "\n\n"


def shape_text(name: str, kilobytes: int) -> str:
    """``kilobytes`` KB (UTF-8) of the shape ``name`` (or of realistic text)."""
    unit = realistic_unit() if name == REALISTIC else SHAPES[name]
    size = kilobytes * 1024
    data = (unit * (size // len(unit.encode("utf-8")) + 1)).encode("utf-8")[:size]
    return data.decode("utf-8", errors="ignore")


def extraction_seconds(text: str, budget: float = 600.0, at_least: float = 0.05) -> float:
    """CPU seconds of this thread to parse and extract ``text`` (less disturbed by other work
    than wall time, and blind to other threads of the process),
    from a collected heap; a fast extraction is repeated until ``at_least`` seconds have passed,
    and averaged. Raises :class:`OverBudget` when one extraction takes over ``budget``."""
    data = text.encode("utf-8")
    runs = 0
    spent = 0.0
    gc.collect()  # the garbage of earlier measurements is not this one's to collect
    while spent < at_least:
        with cpu_budget(budget):
            start = time.thread_time()
            extract(parse_document(data, "growth.txt"))
            spent += time.thread_time() - start
        runs += 1
    return spent / runs


class OverBudget(Exception):
    """The timed work used more CPU time than it was allowed."""


@contextmanager
def cpu_budget(seconds: float) -> Iterator[None]:
    """Raise :class:`OverBudget` once the process has used ``seconds`` more CPU time.

    A quadratic extraction of 128 KB can take an hour; this stops it as soon as the growth is
    known to be too fast. Main thread only (it uses a profiling-timer signal).
    """

    def expired(signum: int, frame: object) -> None:
        raise OverBudget

    previous = signal.signal(signal.SIGPROF, expired)
    signal.setitimer(signal.ITIMER_PROF, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, previous)


def best_time(text: str, runs: int, budget: float) -> float | None:
    """The least CPU time of ``runs`` extractions of ``text``; None if one exceeds ``budget``
    twice in a row (a single overrun can be other work on a shared machine: the budget is
    counted in the whole process's CPU time)."""
    best = float("inf")
    for _ in range(runs):
        for attempt in (1, 2):
            try:
                best = min(best, extraction_seconds(text, budget))
                break
            except OverBudget:
                if attempt == 2:
                    return None
    return best


def growth(
    name: str,
    runs: int = 3,
    factor: float = 4.0,
    first_budget: float = 60.0,
    settle: float | None = None,
    report: Callable[[int, float | None], None] | None = None,
) -> dict[int, float | None]:
    """CPU seconds per size of ``SIZES_KB``, smallest first; the best of ``runs`` for the two
    largest sizes, one run for the others (they only guard against runaway growth).

    Each size may take ``factor`` times the previous size's time (at least 0.25 s; the first
    size ``first_budget``): a size that needs more is None and the larger ones are not tried.
    Linear growth doubles the time per doubling of the size, quadratic growth quadruples it.
    With ``settle``, the two largest sizes are timed again (up to ``runs`` times) only while
    their ratio is not below it: a quiet machine then needs one run of each.
    """
    times: dict[int, float | None] = {}
    budget = first_budget
    largest = SIZES_KB[-2:]
    for kilobytes in SIZES_KB:
        repeat = runs if kilobytes in largest and settle is None else 1
        seconds = best_time(shape_text(name, kilobytes), repeat, budget)
        times[kilobytes] = seconds
        if report is not None:
            report(kilobytes, seconds)
        if seconds is None:
            return times
        budget = max(0.25, factor * seconds)
    if settle is not None:
        _settle(name, times, runs - 1, settle)
    return times


def _settle(name: str, times: dict[int, float | None], retries: int, settle: float) -> None:
    """Time the two largest sizes again while their ratio is at or above ``settle``."""
    small, large = SIZES_KB[-2:]
    for _ in range(retries):
        t_small, t_large = times[small], times[large]
        assert t_small is not None and t_large is not None
        if t_large / t_small < settle:
            return
        for kilobytes in (small, large):
            again = best_time(shape_text(name, kilobytes), 1, 60.0)
            previous = times[kilobytes]
            if again is not None and previous is not None:
                times[kilobytes] = min(previous, again)
