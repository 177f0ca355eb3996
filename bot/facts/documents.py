"""Bytes or a file -> :class:`Document`: size limit, decoding, normalisation, front matter.

Everything that can be wrong with an input is either a :class:`DocumentError` (the input cannot be a
news document: nothing is stored) or a warning kept on the document (a front-matter value the
parser could not use). All character offsets used later index ``Document.text``, so every
normalisation happens here, once, before the body is cut out.
"""

from __future__ import annotations

import calendar
import re
import stat
import unicodedata
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

from bot.facts.model import PUBLICATION_DATE_TEXT, DateSpan, Document, Precision

MAX_BYTES = 2 * 1024 * 1024

KNOWN_FIELDS = ("title", "publisher", "url", "published")

# A document with more than this share of C0 control bytes (other than tab, newlines and form
# feeds) is taken to be binary even when it has no NUL byte.
_CONTROL_SHARE_LIMIT = 0.05
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (0x09, 0x0A, 0x0B, 0x0C, 0x0D)) + b"\x7f"

_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")

# Zero-width characters vanish, no-break spaces become spaces, other control characters vanish.
# Vertical tab, form feed and the Unicode line/paragraph separators end a line: dropping them
# would glue two pages or paragraphs into one sentence.
_TRANSLATION: dict[int, str | None] = {
    **{c: None for c in range(32) if c not in (0x09, 0x0A)},
    0x0B: "\n",
    0x0C: "\n",
    0x7F: None,
    0x85: "\n",
    0x2028: "\n",
    0x2029: "\n\n",
    0x200B: None,
    0x200C: None,
    0x200D: None,
    0x2060: None,
    0xFEFF: None,
    0x00A0: " ",
    0x202F: " ",
    0x2007: " ",
}

_FRONT_MATTER_OPEN = re.compile(r"---[ \t]*\n")
_FRONT_MATTER_CLOSE = re.compile(r"^---[ \t]*$", re.MULTILINE)
_FIELD_LINE = re.compile(r"\s*([A-Za-z_][\w.-]*)\s*:(.*)")
_LEADING_BLANK_LINES = re.compile(r"(?:[ \t]*\n)+")
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
# "2025", "2025-02", "2026-01/02", "2024-10-30", each maybe followed by a remark.
_LOOSE_DATE = re.compile(
    r"(?P<y>\d{4})(?:-(?P<m>\d{1,2})(?:/(?P<m2>\d{1,2}))?(?:-(?P<d>\d{1,2}))?)?(?![\d/-])"
)
# A remark after the date that says it is not the document's own statement of it.
_INFERRED_REMARK = re.compile(
    r"\b(?:approx\w*|inferred|not\s+stated|estimated|uncertain|circa|about|around|probably"
    r"|likely)\b|\?",
    re.IGNORECASE,
)
_ISO_DATETIME_REST = re.compile(r"(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?")


class DocumentError(ValueError):
    """The input cannot be taken as a news document; ``str(e)`` says why in one line."""


def parse_document(
    data: bytes,
    key: str,
    *,
    max_bytes: int = MAX_BYTES,
    overrides: Mapping[str, str] | None = None,
) -> Document:
    """Decode, normalise and split ``data`` into front matter and body.

    ``overrides`` (title, publisher, url, published) replace the front-matter values; they were
    typed by a person, so a malformed one raises instead of becoming a warning.
    """
    if len(data) > max_bytes:
        raise DocumentError(f"too large: {_size(len(data))}, the limit is {_size(max_bytes)}")
    if not data.strip():
        raise DocumentError("empty document" if not data else "empty document: only whitespace")
    _refuse_binary(data)
    try:
        raw = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DocumentError(
            f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start})"
        ) from None

    text = normalise_text(raw)
    warnings: list[str] = []
    fields, body, had_front_matter = _split_front_matter(text, warnings)
    body = body[_leading_blank_end(body) :].rstrip()
    if not body:
        if had_front_matter:
            raise DocumentError("empty document: only front matter, no text")
        raise DocumentError("empty document: only whitespace")

    values = _known_values(fields, warnings)
    if overrides:
        values.update(_override_values(overrides))
    published = values.get("published")
    kept = {k: v for k, v in fields.items() if k not in KNOWN_FIELDS}
    raw_published = fields.get("published", "")
    if raw_published and not (overrides or {}).get("published", "").strip() and (
        not _is_plain_date(raw_published) and publication_span(raw_published) is not None
    ):
        kept[PUBLISHED_AS_WRITTEN] = raw_published  # "2025-02 (approx.)": read by the extractor
    return Document(
        key=key,
        text=body,
        title=_as_str(values.get("title")),
        publisher=_as_str(values.get("publisher")),
        url=_as_str(values.get("url")),
        published=published if isinstance(published, date) else None,
        meta=tuple(sorted(kept.items())),
        warnings=tuple(warnings),
    )


