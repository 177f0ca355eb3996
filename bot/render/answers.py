"""Rendered rows (a figure's or event's entry, a source's or document's line) and the answers
rendered whole: /search results and one figure in full for /figure."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Protocol

import discord

from bot.facts.model import CASUALTY_METRICS, Event, Figure, Metric, Qualifier
from bot.i18n import t
from bot.render import text
from bot.render.naming import document_link, document_name
from bot.render.pages import Entry, paginate
from bot.render.text import DocumentLike

#: How much of a quote a listing shows before pointing to /figure for the rest.
LIST_QUOTE_LIMIT = 300

METRIC_ORDER = {m: i for i, m in enumerate((*CASUALTY_METRICS, Metric.DEPLOYED))}

Documents = Mapping[str, DocumentLike]


def metric_words(metric: Metric, lang: object = "en") -> str:
    """A metric as answers name it: "casualties (killed or wounded)", "загиблі", "사망"."""
    return t(lang, f"metric.{metric.value}")


def figure_line(
    figure: Figure,
    documents: Documents,
    lang: object = "en",
    *,
    link: bool = False,
    cite: bool = True,
) -> str:
    """Value, source, date, where it was published (with ``link``, the document's name links
    to its article; without ``cite``, left to /figure), the /figure id and any moderator
    mark."""
    document = documents.get(figure.document)
    parts = [
        f"**{text.figure_value(figure, lang)}**",
        text.clip(text.source_name(figure.source, lang), 100),
        text.span(figure.date, lang),
    ]
    if cite:
        parts.append(document_link(document, lang) if link else document_name(document, lang))
    parts.append(text.figure_command(figure.id, lang))
    mark = text.status_mark(figure.status, lang)
    if mark:
        parts.append(f"**{mark}**")
    return " · ".join(parts)


def figure_entry(
    figure: Figure,
    documents: Documents,
    group: str | None,
    quote_limit: int = LIST_QUOTE_LIMIT,
    lang: object = "en",
) -> Entry:
    quote = text.quote(figure.quote, quote_limit, figure.id, lang)
    return Entry(
        f"{figure_line(figure, documents, lang)}\n> {quote}",
        group=group,
        inferred=text.is_inferred(figure.date),
    )


#: Sources named under a merged event before the rest are counted.
EVENT_SOURCES_SHOWN = 4


def event_entry(
    event: Event, documents: Documents, quote_limit: int = LIST_QUOTE_LIMIT, lang: object = "en"
) -> Entry:
    """One event with its quote (search results, the ingest preview)."""
    return merged_event_entry([event], documents, quote_limit, lang, quotes=True)


def merged_event_entry(
    events: Sequence[Event],
    documents: Documents,
    quote_limit: int = LIST_QUOTE_LIMIT,
    lang: object = "en",
    *,
    quotes: bool = False,
    more: int = 0,
) -> Entry:
    """An event as its headline and date, then the documents that report it (``more``
    reports beyond ``events`` are counted); with ``quotes``, the sentence of each report, so
    a reader can check the headline."""
    first = events[0]
    names: list[str] = []
    for event in events:
        name = document_name(documents.get(event.document), lang)
        if name not in names:
            names.append(name)
    shown = " · ".join(names[:EVENT_SOURCES_SHOWN])
    more += max(len(names) - EVENT_SOURCES_SHOWN, 0)
    if more:
        shown += " " + t(lang, "timeline.more_sources", n=more)
    lines = [f"**{text.span(first.date, lang)}** · {text.clip(first.summary, 200)}"]
    lines.append(t(lang, "timeline.reported_by", sources=shown))
    if quotes:
        seen: set[str] = set()
        for event in events:
            if event.quote not in seen and len(seen) < EVENT_SOURCES_SHOWN:
                seen.add(event.quote)
                lines.append("> " + text.quote(event.quote, quote_limit))
    return Entry(
        "\n".join(lines),
        group=str(first.date.start.year),
        inferred=any(e.date.inferred for e in events),
    )


def source_line(name: str, figures: int, documents: int, lang: object = "en") -> str:
    return t(
        lang,
        "sources.line",
        name=f"**{text.clip(name, 200)}**",
        figures=text.counted(figures, "figure", lang),
        documents=text.counted(documents, "document", lang),
    )


class DocumentSummary(DocumentLike, Protocol):
    """A listed document: a citation's needs plus its key and what was extracted from it."""

    @property
    def key(self) -> str: ...
    @property
    def figures(self) -> int: ...
    @property
    def events(self) -> int: ...


