"""Long answers paged on demand: the whole answer is planned from light keys (order, groups,
summaries, page breaks), and a page's rows are loaded and rendered only when it is shown.

A page holds a fixed number of items, so the page count is known without rendering anything.
When a page's quotes make it too long for one embed, they are clipped shorter (a clipped quote
always points to ``/figure``), never dropped.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from collections.abc import Awaitable, Callable, Hashable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from operator import attrgetter, itemgetter
from typing import Any, Literal, overload

import discord

from bot.facts.contradictions import (
    Relation,
    bounds,
    different_times,
    period_key,
    recency,
    relation,
    same_claimant,
)
from bot.facts.model import Event, Figure, Metric
from bot.facts.store.fact_store import FigureKey
from bot.i18n import t
from bot.render import text
from bot.render.answers import (
    EVENT_SOURCES_SHOWN,
    METRIC_ORDER,
    figure_entry,
    figure_line,
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

#: Items on one page of a listing of figures or events (a summary line counts as one).
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
    #: One line per figure, no quote, its document linked to its article; a group's lines
    #: follow one another without a blank line (the summarised answers).
    compact: bool = False

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
        # a compact page tries its documents linked, then their names alone, then without them
        # (for /figure to tell); a quoted page tries shorter quotes
        tries = (0, -1, -2) if self.listing.compact else self._quote_limits
        for limit in tries:
            entries = [self._entry(item, rows, limit) for item in items]
            embed = page_embed(self.listing, entries, previous, index)
            if embed is not None:
                return embed
        raise ValueError(f"page {index + 1} of {self.listing.title!r} cannot fit one embed")

    def _entry(self, item: Item, rows: Rows, quote_limit: int) -> Entry:
        lang = self.listing.lang
        if item.kind == "figure":
            figure = rows.figures.get(item.key)
            if figure is not None and self.listing.compact:
                line = figure_line(
                    figure, rows.documents, lang, link=quote_limit == 0, cite=quote_limit > -2
                )
                return Entry(line, item.group, text.is_inferred(figure.date))
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
        if listing.compact and blocks and number > 0 and not heading:
            blocks[-1] += "\n" + entry.text  # the same group: the next line
        else:
            blocks.append(heading + entry.text)
        group = entry.group
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


_SOURCE = attrgetter("source")


def _figures_footer(count: int, lang: str) -> str:
    """"12 figures · /figure <id> shows one in full": the footer of every figure listing."""
    return t(
        lang,
        "listing.figures_footer",
        figures=text.counted(count, "figure", lang),
        command=text.command_name("figure", lang),
    )


def _figure_listing(
    keys: Sequence[FigureKey],
    group_of: Callable[[FigureKey], Hashable],
    order: Callable[[FigureKey], Any],
    heading: Callable[[FigureKey, str], str],
    *,
    title: str,
    intro: str = "",
    lang: str = "en",
) -> Listing:
    """Keys grouped by ``group_of`` (one group per value of ``order``, which orders the groups),
    the given order holding within a group: what a stable sort by ``order`` and grouping by it
    give."""
    members: defaultdict[Hashable, list[FigureKey]] = defaultdict(list)
    for key in keys:
        members[group_of(key)].append(key)
    blocks: list[tuple[str, list[FigureKey]]] = []
    offsets: list[int] = []
    count = 0
    for group in sorted(members.values(), key=lambda found: order(found[0])):
        blocks.append((heading(group[0], lang), group))
        offsets.append(count)
        count += len(group)

    def make(position: int) -> Item:
        block = bisect_right(offsets, position) - 1
        name, group = blocks[block]
        return Item("figure", group[position - offsets[block]].id, group=name)

    return Listing(
        LazyItems(count, make),
        fixed_pages(count),
        title=title,
        intro=intro,
        footer=_figures_footer(len(keys), lang),
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


#: Items on one page of a summarised answer (summary lines and one-line figures).
COMPACT_ROWS_PER_PAGE = 12


def _group_order(key: FigureKey) -> tuple[str, bool, int, tuple[str, str, int] | tuple[()]]:
    """Groups by force, its totals before its rates, metrics in their order, then periods."""
    period = period_key(key.period)
    return key.subject, period is not None, METRIC_ORDER[key.metric], period or ()


#: A group's force, metric and period (the store gives equal periods one object, see
#: ``FactStore.figure_keys``), as a C-level getter.
_group_of = itemgetter(1, 2, 9)


def group_heading(key: FigureKey, lang: str = "en") -> str:
    """"North Korea · killed", "North Korea · troops deployed", a rate's with its period:
    "Russia · casualties (killed or wounded) · per day"."""
    if key.metric is Metric.DEPLOYED:
        heading = deployment_heading(key.subject, False, lang)
    else:
        heading = subject_metric(key, lang)
    if key.period is not None:
        heading += " · " + text.period_words(key.period, lang)
    return heading


def _claim(key: FigureKey, lang: str, *, plus: bool = False) -> tuple[str, str, str]:
    """A figure's amount (bold; ``plus``: "+1,000–3,000"), claimant and date, for a line."""
    amount = text.value(key.low, key.high, key.qualifier, lang)
    return (
        f"**+{amount}**" if plus else f"**{amount}**",
        text.clip(text.source_name(key.source, lang), 100),
        text.span(key.date, lang),
    )


