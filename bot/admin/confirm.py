"""The Confirm/Cancel buttons under an ingest preview."""

from __future__ import annotations

import contextlib
from collections.abc import Awaitable, Callable
from typing import Any

import discord

from bot.checks import NOT_MODERATOR, is_moderator
from bot.errors import handle_error
from bot.i18n import Phrase, phrase, render, t
from bot.views import NO_MENTIONS, BotView, disable_buttons

#: Stores the previewed document; returns the message that replaces the preview.
ConfirmFn = Callable[[], Awaitable[str]]

NOT_UPLOADER = phrase("refusal.not_uploader")


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
        render(refusal, interaction.locale), ephemeral=True, allowed_mentions=NO_MENTIONS
    )
    return False


class ConfirmIngest(BotView):
    """Stores on Confirm, forgets on Cancel; only for the moderator who uploaded, still a
    moderator when they press it. Either way the buttons go, so nothing is stored twice.

    When storing fails (the database refuses the write: disk full, read-only), the central
    error handler's reply replaces the preview: the store wrote the document in one
    transaction, so nothing of it is left behind.
    """

    def __init__(
        self, author_id: int, confirm: ConfirmFn, *, timeout: float = 600.0, locale: object = "en"
    ) -> None:
        super().__init__(timeout=timeout)
        self.author_id = author_id
        self._confirm = confirm
        self.locale = locale
        self.confirm.label = t(locale, "admin.confirm")
        self.cancel.label = t(locale, "admin.cancel")
        self.message: discord.InteractionMessage | discord.WebhookMessage | None = None

    async def interaction_check(self, interaction: discord.Interaction[Any], /) -> bool:
        return await author_still_moderator(interaction, self.author_id, NOT_UPLOADER)

    @discord.ui.button(label="Confirm", style=discord.ButtonStyle.success)
    async def confirm(
        self, interaction: discord.Interaction[Any], _: discord.ui.Button[Any]
    ) -> None:
        self.stop()
        outcome = await self._confirm()
        await interaction.response.edit_message(
            content=outcome, embeds=[], view=None, allowed_mentions=NO_MENTIONS
        )

    @discord.ui.button(label="Cancel", style=discord.ButtonStyle.secondary)
    async def cancel(
        self, interaction: discord.Interaction[Any], _: discord.ui.Button[Any]
    ) -> None:
        self.stop()
        await interaction.response.edit_message(
            content=t(self.locale, "admin.cancelled"), embeds=[], view=None,
            allowed_mentions=NO_MENTIONS,
        )

    async def on_error(
        self, interaction: discord.Interaction[Any], error: Exception, item: discord.ui.Item[Any], /
    ) -> None:
        await handle_error(interaction, error, replace=True)

    async def on_timeout(self) -> None:
        disable_buttons(self)
        if self.message is not None:
            with contextlib.suppress(discord.HTTPException):
                await self.message.edit(
                    content=t(self.locale, "admin.expired"), view=self,
                    allowed_mentions=NO_MENTIONS,
                )
