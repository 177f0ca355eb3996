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
from bot.i18n import t
from bot.views import NO_MENTIONS

log = logging.getLogger(__name__)


async def send_chart(
    interaction: discord.Interaction[Any], draw: Callable[[str], bytes], filename: str
) -> None:
    """Draw in a thread, in the language the chart can be labelled in for this reader (see
    ``charts.chart_language``), and send the PNG as a followup (the interaction is
    deferred)."""
    from bot import charts

    locale = interaction.locale
    png = await asyncio.to_thread(lambda: draw(charts.chart_language(locale)))
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
    """``title``: a catalogue message id."""
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
        lambda lang: charts.estimates_chart(
            recent.figures, title=t(lang, title), totals=recent.totals, lang=lang
        ),
        filename,
    )
