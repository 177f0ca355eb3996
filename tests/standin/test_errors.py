"""The central error handler: short private replies, apologies with a logged reference."""

from __future__ import annotations

import re
from typing import Any

import aiohttp
import discord
from discord import app_commands

from bot.errors import UserFacingError
from bot.standin import MANAGE_GUILD, MEMBER_PERMISSIONS


class Year(app_commands.Transformer):
    async def transform(self, interaction: discord.Interaction, value: str) -> int:
        return int(value)


async def _add(e2e, command: app_commands.Command[Any, Any, Any]) -> None:
    e2e.bot.tree.add_command(command)
    await e2e.refresh_commands()


async def test_an_exception_in_a_command_gets_an_apology_and_is_logged(e2e):
    @app_commands.command(name="boom", description="Fails")
    async def boom(interaction: discord.Interaction) -> None:
        raise RuntimeError("kaboom in the command")

    await _add(e2e, boom)
    e2e.expect_error("kaboom in the command")
    (reply,) = await e2e.ask("boom")
    assert reply.kind == "callback" and reply.type == 4 and reply.ephemeral
    assert reply.content is not None and reply.content.startswith("Sorry")
    assert "kaboom" not in reply.content and "Traceback" not in reply.content
    reference = re.search(r"`([0-9a-f]{8})`", reply.content)
    assert reference is not None
    logged = [r.getMessage() for r in e2e.errors.records]
    assert any(reference.group(1) in line for line in logged)


async def test_a_failure_after_deferring_is_reported_as_a_followup(e2e):
    @app_commands.command(name="slowboom", description="Defers, then fails")
    async def slowboom(interaction: discord.Interaction) -> None:
        await interaction.response.defer()
        raise RuntimeError("late kaboom")

    await _add(e2e, slowboom)
    e2e.expect_error("late kaboom")
    replies = await e2e.ask("slowboom")
    assert [(r.kind, r.type) for r in replies] == [("callback", 5), ("followup", None)]
    assert replies[1].content is not None and replies[1].content.startswith("Sorry")
    assert replies[1].body.get("flags", 0) & 64


async def test_an_unknown_command_gets_an_apology_and_is_logged(e2e):
    e2e.expect_error("nosuchcommand")
    (reply,) = await e2e.ask("nosuchcommand")
    assert reply.ephemeral and reply.content is not None and reply.content.startswith("Sorry")


async def test_a_user_facing_error_is_shown_as_is_and_not_logged(e2e):
    @app_commands.command(name="picky", description="Refuses")
    async def picky(interaction: discord.Interaction) -> None:
        raise UserFacingError("No figures match that subject.")

    await _add(e2e, picky)
    (reply,) = await e2e.ask("picky")
    assert reply.ephemeral and reply.content == "No figures match that subject."
    assert e2e.errors.records == []


async def test_cooldown_permissions_and_bad_values_get_short_refusals(e2e):
    @app_commands.command(name="guarded", description="Needs Manage Server")
    @app_commands.checks.has_permissions(manage_guild=True)
    async def guarded(
        interaction: discord.Interaction, year: app_commands.Transform[int, Year]
    ) -> None:
        await interaction.response.send_message(f"ok {year}", ephemeral=True)

    @app_commands.command(name="limited", description="Once a minute")
    @app_commands.checks.cooldown(1, 60.0)
    async def limited(interaction: discord.Interaction) -> None:
        await interaction.response.send_message("ok", ephemeral=True)

    await _add(e2e, guarded)
    await _add(e2e, limited)
    (refused,) = await e2e.ask("guarded", {"year": "2024"})
    assert refused.ephemeral and refused.content == (
        "You need the Manage Server permission for this."
    )
    moderator = MEMBER_PERMISSIONS | MANAGE_GUILD
    (bad,) = await e2e.ask("guarded", {"year": "last year"}, member_permissions=moderator)
    assert bad.ephemeral and bad.content == "'last year' is not a valid value for that option."
    (ok,) = await e2e.ask("guarded", {"year": "2024"}, member_permissions=moderator)
    assert ok.content == "ok 2024"
    (first,) = await e2e.ask("limited")
    assert first.content == "ok"
    (slow,) = await e2e.ask("limited")
    assert slow.ephemeral and slow.content is not None
    assert re.fullmatch(r"Slow down: try again in \d+ s\.", slow.content)


async def test_a_second_answer_to_one_interaction_is_refused_and_flagged(e2e):
    standin = e2e.standin
    handle = await standin.invoke("about")
    await handle.responses()
    e2e.expect_violation("answered twice")
    url = f"{standin.url}/api/v10/interactions/{handle.id}/{handle.token}/callback"
    async with aiohttp.ClientSession() as session:
        response = await session.post(url, json={"type": 4, "data": {"content": "again"}})
        body = await response.json()
    assert response.status == 400 and body["code"] == 40060
    assert [v.interaction_id for v in standin.double_answers] == [handle.id]
    assert handle.latency is not None and handle.latency < 3.0
