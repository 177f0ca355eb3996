"""How answers word what they show: nothing said twice, names as the fact base spells them,
leaders' names leading to their country. End to end: the real bot on the Discord stand-in."""

from __future__ import annotations

from datetime import date

import pytest

from bot.facts.model import DateSpan, Document, Extraction, Figure, Metric, Precision, Qualifier
from tests.commands.test_admin import MOD, shared_killed_id
from tests.commands.test_answers import answer

QUOTE = "Officials said up to 10,000 North Korean soldiers had been sent, and 4,000 were killed."


async def add_figures(bot, guild_id, *values):
    """A guild document whose figures have the given (id, low, high, qualifier, additional)."""
    document = Document(key="wording.txt", text=QUOTE, title="Wording", publisher="Test Wire",
                        published=date(2025, 3, 30))
    march = DateSpan("In March", date(2025, 3, 1), date(2025, 3, 31), Precision.MONTH, False)
    figures = tuple(
        Figure(id=fid, document="wording.txt", metric=Metric.DEPLOYED, subject="North Korea",
               low=low, high=high, qualifier=qualifier, additional=additional,
               source="Officials", date=march, quote=QUOTE, span=(0, 10))
        for fid, low, high, qualifier, additional in values
    )
    await bot.store.ingest(Extraction(document=document, figures=figures), guild_id=guild_id)


@pytest.mark.parametrize(
    ("low", "high", "qualifier", "additional", "value"),
    [
        (10_000, 10_000, Qualifier.AT_MOST, False, "up to 10,000"),
        (1_200, 1_200, Qualifier.ABOUT, False, "about 1,200"),
        (10_000, 12_000, Qualifier.RANGE, False, "10,000–12,000"),
        (24, 99, Qualifier.RANGE, False, "dozens (24–99)"),
        (1_000, 3_000, Qualifier.RANGE, True, "1,000–3,000 more"),
        (4_000, 4_000, Qualifier.EXACT, False, "4,000 (exact)"),
    ],
)
async def test_figure_states_its_value_once(e2e, low, high, qualifier, additional, value):
    await add_figures(e2e.bot, e2e.standin.guild.id, ("w0000001", low, high, qualifier, additional))
    shown = answer(await e2e.ask("figure", {"figure": "w0000001"})).text()
    assert f"**Value:** {value}\n" in shown


@pytest.mark.parametrize(
    ("typed", "shown"),
    [("russia", "Russia"), ("north korea", "North Korea"), ("dprk", "North Korea"),
     ("північна корея", "North Korea"), ("ukraine", "Ukraine")],
)
async def test_a_subject_a_moderator_types_in_lower_case_shows_as_the_force(e2e, typed, shown):
    fid = await shared_killed_id(e2e.bot)
    reply = answer(await e2e.ask("admin correct", {"figure": fid, "field": "subject",
                                                   "value": typed, "reason": "checked"},
                                 member_permissions=MOD))
    assert f"subject is now {shown}" in reply.text()
    assert f"**Subject:** {shown}\n" in answer(await e2e.ask("figure", {"figure": fid})).text()
    listing = answer(await e2e.ask("casualties", {"subject": typed, "metric": "killed"})).text()
    assert f"**{shown} · killed**" in listing


@pytest.mark.parametrize(
    ("typed", "force", "locale"),
    [("kim", "North Korea", "en-US"), ("kim jong un", "North Korea", "en-US"),
     ("putin", "Russia", "en-US"), ("zelensky", "Ukraine", "en-US"),
     ("зеленський", "Україна", "uk"), ("김정은", "북한", "ko")],
)
async def test_a_leaders_name_stands_for_the_force_they_lead(e2e, typed, force, locale):
    choices = await e2e.standin.autocomplete(
        "casualties", {"subject": typed}, "subject", locale=locale
    )
    assert [c["name"] for c in choices] == [force]
    shown = answer(await e2e.ask("deployments", {"subject": typed}, locale=locale)).text()
    assert f"**{force}**" in shown
