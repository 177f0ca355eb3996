"""/about: what the bot is, how big its fact base is, and how to read its answers."""

from __future__ import annotations

from datetime import datetime

import discord
from discord import app_commands
from discord.ext import commands

from bot.client import FactBot
from bot.facts.store import StoreStats
from bot.i18n import language, t
from bot.render.text import command_name, counted, subject_name


def _last_updated(when: datetime | None, lang: str) -> str:
    if when is None:
        return t(lang, "about.never")
    return f"{discord.utils.format_dt(when, 'D')} ({discord.utils.format_dt(when, 'R')})"


def about_embed(
    stats: StoreStats, subjects: tuple[str, ...], command_names: list[str], lang: str = "en"
) -> discord.Embed:
    shown = ", ".join(subject_name(s, lang) for s in subjects)
    embed = discord.Embed(
        title=t(lang, "about.title"),
        description=t(lang, "about.what", subjects=shown),
        colour=discord.Colour.blurple(),
    )
    counts = " · ".join(
        counted(n, noun, lang)
        for n, noun in ((stats.documents, "document"), (stats.figures, "figure"),
                        (stats.events, "event"))
    )
    for name, value in (
        ("about.fact_base", counts),
        ("about.last_updated", _last_updated(stats.last_updated, lang)),
        ("about.extraction.title", t(lang, "about.extraction")),
        ("help.qualifiers.title", t(lang, "help.qualifiers")),
        ("help.dates.title", t(lang, "help.dates")),
    ):
        embed.add_field(name=t(lang, name), value=value, inline=False)
    if command_names:
        names = " · ".join(f"/{command_name(n, lang)}" for n in command_names)
        embed.set_footer(text=t(lang, "about.commands", names=names))
    return embed


class About(commands.Cog):
    def __init__(self, bot: FactBot) -> None:
        self.bot = bot

    @app_commands.command(name="about", description="What this bot is and how to read its answers")
    async def about(self, interaction: discord.Interaction[FactBot]) -> None:
        stats = await self.bot.lookup.stats(interaction.guild_id)
        names = sorted(
            c.name for c in self.bot.tree.get_commands(type=discord.AppCommandType.chat_input)
        )
        lang = language(interaction.locale)
        embed = about_embed(stats, self.bot.settings.subjects, names, lang)
        await interaction.response.send_message(
            embed=embed, allowed_mentions=discord.AllowedMentions.none()
        )


async def setup(bot: FactBot) -> None:
    await bot.add_cog(About(bot))
