"""The Confirm button of /admin ingest when the database refuses writes: the moderator is told
that writes are failing, the operator finds it in the log once, and nothing is stored."""

from __future__ import annotations

import pytest

from bot.facts.store.overlays import Moderation
from bot.standin import MANAGE_GUILD, MEMBER_PERMISSIONS, Reply
from tests.standin.harness import Harness

MOD = MEMBER_PERMISSIONS | MANAGE_GUILD

#: Longer than a database page, so storing its text needs a new page even when free space is left.
DOC = (
    "---\ntitle: Kursk update\npublisher: Test Wire\npublished: 2025-03-30\n---\n"
    + "".join(
        f"South Korea's NIS said on Monday that at least {600 + i} North Korean soldiers had"
        f" been killed in Kursk, in fighting near village number {i}.\n"
        for i in range(60)
    )
).encode()


def shown(replies: list[Reply]) -> Reply:
    answers = [r for r in replies if not r.is_deferral]
    assert answers, f"no answer among {[(r.kind, r.type) for r in replies]}"
    return answers[-1]


def button_id(reply: Reply, label: str) -> str:
    for row in reply.components:
        for item in row.get("components", []):
            if item.get("label") == label:
                return str(item["custom_id"])
    raise AssertionError(f"no button {label!r} in {reply.components}")


async def preview_then_confirm(e2e: Harness, filename: str) -> Reply:
    """Uploads DOC as a moderator, presses Confirm under the preview; returns what replaced it."""
    attachment = e2e.standin.attachment(filename, DOC)
    preview = shown(await e2e.ask("admin ingest", {"file": attachment}, member_permissions=MOD))
    assert preview.ephemeral and "Confirm to store it" in preview.text()
    handle = await e2e.standin.click(
        preview, button_id(preview, "Confirm"), member_permissions=MOD
    )
    return shown(await handle.responses())


async def refuse_writes(e2e: Harness, fault: str) -> None:
    store = e2e.bot.store
    if fault == "disk full":
        # no free pages and no room to grow
        await store.read("VACUUM", ())
        pages = await store.pragma("page_count")
        await store.read(f"PRAGMA max_page_count = {pages}", ())
    else:
        # running as root, a chmod cannot make the file read-only; query_only refuses writes alike
        await store.read("PRAGMA query_only = ON", ())


async def allow_writes(e2e: Harness) -> None:
    await e2e.bot.store.read("PRAGMA max_page_count = 1073741823", ())
    await e2e.bot.store.read("PRAGMA query_only = OFF", ())


@pytest.mark.parametrize(
    ("fault", "reason"), [("disk full", "out of disk space"), ("read-only", "read-only")]
)
async def test_confirming_an_ingest_when_writes_fail_tells_the_moderator_and_stores_nothing(
    e2e: Harness, fault: str, reason: str
) -> None:
    standin, bot = e2e
    guild = standin.guild.id
    figures_before = len(await bot.store.figures(guild))
    version_before = bot.store.version
    await refuse_writes(e2e, fault)
    e2e.expect_error(f"writes are failing: the fact base is {reason}")

    outcome = await preview_then_confirm(e2e, "update.txt")

    assert outcome.kind == "callback" and outcome.type == 7, "the preview itself is replaced"
    assert outcome.ephemeral
    assert "Changes cannot be saved right now" in outcome.text()
    assert reason in outcome.text()
    assert outcome.components == [], "no button is left to press on a dead preview"
    assert bot.store.version == version_before
    assert [d for d in await bot.store.documents(guild) if d.guild_id == guild] == []
    assert len(await bot.store.figures(guild)) == figures_before
    assert await Moderation(bot.store).audit_log(guild, limit=10) == []
    assert "Casualty" in "\n".join(r.text() for r in await e2e.ask("casualties"))

    # once the database takes writes again, the same upload is stored whole
    await allow_writes(e2e)
    stored = await preview_then_confirm(e2e, "update.txt")
    assert "Stored **Kursk update" in stored.text() and "60 figures" in stored.text()
    [document] = [d for d in await bot.store.documents(guild) if d.guild_id == guild]
    assert document.figures == 60
    [entry] = await Moderation(bot.store).audit_log(guild, limit=10)
    assert entry.action == "ingest" and entry.after["figures"] == 60
