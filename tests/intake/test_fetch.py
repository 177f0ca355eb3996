"""The guarded fetcher against a local server: kinds, statuses, limits, redirects, addresses."""

from __future__ import annotations

import asyncio
import gzip
import zlib

import pytest
from aiohttp import web

from bot.intake.addresses import AddressPolicy
from bot.intake.errors import (
    BadUrlError,
    BlockedAddressError,
    ConnectionFailedError,
    FetchTimeoutError,
    HttpStatusError,
    NotAnArticleError,
    TooLargeError,
    UnsupportedTypeError,
)
from bot.intake.fetch import ARTICLE_KINDS, FEED_KINDS, Fetcher, FetchLimits, Kind
from tests.intake.articles import article_page, article_pdf, rss
from tests.intake.conftest import SITE_ONLY, NameTable
from tests.site import Page, Site


async def fetch(site: Site, path: str, *, limits: FetchLimits | None = None, **kwargs):
    async with Fetcher(SITE_ONLY, limits) as fetcher:
        return await fetcher.fetch(site.url(path), **kwargs)


async def test_each_kind_is_recognised_by_its_type_or_first_bytes(site: Site) -> None:
    site.pages["/a.html"] = Page(article_page())
    site.pages["/a.xhtml"] = Page(article_page(), "application/xhtml+xml")
    site.pages["/a.pdf"] = Page(article_pdf(), "application/pdf")
    site.pages["/a.bin"] = Page(article_pdf(), "application/octet-stream")
    site.pages["/a.txt"] = Page("some text", "text/plain; charset=iso-8859-1")
    site.pages["/a.md"] = Page("# some text", "text/markdown")
    site.pages["/feed"] = Page(rss([]), "application/rss+xml")
    site.pages["/feed.xml"] = Page(rss([]), "text/xml")
    kinds = {
        path: (await fetch(site, path, accept=ARTICLE_KINDS | FEED_KINDS)).kind
        for path in site.pages
    }
    assert kinds == {
        "/a.html": Kind.HTML,
        "/a.xhtml": Kind.HTML,
        "/a.pdf": Kind.PDF,
        "/a.bin": Kind.PDF,
        "/a.txt": Kind.TEXT,
        "/a.md": Kind.MARKDOWN,
        "/feed": Kind.FEED,
        "/feed.xml": Kind.FEED,
    }
    assert (await fetch(site, "/a.txt")).charset == "iso-8859-1"


@pytest.mark.parametrize(
    ("status", "message"),
    [(404, "HTTP 404: not found"), (410, "HTTP 410"), (500, "HTTP 500: the server had an error")],
)
async def test_an_error_status_is_one_clear_line(site: Site, status: int, message: str) -> None:
    site.pages["/gone"] = Page("nope", status=status)
    with pytest.raises(HttpStatusError, match=message) as caught:
        await fetch(site, "/gone")
    assert caught.value.status == status


async def test_unsupported_types_are_refused_after_reading_their_header(site: Site) -> None:
    site.pages["/img.png"] = Page(b"\x89PNG\r\n\x1a\n" + b"\0" * 100, "image/png")
    site.pages["/data.zip"] = Page(b"PK\x03\x04" + b"\0" * 100, "application/octet-stream")
    with pytest.raises(UnsupportedTypeError, match="unsupported type: image/png"):
        await fetch(site, "/img.png")
    with pytest.raises(UnsupportedTypeError, match="application/octet-stream"):
        await fetch(site, "/data.zip")


async def test_a_feed_is_not_an_article_and_a_page_is_not_a_feed(site: Site) -> None:
    site.pages["/feed"] = Page(rss([]), "application/rss+xml")
    site.pages["/page"] = Page(article_page())
    with pytest.raises(NotAnArticleError, match="news feed"):
        await fetch(site, "/feed", accept=ARTICLE_KINDS)
    with pytest.raises(NotAnArticleError, match="not a feed"):
        await fetch(site, "/page", accept=FEED_KINDS)


async def test_a_declared_size_over_the_limit_is_refused_before_the_body(site: Site) -> None:
    site.pages["/big"] = Page("x" * 20_000, "text/plain")
    with pytest.raises(TooLargeError, match=r"too large: 19.5 KB, the limit is 10.0 KB"):
        await fetch(site, "/big", limits=FetchLimits(max_bytes=10 * 1024))


