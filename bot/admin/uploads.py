"""What a server upload (/admin ingest) must be before it is downloaded and extracted, and what
to say when the download fails. (Its key: ``plan_upload`` in bot/facts/ingest.py.)"""

from __future__ import annotations

from datetime import date

import aiohttp
import discord

from bot.facts.documents import DocumentError

#: Guild uploads are smaller than seed files: a news article is far below this.
MAX_UPLOAD_BYTES = 512 * 1024
#: More lines than any article has; a million short lines would keep the extractor busy.
MAX_UPLOAD_LINES = 20_000
TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".text")


def looks_like_text(filename: str, content_type: str | None) -> bool:
    """What the attachment's metadata says, before a byte is downloaded."""
    kind = (content_type or "").split(";")[0].strip().lower()
    if kind.startswith("text/"):
        return True
    if kind and kind != "application/octet-stream":
        return False
    return filename.lower().endswith(TEXT_SUFFIXES)


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
