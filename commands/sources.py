"""/sources: who claims how many figures, and the documents; with a source, all its figures."""

from __future__ import annotations

import discord
from discord import app_commands
from discord.ext import commands

from bot.checks import user_cooldown
from bot.client import FactBot
from bot.i18n import language, t
from bot.options import SourceOption
from bot.render import nothing_found
from bot.render.answers import document_line, source_line
from bot.render.listing import Item, ListingPages, source_listing, sources_listing
from bot.views import send_pages, send_text


class Sources(commands.Cog):
    def __init__(self, bot: FactBot) -> None:
        self.bot = bot

    @app_commands.command(name="sources", description="Who claims which figures, and the documents")
    @app_commands.describe(source="List every figure this source gives, e.g. NIS")
    @user_cooldown()
    async def sources(
        self,
        interaction: discord.Interaction[FactBot],
        source: app_commands.Transform[str, SourceOption] | None = None,
    ) -> None:
        guild = interaction.guild_id
        lookup = self.bot.lookup
        lang = language(interaction.locale)
        await interaction.response.defer(thinking=True)
        if source is not None:
            keys = await lookup.figure_keys(guild)
            listing = lookup.listing(
                guild,
                ("source", source, lang),
                lambda: source_listing(source, keys.select(source=source), lang),
            )
            await send_pages(interaction, ListingPages(listing, lookup.loader(guild)))
            return
        sources = (await lookup.names(guild)).source_counts
        documents = await lookup.documents(guild)
        if not sources and not documents:
            await send_text(interaction, nothing_found(t(lang, "sources.empty"), [], lang))
            return
        # keyed by the counts too: ``line`` indexes this interaction's lists, which another
        # interaction's listing of the same version may not match when a write came between
        counts = (len(sources), len(documents))
        listing = lookup.listing(
            guild, ("sources", lang, *counts), lambda: sources_listing(*counts, lang)
        )

        def line(item: Item) -> str:
            position = int(item.key[1:])
            if item.key[0] == "c":
                found = sources[position]
                return source_line(found.name, found.figures, found.documents, lang)
            return document_line(documents[position], lang)

        await send_pages(interaction, ListingPages(listing, lookup.loader(guild), line))


async def setup(bot: FactBot) -> None:
    await bot.add_cog(Sources(bot))
