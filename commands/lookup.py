"""What the fact base holds, as the commands need it for options: names, aliases, search indexes.

Built per guild and kept in memory until the store's version moves, so autocomplete answers in
milliseconds without a query or a rebuild on every keystroke. Not a cog (no ``setup``).
"""

from __future__ import annotations

import asyncio
import logging
import weakref
from bisect import bisect_left
from collections.abc import Awaitable, Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import chain
from typing import Any, TypeVar

from discord import app_commands

from bot.client import FactBot
from bot.facts import match
from bot.facts.model import Event, Figure, Metric
from bot.facts.store import DocumentInfo, FactStore, NameCount, StoreStats
from bot.facts.store.fact_store import EventKey, FigureKey
from bot.render import text
from bot.render.listing import Listing, Loader, Rows

T = TypeVar("T")
log = logging.getLogger(__name__)

CHOICE_LIMIT = 25
#: How long an autocomplete waits for an index still being built before answering without it
#: (Discord drops an autocomplete not answered within 3 seconds).
AUTOCOMPLETE_WAIT = 1.0
CHOICE_NAME_LIMIT = 100


@dataclass(frozen=True)
class Names:
    """Subjects and claimants a guild sees, with every alias users may type for them."""

    subjects: tuple[str, ...]
    claimants: tuple[str, ...]
    subject_aliases: Mapping[str, tuple[str, ...]]
    claimant_aliases: Mapping[str, tuple[str, ...]]
    claimant_counts: tuple[NameCount, ...] = ()
    claimant_matcher: match.NameMatcher | None = None

    def subject(self, query: str) -> str | None:
        return match.resolve_subject(query, self.subjects, self.subject_aliases)

    def claimant(self, query: str) -> str | None:
        if self.claimant_matcher is not None:
            return self.claimant_matcher.resolve_claimant(query)
        return match.resolve_claimant(query, self.claimants, self.claimant_aliases)

    def near_subjects(self, query: str) -> list[str]:
        """What to suggest for a subject that resolves to none: the closest, else the first."""
        return match.closest(query, self.subjects, aliases=self.subject_aliases) or list(
            self.subjects[:3]
        )

    def near_claimants(self, query: str) -> list[str]:
        """What to suggest for a claimant that resolves to none: the closest, else the first."""
        if self.claimant_matcher is not None:
            near = self.claimant_matcher.closest(query)
        else:
            near = match.closest(query, self.claimants, aliases=self.claimant_aliases)
        return near or list(self.claimants[:3])


@dataclass(frozen=True)
class FigureIndex:
    """Every visible figure, searchable by words and by id prefix."""

    figures: Mapping[str, Figure]
    ids: Sequence[str]  # sorted, for prefix look-ups
    words: match.TextIndex[str]
    near_ids: match.NearestIndex  # over ``ids``: the closest ids to an unknown one

    def by_id_prefix(self, prefix: str, limit: int) -> list[str]:
        prefix = prefix.strip().lower()
        start = bisect_left(self.ids, prefix)
        found = []
        for figure_id in self.ids[start : start + limit]:
            if not figure_id.startswith(prefix):
                break
            found.append(figure_id)
        return found


