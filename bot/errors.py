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
from bot.i18n import Phrase, render, t
from bot.render import text as render_text

log = logging.getLogger(__name__)


class UserFacingError(app_commands.AppCommandError):
    """A failure whose message is written for the person who ran the command: a catalogue
    :class:`~bot.i18n.Phrase` (put in the reader's language when answered) or a text already
    written for them."""

    def __init__(self, message: str | Phrase) -> None:
        super().__init__(render(message, "en"))
        self.phrase = message

    @property
    def message(self) -> str:
        return render(self.phrase, "en")

    def text(self, locale: object) -> str:
        return render(self.phrase, locale)


#: The store's reasons a write was refused (bot/facts/store/failures.py), as catalogue ids.
_REASONS = {
    "out of disk space": "writes.full",
    "read-only": "writes.readonly",
    "failing to write to disk": "writes.ioerr",
    "failing to open its files": "writes.cantopen",
    "not writable by the bot": "writes.perm",
    "locked by another process": "writes.busy",
}

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


def writes_failing_message(reason: str, locale: object = "en") -> str:
    """What a moderator whose write was refused reads; ``reason`` is the store's (English)."""
    key = _REASONS.get(reason)
    return t(locale, "writes.failing", reason=t(locale, key) if key else reason)


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
    """Discord's permission names as its English client shows them (every client shows the
    permission in its own language; these stay as Discord names them)."""
    return ", ".join(name.replace("_", " ").replace("guild", "server").title() for name in names)


def known_message(error: Exception, locale: object = "en") -> str | None:
    """The reply for an expected failure, in the reader's language, or None when the failure
    is a bug."""
    if isinstance(error, app_commands.CommandInvokeError):
        error = error.original
    if isinstance(error, UserFacingError):
        return error.text(locale)
    if isinstance(error, app_commands.CommandOnCooldown):
        return t(locale, "refusal.cooldown", seconds=max(1, math.ceil(error.retry_after)))
    if isinstance(error, app_commands.MissingPermissions):
        names = _permission_names(error.missing_permissions)
        return t(locale, "refusal.missing_permissions", names=names)
    if isinstance(error, app_commands.BotMissingPermissions):
        names = _permission_names(error.missing_permissions)
        return t(locale, "refusal.bot_missing_permissions", names=names)
    if isinstance(error, app_commands.NoPrivateMessage):
        return t(locale, "refusal.not_in_server")
    if isinstance(error, app_commands.CheckFailure):
        return t(locale, "refusal.check_failed")
    if isinstance(error, app_commands.TransformerError):
        value = repr(render_text.clip(str(error.value), 100))
        return t(locale, "refusal.bad_value", value=value)
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
        failing = writes_failing_message(reason, interaction.locale)
        await reply_privately(interaction, failing, replace=replace)
        return
    message = known_message(error, interaction.locale)
    if message is None:
        reference = secrets.token_hex(4)
        log.error(
            "interaction %s (/%s) failed, reference %s",
            interaction.id,
            _command_name(interaction),
            reference,
            exc_info=error,
        )
        message = t(interaction.locale, "refusal.bug", reference=reference)
    await reply_privately(interaction, message, replace=replace)