async def test_an_undeclared_size_stops_streaming_at_the_limit(site: Site) -> None:
    sent: list[int] = []

    async def endless(request: web.Request) -> web.StreamResponse:
        response = web.StreamResponse(headers={"Content-Type": "text/plain"})
        response.enable_chunked_encoding()
        await response.prepare(request)
        try:
            for _ in range(10_000):  # 640 MB if nobody stopped reading
                await response.write(b"x" * 65536)
                sent.append(1)
        except (ConnectionResetError, ConnectionError):
            pass
        return response

    site.pages["/endless"] = endless
    with pytest.raises(TooLargeError, match=r"over the limit of 256.0 KB"):
        await fetch(site, "/endless", limits=FetchLimits(max_bytes=256 * 1024))
    await asyncio.sleep(0.1)
    assert len(sent) < 100


@pytest.mark.parametrize("encoding", ["gzip", "deflate"])
async def test_a_compression_bomb_is_stopped_at_the_limit(site: Site, encoding: str) -> None:
    inflated = b"a" * (50 * 1024 * 1024)
    body = gzip.compress(inflated) if encoding == "gzip" else zlib.compress(inflated)
    assert len(body) < 100 * 1024
    site.pages["/bomb"] = Page(body, "text/plain", headers={"Content-Encoding": encoding})
    with pytest.raises(TooLargeError, match=r"decompressed over the limit of 1.0 MB"):
        await fetch(site, "/bomb", limits=FetchLimits(max_bytes=1024 * 1024))


async def test_a_compressed_page_is_read(site: Site) -> None:
    page = article_page().encode()
    site.pages["/gz"] = Page(gzip.compress(page), headers={"Content-Encoding": "gzip"})
    assert (await fetch(site, "/gz")).body == page


async def test_a_slow_server_times_out(site: Site) -> None:
    async def slow(request: web.Request) -> web.StreamResponse:
        await asyncio.sleep(5)
        return web.Response(text="late")

    site.pages["/slow"] = slow
    with pytest.raises(FetchTimeoutError, match=r"timed out: no complete answer within 0.5 s"):
        await fetch(site, "/slow", limits=FetchLimits(total_seconds=0.5))


async def test_redirects_are_followed_a_bounded_number_of_times(site: Site) -> None:
    site.pages["/old"] = Page("", status=301, headers={"Location": "/new"})
    site.pages["/new"] = Page(article_page())
    fetched = await fetch(site, "/old")
    assert fetched.url == site.url("/new") and fetched.requested == site.url("/old")
    for hop in range(8):
        site.pages[f"/loop{hop}"] = Page("", status=302, headers={"Location": f"/loop{hop + 1}"})
    with pytest.raises(ConnectionFailedError, match="too many redirects"):
        await fetch(site, "/loop0", limits=FetchLimits(max_redirects=3))
    assert len(site.hits_of("/loop4")) == 0


async def test_a_conditional_request_answered_304_has_no_body(site: Site) -> None:
    site.pages["/feed"] = Page(rss([]), "application/rss+xml", etag='"v1"')
    first = await fetch(site, "/feed", accept=FEED_KINDS)
    assert first.etag == '"v1"' and not first.not_modified
    again = await fetch(site, "/feed", accept=FEED_KINDS, etag='"v1"')
    assert again.not_modified and again.body == b""
    assert site.hits[-1].if_none_match == '"v1"'


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("ftp://news.example/a", "only http:// and https://"),
        ("file:///etc/passwd", "only http:// and https://"),
        ("javascript:alert(1)", "only http:// and https://"),
        ("news.example/a", "no scheme"),
        ("http:///a", "no host"),
        ("http://user:secret@news.example/", "user name or password"),
        ("http://news.example/a b", "spaces"),
        ("http://news.example:99999/", "bad URL"),
        ("", "empty"),
    ],
)
async def test_bad_urls_are_refused(url: str, message: str) -> None:
    async with Fetcher(AddressPolicy()) as fetcher:
        with pytest.raises(BadUrlError, match=message):
            await fetcher.fetch(url)


# -- the address guard on (the flag not set) ------------------------------------------------------