@dataclass(frozen=True)
class FigureKeys:
    """Every figure key a guild sees, in the store's order, with the positions of each metric,
    subject and claimant (names as the store compares them), so that a new filter is a look-up
    and a merge of position lists rather than a scan of every key."""

    keys: Sequence[FigureKey]
    by_metric: Mapping[Metric, list[int]]
    by_subject: Mapping[tuple[str, Metric], list[int]]
    by_source: Mapping[tuple[str, Metric], list[int]]

    @classmethod
    def build(cls, keys: Sequence[FigureKey]) -> FigureKeys:
        by_metric: dict[Metric, list[int]] = {}
        by_subject: dict[tuple[str, Metric], list[int]] = {}
        by_source: dict[tuple[str, Metric], list[int]] = {}
        for position, key in enumerate(keys):
            by_metric.setdefault(key.metric, []).append(position)
            by_subject.setdefault((nocase(key.subject), key.metric), []).append(position)
            if key.source is not None:
                by_source.setdefault((nocase(key.source), key.metric), []).append(position)
        return cls(keys, by_metric, by_subject, by_source)

    def select(
        self,
        *,
        metrics: Iterable[Metric] | None = None,
        subject: str | None = None,
        source: str | None = None,
    ) -> list[FigureKey]:
        """What :func:`select_figures` gives over :attr:`keys`."""
        wanted = tuple(dict.fromkeys(metrics if metrics is not None else self.by_metric))
        if subject is None and source is None:
            return self._at(self._merged(self.by_metric, wanted))
        named = [
            (table, nocase(name))
            for table, name in ((self.by_subject, subject), (self.by_source, source))
            if name is not None
        ]
        lists = [self._merged(table, [(name, m) for m in wanted]) for table, name in named]
        if len(lists) == 1:
            return self._at(lists[0])
        # both names: the shorter list, checked for the other name
        fewer = min(lists, key=len)
        chosen = self._at(fewer)
        if fewer is lists[0]:
            return select_figures(chosen, source=source)
        return select_figures(chosen, subject=subject)

    @staticmethod
    def _merged(table: Mapping[Any, list[int]], wanted: Iterable[Any]) -> list[int]:
        return sorted(chain.from_iterable(table.get(key, ()) for key in wanted))

    def _at(self, positions: Iterable[int]) -> list[FigureKey]:
        keys = self.keys
        return [keys[p] for p in positions]


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
        self._figure_keys: match.VersionedCache[int | None, FigureKeys] = (
            match.VersionedCache()
        )
        self._event_keys: match.VersionedCache[int | None, list[EventKey]] = (
            match.VersionedCache()
        )
        self._documents: match.VersionedCache[int | None, list[DocumentInfo]] = (
            match.VersionedCache()
        )
        self._stats: match.VersionedCache[int | None, StoreStats] = match.VersionedCache()
        self._listings: match.VersionedCache[tuple[int | None, Hashable], Listing] = (
            match.VersionedCache(max_keys=256)
        )
        self._loading: dict[tuple[str, int | None], asyncio.Lock] = {}
        self._builds: dict[tuple[str, int | None], asyncio.Future[Any]] = {}

    async def _once(
        self,
        cache: match.VersionedCache[Any, T],
        kind: str,
        guild_id: int | None,
        load: Callable[[], Awaitable[T]],
    ) -> T:
        """The cached value, or one load of it however many callers ask at the same time."""
        version = self.version()
        cached = cache.peek(guild_id, version)
        if cached is not None:
            return cached
        async with self._loading.setdefault((kind, guild_id), asyncio.Lock()):
            cached = cache.peek(guild_id, version)
            if cached is not None:
                return cached
            value = await load()
            return cache.get(guild_id, version, lambda: value)

    async def figure_keys(self, guild_id: int | None) -> FigureKeys:
        """Every figure the guild sees, in the store's order (overlays applied), indexed."""

        async def load() -> FigureKeys:
            keys = await self.store.figure_keys(guild_id)
            return await asyncio.to_thread(FigureKeys.build, keys)

        return await self._once(self._figure_keys, "figure keys", guild_id, load)

    async def event_keys(self, guild_id: int | None) -> list[EventKey]:
        return await self._once(
            self._event_keys, "event keys", guild_id, lambda: self.store.event_keys(guild_id)
        )

    async def documents(self, guild_id: int | None) -> list[DocumentInfo]:
        return await self._once(
            self._documents, "documents", guild_id, lambda: self.store.documents(guild_id)
        )

    async def stats(self, guild_id: int | None) -> StoreStats:
        return await self._once(
            self._stats, "stats", guild_id, lambda: self.store.stats(guild_id)
        )

    def listing(
        self, guild_id: int | None, query: Hashable, build: Callable[[], Listing]
    ) -> Listing:
        """The listing answering ``query`` for the guild, planned once per fact-base version."""
        return self._listings.get((guild_id, query), self.version(), build)

    def loader(self, guild_id: int | None) -> Loader:
        """Loads one page's figures, events and cited documents as the guild sees them."""
        store = self.store

        async def load(figure_ids: Sequence[str], event_ids: Sequence[str]) -> Rows:
            figures = await store.figures_by_id(guild_id, figure_ids)
            events = await store.events_by_id(guild_id, event_ids)
            cited = {f.document for f in figures} | {e.document for e in events}
            documents = await store.documents_by_key(guild_id, cited)
            return Rows({f.id: f for f in figures}, {e.id: e for e in events}, documents)

        return load

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
        claimant_counts = tuple(await self.store.claimants(guild_id))
        claimants = tuple(n.name for n in claimant_counts)
        subject_aliases = match.merge_aliases(
            match.SUBJECT_ALIASES, match.group_aliases(await self.store.aliases("subject"))
        )
        claimant_aliases = match.merge_aliases(
            match.CLAIMANT_ALIASES, match.group_aliases(await self.store.aliases("claimant"))
        )
        matcher = match.NameMatcher(claimants, claimant_aliases)
        names = Names(
            subjects, claimants, subject_aliases, claimant_aliases, claimant_counts, matcher
        )
        return self._names.get(guild_id, version, lambda: names)

    async def figure_index(self, guild_id: int | None) -> FigureIndex:
        version = self.version()
        async with self._lock:
            cached = self._figures.peek(guild_id, version)
            if cached is not None:
                return cached
            figures = await self.store.figures(guild_id)

            def build() -> FigureIndex:
                ids = sorted(f.id for f in figures)
                return FigureIndex(
                    figures={f.id: f for f in figures},
                    ids=ids,
                    words=match.TextIndex((f.id, figure_search_text(f)) for f in figures),
                    near_ids=match.NearestIndex(ids),
                )

            index = await asyncio.to_thread(build)
            return self._figures.get(guild_id, version, lambda: index)

    async def ready_figure_index(
        self, guild_id: int | None, wait: float = AUTOCOMPLETE_WAIT
    ) -> FigureIndex | None:
        """The figure index, waiting at most ``wait`` seconds for its build; None when it is
        not ready by then (the build goes on, so a later keystroke finds it)."""
        return await self._within(
            self._figures, ("figure index", guild_id), lambda: self.figure_index(guild_id), wait
        )

    async def ready_event_index(
        self, guild_id: int | None, wait: float = AUTOCOMPLETE_WAIT
    ) -> match.TextIndex[Event] | None:
        return await self._within(
            self._events, ("event index", guild_id), lambda: self.event_index(guild_id), wait
        )

    async def _within(
        self,
        cache: match.VersionedCache[int | None, T],
        name: tuple[str, int | None],
        build: Callable[[], Awaitable[T]],
        wait: float,
    ) -> T | None:
        """The cached index, else the one being built if it is ready within ``wait`` seconds."""
        cached = cache.peek(name[1], self.version())
        if cached is not None:
            return cached
        task = self._builds.get(name)
        if task is None or task.done():
            task = asyncio.ensure_future(build())
            task.add_done_callback(_log_failure)
            self._builds[name] = task
        try:
            result: T = await asyncio.wait_for(asyncio.shield(task), wait)
        except TimeoutError:
            return None
        return result

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
        await self.stats(guild_id)
        await self.figure_index(guild_id)
        await self.event_index(guild_id)
        await self.figure_keys(guild_id)
        await self.event_keys(guild_id)
        await self.documents(guild_id)


