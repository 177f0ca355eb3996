"""What a reader of HTML or PDF gives back: the main text and the fields its metadata held."""

from __future__ import annotations

from dataclasses import dataclass, field

#: Front-matter fields a reader may fill (documents.py knows the first four; author is kept as
#: a meta field and names the document's own voice).
FIELDS = ("title", "publisher", "url", "published", "author")


@dataclass(frozen=True, slots=True)
class Reduced:
    """Main text (paragraphs separated by blank lines) and metadata, each field optional."""

    text: str
    fields: dict[str, str] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()
