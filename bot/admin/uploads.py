"""What a server's document (/admin ingest, /admin paste) must be before it is downloaded and
extracted, and what to say when an attachment's download fails. (Its key: ``plan_upload`` in
bot/facts/ingest.py.)"""

from __future__ import annotations

from datetime import date

import aiohttp
import discord

from bot.facts.documents import DocumentError
from bot.facts.ingest import UploadPlan
from bot.facts.model import Document
from bot.facts.store.quota import size_words
from bot.i18n import number, t
from bot.intake.article import SUFFIX_KINDS
from bot.intake.fetch import Kind, classify
from bot.render.naming import document_name
from bot.render.text import command_name

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


def file_refusal(
    size: int, kind: Kind | None, content_type: str | None, lang: str = "en"
) -> str | None:
    """Why the attachment cannot be a document, from its metadata alone."""
    if kind is None:
        shown = (content_type or "unknown type").split(";")[0][:60]
        return t(lang, "news.unsupported", kind=shown)
    limit = MAX_FILE_BYTES[kind]
    if size > limit:
        return t(lang, "admin.too_large_limit", size=size_words(size), limit=size_words(limit))
    return None


def text_refusal(document: Document, lang: str = "en") -> str | None:
    """Why the text read from an attachment, an address or a paste is too much to extract."""
    size = len(document.text.encode("utf-8"))
    if size > MAX_UPLOAD_BYTES:
        return t(
            lang, "news.text_too_large", size=size_words(size),
            limit=size_words(MAX_UPLOAD_BYTES),
        )
    lines = document.text.count("\n") + 1
    if lines > MAX_UPLOAD_LINES:
        return t(
            lang, "admin.too_many_lines", lines=number(lang, lines),
            limit=number(lang, MAX_UPLOAD_LINES),
        )
    return None


def published_date(value: str | None, lang: str = "en") -> str | None:
    """A ``published`` option checked as ISO (YYYY-MM-DD)."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value.strip()).isoformat()
    except ValueError:
        raise DocumentError(t(lang, "admin.bad_published")) from None


def download_failure(
    error: discord.HTTPException | aiohttp.ClientError | TimeoutError, lang: str = "en"
) -> str:
    """What to tell a moderator whose attachment could not be downloaded from Discord."""
    if isinstance(error, discord.HTTPException):
        gone = error.status in (403, 404)
        what = t(
            lang, "admin.download.gone" if gone else "admin.download.status", status=error.status
        )
    elif isinstance(error, TimeoutError):
        what = t(lang, "admin.download.timeout")
    else:
        what = t(lang, "admin.download.connection", error=type(error).__name__)
    return t(
        lang,
        "admin.download_failed",
        what=what,
        admin=command_name("admin", lang),
        ingest=command_name("ingest", lang),
    )


def plan_summary(plan: UploadPlan, lang: str = "en") -> str:
    """What confirming will do, for the preview: ``UploadPlan.summary`` in the reader's
    language."""
    if plan.unchanged:
        return t(lang, "admin.plan.unchanged", name=document_name(plan.held, lang))
    if not plan.same_name:
        return ""
    kept = ", ".join(
        f"{document_name(d, lang)} ({t(lang, 'count.figure', n=d.figures)})"
        for d in plan.same_name[:3]
    )
    if len(plan.same_name) > 3:
        kept += " " + t(lang, "admin.plan.more", n=len(plan.same_name) - 3)
    return t(lang, "admin.plan.beside", kept=kept)
