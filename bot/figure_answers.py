"""The answer /casualties and /deployments share: figures listed by group for options already
resolved (see bot/options.py), an estimates chart on request. Each command is a
:class:`FigureAnswer`."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

import discord

from bot.charting import send_estimates_chart
from bot.client import FactBot
from bot.facts.model import Metric
from bot.facts.store.fact_store import FigureKey
from bot.i18n import language, t
from bot.render import nothing_found
from bot.render.answers import metric_words
from bot.render.listing import Listing, ListingPages
from bot.render.text import clip, subject_name
from bot.views import send_pages, send_text


class Planner(Protocol):
    """Plans a listing from the selected keys and the words saying what was searched."""

    def __call__(self, keys: Sequence[FigureKey], *, searched: str, lang: str) -> Listing: ...


@dataclass(frozen=True)
class FigureAnswer:
    """What differs between the figure commands (the texts are catalogue message ids)."""

    name: str
    metrics: tuple[Metric, ...]
    plan: Planner
    everything: str  # what an answer without options covers
    nothing: str  # what an empty answer found none of
    chart_title: str


async def answer_figures(
    interaction: discord.Interaction[FactBot],
    answer: FigureAnswer,
    *,
    subject: str | None,
    metric: Metric | None,
    source: str | None,
    chart: bool,
) -> None:
    """Reply with the figures matching the resolved options, or say that none match."""
    bot = interaction.client
    guild = interaction.guild_id
    lookup = bot.lookup
    lang = language(interaction.locale)
    searched: list[str] = []
    if subject is not None:
        searched.append(t(lang, "searched.subject", name=f"**{subject_name(subject, lang)}**"))
    if metric is not None:
        searched.append(t(lang, "searched.metric", name=f"**{metric_words(metric, lang)}**"))
    if source is not None:
        searched.append(t(lang, "searched.source", name=f"**{clip(source, 100)}**"))
    metrics = [metric] if metric is not None else list(answer.metrics)
    await interaction.response.defer(thinking=True)
    keys = await lookup.figure_keys(guild)
    described = " · ".join(searched) or t(lang, answer.everything)
    listing = lookup.listing(
        guild,
        (answer.name, tuple(metrics), subject, source, described, lang),
        lambda: answer.plan(
            keys.select(metrics=metrics, subject=subject, source=source),
            searched=described,
            lang=lang,
        ),
    )
    if not listing.items:
        with_figures = keys.select(metrics=answer.metrics)
        near = [subject_name(s, lang) for s in sorted({k.subject for k in with_figures})[:3]]
        what = t(lang, "figures.none_for", what=t(lang, answer.nothing), searched=described)
        await send_text(interaction, nothing_found(what, near, lang))
        return
    await send_pages(interaction, ListingPages(listing, lookup.loader(guild)))
    if chart:
        await send_estimates_chart(
            interaction,
            bot.store,
            metrics=metrics,
            subject=subject,
            source=source,
            title=answer.chart_title,
            filename=f"{answer.name}.png",
        )
