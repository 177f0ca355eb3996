"""/casualties: killed, wounded, captured and missing figures, claimants side by side."""

from __future__ import annotations

import discord
from discord import app_commands
from discord.ext import commands

from bot.client import FactBot
from bot.facts.model import CASUALTY_METRICS
from bot.render.listing import casualty_listing
from commands.figure_answers import FigureAnswer, answer_figures
from commands.lookup import claimant_choices, metric_choices, subject_choices

CASUALTIES = FigureAnswer(
    name="casualties",
    metrics=CASUALTY_METRICS,
    plan=casualty_listing,
    everything="all subjects, metrics and sources",
    nothing="casualty figures",
    chart_title="Casualty figures",
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
        chart="Also attach a chart of every claimant's estimates",
        source="Who claims the figure, e.g. NIS or Zelenskyy",
    )
    @app_commands.checks.cooldown(5, 10.0, key=lambda i: i.user.id)
    async def casualties(
        self,
        interaction: discord.Interaction[FactBot],
        subject: str | None = None,
        metric: str | None = None,
        source: str | None = None,
        chart: bool = False,
    ) -> None:
        await answer_figures(
            self.bot, interaction, CASUALTIES,
            subject=subject, metric=metric, source=source, chart=chart,
        )

    @casualties.autocomplete("subject")
    async def subject_autocomplete(
        self, interaction: discord.Interaction[FactBot], current: str
    ) -> list[app_commands.Choice[str]]:
        return await subject_choices(self.bot, interaction.guild_id, current)

    @casualties.autocomplete("metric")
    async def metric_autocomplete(
        self, interaction: discord.Interaction[FactBot], current: str
    ) -> list[app_commands.Choice[str]]:
        return metric_choices(current, CASUALTY_METRICS)

    @casualties.autocomplete("source")
    async def source_autocomplete(
        self, interaction: discord.Interaction[FactBot], current: str
    ) -> list[app_commands.Choice[str]]:
        return await claimant_choices(self.bot, interaction.guild_id, current)


async def setup(bot: FactBot) -> None:
    await bot.add_cog(Casualties(bot))
