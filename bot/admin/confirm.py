"""The Confirm/Cancel buttons under an ingest preview (with Leave out and Fix, see
bot/admin/preview_forms.py)."""

from __future__ import annotations

import contextlib
from collections.abc import Awaitable, Callable, Sequence
from typing import Any

import discord

from bot.admin.preview import EditedPreview
from bot.admin.preview_forms import EditablePreview
from bot.errors import handle_error
from bot.facts.store.overlays import Decision
from bot.i18n import phrase, t
from bot.views import NO_MENTIONS, disable_buttons

#: Stores the previewed document with the moderator's decisions about its figures; returns
#: the message that replaces the preview.
ConfirmFn = Callable[[Sequence[Decision]], Awaitable[str]]

NOT_UPLOADER = phrase("refusal.not_uploader")


class ConfirmIngest(EditablePreview):
    """Stores on Confirm, forgets on Cancel; only for the moderator who uploaded, still a
    moderator when they press it. Either way the buttons go, so nothing is stored twice.
    Figures left out or fixed in the preview are stored as that moderator's decisions.

    When storing fails (the database refuses the write: disk full, read-only), the central
    error handler's reply replaces the preview: the store wrote the document in one
    transaction, so nothing of it is left behind.
    """

    not_author = NOT_UPLOADER

    def __init__(
        self,
        author_id: int,
        confirm: ConfirmFn,
        *,
        preview: EditedPreview | None = None,
        timeout: float = 600.0,
        locale: object = "en",
    ) -> None:
        super().__init__(author_id, preview, timeout=timeout, locale=locale)
        self._confirm = confirm
        self.locale = locale
        self.confirm.label = t(locale, "admin.confirm")
        self.cancel.label = t(locale, "admin.cancel")
        self.message: discord.InteractionMessage | discord.WebhookMessage | None = None

    @discord.ui.button(label="Confirm", style=discord.ButtonStyle.success)
    async def confirm(
        self, interaction: discord.Interaction[Any], _: discord.ui.Button[Any]
    ) -> None:
        self.stop()
        decisions = self.preview.decisions() if self.preview is not None else []
        outcome = await self._confirm(decisions)
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
