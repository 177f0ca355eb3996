"""/search: figures and events by any words, newest first. A question is read for what it
names ("how many north korean troops died": North Korea, killed; see bot/lookup/question.py)."""

from __future__ import annotations

import discord
from discord import app_commands
from discord.ext import commands

from bot.checks import user_cooldown
from bot.client import FactBot
from bot.facts.model import Metric
from bot.i18n import language, t
from bot.lookup.fact_lookup import FigureIndex, Names
from bot.lookup.names import closest
from bot.options import SearchWordsOption
from bot.render import nothing_found, search_pages
from bot.render.text import quoted
from bot.views import send_pages, send_text

#: Figures and events a search shows at most (best first).
MAX_FIGURES = 100
MAX_EVENTS = 50


def find_figures(index: FigureIndex, names: Names, query: str) -> list[str]:
    """The ids of the figures a search asks for, newest first: those of the forces, metrics,
    claimants and numbers it names with its other words; when none are, the figures whose
    sentence and labels hold the words as typed (question words left out)."""
    reading = names.reader.read(query)
    numbers = reading.number_groups()
    found = index.words.find(reading.words, [*reading.tag_groups(), *numbers], MAX_FIGURES)
    if not found and reading.understood:
        found = index.words.find(reading.typed, numbers, MAX_FIGURES)
    return found


class Search(commands.Cog):
    def __init__(self, bot: FactBot) -> None:
        self.bot = bot

    @app_commands.command(
        name="search", description="Search figures and events by any words or a question"
    )
    @app_commands.describe(
        query="Words or a question, e.g. how many north korean troops died, zelensky, Kursk"
    )
    @user_cooldown()
    async def search(
        self,
        interaction: discord.Interaction[FactBot],
        query: app_commands.Transform[str, SearchWordsOption("figures")],
    ) -> None:
        await interaction.response.defer(thinking=True)
        lang = language(interaction.locale)
        guild = interaction.guild_id
        lookup = self.bot.lookup
        names = await lookup.names(guild)
        figure_index = await lookup.figure_index(guild)
        event_index = await lookup.event_index(guild)
        figures = [figure_index.figures[key] for key in find_figures(figure_index, names, query)]
        reading = names.reader.read(query)
        events = event_index.find(reading.typed, reading.number_groups(), MAX_EVENTS)
        if not figures and not events:
            terms = [*names.subjects, *names.sources, *(m.value for m in Metric)]
            near = closest(query, terms)
            what = t(lang, "search.none_for", query=quoted(query))
            await send_text(interaction, nothing_found(what, near, lang))
            return
        cited = {f.document for f in figures} | {e.document for e in events}
        documents = await self.bot.store.documents_by_key(guild, cited)
        await send_pages(interaction, search_pages(query, figures, events, documents, lang))


async def setup(bot: FactBot) -> None:
    await bot.add_cog(Search(bot))
