"""/deployments: how many troops were sent, original deployments told apart from additional ones."""

from __future__ import annotations

import discord
from discord import app_commands
from discord.ext import commands

from bot.client import FactBot
from bot.facts.model import Metric
from bot.render.listing import deployment_listing
from commands.figure_answers import FigureAnswer, answer_figures
from commands.lookup import claimant_choices, subject_choices

DEPLOYMENTS = FigureAnswer(
    name="deployments",
    metrics=(Metric.DEPLOYED,),
    plan=deployment_listing,
    everything="all subjects and sources",
    nothing="troop figures",
    chart_title="Troop deployments",
)


class Deployments(commands.Cog):
    def __init__(self, bot: FactBot) -> None:
        self.bot = bot

    @app_commands.command(
        name="deployments", description="Troop deployment figures, original and additional"
    )
    @app_commands.describe(
        subject="Whose troops, e.g. North Korea",
        chart="Also attach a chart of every claimant's estimates",
        source="Who claims the figure, e.g. NIS or JoongAng Ilbo",
    )
    @app_commands.checks.cooldown(5, 10.0, key=lambda i: i.user.id)
    async def deployments(
        self,
        interaction: discord.Interaction[FactBot],
        subject: str | None = None,
        source: str | None = None,
        chart: bool = False,
    ) -> None:
        await answer_figures(
            self.bot, interaction, DEPLOYMENTS,
            subject=subject, metric=None, source=source, chart=chart,
        )

    @deployments.autocomplete("subject")
    async def subject_autocomplete(
        self, interaction: discord.Interaction[FactBot], current: str
    ) -> list[app_commands.Choice[str]]:
        return await subject_choices(self.bot, interaction.guild_id, current)

    @deployments.autocomplete("source")
    async def source_autocomplete(
        self, interaction: discord.Interaction[FactBot], current: str
    ) -> list[app_commands.Choice[str]]:
        return await claimant_choices(self.bot, interaction.guild_id, current)


async def setup(bot: FactBot) -> None:
    await bot.add_cog(Deployments(bot))