async def test_the_guard_refuses_loopback_before_connecting(
    site: Site, connections: list[tuple[str, int]]
) -> None:
    site.pages["/a.html"] = Page(article_page())
    async with Fetcher(AddressPolicy()) as fetcher:
        with pytest.raises(BlockedAddressError, match=r"127.0.0.1 is a loopback address"):
            await fetcher.fetch(site.url("/a.html"))
        port = int(site.base.rsplit(":", 1)[1])
        with pytest.raises(BlockedAddressError, match=r"localhost \(127.0.0.1\) is a loopback"):
            await fetcher.fetch(f"http://localhost:{port}/a.html")
    assert site.hits == [] and connections == []


@pytest.mark.parametrize(
    ("target", "reason"),
    [
        ("http://10.20.30.40/feed.xml", "private"),
        ("http://169.254.169.254/latest/meta-data/", "cloud metadata"),
        ("http://[::ffff:10.0.0.1]/", "private"),
        ("http://[fd00:ec2::254]/", "cloud metadata"),
        ("http://100.100.100.200/", "cloud metadata"),
        ("http://0.0.0.0/", "unspecified"),
        ("http://224.0.0.1/", "multicast"),
        ("http://240.0.0.1/", "reserved"),
        ("http://[fe80::1]/", "link-local"),
        ("http://[64:ff9b::a00:1]/", "private"),
    ],
)
async def test_a_redirect_to_a_special_address_is_refused_before_connecting(
    site: Site, connections: list[tuple[str, int]], target: str, reason: str
) -> None:
    site.pages["/feed"] = Page("", status=302, headers={"Location": target})
    with pytest.raises(BlockedAddressError, match=f"blocked address: .* {reason}"):
        await fetch(site, "/feed", accept=FEED_KINDS)
    assert [host for host, _ in connections] == ["127.0.0.1"]
    assert [hit.path for hit in site.hits] == ["/feed"]


async def test_a_name_resolving_to_a_metadata_address_is_refused_before_connecting(
    site: Site, connections: list[tuple[str, int]]
) -> None:
    port = int(site.base.rsplit(":", 1)[1])
    names = NameTable({"metadata.test": "169.254.169.254", "intranet.test": "10.1.2.3"})
    site.pages["/feed"] = Page(
        "", status=302, headers={"Location": "http://intranet.test/feed.xml"}
    )
    async with Fetcher(SITE_ONLY, lookup=names) as fetcher:
        with pytest.raises(BlockedAddressError, match=r"metadata.test \(169.254.169.254\)"):
            await fetcher.fetch(f"http://metadata.test:{port}/latest/")
        with pytest.raises(BlockedAddressError, match=r"intranet.test \(10.1.2.3\) is a private"):
            await fetcher.fetch(site.url("/feed"), accept=FEED_KINDS)
    assert names.asked == ["metadata.test", "intranet.test"]
    assert [host for host, _ in connections] == ["127.0.0.1"]


async def test_the_connection_goes_to_the_address_that_was_checked(
    site: Site, connections: list[tuple[str, int]]
) -> None:
    """A name is looked up once, by the guarded resolver, and the socket connects to what that
    lookup returned: there is no second lookup that a rebinding DNS server could answer with a
    private address."""
    port = int(site.base.rsplit(":", 1)[1])
    site.pages["/a.html"] = Page(article_page())

    class Rebinding(NameTable):
        """Answers the test site first, a private address on every later lookup."""

        async def resolve(self, host, port=0, family=0):
            self.names[host] = "127.0.0.1" if not self.asked else "10.9.9.9"
            return await super().resolve(host, port, family)

    names = Rebinding({})
    async with Fetcher(SITE_ONLY, lookup=names) as fetcher:
        fetched = await fetcher.fetch(f"http://news.test:{port}/a.html")
    assert fetched.kind is Kind.HTML
    assert names.asked == ["news.test"]
    assert connections == [("127.0.0.1", port)]
    async with Fetcher(SITE_ONLY, lookup=names) as fetcher:
        with pytest.raises(BlockedAddressError, match=r"news.test \(10.9.9.9\) is a private"):
            await fetcher.fetch(f"http://news.test:{port}/a.html")
    assert connections == [("127.0.0.1", port)]


async def test_the_allow_flag_lets_everything_through(site: Site) -> None:
    site.pages["/a.html"] = Page(article_page())
    async with Fetcher(AddressPolicy(allow_private=True)) as fetcher:
        assert (await fetcher.fetch(site.url("/a.html"))).kind is Kind.HTML
