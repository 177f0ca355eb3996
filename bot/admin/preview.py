"""The preview of a document before a moderator stores it: its figures and events, where it will
be stored, and its warnings. Uploads, addresses, pasted texts and queued feed articles all show
this one preview."""

from __future__ import annotations

import discord

from bot.facts.ingest import UploadPlan
from bot.facts.model import Extraction
from bot.render import Entry, paginate
from bot.render import text as render_text
from bot.render.answers import event_entry, figure_entry

PREVIEW_FIGURES = 40
PREVIEW_EVENTS = 10


def preview_intro(extraction: Extraction, plan: UploadPlan, *, where: str) -> str:
    """The preview's first lines: name, counts, what confirming does, warnings."""
    document = extraction.document
    name = render_text.document_name(document, document.key)
    intro = (
        f"{name} · {len(extraction.figures):,} figures, {len(extraction.events):,} events."
        f" Confirm to store it {where}. {plan.summary()}"
    )
    for warning in document.warnings[:3]:
        intro += f"\n⚠ {render_text.clip(warning, 200)}"
    return intro


def preview_pages(
    extraction: Extraction, plan: UploadPlan, *, where: str = "for this server only"
) -> list[discord.Embed]:
    document = extraction.document
    documents = {document.key: document}
    entries = [
        figure_entry(f, documents, group="Figures")
        for f in extraction.figures[:PREVIEW_FIGURES]
    ]
    if len(extraction.figures) > PREVIEW_FIGURES:
        more = len(extraction.figures) - PREVIEW_FIGURES
        entries.append(Entry(f"… and {more:,} more figures", group="Figures"))
    entries += [event_entry(e, documents) for e in extraction.events[:PREVIEW_EVENTS]]
    if not entries:
        entries = [Entry("No figures and no events found: storing it adds nothing to answers.")]
    intro = preview_intro(extraction, plan, where=where)
    return paginate(entries, title="Preview", intro=intro, footer=document.key)


def preview_note(extraction: Extraction, pages: list[discord.Embed]) -> str:
    """The message text above the preview's first page."""
    note = "" if extraction.figures else "No figures found in this document. "
    return note + f"Preview of page 1 of {len(pages)}."


def stored_message(key: str, status: str, figures: int, events: int) -> str:
    """What Confirm did, replacing the preview."""
    if status == "unchanged":
        return f"`{key}` is already stored with this text; nothing changed."
    return f"Stored `{key}` for this server ({status}): {figures:,} figures, {events:,} events."


def too_slow_message(budget: float) -> str:
    return (
        f"Refused: reading the figures of this document took longer than {budget:g} seconds,"
        " so it was stopped. Nothing was stored. Split it into shorter documents, or ask the"
        " bot's operator to raise `FACTBOT_EXTRACTION_SECONDS`."
    )
