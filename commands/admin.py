"""/admin: a server's moderators feed it documents and hide, correct or verify figures for that
server only; every action goes to the audit log. Every reply is ephemeral."""

from __future__ import annotations

import dataclasses
import io
from collections.abc import Awaitable, Callable
from typing import Any, Literal, TypeVar

import aiohttp
import discord
from discord import app_commands
from discord.ext import commands

from bot.admin import uploads
from bot.admin.confirm import ConfirmIngest
from bot.admin.corrections import correction_shown, correction_value
from bot.checks import is_owner, require_moderator, require_owner
from bot.client import FactBot
from bot.errors import UserFacingError
from bot.extraction import ExtractionTimeout
from bot.facts.documents import DocumentError, parse_document
from bot.facts.export import ExportFormat, cli_command, export_text, packed, server_export
from bot.facts.ingest import UploadPlan, plan_upload
from bot.facts.model import Extraction
from bot.facts.store import StoreError
from bot.facts.store.alerts import AlertSubscription, AlertSubscriptions
from bot.facts.store.overlays import CORRECTABLE_FIELDS, Moderation, ModerationError
from bot.facts.store.quota import size_words
from bot.options import DocumentOption, ModeratedFigureOption
from bot.render import Entry, paginate
from bot.render import text as render_text
from bot.render.answers import document_line, event_entry, figure_entry
from bot.render.audit import audit_line, unattached_note
from bot.views import send_pages, send_text

T = TypeVar("T")
#: A figure id option of /admin: autocompletes for moderators, hidden figures included.
FigureId = app_commands.Transform[str, ModeratedFigureOption]

AUDIT_PER_PAGE = 8
PREVIEW_FIGURES = 40

FIGURE_HELP = "The figure's id (type a value or words of its sentence to find it)"
FIELD_CHOICES = [app_commands.Choice(name=f, value=f) for f in CORRECTABLE_FIELDS]


def _guild(interaction: discord.Interaction[FactBot]) -> int:
    if interaction.guild_id is None:  # guild_only: Discord never sends one from a DM
        raise UserFacingError("This command works only in a server.")
    return interaction.guild_id


