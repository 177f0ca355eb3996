"""What the fact base holds, as commands need it for options and answers: names and aliases,
search indexes, figure and event keys, listings.

Built per guild and kept in memory until the store's version moves, so autocomplete answers in
milliseconds without a query or a rebuild on every keystroke. The bot owns one
:class:`FactLookup` (``bot.lookup``), shared by every cog and option transformer.
"""

from __future__ import annotations

import asyncio
import gc
import logging
from bisect import bisect_left
from collections.abc import Awaitable, Callable, Hashable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any, TypeVar

from bot.facts.model import DateSpan, Event, Figure
from bot.facts.store import DocumentInfo, FactStore, NameCount, StoreStats
from bot.facts.store.fact_store import EventKey
from bot.facts.timeline import DatedHeadline, EventGroup, Topic, event_groups, topic
from bot.lookup import names as name_match
from bot.lookup.cache import VersionedCache
from bot.lookup.figure_keys import FigureKeys
from bot.lookup.nearest import NearestIndex
from bot.lookup.question import FigureTags, QueryReader, number_tags
from bot.lookup.text_index import TextIndex
from bot.render.listing import Listing, Loader, Rows

T = TypeVar("T")
#: A guild id, or None for what every server shares (direct messages).
Guild = int | None
log = logging.getLogger(__name__)

#: How long an autocomplete waits for an index still being built before answering without it
#: (Discord drops an autocomplete not answered within 3 seconds).
AUTOCOMPLETE_WAIT = 1.0


@dataclass(frozen=True)
class Names:
    """Subjects and sources a guild sees, with every alias users may type for them."""

    subjects: tuple[str, ...]
    subject_aliases: Mapping[str, tuple[str, ...]]
    source_counts: tuple[NameCount, ...]
    #: Resolves and completes sources (thousands of them on a large fact base), prepared once.
    source_matcher: name_match.NameMatcher

    @property
    def sources(self) -> tuple[str, ...]:
        return self.source_matcher.candidates

    @cached_property
    def reader(self) -> QueryReader:
        """Reads /search's words against these forces and claimant names."""
        return QueryReader(self.subjects, self.subject_aliases)

    def subject(self, query: str) -> str | None:
        return name_match.resolve_subject(query, self.subjects, self.subject_aliases)

    def source(self, query: str) -> str | None:
        return self.source_matcher.resolve_source(query)

    def near_subjects(self, query: str) -> list[str]:
        """What to suggest for a subject that resolves to none: the closest, else the first."""
        return name_match.closest(query, self.subjects, aliases=self.subject_aliases) or list(
            self.subjects[:3]
        )

    def near_sources(self, query: str) -> list[str]:
        """What to suggest for a source that resolves to none: the closest, else the first."""
        return self.source_matcher.closest(query) or list(self.sources[:3])


@dataclass(frozen=True)
class FigureIndex:
    """Every visible figure, searchable by words and by id prefix."""

    figures: Mapping[str, Figure]
    ids: Sequence[str]  # sorted, for prefix look-ups
    words: TextIndex[str]
    near_ids: NearestIndex  # over ``ids``: the closest ids to an unknown one

    def by_id_prefix(self, prefix: str, limit: int) -> list[str]:
        prefix = prefix.strip().lower()
        start = bisect_left(self.ids, prefix)
        found = []
        for figure_id in self.ids[start : start + limit]:
            if not figure_id.startswith(prefix):
                break
            found.append(figure_id)
        return found


def newest_first(when: DateSpan | None) -> tuple[bool, int, int]:
    """Sort key: the latest date first (by its end, then its start), undated last."""
    if when is None:
        return (True, 0, 0)
    return (False, -when.end.toordinal(), -when.start.toordinal())


def figure_search_text(figure: Figure) -> str:
    """What /search and the id autocomplete match a figure by."""
    return " ".join(
        (figure.subject, figure.metric.value, figure.source or "", str(figure.low), figure.quote)
    )


