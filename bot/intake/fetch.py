"""Safe downloads: http(s) only, public addresses only, bounded in size, time and redirects.

A :class:`Fetcher` owns one aiohttp session whose connector asks a :class:`GuardedResolver` for
addresses: every address a host name resolves to is checked by the :class:`AddressPolicy`, and
the connector connects to exactly the addresses it was given, so a name that resolves to a
public address for the check and a private one for the connection (DNS rebinding) cannot slip
through. A literal IP in a URL never reaches a resolver, so it is checked before the request.
Redirects are followed here, one hop at a time, each hop checked the same way.

The body is streamed and the download stops at the size limit; compressed bodies are inflated
here with the same limit on the output, so a small gzip bomb is as harmless as a large body.
"""

from __future__ import annotations

import asyncio
import socket
import zlib
from dataclasses import dataclass
from enum import StrEnum
from types import TracebackType
from typing import Self
from urllib.parse import urljoin

import aiohttp
from aiohttp.abc import AbstractResolver, ResolveResult

from bot.intake.addresses import AddressPolicy, checked_url, literal_address
from bot.intake.errors import (
    BadUrlError,
    BlockedAddressError,
    ConnectionFailedError,
    FetchTimeoutError,
    HttpStatusError,
    IntakeError,
    NotAnArticleError,
    TooLargeError,
    UnsupportedTypeError,
)

USER_AGENT = "factbot/0.1 (a bot that cites news figures)"
_CHUNK = 64 * 1024
_REDIRECTS = frozenset({301, 302, 303, 307, 308})


class Kind(StrEnum):
    TEXT = "text"
    MARKDOWN = "markdown"
    HTML = "html"
    PDF = "pdf"
    FEED = "feed"


ARTICLE_KINDS = frozenset({Kind.TEXT, Kind.MARKDOWN, Kind.HTML, Kind.PDF})
FEED_KINDS = frozenset({Kind.FEED})

_MEDIA_KINDS = {
    "text/plain": Kind.TEXT,
    "text/markdown": Kind.MARKDOWN,
    "text/x-markdown": Kind.MARKDOWN,
    "text/html": Kind.HTML,
    "application/xhtml+xml": Kind.HTML,
    "application/pdf": Kind.PDF,
    "application/x-pdf": Kind.PDF,
    "application/rss+xml": Kind.FEED,
    "application/atom+xml": Kind.FEED,
    "application/rdf+xml": Kind.FEED,
    "application/feed+xml": Kind.FEED,
}
_GENERIC_XML = frozenset({"application/xml", "text/xml"})
_UNLABELLED = frozenset({"", "application/octet-stream", "binary/octet-stream"})

_ACCEPT = {
    "article": "text/html, application/xhtml+xml, application/pdf, text/plain,"
    " text/markdown;q=0.9, */*;q=0.1",
    "feed": "application/rss+xml, application/atom+xml, application/xml;q=0.9,"
    " text/xml;q=0.9, */*;q=0.1",
}


@dataclass(frozen=True, slots=True)
class FetchLimits:
    max_bytes: int = 5 * 1024 * 1024
    connect_seconds: float = 10.0
    #: The whole download, all redirects included.
    total_seconds: float = 30.0
    max_redirects: int = 5


@dataclass(frozen=True, slots=True)
class Fetched:
    requested: str
    #: The address the content came from, after redirects.
    url: str
    kind: Kind | None
    media_type: str
    charset: str | None
    body: bytes
    etag: str | None = None
    last_modified: str | None = None
    #: A conditional request answered 304: nothing changed, ``body`` is empty.
    not_modified: bool = False


class _Refused(OSError):
    """Carries a :class:`BlockedAddressError` through aiohttp, which only passes on OSErrors
    from a resolver (wrapped in its own connector error)."""

    def __init__(self, error: BlockedAddressError) -> None:
        super().__init__(str(error))
        self.error = error


class GuardedResolver(AbstractResolver):
    """Resolves with ``lookup`` (the system's resolver by default) and refuses the host when any
    of its addresses is blocked by ``policy``."""

    def __init__(self, policy: AddressPolicy, lookup: AbstractResolver | None = None) -> None:
        self.policy = policy
        self._lookup = lookup

    async def resolve(
        self, host: str, port: int = 0, family: socket.AddressFamily = socket.AF_INET
    ) -> list[ResolveResult]:
        if self._lookup is None:
            self._lookup = aiohttp.ThreadedResolver()
        results = await self._lookup.resolve(host, port, family)
        for result in results:
            try:
                self.policy.check(result["host"], host)
            except BlockedAddressError as exc:
                raise _Refused(exc) from None
        return results

    async def close(self) -> None:
        if self._lookup is not None:
            await self._lookup.close()


