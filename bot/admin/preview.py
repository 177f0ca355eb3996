"""The preview of a document before a moderator stores it: its figures and events, where it will
be stored, and its warnings. Uploads, addresses, pasted texts and queued feed articles all show
this one preview."""

from __future__ import annotations

from dataclasses import dataclass, field

import discord

from bot.admin.preview_edits import PreviewEdits
from bot.admin.uploads import plan_summary
from bot.facts.ingest import UploadPlan
from bot.facts.model import Document, Extraction, Figure, Status
from bot.facts.store.overlays import Decision
from bot.i18n import t
from bot.render import Entry, paginate
from bot.render import text as render_text
from bot.render.answers import event_entry, metric_words
from bot.render.naming import document_name

PREVIEW_FIGURES = 40
PREVIEW_EVENTS = 10
#: A preview lists every figure on its first page where it can: short quotes, many rows.
PREVIEW_QUOTE_LIMIT = 200
PREVIEW_PER_PAGE = 25


def preview_intro(
    extraction: Extraction,
    plan: UploadPlan,
    *,
    where: str,
    lang: str = "en",
    editable: bool = False,
) -> str:
    """The preview's first lines: name, counts, what confirming does, warnings."""
    document = extraction.document
    intro = t(
        lang,
        "admin.preview.intro",
        name=f"**{document_name(document, lang)}**",
        figures=render_text.counted(len(extraction.figures), "figure", lang),
        events=render_text.counted(len(extraction.events), "event", lang),
        where=where,
        plan=plan_summary(plan, lang),
    ).rstrip()
    if editable:
        intro += "\n" + t(lang, "preview.edit.hint")
    for warning in document.warnings[:3]:
        intro += f"\n⚠ {render_text.clip(warning, 200)}"
    return intro


def preview_figure_entry(
    number: int, figure: Figure, group: str, lang: str = "en", *, left_out: bool = False
) -> Entry:
    """One figure as a moderator checks it: its number (what Leave out and Fix take), value,
    metric, subject, claimant, as-of date and period, and the start of its sentence."""
    parts = [
        f"**{render_text.figure_value(figure, lang)}**",
        metric_words(figure.metric, lang),
        render_text.subject_name(figure.subject, lang),
        render_text.clip(render_text.source_name(figure.source, lang), 80),
        t(lang, "date.as_of", date=render_text.span(figure.date, lang)),
    ]
    if figure.period is not None:
        parts.append(render_text.clip(figure.period.text, 60))
    line = " · ".join(parts)
    if left_out:
        line = f"~~{line}~~ · **{t(lang, 'preview.left_out')}**"
    elif figure.status is Status.CORRECTED:
        line += f" · **{t(lang, 'preview.fixed')}**"
    quote = render_text.quote(figure.quote, PREVIEW_QUOTE_LIMIT)
    return Entry(
        f"`{number}` {line}\n> {quote}", group=group,
        inferred=render_text.is_inferred(figure.date),
    )


def preview_pages(
    extraction: Extraction,
    plan: UploadPlan,
    *,
    where: str | None = None,
    lang: str = "en",
    edits: PreviewEdits | None = None,
) -> list[discord.Embed]:
    """The preview's pages; ``where`` it will be stored (this server only by default);
    ``edits``: what the moderator left out and fixed so far."""
    document = extraction.document
    documents = {document.key: document}
    group = t(lang, "admin.preview.figures")
    shown = edits or PreviewEdits(extraction.figures[:PREVIEW_FIGURES])
    entries = [
        preview_figure_entry(
            n + 1, shown.shown(n), group, lang, left_out=n in shown.left_out
        )
        for n in range(len(shown.figures))
    ]
    if len(extraction.figures) > PREVIEW_FIGURES:
        more = len(extraction.figures) - PREVIEW_FIGURES
        entries.append(Entry(t(lang, "admin.preview.more", n=more), group=group))
    entries += [
        event_entry(e, documents, PREVIEW_QUOTE_LIMIT, lang=lang)
        for e in extraction.events[:PREVIEW_EVENTS]
    ]
    if not entries:
        entries = [Entry(t(lang, "admin.preview.empty"))]
    where = where or t(lang, "admin.preview.where_server")
    intro = preview_intro(extraction, plan, where=where, lang=lang, editable=edits is not None)
    return paginate(
        entries, title=t(lang, "admin.preview.title"), intro=intro, per_page=PREVIEW_PER_PAGE,
        lang=lang,
    )


def preview_note(extraction: Extraction, pages: list[discord.Embed], lang: str = "en") -> str:
    """The message text above the preview's first page."""
    note = "" if extraction.figures else t(lang, "admin.preview.no_figures")
    return note + t(lang, "admin.preview.page", pages=len(pages))


def stored_message(
    document: Document, status: str, figures: int, events: int, lang: str = "en"
) -> str:
    """What Confirm did, replacing the preview."""
    name = document_name(document, lang)
    if status == "unchanged":
        return t(lang, "admin.unchanged", name=name)
    return t(
        lang,
        "admin.stored",
        name=name,
        status=t(lang, f"admin.status.{status}"),
        figures=render_text.counted(figures, "figure", lang),
        events=render_text.counted(events, "event", lang),
    )


def too_slow_message(budget: float, lang: str = "en") -> str:
    return t(lang, "admin.too_slow", seconds=f"{budget:g}")


@dataclass
class EditedPreview:
    """A preview on screen whose figures the moderator may leave out or fix before Confirm:
    redrawn from the extraction and the edits after each change. ``head`` goes above it
    (the review queue's line about the article)."""

    extraction: Extraction
    plan: UploadPlan
    lang: str = "en"
    where: str | None = None
    head: str = ""
    edits: PreviewEdits = field(init=False)

    def __post_init__(self) -> None:
        self.edits = PreviewEdits(self.extraction.figures[:PREVIEW_FIGURES])

    @property
    def editable(self) -> bool:
        """Whether there is anything to edit: figures that Confirm would store."""
        return bool(self.edits.figures) and not self.plan.unchanged

    def screen(self) -> tuple[str, discord.Embed]:
        """The message text and the first page, as they stand now."""
        pages = preview_pages(
            self.extraction, self.plan, where=self.where, lang=self.lang,
            edits=self.edits if self.editable else None,
        )
        content = self.head + preview_note(self.extraction, pages, self.lang)
        return content[:2000], pages[0]

    def decisions(self) -> list[Decision]:
        return self.edits.decisions(
            t(self.lang, "preview.left_out_reason"), t(self.lang, "preview.fixed_reason")
        )