class FactLookup:
    """Caches per guild, valid while ``store.version`` stays; one per store, shared by every cog
    and option."""

    def __init__(self, store: FactStore, followed: Sequence[str] = ()) -> None:
        self.store = store
        self.followed = tuple(followed)
        self._names: VersionedCache[Guild, Names] = VersionedCache()
        self._figures: VersionedCache[Guild, FigureIndex] = VersionedCache()
        self._events: VersionedCache[Guild, TextIndex[Event]] = VersionedCache()
        self._lock = asyncio.Lock()
        self._figure_keys: VersionedCache[Guild, FigureKeys] = VersionedCache()
        self._event_keys: VersionedCache[Guild, list[DatedHeadline]] = VersionedCache()
        self._event_groups: VersionedCache[Guild, list[EventGroup]] = VersionedCache()
        self._documents: VersionedCache[Guild, list[DocumentInfo]] = VersionedCache()
        self._stats: VersionedCache[Guild, StoreStats] = VersionedCache()
        self._listings: VersionedCache[tuple[Guild, Hashable], Listing] = VersionedCache(
            max_keys=256
        )
        self._loading: dict[tuple[str, int | None], asyncio.Lock] = {}
        self._builds: dict[tuple[str, int | None], asyncio.Future[Any]] = {}

    async def _once(
        self,
        cache: VersionedCache[Any, T],
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
            _settle()
            return cache.get(guild_id, version, lambda: value)

    async def figure_keys(self, guild_id: int | None) -> FigureKeys:
        """Every figure the guild sees, in the store's order (overlays applied), indexed."""

        async def load() -> FigureKeys:
            keys = await self.store.figure_keys(guild_id)
            return await asyncio.to_thread(FigureKeys.build, keys)

        return await self._once(self._figure_keys, "figure keys", guild_id, load)

    async def event_keys(self, guild_id: int | None) -> list[DatedHeadline]:
        """Every event the guild sees in date order, with its headline's topic for merging."""

        async def load() -> list[DatedHeadline]:
            keys = await self.store.event_keys(guild_id)
            return await asyncio.to_thread(_with_topics, keys)

        return await self._once(self._event_keys, "event keys", guild_id, load)

    async def event_groups(self, guild_id: int | None) -> list[EventGroup]:
        """Every event the guild sees once, however many documents report it, in date order:
        merged once per fact-base version, so a filter only picks groups."""

        async def load() -> list[EventGroup]:
            keys = await self.event_keys(guild_id)
            return await asyncio.to_thread(event_groups, keys)

        return await self._once(self._event_groups, "event groups", guild_id, load)

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
        source_counts = tuple(await self.store.claimants(guild_id))
        subject_aliases = name_match.merge_aliases(
            name_match.TYPED_SUBJECT_ALIASES,
            name_match.group_aliases(await self.store.aliases("subject")),
        )
        source_aliases = name_match.merge_aliases(
            name_match.TYPED_SOURCE_ALIASES,
            name_match.group_aliases(await self.store.aliases("claimant")),
        )
        matcher = name_match.NameMatcher([n.name for n in source_counts], source_aliases)
        names = Names(subjects, subject_aliases, source_counts, matcher)
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
                newest = sorted(figures, key=lambda f: newest_first(f.date))
                tags = map(FigureTags(), newest)
                return FigureIndex(
                    figures={f.id: f for f in figures},
                    ids=ids,
                    words=TextIndex(((f.id, figure_search_text(f)) for f in newest), tags),
                    near_ids=NearestIndex(ids),
                )

            index = await asyncio.to_thread(build)
            _settle()
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
    ) -> TextIndex[Event] | None:
        return await self._within(
            self._events, ("event index", guild_id), lambda: self.event_index(guild_id), wait
        )

    async def _within(
        self,
        cache: VersionedCache[int | None, T],
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

    async def event_index(self, guild_id: int | None) -> TextIndex[Event]:
        version = self.version()
        async with self._lock:
            cached = self._events.peek(guild_id, version)
            if cached is not None:
                return cached
            events = await self.store.events(guild_id)

            def build() -> TextIndex[Event]:
                newest = sorted(events, key=lambda e: newest_first(e.date))
                return TextIndex(
                    ((e, f"{e.summary} {e.quote}") for e in newest),
                    (number_tags(e.quote) for e in newest),
                )

            index = await asyncio.to_thread(build)
            _settle()
            return self._events.get(guild_id, version, lambda: index)

    async def warm(self, guild_id: int | None) -> None:
        """Build every cache of ``guild_id`` now, so the first keystroke finds them ready."""
        await self.names(guild_id)
        await self.stats(guild_id)
        await self.figure_index(guild_id)
        await self.event_index(guild_id)
        await self.figure_keys(guild_id)
        await self.event_keys(guild_id)
        await self.event_groups(guild_id)
        await self.documents(guild_id)


def _settle() -> None:
    """Leave what is held now out of the garbage collector's full passes (``gc.freeze``).

    An index of 100,000 figures is millions of objects that live until the fact base changes;
    a full collection walks them all, holding the event loop for 0.1-0.35 s at random moments
    (the slowest answers of bench/commands_bench.py). Frozen objects are still freed when
    nothing refers to them any more, as these indexes, without reference cycles, are."""
    gc.freeze()


def _log_failure(task: asyncio.Future[Any]) -> None:
    if not task.cancelled() and task.exception() is not None:
        log.warning("building an index failed", exc_info=task.exception())


def _with_topics(keys: Sequence[EventKey]) -> list[DatedHeadline]:
    """The keys with their topics; a headline repeated (an event told in several sentences
    alike) is read once."""
    topics: dict[str, Topic | None] = {}
    found = []
    for key in keys:
        if key.summary not in topics:
            topics[key.summary] = topic(key.summary)
        found.append(DatedHeadline(key.id, key.start, key.end, key.precision, topics[key.summary]))
    return found

