"""/admin: a server's moderators feed it documents and hide, correct or verify figures for that
server only; every action goes to the audit log. Every reply is ephemeral."""

from __future__ import annotations

import asyncio
import io
import weakref
from collections.abc import Awaitable, Callable, Sequence
from datetime import UTC, datetime
from typing import Any, Literal, TypeVar

import aiohttp
import discord
from discord import app_commands
from discord.ext import commands

from bot.admin import articles, uploads
from bot.admin.confirm import ConfirmIngest
from bot.admin.corrections import correction_shown, correction_value
from bot.admin.paste import Pasted, PasteForm
from bot.admin.preview import EditedPreview, stored_message, too_slow_message
from bot.admin.review import QueueReviewer
from bot.checks import NOT_IN_SERVER, is_owner, require_moderator, require_owner
from bot.client import FactBot
from bot.errors import UserFacingError
from bot.extraction import ExtractionTimeout
from bot.facts.documents import DocumentError
from bot.facts.export import ExportFormat, cli_command, export_text, packed, server_export
from bot.facts.ingest import UploadPlan, plan_article, plan_upload, with_same_text
from bot.facts.model import Document, Extraction
from bot.facts.store import StoreError
from bot.facts.store.alerts import AlertSubscription, AlertSubscriptions
from bot.facts.store.intake import Feed, FeedCounts, FeedLimitError, Feeds
from bot.facts.store.overlays import (
    CORRECTABLE_FIELDS,
    Decision,
    Moderation,
    ModerationError,
)
from bot.facts.store.quota import size_words
from bot.i18n import language, t
from bot.i18n.translator import choice_name
from bot.intake.addresses import normalised_url
from bot.intake.download import find_feed
from bot.intake.errors import IntakeError
from bot.options import DocumentOption, FeedOption, ModeratedFigureOption
from bot.render import Entry, paginate
from bot.render import text as render_text
from bot.render.answers import document_line
from bot.render.audit import audit_line, unattached_note
from bot.render.feeds import feed_added, feed_entry, feed_name, feeds_intro
from bot.render.naming import document_name
from bot.views import send_pages, send_text

T = TypeVar("T")
#: A figure id option of /admin: autocompletes for moderators, hidden figures included.
FigureId = app_commands.Transform[str, ModeratedFigureOption]

AUDIT_PER_PAGE = 8

FIGURE_HELP = "The figure's id (type a value or words of its sentence to find it)"
FIELD_CHOICES = [app_commands.Choice(name=f, value=f) for f in CORRECTABLE_FIELDS]


def _guild(interaction: discord.Interaction[FactBot]) -> int:
    if interaction.guild_id is None:  # guild_only: Discord never sends one from a DM
        raise UserFacingError(NOT_IN_SERVER)
    return interaction.guild_id


def _lang(interaction: discord.Interaction[FactBot]) -> str:
    return language(interaction.locale)


