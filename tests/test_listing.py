"""Listings paged on demand: planned from light keys, one page rendered at a time, every page
within Discord's limits, nothing dropped; and the store queries and name matcher behind them."""

from __future__ import annotations

import itertools
import random
import re
import shutil
from collections.abc import Sequence
from datetime import date, datetime

import discord
import pytest

from bot.client import seed_extractor
from bot.config import Settings
from bot.facts.ingest import sync_folder
from bot.facts.model import DateSpan, Event, Figure, Metric, Precision, Qualifier, Status
from bot.facts.store import DocumentInfo, FactStore
from bot.facts.store.fact_store import FigureKey
from bot.facts.store.overlays import Moderation
from bot.facts.store.rows import key_date
from bot.lookup import names as name_match
from bot.render import text
from bot.render.answers import METRIC_ORDER, document_line, metric_words, source_line
from bot.render.listing import (
    COMPACT_ROWS_PER_PAGE,
    Item,
    LazyItems,
    ListingPages,
    Rows,
    casualty_listing,
    deployment_listing,
    group_heading,
    newest_first,
    source_listing,
    sources_listing,
    summary_lines,
    timeline_listing,
)
from tests.conftest import REPO_SEEDS
from tests.test_render import assert_fits, desc, figure, span

LONG = "Ministry of *Defence* <@123> of the Republic " * 10


def key_of(figure: Figure) -> FigureKey:
    return FigureKey(
        figure.id, figure.subject, figure.metric, figure.additional, figure.low, figure.high,
        figure.qualifier, figure.source, figure.date, figure.period,
    )


def worst_figures(count: int) -> list[Figure]:
    """Figures with every field as long as it gets: long escaped quotes, names, dates, marks."""
    quote = ("North Korean *soldiers* were killed near `Kursk`, officials said. " * 40)[:2000]
    when = DateSpan("x", date(2024, 10, 30), date(2025, 11, 1), Precision.DAY, True)
    return [
        Figure(
            id=f"f{i:07d}",
            document="doc.txt",
            metric=[Metric.KILLED, Metric.WOUNDED, Metric.CASUALTIES][i % 3],
            subject=f"{LONG} {i % 2}",
            low=100_000_000 + i,
            high=900_000_000 + i,
            qualifier=Qualifier.RANGE,
            additional=i % 5 == 0,
            source=f"{LONG} {i % 7}",
            date=when,
            quote=quote,
            span=(0, 10),
            status=Status.CORRECTED,
        )
        for i in range(count)
    ]


def loader_for(
    figures: Sequence[Figure],
    documents: dict[str, DocumentInfo] | None = None,
    events: Sequence[Event] = (),
):
    by_id = {f.id: f for f in figures}
    events_by_id = {e.id: e for e in events}

    async def load(figure_ids: Sequence[str], event_ids: Sequence[str]) -> Rows:
        return Rows(
            {i: by_id[i] for i in figure_ids},
            {i: events_by_id[i] for i in event_ids},
            documents or {},
        )

    return load


async def all_pages(pages: ListingPages) -> list[discord.Embed]:
    return [await pages.page(i) for i in range(pages.page_count)]


async def casualty_pages(figures: Sequence[Figure], searched: str = "all") -> list[discord.Embed]:
    """The /casualties answer for ``figures``, every page rendered."""
    listing = casualty_listing([key_of(f) for f in figures], searched=searched)
    return await all_pages(ListingPages(listing, loader_for(figures)))


async def source_pages(figures: Sequence[Figure]) -> list[discord.Embed]:
    """The /sources answer for one source's ``figures`` (quotes shown), every page rendered."""
    listing = source_listing("NIS", [key_of(f) for f in figures])
    return await all_pages(ListingPages(listing, loader_for(figures)))


def read_listing(embeds: Sequence[discord.Embed], groups: set[str]) -> list[tuple[str, str]]:
    """What the pages show in order: ("heading", group), ("continued", group)
    and ("figure", id); a heading is a line naming one of ``groups`` in bold."""
    shown: list[tuple[str, str]] = []
    for embed in embeds:
        for line in (embed.description or "").split("\n"):
            heading = line.removesuffix(" (continued)")
            if heading.startswith("**") and heading.endswith("**") and heading[2:-2] in groups:
                shown.append(("continued" if heading != line else "heading", heading[2:-2]))
            elif found := re.search(r"· `/figure (f\d{7})`", line):
                shown.append(("figure", found[1]))
    return shown


