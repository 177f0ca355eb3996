"""The fact commands end to end: the real bot on the Discord stand-in, with the seeded base."""

from __future__ import annotations

import re
from datetime import date

import pytest

from bot.facts.model import (
    DateSpan,
    Document,
    Extraction,
    Figure,
    Metric,
    Period,
    PeriodKind,
    PeriodUnit,
    Precision,
    Qualifier,
)
from bot.periods import parse_period
from bot.standin import FakeUser
from tests.standin.harness import replies_text
from tests.standin.limits import assert_valid_choices

SEED_NIS_KILLED = "at least 300"


def answer(replies):
    """The visible answer: the last message-bearing reply."""
    shown = [r for r in replies if not r.is_deferral]
    assert shown, f"no answer among {[(r.kind, r.type) for r in replies]}"
    return shown[-1]


def button(reply, label):
    for row in reply.components:
        for item in row.get("components", []):
            if item.get("label") == label:
                return item
    raise AssertionError(f"no button {label!r} in {reply.components}")


async def add_many_figures(bot, guild_id, count=120):
    """A guild document with ``count`` figures, enough for several pages."""
    quote = "In March, officials said {n} North Korean soldiers had been killed near Kursk."
    text = " ".join(quote.format(n=100 + i) for i in range(count))
    document = Document(key="many.txt", text=text, title="Many figures", publisher="Test Wire",
                        published=date(2025, 3, 30))
    march = DateSpan("In March", date(2025, 3, 1), date(2025, 3, 31), Precision.MONTH, True)
    figures = tuple(
        Figure(id=f"m{i:07d}", document="many.txt", metric=Metric.KILLED, subject="North Korea",
               low=100 + i, high=100 + i, qualifier=Qualifier.EXACT, additional=False,
               source=f"Officials {i % 7}", date=march, quote=quote.format(n=100 + i),
               span=(0, 10))
        for i in range(count)
    )
    await bot.store.ingest(Extraction(document=document, figures=figures), guild_id=guild_id)


async def test_casualties_lists_seed_figures_side_by_side(e2e):
    replies = await e2e.ask("casualties")
    assert replies[0].is_deferral
    shown = answer(replies).text()
    assert SEED_NIS_KILLED in shown
    # the two casualty claims, about the same time (Feb 2025) from two claimants, disagree
    assert "Range 1,200–4,000 over 2 claims" in shown
    assert "⚠ 2 claims about North Korea · casualties (killed or wounded) disagree" in shown
    assert "Jan 2025*" in shown and "date inferred" in shown
    assert re.search(r"`/figure [a-z2-7]{8}`", shown)
    assert answer(replies).allowed_mentions == {"parse": []}


async def test_the_seeds_first_page_fits_a_phone_screen(e2e):
    for command in ("casualties", "deployments"):
        reply = answer(await e2e.ask(command))
        (embed,) = reply.embeds
        lines = [
            embed.get("title") or "",
            *(embed.get("description") or "").split("\n"),
            (embed.get("footer") or {}).get("text") or "",
        ]
        assert len(lines) <= 18, lines
        assert not any(line.startswith("> ") for line in lines), "quotes are behind /figure"


def _span(start: date, end: date | None = None, precision: Precision = Precision.DAY) -> DateSpan:
    return DateSpan("as written", start, end or start, precision)


async def add_story(bot, guild_id):
    """A guild document with an address: Russian killed claimed over three months (a
    revision, then a disagreement about mid-December), a daily rate, and deployments with an
    addition."""
    text = "Figures about the war, each in its own sentence."
    document = Document(
        key="story.txt", text=text, title="Kursk losses", publisher="Test Wire",
        url="https://news.example/world/kursk-losses?id=7", published=date(2025, 2, 20),
    )
    rate = Period("per day", PeriodKind.RATE, PeriodUnit.DAY)
    claims = [
        (Metric.KILLED, 1_500, 1_500, Qualifier.EXACT, False, "HUR",
         _span(date(2024, 10, 1), date(2024, 10, 10)), None),
        (Metric.KILLED, 10_000, 10_000, Qualifier.EXACT, False, "NIS",
         _span(date(2024, 11, 1), date(2024, 11, 10)), None),
        (Metric.KILLED, 11_500, 11_500, Qualifier.ABOUT, False, None, _span(date(2024, 12, 1)),
         None),
        (Metric.KILLED, 3_000, 3_000, Qualifier.EXACT, False, "Kyiv", _span(date(2024, 12, 17)),
         None),
        (Metric.KILLED, 11_000, 11_000, Qualifier.EXACT, False, "Pentagon",
         _span(date(2024, 12, 19)), None),
        (Metric.KILLED, 40, 40, Qualifier.EXACT, False, "HUR", _span(date(2024, 12, 19)), rate),
        (Metric.DEPLOYED, 11_000, 12_000, Qualifier.RANGE, False, "U.S.",
         _span(date(2024, 11, 1), date(2024, 11, 30), Precision.MONTH), None),
        (Metric.DEPLOYED, 1_000, 3_000, Qualifier.RANGE, True, "JoongAng Ilbo",
         _span(date(2025, 1, 1), date(2025, 2, 28), Precision.MONTH), None),
    ]
    figures = tuple(
        Figure(id=f"s{i:07d}", document="story.txt", metric=metric, subject="Russia",
               low=low, high=high, qualifier=qualifier, additional=additional, source=source,
               date=when, quote=f"Sentence {i}.", span=(0, 10), period=period)
        for i, (metric, low, high, qualifier, additional, source, when, period)
        in enumerate(claims)
    )
    await bot.store.ingest(Extraction(document=document, figures=figures), guild_id=guild_id)


