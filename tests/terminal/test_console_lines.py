"""The console as its user drives it: each test types lines through ``respond``, the function
the console's prompt loop calls for every line, against the real bot on the local stand-in."""

from __future__ import annotations

import json

import pytest

from bot.console import ask, console_folder, local_discord, question, respond
from bot.terminal.world import world_path

#: The seed's figure "Zelenskyy: 4,000 killed or wounded" (ids are stable, see DESIGN).
ZELENSKYY_4000 = "qrbhrs4h"
NOTE = (
    "---\ntitle: Border report\npublished: 2025-02-01\n---\n"
    "The NIS said 400 North Korean soldiers had been killed by 20 January.\n"
)


@pytest.fixture
def note(tmp_path):
    path = tmp_path / "border report.txt"
    path.write_text(NOTE, encoding="utf-8")
    return path


async def test_a_file_option_takes_a_path_and_the_preview_is_confirmed_by_label(
    e2e_settings, note
):
    async with local_discord(e2e_settings) as session:
        shown = await respond(session, f"/admin ingest file:{note} publisher:Local Desk")
        assert "Preview" in shown and "Local Desk" in shown and "400" in shown
        assert "buttons: [1] Confirm  [2] Cancel" in shown
        assert "could be “Confirm”, “Cancel”" in await respond(session, "c")
        stored = await respond(session, "CONF")
        assert "Stored **Border report — Local Desk, 1 Feb 2025**" in stored
        listed = await respond(session, "/admin documents")
        assert "Local Desk" in listed


async def test_a_file_that_cannot_be_attached_is_refused_before_anything_is_sent(
    e2e_settings, tmp_path
):
    async with local_discord(e2e_settings) as session:
        sent = len(session.standin.interactions)
        missing = await respond(session, f"/admin ingest file:{tmp_path / 'nope.txt'}")
        assert missing.startswith("! file: there is no file") and "nope.txt" in missing
        folder = await respond(session, f"/admin ingest file:{tmp_path}")
        assert folder.startswith("! file:") and "is a folder" in folder
        big = tmp_path / "big.txt"
        big.write_bytes(b"a" * 2048)
        session.standin.attachment_size_limit = 1024
        too_big = await respond(session, f"/admin ingest file:'{big}'")
        assert "Discord lets you attach at most 1,024 bytes" in too_big
        assert len(session.standin.interactions) == sent


async def test_an_upload_the_bot_refuses_shows_the_bots_reason(e2e_settings, tmp_path):
    binary = tmp_path / "photo.png"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    async with local_discord(e2e_settings) as session:
        shown = await respond(session, f"/admin ingest file:{binary}")
        assert "Refused: unsupported type (image/png)" in shown and "Nothing was stored" in shown


async def test_a_chart_arrives_after_the_listing_and_is_saved(e2e_settings):
    async with local_discord(e2e_settings) as session:
        shown = await respond(session, "/casualties subject:north korea chart:true")
        assert "Casualty figures" in shown
        line = next(x for x in shown.splitlines() if x.startswith("[attachment: casualties.png"))
        path = console_folder(e2e_settings) / "console-files" / "casualties.png"
        assert line == f"[attachment: casualties.png saved as {path}]"
        assert path.read_bytes().startswith(b"\x89PNG")
        again = await respond(session, "/timeline chart:true")
        second = console_folder(e2e_settings) / "console-files" / "timeline.png"
        assert f"saved as {second}" in again and second.read_bytes().startswith(b"\x89PNG")
        twice = await respond(session, "/casualties subject:north korea chart:true")
        assert "casualties-2.png" in twice


async def test_an_export_is_saved_as_the_file_discord_would_give(e2e_settings):
    async with local_discord(e2e_settings) as session:
        shown = await respond(session, "/admin export format:json")
        name = f"factbot-{session.world.guild.id}.json"
        path = console_folder(e2e_settings) / "console-files" / name
        assert f"saved as {path}" in shown
        exported = json.loads(path.read_text(encoding="utf-8"))
        assert len(exported["figures"]) == 6


def test_ask_waits_for_the_chart_and_prints_where_it_is(e2e_settings, capsys):
    assert ask(e2e_settings, "/deployments chart:true", as_json=False) == 0
    out = capsys.readouterr().out
    path = console_folder(e2e_settings) / "console-files" / "deployments.png"
    assert f"[attachment: deployments.png saved as {path}]" in out
    assert path.read_bytes().startswith(b"\x89PNG")