async def test_every_figure_once_every_page_within_limits_in_casualty_order():
    figures = worst_figures(600)
    random.Random(3).shuffle(figures)
    listing = casualty_listing([key_of(f) for f in figures], searched="subject " + LONG)
    embeds = await all_pages(ListingPages(listing, loader_for(figures)))
    assert_fits(embeds)
    shown = re.findall(r"· `/figure (f\d{7})`", "\n".join(e.description or "" for e in embeds))
    assert sorted(shown) == sorted(f.id for f in figures)
    # by subject, then metric in its fixed order; all about one time, so the given order holds
    # within a group (newest first keeps the order of equals); additions with their totals
    ordered = sorted(figures, key=lambda f: (f.subject, METRIC_ORDER[f.metric]))
    assert shown == [f.id for f in ordered]
    # a group per subject and metric, headed by both (the subject clipped), its summary first
    members: dict[tuple[str, Metric], list[Figure]] = {}
    for f in ordered:
        members.setdefault((f.subject, f.metric), []).append(f)
    expected: list[tuple[str, str]] = []
    for (subject, metric), group in members.items():
        expected.append(("heading", f"{text.clip(subject, 100)} · {metric_words(metric)}"))
        expected.extend(("figure", f.id) for f in group)
    read = read_listing(embeds, {name for kind, name in expected if kind == "heading"})
    assert [r for r in read if r[0] != "continued"] == expected
    assert len(members) == 6
    body = "\n".join(e.description or "" for e in embeds)
    assert body.count("Latest: ") == 6 and body.count("Sent in addition") == 0
    assert body.count("In addition: ") == 6 and "Range 100,000,0" in body
    assert "\n> " not in body, "quotes are behind /figure"
    total = len(embeds)
    assert all((e.footer.text or "").endswith(f"page {n}/{total}") for n, e in enumerate(embeds, 1))
    assert text.INFERRED_LEGEND in (embeds[0].footer.text or "")


async def test_a_group_continued_from_the_previous_page_says_so():
    figures = [f for f in worst_figures(60) if f.metric is Metric.KILLED]
    listing = casualty_listing([key_of(f) for f in figures], searched="")
    embeds = await all_pages(ListingPages(listing, loader_for(figures)))
    assert len(embeds) > 2
    assert "(continued)" not in (embeds[0].description or "")
    assert all("(continued)" in (e.description or "").split("\n")[0] for e in embeds[1:])


async def test_the_summary_opens_its_group_before_the_figures():
    def fig(fid: str, low: int, source: str, qualifier: Qualifier = Qualifier.EXACT) -> Figure:
        return Figure(
            fid, "doc.txt", Metric.CASUALTIES, "North Korea", low, low, qualifier, False,
            source, None, "A sentence.", (0, 1),
        )

    figures = [fig("a", 4000, "Volodymyr Zelenskyy"), fig("b", 1200, "U.S.", Qualifier.ABOUT)]
    listing = casualty_listing([key_of(f) for f in figures], searched="all")
    page = await ListingPages(listing, loader_for(figures)).page(0)
    description = page.description or ""
    lines = [
        "Range 1,200–4,000 over 2 claims",
        "⚠ 2 claims about North Korea · casualties (killed or wounded) disagree (undated)",
    ]
    for line in lines:
        assert line in description
        assert description.index(line) < description.index("/figure a")


async def test_additional_deployments_are_plus_n_never_ranged():
    def fig(fid: str, low: int, source: str, additional: bool) -> Figure:
        return Figure(
            fid, "doc.txt", Metric.DEPLOYED, "North Korea", low, low, Qualifier.EXACT,
            additional, source, None, "A sentence.", (0, 1),
        )

    figures = [fig("a", 1000, "NIS", True), fig("b", 3000, "U.S.", True)]
    listing = deployment_listing([key_of(f) for f in figures], searched="all")
    page = await ListingPages(listing, loader_for(figures)).page(0)
    description = page.description or ""
    assert "**North Korea · troops deployed**" in description
    assert "Sent in addition: **+1,000** · NIS · undated · 2 claims" in description
    assert "Range" not in description and "disagree" not in description