@app_commands.guild_only()
@app_commands.default_permissions(manage_guild=True)
class Admin(
    commands.GroupCog,
    group_name="admin",
    group_description="Moderators: this server's documents, corrections and audit log",
):
    remove = app_commands.Group(name="remove", description="Remove something from this server")
    feeds = app_commands.Group(name="feeds", description="News feeds this server follows")

    def __init__(self, bot: FactBot) -> None:
        self.bot = bot
        self._readers: weakref.WeakValueDictionary[int, asyncio.Lock] = (
            weakref.WeakValueDictionary()
        )

    def _reading(self, guild: int) -> asyncio.Lock:
        """One download (and reading) at a time per server, so that one server's slow links
        never hold up another's or take all of the bot's connections."""
        lock = self._readers.get(guild)
        if lock is None:
            lock = self._readers[guild] = asyncio.Lock()
        return lock

    @property
    def moderation(self) -> Moderation:
        return Moderation(self.bot.store)

    async def interaction_check(self, interaction: discord.Interaction[Any], /) -> bool:
        """The run-time check of every subcommand: default_permissions can be changed by a
        server's admins, this cannot."""
        await require_moderator(interaction)
        return True

    async def _done(self, interaction: discord.Interaction[FactBot], message: str) -> None:
        await send_text(interaction, message[:2000], ephemeral=True)

    async def _moderate(
        self,
        interaction: discord.Interaction[FactBot],
        write: Callable[[], Awaitable[T]],
        done: Callable[[T], str],
    ) -> None:
        """Make a moderation write and reply what it did, or why it was refused (the refusal
        may repeat what was typed: it is made inert)."""
        try:
            result = await write()
        except ModerationError as exc:
            await self._done(interaction, render_text.inert(str(exc)))
            return
        await self._done(interaction, done(result))

    async def _refuse(self, interaction: discord.Interaction[FactBot], why: str) -> None:
        refused = t(interaction.locale, "admin.refused", why=render_text.inert(why))
        await self._done(interaction, refused)

    # -- documents ----------------------------------------------------------------------------

    @app_commands.command(
        name="ingest", description="Add a document for this server: a file or an article's address"
    )
    @app_commands.describe(
        file="The document: .txt, .md, .html or .pdf",
        url="Or an article's address (http or https): a web page, a PDF or a text",
        title="Its title (overrides the file's or page's own)",
        publisher="Who published it",
        published="Its publication date, YYYY-MM-DD",
    )
    async def ingest(
        self,
        interaction: discord.Interaction[FactBot],
        file: discord.Attachment | None = None,
        url: str | None = None,
        title: str | None = None,
        publisher: str | None = None,
        published: str | None = None,
    ) -> None:
        guild = _guild(interaction)
        lang = _lang(interaction)
        address = url.strip() if url and url.strip() else None
        if (file is None) == (address is None):
            await self._done(interaction, articles.one_source(file is None, lang))
            return
        kind = None
        if file is not None:
            kind = uploads.attachment_kind(file.filename, file.content_type)
            refusal = uploads.file_refusal(file.size, kind, file.content_type, lang)
            if refusal is not None:
                await self._refuse(interaction, refusal)
                return
        await interaction.response.defer(ephemeral=True, thinking=True)
        try:
            overrides = articles.overrides_of(
                title=title, publisher=publisher, published=published, lang=lang
            )
            async with self._reading(guild):
                if file is not None and kind is not None:
                    data = await file.read()
                    document = await articles.attachment_document(
                        data, file.filename, kind, overrides, lang
                    )
                    name = file.filename
                else:
                    assert address is not None
                    document = await articles.address_document(
                        self.bot.fetcher, guild, address, overrides, lang
                    )
                    name = None
        except (DocumentError, IntakeError) as exc:
            await self._refuse(interaction, str(exc))
            return
        except (discord.HTTPException, aiohttp.ClientError, TimeoutError) as exc:
            await self._done(interaction, uploads.download_failure(exc, lang))
            return
        await self._preview_new(interaction, guild, document, name)

    @app_commands.command(
        name="paste", description="Add a document for this server: paste its text"
    )
    async def paste(self, interaction: discord.Interaction[FactBot]) -> None:
        _guild(interaction)
        await interaction.response.send_modal(
            PasteForm(interaction.user.id, self._pasted, locale=interaction.locale)
        )

    async def _pasted(self, interaction: discord.Interaction[FactBot], pasted: Pasted) -> None:
        guild = _guild(interaction)
        lang = _lang(interaction)
        await interaction.response.defer(ephemeral=True, thinking=True)
        try:
            overrides = articles.overrides_of(
                title=pasted.title,
                publisher=pasted.publisher,
                url=pasted.url,
                published=pasted.published,
                lang=lang,
            )
            document = articles.pasted_document(pasted.text, overrides, lang)
        except DocumentError as exc:
            await self._refuse(interaction, str(exc))
            return
        await self._preview_new(interaction, guild, document, articles.paste_name(pasted.title))

    async def _preview_new(
        self,
        interaction: discord.Interaction[FactBot],
        guild: int,
        document: Document,
        filename: str | None,
    ) -> None:
        """Where ``document`` goes (a file by its name, an article by its address), its
        extraction in the worker processes, the quota, then the preview. ``interaction`` is
        deferred."""
        stored = await self.bot.store.documents(guild)
        digest = document.digest
        if filename is None:
            plan = plan_article(guild, document.key, digest, stored)
        else:
            plan = plan_upload(guild, filename, digest, stored)
        try:
            plan = with_same_text(plan, guild, digest, stored)
        except DocumentError as exc:
            await self._refuse(interaction, str(exc))
            return
        try:
            extraction = await self.bot.extraction.extract(
                articles.keyed(document, plan.key), guild_id=guild
            )
        except ExtractionTimeout as exc:
            await self._done(interaction, too_slow_message(exc.budget, _lang(interaction)))
            return
        refusal = await self.bot.store.quota_refusal(guild, extraction)
        if refusal is not None and not plan.unchanged:
            await self._refuse(interaction, refusal)
            return
        await self._preview(interaction, extraction, guild, plan)

    async def _preview(
        self,
        interaction: discord.Interaction[FactBot],
        extraction: Extraction,
        guild: int,
        plan: UploadPlan,
    ) -> None:
        lang = _lang(interaction)
        preview = EditedPreview(extraction, plan, lang=lang)

        async def confirm(decisions: Sequence[Decision]) -> str:
            try:
                result = await self.moderation.add_document(
                    guild, extraction, actor_id=interaction.user.id, decisions=decisions
                )
            except (StoreError, ModerationError) as exc:
                return t(lang, "admin.not_stored", why=render_text.inert(str(exc)))
            self.bot.alerts.announce([result], guild_id=guild)
            return stored_message(
                extraction.document, result.status, result.figures, result.events, lang
            )

        view = ConfirmIngest(interaction.user.id, confirm, preview=preview, locale=lang)
        content, embed = preview.screen()
        view.message = await interaction.followup.send(
            content=content,
            embed=embed,
            view=view,
            ephemeral=True,
            allowed_mentions=discord.AllowedMentions.none(),
            wait=True,
        )

    @app_commands.command(name="documents", description="This server's own documents")
    async def documents(self, interaction: discord.Interaction[FactBot]) -> None:
        guild = _guild(interaction)
        lang = _lang(interaction)
        owner = is_owner(interaction)
        listed = [
            d
            for d in await self.bot.store.documents(guild)
            if d.guild_id == guild or owner
        ]
        if not listed:
            await self._done(interaction, t(lang, "admin.no_documents"))
            return
        shared, own = t(lang, "admin.documents.shared"), t(lang, "admin.documents.this_server")
        entries = [
            Entry(
                f"{document_line(d, lang)}\n{render_text.code(d.key, 200)}",
                group=shared if d.guild_id is None else own,
            )
            for d in listed
        ]
        pages = paginate(
            entries,
            title=t(lang, "admin.documents.title"),
            footer=render_text.counted(len(listed), "document", lang),
            lang=lang,
        )
        await send_pages(interaction, pages, ephemeral=True)

    @remove.command(name="document", description="Remove one of this server's documents")
    @app_commands.describe(document="The document's id (see /admin documents)", reason="Why")
    async def remove_document(
        self,
        interaction: discord.Interaction[FactBot],
        document: app_commands.Transform[str, DocumentOption],
        reason: str | None = None,
    ) -> None:
        guild = _guild(interaction)
        info = await self.bot.store.document(guild, document)
        scope: int | None = guild
        if info is not None and info.guild_id is None:
            require_owner(interaction)
            scope = None
        await self._moderate(
            interaction,
            lambda: self.moderation.remove_document(
                scope, document, actor_id=interaction.user.id, reason=reason
            ),
            lambda removed: t(
                interaction.locale,
                "admin.removed",
                name=document_name(removed, interaction.locale),
                figures=render_text.counted(removed.figures, "figure", interaction.locale),
                events=render_text.counted(removed.events, "event", interaction.locale),
            ),
        )

    # -- figures ------------------------------------------------------------------------------

    @app_commands.command(name="hide", description="Hide a figure in this server")
    @app_commands.describe(figure=FIGURE_HELP, reason="Why (kept in the audit log)")
    async def hide(
        self, interaction: discord.Interaction[FactBot], figure: FigureId, reason: str
    ) -> None:
        guild = _guild(interaction)
        await self._moderate(
            interaction,
            lambda: self.moderation.hide(
                guild, figure, actor_id=interaction.user.id, reason=reason
            ),
            lambda hidden: t(interaction.locale, "admin.hidden", id=hidden.id),
        )

    @app_commands.command(name="unhide", description="Show a hidden figure again in this server")
    @app_commands.describe(figure=FIGURE_HELP, reason="Why (kept in the audit log)")
    async def unhide(
        self, interaction: discord.Interaction[FactBot], figure: FigureId, reason: str | None = None
    ) -> None:
        guild = _guild(interaction)
        await self._moderate(
            interaction,
            lambda: self.moderation.unhide(
                guild, figure, actor_id=interaction.user.id, reason=reason
            ),
            lambda shown: t(interaction.locale, "admin.shown", id=shown.id),
        )

    @app_commands.command(name="verify", description="Mark a figure as checked against its source")
    @app_commands.describe(figure=FIGURE_HELP, reason="What it was checked against")
    async def verify(
        self, interaction: discord.Interaction[FactBot], figure: FigureId, reason: str | None = None
    ) -> None:
        guild = _guild(interaction)
        await self._moderate(
            interaction,
            lambda: self.moderation.verify(
                guild, figure, actor_id=interaction.user.id, reason=reason
            ),
            lambda verified: t(interaction.locale, "admin.verified", id=verified.id),
        )

    @app_commands.command(name="correct", description="Correct one field of a figure here")
    @app_commands.describe(
        figure=FIGURE_HELP,
        field="Which field to correct",
        value="The right value (a point value's low or high moves both; source, date: none)",
        reason="Why (kept in the audit log)",
    )
    @app_commands.choices(field=FIELD_CHOICES)
    async def correct(
        self,
        interaction: discord.Interaction[FactBot],
        figure: FigureId,
        field: str,
        value: str,
        reason: str,
    ) -> None:
        guild = _guild(interaction)
        lang = _lang(interaction)
        await self._moderate(
            interaction,
            # the value is parsed inside the write, so a value it cannot read is refused alike
            lambda: self.moderation.correct(
                guild,
                figure,
                field,
                correction_value(field, value, lang),
                actor_id=interaction.user.id,
                reason=reason,
            ),
            lambda corrected: t(
                lang,
                "admin.corrected",
                id=corrected.id,
                field=choice_name(field, lang),
                value=render_text.clip(correction_shown(corrected, field, lang), 200),
            ),
        )

    # -- the log, the export, the role, the seeds ---------------------------------------------

    @app_commands.command(name="audit", description="Who changed what in this server, newest first")
    @app_commands.describe(limit="How many entries (default 50)")
    async def audit(
        self,
        interaction: discord.Interaction[FactBot],
        limit: app_commands.Range[int, 1, 1000] = 50,
    ) -> None:
        guild = _guild(interaction)
        lang = _lang(interaction)
        entries = await self.moderation.audit_log(
            guild, limit=limit, include_shared=is_owner(interaction)
        )
        if not entries:
            await self._done(interaction, t(lang, "admin.audit.empty"))
            return
        lost = await self.moderation.unattached(guild)
        pages = paginate(
            [Entry(audit_line(e, lang)) for e in entries],
            title=t(lang, "admin.audit.title"),
            intro=unattached_note(lost, lang),
            footer=t(
                lang,
                "admin.audit.footer",
                entries=render_text.counted(len(entries), "entry", lang),
            ),
            per_page=AUDIT_PER_PAGE,
            lang=lang,
        )
        await send_pages(interaction, pages, ephemeral=True)

    @app_commands.command(name="export", description="What this server sees, as a file")
    @app_commands.describe(format="json (the export contract) or csv (one row per figure)")
    async def export(
        self,
        interaction: discord.Interaction[FactBot],
        format: Literal["json", "csv"] = "json",
    ) -> None:
        guild = _guild(interaction)
        lang = _lang(interaction)
        await interaction.response.defer(ephemeral=True, thinking=True)
        exported = await server_export(self.bot.store, guild)
        counts = ", ".join(
            (
                render_text.counted(len(exported["figures"]), "figure", lang),
                render_text.counted(len(exported["events"]), "event", lang),
                t(lang, "admin.export.moderated", n=len(exported["corrections"])),
            )
        )
        text = export_text(exported, format)
        packed_file = packed(f"factbot-{guild}.{format}", text, interaction.filesize_limit)
        if packed_file is None:
            await self._done(interaction, export_too_large(counts, text, interaction, format))
            return
        zipped = t(lang, "admin.export.zipped") if packed_file.compressed else ""
        await interaction.followup.send(
            f"{counts}.{zipped}",
            file=discord.File(io.BytesIO(packed_file.data), filename=packed_file.filename),
            ephemeral=True,
            allowed_mentions=discord.AllowedMentions.none(),
        )

    @app_commands.command(name="modrole", description="Set or clear this server's moderator role")
    @app_commands.describe(role="Members with this role may use /admin (leave out to clear)")
    async def modrole(
        self, interaction: discord.Interaction[FactBot], role: discord.Role | None = None
    ) -> None:
        guild = _guild(interaction)
        lang = _lang(interaction)
        if role is not None and role.id == guild:  # @everyone has the server's id
            await self._done(interaction, t(lang, "admin.modrole.everyone"))
            return
        if role is None:
            done = t(lang, "admin.modrole.cleared")
        else:
            admin = render_text.command_name("admin", lang)
            done = t(lang, "admin.modrole.set", role=role.id, admin=admin)
        await self._moderate(
            interaction,
            lambda: self.moderation.set_moderator_role(
                guild, role.id if role else None, actor_id=interaction.user.id
            ),
            lambda _previous: done,
        )

    @app_commands.command(name="reload", description="Owners: re-read seeds/ (overlays survive)")
    async def reload(self, interaction: discord.Interaction[FactBot]) -> None:
        require_owner(interaction)
        await interaction.response.defer(ephemeral=True, thinking=True)
        settings = self.bot.settings
        summary = await self.bot.sync_seeds()
        lines = summary.lines()
        await self.moderation.record(
            None, interaction.user.id, "reload", str(settings.seeds_dir), after=lines[:20]
        )
        reloaded = t(interaction.locale, "admin.reloaded")
        await self._done(
            interaction, reloaded + "\n" + "\n".join(render_text.clip(x, 200) for x in lines)
        )

    @app_commands.command(
        name="alerts", description="Where new figures are posted when documents are added"
    )
    @app_commands.describe(
        channel="Post alerts in this channel (leave out to see the current setting)",
        enabled="Whether alerts are posted (default: yes)",
    )
    async def alerts(
        self,
        interaction: discord.Interaction[FactBot],
        channel: discord.TextChannel | None = None,
        enabled: bool = True,
    ) -> None:
        guild = _guild(interaction)
        lang = _lang(interaction)
        subscriptions = AlertSubscriptions(self.bot.store)
        if channel is None:
            await self._done(interaction, alert_setting(await subscriptions.get(guild), lang))
            return
        await subscriptions.subscribe(
            guild, channel.id, enabled=enabled, actor_id=interaction.user.id
        )
        key = "admin.alerts.on" if enabled else "admin.alerts.off"
        await self._done(interaction, t(lang, key, channel=channel.id))

    # -- news in: feeds and the review queue --------------------------------------------------

    @feeds.command(name="add", description="Follow an RSS or Atom feed; its new articles come in")
    @app_commands.describe(url="The feed's address, or a page that announces one")
    async def feeds_add(self, interaction: discord.Interaction[FactBot], url: str) -> None:
        guild = _guild(interaction)
        lang = _lang(interaction)
        await interaction.response.defer(ephemeral=True, thinking=True)
        try:
            async with self._reading(guild):
                found = await find_feed(self.bot.fetcher, url.strip())
        except IntakeError as exc:
            why = render_text.inert(str(exc))
            await self._done(interaction, t(lang, "feeds.not_followed", why=why))
            return
        feeds = Feeds(self.bot.store)
        try:
            feed = await feeds.add(
                guild,
                normalised_url(found.url),
                actor_id=interaction.user.id,
                now=datetime.now(UTC),
                title=found.feed.title,
            )
        except FeedLimitError as exc:
            await self._done(interaction, render_text.inert(str(exc)))
            return
        self.bot.feed_poller.wake()
        await self._done(
            interaction, feed_added(feed, found, await feeds.store_at_once(guild), lang)
        )

    @feeds.command(name="remove", description="Stop following a feed (its queued articles stay)")
    @app_commands.describe(feed="The feed (type words of its title or address)")
    async def feeds_remove(
        self,
        interaction: discord.Interaction[FactBot],
        feed: app_commands.Transform[Feed, FeedOption],
    ) -> None:
        guild = _guild(interaction)
        lang = _lang(interaction)
        feeds = Feeds(self.bot.store)
        waiting = (await feeds.counts(guild)).get(feed.id, FeedCounts()).waiting
        removed = await feeds.remove(guild, feed.id, actor_id=interaction.user.id)
        if removed is None:
            await self._done(interaction, t(lang, "feeds.already_removed"))
            return
        names = render_text.client_names(lang, "admin", "queue")
        kept = " " + t(lang, "feeds.still_waiting", n=waiting, **names) if waiting else ""
        url = render_text.clip(removed.url, 300)
        await self._done(
            interaction,
            t(lang, "feeds.removed", name=feed_name(removed, lang), url=url) + kept,
        )

    @feeds.command(name="list", description="The feeds this server follows and how they fare")
    async def feeds_list(self, interaction: discord.Interaction[FactBot]) -> None:
        guild = _guild(interaction)
        lang = _lang(interaction)
        feeds = Feeds(self.bot.store)
        followed = await feeds.of_guild(guild)
        if not followed:
            names = render_text.client_names(lang, "admin", "feeds", "add", options=("url",))
            await self._done(interaction, t(lang, "feeds.none", **names))
            return
        counts = await feeds.counts(guild)
        pages = paginate(
            [Entry(feed_entry(f, counts.get(f.id), lang)) for f in followed],
            title=t(lang, "feeds.title"),
            intro=feeds_intro(await feeds.store_at_once(guild), len(followed), lang),
            per_page=5,
            lang=lang,
        )
        await send_pages(interaction, pages, ephemeral=True)

    @feeds.command(name="autostore", description="Store new feed articles at once, or queue them")
    @app_commands.describe(
        enabled="Yes: store each new article at once. No: it waits for review in /admin queue"
    )
    async def feeds_autostore(
        self, interaction: discord.Interaction[FactBot], enabled: bool
    ) -> None:
        guild = _guild(interaction)
        lang = _lang(interaction)
        await Feeds(self.bot.store).set_store_at_once(
            guild, enabled, actor_id=interaction.user.id
        )
        key = "feeds.autostore.on" if enabled else "feeds.autostore.off"
        await self._done(
            interaction, t(lang, key, **render_text.client_names(lang, "admin", "queue"))
        )

    @app_commands.command(name="queue", description="Review the articles fetched from feeds")
    async def queue(self, interaction: discord.Interaction[FactBot]) -> None:
        guild = _guild(interaction)
        await interaction.response.defer(ephemeral=True, thinking=True)
        reviewer = QueueReviewer(self.bot, guild, interaction.user.id, _lang(interaction))
        screen = await reviewer.next_screen()
        embeds = [screen.embed] if screen.embed is not None else []
        if screen.view is None:
            await interaction.followup.send(
                screen.content, embeds=embeds, ephemeral=True,
                allowed_mentions=discord.AllowedMentions.none(),
            )
            return
        screen.view.message = await interaction.followup.send(
            screen.content, embeds=embeds, view=screen.view, ephemeral=True,
            allowed_mentions=discord.AllowedMentions.none(), wait=True,
        )


