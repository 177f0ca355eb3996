"""/search: fuzzy search over every figure and event (quote, claimant, subject)."""

from __future__ import annotations

import discord
from discord import app_commands
from discord.ext import commands

from bot.client import FactBot
from bot.facts import match
from bot.facts.model import Metric
from bot.render import nothing_found, search_pages
from bot.views import send_pages, send_text
from commands.lookup import choices, lookup_for, quoted

#: Figures and events a search shows at most (best first).
MAX_FIGURES = 100
MAX_EVENTS = 50


class Search(commands.Cog):
    def __init__(self, bot: FactBot) -> None:
        self.bot = bot

    @app_commands.command(name="search", description="Search figures and events by any words")
    @app_commands.describe(query="Words to look for, e.g. zelensky killed or Kursk")
    @app_commands.checks.cooldown(5, 10.0, key=lambda i: i.user.id)
    async def search(self, interaction: discord.Interaction[FactBot], query: str) -> None:
        await interaction.response.defer(thinking=True)
        guild = interaction.guild_id
        lookup = lookup_for(self.bot)
        figure_index = await lookup.figure_index(guild)
        event_index = await lookup.event_index(guild)
        figures = [
            figure_index.figures[hit.key]
            for hit in figure_index.words.search(query, MAX_FIGURES, prefix_last=False)
        ]
        events = [hit.key for hit in event_index.search(query, MAX_EVENTS, prefix_last=False)]
        if not figures and not events:
            names = await lookup.names(guild)
            terms = [*names.subjects, *names.claimants, *(m.value for m in Metric)]
            near = match.closest(query, terms)
            await send_text(interaction, nothing_found(f"a search for {quoted(query)}", near))
            return
        cited = {f.document for f in figures} | {e.document for e in events}
        documents = await self.bot.store.documents_by_key(guild, cited)
        await send_pages(interaction, search_pages(query, figures, events, documents))

    @search.autocomplete("query")
    async def query_autocomplete(
        self, interaction: discord.Interaction[FactBot], current: str
    ) -> list[app_commands.Choice[str]]:
        index = await lookup_for(self.bot).ready_figure_index(interaction.guild_id)
        if index is None:  # first keystrokes after a start, while the index is built
            return []
        return choices(match.vocabulary_completions(index.words, current))


async def setup(bot: FactBot) -> None:
    await bot.add_cog(Search(bot))
