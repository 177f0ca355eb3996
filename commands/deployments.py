"""/deployments: how many troops were sent, original deployments told apart from additional ones."""

from __future__ import annotations

import discord
from discord import app_commands
from discord.ext import commands

from bot.checks import user_cooldown
from bot.client import FactBot
from bot.facts.model import Metric
from bot.figure_answers import FigureAnswer, answer_figures
from bot.options import SourceOption, SubjectOption
from bot.render.listing import deployment_listing

DEPLOYMENTS = FigureAnswer(
    name="deployments",
    metrics=(Metric.DEPLOYED,),
    plan=deployment_listing,
    everything="deployments.everything",
    nothing="deployments.nothing",
    chart_title="deployments.chart_title",
)


class Deployments(commands.Cog):
    def __init__(self, bot: FactBot) -> None:
        self.bot = bot

    @app_commands.command(
        name="deployments", description="Troop deployment figures, original and additional"
    )
    @app_commands.describe(
        subject="Whose troops, e.g. North Korea",
        chart="Also attach a chart of every source's estimates",
        source="Who claims the figure, e.g. NIS or JoongAng Ilbo",
    )
    @user_cooldown()
    async def deployments(
        self,
        interaction: discord.Interaction[FactBot],
        subject: app_commands.Transform[str, SubjectOption] | None = None,
        source: app_commands.Transform[str, SourceOption] | None = None,
        chart: bool = False,
    ) -> None:
        await answer_figures(
            interaction, DEPLOYMENTS, subject=subject, metric=None, source=source, chart=chart
        )


async def setup(bot: FactBot) -> None:
    await bot.add_cog(Deployments(bot))