@app_commands.guild_only()
@app_commands.default_permissions(manage_guild=True)
class Admin(
    commands.GroupCog,
    group_name="admin",
    group_description="Moderators: this server's documents, corrections and audit log",
):
    remove = app_commands.Group(name="remove", description="Remove something from this server")

    def __init__(self, bot: FactBot) -> None:
        self.bot = bot

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
        await self._done(interaction, f"Refused: {render_text.inert(why)}. Nothing was stored.")

    # -- documents ----------------------------------------------------------------------------

    @app_commands.command(name="ingest", description="Add a document (.txt or .md) for this server")
    @app_commands.describe(
        file="The document: plain text or Markdown, UTF-8",
        title="Its title (overrides the file's front matter)",
        publisher="Who published it",
        url="Where it was published (http or https)",
        published="Its publication date, YYYY-MM-DD",
    )
    async def ingest(
        self,
        interaction: discord.Interaction[FactBot],
        file: discord.Attachment,
        title: str | None = None,
        publisher: str | None = None,
        url: str | None = None,
        published: str | None = None,
    ) -> None:
        guild = _guild(interaction)
        refusal = self._metadata_refusal(file)
        if refusal is not None:
            await self._refuse(interaction, refusal)
            return
        await interaction.response.defer(ephemeral=True, thinking=True)
        overrides = {
            k: v
            for k, v in (("title", title), ("publisher", publisher), ("url", url))
            if v is not None and v.strip()
        }
        try:
            when = uploads.published_date(published)
            if when is not None:
                overrides["published"] = when
            data = await file.read()
            if len(data) > uploads.MAX_UPLOAD_BYTES:
                raise DocumentError(f"too large: {size_words(len(data))}")
            document = parse_document(
                data, file.filename, max_bytes=uploads.MAX_UPLOAD_BYTES, overrides=overrides
            )
            lines = document.text.count("\n") + 1
            if lines > uploads.MAX_UPLOAD_LINES:
                raise DocumentError(
                    f"too many lines ({lines:,}; a document may have {uploads.MAX_UPLOAD_LINES:,})"
                )
        except DocumentError as exc:
            await self._refuse(interaction, str(exc))
            return
        except (discord.HTTPException, aiohttp.ClientError, TimeoutError) as exc:
            await self._done(interaction, uploads.download_failure(exc))
            return
        stored = await self.bot.store.documents(guild)
        plan = plan_upload(guild, file.filename, document.digest, stored)
        document = dataclasses.replace(document, key=plan.key)
        try:
            extraction = await self.bot.extraction.extract(document, guild_id=guild)
        except ExtractionTimeout as exc:
            await self._done(
                interaction,
                f"Refused: reading the figures of this document took longer than"
                f" {exc.budget:g} seconds, so it was stopped. Nothing was stored. Split it into"
                " shorter documents, or ask the bot's operator to raise"
                " `FACTBOT_EXTRACTION_SECONDS`.",
            )
            return
        refusal = await self.bot.store.quota_refusal(guild, extraction)
        if refusal is not None and not plan.unchanged:
            await self._refuse(interaction, refusal)
            return
        await self._preview(interaction, extraction, guild, plan)

    def _metadata_refusal(self, file: discord.Attachment) -> str | None:
        """Why the attachment cannot be a document, from its metadata alone (no download)."""
        if file.size > uploads.MAX_UPLOAD_BYTES:
            return (
                f"too large: {size_words(file.size)},"
                f" the limit is {size_words(uploads.MAX_UPLOAD_BYTES)}"
            )
        if not uploads.looks_like_text(file.filename, file.content_type):
            kind = file.content_type or "unknown type"
            return f"not text ({kind[:60]}); upload a .txt or .md file"
        return None

    async def _preview(
        self,
        interaction: discord.Interaction[FactBot],
        extraction: Extraction,
        guild: int,
        plan: UploadPlan,
    ) -> None:
        document = extraction.document
        documents = {document.key: document}
        entries = [
            figure_entry(f, documents, group="Figures")
            for f in extraction.figures[:PREVIEW_FIGURES]
        ]
        if len(extraction.figures) > PREVIEW_FIGURES:
            more = len(extraction.figures) - PREVIEW_FIGURES
            entries.append(Entry(f"… and {more:,} more figures", group="Figures"))
        entries += [event_entry(e, documents) for e in extraction.events[:10]]
        if not entries:
            entries = [Entry("No figures and no events found: storing it adds nothing to answers.")]
        name = render_text.document_name(document, document.key)
        intro = (
            f"{name} · {len(extraction.figures):,} figures, {len(extraction.events):,} events."
            f" Confirm to store it for this server only. {plan.summary()}"
        )
        for warning in document.warnings[:3]:
            intro += f"\n⚠ {render_text.clip(warning, 200)}"
        pages = paginate(entries, title="Preview", intro=intro, footer=document.key)
        note = "" if extraction.figures else "No figures found in this document. "

        async def confirm() -> str:
            try:
                result = await self.moderation.add_document(
                    guild, extraction, actor_id=interaction.user.id
                )
            except StoreError as exc:
                return f"Not stored: {render_text.inert(str(exc))}"
            self.bot.alerts.announce([result], guild_id=guild)
            if result.status == "unchanged":
                return f"`{document.key}` is already stored with this text; nothing changed."
            return (
                f"Stored `{document.key}` for this server ({result.status}):"
                f" {result.figures:,} figures, {result.events:,} events."
            )

        view = ConfirmIngest(interaction.user.id, confirm)
        view.message = await interaction.followup.send(
            content=note + f"Preview of page 1 of {len(pages)}.",
            embed=pages[0],
            view=view,
            ephemeral=True,
            allowed_mentions=discord.AllowedMentions.none(),
            wait=True,
        )

    @app_commands.command(name="documents", description="This server's own documents")
    async def documents(self, interaction: discord.Interaction[FactBot]) -> None:
        guild = _guild(interaction)
        owner = is_owner(interaction)
        listed = [
            d
            for d in await self.bot.store.documents(guild)
            if d.guild_id == guild or owner
        ]
        if not listed:
            await self._done(interaction, "This server has no documents of its own yet.")
            return
        entries = [
            Entry(
                f"`{d.key}` · {document_line(d)}",
                group="Shared" if d.guild_id is None else "This server",
            )
            for d in listed
        ]
        pages = paginate(entries, title="Documents", footer=f"{len(listed):,} documents")
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
            lambda removed: (
                f"Removed `{render_text.clip(removed.key, 200)}` with {removed.figures:,} figures"
                f" and {removed.events:,} events."
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
            lambda hidden: f"Figure `{hidden.id}` is now hidden in this server.",
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
            lambda shown: f"Figure `{shown.id}` is shown again in this server.",
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
            lambda verified: f"Figure `{verified.id}` is marked verified in this server.",
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
        await self._moderate(
            interaction,
            # the value is parsed inside the write, so a value it cannot read is refused alike
            lambda: self.moderation.correct(
                guild,
                figure,
                field,
                correction_value(field, value),
                actor_id=interaction.user.id,
                reason=reason,
            ),
            lambda corrected: (
                f"Figure `{corrected.id}` corrected in this server: {field} is now"
                f" {render_text.clip(correction_shown(corrected, field), 200)}."
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
        entries = await self.moderation.audit_log(
            guild, limit=limit, include_shared=is_owner(interaction)
        )
        if not entries:
            await self._done(interaction, "Nothing in this server's audit log yet.")
            return
        lost = await self.moderation.unattached(guild)
        pages = paginate(
            [Entry(audit_line(e)) for e in entries],
            title="Audit log",
            intro=unattached_note(lost),
            footer=f"{len(entries):,} entries, newest first",
            per_page=AUDIT_PER_PAGE,
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
        await interaction.response.defer(ephemeral=True, thinking=True)
        exported = await server_export(self.bot.store, guild)
        counts = (
            f"{len(exported['figures']):,} figures, {len(exported['events']):,} events,"
            f" {len(exported['corrections']):,} moderated"
        )
        text = export_text(exported, format)
        packed_file = packed(f"factbot-{guild}.{format}", text, interaction.filesize_limit)
        if packed_file is None:
            await self._done(interaction, export_too_large(counts, text, interaction, format))
            return
        zipped = " (zipped to fit Discord's attachment limit)" if packed_file.compressed else ""
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
        if role is not None and role.id == guild:  # @everyone has the server's id
            await self._done(
                interaction,
                "Refused: @everyone cannot be the moderator role, it would make every member a"
                " moderator. Choose a role only moderators have. Nothing was changed.",
            )
            return
        if role is None:
            done = "Moderator role cleared: Manage Server is needed now."
        else:
            done = f"Members with <@&{role.id}> may now use /admin."
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
        await self._done(
            interaction, "Seeds reloaded.\n" + "\n".join(render_text.clip(x, 200) for x in lines)
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
        subscriptions = AlertSubscriptions(self.bot.store)
        if channel is None:
            await self._done(interaction, alert_setting(await subscriptions.get(guild)))
            return
        await subscriptions.subscribe(
            guild, channel.id, enabled=enabled, actor_id=interaction.user.id
        )
        if enabled:
            message = (
                f"New figures will be posted in <#{channel.id}> when documents are added"
                " (this server's own, and shared ones)."
            )
        else:
            message = f"Alerts are off (the channel <#{channel.id}> is kept for later)."
        await self._done(interaction, message)


def export_too_large(
    counts: str, text: str, interaction: discord.Interaction[FactBot], format: ExportFormat
) -> str:
    """Why no file came, and how the bot's operator gets it."""
    size, limit = len(text.encode("utf-8")), interaction.filesize_limit
    return (
        f"{counts}: the export is {size_words(size)}, and even zipped it is over the"
        f" {size_words(limit)} Discord lets me attach here. The bot's operator can write it on"
        f" the bot's host with `{cli_command(_guild(interaction), format)}`."
    )


def alert_setting(subscription: AlertSubscription | None) -> str:
    """The current alert setting and the last delivery problem, as /admin alerts shows it."""
    if subscription is None:
        return "No alert channel is set. Choose one with `/admin alerts channel:#channel`."
    state = "on" if subscription.enabled else "off"
    lines = [
        f"Alerts are **{state}**, channel <#{subscription.channel_id}>, set by"
        f" <@{subscription.updated_by}> on {render_text.day(subscription.updated_at.date())}."
    ]
    if subscription.problem is None or subscription.problem_at is None:
        lines.append("No delivery problem so far.")
    else:
        when = subscription.problem_at.strftime("%Y-%m-%d %H:%M UTC")
        lines.append(
            f"Last delivery problem ({when}): {render_text.clip(subscription.problem, 400)}"
        )
        if not subscription.failing and subscription.delivered_at is not None:
            lines.append("Alerts have been delivered since then.")
    return "\n".join(lines)


async def setup(bot: FactBot) -> None:
    await bot.add_cog(Admin(bot))
