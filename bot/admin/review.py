"""/admin queue: a moderator goes through the articles fetched from the server's feeds, one at a
time, each with the preview an upload gets. Confirm stores it, Skip drops it from the queue,
Stop leaves the rest for later; each decision is audited. Only the moderator who opened the
review may press, and only while still a moderator."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import discord

from bot.admin.articles import keyed
from bot.admin.preview import EditedPreview, preview_note, preview_pages, stored_message
from bot.admin.preview_forms import EditablePreview
from bot.errors import handle_error
from bot.extraction import ExtractionTimeout
from bot.facts.documents import DocumentError
from bot.facts.ingest import plan_article, with_same_text
from bot.facts.store import StoreError
from bot.facts.store.intake import AlreadyReviewedError, Feeds, QueuedArticle, ReviewQueue
from bot.facts.store.overlays import ModerationError
from bot.i18n import phrase, t
from bot.render import text as render_text
from bot.render.feeds import queued_line
from bot.views import NO_MENTIONS, disable_buttons

if TYPE_CHECKING:
    from bot.client import FactBot

NOT_REVIEWER = phrase("queue.not_reviewer")


def _names(lang: str) -> dict[str, str]:
    return render_text.client_names(lang, "admin", "feeds", "list", "queue")


@dataclass(frozen=True, slots=True)
class Screen:
    """What the review message shows: an outcome and the next article's preview, or the end."""

    content: str
    embed: discord.Embed | None = None
    view: QueueReview | None = None


class QueueReviewer:
    """One moderator's pass through their server's review queue, in their language."""

    def __init__(self, bot: FactBot, guild_id: int, moderator_id: int, lang: str = "en") -> None:
        self.bot = bot
        self.guild_id = guild_id
        self.moderator_id = moderator_id
        self.lang = lang
        self.queue = ReviewQueue(bot.store)
        #: Articles that could not be stored in this pass: not shown again until the next one.
        self.left: set[int] = set()

    async def next_screen(self, done: str | None = None) -> Screen:
        """The first article still waiting, previewed; ``done`` (what the last decision did)
        goes above it."""
        lang = self.lang
        head = f"{done}\n\n" if done else ""
        waiting = [i for i in await self.queue.of_guild(self.guild_id) if i.id not in self.left]
        if not waiting:
            return Screen(head + t(lang, "queue.empty", **_names(lang)))
        item = waiting[0]
        feeds = Feeds(self.bot.store)
        feed = await feeds.get(self.guild_id, item.feed_id) if item.feed_id else None
        more = len(waiting) - 1
        head += f"{t(lang, 'queue.head', n=more)}\n{queued_line(item, feed, lang)}\n"
        stored = await self.bot.store.documents(self.guild_id)
        digest = item.document.digest
        try:
            plan = with_same_text(
                plan_article(self.guild_id, item.document.key, digest, stored),
                self.guild_id, digest, stored,
            )
        except DocumentError as exc:
            return self._cannot(item, head, str(exc))
        try:
            extraction = await self.bot.extraction.extract(
                keyed(item.document, plan.key), guild_id=self.guild_id
            )
        except ExtractionTimeout as exc:
            return self._cannot(
                item, head, t(lang, "queue.too_slow", seconds=f"{exc.budget:g}")
            )
        refusal = None if plan.unchanged else await self.bot.store.quota_refusal(
            self.guild_id, extraction
        )
        if refusal is not None:
            pages = preview_pages(extraction, plan, lang=lang)
            content = head + preview_note(extraction, pages, lang)
            content += "\n" + t(lang, "queue.cannot_store", why=render_text.inert(refusal))
            return Screen(content[:2000], pages[0], QueueReview(self, item, None))
        preview = EditedPreview(extraction, plan, lang=lang, head=head)
        content, embed = preview.screen()
        return Screen(content, embed, QueueReview(self, item, preview))

    def _cannot(self, item: QueuedArticle, head: str, why: str) -> Screen:
        content = head + t(self.lang, "queue.cannot_store_skip", why=render_text.inert(why))
        return Screen(content[:2000], None, QueueReview(self, item, None))

    async def store(self, item: QueuedArticle, preview: EditedPreview) -> str:
        try:
            result = await self.queue.confirm(
                self.guild_id, item, preview.extraction, actor_id=self.moderator_id,
                decisions=preview.decisions(),
            )
        except AlreadyReviewedError:
            return t(self.lang, "queue.reviewed_meanwhile")
        except (StoreError, ModerationError) as exc:
            self.left.add(item.id)
            return t(self.lang, "queue.not_stored", why=render_text.inert(str(exc)))
        self.bot.alerts.announce([result], guild_id=self.guild_id)
        return stored_message(
            preview.extraction.document, result.status, result.figures, result.events, self.lang
        )

    async def skip(self, item: QueuedArticle) -> str:
        if not await self.queue.skip(self.guild_id, item, actor_id=self.moderator_id):
            return t(self.lang, "queue.reviewed_meanwhile")
        document = item.document
        name = (
            f"“{render_text.clip(document.title, 100)}”"
            if document.title
            else t(self.lang, "queue.the_article")
        )
        return t(self.lang, "queue.skipped", name=name)