#: The meta key that keeps a front-matter ``published`` value that is not a plain date
#: ("2025-02 (approx.)", "2024-10-30 (inferred from ...)"), for :func:`document_publication`.
PUBLISHED_AS_WRITTEN = "published_as_written"


def publication_span(value: str) -> DateSpan | None:
    """A front-matter ``published`` value read leniently: the date part at the precision it
    gives ("2025" a year, "2025-02" a month, "2026-01/02" two months, "2024-10-30" a day), and
    inferred when a remark says it is approximate or inferred. None when no date leads it."""
    match = _LOOSE_DATE.match(value.strip())
    if match is None:
        return None
    year = int(match.group("y"))
    month, last_month, day = (
        int(match.group(g)) if match.group(g) else None for g in ("m", "m2", "d")
    )
    try:
        if month is None:
            start, end, precision = date(year, 1, 1), date(year, 12, 31), Precision.YEAR
        elif day is not None and last_month is None:
            start = end = date(year, month, day)
            precision = Precision.DAY
        else:
            last = last_month or month
            if not month <= last <= 12:
                return None
            start = date(year, month, 1)
            end = date(year, last, calendar.monthrange(year, last)[1])
            precision = Precision.MONTH
    except ValueError:
        return None
    if not 1900 <= year <= 2100:
        return None
    remark = value.strip()[match.end() :]
    inferred = _INFERRED_REMARK.search(remark) is not None
    return DateSpan(PUBLICATION_DATE_TEXT, start, end, precision, inferred)


def _is_plain_date(value: str) -> bool:
    match = _ISO_DATE.match(value)
    return match is not None and _ISO_DATETIME_REST.fullmatch(value, match.end()) is not None


def document_publication(document: Document) -> DateSpan | None:
    """The publication date the front matter gives, at its precision: the plain date, or the
    value as written when it was a month, a year or an annotated date."""
    written = document.meta_value(PUBLISHED_AS_WRITTEN)
    if written is not None:
        return publication_span(written)
    if document.published is not None:
        day = document.published
        return DateSpan(PUBLICATION_DATE_TEXT, day, day, Precision.DAY)
    return None


def read_document(path: Path, *, key: str | None = None, max_bytes: int = MAX_BYTES) -> Document:
    """Read and parse the file at ``path``; its size is checked before a byte is read."""
    try:
        info = path.stat()
    except FileNotFoundError:
        raise DocumentError(f"file not found: {path}") from None
    except OSError as exc:
        raise DocumentError(f"cannot read {path}: {exc.strerror or exc}") from None
    if not stat.S_ISREG(info.st_mode):
        raise DocumentError(f"not a regular file: {path}")
    if info.st_size > max_bytes:
        raise DocumentError(f"too large: {_size(info.st_size)}, the limit is {_size(max_bytes)}")
    try:
        with path.open("rb") as handle:
            # One byte more than allowed: a file that grew since stat() is still caught.
            data = handle.read(max_bytes + 1)
    except FileNotFoundError:
        raise DocumentError(f"file not found: {path}") from None
    except OSError as exc:
        raise DocumentError(f"cannot read {path}: {exc.strerror or exc}") from None
    if len(data) > max_bytes:
        raise DocumentError(f"too large: over the limit of {_size(max_bytes)}")
    return parse_document(data, key if key is not None else path.name, max_bytes=max_bytes)


def normalise_text(raw: str) -> str:
    """Line ends to LF, NFC, no zero-width characters, plain spaces, no stray control characters."""
    text = raw.replace("\r\n", "\n").replace("\r", "\n")
    text = text.translate(_TRANSLATION)
    if unicodedata.is_normalized("NFC", text):
        return text
    return unicodedata.normalize("NFC", text)


def parse_published(value: str) -> date:
    """A strict ``YYYY-MM-DD`` (an ISO timestamp is accepted too); raises ValueError otherwise."""
    value = value.strip()
    match = _ISO_DATE.match(value)
    if not match or not _ISO_DATETIME_REST.fullmatch(value, match.end()):
        raise ValueError(f"published date must be YYYY-MM-DD, got {value!r}")
    return _iso_date(match)