async def test_casualties_summary_latest_range_revision_conflict_and_rates(e2e):
    standin, bot = e2e
    await add_story(bot, standin.guild.id)
    reply = answer(await e2e.ask("casualties", {"metric": "killed"}))
    shown = reply.text()
    body = reply.embeds[0]["description"]
    killed = body.index("**Russia · killed**")
    summary = body[killed:body.index("`/figure", killed)]
    # the latest figure with its date and claimant
    assert "Latest: **11,000** · Pentagon · 19 Dec 2024" in summary
    # the range over every total claim, never the rate
    assert "Range 1,500–11,500 over 5 claims, 1 unattributed" in summary
    # an earlier time is a revision, whoever claimed it
    assert "↗ revised up from 10,000 (1–10 Nov 2024) to 11,000 (19 Dec 2024)" in summary
    # about the same time, claimants that do not overlap disagree: 3,000 vs 11,000 and 11,500
    assert "⚠ 3 claims about Russia · killed disagree (19 Dec 2024)" in summary
    # newest first, each linking to its article, no quote on the page
    lines = [line for line in body[killed:].split("\n") if "`/figure" in line]
    assert [line.split("**")[1] for line in lines[:5]] == [
        "11,000", "3,000", "about 11,500", "10,000", "1,500",
    ]
    link = "[Kursk losses — Test Wire, 20 Feb 2025](https://news.example/world/kursk-losses?id=7)"
    assert link in lines[0]
    assert "Sentence" not in shown
    # the rate in its own block, after the totals, never ranged
    rates = body.index("**Russia · killed · per day**")
    assert rates > body.index("`/figure s0000004`")
    assert "**40** · HUR · 19 Dec 2024" in body[rates:]
    assert "Range" not in body[rates:]


async def test_deployments_show_additions_as_plus_n_beside_the_total(e2e):
    standin, bot = e2e
    await add_story(bot, standin.guild.id)
    body = answer(await e2e.ask("deployments")).embeds[0]["description"]
    group = body[body.index("**Russia · troops deployed**"):]
    assert "Latest: **11,000–12,000** · U.S. · Nov 2024" in group
    assert "Sent in addition: **+1,000–3,000** · JoongAng Ilbo · Jan–Feb 2025\n" in group
    # one total: nothing to range; the additions are never ranged with it
    assert "Range" not in group
    assert "additional troops sent" not in group


async def test_casualties_options_resolve_fuzzily(e2e):
    shown = answer(await e2e.ask("casualties", {"subject": "dprk", "metric": "dead"})).text()
    assert "subject **North Korea** · metric **killed**" in shown
    assert SEED_NIS_KILLED in shown and "4,000" not in shown
    shown = answer(await e2e.ask("casualties", {"source": "zelensky"})).text()
    assert "4,000" in shown and SEED_NIS_KILLED not in shown


async def test_casualties_unknown_terms_say_what_was_searched(e2e):
    reply = answer(await e2e.ask("casualties", {"subject": "xyzzy"}))
    assert reply.ephemeral and "subject “xyzzy”" in reply.text()
    reply = answer(await e2e.ask("casualties", {"metric": "bananas"}))
    assert reply.ephemeral and "killed" in reply.text()
    reply = answer(await e2e.ask("casualties", {"source": "Nobody Atall"}))
    assert reply.ephemeral and "source “Nobody Atall”" in reply.text()


async def test_casualties_empty_result_offers_subjects_with_figures(e2e):
    reply = answer(await e2e.ask("casualties", {"subject": "russia"}))
    assert "Nothing found for casualty figures for subject **Russia**" in reply.text()
    assert "North Korea" in reply.text()


