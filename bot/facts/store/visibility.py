"""What one server may see, as SQL: the shared documents plus its own, with its overlay applied.

Every query of the store that answers for a guild builds on these pieces; they bind the guild as
``:guild``. An overlay is what one guild's moderators decided about one figure (hidden,
verified, corrected fields), keyed by (guild id, figure id); only that guild's queries apply it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Awaitable, Callable, Iterable
from typing import Any

from bot.facts.model import Figure, Metric, Status
from bot.facts.store.dialect import Dialect, Row
from bot.facts.store.rows import PERIOD_COLUMNS, figure_from_row

#: Documents (alias ``d``) the guild ``:guild`` sees: the shared ones and its own.
VISIBLE = "(d.guild_id IS NULL OR d.guild_id = :guild)"
#: Rows of :func:`seen_figures` that are not hidden in the guild.
SHOWN = "f.status != 'hidden'"
FIGURE_ORDER = (
    " ORDER BY f.subject, f.metric, f.date_start IS NULL, f.date_start, f.low, f.document,"
    " f.position"
)

Fetch = Callable[[str, dict[str, Any]], Awaitable[list[Row]]]

_CORRECTED = (
    "(o.metric IS NOT NULL OR o.low IS NOT NULL OR o.high IS NOT NULL OR o.qualifier IS NOT NULL"
    " OR o.subject IS NOT NULL OR o.source_set = 1 OR o.date_set = 1 OR o.period_set = 1)"
)
_STATUS = (
    "CASE WHEN o.hidden = 1 THEN 'hidden'"
    f" WHEN {_CORRECTED} THEN 'corrected'"
    " WHEN o.verified = 1 THEN 'verified' ELSE 'auto' END"
)
_DATE_COLUMNS = ("date_text", "date_start", "date_end", "date_precision", "date_inferred")

_SEEN_COLUMNS = ", ".join(
    [
        "f.id",
        "f.document",
        "f.position",
        "COALESCE(o.metric, f.metric) AS metric",
        "COALESCE(o.subject, f.subject) AS subject",
        "COALESCE(o.low, f.low) AS low",
        "COALESCE(o.high, f.high) AS high",
        "COALESCE(o.qualifier, f.qualifier) AS qualifier",
        "f.additional",
        "CASE WHEN o.source_set = 1 THEN o.source ELSE f.source END AS source",
        *(f"CASE WHEN o.date_set = 1 THEN o.{c} ELSE f.{c} END AS {c}" for c in _DATE_COLUMNS),
        "f.quote",
        "f.span_start",
        "f.span_end",
        *(f"CASE WHEN o.period_set = 1 THEN o.{c} ELSE f.{c} END AS {c}" for c in PERIOD_COLUMNS),
        # A corrected claimant keeps the way it was found; one a moderator adds is cited.
        "CASE WHEN o.source_set = 1 THEN CASE WHEN o.source IS NULL THEN NULL"
        " ELSE COALESCE(f.voice, 'cited') END ELSE f.voice END AS voice",
        f"{_STATUS} AS status",
    ]
)


def seen_figures(*, all_guilds: bool = False) -> str:
    """A subquery (use as ``FROM <this> f``) of the figures guild ``:guild`` may see, with its
    overlay applied and a ``status`` column; hidden ones included, so callers filter them.

    ``all_guilds`` lists every owner's figures without any overlay (the operator's export).
    """
    visible = "TRUE" if all_guilds else VISIBLE
    guild = "NULL" if all_guilds else ":guild"
    return (
        f"(SELECT {_SEEN_COLUMNS} FROM figures f JOIN documents d ON d.key = f.document"
        f" LEFT JOIN overlays o ON o.guild_id = {guild} AND o.figure_id = f.id"
        f" WHERE {visible})"
    )


def figure_filters(
    params: dict[str, Any],
    dialect: Dialect,
    *,
    metrics: Iterable[Metric | str] | None = None,
    subject: str | None = None,
    source: str | None = None,
) -> list[str] | None:
    """WHERE terms on ``seen_figures()`` rows (alias ``f``) for the filters users give, their
    values added to ``params``; None when ``metrics`` is empty (nothing can match). Subject and
    source match canonical names ignoring case."""
    where: list[str] = []
    if metrics is not None:
        wanted = sorted({Metric(m).value for m in metrics})
        if not wanted:
            return None
        where.append(f"f.metric IN ({', '.join(f':m{i}' for i in range(len(wanted)))})")
        params.update({f"m{i}": m for i, m in enumerate(wanted)})
    if subject is not None:
        where.append(dialect.nocase_equals("f.subject", ":subject"))
        params["subject"] = subject
    if source is not None:
        where.append(dialect.nocase_equals("f.source", ":source"))
        params["source"] = source
    return where


def seen_figure_from_row(row: Row) -> Figure:
    return dataclasses.replace(figure_from_row(row), status=Status(row["status"]))


async def seen_figure(
    fetch: Fetch, guild_id: int | None, figure_id: str, *, include_hidden: bool
) -> Figure | None:
    """One figure as the guild sees it, through ``fetch`` (the store's reads, or an open
    transaction's, which sees its own writes); None when it is not visible there (or hidden)."""
    rows = await fetch(
        f"SELECT f.* FROM {seen_figures()} f WHERE f.id = :id"
        f" AND {'TRUE' if include_hidden else SHOWN}",
        {"id": figure_id.strip().lower(), "guild": guild_id},
    )
    return seen_figure_from_row(rows[0]) if rows else None
