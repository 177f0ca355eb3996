"""/timeline: dated events in date order, at the precision the documents give."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import discord
from discord import app_commands
from discord.ext import commands

from bot.charting import send_chart
from bot.checks import user_cooldown
from bot.client import FactBot
from bot.errors import UserFacingError
from bot.facts.timeline import EventGroup
from bot.i18n import language, phrase, t
from bot.lookup.names import closest
from bot.options import PeriodOption, SearchWordsOption
from bot.periods import ACCEPTED_FORMS
from bot.render import nothing_found, text
from bot.render.listing import Listing, ListingPages, timeline_listing
from bot.render.text import option_name, quoted
from bot.views import send_pages, send_text

Period = tuple[date, date]


class Timeline(commands.Cog):
    def __init__(self, bot: FactBot) -> None:
        self.bot = bot

    @app_commands.command(name="timeline", description="Dated events in order, with their sources")
    @app_commands.describe(
        since=f"From this date on: {ACCEPTED_FORMS}",
        until=f"Up to this date: {ACCEPTED_FORMS}",
        about="Only events about this, e.g. Kursk or treaty",
        chart="Also attach a timeline strip of the events",
        quotes="Also show the sentence each headline was read from",
    )
    @user_cooldown()
    async def timeline(
        self,
        interaction: discord.Interaction[FactBot],
        since: app_commands.Transform[Period, PeriodOption("since")] | None = None,
        until: app_commands.Transform[Period, PeriodOption("until")] | None = None,
        about: app_commands.Transform[str, SearchWordsOption("events")] | None = None,
        chart: bool = False,
        quotes: bool = False,
    ) -> None:
        start = since[0] if since else None
        end = until[1] if until else None
        lang = language(interaction.locale)
        if start and end and start > end:
            raise UserFacingError(
                phrase("refusal.since_after_until", since=option_name("since", lang),
                       until=option_name("until", lang))
            )
        namespace = interaction.namespace

        def describe(lang: str) -> str:
            """What was asked for, in ``lang`` (the chart may be drawn in another)."""
            searched = [
                t(lang, f"timeline.{option}", date=quoted(str(namespace[option])))
                for option, given in (("since", since), ("until", until))
                if given
            ]
            if about:
                searched.append(t(lang, "timeline.about", words=quoted(about)))
            return " · ".join(searched) or t(lang, "timeline.everything")

        await interaction.response.defer(thinking=True)
        guild = interaction.guild_id
        lookup = self.bot.lookup
        groups = await lookup.event_groups(guild)
        index = await lookup.event_index(guild) if about else None
        described = describe(lang)
        since_text = start.isoformat() if start else None
        until_text = end.isoformat() if end else None

        def chosen() -> list[EventGroup]:
            """The events asked for (each once, with every report of it); the search for
            ``about`` runs only when a listing is planned or a chart drawn, not on every call
            answered from a planned listing."""
            wanted: set[str] | None = None
            if index is not None and about:
                wanted = {event.id for event in index.matching(about)}
            return [
                g
                for g in groups
                if (since_text is None or g.end >= since_text)
                and (until_text is None or g.start <= until_text)
                and (wanted is None or any(i in wanted for i in g.ids.split()))
            ]

        def plan() -> Listing:
            events = [(group.ids, group.start) for group in chosen()]
            intro = described
            if not quotes:
                intro += "\n" + t(lang, "timeline.quotes_hint",
                                   command=text.command_name("timeline", lang),
                                   option=option_name("quotes", lang))  # fmt: skip
            return timeline_listing(events, searched=intro, lang=lang, quotes=quotes)

        query = ("timeline", start, end, about, described, lang, quotes)
        listing = lookup.listing(guild, query, plan)
        if not listing.items:
            near: list[str] = []
            if index is not None and about:
                near = closest(about, index.vocabulary)
            what = t(lang, "timeline.none_for", searched=described)
            await send_text(interaction, nothing_found(what, near, lang))
            return
        await send_pages(interaction, ListingPages(listing, lookup.loader(guild)))
        if chart:
            await self._send_chart(interaction, chosen(), describe)

    async def _send_chart(
        self,
        interaction: discord.Interaction[FactBot],
        groups: list[EventGroup],
        describe: Callable[[str], str],
    ) -> None:
        from bot import charts

        # One bar per event, however many documents report it, labelled with its headline.
        shown = [group.ids.split(" ", 1)[0] for group in groups[-charts.MAX_EVENTS :]]
        events = await self.bot.store.events_by_id(interaction.guild_id, shown)
        total = len(groups)

        def draw(lang: str) -> bytes:
            title = t(lang, "timeline.chart_title", searched=describe(lang))[:90]
            return charts.timeline_chart(events, title=title, total=total, lang=lang)

        await send_chart(interaction, draw, "timeline.png")


async def setup(bot: FactBot) -> None:
    await bot.add_cog(Timeline(bot))
