"""/help: what each command answers, its options with examples, and how to read the answers,
in the reader's language (bot/help.py; the README's command tables come from the same)."""

from __future__ import annotations

from typing import Any

import discord
from discord import app_commands
from discord.ext import commands

from bot.client import FactBot
from bot.render.help import help_pages
from bot.views import send_pages

#: The commands /help explains one by one (a test checks they are the bot's commands).
HELP_TOPICS = (
    "about", "admin", "casualties", "deployments", "figure", "help", "search", "sources",
    "timeline",
)


class Help(commands.Cog):
    def __init__(self, bot: FactBot) -> None:
        self.bot = bot
        self._payloads: list[dict[str, Any]] | None = None

    @app_commands.command(
        name="help", description="What each command answers, its options with examples"
    )
    @app_commands.describe(command="The command to explain (leave out for all of them)")
    @app_commands.choices(
        command=[app_commands.Choice(name=name, value=name) for name in HELP_TOPICS]
    )
    async def help_command(
        self, interaction: discord.Interaction[FactBot], command: str | None = None
    ) -> None:
        if self._payloads is None:
            self._payloads = await self.bot.command_payloads()
        pages = help_pages(self._payloads, interaction.locale, command)
        await send_pages(interaction, pages, ephemeral=True)


async def setup(bot: FactBot) -> None:
    await bot.add_cog(Help(bot))
