"""/admin paste: a form (a Discord modal) for a text copied from an article, with its fields.

Discord lets a text field hold at most 4,000 characters; the form says so, and where to send a
longer article. Submitting it leads to the preview an upload gets. Only the moderator who opened
the form can submit it, and only while still a moderator.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

import discord

from bot.checks import author_still_moderator
from bot.errors import handle_error
from bot.i18n import phrase, t

#: Discord's limit on what one text field of a modal may hold.
MAX_PASTE_CHARS = 4000
NOT_YOURS = phrase("paste.not_yours")


@dataclass(frozen=True, slots=True)
class Pasted:
    text: str
    title: str
    publisher: str
    url: str
    published: str


#: What the cog does with a submitted form (defer, read, preview).
SubmitFn = Callable[[discord.Interaction[Any], Pasted], Awaitable[None]]


def _field(
    name: str, locale: object, *, placeholder: str, max_length: int = 300
) -> tuple[discord.ui.Label[Any], discord.ui.TextInput[Any]]:
    """A one-line optional field; its label and description are ``paste.<name>.*``."""
    field: discord.ui.TextInput[Any] = discord.ui.TextInput(
        style=discord.TextStyle.short,
        placeholder=placeholder,
        required=False,
        max_length=max_length,
    )
    label = discord.ui.Label(
        text=t(locale, f"paste.{name}.label"),
        description=t(locale, f"paste.{name}.description"),
        component=field,
    )
    return label, field


class PasteForm(discord.ui.Modal):
    """Title, publisher, address, date and the text itself (required), labelled in the
    language of the moderator who opened it."""

    def __init__(
        self,
        author_id: int,
        submit: SubmitFn,
        *,
        timeout: float = 900.0,
        locale: object = "en",
    ) -> None:
        super().__init__(title=t(locale, "paste.title"), timeout=timeout)
        self.author_id = author_id
        self._submit = submit
        self.text_field: discord.ui.TextInput[Any] = discord.ui.TextInput(
            style=discord.TextStyle.paragraph,
            placeholder=t(locale, "paste.text.placeholder"),
            required=True,
            min_length=1,
            max_length=MAX_PASTE_CHARS,
        )
        label, self.title_field = _field(
            "headline", locale, placeholder=t(locale, "paste.headline.placeholder")
        )
        self.add_item(label)
        label, self.publisher_field = _field("publisher", locale, placeholder="Yonhap")
        self.add_item(label)
        label, self.url_field = _field(
            "address", locale, placeholder="https://", max_length=2000
        )
        self.add_item(label)
        label, self.published_field = _field(
            "published", locale, placeholder="YYYY-MM-DD", max_length=10
        )
        self.add_item(label)
        self.add_item(
            discord.ui.Label(
                text=t(locale, "paste.text.label"),
                description=t(locale, "paste.text.description"),
                component=self.text_field,
            )
        )

    async def interaction_check(self, interaction: discord.Interaction[Any], /) -> bool:
        return await author_still_moderator(interaction, self.author_id, NOT_YOURS)

    async def on_submit(self, interaction: discord.Interaction[Any], /) -> None:
        await self._submit(
            interaction,
            Pasted(
                text=self.text_field.value,
                title=self.title_field.value,
                publisher=self.publisher_field.value,
                url=self.url_field.value,
                published=self.published_field.value,
            ),
        )

    async def on_error(  # type: ignore[override]  # a modal's errors come without an item
        self, interaction: discord.Interaction[Any], error: Exception, /
    ) -> None:
        await handle_error(interaction, error)
