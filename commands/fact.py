"""/fact: one figure in full, by its id."""

from __future__ import annotations

import discord
from discord import app_commands
from discord.ext import commands

from bot.checks import is_moderator
from bot.client import FactBot
from bot.facts.model import Status
from bot.facts.store.overlays import Moderation
from bot.render import fact_pages
from bot.views import send_pages, send_text
from commands.lookup import CHOICE_LIMIT, figure_label, lookup_for, quoted


class Fact(commands.Cog):
    def __init__(self, bot: FactBot) -> None:
        self.bot = bot

    @app_commands.command(name="fact", description="One figure in full: its sentence, source, date")
    @app_commands.rename(figure_id="id")
    @app_commands.describe(figure_id="The figure's id, as shown after /fact in other answers")
    async def fact(self, interaction: discord.Interaction[FactBot], figure_id: str) -> None:
        guild = interaction.guild_id
        figure = await self.bot.store.figure(guild, figure_id)
        if figure is None:
            index = await lookup_for(self.bot).figure_index(guild)
            near = index.by_id_prefix(figure_id, 3) or index.near_ids.nearest(figure_id.lower())
            message = f"No figure with id {quoted(figure_id)}."
            if near:
                message += " Closest ids: " + ", ".join(f"`{n}`" for n in near) + "."
            await send_text(interaction, message)
            return
        document = await self.bot.store.document(guild, figure.document)
        original = None
        if guild is not None and figure.status is Status.CORRECTED and await is_moderator(
            interaction
        ):
            original = await Moderation(self.bot.store).original(guild, figure.id)
        await send_pages(interaction, fact_pages(figure, document, original))

    @fact.autocomplete("figure_id")
    async def id_autocomplete(
        self, interaction: discord.Interaction[FactBot], current: str
    ) -> list[app_commands.Choice[str]]:
        guild = interaction.guild_id
        index = await lookup_for(self.bot).ready_figure_index(guild)
        if index is None:  # first keystrokes after a start: ids by prefix until the index is built
            found = await self.bot.store.figures_by_id_prefix(guild, current, CHOICE_LIMIT)
            return [app_commands.Choice(name=figure_label(f), value=f.id) for f in found]
        if not current.strip():
            ids = list(index.ids[:CHOICE_LIMIT])
        else:
            ids = index.by_id_prefix(current, CHOICE_LIMIT)
        if len(ids) < CHOICE_LIMIT and current.strip():
            for hit in index.words.search(current, CHOICE_LIMIT):
                if hit.key not in ids:
                    ids.append(hit.key)
        return [
            app_commands.Choice(name=figure_label(index.figures[i]), value=i)
            for i in ids[:CHOICE_LIMIT]
        ]

async def setup(bot: FactBot) -> None:
    await bot.add_cog(Fact(bot))