def _log_failure(task: asyncio.Future[Any]) -> None:
    if not task.cancelled() and task.exception() is not None:
        log.warning("building an index failed", exc_info=task.exception())


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
    if names.claimant_matcher is None:
        return choices(
            match.autocomplete(current, names.claimants, aliases=names.claimant_aliases)
        )
    return choices(names.claimant_matcher.autocomplete(current))


def shown(name: str) -> str:
    """A name from the fact base, bold and inert."""
    return f"**{text.clip(name, 100)}**"


_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def nocase(value: str) -> str:
    """``value`` as SQLite's NOCASE collation compares it (ASCII letters folded only)."""
    return value.translate(_ASCII_LOWER)


def select_figures(
    keys: Iterable[FigureKey],
    *,
    metrics: Iterable[Metric] | None = None,
    subject: str | None = None,
    source: str | None = None,
) -> list[FigureKey]:
    """The keys matching the options, in their order; names compare as the store's do."""
    wanted = frozenset(metrics) if metrics is not None else None
    subject_key = nocase(subject) if subject is not None else None
    source_key = nocase(source) if source is not None else None
    return [
        k
        for k in keys
        if (wanted is None or k.metric in wanted)
        and (subject_key is None or nocase(k.subject) == subject_key)
        and (source_key is None or (k.source is not None and nocase(k.source) == source_key))
    ]