#: The most recent claims of a group that its revision and disagreement lines look at: a group
#: of any size is summarised in bounded time.
SUMMARY_WINDOW = 200
_NEVER = date.min
_LOW = attrgetter("low")
_HIGH = attrgetter("high")


def _since(key: FigureKey) -> date:
    when = key.date
    return _NEVER if when is None else when.start


def newest_first(keys: Sequence[FigureKey]) -> list[FigureKey]:
    """The figures by as-of date, the latest start first, undated ones last; equals keep their
    order."""
    return sorted(keys, key=_since, reverse=True)


def _lowest_two(keys: Sequence[FigureKey], value: Callable[[FigureKey], float]) -> list[FigureKey]:
    """The figure with the least ``value``, and the least among the other claimants'."""
    first: FigureKey | None = None
    second: FigureKey | None = None
    for key in keys:
        if first is None or value(key) < value(first):
            if first is not None and not same_claimant(first, key):
                second = first
            first = key
        elif (second is None or value(key) < value(second)) and not same_claimant(first, key):
            second = key
    return [k for k in (first, second) if k is not None]


def conflicting(keys: Sequence[FigureKey]) -> list[FigureKey]:
    """Those of ``keys`` that conflict with another of them (:func:`relation`), checked against
    the figures that reach lowest and highest (of two claimants each), so that the claims are
    read once, not in pairs."""
    extremes = _lowest_two(keys, lambda k: bounds(k)[1])
    extremes += _lowest_two(keys, lambda k: -bounds(k)[0])
    return [
        key for key in keys
        if any(relation(key, other) is Relation.CONFLICT for other in extremes)
    ]  # fmt: skip


def _revised(newest: Sequence[FigureKey], latest: FigureKey) -> FigureKey | None:
    """The claim the latest revises: the most recent one about an earlier time whose relation
    to it is a revision (the latest's own claimant first among equals), among the
    :data:`SUMMARY_WINDOW` most recent about an earlier time."""
    found: FigureKey | None = None
    looked = 0
    for key in newest:
        if not different_times(key, latest) or recency(key) >= recency(latest):
            continue
        if found is not None and _since(key) < _since(found):
            break
        looked += 1
        if looked > SUMMARY_WINDOW:
            break
        if relation(key, latest) is Relation.REVISION and (
            found is None or (same_claimant(key, latest) and not same_claimant(found, latest))
        ):
            found = key
    return found


