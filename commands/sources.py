"""/sources: who claims how many figures, and the documents; with a claimant, all its figures."""

from __future__ import annotations

import discord
from discord import app_commands
from discord.ext import commands

from bot.client import FactBot
from bot.render import nothing_found
from bot.render.answers import claimant_line, document_line
from bot.render.listing import Item, ListingPages, claimant_listing, sources_listing
from bot.views import send_pages, send_text
from commands.lookup import claimant_choices, lookup_for, quoted


class Sources(commands.Cog):
    def __init__(self, bot: FactBot) -> None:
        self.bot = bot

    @app_commands.command(name="sources", description="Who claims which figures, and the documents")
    @app_commands.describe(claimant="List every figure this claimant gives, e.g. NIS")
    @app_commands.checks.cooldown(5, 10.0, key=lambda i: i.user.id)
    async def sources(
        self, interaction: discord.Interaction[FactBot], claimant: str | None = None
    ) -> None:
        guild = interaction.guild_id
        lookup = lookup_for(self.bot)
        if claimant:
            names = await lookup.names(guild)
            resolved = names.claimant(claimant)
            if resolved is None:
                near = names.near_claimants(claimant)
                await send_text(interaction, nothing_found(f"claimant {quoted(claimant)}", near))
                return
            await interaction.response.defer(thinking=True)
            keys = await lookup.figure_keys(guild)
            listing = lookup.listing(
                guild,
                ("claimant", resolved),
                lambda: claimant_listing(resolved, keys.select(source=resolved)),
            )
            await send_pages(interaction, ListingPages(listing, lookup.loader(guild)))
            return
        await interaction.response.defer(thinking=True)
        claimants = (await lookup.names(guild)).claimant_counts
        documents = await lookup.documents(guild)
        if not claimants and not documents:
            await send_text(interaction, nothing_found("sources: the fact base is empty", []))
            return
        listing = lookup.listing(
            guild, ("sources",), lambda: sources_listing(len(claimants), len(documents))
        )

        def line(item: Item) -> str:
            position = int(item.key[1:])
            if item.key[0] == "c":
                found = claimants[position]
                return claimant_line(found.name, found.figures, found.documents)
            return document_line(documents[position])

        await send_pages(interaction, ListingPages(listing, lookup.loader(guild), line))

    @sources.autocomplete("claimant")
    async def claimant_autocomplete(
        self, interaction: discord.Interaction[FactBot], current: str
    ) -> list[app_commands.Choice[str]]:
        return await claimant_choices(self.bot, interaction.guild_id, current)


async def setup(bot: FactBot) -> None:
    await bot.add_cog(Sources(bot))
