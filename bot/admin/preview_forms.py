"""The buttons under a preview that change it before Confirm, and the forms they open: Leave
out (figure numbers) and Fix (one figure's value, metric, subject, claimant). A form with
something wrong in it is answered privately with what was wrong; the preview stays as it was
and can be edited again."""

from __future__ import annotations

from typing import Any

import discord

from bot.admin.preview import EditedPreview
from bot.checks import author_still_moderator
from bot.errors import handle_error
from bot.facts.store.overlays import ModerationError
from bot.i18n import Phrase, phrase, t
from bot.render import text as render_text
from bot.views import NO_MENTIONS, BotView

NOT_YOURS = phrase("refusal.not_uploader")


def _field(
    name: str, locale: object, *, required: bool = False, default: str | None = None,
    max_length: int = 100,
) -> tuple[discord.ui.Label[Any], discord.ui.TextInput[Any]]:
    """A one-line field labelled ``preview.form.<name>.*``."""
    field: discord.ui.TextInput[Any] = discord.ui.TextInput(
        style=discord.TextStyle.short,
        placeholder=t(locale, f"preview.form.{name}.placeholder"),
        required=required,
        default=default,
        max_length=max_length,
    )
    label = discord.ui.Label(
        text=t(locale, f"preview.form.{name}.label"),
        description=t(locale, f"preview.form.{name}.description"),
        component=field,
    )
    return label, field


class EditablePreview(BotView):
    """A preview's view with Leave out and Fix (on the second row), for ``author_id`` only.
    Subclasses add Confirm and what else the preview needs."""

    not_author: Phrase = NOT_YOURS

    def __init__(
        self, author_id: int, preview: EditedPreview | None, *, timeout: float, locale: object
    ) -> None:
        super().__init__(timeout=timeout)
        self.author_id = author_id
        self.preview = preview
        self.leave_out.label = t(locale, "preview.leave_out")
        self.fix.label = t(locale, "preview.fix")
        if preview is None or not preview.editable:
            self.remove_item(self.leave_out)
            self.remove_item(self.fix)

    async def interaction_check(self, interaction: discord.Interaction[Any], /) -> bool:
        return await author_still_moderator(interaction, self.author_id, self.not_author)

    @discord.ui.button(label="Leave out…", style=discord.ButtonStyle.secondary, row=1)
    async def leave_out(
        self, interaction: discord.Interaction[Any], _: discord.ui.Button[Any]
    ) -> None:
        assert self.preview is not None  # the button is removed without one
        await interaction.response.send_modal(LeaveOutForm(self, self.preview, interaction.locale))

    @discord.ui.button(label="Fix a figure…", style=discord.ButtonStyle.secondary, row=1)
    async def fix(self, interaction: discord.Interaction[Any], _: discord.ui.Button[Any]) -> None:
        assert self.preview is not None
        await interaction.response.send_modal(FixForm(self, self.preview, interaction.locale))

    async def redraw(self, interaction: discord.Interaction[Any]) -> None:
        """Show the preview with the edits so far (answering a submitted form)."""
        assert self.preview is not None
        content, embed = self.preview.screen()
        await interaction.response.edit_message(
            content=content, embed=embed, view=self, allowed_mentions=NO_MENTIONS
        )


class _PreviewForm(discord.ui.Modal):
    """A form that edits ``preview`` and redraws ``view``; a refusal is answered privately."""

    def __init__(self, view: EditablePreview, preview: EditedPreview, title: str) -> None:
        super().__init__(title=title, timeout=600.0)
        self.view = view
        self.preview = preview

    def apply(self) -> None:
        raise NotImplementedError

    async def interaction_check(self, interaction: discord.Interaction[Any], /) -> bool:
        return await author_still_moderator(interaction, self.view.author_id, self.view.not_author)

    async def on_submit(self, interaction: discord.Interaction[Any], /) -> None:
        try:
            self.apply()
        except ModerationError as exc:
            refused = t(self.preview.lang, "preview.edit.refused", why=render_text.inert(str(exc)))
            await interaction.response.send_message(
                refused[:2000], ephemeral=True, allowed_mentions=NO_MENTIONS
            )
            return
        await self.view.redraw(interaction)

    async def on_error(  # type: ignore[override]  # a modal's errors come without an item
        self, interaction: discord.Interaction[Any], error: Exception, /
    ) -> None:
        await handle_error(interaction, error)


class LeaveOutForm(_PreviewForm):
    """The numbers of the figures to leave out, those left out so far filled in."""

    def __init__(self, view: EditablePreview, preview: EditedPreview, locale: object) -> None:
        super().__init__(view, preview, t(locale, "preview.form.leave_out_title"))
        current = ", ".join(str(n + 1) for n in sorted(preview.edits.left_out))
        label, self.numbers = _field("numbers", locale, default=current or None, max_length=200)
        self.add_item(label)

    def apply(self) -> None:
        self.preview.edits.leave_out(self.numbers.value, self.preview.lang)


class FixForm(_PreviewForm):
    """One figure's number and the fields to change (empty fields stay as they are)."""

    def __init__(self, view: EditablePreview, preview: EditedPreview, locale: object) -> None:
        super().__init__(view, preview, t(locale, "preview.form.fix_title"))
        only = "1" if len(preview.edits.figures) == 1 else None
        label, self.number = _field("number", locale, required=True, default=only, max_length=5)
        self.add_item(label)
        self.fields: dict[str, discord.ui.TextInput[Any]] = {}
        for name in ("value", "metric", "subject", "source"):
            label, self.fields[name] = _field(name, locale)
            self.add_item(label)

    def apply(self) -> None:
        typed = {name: field.value for name, field in self.fields.items()}
        self.preview.edits.fix(self.number.value, typed, self.preview.lang)