async def test_sources_pages_fit_with_the_longest_lines_and_list_everything():
    now = date(2025, 1, 1)
    documents = [
        DocumentInfo(
            key=f"d{i}.txt", guild_id=None, title=LONG, publisher=LONG,
            url="https://x/" + "u" * 900,
            published=now, publication=None, digest="0", words=1, figures=10**6, events=10**6,
            ingested_at=datetime(2025, 1, 1), updated_at=datetime(2025, 1, 1),
        )
        for i in range(40)
    ]
    claimants = [(f"{LONG} {i}", 10**6, 10**5) for i in range(45)]
    listing = sources_listing(len(claimants), len(documents))

    def line(item: Item) -> str:
        position = int(item.key[1:])
        if item.key[0] == "c":
            return source_line(*claimants[position])
        return document_line(documents[position])

    embeds = await all_pages(ListingPages(listing, loader_for([]), line))
    assert_fits(embeds)
    body = "\n".join(e.description or "" for e in embeds)
    assert body.count("figures in") == len(claimants)
    assert body.count("<https://x/") == len(documents)


async def test_inferred_dates_get_the_legend_in_the_footer():
    inferred = span(date(2025, 1, 1), date(2025, 1, 31), Precision.MONTH, True)
    pages = await casualty_pages([figure("a", 300, when=inferred)])
    assert "Jan 2025*" in desc(pages[0])
    assert text.INFERRED_LEGEND in (pages[0].footer.text or "")
    plain = await casualty_pages([figure("b", 300)])
    assert text.INFERRED_LEGEND not in (plain[0].footer.text or "")


async def test_the_range_counts_claims_and_the_unattributed():
    figures = [
        figure("a", 4000, source="Volodymyr Zelenskyy"),
        figure("b", 1200, qualifier=Qualifier.ABOUT, source="U.S. assessments"),
        figure("c", 2000, source=None),
    ]
    description = desc((await casualty_pages(figures))[0])
    assert "Range 1,200–4,000 over 3 claims, 1 unattributed" in description


@pytest.mark.parametrize(
    ("raw", "forbidden"),
    [
        ("@everyone look", "@everyone"),
        ("@here look", "@here"),
        ("ping <@&123> and <@456>", "<@"),
        ("**bold** claim", "**bold**"),
        ("[click me](https://evil.example)", "[click me]("),
        ("`code`", "`code`"),
    ],
)
async def test_quotes_are_inert(raw, forbidden):
    quote = f"Officials said {raw} that 300 soldiers died."
    description = desc((await source_pages([figure("a", 300, quote=quote)]))[0])
    assert forbidden not in description
    # the words are all still there, only neutralised
    visible = description.replace("\\", "").replace("\u200b", "")
    assert quote in visible


async def test_a_clipped_quote_ends_with_an_ellipsis_and_the_fact_id():
    long_quote = "North Korean soldiers were killed " * 100
    pages = await source_pages([figure("abcd2345", 300, quote=long_quote)])
    description = desc(pages[0])
    line = next(line for line in description.splitlines() if line.startswith("> "))
    assert line.endswith("… (see `/figure abcd2345`)")
    assert len(line) < 400


async def test_five_thousand_figures_with_long_quotes_fit_discords_limits():
    quote = ("North Korean soldiers were reported killed near Kursk, officials said. " * 30)[:2000]
    figures = [
        figure(
            f"f{i:05d}",
            100 + i,
            metric=[Metric.KILLED, Metric.WOUNDED, Metric.CASUALTIES][i % 3],
            source=f"Claimant {i % 40}",
            quote=quote,
        )
        for i in range(5000)
    ]
    pages = await casualty_pages(figures)
    assert len(pages) > 100
    assert_fits(pages)
    shown = re.findall(r"· `/figure (f\d{5})`", "\n".join(desc(page) for page in pages))
    assert sorted(shown) == [f.id for f in figures]  # every figure exactly once, none dropped
    assert (pages[-1].footer.text or "").endswith(f"page {len(pages)}/{len(pages)}")


async def test_timeline_groups_events_by_year_in_date_order():
    events = [
        Event(
            f"e{i}",
            "doc.txt",
            span(date(2023 + i, 6, 1), date(2023 + i, 6, 30), Precision.MONTH),
            f"Summary {i}",
            f"Something happened in year {i}.",
            (0, 10),
        )
        for i in range(3)
    ]
    listing = timeline_listing(
        [(e.id, e.date.start.isoformat()) for e in events], searched="all"
    )
    page = await ListingPages(listing, loader_for([], events=events)).page(0)
    description = desc(page)
    assert description.index("**2023**") < description.index("**2024**") < description.index(
        "**2025**"
    )
    assert "Jun 2024" in description


