"""What a server's document (/admin ingest, /admin paste) must be before it is downloaded and
extracted, and what to say when an attachment's download fails. (Its key: ``plan_upload`` in
bot/facts/ingest.py.)"""

from __future__ import annotations

from datetime import date

import aiohttp
import discord

from bot.facts.documents import DocumentError
from bot.facts.model import Document
from bot.facts.store.quota import size_words
from bot.intake.article import SUFFIX_KINDS
from bot.intake.fetch import Kind, classify

#: A server's text is smaller than a seed file: a news article is far below this. An HTML page
#: or a PDF carries more than its text, so its file may be larger; its text must fit this too.
MAX_UPLOAD_BYTES = 512 * 1024
MAX_FILE_BYTES = {
    Kind.TEXT: MAX_UPLOAD_BYTES,
    Kind.MARKDOWN: MAX_UPLOAD_BYTES,
    Kind.HTML: 5 * 1024 * 1024,
    Kind.PDF: 5 * 1024 * 1024,
}
#: More lines than any article has; a million short lines would keep the extractor busy.
MAX_UPLOAD_LINES = 20_000
ACCEPTED = ".txt, .md, .html or .pdf"


def attachment_kind(filename: str, content_type: str | None) -> Kind | None:
    """What kind of document the attachment's metadata announces, before a byte is
    downloaded; None for anything else (images, archives, office files)."""
    kind = (content_type or "").split(";")[0].strip().lower()
    by_suffix = next(
        (k for suffix, k in SUFFIX_KINDS.items() if filename.lower().endswith(suffix)), None
    )
    declared = classify(kind, b"x") if kind else None
    if declared in MAX_FILE_BYTES:
        return declared
    if kind.startswith("text/"):
        return by_suffix if by_suffix in (Kind.HTML, Kind.MARKDOWN) else Kind.TEXT
    if kind and kind not in ("application/octet-stream", "binary/octet-stream"):
        return None
    return by_suffix


def downloaded_kind(announced: Kind, data: bytes) -> Kind:
    """The kind the bytes show, where they contradict the metadata (a PDF named .txt)."""
    sniffed = classify("", data)
    if sniffed in (Kind.PDF, Kind.HTML) and announced in (Kind.TEXT, Kind.MARKDOWN):
        return sniffed
    return announced


def file_refusal(size: int, kind: Kind | None, content_type: str | None) -> str | None:
    """Why the attachment cannot be a document, from its metadata alone."""
    if kind is None:
        shown = (content_type or "unknown type").split(";")[0][:60]
        return f"unsupported type ({shown}); upload a {ACCEPTED} file"
    limit = MAX_FILE_BYTES[kind]
    if size > limit:
        return f"too large: {size_words(size)}, the limit is {size_words(limit)}"
    return None


def text_refusal(document: Document) -> str | None:
    """Why the text read from an attachment, an address or a paste is too much to extract."""
    size = len(document.text.encode("utf-8"))
    if size > MAX_UPLOAD_BYTES:
        return (
            f"too large: its text is {size_words(size)}, a server's document may have"
            f" {size_words(MAX_UPLOAD_BYTES)}"
        )
    lines = document.text.count("\n") + 1
    if lines > MAX_UPLOAD_LINES:
        return f"too many lines ({lines:,}; a document may have {MAX_UPLOAD_LINES:,})"
    return None


def published_date(value: str | None) -> str | None:
    """A ``published`` option checked as ISO (YYYY-MM-DD)."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value.strip()).isoformat()
    except ValueError:
        raise DocumentError("published must be a date like 2025-01-31") from None


def download_failure(error: discord.HTTPException | aiohttp.ClientError | TimeoutError) -> str:
    """What to tell a moderator whose attachment could not be downloaded from Discord."""
    if isinstance(error, discord.HTTPException):
        what = f"Discord answered {error.status}"
        if error.status in (403, 404):
            what += ": the file is gone or its link expired"
    elif isinstance(error, TimeoutError):
        what = "Discord did not send it in time"
    else:
        what = f"the connection to Discord failed ({type(error).__name__})"
    return (
        f"Could not download the file: {what}. Nothing was stored; upload it again with"
        " /admin ingest."
    )
