"""/timeline: dated events in date order, at the precision the documents give."""

from __future__ import annotations

import calendar
import re
from datetime import date

import discord
from discord import app_commands
from discord.ext import commands

from bot.client import FactBot
from bot.facts import match
from bot.facts.store.fact_store import EventKey
from bot.render import nothing_found
from bot.render.listing import Listing, ListingPages, timeline_listing
from bot.views import send_pages, send_text
from commands.charting import send_chart
from commands.lookup import choices, lookup_for, quoted

ACCEPTED_FORMS = "2024, 2024-06, June 2024, Jun 2024 or 2024-06-15"

_MONTHS = {
    name.casefold(): number
    for number in range(1, 13)
    for name in (calendar.month_name[number], calendar.month_abbr[number])
}
_YEAR = re.compile(r"^(\d{4})$")
_YEAR_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")
_DAY = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_MONTH_YEAR = re.compile(r"^([A-Za-z]+)\.?\s+(\d{4})$")


def parse_period(value: str) -> tuple[date, date] | None:
    """The first and last day ``value`` names, or None when it is none of the accepted forms."""
    value = value.strip()
    try:
        if m := _YEAR.match(value):
            year = int(m[1])
            return date(year, 1, 1), date(year, 12, 31)
        if m := _YEAR_MONTH.match(value):
            return _month(int(m[1]), int(m[2]))
        if m := _DAY.match(value):
            day = date(int(m[1]), int(m[2]), int(m[3]))
            return day, day
        if (m := _MONTH_YEAR.match(value)) and m[1].casefold() in _MONTHS:
            return _month(int(m[2]), _MONTHS[m[1].casefold()])
    except ValueError:
        return None
    return None


def _month(year: int, month: int) -> tuple[date, date]:
    last = calendar.monthrange(year, month)[1]  # raises ValueError for month 0 or 13
    return date(year, month, 1), date(year, month, last)


class Timeline(commands.Cog):
    def __init__(self, bot: FactBot) -> None:
        self.bot = bot

    @app_commands.command(name="timeline", description="Dated events in order, with their sources")
    @app_commands.describe(
        since=f"From this date on: {ACCEPTED_FORMS}",
        until=f"Up to this date: {ACCEPTED_FORMS}",
        about="Only events about this, e.g. Kursk or treaty",
        chart="Also attach a timeline strip of the events",
    )
    @app_commands.checks.cooldown(5, 10.0, key=lambda i: i.user.id)
    async def timeline(
        self,
        interaction: discord.Interaction[FactBot],
        since: str | None = None,
        until: str | None = None,
        about: str | None = None,
        chart: bool = False,
    ) -> None:
        searched: list[str] = []
        start = end = None
        for option, value in (("since", since), ("until", until)):
            if not value:
                continue
            period = parse_period(value)
            if period is None:
                await send_text(
                    interaction,
                    f"{option}: {quoted(value)} is not a date I can read. Use {ACCEPTED_FORMS}.",
                )
                return
            if option == "since":
                start = period[0]
            else:
                end = period[1]
            searched.append(f"{option} {quoted(value)}")
        if start and end and start > end:
            await send_text(interaction, "since must not be later than until.")
            return
        await interaction.response.defer(thinking=True)
        guild = interaction.guild_id
        lookup = lookup_for(self.bot)
        keys = await lookup.event_keys(guild)
        index = None
        if about:
            searched.append(f"about {quoted(about)}")
            index = await lookup.event_index(guild)
        described = " · ".join(searched) or "all events"
        since_text = start.isoformat() if start else None
        until_text = end.isoformat() if end else None

        def chosen() -> list[EventKey]:
            """The events asked for; the search for ``about`` runs only when a listing is
            planned or a chart drawn, not on every call answered from a planned listing."""
            wanted: set[str] | None = None
            if index is not None and about:
                wanted = {event.id for event in index.matching(about)}
            return [
                k
                for k in keys
                if (since_text is None or k.end >= since_text)
                and (until_text is None or k.start <= until_text)
                and (wanted is None or k.id in wanted)
            ]

        def plan() -> Listing:
            return timeline_listing([(k.id, k.start) for k in chosen()], searched=described)

        listing = lookup.listing(guild, ("timeline", start, end, about, described), plan)
        if not listing.items:
            near: list[str] = []
            if index is not None and about:
                near = match.closest(about, index.vocabulary)
            await send_text(interaction, nothing_found(f"events for {described}", near))
            return
        await send_pages(interaction, ListingPages(listing, lookup.loader(guild)))
        if chart:
            await self._send_chart(interaction, chosen(), described)

    async def _send_chart(
        self, interaction: discord.Interaction[FactBot], keys: list[EventKey], described: str
    ) -> None:
        from bot import charts

        recent = [k.id for k in keys[-charts.MAX_EVENTS :]]
        events = await self.bot.store.events_by_id(interaction.guild_id, recent)
        title = f"Timeline · {described}"[:90]
        total = len(keys)
        await send_chart(
            interaction,
            lambda: charts.timeline_chart(events, title=title, total=total),
            "timeline.png",
        )

    @timeline.autocomplete("about")
    async def about_autocomplete(
        self, interaction: discord.Interaction[FactBot], current: str
    ) -> list[app_commands.Choice[str]]:
        index = await lookup_for(self.bot).ready_event_index(interaction.guild_id)
        if index is None:  # first keystrokes after a start, while the index is built
            return []
        return choices(match.vocabulary_completions(index, current))


async def setup(bot: FactBot) -> None:
    await bot.add_cog(Timeline(bot))
