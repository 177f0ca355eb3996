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

from bot.admin.confirm import author_still_moderator
from bot.errors import handle_error

#: Discord's limit on what one text field of a modal may hold.
MAX_PASTE_CHARS = 4000
NOT_YOURS = "Only the moderator who opened this form can submit it."
PLACEHOLDER = "At most 4,000 characters (Discord's limit). Longer: /admin ingest file: or url:"


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
    label: str, description: str, *, placeholder: str, max_length: int = 300
) -> tuple[discord.ui.Label[Any], discord.ui.TextInput[Any]]:
    field: discord.ui.TextInput[Any] = discord.ui.TextInput(
        style=discord.TextStyle.short,
        placeholder=placeholder,
        required=False,
        max_length=max_length,
    )
    return discord.ui.Label(text=label, description=description, component=field), field


class PasteForm(discord.ui.Modal):
    """Title, publisher, address, date and the text itself (required)."""

    def __init__(self, author_id: int, submit: SubmitFn, *, timeout: float = 900.0) -> None:
        super().__init__(title="Paste an article", timeout=timeout)
        self.author_id = author_id
        self._submit = submit
        self.text_field: discord.ui.TextInput[Any] = discord.ui.TextInput(
            style=discord.TextStyle.paragraph,
            placeholder=PLACEHOLDER,
            required=True,
            min_length=1,
            max_length=MAX_PASTE_CHARS,
        )
        label, self.title_field = _field(
            "Title", "Optional: the article's headline", placeholder="The headline"
        )
        self.add_item(label)
        label, self.publisher_field = _field(
            "Publisher", "Optional: who published it", placeholder="Yonhap"
        )
        self.add_item(label)
        label, self.url_field = _field(
            "Address", "Optional: where it was published (http or https)",
            placeholder="https://", max_length=2000,
        )
        self.add_item(label)
        label, self.published_field = _field(
            "Published", "Optional: the date it was published",
            placeholder="YYYY-MM-DD", max_length=10,
        )
        self.add_item(label)
        self.add_item(
            discord.ui.Label(
                text="Text",
                description="Discord caps this field at 4,000 characters",
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
