"""The most recent figures of each subject and metric, for charts: one windowed query."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from bot.facts.model import Figure, Metric
from bot.facts.store.fact_store import FactStore
from bot.facts.store.visibility import SHOWN, figure_filters, seen_figure_from_row, seen_figures

GroupKey = tuple[str, Metric, bool]


@dataclass(frozen=True, slots=True)
class RecentFigures:
    """Up to ``per_group`` figures of each (subject, metric, additional) group, most recent
    first (undated ones last), and how many each group holds in all."""

    figures: list[Figure]
    totals: dict[GroupKey, int]


async def recent_figures(
    store: FactStore,
    guild_id: int | None,
    *,
    metrics: Iterable[Metric],
    subject: str | None = None,
    source: str | None = None,
    per_group: int = 40,
) -> RecentFigures:
    """Visible figures (overlay applied, hidden left out) of ``metrics``, filtered like
    :meth:`FactStore.figures`, the ``per_group`` most recent of each group."""
    params: dict[str, Any] = {"guild": guild_id, "per_group": per_group}
    filters = figure_filters(params, store.dialect, metrics=metrics, subject=subject, source=source)
    if filters is None:
        return RecentFigures([], {})
    where = [SHOWN, *filters]
    group = "PARTITION BY f.subject, f.metric, f.additional"
    rows = await store.read(
        "SELECT * FROM (SELECT f.*,"
        f" ROW_NUMBER() OVER ({group} ORDER BY f.date_start IS NULL, f.date_start DESC,"
        "  f.document, f.position) AS recency,"
        f" COUNT(*) OVER ({group}) AS group_total"
        f" FROM {seen_figures()} f WHERE {' AND '.join(where)}) ranked"
        " WHERE recency <= :per_group ORDER BY subject, metric, additional, recency",
        params,
    )
    figures: list[Figure] = []
    totals: dict[GroupKey, int] = {}
    for row in rows:
        figure = seen_figure_from_row(row)
        figures.append(figure)
        totals[(figure.subject, figure.metric, figure.additional)] = int(row["group_total"])
    return RecentFigures(figures, totals)
