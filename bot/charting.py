"""Chart attachments for /casualties, /deployments and /timeline.

Drawing runs in a thread (matplotlib is CPU-bound and imported on first use); the chart follows
the first page of the answer as a second message, so the listing is never held up by it.
"""

from __future__ import annotations

import asyncio
import io
import logging
from collections.abc import Callable, Sequence
from typing import Any

import discord

from bot.facts.model import Metric
from bot.facts.store import FactStore
from bot.facts.store.recent import recent_figures
from bot.views import NO_MENTIONS

log = logging.getLogger(__name__)


async def send_chart(
    interaction: discord.Interaction[Any], draw: Callable[[], bytes], filename: str
) -> None:
    """Draw in a thread and send the PNG as a followup (the interaction is deferred)."""
    png = await asyncio.to_thread(draw)
    await interaction.followup.send(
        file=discord.File(io.BytesIO(png), filename=filename), allowed_mentions=NO_MENTIONS
    )


async def send_estimates_chart(
    interaction: discord.Interaction[Any],
    store: FactStore,
    *,
    metrics: Sequence[Metric],
    subject: str | None,
    source: str | None,
    title: str,
    filename: str,
) -> None:
    from bot import charts

    recent = await recent_figures(
        store,
        interaction.guild_id,
        metrics=metrics,
        subject=subject,
        source=source,
        per_group=charts.MAX_PER_GROUP,
    )
    await send_chart(
        interaction,
        lambda: charts.estimates_chart(recent.figures, title=title, totals=recent.totals),
        filename,
    )
