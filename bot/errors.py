"""The one place where failed interactions turn into short, private replies.

Known failures (a user error, a cooldown, a refused check, a bad option value) get a plain
sentence; anything else gets an apology with a reference that is also in the log, never a trace.
"""

from __future__ import annotations

import logging
import math
import secrets

import discord
from discord import app_commands

log = logging.getLogger(__name__)


class UserFacingError(app_commands.AppCommandError):
    """A failure whose message is written for the person who ran the command."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def _permission_names(names: list[str]) -> str:
    return ", ".join(name.replace("_", " ").replace("guild", "server").title() for name in names)


def known_message(error: Exception) -> str | None:
    """The reply for an expected failure, or None when the failure is a bug."""
    if isinstance(error, app_commands.CommandInvokeError):
        error = error.original
    if isinstance(error, UserFacingError):
        return error.message
    if isinstance(error, app_commands.CommandOnCooldown):
        return f"Slow down: try again in {max(1, math.ceil(error.retry_after))} s."
    if isinstance(error, app_commands.MissingPermissions):
        return f"You need the {_permission_names(error.missing_permissions)} permission for this."
    if isinstance(error, app_commands.BotMissingPermissions):
        names = _permission_names(error.missing_permissions)
        return f"I am missing the {names} permission here."
    if isinstance(error, app_commands.NoPrivateMessage):
        return "This command works only in a server."
    if isinstance(error, app_commands.CheckFailure):
        return "You cannot use this command here."
    if isinstance(error, app_commands.TransformerError):
        return f"{str(error.value)[:100]!r} is not a valid value for that option."
    return None


async def reply_privately(interaction: discord.Interaction, message: str) -> None:
    """Sends ``message`` ephemerally, as the first response or as a followup."""
    try:
        if interaction.type is discord.InteractionType.autocomplete:
            if not interaction.response.is_done():
                await interaction.response.autocomplete([])
            return
        if interaction.response.is_done():
            await interaction.followup.send(message, ephemeral=True)
        else:
            await interaction.response.send_message(message, ephemeral=True)
    except discord.HTTPException as exc:
        log.warning(
            "could not tell the user about a failure (interaction %s): %s", interaction.id, exc
        )


async def handle_error(interaction: discord.Interaction, error: Exception) -> None:
    """Answers a failed interaction; logs it when it is not an expected failure."""
    message = known_message(error)
    if message is None:
        reference = secrets.token_hex(4)
        data: dict[str, object] = dict(interaction.data or {})
        command = interaction.command.qualified_name if interaction.command else data.get("name")
        log.error(
            "interaction %s (/%s) failed, reference %s",
            interaction.id,
            command,
            reference,
            exc_info=error,
        )
        message = f"Sorry, something went wrong on my side (reference `{reference}`)."
    await reply_privately(interaction, message)