def document_line(document: DocumentSummary, lang: object = "en") -> str:
    parts = [f"**{document_name(document, lang)}**"]
    parts.append(
        f"{text.counted(document.figures, 'figure', lang)},"
        f" {text.counted(document.events, 'event', lang)}"
    )
    line = " · ".join(parts)
    if document.url:
        line += f"\n<{text.clip(document.url, 300)}>"
    return line


def search_pages(
    query: str,
    figures: Sequence[Figure],
    events: Sequence[Event],
    documents: Documents,
    lang: object = "en",
) -> list[discord.Embed]:
    figures_group, events_group = t(lang, "search.figures"), t(lang, "search.events")
    entries = [figure_entry(f, documents, figures_group, lang=lang) for f in figures]
    entries.extend(
        Entry(e.text, group=events_group, inferred=e.inferred)
        for e in (event_entry(ev, documents, lang=lang) for ev in events)
    )
    return paginate(
        entries,
        title=t(lang, "search.title", query=text.clip(query, 200)),
        footer=(
            f"{text.counted(len(figures), 'figure', lang)}"
            f" · {text.counted(len(events), 'event', lang)}"
        ),
        lang=lang,
    )


def figure_pages(
    figure: Figure,
    document: DocumentSummary | None,
    original: Figure | None = None,
    lang: object = "en",
) -> list[discord.Embed]:
    """One figure in full: the whole quote, its value, date, status and document; with
    ``original`` (shown to moderators) the extraction a correction replaced."""
    when = text.span(figure.date, lang)
    if figure.date is not None:
        when += " " + t(lang, "figure.text_says", date=text.clip(figure.date.text, 200))
    metric = metric_words(figure.metric, lang)
    if figure.additional:
        metric += " " + t(lang, "figure.adds")
    labelled = (
        ("figure.value", _value_in_full(figure, lang)),
        ("figure.metric", metric),
        ("figure.subject", text.subject_name(figure.subject, lang)),
        ("figure.source", text.clip(text.source_name(figure.source, lang), 200)),
        ("figure.date", when),
        ("figure.status", t(lang, f"status.{figure.status.value}")),
    )
    details = [f"**{t(lang, label)}:** {shown}" for label, shown in labelled]
    if original is not None and original != figure:
        details.append(f"**{t(lang, 'figure.original')}:** {_original_line(original, lang)}")
    if document is not None:
        details.append(f"**{t(lang, 'figure.document')}:** {document_line(document, lang)}")
    entries = [
        Entry("> " + text.escape(figure.quote)),
        Entry("\n".join(details), inferred=text.is_inferred(figure.date)),
    ]
    return paginate(
        entries,
        title=t(lang, "figure.title", id=figure.id),
        footer=t(lang, "figure.verbatim"),
        lang=lang,
    )


def _value_in_full(figure: Figure, lang: object) -> str:
    """The value as listings show it, with what they leave unsaid: the range of a vague or
    additional amount when the value does not show it, and that an unqualified number is exact.
    Nothing is said twice ("up to 10,000", never "up to 10,000 (10,000–10,000, at most)")."""
    shown = text.figure_value(figure, lang)
    said: list[str] = []
    if figure.low != figure.high:
        span = f"{text.count(figure.low, lang)}{text.DASH}{text.count(figure.high, lang)}"
        if span not in shown:
            said.append(span)
    if figure.qualifier is Qualifier.EXACT:
        said.append(text.qualifier_name(figure.qualifier, lang))
    return f"{shown} ({', '.join(said)})" if said else shown


def _original_line(figure: Figure, lang: object) -> str:
    return " · ".join(
        (
            text.figure_value(figure, lang),
            metric_words(figure.metric, lang),
            text.subject_name(figure.subject, lang),
            text.clip(text.source_name(figure.source, lang), 100),
            text.span(figure.date, lang),
        )
    )


def nothing_found(searched: str, suggestions: Sequence[str], lang: object = "en") -> str:
    """The reply to an empty result: what was searched, and the closest terms there are."""
    message = t(lang, "nothing.found", searched=searched)
    if suggestions:
        tried = ", ".join(f"**{text.clip(s, 100)}**" for s in suggestions)
        message += " " + t(lang, "nothing.try", suggestions=tried)
    return message[:2000]
