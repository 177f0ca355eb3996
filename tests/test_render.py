"""Formatting of figures, dates and quotes, and pagination within Discord's limits."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import discord
import pytest

from bot.facts.model import DateSpan, Document, Figure, Metric, Precision, Qualifier, Status
from bot.render import figure_pages, limit_problems, naming, paginate, search_pages, text
from bot.render.pages import DESCRIPTION_LIMIT, Entry
from bot.standin.limits import embed_problems

ZELENSKYY_QUOTE = (
    "Ukrainian President Volodymyr Zelenskyy placed the total number of killed or wounded North "
    "Koreans at 4,000, while U.S. assessments were lower, around 1,200."
)


def span(start: date, end: date, precision: Precision, inferred: bool = False) -> DateSpan:
    return DateSpan("as written", start, end, precision, inferred)


def figure(
    fid: str,
    low: int,
    high: int | None = None,
    qualifier: Qualifier = Qualifier.EXACT,
    *,
    metric: Metric = Metric.CASUALTIES,
    source: str | None = "NIS",
    subject: str = "North Korea",
    quote: str = ZELENSKYY_QUOTE,
    when: DateSpan | None = None,
    status: Status = Status.AUTO,
    additional: bool = False,
) -> Figure:
    return Figure(
        id=fid,
        document="doc.txt",
        metric=metric,
        subject=subject,
        low=low,
        high=low if high is None else high,
        qualifier=qualifier,
        additional=additional,
        source=source,
        date=when,
        quote=quote,
        span=(0, len(quote)),
        status=status,
    )


def desc(page: discord.Embed) -> str:
    assert page.description is not None
    return page.description


def assert_fits(pages):
    """Each page is sent as one message: check it with our limits and the stand-in's."""
    for page in pages:
        assert limit_problems([page]) == []
        assert embed_problems([page.to_dict()]) == []


@pytest.mark.parametrize(
    ("low", "high", "qualifier", "shown"),
    [
        (300, 300, Qualifier.AT_LEAST, "at least 300"),
        (1200, 1200, Qualifier.ABOUT, "about 1,200"),
        (10_000, 12_000, Qualifier.RANGE, "10,000–12,000"),
        (3000, 3000, Qualifier.AT_MOST, "up to 3,000"),
        (24, 99, Qualifier.RANGE, "dozens (24–99)"),
        (200, 999, Qualifier.RANGE, "hundreds (200–999)"),
        (20_000, 99_999, Qualifier.RANGE, "tens of thousands (20,000–99,999)"),
        (4000, 4000, Qualifier.EXACT, "4,000"),
    ],
)
def test_values_read_as_the_source_wrote_them(low, high, qualifier, shown):
    assert text.value(low, high, qualifier) == shown


def test_an_additional_figure_says_so():
    assert text.figure_value(figure("a", 1000, 3000, Qualifier.RANGE, additional=True)) == (
        "1,000–3,000 more"
    )


@pytest.mark.parametrize(
    ("when", "shown"),
    [
        (span(date(2025, 1, 1), date(2025, 1, 31), Precision.MONTH), "Jan 2025"),
        (span(date(2023, 1, 1), date(2023, 12, 31), Precision.YEAR), "2023"),
        (span(date(2024, 10, 30), date(2024, 10, 30), Precision.DAY), "30 Oct 2024"),
        (span(date(2025, 1, 1), date(2025, 2, 28), Precision.MONTH), "Jan–Feb 2025"),
        (span(date(2024, 12, 1), date(2025, 1, 31), Precision.MONTH), "Dec 2024–Jan 2025"),
        (span(date(2024, 10, 28), date(2024, 10, 30), Precision.DAY), "28–30 Oct 2024"),
        (span(date(2025, 1, 1), date(2025, 1, 31), Precision.MONTH, True), "Jan 2025*"),
        (None, "undated"),
    ],
)
def test_dates_show_at_their_precision(when, shown):
    assert text.span(when) == shown


def test_a_document_is_named_by_title_publisher_and_date_never_its_key():
    def named(**fields: Any) -> str:
        return naming.document_name(Document(key="guild-1/13_hansard_x.txt", **fields))

    assert named(text="x", title="Troops", publisher="Yonhap", published=date(2025, 2, 14)) == (
        "Troops — Yonhap, 14 Feb 2025"
    )
    assert named(text="x", publisher="Yonhap") == "Yonhap"
    assert named(text="x", title="Kursk: the losses") == "Kursk: the losses"
    assert named(text="x", url="https://www.news.example/a/b") == "news.example"
    # no metadata at all: the opening words of the text, never the storage key
    opening = "# North Korea has sent additional troops to Russia following heavy casualties\nmore"
    assert named(text=opening) == "“North Korea has sent additional troops to Russia following…”"
    assert named(text="   ") == "untitled document"
    assert naming.document_name(None, "uk") == "документ, якого вже немає"


