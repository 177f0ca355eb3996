"""Documents named for people: “title — publisher, date”, never by the key they are stored
under. The one place that decides how a document is called, in answers, previews, alerts, the
audit log and autocomplete labels alike.

Metadata is often missing (a pasted text, a seed without front matter): then the publisher
alone, the address's site, the opening words of the text, or “untitled document”, each with
the publication date when there is one. Names are cut at a word boundary, never mid-word.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any
from urllib.parse import urlsplit

from bot.i18n import t
from bot.render.text import ELLIPSIS, DocumentLike, day, escape, strip_unsafe

TITLE_LIMIT = 80
PUBLISHER_LIMIT = 50
LEAD_LIMIT = 60
_LEAD_MARKUP = re.compile(r"^[\s#>*_~`=\-|]+")
_TRAILING = " ,;:—–-·|/"


def shorten(value: str, limit: int) -> str:
    """``value`` on one line within ``limit`` characters, cut after a whole word and ended
    with …; a single word longer than ``limit`` is the only thing ever cut inside."""
    flat = " ".join(strip_unsafe(value).split())
    if len(flat) <= limit:
        return flat
    cut = flat[: max(limit - len(ELLIPSIS), 1)]
    if flat[len(cut)] != " ":
        space = cut.rfind(" ")
        if space > 0:
            cut = cut[:space]
    return cut.rstrip(_TRAILING) + ELLIPSIS


def _site(url: str | None) -> str:
    if not url:
        return ""
    try:
        host = urlsplit(url.strip()).hostname or ""
    except ValueError:
        return ""
    return host.removeprefix("www.")


def _opening(lead: str | None) -> str:
    """The text's first line, as a stand-in for a missing title: “North Korea has sent…”."""
    for line in (lead or "").splitlines():
        words = _LEAD_MARKUP.sub("", line).strip()
        if words:
            return f"“{shorten(words, LEAD_LIMIT)}”"
    return ""


def document_label(document: DocumentLike | None, lang: object = "en") -> str:
    """A document as plain text (autocomplete labels, exports): “title — publisher, date”."""
    if document is None:
        return t(lang, "document.unknown")
    title = shorten(document.title, TITLE_LIMIT) if document.title else ""
    publisher = shorten(document.publisher, PUBLISHER_LIMIT) if document.publisher else ""
    if title and publisher and publisher.casefold() not in title.casefold():
        name = f"{title} — {publisher}"
    else:
        name = (
            title or publisher or _site(document.url) or _opening(document.lead)
            or t(lang, "document.untitled")
        )
    if document.published is not None:
        name += ", " + day(document.published, lang)
    return name


def document_name(document: DocumentLike | None, lang: object = "en") -> str:
    """A document named for Markdown (answers, previews, alerts, the audit log): its
    :func:`document_label` made inert."""
    return escape(document_label(document, lang))


#: The longest address an answer links a document's name to (a longer one is not linked).
LINK_URL_LIMIT = 500
_URL_UNSAFE = {ord(c): f"%{ord(c):02X}" for c in "()<>[] \"'`"}


def document_link(document: DocumentLike | None, lang: object = "en") -> str:
    """The document's name linked to its article, ``[name](url)``, where it has an http(s)
    address; else its name alone."""
    name = document_name(document, lang)
    url = (document.url or "").strip() if document is not None else ""
    if not url.lower().startswith(("http://", "https://")) or any(c.isspace() for c in url):
        return name
    safe = strip_unsafe(url).translate(_URL_UNSAFE)
    if len(safe) > LINK_URL_LIMIT:
        return name
    return f"[{name.replace('[', '(').replace(']', ')')}]({safe})"


@dataclass(frozen=True, slots=True)
class DescribedDocument:
    """A document known only by the fields an audit entry recorded of it."""

    title: str | None = None
    publisher: str | None = None
    url: str | None = None
    published: date | None = None
    lead: str | None = None


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) and value else None


def described(fields: Mapping[str, Any]) -> DescribedDocument:
    """A document from recorded fields (``document_fields`` in the store's moderation);
    anything malformed is left out rather than trusted."""
    try:
        published = date.fromisoformat(fields["published"]) if fields.get("published") else None
    except (TypeError, ValueError):
        published = None
    return DescribedDocument(
        title=_text(fields.get("title")),
        publisher=_text(fields.get("publisher")),
        url=_text(fields.get("url")),
        published=published,
        lead=_text(fields.get("lead")),
    )
