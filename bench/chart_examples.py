"""Writes the README's example charts, docs/casualties.png and docs/timeline.png, from seeds/.

    .venv/bin/python bench/chart_examples.py
"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from charts_bench import seed_facts  # noqa: E402  (bench/ is sys.path[0] when run)

from bot import charts  # noqa: E402
from bot.facts.model import Metric  # noqa: E402


def main() -> None:
    figures, events = asyncio.run(seed_facts())
    casualties = [f for f in figures if f.metric is not Metric.DEPLOYED]
    docs = ROOT / "docs"
    docs.mkdir(exist_ok=True)
    (docs / "casualties.png").write_bytes(
        charts.estimates_chart(casualties, title="Casualty figures")
    )
    (docs / "timeline.png").write_bytes(charts.timeline_chart(events, title="Timeline"))
    print("wrote docs/casualties.png and docs/timeline.png")


if __name__ == "__main__":
    main()
