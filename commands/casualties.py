"""/casualties: killed, wounded, captured and missing figures, claimants side by side."""

from __future__ import annotations

import discord
from discord import app_commands
from discord.ext import commands

from bot.client import FactBot
from bot.facts import match
from bot.facts.model import CASUALTY_METRICS
from bot.render import nothing_found
from bot.render.listing import ListingPages, casualty_listing
from bot.views import send_pages, send_text
from commands.charting import send_estimates_chart
from commands.lookup import (
    claimant_choices,
    lookup_for,
    metric_choices,
    quoted,
    select_figures,
    shown,
    subject_choices,
)


class Casualties(commands.Cog):
    def __init__(self, bot: FactBot) -> None:
        self.bot = bot

    @app_commands.command(
        name="casualties", description="Killed, wounded, captured and missing figures, with sources"
    )
    @app_commands.describe(
        subject="Whose losses, e.g. North Korea",
        metric="killed, wounded, casualties, captured or missing",
        chart="Also attach a chart of every claimant's estimates",
        source="Who claims the figure, e.g. NIS or Zelenskyy",
    )
    @app_commands.checks.cooldown(5, 10.0, key=lambda i: i.user.id)
    async def casualties(
        self,
        interaction: discord.Interaction[FactBot],
        subject: str | None = None,
        metric: str | None = None,
        source: str | None = None,
        chart: bool = False,
    ) -> None:
        guild = interaction.guild_id
        names = await lookup_for(self.bot).names(guild)
        searched: list[str] = []
        resolved_subject = resolved_source = None
        metrics = list(CASUALTY_METRICS)
        if subject:
            resolved_subject = names.subject(subject)
            if resolved_subject is None:
                near = match.closest(subject, names.subjects, aliases=names.subject_aliases)
                near = near or list(names.subjects[:3])
                await send_text(interaction, nothing_found(f"subject {quoted(subject)}", near))
                return
            searched.append(f"subject {shown(resolved_subject)}")
        if metric:
            found = match.resolve_metric(metric, CASUALTY_METRICS)
            if found is None:
                listed = [m.value for m in CASUALTY_METRICS]
                await send_text(interaction, nothing_found(f"metric {quoted(metric)}", listed))
                return
            metrics = [found]
            searched.append(f"metric **{found.value}**")
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
        described = " · ".join(searched) or "all subjects, metrics and sources"
        query = ("casualties", tuple(metrics), resolved_subject, resolved_source, described)
        listing = lookup.listing(
            guild,
            query,
            lambda: casualty_listing(
                select_figures(
                    keys, metrics=metrics, subject=resolved_subject, source=resolved_source
                ),
                searched=described,
            ),
        )
        if not listing.items:
            with_figures = select_figures(keys, metrics=CASUALTY_METRICS)
            near = sorted({k.subject for k in with_figures})[:3]
            await send_text(interaction, nothing_found(f"casualty figures for {described}", near))
            return
        await send_pages(interaction, ListingPages(listing, lookup.loader(guild)))
        if chart:
            await send_estimates_chart(
                interaction,
                self.bot.store,
                metrics=metrics,
                subject=resolved_subject,
                source=resolved_source,
                title="Casualty figures",
                filename="casualties.png",
            )

    @casualties.autocomplete("subject")
    async def subject_autocomplete(
        self, interaction: discord.Interaction[FactBot], current: str
    ) -> list[app_commands.Choice[str]]:
        return await subject_choices(self.bot, interaction.guild_id, current)

    @casualties.autocomplete("metric")
    async def metric_autocomplete(
        self, interaction: discord.Interaction[FactBot], current: str
    ) -> list[app_commands.Choice[str]]:
        return metric_choices(current, CASUALTY_METRICS)

    @casualties.autocomplete("source")
    async def source_autocomplete(
        self, interaction: discord.Interaction[FactBot], current: str
    ) -> list[app_commands.Choice[str]]:
        return await claimant_choices(self.bot, interaction.guild_id, current)


async def setup(bot: FactBot) -> None:
    await bot.add_cog(Casualties(bot))