def summary_lines(group: Sequence[FigureKey], lang: str = "en") -> list[tuple[str, bool]]:
    """What opens a group (``group`` newest first, see :func:`newest_first`), each line with
    whether it shows an inferred date: the latest figure (when the group holds more than one),
    the range of every total claim and how many are unattributed (never for rates), the latest
    addition as "+N", the revision from the most recent claim about an earlier time, and how
    many of the :data:`SUMMARY_WINDOW` most recent claims about the latest time disagree."""
    totals = [k for k in group if not k.additional]
    additions = [k for k in group if k.additional] if len(totals) < len(group) else []
    lines: list[tuple[str, bool]] = []
    if totals:
        latest = totals[0]
        if len(group) > 1:
            value, source, when = _claim(latest, lang)
            lines.append(
                (t(lang, "summary.latest", value=value, source=source, date=when),
                 text.is_inferred(latest.date))
            )  # fmt: skip
        low, high = min(totals, key=_LOW).low, max(totals, key=_HIGH).high
        if latest.period is None and len(totals) > 1 and low < high:
            line = t(
                lang, "summary.range", n=len(totals), low=text.count(low, lang),
                high=text.count(high, lang),
            )  # fmt: skip
            unattributed = len(totals) - sum(map(bool, map(_SOURCE, totals)))
            if unattributed:
                line += ", " + t(lang, "summary.unattributed", count=text.count(unattributed, lang))
            lines.append((line, False))
    if additions:
        added = additions[0]
        value, source, when = _claim(added, lang, plus=True)
        kind = "summary.sent_in_addition" if added.metric is Metric.DEPLOYED else (
            "summary.in_addition"
        )
        line = t(lang, kind, value=value, source=source, date=when)
        if len(additions) > 1:
            line += " · " + t(lang, "summary.more_claims", n=len(additions))
        lines.append((line, text.is_inferred(added.date)))
    if totals:
        before = _revised(totals, latest)
        if before is not None:
            inferred = text.is_inferred(before.date) or text.is_inferred(latest.date)
            lines.append((text.revision(before, latest, lang), inferred))
        now = [k for k in totals[:SUMMARY_WINDOW] if not different_times(k, latest)]
        disagreeing = conflicting(now) if len(now) > 1 else []
        if disagreeing:
            about = disagreeing[0].date
            line = t(
                lang, "summary.conflict", n=len(disagreeing), what=group_heading(latest, lang),
                date=text.span(about, lang),
            )  # fmt: skip
            lines.append((line, text.is_inferred(about)))
    return lines


def summary_listing(
    keys: Sequence[FigureKey], *, title: str, intro: str = "", lang: str = "en"
) -> Listing:
    """Figures grouped by force, metric and period (a rate's group apart from the totals),
    additions with the totals they add to; each group opened by its summary
    (:func:`summary_lines`), then its figures newest first, one line each linking to the
    article; the quotes are behind /figure."""
    members: defaultdict[Hashable, list[FigureKey]] = defaultdict(list)
    for key in keys:
        members[_group_of(key)].append(key)
    blocks: list[tuple[str, list[Item], list[FigureKey]]] = []
    offsets: list[int] = []
    count = 0
    for group in sorted(members.values(), key=lambda found: _group_order(found[0])):
        name = group_heading(group[0], lang)
        newest = newest_first(group)
        lines = [
            Item("line", line, group=name, inferred=inferred)
            for line, inferred in summary_lines(newest, lang)
        ]
        blocks.append((name, lines, newest))
        offsets.append(count)
        count += len(lines) + len(newest)

    def make(position: int) -> Item:
        block = bisect_right(offsets, position) - 1
        name, lines, newest = blocks[block]
        within = position - offsets[block]
        if within < len(lines):
            return lines[within]
        return Item("figure", newest[within - len(lines)].id, group=name)

    return Listing(
        LazyItems(count, make),
        fixed_pages(count, COMPACT_ROWS_PER_PAGE),
        title=title,
        intro=intro,
        footer=_figures_footer(len(keys), lang),
        lang=lang,
        compact=True,
    )


def casualty_listing(keys: Sequence[FigureKey], *, searched: str, lang: str = "en") -> Listing:
    """Casualty figures by force and metric, each group's summary first, then its figures
    newest first. ``keys`` come in the store's figure order."""
    return summary_listing(keys, title=t(lang, "casualties.title"), intro=searched, lang=lang)


def deployment_listing(keys: Sequence[FigureKey], *, searched: str, lang: str = "en") -> Listing:
    """Troop figures by force: the latest total, and additional deployments as "+N" beside
    it (an addition is never ranged with totals), then the figures newest first."""
    return summary_listing(keys, title=t(lang, "deployments.title"), intro=searched, lang=lang)


def source_listing(name: str, keys: Sequence[FigureKey], lang: str = "en") -> Listing:
    return _figure_listing(
        keys, _SUBJECT_METRIC, _casualty_order, subject_metric,
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
