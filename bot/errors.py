"""The one place where failed interactions turn into short, private replies: the command tree's
``on_error`` and every view's ``on_error`` (bot/views.py) call :func:`handle_error`.

Known failures (a user error, a cooldown, a refused check, a bad option value) get a plain
sentence; anything else gets an apology with a reference that is also in the log, never a trace.
A write the database refuses (disk full, file read-only, I/O error, locked too long) is told to
the moderator as such and logged for the operator; reads keep working from what is stored. An
interaction Discord no longer accepts an answer for is logged and left alone.
"""

from __future__ import annotations

import logging
import math
import secrets

import discord
from discord import app_commands

from bot.facts.store.failures import write_refusal
from bot.render import text as render_text

log = logging.getLogger(__name__)


class UserFacingError(app_commands.AppCommandError):
    """A failure whose message is written for the person who ran the command."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


NO_MENTIONS = discord.AllowedMentions.none()

#: Discord error codes for an interaction that can no longer be answered.
_UNKNOWN_INTERACTION = 10062
_ALREADY_ACKNOWLEDGED = 40060


def _unwrapped(error: Exception) -> Exception:
    if isinstance(error, app_commands.CommandInvokeError):
        return error.original
    return error


def write_failure(error: Exception) -> str | None:
    """Why the database refused a write, when ``error`` is such a refusal; else None."""
    return write_refusal(_unwrapped(error))


def writes_failing_message(reason: str) -> str:
    return (
        f"Changes cannot be saved right now: the fact base is {reason}. Nothing was changed,"
        " and answers keep coming from what is already stored. The bot's operator has been"
        " told (it is in the log); try again later."
    )


def interaction_lost(error: Exception) -> bool:
    """Discord will not take an answer to this interaction any more (expired, already
    answered, or Discord kept failing after discord.py's own retries)."""
    error = _unwrapped(error)
    if isinstance(error, discord.DiscordServerError):
        return True
    return isinstance(error, discord.HTTPException) and error.code in (
        _UNKNOWN_INTERACTION,
        _ALREADY_ACKNOWLEDGED,
    )


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
        return f"{render_text.clip(str(error.value), 100)!r} is not a valid value for that option."
    return None


async def reply_privately(
    interaction: discord.Interaction, message: str, *, replace: bool = False
) -> None:
    """Sends ``message`` ephemerally, as the first response or as a followup; with ``replace``,
    a pressed button's message is replaced by it (and loses its buttons) instead."""
    try:
        if interaction.type is discord.InteractionType.autocomplete:
            if not interaction.response.is_done():
                await interaction.response.autocomplete([])
            return
        if interaction.response.is_done():
            await interaction.followup.send(message, ephemeral=True, allowed_mentions=NO_MENTIONS)
        elif replace and interaction.type is discord.InteractionType.component:
            await interaction.response.edit_message(
                content=message, embeds=[], view=None, allowed_mentions=NO_MENTIONS
            )
        else:
            await interaction.response.send_message(
                message, ephemeral=True, allowed_mentions=NO_MENTIONS
            )
    except discord.HTTPException as exc:
        log.warning(
            "could not tell the user about a failure (interaction %s): %s", interaction.id, exc
        )


def _command_name(interaction: discord.Interaction) -> object:
    data: dict[str, object] = dict(interaction.data or {})
    if interaction.command is not None:
        return interaction.command.qualified_name
    return data.get("name") or f"button {data.get('custom_id')}"


async def handle_error(
    interaction: discord.Interaction, error: Exception, *, replace: bool = False
) -> None:
    """Answers a failed interaction; logs it when it is not an expected failure.

    ``replace``: a view whose message is spent (an ingest preview) has the answer replace it.
    """
    if interaction_lost(error):
        log.warning(
            "interaction %s (/%s) could not be answered: %s",
            interaction.id,
            _command_name(interaction),
            _unwrapped(error),
        )
        return
    reason = write_failure(error)
    if reason is not None:
        log.error(
            "writes are failing: the fact base is %s (%s); interaction %s (/%s) changed nothing",
            reason,
            _unwrapped(error),
            interaction.id,
            _command_name(interaction),
        )
        await reply_privately(interaction, writes_failing_message(reason), replace=replace)
        return
    message = known_message(error)
    if message is None:
        reference = secrets.token_hex(4)
        log.error(
            "interaction %s (/%s) failed, reference %s",
            interaction.id,
            _command_name(interaction),
            reference,
            exc_info=error,
        )
        message = f"Sorry, something went wrong on my side (reference `{reference}`)."
    await reply_privately(interaction, message, replace=replace)