def classify(media_type: str, body: bytes) -> Kind | None:
    """The kind of content, from its declared type and, when that is generic, its first bytes;
    None when it is none the bot reads."""
    media_type = media_type.lower()
    if media_type in _MEDIA_KINDS:
        return _MEDIA_KINDS[media_type]
    head = body[:1024].lstrip().lower()
    if media_type in _GENERIC_XML:
        return Kind.FEED if _looks_like_feed(head) else None
    if media_type in _UNLABELLED:
        if head.startswith(b"%pdf-"):
            return Kind.PDF
        if head.startswith((b"<!doctype html", b"<html")):
            return Kind.HTML
        if _looks_like_feed(head):
            return Kind.FEED
        if media_type == "" and b"\x00" not in head:
            return Kind.TEXT
    return None


def _looks_like_feed(head: bytes) -> bool:
    return any(tag in head for tag in (b"<rss", b"<feed", b"<rdf:rdf"))


class Fetcher:
    """Downloads documents and feeds; use as ``async with Fetcher(policy) as fetcher``."""

    def __init__(
        self,
        policy: AddressPolicy,
        limits: FetchLimits | None = None,
        *,
        lookup: AbstractResolver | None = None,
    ) -> None:
        self.policy = policy
        self.limits = limits or FetchLimits()
        self._lookup = lookup
        self._session: aiohttp.ClientSession | None = None

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.close()

    @property
    def open(self) -> bool:
        """Whether connections may be open (a download was made and ``close`` not called)."""
        return self._session is not None

    async def close(self) -> None:
        if self._session is not None:
            await self._session.close()
            self._session = None

    def _open_session(self) -> aiohttp.ClientSession:
        if self._session is None:
            connector = aiohttp.TCPConnector(
                resolver=GuardedResolver(self.policy, self._lookup),
                use_dns_cache=False,
                limit=8,
            )
            self._session = aiohttp.ClientSession(
                connector=connector,
                auto_decompress=False,
                trust_env=False,
                cookie_jar=aiohttp.DummyCookieJar(),
                timeout=aiohttp.ClientTimeout(
                    total=None,
                    connect=self.limits.connect_seconds,
                    sock_connect=self.limits.connect_seconds,
                ),
                headers={"User-Agent": USER_AGENT},
            )
        return self._session

    async def fetch(
        self,
        url: str,
        *,
        accept: frozenset[Kind] = ARTICLE_KINDS,
        etag: str | None = None,
        last_modified: str | None = None,
    ) -> Fetched:
        """Download ``url``; raises an :class:`IntakeError` with a one-line reason on failure.

        With ``etag``/``last_modified`` the request is conditional, and a 304 answer gives a
        :class:`Fetched` with ``not_modified`` set.
        """
        try:
            async with asyncio.timeout(self.limits.total_seconds):
                return await self._follow(url, accept, etag, last_modified)
        except TimeoutError:
            raise FetchTimeoutError(
                f"timed out: no complete answer within {self.limits.total_seconds:g} s"
            ) from None

    async def _follow(
        self, url: str, accept: frozenset[Kind], etag: str | None, last_modified: str | None
    ) -> Fetched:
        session = self._open_session()
        headers = {
            "Accept": _ACCEPT["feed" if Kind.FEED in accept else "article"],
            "Accept-Encoding": "gzip, deflate",
        }
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        current = url
        for _ in range(self.limits.max_redirects + 1):
            parts = checked_url(current)
            host = parts.hostname or ""
            literal = literal_address(host)
            if literal is not None:
                self.policy.check(str(literal), host)
            try:
                async with session.get(current, headers=headers, allow_redirects=False) as answer:
                    if answer.status in _REDIRECTS:
                        location = answer.headers.get("Location", "").strip()
                        if not location:
                            raise ConnectionFailedError(
                                f"the server redirected ({answer.status}) without saying where"
                            )
                        current = urljoin(current, location)
                        continue
                    return await self._read(
                        url, current, answer, accept, bool(etag or last_modified)
                    )
            except _Refused as exc:
                raise exc.error from None
            except aiohttp.ClientConnectorError as exc:
                if isinstance(exc.os_error, _Refused):
                    raise exc.os_error.error from None
                raise ConnectionFailedError(
                    f"could not connect to {host}: {_reason(exc)}"
                ) from None
            except aiohttp.InvalidURL as exc:
                raise BadUrlError(f"bad URL: {exc}") from None
            except aiohttp.ClientError as exc:
                raise ConnectionFailedError(
                    f"the download from {host} failed: {_reason(exc)}"
                ) from None
        raise ConnectionFailedError(f"too many redirects (more than {self.limits.max_redirects})")

    async def _read(
        self,
        requested: str,
        url: str,
        answer: aiohttp.ClientResponse,
        accept: frozenset[Kind],
        conditional: bool,
    ) -> Fetched:
        etag = answer.headers.get("ETag")
        last_modified = answer.headers.get("Last-Modified")
        if answer.status == 304 and conditional:
            return Fetched(requested, url, None, "", None, b"", etag, last_modified, True)
        if answer.status != 200:
            raise HttpStatusError(_status_message(answer.status, answer.reason), answer.status)
        limit = self.limits.max_bytes
        declared = answer.content_length
        if declared is not None and declared > limit:
            raise TooLargeError(f"too large: {_size(declared)}, the limit is {_size(limit)}")
        body = await _read_limited(answer.content, limit)
        body = _inflate(body, answer.headers.get("Content-Encoding", ""), limit)
        media_type = answer.content_type if "Content-Type" in answer.headers else ""
        kind = classify(media_type, body)
        if kind is None:
            shown = media_type or "no content type"
            raise UnsupportedTypeError(
                f"unsupported type: {shown[:80]}; a web page, a PDF, plain text, Markdown or"
                " an RSS/Atom feed is expected"
            )
        if kind not in accept:
            raise _wrong_kind(kind, accept)
        return Fetched(requested, url, kind, media_type, answer.charset, body, etag, last_modified)


