"""Chart rendering time: the seed's charts and 1,000 figures, beside an empty-chart baseline.

    .venv/bin/python bench/charts_bench.py

Aims: a seed chart under 300 ms, a 1,000-figure chart under 2 s (drawing only; matplotlib's
import is paid once per process, measured separately).
"""

from __future__ import annotations

import asyncio
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.client import seed_extractor
from bot.config import Settings
from bot.facts.ingest import sync_folder
from bot.facts.model import (
    CASUALTY_METRICS,
    DateSpan,
    Event,
    Figure,
    Metric,
    Precision,
    Qualifier,
)
from bot.facts.store import FactStore

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
RUNS = 5


def timed(label: str, draw: Callable[[], bytes]) -> float:
    times = []
    size = 0
    for _ in range(RUNS):
        start = time.perf_counter()
        size = len(draw())
        times.append(time.perf_counter() - start)
    median = statistics.median(times)
    print(f"{label:<44} median {median * 1000:7.1f} ms  ({size / 1024:5.1f} KiB PNG)")
    return median


def synthetic_figures(count: int) -> list[Figure]:
    rng = random.Random(2025)
    qualifiers = list(Qualifier)
    metrics = [*CASUALTY_METRICS, Metric.DEPLOYED]
    figures = []
    for n in range(count):
        low = rng.randint(50, 15_000)
        qualifier = rng.choice(qualifiers)
        high = low + rng.randint(100, 3_000) if qualifier is Qualifier.RANGE else low
        day = date(2024, 1, 1) + timedelta(days=rng.randint(0, 500))
        when = DateSpan(day.isoformat(), day, day, Precision.DAY)
        figures.append(
            Figure(
                id=f"b{n:07d}", document="bench.txt", metric=metrics[n % len(metrics)],
                subject="North Korea", low=low, high=high, qualifier=qualifier,
                additional=False, source=f"Claimant {rng.randint(1, 30)}", date=when,
                quote="q", span=(0, 1),
            )
        )
    return figures


def synthetic_events(count: int) -> list[Event]:
    rng = random.Random(7)
    events = []
    for n in range(count):
        start = date(2023, 1, 1) + timedelta(days=rng.randint(0, 800))
        precision = rng.choice(list(Precision))
        end = start + timedelta(days={"day": 0, "month": 29, "year": 364}[precision.value])
        span = DateSpan("x", start, end, precision, inferred=rng.random() < 0.3)
        events.append(Event(f"e{n}", "bench.txt", span, f"event number {n}", "q", (0, 1)))
    return events


async def seed_facts() -> tuple[list[Figure], list[Event]]:
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "facts.sqlite3"
        store = await FactStore.open(db)
        try:
            await sync_folder(store, SEEDS, seed_extractor(Settings(db_path=db)))
            return await store.figures(None), await store.events(None)
        finally:
            await store.close()


def main() -> None:
    start = time.perf_counter()
    from bot import charts

    charts.empty_png()
    print(f"first chart, with matplotlib's import: {(time.perf_counter() - start) * 1000:.0f} ms")
    figures, events = asyncio.run(seed_facts())
    casualties = [f for f in figures if f.metric is not Metric.DEPLOYED]
    deployed = [f for f in figures if f.metric is Metric.DEPLOYED]
    many = synthetic_figures(1_000)
    timed("baseline: empty figure saved as PNG", charts.empty_png)
    timed(f"seed casualties ({len(casualties)} figures)",
          lambda: charts.estimates_chart(casualties, title="Casualty figures"))
    timed(f"seed deployments ({len(deployed)} figures)",
          lambda: charts.estimates_chart(deployed, title="Troop deployments"))
    timed(f"seed timeline ({len(events)} events)",
          lambda: charts.timeline_chart(events, title="Timeline"))
    timed("1,000 figures (6 metrics, limits applied)",
          lambda: charts.estimates_chart(many, title="Casualty figures"))
    timed("1,000 events (40 most recent drawn)",
          lambda: charts.timeline_chart(synthetic_events(1_000), title="Timeline"))


if __name__ == "__main__":
    main()
