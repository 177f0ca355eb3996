"""/casualties: killed, wounded, captured and missing figures, sources side by side."""

from __future__ import annotations

import discord
from discord import app_commands
from discord.ext import commands

from bot.checks import user_cooldown
from bot.client import FactBot
from bot.facts.model import CASUALTY_METRICS, Metric
from bot.figure_answers import FigureAnswer, answer_figures
from bot.options import MetricOption, SourceOption, SubjectOption
from bot.render.listing import casualty_listing

CASUALTIES = FigureAnswer(
    name="casualties",
    metrics=CASUALTY_METRICS,
    plan=casualty_listing,
    everything="casualties.everything",
    nothing="casualties.nothing",
    chart_title="casualties.chart_title",
)


class Casualties(commands.Cog):
    def __init__(self, bot: FactBot) -> None:
        self.bot = bot

    @app_commands.command(
        name="casualties", description="Killed, wounded, captured and missing figures, with sources"
    )
    @app_commands.describe(
        subject="Whose losses, e.g. North Korea",
        metric="killed, wounded, casualties, captured or missing",
        chart="Also attach a chart of every source's estimates",
        source="Who claims the figure, e.g. NIS or Zelenskyy",
    )
    @user_cooldown()
    async def casualties(
        self,
        interaction: discord.Interaction[FactBot],
        subject: app_commands.Transform[str, SubjectOption] | None = None,
        metric: app_commands.Transform[Metric, MetricOption(CASUALTY_METRICS)] | None = None,
        source: app_commands.Transform[str, SourceOption] | None = None,
        chart: bool = False,
    ) -> None:
        await answer_figures(
            interaction, CASUALTIES, subject=subject, metric=metric, source=source, chart=chart
        )


async def setup(bot: FactBot) -> None:
    await bot.add_cog(Casualties(bot))