def _wrong_kind(kind: Kind, accept: frozenset[Kind]) -> IntakeError:
    if kind is Kind.FEED:
        return NotAnArticleError("not an article: this address is a news feed; follow it as a feed")
    if Kind.FEED in accept:
        return NotAnArticleError(f"not a feed: this address gives {kind.value}, not RSS or Atom")
    return UnsupportedTypeError(f"unsupported type: {kind.value}")


async def _read_limited(stream: aiohttp.StreamReader, limit: int) -> bytes:
    chunks: list[bytes] = []
    total = 0
    async for chunk in stream.iter_chunked(_CHUNK):
        total += len(chunk)
        if total > limit:
            raise TooLargeError(f"too large: over the limit of {_size(limit)}")
        chunks.append(chunk)
    return b"".join(chunks)


def _inflate(body: bytes, encoding: str, limit: int) -> bytes:
    """The body with its Content-Encoding undone, never more than ``limit`` bytes of output."""
    encoding = encoding.strip().lower()
    if encoding in ("", "identity"):
        return body
    if encoding in ("gzip", "x-gzip"):
        inflater = zlib.decompressobj(zlib.MAX_WBITS | 16)
    elif encoding == "deflate":
        inflater = zlib.decompressobj(zlib.MAX_WBITS if body[:1] == b"\x78" else -zlib.MAX_WBITS)
    else:
        raise UnsupportedTypeError(f"unsupported content encoding: {encoding[:40]}")
    try:
        out = inflater.decompress(body, limit + 1)
    except zlib.error:
        raise ConnectionFailedError(f"the {encoding} content is corrupt") from None
    if len(out) > limit:
        raise TooLargeError(f"too large: decompressed over the limit of {_size(limit)}")
    return out


def _status_message(status: int, reason: str | None) -> str:
    known = {
        401: "the page needs a login",
        403: "the server refused access",
        404: "not found",
        410: "the page was removed",
        429: "the server is rate-limiting requests; try later",
    }
    said = known.get(status) or (
        "the server had an error" if status >= 500 else reason or "unexpected answer"
    )
    return f"HTTP {status}: {said}"


def _reason(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text.splitlines()[0][:160]


def _size(n: int) -> str:
    if n >= 1024 * 1024:
        return f"{n / (1024 * 1024):.1f} MB"
    if n >= 1024:
        return f"{n / 1024:.1f} KB"
    return f"{n} bytes"
