"""Builds the autocomplete and search indexes of every server once the bot is ready.

On a large fact base the first build takes seconds (see bench/README.md). The indexes, and the
figure and event keys that listings are planned from, are built one server at a time in the
background; a keystroke that arrives first waits briefly for the build in progress and, if it is
not done, answers without it (``FactLookup.ready_figure_index`` in bot/lookup/), so it stays
inside Discord's 3-second window.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging

from discord.ext import commands

from bot.client import FactBot

log = logging.getLogger(__name__)


class Warmup(commands.Cog):
    def __init__(self, bot: FactBot) -> None:
        self.bot = bot
        self._task: asyncio.Task[None] | None = None

    async def cog_load(self) -> None:
        self._task = asyncio.create_task(self._warm(), name="factbot-warmup")

    async def cog_unload(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task

    async def _warm(self) -> None:
        await self.bot.wait_until_ready()
        lookup = self.bot.lookup
        for guild in list(self.bot.guilds):
            try:
                await lookup.warm(guild.id)
            except Exception:  # autocomplete builds on demand if warming failed
                log.warning("could not warm the indexes of guild %s", guild.id, exc_info=True)


async def setup(bot: FactBot) -> None:
    await bot.add_cog(Warmup(bot))
