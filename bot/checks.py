"""Who may use what: the run-time check behind every /admin subcommand, and the cooldown of the
answering commands.

``default_permissions`` only hides commands in the client and a server's admins can change it, so
each admin interaction is checked again here: the bot's owners (settings) may do everything;
otherwise the member needs Manage Server or the moderator role the server set with /admin modrole.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import discord
from discord import app_commands

from bot.errors import UserFacingError
from bot.facts.store.overlays import Moderation
from bot.i18n import Phrase, phrase, render

#: Refusals, as catalogue phrases (in the reader's language when answered).
NOT_MODERATOR = phrase("refusal.not_moderator")
NOT_OWNER = phrase("refusal.not_owner")
NOT_IN_SERVER = phrase("refusal.not_in_server")

#: How many answers one user may ask of one command within :data:`COOLDOWN_SECONDS`.
COOLDOWN_USES = 5
COOLDOWN_SECONDS = 10.0

T = TypeVar("T")


def user_cooldown() -> Callable[[T], T]:
    """The cooldown of an answering command, per user. Call it once per command: each call
    keeps its own counts, so one command's use never slows another."""
    return app_commands.checks.cooldown(COOLDOWN_USES, COOLDOWN_SECONDS, key=lambda i: i.user.id)


def is_owner(interaction: discord.Interaction[Any]) -> bool:
    owners: frozenset[int] = interaction.client.settings.owner_ids
    return interaction.user.id in owners


async def is_moderator(interaction: discord.Interaction[Any]) -> bool:
    """Whether the user may moderate the server the interaction comes from (owners always)."""
    if is_owner(interaction):
        return True
    member = interaction.user
    if interaction.guild_id is None or not isinstance(member, discord.Member):
        return False
    if interaction.permissions.manage_guild:
        return True
    role_id = await Moderation(interaction.client.store).moderator_role(interaction.guild_id)
    return role_id is not None and any(role.id == role_id for role in member.roles)


async def require_moderator(interaction: discord.Interaction[Any]) -> None:
    if interaction.guild_id is None:
        raise UserFacingError(NOT_IN_SERVER)
    if not await is_moderator(interaction):
        raise UserFacingError(NOT_MODERATOR)


def require_owner(interaction: discord.Interaction[Any]) -> None:
    if not is_owner(interaction):
        raise UserFacingError(NOT_OWNER)


async def author_still_moderator(
    interaction: discord.Interaction[Any], author_id: int, not_author: Phrase
) -> bool:
    """Whether the one who opened a preview (or a form) is the one pressing, and is still a
    moderator now; anyone else is told why, privately."""
    refusal = None
    if interaction.user.id != author_id:
        refusal = not_author
    elif not await is_moderator(interaction):
        refusal = NOT_MODERATOR
    if refusal is None:
        return True
    await interaction.response.send_message(
        render(refusal, interaction.locale), ephemeral=True,
        allowed_mentions=discord.AllowedMentions.none(),
    )
    return False
