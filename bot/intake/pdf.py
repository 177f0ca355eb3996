"""PDF -> its text and metadata, with pypdf.

Paragraphs come back from the positions of the lines: a gap between two lines clearly larger than
the page's usual line spacing starts a new paragraph, lines within a paragraph are joined with a
space, and a word hyphenated across a line end is joined again. Title and author come from the
PDF's document information; its creation date is not taken as a publication date (a PDF is often
made long after, or before, what it reports was published).

Hostile files are bounded: the input size, the number of pages read (``MAX_PAGES``; more are
left out with a warning), the decompressed size of any one stream and the parsing work per
content stream (pypdf's configuration, set for each read), and the amount of text kept.
"""

from __future__ import annotations

import io
import itertools
import logging
import re
from collections.abc import Sequence
from typing import Any

import pypdf
from pypdf.errors import PdfReadError, PyPdfError

from bot.intake.errors import NotAnArticleError, TooLargeError
from bot.intake.reduced import Reduced

MAX_PDF_BYTES = 10 * 1024 * 1024
MAX_PAGES = 60
MAX_TEXT_CHARS = 1_500_000
#: The most bytes any one stream may inflate to.
MAX_STREAM_BYTES = 8 * 1024 * 1024
MIN_ARTICLE_CHARS = 200

_LIMITS: dict[str, Any] = {
    "disable_legacy_handling": True,
    "maximum_declared_stream_length": MAX_STREAM_BYTES,
    "zlib_maximum_output_length": MAX_STREAM_BYTES,
    "lzw_maximum_output_length": MAX_STREAM_BYTES,
    "run_length_maximum_output_length": MAX_STREAM_BYTES,
    "array_based_stream_maximum_output_length": MAX_STREAM_BYTES,
    "brotli_maximum_output_length": MAX_STREAM_BYTES,
    "jbig2_maximum_output_length": MAX_STREAM_BYTES,
    "image_maximum_buffer_size": MAX_STREAM_BYTES,
    "stream_decoding_work_maximum_length": 40_000_000,
    "stream_parsing_work_maximum_count": 400_000,
    "page_tree_maximum_entries": 10_000,
    "page_tree_maximum_page_entries": 20_000,
    "xform_maximum_invocations_per_extraction": 500,
    "jbig2dec_binary": None,
}

_HYPHENATED = re.compile(r"(?<=[a-z])-$")
_SPACES = re.compile(r"\s+")
#: A gap this many times the usual line spacing separates two paragraphs.
_PARAGRAPH_GAP = 1.35


def read_pdf(data: bytes) -> Reduced:
    """The text of a PDF; raises :class:`NotAnArticleError` for a PDF without text (a scan,
    a password) and :class:`TooLargeError` over the limits."""
    if len(data) > MAX_PDF_BYTES:
        raise TooLargeError(f"too large: the PDF is over {MAX_PDF_BYTES // (1024 * 1024)} MB")
    # pypdf logs a warning for every oddity of a malformed file; the outcome is what matters here.
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        with pypdf.apply_configuration(**_LIMITS):
            return _read(data)
    except (PdfReadError, PyPdfError, ValueError, KeyError, TypeError, RecursionError) as exc:
        if isinstance(exc, TooLargeError | NotAnArticleError):
            raise
        raise NotAnArticleError(f"not a readable PDF ({_reason(exc)})") from None


def _read(data: bytes) -> Reduced:
    reader = pypdf.PdfReader(io.BytesIO(data), strict=False)
    if reader.is_encrypted:
        try:
            opened = bool(reader.decrypt(""))
        except (PyPdfError, NotImplementedError):
            opened = False
        if not opened:
            raise NotAnArticleError("not an article: the PDF is password-protected")
    total = len(reader.pages)
    warnings: list[str] = []
    if total > MAX_PAGES:
        warnings.append(f"only the first {MAX_PAGES} of {total} pages were read")
    paragraphs: list[str] = []
    size = 0
    for number in range(min(total, MAX_PAGES)):
        for paragraph in _page_paragraphs(reader.pages[number]):
            size += len(paragraph) + 2
            if size > MAX_TEXT_CHARS:
                raise TooLargeError(
                    f"too large: the PDF holds over {MAX_TEXT_CHARS:,} characters of text"
                )
            paragraphs.append(paragraph)
    text = "\n\n".join(paragraphs)
    if len(text) < MIN_ARTICLE_CHARS:
        raise NotAnArticleError(
            "not an article: the PDF has no text layer to read (a scan or images only)"
        )
    return Reduced(text, _fields(reader), tuple(warnings))


def _page_paragraphs(page: pypdf.PageObject) -> list[str]:
    """The page's lines, positioned, grouped into paragraphs by the gaps between them."""
    lines: list[tuple[float | None, str]] = []
    current: list[str] = []
    y: float | None = None

    def visit(text: str, cm: Sequence[float], tm: Sequence[float], *_: Any) -> None:
        nonlocal y
        for piece in re.split(r"(\n)", text):
            if piece == "\n":
                lines.append((y, "".join(current)))
                current.clear()
                y = None
            elif piece:
                if y is None and piece.strip():
                    y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
                current.append(piece)

    page.extract_text(visitor_text=visit)
    lines.append((y, "".join(current)))
    return _group(lines)


def _group(lines: list[tuple[float | None, str]]) -> list[str]:
    kept = [(y, _SPACES.sub(" ", text).strip()) for y, text in lines]
    kept = [(y, text) for y, text in kept if text]
    gaps = [
        a - b
        for (a, _), (b, _) in itertools.pairwise(kept)
        if a is not None and b is not None and a > b
    ]
    # the usual line spacing: most gaps are within paragraphs, the smallest may be superscripts
    usual = sorted(gaps)[len(gaps) // 4] if gaps else None
    paragraphs: list[list[str]] = []
    previous: float | None = None
    for y, text in kept:
        new = not paragraphs or (
            usual is not None
            and y is not None
            and previous is not None
            and (previous - y > _PARAGRAPH_GAP * usual or y > previous)
        )
        if new:
            paragraphs.append([text])
        else:
            paragraphs[-1].append(text)
        previous = y if y is not None else previous
    return [_join(lines) for lines in paragraphs]


def _join(lines: list[str]) -> str:
    joined = lines[0]
    for line in lines[1:]:
        if _HYPHENATED.search(joined) and line[:1].islower():
            joined = joined[:-1] + line
        else:
            joined = f"{joined} {line}"
    return joined


def _fields(reader: pypdf.PdfReader) -> dict[str, str]:
    fields: dict[str, str] = {}
    try:
        info = reader.metadata
    except (PdfReadError, PyPdfError, ValueError, KeyError, TypeError):
        return fields
    if info is None:
        return fields
    for name, value in (("title", info.title), ("author", info.author)):
        if isinstance(value, str) and value.strip():
            fields[name] = value.strip()
    return fields


def _reason(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text.splitlines()[0][:120]