def _refuse_binary(data: bytes) -> None:
    if data.startswith(_UTF16_BOMS):
        raise DocumentError("not a text document: it is UTF-16 encoded; save it as UTF-8")
    if b"\x00" in data:
        raise DocumentError("not a text document: it contains binary data")
    controls = len(data) - len(data.translate(None, _CONTROL_BYTES))
    if controls > _CONTROL_SHARE_LIMIT * len(data):
        raise DocumentError("not a text document: it contains binary data")


def _leading_blank_end(body: str) -> int:
    match = _LEADING_BLANK_LINES.match(body)
    return match.end() if match else 0


def _split_front_matter(text: str, warnings: list[str]) -> tuple[dict[str, str], str, bool]:
    """(fields, body, whether a closed front-matter block was there)."""
    opening = _FRONT_MATTER_OPEN.match(text)
    if not opening:
        return {}, text, False
    closing = _FRONT_MATTER_CLOSE.search(text, opening.end())
    if not closing:
        warnings.append("front matter is not closed by a '---' line; the whole text is the body")
        return {}, text, False
    fields: dict[str, str] = {}
    block = text[opening.end() : closing.start()]
    for number, line in enumerate(block.split("\n"), start=2):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        match = _FIELD_LINE.fullmatch(line)
        if not match:
            warnings.append(f"front matter line {number} is not 'key: value'; ignored")
            continue
        name = match.group(1).lower()
        if name in fields:
            warnings.append(f"front matter repeats {name!r}; the last value is used")
        fields[name] = _unquote(match.group(2).strip())
    return fields, text[closing.end() :].removeprefix("\n"), True


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1].strip()
    return value


def _known_values(fields: Mapping[str, str], warnings: list[str]) -> dict[str, str | date | None]:
    values: dict[str, str | date | None] = {}
    for name in ("title", "publisher"):
        if fields.get(name):
            values[name] = fields[name]
    url = fields.get("url")
    if url:
        if _is_web_url(url):
            values["url"] = url
        else:
            warnings.append(f"url {_shorten(url)} is not an http(s) address; ignored")
    published = fields.get("published")
    if published:
        values["published"] = _lenient_published(published, warnings)
    return values


def _lenient_published(value: str, warnings: list[str]) -> date | None:
    match = _ISO_DATE.match(value)
    if match:
        try:
            day = _iso_date(match)
        except ValueError:
            warnings.append(f"published {_shorten(value)} is not a real date; ignored")
            return None
        if not _ISO_DATETIME_REST.fullmatch(value, match.end()):
            warnings.append(f"published: took {day.isoformat()} from {_shorten(value)}")
        return day
    span = publication_span(value)
    if span is not None:
        warnings.append(
            f"published: took {span.precision.value} {span.start.isoformat()[:7]}"
            f" from {_shorten(value)}"
        )
        return None
    warnings.append(f"published {_shorten(value)} is not a YYYY-MM-DD date; ignored")
    return None


def _override_values(overrides: Mapping[str, str]) -> dict[str, str | date | None]:
    values: dict[str, str | date | None] = {}
    for name, raw in overrides.items():
        if name not in KNOWN_FIELDS:
            raise DocumentError(f"unknown document field {name!r}; use {', '.join(KNOWN_FIELDS)}")
        value = raw.strip()
        if not value:
            continue
        if name == "published":
            try:
                values[name] = parse_published(value)
            except ValueError as exc:
                raise DocumentError(str(exc)) from None
        elif name == "url" and not _is_web_url(value):
            raise DocumentError(f"url must start with http:// or https://, got {value!r}")
        else:
            values[name] = value
    return values


def _is_web_url(value: str) -> bool:
    if any(c.isspace() for c in value):
        return False
    try:
        parts = urlsplit(value)
    except ValueError:
        return False
    return parts.scheme.lower() in ("http", "https") and bool(parts.netloc)


def _iso_date(match: re.Match[str]) -> date:
    return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))


def _as_str(value: str | date | None) -> str | None:
    return value if isinstance(value, str) else None


def _shorten(value: str, limit: int = 60) -> str:
    return repr(value if len(value) <= limit else value[: limit - 1] + "…")


def _size(n: int) -> str:
    if n >= 1024 * 1024:
        return f"{n / (1024 * 1024):.1f} MB"
    if n >= 1024:
        return f"{n / 1024:.1f} KB"
    return f"{n} bytes"
