"""What the fact base holds, as the commands need it for options: names, aliases, search indexes.

Built per guild and kept in memory until the store's version moves, so autocomplete answers in
milliseconds without a query or a rebuild on every keystroke. Not a cog (no ``setup``).
"""

from __future__ import annotations

import asyncio
import weakref
from bisect import bisect_left
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from discord import app_commands

from bot.client import FactBot
from bot.facts import match
from bot.facts.model import Event, Figure, Metric
from bot.facts.store import FactStore
from bot.render import text

CHOICE_LIMIT = 25
CHOICE_NAME_LIMIT = 100


@dataclass(frozen=True)
class Names:
    """Subjects and claimants a guild sees, with every alias users may type for them."""

    subjects: tuple[str, ...]
    claimants: tuple[str, ...]
    subject_aliases: Mapping[str, tuple[str, ...]]
    claimant_aliases: Mapping[str, tuple[str, ...]]

    def subject(self, query: str) -> str | None:
        return match.resolve_subject(query, self.subjects, self.subject_aliases)

    def claimant(self, query: str) -> str | None:
        return match.resolve_claimant(query, self.claimants, self.claimant_aliases)


@dataclass(frozen=True)
class FigureIndex:
    """Every visible figure, searchable by words and by id prefix."""

    figures: Mapping[str, Figure]
    ids: Sequence[str]  # sorted, for prefix look-ups
    words: match.TextIndex[str]

    def by_id_prefix(self, prefix: str, limit: int) -> list[str]:
        prefix = prefix.strip().lower()
        start = bisect_left(self.ids, prefix)
        found = []
        for figure_id in self.ids[start : start + limit]:
            if not figure_id.startswith(prefix):
                break
            found.append(figure_id)
        return found


def figure_search_text(figure: Figure) -> str:
    """What /search and the id autocomplete match a figure by."""
    return " ".join(
        (figure.subject, figure.metric.value, figure.source or "", str(figure.low), figure.quote)
    )


def figure_label(figure: Figure) -> str:
    """An autocomplete choice name: id, value, metric and the start of the quote (<= 100)."""
    head = f"{figure.id} · {text.figure_value(figure)} {figure.metric.value} · "
    room = CHOICE_NAME_LIMIT - len(head)
    quote = " ".join(figure.quote.split())
    return head + (quote if len(quote) <= room else quote[: room - 1] + "…")


class FactLookup:
    """Caches per guild, valid while ``store.version`` stays; one per store, shared by every cog."""

    def __init__(self, store: FactStore, followed: Sequence[str] = ()) -> None:
        self.store = store
        self.followed = tuple(followed)
        self._names: match.VersionedCache[int | None, Names] = match.VersionedCache()
        self._figures: match.VersionedCache[int | None, FigureIndex] = match.VersionedCache()
        self._events: match.VersionedCache[int | None, match.TextIndex[Event]] = (
            match.VersionedCache()
        )
        self._lock = asyncio.Lock()

    def version(self) -> int:
        """Changes whenever the fact base changes (for any guild); read without a query."""
        return self.store.version

    async def names(self, guild_id: int | None) -> Names:
        version = self.version()
        cached = self._names.peek(guild_id, version)
        if cached is not None:
            return cached
        with_figures = [n.name for n in await self.store.subjects(guild_id)]
        # the subjects the bot follows resolve even before any figure names them
        subjects = tuple(dict.fromkeys([*with_figures, *self.followed]))
        claimants = tuple(n.name for n in await self.store.claimants(guild_id))
        subject_aliases = match.merge_aliases(
            match.SUBJECT_ALIASES, match.group_aliases(await self.store.aliases("subject"))
        )
        claimant_aliases = match.merge_aliases(
            match.CLAIMANT_ALIASES, match.group_aliases(await self.store.aliases("claimant"))
        )
        names = Names(subjects, claimants, subject_aliases, claimant_aliases)
        return self._names.get(guild_id, version, lambda: names)

    async def figure_index(self, guild_id: int | None) -> FigureIndex:
        version = self.version()
        async with self._lock:
            cached = self._figures.peek(guild_id, version)
            if cached is not None:
                return cached
            figures = await self.store.figures(guild_id)

            def build() -> FigureIndex:
                return FigureIndex(
                    figures={f.id: f for f in figures},
                    ids=sorted(f.id for f in figures),
                    words=match.TextIndex((f.id, figure_search_text(f)) for f in figures),
                )

            index = await asyncio.to_thread(build)
            return self._figures.get(guild_id, version, lambda: index)

    async def event_index(self, guild_id: int | None) -> match.TextIndex[Event]:
        version = self.version()
        async with self._lock:
            cached = self._events.peek(guild_id, version)
            if cached is not None:
                return cached
            events = await self.store.events(guild_id)
            index = await asyncio.to_thread(
                match.TextIndex, ((e, f"{e.summary} {e.quote}") for e in events)
            )
            return self._events.get(guild_id, version, lambda: index)

    async def warm(self, guild_id: int | None) -> None:
        """Build every cache of ``guild_id`` now, so the first keystroke finds them ready."""
        await self.names(guild_id)
        await self.figure_index(guild_id)
        await self.event_index(guild_id)


_LOOKUPS: weakref.WeakKeyDictionary[FactStore, FactLookup] = weakref.WeakKeyDictionary()


def lookup_for(bot: FactBot) -> FactLookup:
    """The one FactLookup of the bot's store."""
    lookup = _LOOKUPS.get(bot.store)
    if lookup is None:
        lookup = _LOOKUPS[bot.store] = FactLookup(bot.store, bot.settings.subjects)
    return lookup


def choices(values: Sequence[str]) -> list[app_commands.Choice[str]]:
    """Autocomplete choices (name and value within Discord's 100 characters)."""
    return [
        app_commands.Choice(name=v[:CHOICE_NAME_LIMIT], value=v[:CHOICE_NAME_LIMIT])
        for v in values[:CHOICE_LIMIT]
    ]


def metric_choices(current: str, metrics: Sequence[Metric]) -> list[app_commands.Choice[str]]:
    values = [m.value for m in metrics]
    aliases = {m.value: match.METRIC_ALIASES.get(m, ()) for m in metrics}
    return choices(match.autocomplete(current, values, aliases=aliases))


def quoted(value: str) -> str:
    """A user's option value, shown back to them inert and short."""
    return "“" + text.clip(value, 100) + "”"


async def subject_choices(
    bot: FactBot, guild_id: int | None, current: str
) -> list[app_commands.Choice[str]]:
    names = await lookup_for(bot).names(guild_id)
    return choices(match.autocomplete(current, names.subjects, aliases=names.subject_aliases))


async def claimant_choices(
    bot: FactBot, guild_id: int | None, current: str
) -> list[app_commands.Choice[str]]:
    names = await lookup_for(bot).names(guild_id)
    return choices(match.autocomplete(current, names.claimants, aliases=names.claimant_aliases))


def shown(name: str) -> str:
    """A name from the fact base, bold and inert."""
    return f"**{text.clip(name, 100)}**"
