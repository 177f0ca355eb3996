"""The preview of a document before a moderator stores it: its figures and events, where it will
be stored, and its warnings. Uploads, addresses, pasted texts and queued feed articles all show
this one preview."""

from __future__ import annotations

import discord

from bot.admin.uploads import plan_summary
from bot.facts.ingest import UploadPlan
from bot.facts.model import Extraction
from bot.i18n import t
from bot.render import Entry, paginate
from bot.render import text as render_text
from bot.render.answers import event_entry, figure_entry

PREVIEW_FIGURES = 40
PREVIEW_EVENTS = 10


def preview_intro(
    extraction: Extraction, plan: UploadPlan, *, where: str, lang: str = "en"
) -> str:
    """The preview's first lines: name, counts, what confirming does, warnings."""
    document = extraction.document
    intro = t(
        lang,
        "admin.preview.intro",
        name=render_text.document_name(document, document.key),
        figures=render_text.counted(len(extraction.figures), "figure", lang),
        events=render_text.counted(len(extraction.events), "event", lang),
        where=where,
        plan=plan_summary(plan, lang),
    )
    for warning in document.warnings[:3]:
        intro += f"\n⚠ {render_text.clip(warning, 200)}"
    return intro


def preview_pages(
    extraction: Extraction, plan: UploadPlan, *, where: str | None = None, lang: str = "en"
) -> list[discord.Embed]:
    """The preview's pages; ``where`` it will be stored (this server only by default)."""
    document = extraction.document
    documents = {document.key: document}
    group = t(lang, "admin.preview.figures")
    entries = [
        figure_entry(f, documents, group, lang=lang)
        for f in extraction.figures[:PREVIEW_FIGURES]
    ]
    if len(extraction.figures) > PREVIEW_FIGURES:
        more = len(extraction.figures) - PREVIEW_FIGURES
        entries.append(Entry(t(lang, "admin.preview.more", n=more), group=group))
    entries += [
        event_entry(e, documents, lang=lang) for e in extraction.events[:PREVIEW_EVENTS]
    ]
    if not entries:
        entries = [Entry(t(lang, "admin.preview.empty"))]
    where = where or t(lang, "admin.preview.where_server")
    intro = preview_intro(extraction, plan, where=where, lang=lang)
    return paginate(
        entries, title=t(lang, "admin.preview.title"), intro=intro, footer=document.key,
        lang=lang,
    )


def preview_note(extraction: Extraction, pages: list[discord.Embed], lang: str = "en") -> str:
    """The message text above the preview's first page."""
    note = "" if extraction.figures else t(lang, "admin.preview.no_figures")
    return note + t(lang, "admin.preview.page", pages=len(pages))


def stored_message(key: str, status: str, figures: int, events: int, lang: str = "en") -> str:
    """What Confirm did, replacing the preview."""
    if status == "unchanged":
        return t(lang, "admin.unchanged", key=key)
    return t(
        lang,
        "admin.stored",
        key=key,
        status=t(lang, f"admin.status.{status}"),
        figures=render_text.counted(figures, "figure", lang),
        events=render_text.counted(events, "event", lang),
    )


def too_slow_message(budget: float, lang: str = "en") -> str:
    return t(lang, "admin.too_slow", seconds=f"{budget:g}")