def test_long_names_are_cut_after_a_whole_word():
    publisher = "The Harbour Street Chronicle and Evening Telegraph of the Southern Provinces"
    name = naming.document_name(Document(key="k", text="x", publisher=publisher))
    assert name == "The Harbour Street Chronicle and Evening…"
    assert len(name) <= naming.PUBLISHER_LIMIT
    assert text.clip("Harbour Street Chronicle", 20) == "Harbour Street…"


def test_markdown_in_a_name_is_escaped_and_a_code_span_has_no_backslash():
    name = naming.document_name(Document(key="k", text="x", title="*Breaking* __news__"))
    assert name == r"\*Breaking\* \_\_news\_\_"
    assert text.code("000_4501267d33e9c1d5") == "`000_4501267d33e9c1d5`"
    assert text.code("a`b") == "`ab`"


def test_clip_never_splits_an_escape():
    raw = "a*" * 100
    for limit in range(5, 60):
        clipped = text.clip(raw, limit)
        assert len(clipped) <= limit
        body = clipped.removesuffix("…")
        assert not re.search(r"(?<!\\)(?:\\\\)*\\$", body)  # no dangling backslash


@pytest.mark.parametrize("unsafe", ["\x00", "\x07", "\x1b", "\x7f", "\x9b", "\u202e", "\u202d",
                                    "\u202a", "\u2066", "\u2067", "\u2068", "\u2069"])
def test_control_and_direction_characters_never_reach_an_answer(unsafe):
    """A right-to-left override would show "4,000" as "000,4"; NUL and escapes show as junk."""
    raw = f"Kyiv said {unsafe}4,000{unsafe} were killed"
    for shown in (text.escape(raw), text.clip(raw, 100), text.clip(raw * 9, 100), text.inert(raw)):
        assert unsafe not in shown and "4,000" in shown
    assert text.escape("a\rb\x0bc") == "a b c"  # whitespace controls still separate words


def test_inert_keeps_line_breaks_and_escapes_each_line():
    typed = "No figure with id '**x** <@&1>'.\n@everyone [a](https://e.example)"
    shown = text.inert(typed)
    assert shown.count("\n") == 1
    assert "**x**" not in shown and "<@&" not in shown and "@everyone" not in shown
    assert "](https" not in shown


def test_an_entry_longer_than_a_page_continues_on_the_next():
    huge = " ".join(f"word{i}" for i in range(3000))  # ~25,000 characters
    pages = paginate([Entry(huge, group="Group")], title="T", intro="intro")
    assert len(pages) > 5
    assert_fits(pages)
    words = " ".join(desc(p).replace("intro\n\n", "", 1) for p in pages).split()
    kept = [w for w in words if w.startswith("word")]
    assert kept == huge.split()  # nothing lost, nothing repeated
    assert all("**Group** (continued)" in desc(p) for p in pages[1:])


def test_the_full_quote_of_one_figure_is_never_truncated():
    quote = "A sentence about North Korean losses near Kursk. " * 300  # ~15,000 characters
    pages = figure_pages(figure("abcd2345", 300, quote=quote), None)
    assert_fits(pages)
    words = " ".join(desc(p) for p in pages).split()
    assert words.count("losses") == 300
    assert all(desc(p).startswith("> ") for p in pages[:-1])  # still a quote on each page


def test_a_date_taken_from_publication_is_named_so_not_quoted_as_text():
    published = DateSpan("publication date", date(2025, 2, 1), date(2025, 2, 28), Precision.MONTH)
    stated = DateSpan("in February", date(2025, 2, 1), date(2025, 2, 28), Precision.MONTH)
    shown = desc(figure_pages(figure("abcd2345", 300, when=published), None)[0])
    assert "(the document's publication date)" in shown
    assert "“publication date”" not in shown
    said = desc(figure_pages(figure("abcd2345", 300, when=stated), None)[0])
    assert "(the text says “in February”)" in said


def test_huge_titles_footers_and_search_queries_are_bounded():
    pages = paginate([Entry("x")], title="T" * 1000, footer="F" * 5000, intro="I" * 5000)
    assert_fits(pages)
    results = search_pages("q" * 5000, [figure("a", 1)], [], {})
    assert_fits(results)


def test_description_budget_is_used_but_never_exceeded():
    entries = [Entry("y" * 1000) for _ in range(40)]
    pages = paginate(entries, title="T", per_page=50)
    assert all(len(desc(p)) <= DESCRIPTION_LIMIT for p in pages)
    assert len(pages) == 10  # four 1,000-character entries per page
