"""Runs the real bot (login, gateway, setup_hook) against a running stand-in."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from typing import TYPE_CHECKING

from bot.config import Settings
from bot.standin.server import DiscordStandIn

if TYPE_CHECKING:
    from bot.client import FactBot

STANDIN_TOKEN = "stand-in-token"
READY_TIMEOUT = 30.0


@contextlib.asynccontextmanager
async def bot_on_standin(
    settings: Settings, standin: DiscordStandIn, *, register_commands: bool = True
) -> AsyncIterator[FactBot]:
    """Logs the bot in to ``standin``, waits until it is ready, and closes it afterwards.

    With ``register_commands`` the stand-in learns the bot's commands as a sync would teach
    Discord (settings with sync off still get usable commands).
    """
    from bot.client import create_bot

    # READY is followed at once by every GUILD_CREATE, so the bot need not wait 2 s for more.
    bot = create_bot(settings, guild_ready_timeout=0.01)
    connection: asyncio.Task[None] | None = None
    try:
        await bot.login(settings.token or STANDIN_TOKEN)
        connection = asyncio.create_task(bot.connect(reconnect=False), name="standin-gateway")
        ready = asyncio.create_task(bot.wait_until_ready())
        done, _ = await asyncio.wait(
            {connection, ready}, timeout=READY_TIMEOUT, return_when=asyncio.FIRST_COMPLETED
        )
        if ready not in done:
            ready.cancel()
            if connection in done:
                connection.result()
            raise TimeoutError("the bot did not become ready on the stand-in")
        globally_synced = any(guild is None for guild, _ in standin.sync_requests)
        if register_commands and not globally_synced:
            standin.set_commands(await bot.command_payloads())
        yield bot
    finally:
        await bot.close()
        if connection is not None:
            with contextlib.suppress(Exception):
                await connection
