"""Text, Markdown, HTML or PDF bytes -> one :class:`Document`, the kind the extractor reads.

Every kind goes through ``documents.parse_document``: HTML and PDF are reduced to their main text
and the fields their metadata hold, written as a front-matter block above that text, and parsed
like an uploaded text file. So size limits, normalisation, warnings and the moderator's own
values (``overrides``, which win over everything) work the same for every kind. Fields are taken,
in order of trust: what the moderator typed, the document's own metadata, then ``hints`` (what a
feed entry said about the article), then the address it was fetched from.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
from collections.abc import Mapping
from pathlib import Path
from urllib.parse import urlsplit

from bot.facts.documents import MAX_BYTES, DocumentError, parse_document
from bot.facts.model import Document
from bot.intake.errors import NotAnArticleError, TooLargeError, UnsupportedTypeError
from bot.intake.fetch import Fetched, Kind
from bot.intake.pdf import MAX_PDF_BYTES, read_pdf
from bot.intake.reduced import FIELDS, Reduced
from bot.intake.webpage import MAX_HTML_BYTES, read_html

#: File suffixes and the kind of document they hold.
SUFFIX_KINDS = {
    ".txt": Kind.TEXT,
    ".md": Kind.MARKDOWN,
    ".markdown": Kind.MARKDOWN,
    ".html": Kind.HTML,
    ".htm": Kind.HTML,
    ".xhtml": Kind.HTML,
    ".pdf": Kind.PDF,
}
MAX_INPUT_BYTES = {
    Kind.TEXT: MAX_BYTES,
    Kind.MARKDOWN: MAX_BYTES,
    Kind.HTML: MAX_HTML_BYTES,
    Kind.PDF: MAX_PDF_BYTES,
}
_FIELD_LIMIT = 300
_FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\r?\n")
_KEY_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def document_from_bytes(
    data: bytes,
    kind: Kind,
    key: str,
    *,
    charset: str | None = None,
    url: str | None = None,
    overrides: Mapping[str, str] | None = None,
    hints: Mapping[str, str] | None = None,
) -> Document:
    """The document ``data`` holds; raises :class:`DocumentError` or an ``IntakeError``."""
    limit = MAX_INPUT_BYTES.get(kind)
    if limit is None:
        raise UnsupportedTypeError(f"unsupported type: {kind.value} is not a document")
    if len(data) > limit:
        raise TooLargeError(f"too large: over the limit of {limit // (1024 * 1024)} MB")
    if kind in (Kind.TEXT, Kind.MARKDOWN):
        return _text_document(data, key, charset, url, overrides, hints)
    reduced = read_html(data, url=url) if kind is Kind.HTML else read_pdf(data)
    return _reduced_document(reduced, key, url, overrides, hints)


def document_from_fetched(
    fetched: Fetched,
    key: str,
    *,
    overrides: Mapping[str, str] | None = None,
    hints: Mapping[str, str] | None = None,
) -> Document:
    if fetched.kind is None:
        raise NotAnArticleError("not an article: nothing was downloaded")
    return document_from_bytes(
        fetched.body,
        fetched.kind,
        key,
        charset=fetched.charset,
        url=fetched.url,
        overrides=overrides,
        hints=hints,
    )


def read_file(path: Path, key: str | None = None) -> Document:
    """A .txt, .md, .html or .pdf file as a document; its size is checked before reading."""
    kind = SUFFIX_KINDS.get(path.suffix.lower())
    if kind is None:
        raise UnsupportedTypeError(
            f"unsupported type: {path.suffix or 'no suffix'}; use .txt, .md, .html or .pdf"
        )
    limit = MAX_INPUT_BYTES[kind]
    try:
        size = path.stat().st_size
        if size > limit:
            raise TooLargeError(f"too large: over the limit of {limit // (1024 * 1024)} MB")
        with path.open("rb") as handle:
            data = handle.read(limit + 1)
    except FileNotFoundError:
        raise DocumentError(f"file not found: {path}") from None
    except OSError as exc:
        raise DocumentError(f"cannot read {path}: {exc.strerror or exc}") from None
    return document_from_bytes(data, kind, key if key is not None else path.name)


def key_for_url(url: str) -> str:
    """A readable, stable document key for an article address: host and path, shortened, with
    a hash of the whole address so that two addresses never share a key."""
    parts = urlsplit(url)
    host = (parts.hostname or "web").removeprefix("www.")
    path = _KEY_UNSAFE.sub("-", parts.path.strip("/")).strip("-.") or "index"
    digest = hashlib.sha256(url.encode("utf-8")).hexdigest()[:8]
    name = f"{host}/{path}"
    if len(name) > 80:
        name = name[:80].rstrip("-./")
    return f"{name}-{digest}"


def _text_document(
    data: bytes,
    key: str,
    charset: str | None,
    url: str | None,
    overrides: Mapping[str, str] | None,
    hints: Mapping[str, str] | None,
) -> Document:
    if charset and charset.lower().replace("_", "-") not in ("utf-8", "utf8", "us-ascii"):
        try:
            data = data.decode(charset).encode("utf-8")
        except (LookupError, UnicodeDecodeError):
            raise DocumentError(
                f"not readable as the {charset[:30]} text its server declared"
            ) from None
    if _FRONT_MATTER.match(data[:16].decode("utf-8", "ignore")) or not (hints or url):
        return parse_document(data, key, overrides=_overrides(overrides))
    fields = {**_fallbacks(url), **_clean(hints)}
    return _with_front_matter(data.decode("utf-8", "replace"), fields, key, overrides, ())


def _reduced_document(
    reduced: Reduced,
    key: str,
    url: str | None,
    overrides: Mapping[str, str] | None,
    hints: Mapping[str, str] | None,
) -> Document:
    fields = {**_fallbacks(url), **_clean(hints), **_clean(reduced.fields)}
    return _with_front_matter(reduced.text, fields, key, overrides, reduced.warnings)


def _with_front_matter(
    body: str,
    fields: Mapping[str, str],
    key: str,
    overrides: Mapping[str, str] | None,
    warnings: tuple[str, ...],
) -> Document:
    front = "".join(f"{name}: {fields[name]}\n" for name in FIELDS if fields.get(name))
    data = f"---\n{front}---\n{body}".encode()
    limit = MAX_BYTES + len(front.encode()) + 8
    document = parse_document(data, key, max_bytes=limit, overrides=_overrides(overrides))
    if warnings:
        document = dataclasses.replace(document, warnings=document.warnings + warnings)
    return document


def _fallbacks(url: str | None) -> dict[str, str]:
    if not url:
        return {}
    host = (urlsplit(url).hostname or "").removeprefix("www.")
    return {"url": url, **({"publisher": host} if host else {})}


def _clean(fields: Mapping[str, str] | None) -> dict[str, str]:
    """One-line values a front-matter block can hold, at most ``_FIELD_LIMIT`` characters."""
    cleaned: dict[str, str] = {}
    for name, value in (fields or {}).items():
        if name not in FIELDS or not isinstance(value, str):
            continue
        one_line = " ".join(value.split())[:_FIELD_LIMIT].strip()
        if one_line and one_line != "---":
            cleaned[name] = one_line
    return cleaned


def _overrides(overrides: Mapping[str, str] | None) -> dict[str, str] | None:
    if not overrides:
        return None
    return {k: v for k, v in overrides.items() if v is not None and v.strip()}
