"""/about: what the bot is, how big its fact base is, and how to read its answers."""

from __future__ import annotations

from datetime import datetime

import discord
from discord import app_commands
from discord.ext import commands

from bot.client import FactBot
from bot.facts.store import StoreStats
from bot.render.text import counted

WHAT = (
    "I answer questions about the news story I follow ({subjects}) with the figures that news "
    "documents give. Every number comes with **who claims it, when, and the sentence it came "
    "from**; when sources disagree, their figures are shown side by side."
)
EXTRACTION = (
    "Figures are read from the documents by the bot itself; nobody types one in. Each sentence "
    "is checked for counts of people (deployed, killed, wounded, casualties, captured, missing), "
    "whose people they are, and who says so. Years, money, distances, percentages and "
    "unnumbered claims are left out. Moderators can hide, correct or verify a figure for this "
    "server only."
)
QUALIFIERS = (
    "A figure keeps the source's wording: *at least*, *up to*, *about* and *between X and Y* "
    "mean what they say. Vague amounts become ranges: *dozens* 24-99, *hundreds* 200-999, "
    "*thousands* 2,000-9,999. *Additional* marks a number that adds to an earlier one."
)
DATES = (
    "A date is shown as precisely as the text gives it (day, month or year). A date marked "
    "*inferred* was worked out rather than stated, for example a month read against the "
    "document's publication date, or a publication date guessed from the text."
)


def _last_updated(when: datetime | None) -> str:
    if when is None:
        return "never"
    return f"{discord.utils.format_dt(when, 'D')} ({discord.utils.format_dt(when, 'R')})"


def about_embed(
    stats: StoreStats, subjects: tuple[str, ...], command_names: list[str]
) -> discord.Embed:
    embed = discord.Embed(
        title="About this bot",
        description=WHAT.format(subjects=", ".join(subjects)),
        colour=discord.Colour.blurple(),
    )
    counts = " · ".join(
        counted(n, noun)
        for n, noun in ((stats.documents, "document"), (stats.figures, "figure"),
                        (stats.events, "event"))
    )
    embed.add_field(name="Fact base", value=counts, inline=False)
    embed.add_field(name="Last updated", value=_last_updated(stats.last_updated), inline=False)
    embed.add_field(name="How figures are extracted", value=EXTRACTION, inline=False)
    embed.add_field(name="Reading qualifiers", value=QUALIFIERS, inline=False)
    embed.add_field(name="Inferred dates", value=DATES, inline=False)
    if command_names:
        embed.set_footer(text="Commands: " + " · ".join(f"/{n}" for n in command_names))
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
        embed = about_embed(stats, self.bot.settings.subjects, names)
        await interaction.response.send_message(
            embed=embed, allowed_mentions=discord.AllowedMentions.none()
        )


async def setup(bot: FactBot) -> None:
    await bot.add_cog(About(bot))
