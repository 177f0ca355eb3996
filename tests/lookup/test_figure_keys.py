"""The figure keys' position index gives what a scan of every key gives."""

from __future__ import annotations

import itertools

from bot.facts.model import CASUALTY_METRICS, Metric
from bot.lookup.figure_keys import FigureKeys, select_figures
from tests.test_listing import random_keys


def test_every_filter_selects_what_a_scan_selects_in_store_order():
    keys = random_keys(4000, 6)
    index = FigureKeys.build(keys)
    metric_sets = [None, (), tuple(CASUALTY_METRICS), (Metric.DEPLOYED,), (Metric.KILLED,) * 2]
    subjects = [None, "North Korea", "NORTH KOREA", "Russia", "nobody"]
    sources = [None, "NIS", "nis", "U.S.", "", "nobody"]
    for metrics, subject, source in itertools.product(metric_sets, subjects, sources):
        found = index.select(metrics=metrics, subject=subject, source=source)
        assert found == select_figures(keys, metrics=metrics, subject=subject, source=source)
    assert index.select(subject="north korea", source="nis")
