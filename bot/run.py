"""Running the bot on Discord (``python -m bot run`` with a token), and printing the command
payloads a sync sends. Nothing here imports the local stand-in: discord.py keeps talking to
Discord itself.
"""

from __future__ import annotations

import asyncio
import json
import signal
import sys

import discord

from bot.config import Settings
from bot.logging_setup import configure_logging

TOKEN_HINT = (
    "To run on Discord: create an application at https://discord.com/developers/applications,\n"
    "copy the token from its Bot tab into DISCORD_TOKEN (in .env), invite the bot with the\n"
    "applications.commands and bot scopes, and set FACTBOT_SYNC=guild with FACTBOT_GUILD_ID."
)


def run_bot(settings: Settings) -> int:
    """Runs the bot on Discord until SIGINT/SIGTERM; the store is closed on the way out."""
    if not settings.token:
        print("DISCORD_TOKEN is not set.\n" + TOKEN_HINT, file=sys.stderr)
        return 2
    configure_logging(settings.log_level)
    return asyncio.run(_run_bot(settings))


async def _run_bot(settings: Settings) -> int:
    from bot.client import create_bot

    bot = create_bot(settings)
    loop = asyncio.get_running_loop()
    closing: list[asyncio.Task[None]] = []
    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, lambda: closing.append(loop.create_task(bot.close())))
    try:
        async with bot:
            await bot.start(settings.token or "")
    except discord.LoginFailure:
        print("Discord refused the token in DISCORD_TOKEN.\n" + TOKEN_HINT, file=sys.stderr)
        return 1
    finally:
        for task in closing:
            await task
    return 0


def print_commands(settings: Settings, *, markdown: bool = False) -> int:
    """Prints the body a global command sync sends (the application command payloads), or
    with ``markdown`` the README's command tables made from it (bot/help.py)."""
    payloads = asyncio.run(_command_payloads(settings))
    if markdown:
        from bot.help import markdown_tables, readme_block

        blocks = [readme_block(name, table) for name, table in markdown_tables(payloads).items()]
        print("\n\n".join(blocks))
        return 0
    print(json.dumps(payloads, indent=2, ensure_ascii=False))
    return 0


async def _command_payloads(settings: Settings) -> list[dict[str, object]]:
    from bot.client import create_bot

    bot = create_bot(settings)
    try:
        await bot.load_commands()
        return await bot.command_payloads()
    finally:
        await bot.close()
