"""Discord misbehaving and the disk refusing writes: the bot retries or gives up cleanly,
answers once, reconnects, and tells moderators when changes cannot be saved."""

from __future__ import annotations

import asyncio

from bot.facts.model import Status
from bot.facts.store.overlays import Moderation
from bot.standin import MANAGE_GUILD, MEMBER_PERMISSIONS, FakeUser, Fault
from bot.standin.load import plan_traffic, run_traffic
from tests.standin.harness import Harness, replies_text

MOD = MEMBER_PERMISSIONS | MANAGE_GUILD


async def test_a_rate_limited_callback_is_retried_after_retry_after(e2e: Harness) -> None:
    e2e.standin.inject_faults(Fault(429, retry_after=0.3))
    handle = await e2e.invoke("about")
    replies = await handle.responses()
    assert [r.kind for r in replies] == ["callback"]
    assert handle.latency is not None and 0.3 <= handle.latency < 3.0
    assert [f.status for f, _ in e2e.standin.fault_log] == [429]
    assert e2e.standin.double_answers == []


async def test_a_server_error_on_a_callback_is_retried_once_in_time(e2e: Harness) -> None:
    e2e.standin.inject_faults(Fault(500, route="callback"))
    handle = await e2e.invoke("casualties")
    replies = await handle.responses()
    assert [r.kind for r in replies] == ["callback", "followup"]
    assert "Casualty" in replies_text(replies)
    assert handle.latency is not None and handle.latency < 3.0


async def test_repeated_server_errors_end_cleanly_without_a_second_answer(e2e: Harness) -> None:
    # discord.py waits 1 s, then 3 s, between retries: the third try is past the 3 s window,
    # Discord refuses it, and the bot gives up on this interaction without crashing.
    e2e.standin.inject_faults(Fault(500), Fault(500))
    handle = await e2e.invoke("about")
    await asyncio.sleep(4.5)
    assert handle.replies == []
    e2e.expect_violation("answered late")
    assert e2e.standin.double_answers == []
    # and it keeps answering
    assert "documents" in replies_text(await e2e.ask("about"))


async def test_gateway_drop_in_the_middle_of_traffic_resumes_and_loses_nothing(
    e2e: Harness,
) -> None:
    standin, bot = e2e
    fact_ids = [f.id for f in await bot.store.figures(None)]
    plan = plan_traffic(standin.guilds, fact_ids, 60, users=60)
    traffic = asyncio.create_task(run_traffic(standin, plan))
    await asyncio.sleep(0)
    assert await standin.drop_connection() == 1
    report = await traffic
    assert report.count("answered") == len(plan), report.summary()
    assert standin.violations == []
    assert [s.resumes for s in standin.sessions] == [1]
    assert "documents" in replies_text(await e2e.ask("about"))


async def test_a_full_disk_is_told_to_moderators_and_reads_go_on(e2e: Harness) -> None:
    standin, bot = e2e
    guild = standin.guild.id
    figure = (await bot.store.figures(guild))[0]
    # no free pages and no room to grow; a 5,000-character reason needs an overflow page
    await bot.store.read("VACUUM", ())
    pages = await bot.store.pragma("page_count")
    await bot.store.read(f"PRAGMA max_page_count = {pages}", ())
    e2e.expect_error("writes are failing: the fact base is out of disk space")
    reply = (await e2e.ask("admin hide", {"figure": figure.id, "reason": "x" * 5000},
                           member_permissions=MOD))[-1]
    assert reply.ephemeral
    assert "Changes cannot be saved right now" in reply.text()
    assert "out of disk space" in reply.text()
    assert "Casualty" in replies_text(await e2e.ask("casualties"))
    seen = await Moderation(bot.store).figure(guild, figure.id)
    assert seen is not None and seen.status is not Status.HIDDEN
    assert await Moderation(bot.store).audit_log(guild, limit=10) == []


async def test_a_read_only_database_is_told_to_moderators(e2e: Harness) -> None:
    standin, bot = e2e
    figure = (await bot.store.figures(standin.guild.id))[0]
    # running as root, a chmod cannot make the file read-only; query_only refuses writes alike
    await bot.store.read("PRAGMA query_only = ON", ())
    e2e.expect_error("writes are failing: the fact base is read-only")
    reply = (await e2e.ask("admin correct", {"figure": figure.id, "field": "low", "value": "5",
                                             "reason": "typo"}, member_permissions=MOD,
                           user=FakeUser(5, "mod")))[-1]
    assert "read-only" in reply.text() and reply.ephemeral
    assert "documents" in replies_text(await e2e.ask("about"))