async def test_buttons_are_pressed_by_label_case_and_symbols_ignored(e2e_settings):
    async with local_discord(e2e_settings) as session:
        first = await respond(session, "/timeline")
        assert "page 1/2" in first and "[4] Next ›" in first
        assert "page 2/2" in await respond(session, "Next")
        assert "page 1/2" in await respond(session, "prev")
        assert "page 2/2" in await respond(session, "LAST")
        assert await respond(session, "next") == "! the button “Next ›” is disabled"
        assert "page 1/2" in await respond(session, "1")  # « First, by its number
        assert "page 2/2" in await respond(session, "n")  # a unique beginning is enough


async def test_choices_are_listed_for_a_line_ending_in_a_question_mark(e2e_settings):
    async with local_discord(e2e_settings) as session:
        assert "North Korea" in await respond(session, "/casualties subject:dprk ?")
        names = await respond(session, "/casualties ?")
        assert "subject: Whose losses" in names and "chart:" in names
        assert await respond(session, "/admin export format:?") == "  json\n  csv"
        assert "#news" in await respond(session, "/admin alerts channel:?")
        figures = await respond(session, "/figure figure:killed ?")
        assert "  mcit5bib · at least 300 killed · In January" in figures
        free = await respond(session, "/admin hide figure:abc reason:?")
        assert free.startswith("(nothing to choose: reason: Why")
    assert question("/search query:how many north korean troops died?") is None
    assert question("/cas?") == "/cas"


async def test_people_and_language_of_the_console_switch(e2e_settings):
    async with local_discord(e2e_settings) as session:
        assert "member" in await respond(session, ":user member")
        refused = await respond(session, "/admin documents")
        assert "Only this server's moderators" in refused
        assert await respond(session, ":user nobody") == (
            "! there is no user 'nobody'; the users are manager: a member with Manage Server"
            " (the default); moderator: a member with the Moderators role; member: a member"
            " without any moderator right; owner: the bot's operator (FACTBOT_OWNER_IDS)"
        )
        await respond(session, ":user owner")
        assert "Seeds reloaded" in await respond(session, "/admin reload")
        assert "uk" in await respond(session, ":locale uk")
        assert session.locale == "uk"
        assert (await respond(session, ":locale klingon")).startswith("! 'klingon' is not")


async def test_the_server_its_decisions_and_its_people_are_kept_across_restarts(
    e2e_settings, note
):
    async with local_discord(e2e_settings) as session:
        guild = session.world.guild.id
        await respond(session, f"/admin ingest file:{note}")
        await respond(session, "confirm")
        assert "may now use /admin" in await respond(session, "/admin modrole role:Moderators")
        assert "#news" not in await respond(session, "/admin alerts channel:#news")
        assert "**4,000**" in await respond(session, "/casualties metric:casualties")
        hidden = await respond(session, f"/admin hide figure:{ZELENSKYY_4000} reason:test")
        assert "now hidden" in hidden
    async with local_discord(e2e_settings) as session:
        assert session.world.guild.id == guild
        await respond(session, ":user moderator")
        documents = await respond(session, "/admin documents")
        assert "Border report" in documents
        listing = await respond(session, "/casualties metric:casualties")
        assert "**4,000**" not in listing and "(1 figure ·" in listing
        setting = await respond(session, "/admin alerts")
        news = session.world.channel("news")
        assert news is not None and f"channel <#{news.id}>" in setting
        audit = await respond(session, "/admin audit")
        assert "hide" in audit and ZELENSKYY_4000 in audit and "reason: test" in audit


async def test_an_unreadable_server_file_is_set_aside_not_lost(e2e_settings, capsys):
    path = world_path(console_folder(e2e_settings))
    path.write_text("{not json", encoding="utf-8")
    async with local_discord(e2e_settings) as session:
        assert session.world.set_aside is not None
    err = capsys.readouterr().err
    assert "could not be read" in err and "kept as" in err
    kept = list(path.parent.glob("console-server.json.unreadable-*"))
    assert len(kept) == 1 and kept[0].read_text(encoding="utf-8") == "{not json"
    assert json.loads(path.read_text(encoding="utf-8"))["format"] == 1
