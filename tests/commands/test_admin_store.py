"""/admin end to end on what the store guarantees: uploads never replace one another, quotas,
exports within the attachment limit and safe in spreadsheets, decisions that follow edits."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import shutil
import zipfile

import pytest

from bot.facts.export import FORMULA_STARTS
from bot.facts.store import GuildQuota
from tests.commands.test_admin import MOD, OWNER, answer, button_id, ingest
from tests.facts.test_ingest_cli import run_cli

FIRST = b"The NIS said at least 600 North Korean soldiers had been killed in Kursk.\n"
SECOND = b"Ukraine's military said 200 North Korean soldiers were captured in Kursk.\n"


@pytest.fixture
def e2e_settings(seeded_base, tmp_path):
    settings = seeded_base.settings(tmp_path, owner_ids=frozenset({OWNER.id}))
    return dataclasses.replace(settings, guild_quota=GuildQuota(documents=2))


async def test_a_second_message_txt_is_stored_beside_the_first(e2e):
    a = e2e.standin.guild.id
    first, stored = await ingest(e2e, FIRST, "message.txt")
    # a text without title or publisher is named by its opening words, never by its key
    named = "“The NIS said at least 600 North Korean soldiers had been…”"
    assert named in first.text() and "guild-" not in first.text()
    assert stored is not None and "(added)" in stored.text()
    second, stored = await ingest(e2e, SECOND, "message.txt")
    shown = second.text()
    assert f"{named} (1 figure)" in shown and "Nothing is replaced" in shown
    keys = sorted((d.key for d in await e2e.bot.store.documents(a) if d.guild_id == a),
                  key=len)
    assert keys[0] == f"guild-{a}/message.txt" and keys[1].startswith(f"guild-{a}/message-")
    assert stored is not None and "Stored **“Ukraine's military said 200" in stored.text()
    again, stored = await ingest(e2e, SECOND, "message.txt")
    assert "already stored here as “Ukraine's military said 200" in again.text()
    assert "confirming changes nothing" in again.text()
    assert stored is not None and "nothing changed" in stored.text()
    killed = await e2e.bot.store.figures(a, metrics=["killed", "captured"])
    assert {f.low for f in killed if f.document.startswith("guild-")} == {600, 200}


async def test_the_quota_is_told_at_preview_and_at_confirm(e2e):
    third = b"Officials said 40 North Korean soldiers were wounded in Kursk.\n"
    await ingest(e2e, FIRST, "one.txt")
    # two previews pending at once: both fit now, only one fits after the other is stored
    previews = [
        answer(await e2e.ask("admin ingest", {"file": e2e.standin.attachment(name, data)},
                             member_permissions=MOD))
        for name, data in (("two.txt", SECOND), ("three.txt", third))
    ]
    outcomes = []
    for preview in previews:
        handle = await e2e.standin.click(
            preview, button_id(preview, "Confirm"), member_permissions=MOD
        )
        outcomes.append(answer(await handle.responses()).text())
    assert "Stored" in outcomes[0]
    assert outcomes[1] == (
        "Not stored: this server already has 2 documents, its limit is 2;"
        " remove one with /admin remove document first"
    )
    refused = answer(await e2e.ask("admin ingest", {"file": e2e.standin.attachment(
        "four.txt", third)}, member_permissions=MOD))
    assert "Refused: this server already has 2 documents, its limit is 2" in refused.text()
    assert not refused.components


async def test_export_fits_the_attachment_limit_or_says_how_to_get_it(e2e):
    a = e2e.standin.guild.id
    plain = answer(await e2e.ask("admin export", member_permissions=MOD))
    whole = plain.files[0].data
    e2e.standin.attachment_size_limit = len(whole) // 2
    zipped = answer(await e2e.ask("admin export", member_permissions=MOD))
    assert "zipped" in zipped.text() and zipped.files[0].filename == f"factbot-{a}.json.zip"
    with zipfile.ZipFile(io.BytesIO(zipped.files[0].data)) as archive:
        assert archive.read(f"factbot-{a}.json") == whole
    e2e.standin.attachment_size_limit = 200
    refused = answer(await e2e.ask("admin export", member_permissions=MOD))
    assert not refused.files
    assert f"python -m bot export --guild {a} --format json" in refused.text()


async def test_admin_and_cli_csv_exports_are_one_file_and_defused(e2e, tmp_path):
    a = e2e.standin.guild.id
    hostile = b'=HYPERLINK("http://evil.example") At least 300 North Korean soldiers were' \
              b" killed in Kursk, the NIS said.\n"
    await ingest(e2e, hostile, "hostile.txt")
    fid = (await e2e.bot.store.figures(None))[0].id
    await e2e.ask("admin correct", {"figure": fid, "field": "source", "value": "@desk",
                                    "reason": "r"}, member_permissions=MOD)
    reply = answer(await e2e.ask("admin export", {"format": "csv"}, member_permissions=MOD))
    text = reply.files[0].data.decode()
    rows = list(csv.DictReader(io.StringIO(text)))
    assert any(r["quote"].startswith("'=HYPERLINK(") for r in rows)
    assert next(r for r in rows if r["id"] == fid)["source"] == "'@desk"
    assert all(not cell.startswith(FORMULA_STARTS) for r in rows for cell in r.values())
    assert {r["additional"] for r in rows} == {"true", "false"}
    done = run_cli(tmp_path, "export", "--guild", str(a), "--format", "csv",
                   db=e2e.bot.settings.db_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout == text.replace("\r\n", "\n")  # the subprocess reads text mode
    as_json = run_cli(tmp_path, "export", "--guild", str(a), db=e2e.bot.settings.db_path)
    assert json.loads(as_json.stdout)["corrections"][0]["figure"] == fid


async def test_the_audit_reports_decisions_that_followed_or_lost_their_figure(
    seeded_base, tmp_path
):
    from bot.standin import DiscordStandIn, FakeGuild, bot_on_standin
    from tests.standin.harness import ErrorLogRecorder, Harness

    seeds = tmp_path / "own-seeds"
    shutil.copytree(seeded_base.seeds_dir, seeds)
    settings = dataclasses.replace(
        seeded_base.settings(tmp_path, owner_ids=frozenset({OWNER.id})), seeds_dir=seeds
    )
    with ErrorLogRecorder() as errors:
        async with (
            DiscordStandIn([FakeGuild.make("Test Server")]) as standin,
            bot_on_standin(settings, standin) as bot,
        ):
            e2e = Harness(standin, bot, errors)
            killed = (await bot.store.figures(None, metrics=["killed"]))[0]
            deployed = (await bot.store.figures(None, metrics=["deployed"]))[0]
            for figure in (killed, deployed):
                await e2e.ask("admin hide", {"figure": figure.id, "reason": "check"},
                              member_permissions=MOD)
            seed = next(seeds.glob("*.txt"))
            text = seed.read_text("utf-8")
            text = text.replace(killed.quote, killed.quote.replace("300", "350"))
            text = text.replace(deployed.quote, deployed.quote.replace("estimate", "estimated"))
            seed.write_text(text, "utf-8")
            reply = answer(await e2e.ask("admin reload", user=OWNER))
            assert "Seeds reloaded" in reply.text()
            log = answer(await e2e.ask("admin audit", member_permissions=MOD)).text()
            assert "⚠ 1 decision of this server points at no figure" in log
            assert f"`{killed.id}`" in log and "**decision unattached**" in log
            assert "**decision moved**" in log and "by the bot" in log
            assert "<@0>" not in log
        problems = e2e.problems()
    assert not problems, problems
