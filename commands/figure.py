"""/figure: one figure in full, by its id."""

from __future__ import annotations

import discord
from discord import app_commands
from discord.ext import commands

from bot.checks import is_moderator
from bot.client import FactBot
from bot.facts.model import Figure, Status
from bot.facts.store.overlays import Moderation
from bot.options import FigureOption
from bot.render import figure_pages
from bot.views import send_pages


class FigureCog(commands.Cog, name="Figure"):
    def __init__(self, bot: FactBot) -> None:
        self.bot = bot

    @app_commands.command(
        name="figure", description="One figure in full: its sentence, source, date"
    )
    @app_commands.describe(figure="The figure's id, as shown after /figure in other answers")
    async def figure(
        self,
        interaction: discord.Interaction[FactBot],
        figure: app_commands.Transform[Figure, FigureOption],
    ) -> None:
        guild = interaction.guild_id
        document = await self.bot.store.document(guild, figure.document)
        original = None
        if guild is not None and figure.status is Status.CORRECTED and await is_moderator(
            interaction
        ):
            original = await Moderation(self.bot.store).original(guild, figure.id)
        await send_pages(interaction, figure_pages(figure, document, original, interaction.locale))


async def setup(bot: FactBot) -> None:
    await bot.add_cog(FigureCog(bot))