async def test_deployments_tell_original_and_additional_apart(e2e):
    shown = answer(await e2e.ask("deployments")).text()
    assert "troops deployed" in shown and "10,000–12,000" in shown
    assert "Sent in addition: **+1,000–3,000**" in shown and "1,000–3,000 more" in shown
    shown = answer(await e2e.ask("deployments", {"source": "joongang"})).text()
    assert "1,000–3,000" in shown and "10,000" not in shown
    reply = answer(await e2e.ask("deployments", {"subject": "ukraine"}))
    assert "Nothing found for troop figures" in reply.text()


async def test_timeline_in_date_order_with_filters(e2e):
    shown = answer(await e2e.ask("timeline")).text()
    assert shown.index("**2023**") < shown.index("Jun 2024") < shown.index("Nov 2024*")
    shown = answer(await e2e.ask("timeline", {"since": "Jun 2024", "until": "2024-12"})).text()
    assert "Nov 2024*" in shown and "**2023**" not in shown and "Jan 2025" not in shown
    shown = answer(await e2e.ask("timeline", {"about": "treaty"})).text()
    assert "mutual defense treaty" in shown and "summits" not in shown


@pytest.mark.parametrize(
    ("value", "period"),
    [
        ("2024", (date(2024, 1, 1), date(2024, 12, 31))),
        ("2024-06", (date(2024, 6, 1), date(2024, 6, 30))),
        ("June 2024", (date(2024, 6, 1), date(2024, 6, 30))),
        ("Jun 2024", (date(2024, 6, 1), date(2024, 6, 30))),
        ("2024-06-15", (date(2024, 6, 15), date(2024, 6, 15))),
        ("2024-02", (date(2024, 2, 1), date(2024, 2, 29))),
        ("2024-13", None),
        ("2024-02-30", None),
        ("Juno 2024", None),
        ("last week", None),
    ],
)
def test_timeline_reads_the_accepted_date_forms(value, period):
    assert parse_period(value) == period


async def test_timeline_bad_dates_get_a_private_hint(e2e):
    bad = ({"since": "yesterday"}, {"until": "2024-13"}, {"since": "2025", "until": "2024"})
    for options in bad:
        replies = await e2e.ask("timeline", options)
        assert len(replies) == 1 and replies[0].ephemeral
    assert "June 2024" in replies_text(await e2e.ask("timeline", {"since": "soon"}))
    reply = answer(await e2e.ask("timeline", {"about": "xyzzy"}))
    assert "Nothing found for events for about “xyzzy”" in reply.text()


async def test_sources_lists_sources_and_documents_then_one_source(e2e):
    shown = answer(await e2e.ask("sources")).text()
    assert "**NIS** · 2 figures in 1 document" in shown and "Documents" in shown
    shown = answer(await e2e.ask("sources", {"source": "spy agency"})).text()
    assert "Figures claimed by NIS" in shown and "2,700" in shown and "4,000" not in shown
    reply = answer(await e2e.ask("sources", {"source": "xyzzy"}))
    assert reply.ephemeral and "source “xyzzy”" in reply.text()


async def test_search_finds_figures_and_events_fuzzily(e2e):
    shown = answer(await e2e.ask("search", {"query": "zelenski wounded"})).text()
    assert "4,000" in shown
    shown = answer(await e2e.ask("search", {"query": "treaty"})).text()
    assert "Events" in shown and "mutual defense treaty" in shown
    reply = answer(await e2e.ask("search", {"query": "xyzzy"}))
    assert "Nothing found for a search for “xyzzy”" in reply.text()


async def test_figure_shows_one_figure_in_full_and_unknown_ids_get_closest(e2e):
    listing = answer(await e2e.ask("casualties", {"metric": "killed"})).text()
    found = re.search(r"`/figure ([a-z2-7]{8})`", listing)
    assert found is not None
    fid = found[1]
    shown = answer(await e2e.ask("figure", {"figure": fid})).text()
    assert "In January, the NIS reported that at least 300" in shown
    assert "**Status:** extracted automatically" in shown and "Jan 2025*" in shown
    reply = answer(await e2e.ask("figure", {"figure": fid[:6] + "zz"}))
    assert reply.ephemeral and f"No figure with id “{fid[:6]}zz”" in reply.text()
    assert "Closest ids" in reply.text()


