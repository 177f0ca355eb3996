"""Where the fact base lives: an SQLite file (a path) or a PostgreSQL server (a URL).

``FACTBOT_DB`` and ``--db`` take either; anything that looks like a URL of another kind is
refused, so that a typo never becomes a file named ``mysql:/...`` in the working folder.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

POSTGRES_SCHEMES = ("postgresql", "postgres")
_URL = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*)://")


class LocationError(ValueError):
    """The value is a URL of a kind the store cannot use; the message says what it takes."""


def store_location(raw: str) -> Path | str:
    """A path for SQLite, or the ``postgresql://`` URL as given."""
    match = _URL.match(raw)
    if match is None:
        return Path(raw)
    if match.group(1).lower() in POSTGRES_SCHEMES:
        return raw
    raise LocationError(
        f"{redacted(raw)!r} is not a database the bot can use: give a file path (SQLite)"
        " or a postgresql:// URL"
    )


def is_postgres_url(target: object) -> bool:
    match = _URL.match(target) if isinstance(target, str) else None
    return match is not None and match.group(1).lower() in POSTGRES_SCHEMES


def redacted(url: str) -> str:
    """A URL without its password or query string, for messages and logs."""
    if _URL.match(url) is None:
        return url
    parts = urlsplit(url)
    try:
        port = parts.port
    except ValueError:
        port = None
    host = parts.hostname or ""
    netloc = f"{parts.username}@{host}" if parts.username else host
    if port:
        netloc += f":{port}"
    return urlunsplit((parts.scheme, netloc, parts.path, "", ""))
