"""The fact model: documents, figures, events and the dates they carry.

Everything here is a frozen value. ``to_json`` gives the records other tools rely on: what
``python -m bot extract --json`` and ``export --format json`` print, with exactly these keys for
a figure (the gold files use the same names).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any


class Metric(StrEnum):
    DEPLOYED = "deployed"
    KILLED = "killed"
    WOUNDED = "wounded"
    CASUALTIES = "casualties"
    CAPTURED = "captured"
    MISSING = "missing"


CASUALTY_METRICS = (
    Metric.KILLED,
    Metric.WOUNDED,
    Metric.CASUALTIES,
    Metric.CAPTURED,
    Metric.MISSING,
)


class Qualifier(StrEnum):
    EXACT = "exact"
    AT_LEAST = "at_least"
    AT_MOST = "at_most"
    ABOUT = "about"
    RANGE = "range"


class Status(StrEnum):
    AUTO = "auto"
    VERIFIED = "verified"
    CORRECTED = "corrected"
    HIDDEN = "hidden"


class Precision(StrEnum):
    DAY = "day"
    MONTH = "month"
    YEAR = "year"


class PeriodKind(StrEnum):
    RATE = "rate"  # "1,500 a day", "30,000 per month": a count per unit
    WINDOW = "window"  # "in the last 60 days", "this year alone": a count over a window


class PeriodUnit(StrEnum):
    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    YEAR = "year"


class Voice(StrEnum):
    """How a figure's claimant was found, so that answers tell a cited claimant from the
    document speaking for itself."""

    CITED = "cited"  # named in the sentence, or referred to from it ("he", "the agency")
    SPEAKER = "speaker"  # a transcript or debate speaker's own words (the current label)
    DOCUMENT = "document"  # the document's own voice: title, front matter, else the publisher


#: The ``text`` of an "as of" date taken from the document's publication date.
PUBLICATION_DATE_TEXT = "publication date"


@dataclass(frozen=True, slots=True)
class DateSpan:
    """A period a figure or event refers to, at the precision the text gives."""

    text: str
    start: date
    end: date
    precision: Precision
    inferred: bool = False

    @property
    def from_publication(self) -> bool:
        """Whether this is the document's publication date standing in as an "as of" date."""
        return self.text == PUBLICATION_DATE_TEXT

    def to_json(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "precision": self.precision.value,
            "inferred": self.inferred,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> DateSpan:
        return cls(
            text=str(data["text"]),
            start=date.fromisoformat(data["start"]),
            end=date.fromisoformat(data["end"]),
            precision=Precision(data["precision"]),
            inferred=bool(data["inferred"]),
        )


@dataclass(frozen=True, slots=True)
class Period:
    """The unit of time a rate counts per, or the window a count covers; a figure without one
    is a cumulative total. Rates are never ranged or compared with totals."""

    text: str  # as written: "a day", "per month", "in the last 60 days"
    kind: PeriodKind
    unit: PeriodUnit
    count: int = 1  # "in the last 60 days": unit DAY, count 60; "a day": DAY, 1

    def to_json(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "kind": self.kind.value,
            "unit": self.unit.value,
            "count": self.count,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Period:
        return cls(
            text=str(data["text"]),
            kind=PeriodKind(data["kind"]),
            unit=PeriodUnit(data["unit"]),
            count=int(data["count"]),
        )


#: How much of a document's text stands in for its missing title (its first line, shortened).
LEAD_CHARACTERS = 200


@dataclass(frozen=True, slots=True)
class Document:
    """A decoded, normalised news document.

    ``key`` is the document's identity (its file name, or a name given at upload) and survives
    edits of the text; ``digest`` identifies the exact text.
    """

    key: str
    text: str
    title: str | None = None
    publisher: str | None = None
    url: str | None = None
    published: date | None = None
    meta: tuple[tuple[str, str], ...] = ()
    warnings: tuple[str, ...] = ()

    @property
    def digest(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    @property
    def lead(self) -> str:
        """The start of the text: what names a document that has no title (bot/render/naming)."""
        return self.text[:LEAD_CHARACTERS]

    def meta_value(self, name: str) -> str | None:
        """A front-matter field kept in ``meta`` ("speaker", "author"), or None."""
        return next((value for key, value in self.meta if key == name and value), None)

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.key,
            "title": self.title,
            "publisher": self.publisher,
            "url": self.url,
            "published": self.published.isoformat() if self.published else None,
            "sha256": self.digest,
            "words": len(self.text.split()),
        }


@dataclass(frozen=True, slots=True)
class Figure:
    """One claim about a number of people, traceable to its sentence."""

    id: str
    document: str
    metric: Metric
    subject: str
    low: int
    high: int
    qualifier: Qualifier
    additional: bool
    source: str | None
    date: DateSpan | None
    quote: str
    span: tuple[int, int]
    status: Status = Status.AUTO
    period: Period | None = None  # None for a cumulative total
    voice: Voice | None = None  # None exactly when ``source`` is None

    def to_json(self) -> dict[str, Any]:
        """The export record; ``voice`` is not one of its keys (answers show it)."""
        return {
            "id": self.id,
            "document": self.document,
            "metric": self.metric.value,
            "subject": self.subject,
            "low": self.low,
            "high": self.high,
            "qualifier": self.qualifier.value,
            "additional": self.additional,
            "source": self.source,
            "date": self.date.to_json() if self.date else None,
            "quote": self.quote,
            "span": [self.span[0], self.span[1]],
            "status": self.status.value,
            "period": self.period.to_json() if self.period else None,
        }


@dataclass(frozen=True, slots=True)
class Event:
    """A dated thing that happened, with the sentence that says so."""

    id: str
    document: str
    date: DateSpan
    summary: str
    quote: str
    span: tuple[int, int]

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "document": self.document,
            "date": self.date.to_json(),
            "summary": self.summary,
            "quote": self.quote,
            "span": [self.span[0], self.span[1]],
        }


@dataclass(frozen=True, slots=True)
class Extraction:
    document: Document
    figures: tuple[Figure, ...] = ()
    events: tuple[Event, ...] = ()
    publication: DateSpan | None = field(default=None)

    def to_json(self) -> dict[str, Any]:
        doc = self.document.to_json()
        doc["publication_date"] = self.publication.to_json() if self.publication else None
        return {
            "document": doc,
            "figures": [f.to_json() for f in self.figures],
            "events": [e.to_json() for e in self.events],
        }


def short_id(*parts: str) -> str:
    """A typeable id (8 lower-case base32 characters) hashed from ``parts``.

    Figure ids hash the document key, the sentence text and the value, never offsets, so they stay
    put while that sentence and value are unchanged, however the rest of the document moves.
    """
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).digest()
    # The first 40 bits in lower-case base32 (RFC 4648 alphabet), eight characters.
    bits = int.from_bytes(digest[:5], "big")
    return "".join(_BASE32[(bits >> shift) & 31] for shift in range(35, -1, -5))


_BASE32 = "abcdefghijklmnopqrstuvwxyz234567"