class QueueReview(EditablePreview):
    """The buttons under one queued article's preview; Confirm is off when it cannot be
    stored. Each decision replaces the message with its outcome and the next article; Leave
    out and Fix change the preview's figures before Confirm."""

    not_author = NOT_REVIEWER

    def __init__(
        self,
        reviewer: QueueReviewer,
        item: QueuedArticle,
        preview: EditedPreview | None,
        *,
        timeout: float = 600.0,
    ) -> None:
        super().__init__(
            reviewer.moderator_id, preview, timeout=timeout, locale=reviewer.lang
        )
        self.reviewer = reviewer
        self.item = item
        self.message: discord.InteractionMessage | discord.WebhookMessage | None = None
        self.confirm.disabled = preview is None
        lang = reviewer.lang
        for button, key in (
            (self.confirm, "queue.confirm"), (self.skip, "queue.skip"), (self.halt, "queue.stop")
        ):
            button.label = t(lang, key)

    @discord.ui.button(label="Confirm", style=discord.ButtonStyle.success)
    async def confirm(
        self, interaction: discord.Interaction[Any], _: discord.ui.Button[Any]
    ) -> None:
        self.stop()
        assert self.preview is not None  # the button is disabled without one
        await interaction.response.defer()
        done = await self.reviewer.store(self.item, self.preview)
        await self._show(interaction, await self.reviewer.next_screen(done))

    @discord.ui.button(label="Skip", style=discord.ButtonStyle.danger)
    async def skip(self, interaction: discord.Interaction[Any], _: discord.ui.Button[Any]) -> None:
        self.stop()
        await interaction.response.defer()
        done = await self.reviewer.skip(self.item)
        await self._show(interaction, await self.reviewer.next_screen(done))

    @discord.ui.button(label="Stop", style=discord.ButtonStyle.secondary)
    async def halt(self, interaction: discord.Interaction[Any], _: discord.ui.Button[Any]) -> None:
        self.stop()
        waiting = await self.reviewer.queue.count(self.reviewer.guild_id)
        lang = self.reviewer.lang
        await interaction.response.edit_message(
            content=t(lang, "queue.stopped", n=waiting, **_names(lang)),
            embeds=[], view=None, allowed_mentions=NO_MENTIONS,
        )

    async def _show(self, interaction: discord.Interaction[Any], screen: Screen) -> None:
        message = await interaction.edit_original_response(
            content=screen.content,
            embeds=[screen.embed] if screen.embed is not None else [],
            view=screen.view,
            allowed_mentions=NO_MENTIONS,
        )
        if screen.view is not None:
            screen.view.message = message

    async def on_error(
        self, interaction: discord.Interaction[Any], error: Exception, item: discord.ui.Item[Any], /
    ) -> None:
        await handle_error(interaction, error, replace=True)

    async def on_timeout(self) -> None:
        disable_buttons(self)
        if self.message is not None:
            with contextlib.suppress(discord.HTTPException):
                await self.message.edit(
                    content=t(self.reviewer.lang, "queue.expired", **_names(self.reviewer.lang)),
                    view=self, allowed_mentions=NO_MENTIONS,
                )
