"""/admin against a hostile or careless moderator, end to end through the stand-in: uploads
extracted off the event loop within a time budget, downloads that fail, @everyone as the
moderator role, digits int() cannot read, input echoed back, long document keys, and a preview
confirmed by someone else."""

from __future__ import annotations

import asyncio
import dataclasses
import shutil
from pathlib import Path

import pytest

from bot.facts.extract import extract
from bot.facts.model import Document
from bot.facts.store.overlays import Moderation
from bot.options import CHOICE_NAME_LIMIT
from bot.standin import MANAGE_GUILD, MEMBER_PERMISSIONS, FakeUser
from tests.longtext import hard_text, realistic_text
from tests.standin.harness import Harness

MOD = MEMBER_PERMISSIONS | MANAGE_GUILD
OWNER = FakeUser(4242, "operator")
DOC = (
    b"---\ntitle: Kursk update\npublisher: Test Wire\npublished: 2025-03-30\n---\n"
    b"South Korea's NIS said on Monday that at least 600 North Korean soldiers had been killed"
    b" in Kursk.\n"
)
BIDI = "\u202e\u2066\u2067\u2068\u2069\u202a\u202b\u202c\u202d"


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


async def own_documents(e2e: Harness, guild: int) -> list[str]:
    return [d.key for d in await e2e.bot.store.documents(guild) if d.guild_id == guild]


async def until(condition, timeout: float = 30.0) -> None:
    async with asyncio.timeout(timeout):
        while not condition():
            await asyncio.sleep(0.005)


# -- extraction off the event loop, within a budget -------------------------------------------


async def test_an_upload_over_the_time_budget_is_stopped_and_the_moderator_told(e2e):
    guild = e2e.standin.guild.id
    e2e.bot.extraction.budget = 0.01
    attachment = e2e.standin.attachment("long.txt", realistic_text(500_000).encode())
    reply = answer(await e2e.ask("admin ingest", {"file": attachment}, member_permissions=MOD,
                                 timeout=30))
    assert reply.ephemeral and not reply.components
    assert "took longer than 0.01 seconds, so it was stopped" in reply.text()
    assert "Nothing was stored" in reply.text() and "FACTBOT_EXTRACTION_SECONDS" in reply.text()
    assert e2e.bot.extraction.stopped == 1
    assert await own_documents(e2e, guild) == []
    e2e.bot.extraction.budget = 30.0  # a new worker takes the next upload
    preview = answer(await e2e.ask("admin ingest", {"file": e2e.standin.attachment(
        "update.txt", DOC)}, member_permissions=MOD, timeout=30))
    assert "at least 600" in preview.text()


async def test_one_servers_slow_upload_does_not_delay_another_servers_answers(e2e):
    a, b = e2e.standin.guilds[0].id, e2e.standin.guilds[1].id
    e2e.bot.extraction.budget = 5.0
    text = realistic_text(440_000) + "\n\n" + hard_text(60_000)
    upload = await e2e.invoke(
        "admin ingest", {"file": e2e.standin.attachment("slow.txt", text.encode())},
        member_permissions=MOD, guild_id=a,
    )
    await until(lambda: e2e.bot.extraction.running == 1)
    answered = await e2e.ask("casualties", guild_id=b)
    # the other server's answer came while the upload was still being extracted
    assert e2e.bot.extraction.running == 1
    assert [r for r in upload.replies if not r.is_deferral] == []
    assert "Casualty figures" in answer(answered).text()
    outcome = answer(await upload.responses(timeout=60))
    assert "Preview" in outcome.text() or "took longer than" in outcome.text()


async def test_reload_extracts_the_seeds_off_the_event_loop(seeded_base, tmp_path):
    from bot.standin import DiscordStandIn, FakeGuild, bot_on_standin
    from tests.standin.harness import ErrorLogRecorder

    seeds = tmp_path / "own-seeds"
    shutil.copytree(seeded_base.seeds_dir, seeds)
    settings = dataclasses.replace(
        seeded_base.settings(tmp_path, owner_ids=frozenset({OWNER.id})), seeds_dir=seeds
    )
    guilds = [FakeGuild.make("Test Server"), FakeGuild.make("Other Server")]
    with ErrorLogRecorder() as errors:
        async with DiscordStandIn(guilds) as standin, bot_on_standin(settings, standin) as bot:
            e2e = Harness(standin, bot, errors)
            Path(seeds / "long.txt").write_text(realistic_text(1_000_000), "utf-8")
            reload = await e2e.invoke("admin reload", user=OWNER)
            await until(lambda: bot.extraction.running == 1)
            answered = await e2e.ask("casualties", guild_id=guilds[1].id)
            assert bot.extraction.running == 1, "the reload's extraction was still running"
            assert "Casualty figures" in answer(answered).text()
            done = answer(await reload.responses(timeout=60))
            assert "Seeds reloaded" in done.text() and "1 added" in done.text()
        problems = e2e.problems()
    assert not problems, problems


# -- downloads, roles, values ------------------------------------------------------------------


@pytest.mark.parametrize(("status", "said"), [
    (None, "the connection to Discord failed"),
    (404, "Discord answered 404: the file is gone or its link expired"),
])
async def test_a_failed_download_says_what_failed(e2e, status, said):
    attachment = e2e.standin.attachment("update.txt", DOC)
    e2e.standin.fail_download(attachment, status)
    reply = answer(await e2e.ask("admin ingest", {"file": attachment}, member_permissions=MOD))
    assert reply.ephemeral and f"Could not download the file: {said}" in reply.text()
    assert "Nothing was stored" in reply.text() and "went wrong" not in reply.text()
    assert await own_documents(e2e, e2e.standin.guild.id) == []