async def test_autocomplete_offers_what_the_fact_base_holds(e2e):
    standin = e2e.standin
    choices = await standin.autocomplete("casualties", {"subject": "dprk"}, "subject")
    assert [c["value"] for c in choices] == ["North Korea"]
    choices = await standin.autocomplete("casualties", {"metric": "dea"}, "metric")
    assert choices[0]["value"] == "killed"
    choices = await standin.autocomplete("deployments", {"source": "joong"}, "source")
    assert choices[0]["value"] == "JoongAng Ilbo"
    choices = await standin.autocomplete("sources", {"source": "zelen"}, "source")
    assert choices[0]["value"] == "Volodymyr Zelenskyy"
    choices = await standin.autocomplete("timeline", {"about": "trea"}, "about")
    assert choices[0]["value"] == "treaty"
    choices = await standin.autocomplete("search", {"query": "north kor"}, "query")
    assert "north korean" in [c["value"] for c in choices]
    choices = await standin.autocomplete("figure", {"figure": "zelensky"}, "figure")
    assert {c["value"] for c in choices} == {
        f.id for f in await e2e.bot.store.figures(None, source="Volodymyr Zelenskyy")
    } | {f.id for f in await e2e.bot.store.figures(None, source="U.S. assessments")}
    everything = await standin.autocomplete("figure", {"figure": ""}, "figure")
    assert len(everything) == 6
    for found in (choices, everything):
        assert_valid_choices(found)


async def test_pages_turn_for_the_author_only(e2e):
    standin, bot = e2e
    guild = standin.guild
    await add_many_figures(bot, guild.id)
    replies = await e2e.ask("casualties", {"metric": "killed"})
    first = answer(replies)
    assert "page 1/" in first.text()
    counter = re.search(r"page 1/(\d+)", first.text())
    assert counter is not None
    total = int(counter[1])
    assert total >= 3
    assert button(first, "‹ Prev")["disabled"] and button(first, "« First")["disabled"]

    page2 = answer(await e2e.click(first, button(first, "Next ›")["custom_id"]))
    assert f"page 2/{total}" in page2.text()
    last = answer(await e2e.click(first, button(first, "Last »")["custom_id"]))
    assert f"page {total}/{total}" in last.text()
    assert button(last, "Next ›")["disabled"]
    back = answer(await e2e.click(first, button(last, "« First")["custom_id"]))
    assert f"page 1/{total}" in back.text()

    stranger = FakeUser(id=42424242424242, name="stranger")
    refused = await e2e.click(first, button(back, "Next ›")["custom_id"], user=stranger)
    assert refused[0].ephemeral
    assert "Only the person who ran the command" in refused[0].text()
    stored = standin.messages[first.message_id]
    assert "page 1/" in stored["embeds"][0]["footer"]["text"]  # the page did not turn


async def test_other_servers_do_not_see_a_guilds_documents(e2e):
    standin, bot = e2e
    await add_many_figures(bot, standin.guild.id, count=3)
    others = [g for g in standin.guilds if g.id != standin.guild.id]
    shown = answer(await e2e.ask("casualties", guild_id=others[0].id)).text()
    assert "Officials 1" not in shown
    shown = answer(await e2e.ask("casualties")).text()
    assert "Officials 1" in shown


async def add_capture_reports(bot, guild_id):
    """Two documents of a guild that report the same capture, read by the real extractor."""
    from bot.facts.documents import parse_document
    from bot.facts.extract import extract

    texts = {
        "wire.txt": "---\ntitle: Capture\npublisher: Test Wire\npublished: 2025-01-12\n---\n"
        "Ukraine says it captured two North Korean soldiers in Kursk on January 9.\n",
        "daily.txt": "---\ntitle: Prisoners\npublisher: Kyiv Daily\npublished: 2025-01-13\n---\n"
        "President Volodymyr Zelensky said on January 11 that Ukrainian forces had captured"
        " two North Korean soldiers in the Kursk region.\n"
        "Should the North send more troops in the spring, they would face the same fate.\n",
    }
    for key, text in texts.items():
        document = parse_document(text.encode(), key)
        await bot.store.ingest(extract(document), guild_id=guild_id)


async def test_timeline_shows_one_headline_per_event_with_every_source(e2e):
    standin, bot = e2e
    await add_capture_reports(bot, standin.guild.id)
    shown = answer(await e2e.ask("timeline", {"about": "captured"})).text()
    assert "Ukraine captures two North Korean soldiers" in shown
    wire, daily = "Capture — Test Wire, 12 Jan 2025", "Prisoners — Kyiv Daily, 13 Jan 2025"
    assert f"reported by {wire} · {daily}" in shown or f"reported by {daily} · {wire}" in shown
    assert shown.count("captures two North Korean soldiers") == 1
    assert "1 event" in shown and "Should the North" not in shown
    assert "quotes:true" in shown and "> Ukraine says" not in shown
    quoted = answer(await e2e.ask("timeline", {"about": "captured", "quotes": True})).text()
    assert "> Ukraine says it captured" in quoted and "> President Volodymyr Zelensky" in quoted
    whole = answer(await e2e.ask("timeline", {"since": "2025"})).text()
    assert "send more troops" not in whole and "spring" not in whole
