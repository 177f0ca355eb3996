"""/admin end to end: permissions, per-server overlays, ingest with preview, audit, export."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest

from bot.facts.store.overlays import Moderation
from bot.standin import MANAGE_GUILD, MEMBER_PERMISSIONS, FakeGuild, FakeUser
from tests.standin.harness import replies_text

MOD = MEMBER_PERMISSIONS | MANAGE_GUILD
OWNER = FakeUser(4242, "operator")
DOC = (
    b"---\ntitle: Kursk update\npublisher: Test Wire\npublished: 2025-03-30\n---\n"
    b"South Korea's NIS said on Monday that at least 600 North Korean soldiers had been killed"
    b" in Kursk.\n"
)

SUBCOMMANDS: dict[str, dict[str, object]] = {
    "admin ingest": {"file": None},
    "admin documents": {},
    "admin remove document": {"document": "anything.txt"},
    "admin hide": {"figure": "abcdefgh", "reason": "wrong"},
    "admin unhide": {"figure": "abcdefgh"},
    "admin verify": {"figure": "abcdefgh"},
    "admin correct": {"figure": "abcdefgh", "field": "low", "value": "5", "reason": "typo"},
    "admin audit": {},
    "admin export": {},
    "admin modrole": {},
    "admin reload": {},
    "admin paste": {},
    "admin feeds add": {"url": "https://example.org/feed.xml"},
    "admin feeds remove": {"feed": "1"},
    "admin feeds list": {},
    "admin feeds autostore": {"enabled": True},
    "admin queue": {},
}


@pytest.fixture
def e2e_settings(seeded_base, tmp_path):
    return seeded_base.settings(tmp_path, owner_ids=frozenset({OWNER.id}))


def answer(replies):
    shown = [r for r in replies if not r.is_deferral]
    assert shown, f"no answer among {[(r.kind, r.type) for r in replies]}"
    return shown[-1]


def button_id(reply, label):
    for row in reply.components:
        for item in row.get("components", []):
            if item.get("label") == label:
                return item["custom_id"]
    raise AssertionError(f"no button {label!r}")


async def ingest(e2e, data, filename="update.txt", *, guild_id=None, confirm=True, **options):
    """Uploads ``data`` as a moderator; presses Confirm (or not); returns both answers."""
    attachment = e2e.standin.attachment(filename, data)
    preview = answer(
        await e2e.ask(
            "admin ingest", {"file": attachment, **options}, member_permissions=MOD,
            guild_id=guild_id,
        )
    )
    assert preview.ephemeral
    if not confirm or not preview.components:
        return preview, None
    label = "Confirm" if confirm else "Cancel"
    handle = await e2e.standin.click(
        preview, button_id(preview, label), member_permissions=MOD
    )
    return preview, answer(await handle.responses())


async def shared_killed_id(bot):
    figures = await bot.store.figures(None, metrics=["killed"], source="NIS")
    return figures[0].id


async def test_every_subcommand_is_refused_at_run_time_without_permission(e2e):
    payload = next(c for c in e2e.standin.commands_for(None) if c["name"] == "admin")
    assert int(payload["default_member_permissions"]) == MANAGE_GUILD
    assert payload.get("contexts") == [0] or payload.get("dm_permission") is False
    attachment = e2e.standin.attachment("x.txt", DOC)
    for command, options in SUBCOMMANDS.items():
        options = {k: (attachment if v is None else v) for k, v in options.items()}
        reply = answer(await e2e.ask(command, options))
        assert reply.ephemeral, command
        assert "Only this server's moderators" in reply.text(), command
    assert await Moderation(e2e.bot.store).audit_log(e2e.standin.guild.id, limit=10) == []
    assert not [d for d in await e2e.bot.store.documents(e2e.standin.guild.id) if d.guild_id]


async def test_moderator_role_grants_admin_and_reload_stays_owner_only(e2e):
    guild = e2e.standin.guild
    role = guild.role("Moderators")
    reply = answer(await e2e.ask("admin modrole", {"role": str(role.id)}, member_permissions=MOD))
    assert "may now use /admin" in reply.text() and reply.allowed_mentions == {"parse": []}
    fid = await shared_killed_id(e2e.bot)
    reply = answer(await e2e.ask("admin verify", {"figure": fid}, roles=[role.id]))
    assert "marked verified" in reply.text()
    reply = answer(await e2e.ask("admin reload", roles=[role.id]))
    assert "Only the bot's owners" in reply.text()
    reply = answer(await e2e.ask("admin reload", member_permissions=MOD))
    assert "Only the bot's owners" in reply.text()
    reply = answer(await e2e.ask("admin reload", user=OWNER))
    assert reply.ephemeral and "Seeds reloaded" in reply.text()
    shown = answer(await e2e.ask("casualties", {"metric": "killed"})).text()
    assert "✓ verified" in shown
    shown = answer(
        await e2e.ask("casualties", {"metric": "killed"}, guild_id=e2e.standin.guilds[1].id)
    ).text()
    assert "verified" not in shown


async def test_hide_and_correct_change_only_this_server(e2e):
    a, b = e2e.standin.guilds[0].id, e2e.standin.guilds[1].id
    fid = await shared_killed_id(e2e.bot)
    reply = answer(
        await e2e.ask("admin correct", {"figure": fid, "field": "low", "value": "350",
                                        "reason": "see the agency's release"},
                      member_permissions=MOD)
    )
    assert "low is now at least 350" in reply.text()
    shown = answer(await e2e.ask("casualties", {"metric": "killed"})).text()
    assert "at least 350" in shown and "corrected by this server's moderators" in shown
    member_view = answer(await e2e.ask("figure", {"figure": fid})).text()
    assert "Original extraction" not in member_view and "at least 350" in member_view
    moderator_view = answer(await e2e.ask("figure", {"figure": fid}, member_permissions=MOD)).text()
    assert "Original extraction:** at least 300" in moderator_view
    shown_b = answer(await e2e.ask("casualties", {"metric": "killed"}, guild_id=b)).text()
    assert "at least 300" in shown_b and "corrected" not in shown_b

    reply = answer(await e2e.ask("admin hide", {"figure": fid, "reason": "duplicate"},
                                 member_permissions=MOD))
    assert "now hidden" in reply.text()
    assert fid not in answer(await e2e.ask("casualties")).text()
    assert f"No figure with id “{fid}”" in answer(await e2e.ask("figure", {"figure": fid})).text()
    assert fid not in {c["value"] for c in await e2e.standin.autocomplete(
        "figure", {"figure": fid}, "figure")}
    assert fid in answer(await e2e.ask("casualties", guild_id=b)).text()
    choices = await e2e.standin.autocomplete(
        "admin unhide", {"figure": fid[:4]}, "figure", member_permissions=MOD
    )
    assert any(c["value"] == fid and c["name"].startswith("[hidden]") for c in choices)
    assert await e2e.standin.autocomplete("admin unhide", {"figure": fid[:4]}, "figure") == []
    answer(await e2e.ask("admin unhide", {"figure": fid}, member_permissions=MOD))
    assert fid in answer(await e2e.ask("casualties")).text()

    log = answer(await e2e.ask("admin audit", member_permissions=MOD)).text()
    assert log.index("**unhide**") < log.index("**hide**") < log.index("**correct low**")
    assert "low: 300 → 350" in log and "reason: see the agency's release" in log
    assert "status: corrected → hidden" in log and "reason: duplicate" in log
    assert "Nothing in this server's audit log" in answer(
        await e2e.ask("admin audit", guild_id=b, member_permissions=MOD)).text()
    assert len(await Moderation(e2e.bot.store).audit_log(a, limit=50)) == 3


async def test_a_server_cannot_touch_another_servers_documents(e2e):
    a, b = e2e.standin.guilds[0].id, e2e.standin.guilds[1].id
    preview, stored = await ingest(e2e, DOC, guild_id=a)
    assert "at least 600" in preview.text()
    assert stored is not None
    assert "Stored **Kursk update — Test Wire, 30 Mar 2025**" in stored.text()
    assert "guild-" not in stored.text() + preview.text()
    key = f"guild-{a}/update.txt"
    own = await e2e.bot.store.figures(a, document=key)
    assert [f.low for f in own] == [600]
    fid = own[0].id
    assert "600" in answer(await e2e.ask("casualties", {"metric": "killed"})).text()
    assert "600" not in answer(
        await e2e.ask("casualties", {"metric": "killed"}, guild_id=b)).text()
    for command, options in (
        ("admin hide", {"figure": fid, "reason": "x"}),
        ("admin verify", {"figure": fid}),
        ("admin correct", {"figure": fid, "field": "low", "value": "1", "reason": "x"}),
    ):
        reply = answer(await e2e.ask(command, options, guild_id=b, member_permissions=MOD))
        assert f"No figure with id '{fid}' in this server" in reply.text(), command
    reply = answer(await e2e.ask("admin remove document", {"document": key}, guild_id=b,
                                 member_permissions=MOD))
    assert "No document" in reply.text()
    assert key not in answer(await e2e.ask("admin documents", guild_id=b,
                                           member_permissions=MOD)).text()
    assert await e2e.standin.autocomplete(
        "admin hide", {"figure": fid}, "figure", guild_id=b, member_permissions=MOD) == []
    assert await e2e.bot.store.document(a, key) is not None
    reply = answer(await e2e.ask("admin remove document", {"document": key},
                                 member_permissions=MOD))
    assert "Removed" in reply.text() and await e2e.bot.store.document(a, key) is None
    shared = (await e2e.bot.store.documents(None))[0].key
    reply = answer(await e2e.ask("admin remove document", {"document": shared},
                                 member_permissions=MOD))
    assert "Only the bot's owners" in reply.text()


async def test_cancel_stores_nothing_and_export_shows_the_servers_view(e2e):
    a = e2e.standin.guild.id
    preview = answer(await e2e.ask("admin ingest", {"file": e2e.standin.attachment(
        "update.txt", DOC)}, member_permissions=MOD))
    handle = await e2e.standin.click(preview, button_id(preview, "Cancel"),
                                     member_permissions=MOD)
    assert "nothing was stored" in answer(await handle.responses()).text()
    assert await e2e.bot.store.document(a, f"guild-{a}/update.txt") is None
    fid = await shared_killed_id(e2e.bot)
    await e2e.ask("admin correct", {"figure": fid, "field": "source", "value": "none",
                                    "reason": "unsourced"}, member_permissions=MOD)
    reply = answer(await e2e.ask("admin export", member_permissions=MOD))
    exported = json.loads(reply.files[0].data)
    assert set(exported) == {"documents", "figures", "events", "corrections"}
    figure = next(f for f in exported["figures"] if f["id"] == fid)
    assert figure["source"] is None and figure["status"] == "corrected"
    assert exported["corrections"] == [{"figure": fid, "status": "corrected", "fields": {
        "source": {"original": "NIS", "corrected": None}}}]
    reply = answer(await e2e.ask("admin export", {"format": "csv"}, member_permissions=MOD))
    rows = list(csv.DictReader(io.StringIO(reply.files[0].data.decode())))
    row = next(r for r in rows if r["id"] == fid)
    assert row["status"] == "corrected" and json.loads(row["original"]) == {"source": "NIS"}


HOSTILE = [
    ("binary.txt", b"\x00\x01\x02PNG\x00" * 100, "application/octet-stream", "binary"),
    ("photo.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "image/png", "unsupported type"),
    ("latin1.txt", "Kursk: 600 soldats tués à l'été".encode("latin-1"), "text/plain", "UTF-8"),
    ("lines.txt", b"x\n" * 1_000_000, "text/plain", "too large"),
    ("big.txt", b"a" * (50 * 1024 * 1024), "text/plain", "too large: 50.0 MB"),
    ("empty.txt", b"  \n\n", "text/plain", "empty"),
]


@pytest.mark.parametrize(("filename", "data", "content_type", "why"), HOSTILE,
                         ids=[h[0] for h in HOSTILE])
async def test_hostile_attachments_are_refused_with_nothing_stored(
    e2e, filename, data, content_type, why
):
    a = e2e.standin.guild.id
    attachment = e2e.standin.attachment(filename, data, content_type)
    replies = await e2e.ask("admin ingest", {"file": attachment}, member_permissions=MOD)
    reply = answer(replies)
    assert reply.ephemeral and "Refused" in reply.text() and why in reply.text()
    if why in ("too large", "too large: 50.0 MB", "unsupported type"):
        # refused from the attachment's metadata: answered at once, before any download
        assert len(replies) == 1 and not replies[0].is_deferral
    assert not reply.components
    assert [d for d in await e2e.bot.store.documents(a) if d.guild_id] == []
    assert await Moderation(e2e.bot.store).audit_log(a, limit=5) == []


async def test_too_many_short_lines_are_refused_before_extraction(e2e):
    attachment = e2e.standin.attachment("lines.txt", b"x\n" * 30_000)
    reply = answer(await e2e.ask("admin ingest", {"file": attachment}, member_permissions=MOD))
    assert "too many lines (30,000" in reply.text()


async def test_injection_and_zero_width_characters_are_rendered_harmless(e2e):
    a = e2e.standin.guild.id
    text = (
        "---\ntitle: '@everyone [free](https://evil.example) **now**'\n---\n"
        "Ukraine's military said 2\u200b00 North Korean soldiers were captured in Kursk,"
        " @everyone @here [read](https://evil.example) <@&1234> **bold** `code`.\n"
    ).encode()
    preview, stored = await ingest(e2e, text, filename="inject.md")
    assert stored is not None and "Stored" in stored.text()
    figures = await e2e.bot.store.figures(a, document=f"guild-{a}/inject.md")
    captured = [f for f in figures if f.low == 200]
    assert captured and "\u200b" not in captured[0].quote
    listed = answer(await e2e.ask("casualties", {"metric": "captured"}))
    # the answer lists the figure without its quote; /figure shows the quote
    whole = answer(await e2e.ask("figure", {"figure": captured[0].id}))
    for reply in (preview, listed, whole):
        shown = reply.text()
        assert reply.allowed_mentions == {"parse": []}
        assert "@everyone" not in shown and "@here" not in shown
        assert "](https://" not in shown and "<@&" not in shown
        assert "**bold**" not in shown
        assert reply is listed or re.search(r"\\\*\\\*bold", shown)


async def test_no_figures_found_is_said_and_may_still_be_stored(e2e):
    preview, stored = await ingest(e2e, b"A quiet day near the border; nothing to count.",
                                   filename="quiet.txt")
    assert "No figures found" in preview.text()
    assert stored is not None and "0 figures" in stored.text()
    log = await Moderation(e2e.bot.store).audit_log(e2e.standin.guild.id, limit=5)
    assert [(e.action, e.actor_id) for e in log] == [("ingest", e2e.standin.default_user.id)]


async def test_refusals_name_what_was_wrong(e2e):
    fid = await shared_killed_id(e2e.bot)
    cases = (
        ({"field": "low", "value": "many"}, "whole number"),
        ({"field": "qualifier", "value": "range"}, ""),
        ({"field": "low", "value": "5000"}, "above the high value"),
        ({"field": "date", "value": "someday"}, "date must be like"),
        ({"field": "metric", "value": "bananas"}, "metric must be one of"),
    )
    for options, why in cases:
        reply = answer(await e2e.ask("admin correct", {"figure": fid, "reason": "r", **options},
                                     member_permissions=MOD))
        assert why in reply.text() and reply.ephemeral
    await e2e.ask("admin hide", {"figure": fid, "reason": "r"}, member_permissions=MOD)
    reply = answer(await e2e.ask("admin hide", {"figure": fid, "reason": "r"},
                                 member_permissions=MOD))
    assert "already hidden" in reply.text()
    log = await Moderation(e2e.bot.store).audit_log(e2e.standin.guild.id, limit=50)
    assert [e.action for e in log] == ["hide", "correct qualifier"]
    assert "Only this server's moderators" in replies_text(
        await e2e.ask("admin audit", roles=[e2e.standin.guild.role("Moderators").id]))


async def test_overlays_and_audit_survive_a_restart_and_a_reload_of_changed_seeds(
    seeded_base, tmp_path
):
    import dataclasses
    import shutil

    from bot.standin import DiscordStandIn, bot_on_standin
    from tests.standin.harness import ErrorLogRecorder, Harness

    seeds = tmp_path / "own-seeds"
    shutil.copytree(seeded_base.seeds_dir, seeds)
    settings = dataclasses.replace(
        seeded_base.settings(tmp_path, owner_ids=frozenset({OWNER.id})), seeds_dir=seeds
    )
    guilds = [FakeGuild.make("Test Server"), FakeGuild.make("Other Server")]
    with ErrorLogRecorder() as errors:
        async with DiscordStandIn(guilds) as standin:
            async with bot_on_standin(settings, standin) as bot:
                e2e = Harness(standin, bot, errors)
                fid = await shared_killed_id(bot)
                await e2e.ask("admin hide", {"figure": fid, "reason": "dup"},
                              member_permissions=MOD)
            async with bot_on_standin(settings, standin) as bot:
                e2e = Harness(standin, bot, errors)
                assert fid not in answer(await e2e.ask("casualties")).text()
                seed = next(seeds.glob("*.txt"))
                seed.write_text("Editor's note: updated.\n\n" + seed.read_text("utf-8"))
                reply = answer(await e2e.ask("admin reload", user=OWNER))
                assert "Seeds reloaded" in reply.text() and "replaced" in reply.text()
                assert fid not in answer(await e2e.ask("casualties")).text()
                assert fid in answer(await e2e.ask("casualties", guild_id=guilds[1].id)).text()
                log = answer(await e2e.ask("admin audit", user=OWNER)).text()
                assert "**hide**" in log and "**reload**" in log and "shared fact base" in log
                assert "**reload**" not in answer(
                    await e2e.ask("admin audit", member_permissions=MOD)).text()
        problems = e2e.problems()
    assert not problems, problems


async def test_the_document_autocomplete_names_documents_and_carries_their_key(e2e):
    a = e2e.standin.guild.id
    await ingest(e2e, DOC)
    choices = await e2e.standin.autocomplete(
        "admin remove document", {"document": "test wire"}, "document", member_permissions=MOD)
    assert [(c["name"], c["value"]) for c in choices] == [
        ("Kursk update — Test Wire, 30 Mar 2025", f"guild-{a}/update.txt")
    ]
