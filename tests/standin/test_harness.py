"""The harness itself: it catches logged errors and broken Discord rules, and syncs commands."""

from __future__ import annotations

import dataclasses
import logging

import pytest

from bot.standin import DiscordStandIn, FakeGuild, OptionError, bot_on_standin
from tests.standin.harness import ErrorLogRecorder
from tests.standin.limits import assert_valid_commands


async def test_an_undeclared_error_log_is_a_problem_and_a_declared_one_is_not(e2e):
    logging.getLogger("bot.somewhere").error("the cache caught fire")
    logging.getLogger("unrelated.library").error("not ours")
    assert e2e.problems() == ["unexpected error log: bot.somewhere: the cache caught fire"]
    e2e.expect_error("caught fire")
    e2e.expect_error("never logged")
    assert e2e.problems() == ["expected an error log containing 'never logged'; none was logged"]
    e2e.expected_errors.remove("never logged")
    assert e2e.problems() == []


async def test_a_reply_over_discord_limits_is_refused_like_discord_does(e2e):
    from discord import Interaction, app_commands

    @app_commands.command(name="long", description="Too long")
    async def long(interaction: Interaction) -> None:
        await interaction.response.send_message("x" * 2001)

    e2e.bot.tree.add_command(long)
    await e2e.refresh_commands()
    e2e.expect_violation("invalid callback")
    e2e.expect_error("Invalid Form Body")
    (reply,) = await e2e.ask("long")
    assert reply.ephemeral and reply.content is not None and reply.content.startswith("Sorry")
    assert "2001 characters" in e2e.standin.violations[0].detail


async def test_options_are_checked_against_the_registered_command(e2e):
    with pytest.raises(OptionError, match="no option 'subject'"):
        await e2e.invoke("about", {"subject": "north korea"})
    with pytest.raises(OptionError, match="no subcommand"):
        await e2e.invoke("about more")


@pytest.mark.parametrize("mode", ["guild", "global"])
async def test_setup_hook_syncs_commands_as_settings_say(e2e_settings, mode):
    guild = FakeGuild.make("Sync Server")
    settings = dataclasses.replace(e2e_settings, sync=mode, guild_id=guild.id)
    with ErrorLogRecorder() as errors:
        async with DiscordStandIn([guild]) as standin, bot_on_standin(settings, standin) as bot:
            assert len(standin.sync_requests) == 1
            target, body = standin.sync_requests[0]
            assert target == (guild.id if mode == "guild" else None)
            assert_valid_commands(body)
            assert body == await bot.command_payloads()
            handle = await standin.invoke("about")
            (reply,) = await handle.responses()
            assert reply.embeds and standin.violations == []
    assert errors.records == []


async def test_sync_off_sends_nothing(e2e):
    assert e2e.standin.sync_requests == []
