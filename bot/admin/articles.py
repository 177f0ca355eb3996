"""A server's document from what a moderator gave: an attachment, an address or a pasted text.

Every way ends in the same :class:`Document` the extractor reads (HTML and PDF through the
readers of ``bot/intake``), with the moderator's own fields (``overrides``) winning over the
file's or page's metadata, and the same limits on the text. A failure raises
:class:`~bot.facts.documents.DocumentError` or an :class:`~bot.intake.errors.IntakeError` whose
message is the one-line reason the moderator reads; nothing is stored then.
"""

from __future__ import annotations

import asyncio
import dataclasses
import re
from collections.abc import Mapping

from bot.admin import uploads
from bot.facts.documents import DocumentError, parse_document
from bot.facts.model import Document
from bot.facts.store.quota import size_words
from bot.i18n import t
from bot.intake.addresses import checked_url
from bot.intake.article import document_from_bytes
from bot.intake.download import fetch_article, guild_key
from bot.intake.fetch import Fetcher, Kind
from bot.render.text import client_names

_SLUG_UNSAFE = re.compile(r"[^a-z0-9]+")
PASTE_NAME = "pasted.txt"
#: A key keeps 48 characters of a file name (``ingest.plan_upload``).
_SLUG_LENGTH = 48


def one_source(file_missing: bool, lang: str = "en") -> str:
    """Why /admin ingest needs exactly one source (a file or an address)."""
    key = "news.one_source.none" if file_missing else "news.one_source.both"
    return t(lang, key, **client_names(lang, "admin", "paste", options=("file", "url")))


def overrides_of(
    *,
    title: str | None = None,
    publisher: str | None = None,
    url: str | None = None,
    published: str | None = None,
    lang: str = "en",
) -> dict[str, str]:
    """The fields a moderator typed (blank ones left out), ``published`` checked as a date."""
    typed = {"title": title, "publisher": publisher, "url": url}
    fields = {name: value.strip() for name, value in typed.items() if value and value.strip()}
    when = uploads.published_date(published, lang) if published and published.strip() else None
    if when is not None:
        fields["published"] = when
    return fields


def _checked(document: Document, lang: str) -> Document:
    refusal = uploads.text_refusal(document, lang)
    if refusal is not None:
        raise DocumentError(refusal)
    return document


async def attachment_document(
    data: bytes, filename: str, kind: Kind, overrides: Mapping[str, str], lang: str = "en"
) -> Document:
    """An attachment's document; HTML and PDF are read in a worker thread."""
    kind = uploads.downloaded_kind(kind, data)
    limit = uploads.MAX_FILE_BYTES[kind]
    if len(data) > limit:
        raise DocumentError(t(lang, "news.file_too_large", limit=size_words(limit)))
    if kind in (Kind.TEXT, Kind.MARKDOWN):
        document = parse_document(data, filename, max_bytes=limit, overrides=overrides)
    else:
        document = await asyncio.to_thread(
            document_from_bytes, data, kind, filename, overrides=overrides
        )
    return _checked(document, lang)


async def address_document(
    fetcher: Fetcher, guild_id: int, url: str, overrides: Mapping[str, str], lang: str = "en"
) -> Document:
    """The article at ``url``, downloaded through the guarded fetcher, under the key made from
    the address (the key a feed entry linking to it gets too). The address the moderator typed
    is the document's ``url``, unless they typed another one."""
    url = url.strip()
    checked_url(url)
    fields = {"url": url, **overrides}
    document, _ = await fetch_article(fetcher, url, key=guild_key(guild_id, url), overrides=fields)
    return _checked(document, lang)


def pasted_document(text: str, overrides: Mapping[str, str], lang: str = "en") -> Document:
    """A text pasted into the /admin paste form, named after its title."""
    document = parse_document(
        text.encode("utf-8"), paste_name(overrides.get("title")), overrides=overrides
    )
    return _checked(document, lang)


def paste_name(title: str | None) -> str:
    """``seoul-reports-fresh-losses.txt`` for a title, ``pasted.txt`` without one."""
    slug = _SLUG_UNSAFE.sub("-", (title or "").lower()).strip("-")
    if len(slug) > _SLUG_LENGTH:  # cut at a word: the 49th character may be its hyphen
        slug = slug[: _SLUG_LENGTH + 1].rsplit("-", 1)[0] or slug[:_SLUG_LENGTH]
    return f"{slug}.txt" if slug else PASTE_NAME


def keyed(document: Document, key: str) -> Document:
    return dataclasses.replace(document, key=key)
