"""/deployments: how many troops were sent, original deployments told apart from additional ones."""

from __future__ import annotations

import discord
from discord import app_commands
from discord.ext import commands

from bot.client import FactBot
from bot.facts import match
from bot.facts.model import Metric
from bot.render import nothing_found
from bot.render.listing import ListingPages, deployment_listing
from bot.views import send_pages, send_text
from commands.charting import send_estimates_chart
from commands.lookup import (
    claimant_choices,
    lookup_for,
    quoted,
    select_figures,
    shown,
    subject_choices,
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
        guild = interaction.guild_id
        names = await lookup_for(self.bot).names(guild)
        searched: list[str] = []
        resolved_subject = resolved_source = None
        if subject:
            resolved_subject = names.subject(subject)
            if resolved_subject is None:
                near = match.closest(subject, names.subjects, aliases=names.subject_aliases)
                near = near or list(names.subjects[:3])
                await send_text(interaction, nothing_found(f"subject {quoted(subject)}", near))
                return
            searched.append(f"subject {shown(resolved_subject)}")
        if source:
            resolved_source = names.claimant(source)
            if resolved_source is None:
                near = match.closest(source, names.claimants, aliases=names.claimant_aliases)
                near = near or list(names.claimants[:3])
                await send_text(interaction, nothing_found(f"source {quoted(source)}", near))
                return
            searched.append(f"source {shown(resolved_source)}")
        await interaction.response.defer(thinking=True)
        lookup = lookup_for(self.bot)
        keys = await lookup.figure_keys(guild)
        described = " · ".join(searched) or "all subjects and sources"
        query = ("deployments", resolved_subject, resolved_source, described)
        listing = lookup.listing(
            guild,
            query,
            lambda: deployment_listing(
                select_figures(
                    keys, metrics=[Metric.DEPLOYED], subject=resolved_subject,
                    source=resolved_source,
                ),
                searched=described,
            ),
        )
        if not listing.items:
            deployed = select_figures(keys, metrics=[Metric.DEPLOYED])
            near = sorted({k.subject for k in deployed})[:3]
            await send_text(interaction, nothing_found(f"troop figures for {described}", near))
            return
        await send_pages(interaction, ListingPages(listing, lookup.loader(guild)))
        if chart:
            await send_estimates_chart(
                interaction,
                self.bot.store,
                metrics=[Metric.DEPLOYED],
                subject=resolved_subject,
                source=resolved_source,
                title="Troop deployments",
                filename="deployments.png",
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
