"""Views (buttons under a message) and the replies that carry them.

Every view is a :class:`BotView`: a failure in one of its buttons goes to the central error
handler (bot/errors.py), as a failed command does. :class:`Paginator` turns pages of embeds for
the user who ran the command; :func:`send_pages` and :func:`send_text` answer an interaction
whether or not it was deferred, never mentioning anyone.
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from typing import Any, Protocol

import discord

from bot.errors import handle_error
from bot.i18n import t

NO_MENTIONS = discord.AllowedMentions.none()


class PageSource(Protocol):
    """Pages rendered when asked for: a long answer never renders pages nobody turns to."""

    @property
    def page_count(self) -> int: ...

    async def page(self, index: int) -> discord.Embed: ...


class StaticPages:
    """Pages rendered up front (short answers)."""

    def __init__(self, pages: Sequence[discord.Embed]) -> None:
        if not pages:
            raise ValueError("a paginator needs at least one page")
        self.pages = list(pages)

    @property
    def page_count(self) -> int:
        return len(self.pages)

    async def page(self, index: int) -> discord.Embed:
        return self.pages[index]


def _source(pages: Sequence[discord.Embed] | PageSource) -> PageSource:
    return StaticPages(pages) if isinstance(pages, Sequence) else pages


class BotView(discord.ui.View):
    """A view whose button failures are answered and logged by the central error handler."""

    async def on_error(
        self, interaction: discord.Interaction[Any], error: Exception, item: discord.ui.Item[Any], /
    ) -> None:
        await handle_error(interaction, error)


class Paginator(BotView):
    """Turns pages for the user who ran the command; others get a private note.

    The buttons are labelled in the language of the user who ran the command (``locale``). On
    timeout the buttons are disabled by editing the message, so a dead view never looks live.
    """

    def __init__(
        self,
        pages: Sequence[discord.Embed] | PageSource,
        author_id: int,
        *,
        timeout: float = 300.0,
        locale: object = "en",
    ) -> None:
        super().__init__(timeout=timeout)
        self.source = _source(pages)
        if self.source.page_count < 1:
            raise ValueError("a paginator needs at least one page")
        self.author_id = author_id
        self.index = 0
        self.message: discord.InteractionMessage | discord.WebhookMessage | None = None
        for button, key in (
            (self.first, "page.first"),
            (self.previous, "page.previous"),
            (self.next, "page.next"),
            (self.last, "page.last"),
        ):
            button.label = t(locale, key)
        self._update_buttons()

    @property
    def page_count(self) -> int:
        return self.source.page_count

    def _update_buttons(self) -> None:
        last = self.page_count - 1
        self.first.disabled = self.previous.disabled = self.index == 0
        self.next.disabled = self.last.disabled = self.index == last
        self.counter.label = f"{self.index + 1}/{self.page_count}"

    async def interaction_check(self, interaction: discord.Interaction[Any]) -> bool:
        if interaction.user.id == self.author_id:
            return True
        await interaction.response.send_message(
            t(interaction.locale, "page.not_yours"), ephemeral=True, allowed_mentions=NO_MENTIONS
        )
        return False

    async def _show(self, interaction: discord.Interaction[Any], index: int) -> None:
        self.index = max(0, min(index, self.page_count - 1))
        self._update_buttons()
        page = await self.source.page(self.index)
        await interaction.response.edit_message(embed=page, view=self, allowed_mentions=NO_MENTIONS)

    @discord.ui.button(label="« First", style=discord.ButtonStyle.secondary)
    async def first(self, interaction: discord.Interaction[Any], _: discord.ui.Button[Any]) -> None:
        await self._show(interaction, 0)

    @discord.ui.button(label="‹ Prev", style=discord.ButtonStyle.primary)
    async def previous(
        self, interaction: discord.Interaction[Any], _: discord.ui.Button[Any]
    ) -> None:
        await self._show(interaction, self.index - 1)

    @discord.ui.button(label="1/1", style=discord.ButtonStyle.secondary, disabled=True)
    async def counter(
        self, interaction: discord.Interaction[Any], _: discord.ui.Button[Any]
    ) -> None:
        await interaction.response.defer()  # never enabled; present only as the page counter

    @discord.ui.button(label="Next ›", style=discord.ButtonStyle.primary)
    async def next(self, interaction: discord.Interaction[Any], _: discord.ui.Button[Any]) -> None:
        await self._show(interaction, self.index + 1)

    @discord.ui.button(label="Last »", style=discord.ButtonStyle.secondary)
    async def last(self, interaction: discord.Interaction[Any], _: discord.ui.Button[Any]) -> None:
        await self._show(interaction, self.page_count - 1)

    async def on_timeout(self) -> None:
        disable_buttons(self)
        if self.message is not None:
            # the message may be gone or its token expired: then there is nothing left to disable
            with contextlib.suppress(discord.HTTPException):
                await self.message.edit(view=self, allowed_mentions=NO_MENTIONS)


def disable_buttons(view: discord.ui.View) -> None:
    """Grey out every button of ``view`` (a view that timed out no longer answers them)."""
    for item in view.children:
        if isinstance(item, discord.ui.Button):
            item.disabled = True


async def send_pages(
    interaction: discord.Interaction[Any],
    pages: Sequence[discord.Embed] | PageSource,
    *,
    ephemeral: bool = False,
    timeout: float = 300.0,
) -> None:
    """Answers with the first page, and a paginator when there is more than one; only the
    first page is rendered now, the others when a button asks for them.

    Works whether or not the interaction was deferred.
    """
    if isinstance(pages, Sequence) and not pages:
        raise ValueError("nothing to send")
    source = _source(pages)
    first = await source.page(0)
    many = source.page_count > 1
    view = (
        Paginator(source, interaction.user.id, timeout=timeout, locale=interaction.locale)
        if many
        else None
    )
    if interaction.response.is_done():
        if view is None:
            await interaction.followup.send(
                embed=first, ephemeral=ephemeral, allowed_mentions=NO_MENTIONS
            )
        else:
            view.message = await interaction.followup.send(
                embed=first, view=view, ephemeral=ephemeral, allowed_mentions=NO_MENTIONS,
                wait=True,
            )
        return
    if view is None:
        await interaction.response.send_message(
            embed=first, ephemeral=ephemeral, allowed_mentions=NO_MENTIONS
        )
    else:
        await interaction.response.send_message(
            embed=first, view=view, ephemeral=ephemeral, allowed_mentions=NO_MENTIONS
        )
        view.message = await interaction.original_response()


async def send_text(
    interaction: discord.Interaction[Any], message: str, *, ephemeral: bool = True
) -> None:
    """A short plain reply (an empty result, a bad option), as response or followup."""
    if interaction.response.is_done():
        await interaction.followup.send(message, ephemeral=ephemeral, allowed_mentions=NO_MENTIONS)
    else:
        await interaction.response.send_message(
            message, ephemeral=ephemeral, allowed_mentions=NO_MENTIONS
        )
