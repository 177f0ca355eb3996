"""Long answers paged on demand: the whole answer is planned from light keys (order, groups,
spread lines, page breaks), and a page's rows are loaded and rendered only when it is shown.

A page holds a fixed number of items, so the page count is known without rendering anything.
When a page's quotes make it too long for one embed, they are clipped shorter (a clipped quote
always points to ``/figure``), never dropped.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from collections.abc import Awaitable, Callable, Hashable, Mapping, Sequence
from dataclasses import dataclass
from operator import attrgetter, itemgetter
from typing import Any, Literal, overload

import discord

from bot.facts.model import Event, Figure
from bot.facts.store.fact_store import FigureKey
from bot.i18n import t
from bot.render import text
from bot.render.answers import (
    EVENT_SOURCES_SHOWN,
    METRIC_ORDER,
    figure_entry,
    merged_event_entry,
    metric_words,
)
from bot.render.pages import (
    COLOUR,
    DESCRIPTION_LIMIT,
    FOOTER_LIMIT,
    LEGEND_ROOM,
    MESSAGE_EMBEDS_TOTAL,
    TITLE_LIMIT,
    Entry,
    continued,
    page_counter,
)
from bot.render.text import DocumentLike, inferred_legend, option_name

#: Items on one page of a listing of figures or events (a spread line counts as one).
ROWS_PER_PAGE = 6
#: Quote lengths tried in turn until a page fits one embed.
QUOTE_LIMITS = (300, 160, 80)
_PAGE_COUNTER_ROOM = len(" · сторінка 99999/99999")

Kind = Literal["figure", "event", "line"]
Documents = Mapping[str, DocumentLike]


@dataclass(frozen=True, slots=True)
class Item:
    """One block of a listing before its row is loaded: a figure or event id, or a ready line."""

    kind: Kind
    key: str
    group: str | None = None
    inferred: bool = False


@dataclass(frozen=True, slots=True)
class Rows:
    """What one page shows: its figures and events by id, and the documents they cite."""

    figures: Mapping[str, Figure]
    events: Mapping[str, Event]
    documents: Documents


#: Loads the figures, events and cited documents of the given ids.
Loader = Callable[[Sequence[str], Sequence[str]], Awaitable[Rows]]
#: Renders a ready-made item (a source or document line) whose text is built lazily.
LineRenderer = Callable[[Item], str]


class LazyItems(Sequence[Item]):
    """``count`` items made one at a time when a page asks for them, so planning an answer of
    30,000 figures does not build 30,000 objects first."""

    def __init__(self, count: int, make: Callable[[int], Item]) -> None:
        self._count = count
        self._make = make

    def __len__(self) -> int:
        return self._count

    @overload
    def __getitem__(self, index: int) -> Item: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[Item]: ...

    def __getitem__(self, index: int | slice) -> Item | Sequence[Item]:
        if isinstance(index, slice):
            return [self._make(i) for i in range(*index.indices(self._count))]
        position = index + self._count if index < 0 else index
        if not 0 <= position < self._count:
            raise IndexError(index)
        return self._make(position)


def _plain_line(item: Item) -> str:
    return item.key


@dataclass(frozen=True)
class Listing:
    """A whole answer: items in order and where each page starts, its words in ``lang``."""

    items: Sequence[Item]
    starts: Sequence[int]
    title: str
    intro: str = ""
    footer: str = ""
    lang: str = "en"
    #: Whether events show the sentences they were read from.
    quotes: bool = False

    @property
    def page_count(self) -> int:
        return len(self.starts)

    def page_items(self, index: int) -> tuple[Sequence[Item], str | None]:
        """The items of page ``index`` and the group of the item just before it."""
        start = self.starts[index]
        end = self.starts[index + 1] if index + 1 < len(self.starts) else len(self.items)
        previous = self.items[start - 1].group if start > 0 else None
        return self.items[start:end], previous


def fixed_pages(count: int, per_page: int = ROWS_PER_PAGE) -> list[int]:
    return list(range(0, count, per_page)) or [0]


class ListingPages:
    """A :class:`Listing` whose pages are rendered when asked for (a paginator's page source)."""

    def __init__(
        self,
        listing: Listing,
        load: Loader,
        lines: LineRenderer = _plain_line,
        quote_limits: Sequence[int] = QUOTE_LIMITS,
    ) -> None:
        self.listing = listing
        self._load = load
        self._lines = lines
        self._quote_limits = quote_limits

    @property
    def page_count(self) -> int:
        return self.listing.page_count

    async def page(self, index: int) -> discord.Embed:
        index = max(0, min(index, self.page_count - 1))
        items, previous = self.listing.page_items(index)
        rows = await self._load(
            [i.key for i in items if i.kind == "figure"],
            [e for i in items if i.kind == "event" for e in i.key.split() if e[0] != "+"],
        )
        embed: discord.Embed | None = None
        for limit in self._quote_limits:
            entries = [self._entry(item, rows, limit) for item in items]
            embed = page_embed(self.listing, entries, previous, index)
            if embed is not None:
                return embed
        raise ValueError(f"page {index + 1} of {self.listing.title!r} cannot fit one embed")

    def _entry(self, item: Item, rows: Rows, quote_limit: int) -> Entry:
        lang = self.listing.lang
        if item.kind == "figure":
            figure = rows.figures.get(item.key)
            if figure is not None:
                return figure_entry(figure, rows.documents, item.group, quote_limit, lang)
            changed = t(lang, "listing.figure_changed", figure=text.figure_command(item.key, lang))
            return Entry(changed, item.group)
        if item.kind == "event":
            ids = item.key.split()
            more = int(ids.pop()[1:]) if ids[-1][0] == "+" else 0
            events = [rows.events[i] for i in ids if i in rows.events]
            if events:
                return merged_event_entry(
                    events, rows.documents, quote_limit, lang, quotes=self.listing.quotes,
                    more=more,
                )  # fmt: skip
            return Entry(t(lang, "listing.event_changed"), item.group)
        return Entry(self._lines(item), item.group, item.inferred)


def page_embed(
    listing: Listing, entries: Sequence[Entry], previous: str | None, index: int
) -> discord.Embed | None:
    """Page ``index`` as one embed, or None when it would break Discord's limits."""
    lang = listing.lang
    title = listing.title
    title = title if len(title) <= TITLE_LIMIT else title[: TITLE_LIMIT - 1] + "…"
    footer = listing.footer[: FOOTER_LIMIT - _PAGE_COUNTER_ROOM - LEGEND_ROOM - 6]
    intro = listing.intro[:1_000]
    blocks = [intro] if intro else []
    group: str | None = None
    for number, entry in enumerate(entries):
        heading = ""
        if entry.group is not None and entry.group != group:
            goes_on = number == 0 and entry.group == previous
            heading = f"**{entry.group}**{continued(lang) if goes_on else ''}\n"
        group = entry.group
        blocks.append(heading + entry.text)
    notes = [footer] if footer else []
    if any(e.inferred for e in entries):
        notes.append(inferred_legend(lang))
    if listing.page_count > 1:
        notes.append(page_counter(index + 1, listing.page_count, lang))
    description = "\n\n".join(blocks)
    footer_text = " · ".join(notes)
    if len(description) > DESCRIPTION_LIMIT:
        return None
    if len(title) + len(description) + len(footer_text) > MESSAGE_EMBEDS_TOTAL:
        return None
    embed = discord.Embed(title=title, description=description or None, colour=COLOUR)
    if footer_text:
        embed.set_footer(text=footer_text)
    return embed


# -- planning --------------------------------------------------------------------------------


def subject_metric(key: FigureKey, lang: str = "en") -> str:
    return f"{text.subject_name(key.subject, lang)} · {metric_words(key.metric, lang)}"


_LOW_HIGH = attrgetter("low", "high")
_HIGH_LOW = attrgetter("high", "low")


def spread_line(group: Sequence[FigureKey], lang: str = "en") -> str | None:
    """``text.spread(group)``, from the group's two ends only: its line depends on nothing else
    (the lowest and highest claimed figures, first of equals), and finding them with C-level
    keys spares walking a 30,000-figure group in Python."""
    claimed = [k for k in group if k.source]
    if not claimed:
        return None
    return text.spread([min(claimed, key=_LOW_HIGH), max(claimed, key=_HIGH_LOW)], lang)


def _figure_listing(
    keys: Sequence[FigureKey],
    group_of: Callable[[FigureKey], Hashable],
    order: Callable[[FigureKey], Any],
    heading: Callable[[FigureKey, str], str],
    *,
    spread: bool,
    title: str,
    intro: str = "",
    lang: str = "en",
) -> Listing:
    """Keys grouped by ``group_of`` (one group per value of ``order``, which orders the groups),
    the given order holding within a group, each group opened by its spread line where its
    sources disagree: what a stable sort by ``order`` and grouping by it give."""
    members: defaultdict[Hashable, list[FigureKey]] = defaultdict(list)
    for key in keys:
        members[group_of(key)].append(key)
    blocks: list[tuple[str, str | None, list[FigureKey]]] = []
    offsets: list[int] = []
    count = 0
    for group in sorted(members.values(), key=lambda found: order(found[0])):
        line = spread_line(group, lang) if spread and not group[0].additional else None
        blocks.append((heading(group[0], lang), f"↔ {line}" if line else None, group))
        offsets.append(count)
        count += len(group) + (1 if line else 0)

    def make(position: int) -> Item:
        block = bisect_right(offsets, position) - 1
        name, line, group = blocks[block]
        within = position - offsets[block]
        if line is not None:
            if within == 0:
                return Item("line", line, group=name)
            within -= 1
        return Item("figure", group[within].id, group=name)

    return Listing(
        LazyItems(count, make),
        fixed_pages(count),
        title=title,
        intro=intro,
        footer=t(
            lang,
            "listing.figures_footer",
            figures=text.counted(len(keys), "figure", lang),
            command=text.command_name("figure", lang),
        ),
        lang=lang,
    )


#: What tells the groups of each order apart, as C-level getters (subject and metric; subject
#: and whether the troops are additional).
_SUBJECT_METRIC = itemgetter(1, 2)
_SUBJECT_ADDITIONAL = itemgetter(1, 3)


def _casualty_order(key: FigureKey) -> tuple[str, int]:
    return key.subject, METRIC_ORDER[key.metric]


def _deployment_order(key: FigureKey) -> tuple[str, bool]:
    return key.subject, key.additional


def deployment_heading(subject: str, additional: bool, lang: str = "en") -> str:
    kind = t(lang, "metric.troops_additional" if additional else "metric.troops_deployed")
    return f"{text.subject_name(subject, lang)} · {kind}"


def _deployment_heading(key: FigureKey, lang: str) -> str:
    return deployment_heading(key.subject, key.additional, lang)


def casualty_listing(keys: Sequence[FigureKey], *, searched: str, lang: str = "en") -> Listing:
    """Casualty figures grouped by subject and metric, sources side by side, each group opened
    by its spread line where sources disagree. ``keys`` come in the store's figure order."""
    return _figure_listing(
        keys, _SUBJECT_METRIC, _casualty_order, subject_metric, spread=True,
        title=t(lang, "casualties.title"),
        intro=searched,
        lang=lang,
    )


def deployment_listing(keys: Sequence[FigureKey], *, searched: str, lang: str = "en") -> Listing:
    """Troop figures: original and additional deployments in separate groups; an additional
    number adds to an earlier one, so it gets no spread line against totals."""
    return _figure_listing(
        keys, _SUBJECT_ADDITIONAL, _deployment_order, _deployment_heading, spread=True,
        title=t(lang, "deployments.title"),
        intro=searched,
        lang=lang,
    )


def source_listing(name: str, keys: Sequence[FigureKey], lang: str = "en") -> Listing:
    return _figure_listing(
        keys, _SUBJECT_METRIC, _casualty_order, subject_metric, spread=False,
        title=t(lang, "sources.claimed_by", name=text.clip(name, 200)),
        lang=lang,
    )


def timeline_listing(
    events: Sequence[tuple[str, str]], *, searched: str, lang: str = "en", quotes: bool = False
) -> Listing:
    """Events (ids of the reports of one event joined by spaces, ISO start date) in date
    order, grouped by year."""
    def make(position: int) -> Item:
        event_ids, start = events[position]
        ids = event_ids.split(" ", EVENT_SOURCES_SHOWN)
        if len(ids) > EVENT_SOURCES_SHOWN:  # the rest only counted: "and 97 more"
            ids[-1] = f"+{ids[-1].count(' ') + 1}"
        return Item("event", " ".join(ids), group=start[:4])

    return Listing(
        LazyItems(len(events), make),
        fixed_pages(len(events)),
        title=t(lang, "timeline.title"),
        intro=searched,
        footer=text.counted(len(events), "event", lang),
        lang=lang,
        quotes=quotes,
    )


#: Room of a page of /sources, and the longest a source line and a document line (title,
#: URL) can be: a page never holds more lines than fit at their longest.
SOURCES_PAGE_ROOM = 3_800
SOURCE_LINE_MAX = 240
DOCUMENT_LINE_MAX = 545


def sources_listing(sources: int, documents: int, lang: str = "en") -> Listing:
    """Who claims how many figures, then the documents; item keys are positions
    ("c<i>" and "d<i>") that the line renderer looks up, so no line is built before its page."""
    sources_group, documents_group = t(lang, "sources.group"), t(lang, "documents.group")
    items = [Item("line", f"c{i}", group=sources_group) for i in range(sources)]
    items.extend(Item("line", f"d{i}", group=documents_group) for i in range(documents))
    starts: list[int] = []
    used = SOURCES_PAGE_ROOM
    for position in range(sources + documents):
        cost = SOURCE_LINE_MAX if position < sources else DOCUMENT_LINE_MAX
        if used + cost > SOURCES_PAGE_ROOM:
            starts.append(position)
            used = 0
        used += cost
    return Listing(
        items,
        starts or [0],
        title=t(lang, "sources.title"),
        intro=t(
            lang,
            "sources.intro",
            command=text.command_name("sources", lang),
            option=option_name("source", lang),
        ),
        footer=(
            f"{text.counted(sources, 'source', lang)}"
            f" · {text.counted(documents, 'document', lang)}"
        ),
        lang=lang,
    )
