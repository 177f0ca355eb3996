"""Rendered rows (a figure's or event's entry, a source's or document's line) and the answers
rendered whole: /search results and one figure in full for /figure."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Protocol

import discord

from bot.facts.model import CASUALTY_METRICS, Event, Figure, Metric, Status
from bot.render import text
from bot.render.pages import Entry, paginate
from bot.render.text import DocumentLike

#: How much of a quote a listing shows before pointing to /figure for the rest.
LIST_QUOTE_LIMIT = 300

METRIC_WORDS: dict[Metric, str] = {
    Metric.DEPLOYED: "deployed",
    Metric.KILLED: "killed",
    Metric.WOUNDED: "wounded",
    Metric.CASUALTIES: "casualties (killed or wounded)",
    Metric.CAPTURED: "captured",
    Metric.MISSING: "missing",
}
METRIC_ORDER = {m: i for i, m in enumerate((*CASUALTY_METRICS, Metric.DEPLOYED))}

Documents = Mapping[str, DocumentLike]


def figure_line(figure: Figure, documents: Documents) -> str:
    """Value, source, date, where it was published, the /figure id and any moderator mark."""
    parts = [
        f"**{text.figure_value(figure)}**",
        text.clip(text.source_name(figure.source), 100),
        text.span(figure.date),
        text.document_name(documents.get(figure.document), figure.document),
    ]
    document = documents.get(figure.document)
    if document is not None and document.published is not None:
        parts[-1] += f", {text.day(document.published)}"
    parts.append(f"`/figure {figure.id}`")
    mark = text.status_mark(figure.status)
    if mark:
        parts.append(f"**{mark}**")
    return " · ".join(parts)


def figure_entry(
    figure: Figure, documents: Documents, group: str | None, quote_limit: int = LIST_QUOTE_LIMIT
) -> Entry:
    quote = text.quote(figure.quote, quote_limit, figure.id)
    return Entry(
        f"{figure_line(figure, documents)}\n> {quote}",
        group=group,
        inferred=text.is_inferred(figure.date),
    )


def _says_more(summary: str, quote: str) -> bool:
    """Whether a summary adds to its quote (it does not when it is the quote, shortened)."""
    words = summary.casefold().split()
    return bool(words) and " ".join(words[:6]) not in " ".join(quote.casefold().split())


def event_entry(
    event: Event, documents: Documents, quote_limit: int = LIST_QUOTE_LIMIT
) -> Entry:
    source = text.document_name(documents.get(event.document), event.document)
    quote = text.quote(event.quote, quote_limit)
    says_more = _says_more(event.summary, event.quote)
    summary = f" · {text.clip(event.summary, 200)}" if says_more else ""
    return Entry(
        f"**{text.span(event.date)}**{summary} · {source}\n> {quote}",
        group=str(event.date.start.year),
        inferred=event.date.inferred,
    )


def source_line(name: str, figures: int, documents: int) -> str:
    return (
        f"**{text.clip(name, 200)}** · {text.counted(figures, 'figure')} in "
        f"{text.counted(documents, 'document')}"
    )


class DocumentSummary(DocumentLike, Protocol):
    """A listed document: a citation's needs plus its key and what was extracted from it."""

    @property
    def key(self) -> str: ...
    @property
    def figures(self) -> int: ...
    @property
    def events(self) -> int: ...


def document_line(document: DocumentSummary) -> str:
    parts = [text.document_name(document, document.key)]
    if document.title and document.publisher:
        parts.append("“" + text.clip(document.title, 120) + "”")
    if document.published is not None:
        parts.append(text.day(document.published))
    parts.append(
        f"{text.counted(document.figures, 'figure')}, {text.counted(document.events, 'event')}"
    )
    line = " · ".join(parts)
    if document.url:
        line += f"\n<{text.clip(document.url, 300)}>"
    return line


def search_pages(
    query: str, figures: Sequence[Figure], events: Sequence[Event], documents: Documents
) -> list[discord.Embed]:
    entries = [figure_entry(f, documents, group="Figures") for f in figures]
    entries.extend(
        Entry(e.text, group="Events", inferred=e.inferred)
        for e in (event_entry(ev, documents) for ev in events)
    )
    return paginate(
        entries,
        title=f"Search: {text.clip(query, 200)}",
        footer=(
            f"{text.counted(len(figures), 'figure')} · {text.counted(len(events), 'event')}"
        ),
    )


def figure_pages(
    figure: Figure, document: DocumentSummary | None, original: Figure | None = None
) -> list[discord.Embed]:
    """One figure in full: the whole quote, its value, date, status and document; with
    ``original`` (shown to moderators) the extraction a correction replaced."""
    when = text.span(figure.date)
    if figure.date is not None:
        when += f" (the text says “{text.clip(figure.date.text, 200)}”)"
    details = [
        f"**Value:** {text.figure_value(figure)} ({figure.low:,}–{figure.high:,}, "
        f"{figure.qualifier.value.replace('_', ' ')})",
        f"**Metric:** {METRIC_WORDS[figure.metric]}"
        + (" (adds to an earlier figure)" if figure.additional else ""),
        f"**Subject:** {text.clip(figure.subject, 200)}",
        f"**Source:** {text.clip(text.source_name(figure.source), 200)}",
        f"**Date:** {when}",
        f"**Status:** {_status_words(figure.status)}",
    ]
    if original is not None and original != figure:
        details.append(f"**Original extraction:** {_original_line(original)}")
    if document is not None:
        details.append(f"**Document:** {document_line(document)}")
    details.append(f"**Document id:** `{text.clip(figure.document, 200)}`")
    entries = [
        Entry("> " + text.escape(figure.quote)),
        Entry("\n".join(details), inferred=text.is_inferred(figure.date)),
    ]
    return paginate(
        entries, title=f"Figure {figure.id}", footer="quoted verbatim from the document"
    )


def _original_line(figure: Figure) -> str:
    return " · ".join(
        (
            text.figure_value(figure),
            METRIC_WORDS[figure.metric],
            text.clip(figure.subject, 100),
            text.clip(text.source_name(figure.source), 100),
            text.span(figure.date),
        )
    )


def _status_words(status: Status) -> str:
    return {
        Status.AUTO: "extracted automatically, not yet reviewed",
        Status.VERIFIED: "✓ verified by a moderator",
        Status.CORRECTED: "corrected by this server's moderators",
        Status.HIDDEN: "hidden by a moderator",
    }[status]


def nothing_found(searched: str, suggestions: Sequence[str]) -> str:
    """The reply to an empty result: what was searched, and the closest terms there are."""
    message = f"Nothing found for {searched}."
    if suggestions:
        message += " Try: " + ", ".join(f"**{text.clip(s, 100)}**" for s in suggestions) + "."
    return message[:2000]