async def test_everyone_cannot_be_the_moderator_role(e2e):
    guild = e2e.standin.guild
    reply = answer(await e2e.ask("admin modrole", {"role": str(guild.everyone_role().id)},
                                 member_permissions=MOD))
    assert reply.ephemeral and "@everyone cannot be the moderator role" in reply.text()
    assert await Moderation(e2e.bot.store).moderator_role(guild.id) is None
    assert await Moderation(e2e.bot.store).audit_log(guild.id, limit=5) == []
    refused = answer(await e2e.ask("admin audit"))
    assert "Only this server's moderators" in refused.text()


async def test_digits_that_int_cannot_read_are_refused_not_crashed_on(e2e):
    figure = (await e2e.bot.store.figures(None, metrics=["killed"], source="NIS"))[0]
    for typed in ("²", "3²", "⁵⁰⁰", "½"):
        reply = answer(await e2e.ask("admin correct", {
            "figure": figure.id, "field": "low", "value": typed, "reason": "r",
        }, member_permissions=MOD))
        assert "low must be a whole number" in reply.text(), typed
    reply = answer(await e2e.ask("admin correct", {
        "figure": figure.id, "field": "low", "value": "٣٥٠", "reason": "Arabic-Indic digits",
    }, member_permissions=MOD))
    assert "low is now at least 350" in reply.text()


# -- what is echoed and shown ------------------------------------------------------------------


async def test_refusals_echo_what_was_typed_inert(e2e):
    typed = "**bold** <@&1234> @everyone [x](https://evil.example)"
    for command, options in (
        ("admin hide", {"figure": typed, "reason": "r"}),
        ("admin remove document", {"document": typed}),
        ("casualties", {"subject": typed}),
        ("figure", {"figure": typed}),
    ):
        shown = answer(await e2e.ask(command, options, member_permissions=MOD)).text()
        assert typed not in shown, command
        assert "**bold**" not in shown and "<@&" not in shown and "@everyone" not in shown
        assert "](https://" not in shown, command


async def test_direction_overrides_and_control_characters_never_reach_an_answer(e2e):
    text = (
        "---\ntitle: \u202eKursk\u202c update\npublisher: Test\u2066 Wire\u2069\n---\n"
        "South Korea's NIS said on Monday that at least 600 North Korean soldiers had been"
        " killed in \u2067Kursk\u2069 and \u202eSudzha\u202c.\n"
    ).encode()
    attachment = e2e.standin.attachment("bidi.txt", text)
    preview = answer(await e2e.ask("admin ingest", {"file": attachment, "title": "A\u202e\x00B"},
                                   member_permissions=MOD))
    handle = await e2e.standin.click(preview, button_id(preview, "Confirm"),
                                     member_permissions=MOD)
    answer(await handle.responses())
    listing = answer(await e2e.ask("casualties", {"metric": "killed"}))
    assert "**at least 600** · NIS" in listing.text() and "AB — Test Wire" in listing.text()
    # the quote is behind /figure (the answer lists figures without it)
    quoted = answer(await e2e.ask("sources", {"source": "NIS"}))
    assert "killed in Kursk and Sudzha" in quoted.text()
    sources = answer(await e2e.ask("sources"))
    assert "**AB — Test Wire**" in sources.text()
    for reply in (preview, listing, quoted, sources):
        assert not any(c in reply.text() for c in BIDI + "\x00")


# -- document keys, previews -------------------------------------------------------------------


async def test_a_document_key_longer_than_a_choice_value_is_still_chosen_whole(e2e):
    """Keys of shared documents are their paths in the folder they came from, as long as those
    are; an operator's autocomplete offers them as short tokens that resolve to the whole key."""
    key = "briefings/ministry-of-defence/2025/march/" + "daily-summary-" * 6 + "30.txt"
    assert len(key) > CHOICE_NAME_LIMIT
    document = Document(key=key, text=DOC.decode().split("---\n")[-1])
    await e2e.bot.store.ingest(extract(document), guild_id=None, origin="cli")
    [choice] = await e2e.standin.autocomplete(
        "admin remove document", {"document": "daily-summary"}, "document", user=OWNER
    )
    assert len(choice["value"]) <= CHOICE_NAME_LIMIT and len(choice["name"]) <= CHOICE_NAME_LIMIT
    # labelled by its name (here its opening words: it has no title), never by the key
    assert choice["name"].startswith("“South Korea's NIS said")
    assert "briefings/" not in choice["name"]
    reply = answer(await e2e.ask("admin remove document", {"document": choice["value"]},
                                 user=OWNER))
    assert "Removed" in reply.text()
    assert key not in {d.key for d in await e2e.bot.store.documents(None)}


async def test_another_moderator_pressing_confirm_is_told_whose_preview_it_is(e2e):
    preview = answer(await e2e.ask("admin ingest", {"file": e2e.standin.attachment(
        "update.txt", DOC)}, member_permissions=MOD))
    other = FakeUser(77_777, "other moderator")
    handle = await e2e.standin.click(preview, button_id(preview, "Confirm"), user=other,
                                     member_permissions=MOD)
    [refused] = await handle.responses()
    assert refused.ephemeral and "moderator who uploaded this document" in refused.text()
    assert "pages" not in refused.text()
    assert await own_documents(e2e, e2e.standin.guild.id) == []
