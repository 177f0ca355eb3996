"""/sources: who claims how many figures, and the documents; with a claimant, all its figures."""

from __future__ import annotations

import discord
from discord import app_commands
from discord.ext import commands

from bot.client import FactBot
from bot.facts import match
from bot.render import claimant_pages, nothing_found, sources_pages
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
        store = self.bot.store
        if claimant:
            names = await lookup_for(self.bot).names(guild)
            resolved = names.claimant(claimant)
            if resolved is None:
                near = match.closest(claimant, names.claimants, aliases=names.claimant_aliases)
                near = near or list(names.claimants[:3])
                await send_text(interaction, nothing_found(f"claimant {quoted(claimant)}", near))
                return
            await interaction.response.defer(thinking=True)
            figures = await store.figures(guild, source=resolved)
            documents = {d.key: d for d in await store.documents(guild)}
            await send_pages(interaction, claimant_pages(resolved, figures, documents))
            return
        await interaction.response.defer(thinking=True)
        claimants = [(c.name, c.figures, c.documents) for c in await store.claimants(guild)]
        documents_list = await store.documents(guild)
        if not claimants and not documents_list:
            await send_text(interaction, nothing_found("sources: the fact base is empty", []))
            return
        await send_pages(interaction, sources_pages(claimants, documents_list))

    @sources.autocomplete("claimant")
    async def claimant_autocomplete(
        self, interaction: discord.Interaction[FactBot], current: str
    ) -> list[app_commands.Choice[str]]:
        return await claimant_choices(self.bot, interaction.guild_id, current)


async def setup(bot: FactBot) -> None:
    await bot.add_cog(Sources(bot))