async def test_status_marks_are_shown():
    verified = await casualty_pages([figure("a", 1, status=Status.VERIFIED)], searched="")
    corrected = await casualty_pages([figure("a", 1, status=Status.CORRECTED)], searched="")
    assert "✓ verified" in desc(verified[0])
    assert "corrected" in desc(corrected[0])


def test_name_matcher_gives_what_autocomplete_gives():
    rng = random.Random(5)
    syllables = ["ko", "va", "len", "shev", "chen", "ria", "min", "is", "try", "zel", "sky"]
    words = ["".join(rng.choices(syllables, k=3)).title() for _ in range(1600)]
    names = sorted({f"{a} {b}" for a, b in zip(words[::2], words[1::2], strict=True)})
    names += ["NIS", "Volodymyr Zelenskyy", "U.S.", "ISW"]
    matcher = name_match.NameMatcher(names, name_match.TYPED_SOURCE_ALIASES)
    for query in ["", "zelen", "spy agency", "isw", "kov", "kovalen", "shevchen ria", "n", "us"]:
        assert matcher.autocomplete(query) == name_match.autocomplete(
            query, names, aliases=name_match.TYPED_SOURCE_ALIASES
        )


async def test_store_keys_follow_the_figure_order_and_the_guilds_overlay(tmp_path):
    seeds = tmp_path / "seeds"
    shutil.copytree(REPO_SEEDS, seeds)
    async with await FactStore.open(tmp_path / "facts.sqlite3") as store:
        assert (await sync_folder(store, seeds, seed_extractor(Settings()))).ok
        figures = await store.figures(7)
        assert [k.id for k in await store.figure_keys(7)] == [f.id for f in figures]
        hidden, corrected = figures[0], figures[1]
        moderation = Moderation(store)
        await moderation.hide(7, hidden.id, actor_id=1, reason="wrong")
        await moderation.correct(7, corrected.id, "low", 5, actor_id=1, reason="typo")
        keys = {k.id: k for k in await store.figure_keys(7)}
        assert hidden.id not in keys and keys[corrected.id].low == 5
        assert hidden.id in {k.id for k in await store.figure_keys(8)}  # other guilds unaffected
        loaded = await store.figures_by_id(7, [corrected.id, hidden.id, figures[2].id])
        assert [f.id for f in loaded] == [corrected.id, figures[2].id]
        assert loaded[0].low == 5 and loaded[0].status is Status.CORRECTED
        cited = await store.documents_by_key(7, {corrected.document, "missing.txt"})
        assert list(cited) == [corrected.document]
        documents = {d.key: d for d in await store.documents(7)}
        assert documents[corrected.document].figures == len(
            await store.figures(None, document=corrected.document)
        )
        event_keys = await store.event_keys(7)
        events = await store.events(7)
        assert [k.id for k in event_keys] == [e.id for e in events]
        assert [e.id for e in await store.events_by_id(7, [events[1].id, events[0].id])] == [
            events[1].id, events[0].id,
        ]


def random_keys(count: int, seed: int) -> list[FigureKey]:
    rng = random.Random(seed)
    return [
        FigureKey(
            f"k{i:05d}",
            rng.choice(["North Korea", "north korea", "Russia", "Ukraine"]),
            rng.choice(list(Metric)),
            rng.random() < 0.2,
            (low := rng.choice([100, 300, 1200, 4000])),
            low + rng.choice([0, 0, 500]),
            rng.choice(list(Qualifier)),
            rng.choice([None, "", "NIS", "nis", "U.S.", "Volodymyr Zelenskyy", "ISW"]),
            rng.choice(WHEN),
        )
        for i in range(count)
    ]


#: As-of dates of the random keys: undated, months, a day, a year.
WHEN = [
    None,
    span(date(2024, 10, 1), date(2024, 10, 31), Precision.MONTH, False),
    span(date(2024, 12, 19), date(2024, 12, 19), Precision.DAY, False),
    span(date(2025, 1, 1), date(2025, 1, 31), Precision.MONTH, True),
    span(date(2023, 1, 1), date(2023, 12, 31), Precision.YEAR, False),
]


