"""The answer /casualties and /deployments share: options resolved, figures listed by group,
an estimates chart on request. Not a cog (no ``setup``); each command is a :class:`FigureAnswer`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

import discord

from bot.client import FactBot
from bot.facts import match
from bot.facts.model import Metric
from bot.facts.store.fact_store import FigureKey
from bot.render import nothing_found
from bot.render.listing import Listing, ListingPages
from bot.views import send_pages, send_text
from commands.charting import send_estimates_chart
from commands.lookup import lookup_for, quoted, shown


class Planner(Protocol):
    """Plans a listing from the selected keys and the words saying what was searched."""

    def __call__(self, keys: Sequence[FigureKey], *, searched: str) -> Listing: ...


@dataclass(frozen=True)
class FigureAnswer:
    """What differs between the figure commands."""

    name: str
    metrics: tuple[Metric, ...]
    plan: Planner
    everything: str  # what an answer without options covers
    nothing: str  # what an empty answer found none of
    chart_title: str


async def answer_figures(
    bot: FactBot,
    interaction: discord.Interaction[FactBot],
    answer: FigureAnswer,
    *,
    subject: str | None,
    metric: str | None,
    source: str | None,
    chart: bool,
) -> None:
    """Reply with the figures matching the options, or say which option matched nothing."""
    guild = interaction.guild_id
    lookup = lookup_for(bot)
    names = await lookup.names(guild)
    searched: list[str] = []
    resolved_subject = resolved_source = None
    metrics = list(answer.metrics)
    if subject:
        resolved_subject = names.subject(subject)
        if resolved_subject is None:
            near = names.near_subjects(subject)
            await send_text(interaction, nothing_found(f"subject {quoted(subject)}", near))
            return
        searched.append(f"subject {shown(resolved_subject)}")
    if metric:
        found = match.resolve_metric(metric, answer.metrics)
        if found is None:
            listed = [m.value for m in answer.metrics]
            await send_text(interaction, nothing_found(f"metric {quoted(metric)}", listed))
            return
        metrics = [found]
        searched.append(f"metric **{found.value}**")
    if source:
        resolved_source = names.claimant(source)
        if resolved_source is None:
            near = names.near_claimants(source)
            await send_text(interaction, nothing_found(f"source {quoted(source)}", near))
            return
        searched.append(f"source {shown(resolved_source)}")
    await interaction.response.defer(thinking=True)
    keys = await lookup.figure_keys(guild)
    described = " · ".join(searched) or answer.everything
    listing = lookup.listing(
        guild,
        (answer.name, tuple(metrics), resolved_subject, resolved_source, described),
        lambda: answer.plan(
            keys.select(metrics=metrics, subject=resolved_subject, source=resolved_source),
            searched=described,
        ),
    )
    if not listing.items:
        with_figures = keys.select(metrics=answer.metrics)
        near = sorted({k.subject for k in with_figures})[:3]
        await send_text(interaction, nothing_found(f"{answer.nothing} for {described}", near))
        return
    await send_pages(interaction, ListingPages(listing, lookup.loader(guild)))
    if chart:
        await send_estimates_chart(
            interaction,
            bot.store,
            metrics=metrics,
            subject=resolved_subject,
            source=resolved_source,
            title=answer.chart_title,
            filename=f"{answer.name}.png",
        )
