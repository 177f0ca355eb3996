"""Runs the bot in its own process against a stand-in listening elsewhere (another process).

``python -m bot.standin.remote http://127.0.0.1:PORT`` reads the settings from the environment
as ``python -m bot run`` does, points discord.py's REST base and gateway at the stand-in, and
runs until killed. Shard settings (FACTBOT_SHARD_COUNT, FACTBOT_SHARD_IDS) pick what this
process speaks for, so several of these make a sharded deployment over one store.
"""

from __future__ import annotations

import asyncio
import logging
import sys

import discord
import discord.gateway
import discord.http
import yarl

from bot.config import Settings
from bot.standin.session import STANDIN_TOKEN


def point_at(url: str) -> None:
    """Makes discord.py in this process talk to the stand-in at ``url``."""
    base = url.rstrip("/")
    discord.http.Route.BASE = f"{base}/api/v10"
    ws = yarl.URL(base).with_scheme("ws") / "gateway"
    discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = ws


async def run(url: str, settings: Settings) -> None:
    from bot.client import create_bot

    point_at(url)
    bot = create_bot(settings, guild_ready_timeout=0.01)
    async with bot:
        await bot.start(settings.token or STANDIN_TOKEN)


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python -m bot.standin.remote STANDIN_URL", file=sys.stderr)
        return 2
    settings = Settings.from_env()
    logging.basicConfig(
        level=settings.log_level, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    asyncio.run(run(argv[0], settings))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