def test_planned_items_are_groups_opened_by_their_summary_newest_first():
    keys = random_keys(2000, 5)

    def order(key: FigureKey) -> tuple[str, int]:
        return key.subject, METRIC_ORDER[key.metric]

    for plan in (casualty_listing, deployment_listing):
        listing = plan(keys, searched="all")
        expected: list[tuple[str, str, str | None]] = []
        for _, members in itertools.groupby(sorted(keys, key=order), key=order):
            group = list(members)
            name = group_heading(group[0])
            # the latest as-of start first, undated last, equals in the given order
            newest = sorted(group, key=lambda k: k.date.start if k.date else date.min, reverse=True)
            assert newest_first(group) == newest
            expected.extend(("line", line, name) for line, _ in summary_lines(newest))
            expected.extend(("figure", k.id, name) for k in newest)
        assert [(i.kind, i.key, i.group) for i in listing.items] == expected
        assert len(listing.items) == len(expected)
        assert listing.page_count == -(-len(expected) // COMPACT_ROWS_PER_PAGE)


def test_lazy_items_index_and_slice_like_a_list():
    made = [Item("event", f"e{i}", group="2024") for i in range(10)]
    items = LazyItems(10, made.__getitem__)
    assert list(items) == made and len(items) == 10
    assert items[-1] == made[-1] and items[3:7] == made[3:7] and items[::3] == made[::3]
    with pytest.raises(IndexError):
        items[10]
    assert not LazyItems(0, made.__getitem__)


def test_a_timeline_item_loads_a_few_reports_of_an_event_and_counts_the_rest() -> None:
    ids = " ".join(f"e{i}" for i in range(7))
    listing = timeline_listing([(ids, "2025-01-09"), ("f1", "2025-02-01")], searched="all")
    assert [item.key for item in listing.items] == ["e0 e1 e2 e3 +3", "f1"]


def test_a_date_no_calendar_has_reads_as_undated_in_figure_keys() -> None:
    assert key_date("2025-04-31", "2025-04-31", "day", 0) is None
    assert key_date("2025-04-30", "2025-04-30", "day", 1) == DateSpan(
        "", date(2025, 4, 30), date(2025, 4, 30), Precision.DAY, True
    )
    assert key_date(None, None, None, None) is None


def test_the_revision_is_from_the_most_recent_earlier_claim_its_own_claimant_first() -> None:
    def key(kid: str, low: int, source: str, when: DateSpan) -> FigureKey:
        return FigureKey(
            kid, "North Korea", Metric.KILLED, False, low, low, Qualifier.EXACT, source, when
        )

    december = span(date(2024, 12, 19), date(2024, 12, 19), Precision.DAY)
    october = span(date(2024, 10, 1), date(2024, 10, 31), Precision.MONTH)
    february = span(date(2025, 2, 20), date(2025, 2, 20), Precision.DAY)
    keys = [
        key("a", 1_500, "HUR", october),
        key("b", 3_000, "HUR", december),
        key("c", 11_000, "Pentagon", december),
        key("d", 12_000, "Pentagon", february),
    ]
    lines = [line for line, _ in summary_lines(newest_first(keys))]
    assert lines == [
        "Latest: **12,000** · Pentagon · 20 Feb 2025",
        "Range 1,500–12,000 over 4 claims",
        "↗ revised up from 11,000 (19 Dec 2024) to 12,000 (20 Feb 2025)",
    ]
    # about the latest time, two claimants that do not fit each other disagree
    keys.append(key("e", 5_000, "Kyiv", february))
    lines = [line for line, _ in summary_lines(newest_first(keys))]
    assert lines[-1] == "⚠ 2 claims about North Korea · killed disagree (20 Feb 2025)"


async def test_summarised_pages_fit_with_the_longest_names_and_addresses() -> None:
    figures = worst_figures(300)
    document = DocumentInfo(
        key="doc.txt", guild_id=None, title=LONG, publisher=LONG,
        url="https://news.example/" + "a" * 480, published=date(2025, 1, 1), publication=None,
        digest="0", words=1, figures=300, events=0,
        ingested_at=datetime(2025, 1, 1), updated_at=datetime(2025, 1, 1),
    )  # fmt: skip
    listing = casualty_listing([key_of(f) for f in figures], searched="subject " + LONG)
    pages = ListingPages(listing, loader_for(figures, {"doc.txt": document}))
    embeds = await all_pages(pages)
    assert_fits(embeds)
    shown = re.findall(r"· `/figure (f\d{7})`", "\n".join(e.description or "" for e in embeds))
    assert sorted(shown) == sorted(f.id for f in figures)
    # a page that cannot hold its links names the documents, or leaves them to /figure
    assert "](https://news.example/" not in "\n".join(e.description or "" for e in embeds)
