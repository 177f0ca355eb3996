"""Mapping between model values and table rows: the only place that knows both shapes."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any, Literal

from bot.facts.model import (
    DateSpan,
    Event,
    Extraction,
    Figure,
    Metric,
    Period,
    PeriodKind,
    PeriodUnit,
    Precision,
    Qualifier,
    Voice,
)
from bot.facts.store.dialect import Row

IngestStatus = Literal["added", "replaced", "unchanged"]
#: Where a document came from: the seeds folder (which the start-up sync mirrors), the command
#: line (kept until removed), or a server's upload.
Origin = Literal["seeds", "cli", "upload"]

FIGURE_COLUMNS = (
    "id, document, position, metric, subject, low, high, qualifier, additional, source, "
    "date_text, date_start, date_end, date_precision, date_inferred, quote, span_start, span_end, "
    "period_text, period_kind, period_unit, period_count, voice"
)
EVENT_COLUMNS = (
    "id, document, position, date_text, date_start, date_end, date_precision, date_inferred, "
    "summary, quote, span_start, span_end"
)
DOCUMENT_COLUMNS = (
    "key, guild_id, title, publisher, url, published, pub_text, pub_start, pub_end, "
    "pub_precision, pub_inferred, meta, digest, text, words, ingested_at, updated_at, origin, "
    "bytes"
)

DateColumns = tuple[str | None, str | None, str | None, str | None, int | None]
PeriodColumns = tuple[str | None, str | None, str | None, int | None]
#: The period's columns, on figures and on overlays alike.
PERIOD_COLUMNS = ("period_text", "period_kind", "period_unit", "period_count")


def utc_now() -> str:
    """The time stamps of every table: UTC, ISO 8601, microseconds (they sort as text)."""
    return datetime.now(UTC).isoformat(timespec="microseconds")


@dataclass(frozen=True, slots=True)
class IngestResult:
    """What ingesting one document did.

    ``kept_ids``, ``new_ids`` and ``dropped_ids`` are figure ids compared with what was stored
    before; they are empty for an unchanged document, where nothing was written.
    """

    key: str
    status: IngestStatus
    figures: int
    events: int
    kept_ids: tuple[str, ...] = ()
    new_ids: tuple[str, ...] = ()
    dropped_ids: tuple[str, ...] = ()
    #: Moderator decisions moved from a dropped figure to its successor, and those that found
    #: none (one per server and figure).
    reattached: int = 0
    unattached: int = 0


@dataclass(frozen=True, slots=True)
class DocumentInfo:
    """A stored document without its text."""

    key: str
    guild_id: int | None
    title: str | None
    publisher: str | None
    url: str | None
    published: date | None
    publication: DateSpan | None
    digest: str
    words: int
    figures: int
    events: int
    ingested_at: datetime
    updated_at: datetime
    origin: Origin = "seeds"
    bytes: int = 0
    #: The start of the text, read only for a document without title, publisher and address.
    lead: str | None = None

    def to_json(self) -> dict[str, Any]:
        """The document record of the export contract, plus the owning guild (null: shared)."""
        return {
            "id": self.key,
            "title": self.title,
            "publisher": self.publisher,
            "url": self.url,
            "published": self.published.isoformat() if self.published else None,
            "sha256": self.digest,
            "words": self.words,
            "publication_date": self.publication.to_json() if self.publication else None,
            "guild_id": self.guild_id,
            "origin": self.origin,
        }


@dataclass(frozen=True, slots=True)
class NameCount:
    """A subject or claimant with how many visible figures and documents name it."""

    name: str
    figures: int
    documents: int


@dataclass(frozen=True, slots=True)
class StoreStats:
    documents: int
    figures: int
    events: int
    last_updated: datetime | None


def date_columns(span: DateSpan | None) -> DateColumns:
    if span is None:
        return (None, None, None, None, None)
    return (
        span.text,
        span.start.isoformat(),
        span.end.isoformat(),
        span.precision.value,
        int(span.inferred),
    )


def date_from(
    text: str | None,
    start: str | None,
    end: str | None,
    precision: str | None,
    inferred: int | None,
) -> DateSpan | None:
    if text is None or start is None or end is None or precision is None:
        return None
    return DateSpan(
        text=text,
        start=date.fromisoformat(start),
        end=date.fromisoformat(end),
        precision=Precision(precision),
        inferred=bool(inferred),
    )


def key_date(
    start: str | None, end: str | None, precision: str | None, inferred: int | None
) -> DateSpan | None:
    """An as-of date for a light figure key (without its words); a value no calendar has
    reads as undated rather than failing the answer."""
    if start is None or end is None or precision is None:
        return None
    try:
        return DateSpan(
            "", date.fromisoformat(start), date.fromisoformat(end), Precision(precision),
            bool(inferred),
        )  # fmt: skip
    except ValueError:
        return None


def period_columns(period: Period | None) -> PeriodColumns:
    if period is None:
        return (None, None, None, None)
    return (period.text, period.kind.value, period.unit.value, period.count)


def period_from(
    text: str | None, kind: str | None, unit: str | None, count: int | None
) -> Period | None:
    if text is None or kind is None or unit is None:
        return None
    return Period(text, PeriodKind(kind), PeriodUnit(unit), int(count or 1))


def document_params(
    extraction: Extraction,
    guild_id: int | None,
    origin: Origin,
    now: str,
    ingested_at: str | None = None,
) -> tuple[Any, ...]:
    doc = extraction.document
    return (
        doc.key,
        guild_id,
        doc.title,
        doc.publisher,
        doc.url,
        doc.published.isoformat() if doc.published else None,
        *date_columns(extraction.publication),
        json.dumps([list(pair) for pair in doc.meta], ensure_ascii=False),
        doc.digest,
        doc.text,
        len(doc.text.split()),
        ingested_at or now,
        now,
        origin,
        len(doc.text.encode("utf-8")),
    )


def figure_params(figure: Figure, position: int) -> tuple[Any, ...]:
    return (
        figure.id,
        figure.document,
        position,
        figure.metric.value,
        figure.subject,
        figure.low,
        figure.high,
        figure.qualifier.value,
        int(figure.additional),
        figure.source,
        *date_columns(figure.date),
        figure.quote,
        figure.span[0],
        figure.span[1],
        *period_columns(figure.period),
        figure.voice.value if figure.voice else None,
    )


def event_params(event: Event, position: int) -> tuple[Any, ...]:
    return (
        event.id,
        event.document,
        position,
        *date_columns(event.date),
        event.summary,
        event.quote,
        event.span[0],
        event.span[1],
    )


def figure_from_row(row: Row) -> Figure:
    return Figure(
        id=row["id"],
        document=row["document"],
        metric=Metric(row["metric"]),
        subject=row["subject"],
        low=row["low"],
        high=row["high"],
        qualifier=Qualifier(row["qualifier"]),
        additional=bool(row["additional"]),
        source=row["source"],
        date=date_from(
            row["date_text"],
            row["date_start"],
            row["date_end"],
            row["date_precision"],
            row["date_inferred"],
        ),
        quote=row["quote"],
        span=(row["span_start"], row["span_end"]),
        period=period_from(
            row["period_text"], row["period_kind"], row["period_unit"], row["period_count"]
        ),
        voice=Voice(row["voice"]) if row["voice"] else None,
    )


def event_from_row(row: Row) -> Event:
    span = date_from(
        row["date_text"],
        row["date_start"],
        row["date_end"],
        row["date_precision"],
        row["date_inferred"],
    )
    if span is None:
        raise ValueError(f"event {row['id']} has no date")
    return Event(
        id=row["id"],
        document=row["document"],
        date=span,
        summary=row["summary"],
        quote=row["quote"],
        span=(row["span_start"], row["span_end"]),
    )


def document_info_from_row(row: Row) -> DocumentInfo:
    return DocumentInfo(
        key=row["key"],
        guild_id=row["guild_id"],
        title=row["title"],
        publisher=row["publisher"],
        url=row["url"],
        published=date.fromisoformat(row["published"]) if row["published"] else None,
        publication=date_from(
            row["pub_text"],
            row["pub_start"],
            row["pub_end"],
            row["pub_precision"],
            row["pub_inferred"],
        ),
        digest=row["digest"],
        words=row["words"],
        figures=row["figure_count"],
        events=row["event_count"],
        ingested_at=datetime.fromisoformat(row["ingested_at"]),
        updated_at=datetime.fromisoformat(row["updated_at"]),
        origin=row["origin"],
        lead=row["lead"],
        bytes=row["bytes"],
    )