def export_too_large(
    counts: str, text: str, interaction: discord.Interaction[FactBot], format: ExportFormat
) -> str:
    """Why no file came, and how the bot's operator gets it."""
    size, limit = len(text.encode("utf-8")), interaction.filesize_limit
    return t(
        interaction.locale,
        "admin.export.too_large",
        counts=counts,
        size=size_words(size),
        limit=size_words(limit),
        command=cli_command(_guild(interaction), format),
    )


def alert_setting(subscription: AlertSubscription | None, lang: str = "en") -> str:
    """The current alert setting and the last delivery problem, as /admin alerts shows it."""
    if subscription is None:
        names = render_text.client_names(lang, "admin", "alerts", options=("channel",))
        return t(lang, "admin.alerts.none", **names)
    state = t(lang, "admin.alerts.state_on" if subscription.enabled else "admin.alerts.state_off")
    lines = [
        t(
            lang,
            "admin.alerts.setting",
            state=state,
            channel=subscription.channel_id,
            user=subscription.updated_by,
            day=render_text.day(subscription.updated_at.date(), lang),
        )
    ]
    if subscription.problem is None or subscription.problem_at is None:
        lines.append(t(lang, "admin.alerts.no_problem"))
    else:
        when = subscription.problem_at.strftime("%Y-%m-%d %H:%M UTC")
        problem = render_text.clip(subscription.problem, 400)
        lines.append(t(lang, "admin.alerts.problem", when=when, problem=problem))
        if not subscription.failing and subscription.delivered_at is not None:
            lines.append(t(lang, "admin.alerts.delivered_since"))
    return "\n".join(lines)


async def setup(bot: FactBot) -> None:
    await bot.add_cog(Admin(bot))
