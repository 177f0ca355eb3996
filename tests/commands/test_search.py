"""/search end to end: questions read for what they name, numbers in any form, claimants by
short or long names, newest first. The real bot on the Discord stand-in, with the seeded base
and a server document of its own."""

from __future__ import annotations

import re
from datetime import date

import pytest

from bot.facts.model import (
    DateSpan,
    Document,
    Event,
    Extraction,
    Figure,
    Metric,
    Precision,
    Qualifier,
)
from tests.commands.test_answers import answer

TEXT = (
    "Officials said 120 North Korean soldiers were killed in March. "
    "Analysts put Russian casualties at half a million. "
    "The U.S. Department of Defense said 1,500 Russians had been captured. "
    "The Pentagon said 700 North Korean soldiers had been wounded. "
    "Ukraine's president said 90 North Korean soldiers were killed in May."
)


def month(m: int) -> DateSpan:
    return DateSpan(f"month {m}", date(2025, m, 1), date(2025, m, 28), Precision.MONTH, False)


#: id, metric, subject, value, source, month, sentence
ROWS = (
    ("s0000001", Metric.KILLED, "North Korea", 120, "Officials", 3, 0),
    ("s0000002", Metric.CASUALTIES, "Russia", 500_000, "Analysts", 4, 1),
    ("s0000003", Metric.CAPTURED, "Russia", 1_500, "U.S. Department of Defense", 2, 2),
    ("s0000004", Metric.WOUNDED, "North Korea", 700, "Pentagon", 1, 3),
    ("s0000005", Metric.KILLED, "North Korea", 90, "Volodymyr Zelenskyy", 5, 4),
)


async def add_document(bot, guild_id):
    sentences = [s + "." for s in TEXT.split(". ")]
    document = Document(key="search.txt", text=TEXT, title="Search test", publisher="Test Wire",
                        published=date(2025, 6, 1))
    figures = tuple(
        Figure(id=fid, document="search.txt", metric=metric, subject=subject, low=n, high=n,
               qualifier=Qualifier.EXACT, additional=False, source=source, date=month(m),
               quote=sentences[s].rstrip(".") + ".", span=(0, 10))
        for fid, metric, subject, n, source, m, s in ROWS
    )
    event = Event(id="e0000001", document="search.txt", date=month(4),
                  summary="Russian losses reach half a million", quote=sentences[1], span=(0, 10))
    await bot.store.ingest(
        Extraction(document=document, figures=figures, events=(event,)), guild_id=guild_id
    )


async def found_ids(e2e, query):
    shown = answer(await e2e.ask("search", {"query": query})).text()
    return re.findall(r"`/figure ([a-z0-9]{8})`", shown)


@pytest.mark.parametrize(
    "question",
    ["how many north korean troops died", "How many North Korean soldiers lost their lives?",
     "north korea dead"],
)
async def test_a_question_finds_the_figures_it_asks_for_newest_first(e2e, question):
    await add_document(e2e.bot, e2e.standin.guild.id)
    found = await found_ids(e2e, question)
    seed = [f.id for f in await e2e.bot.store.figures(None, metrics=["killed"], source="NIS")]
    # May, then March 2025, then the seed's January 2025; no wounded, no casualties
    assert found == ["s0000005", "s0000001", *seed]


@pytest.mark.parametrize(
    "typed", ["500,000", "500000", "500k", "half a million", "0.5 million", "500 thousand"]
)
async def test_every_form_of_a_number_finds_the_figure(e2e, typed):
    await add_document(e2e.bot, e2e.standin.guild.id)
    assert await found_ids(e2e, typed) == ["s0000002"]
    assert await found_ids(e2e, f"russian casualties {typed}") == ["s0000002"]
    shown = answer(await e2e.ask("search", {"query": typed})).text()
    assert "Russian losses reach half a million" in shown, "an event whose sentence says it"


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("pentagon", ["s0000003", "s0000004"]),
        ("US Department of Defense", ["s0000003", "s0000004"]),
        ("zelensky", ["s0000005"]),
        ("Ukraine's president", ["s0000005"]),
        ("Volodymyr Zelensky killed", ["s0000005"]),
    ],
)
async def test_a_claimant_by_its_short_or_long_name(e2e, typed, expected):
    await add_document(e2e.bot, e2e.standin.guild.id)
    found = await found_ids(e2e, typed)
    assert [f for f in found if f.startswith("s0")] == expected


async def test_the_nis_by_its_long_name_and_its_short_one(e2e):
    nis = {f.id for f in await e2e.bot.store.figures(None, source="NIS")}
    for typed in ("NIS", "South Korea's National Intelligence Service", "spy agency"):
        assert set(await found_ids(e2e, typed)) == nis


async def test_a_question_about_nothing_held_says_so_in_the_readers_language(e2e):
    reply = answer(await e2e.ask("search", {"query": "how many xyzzy died"}))
    assert reply.ephemeral and "Nothing found" in reply.text()
    reply = answer(await e2e.ask("search", {"query": "скільки xyzzy"}, locale="uk"))
    assert reply.ephemeral and "xyzzy" in reply.text() and "Nothing found" not in reply.text()
