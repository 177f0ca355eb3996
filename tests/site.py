"""A local news site on 127.0.0.1 (aiohttp.web) and a guard that no test connects elsewhere;
the ``site`` and ``connections`` fixtures (tests/conftest.py) serve them to any test.

``site.pages`` maps a path to what it serves (a :class:`Page`, or a handler for anything else);
tests change it between polls. ``site.hits`` lists every request the server received, with its
conditional headers, so a test can tell that a refused address was never asked for anything.

``connections`` records every address a socket is connected to during the test, and refuses
any that is not loopback: an address guard that failed would show as a recorded attempt, and
no test traffic ever leaves the machine.
"""

from __future__ import annotations

import asyncio
import contextlib
import ipaddress
import socket
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

import pytest
from aiohttp import web

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


@dataclass
class Page:
    body: bytes | str
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    #: Answer 304 when the request carries this ETag in If-None-Match.
    etag: str | None = None


@dataclass
class Hit:
    path: str
    if_none_match: str | None
    if_modified_since: str | None


class Site:
    def __init__(self) -> None:
        self.pages: dict[str, Page | Handler] = {}
        self.hits: list[Hit] = []
        self.base = ""

    def url(self, path: str) -> str:
        return self.base + path

    def hits_of(self, path: str) -> list[Hit]:
        return [hit for hit in self.hits if hit.path == path]

    async def handle(self, request: web.Request) -> web.StreamResponse:
        self.hits.append(
            Hit(
                request.path_qs,
                request.headers.get("If-None-Match"),
                request.headers.get("If-Modified-Since"),
            )
        )
        page = self.pages.get(request.path_qs) or self.pages.get(request.path)
        if page is None:
            return web.Response(status=404, text="no such page")
        if not isinstance(page, Page):
            return await page(request)
        headers = dict(page.headers)
        if page.etag is not None:
            headers["ETag"] = page.etag
            if request.headers.get("If-None-Match") == page.etag:
                return web.Response(status=304, headers=headers)
        body = page.body.encode("utf-8") if isinstance(page.body, str) else page.body
        headers["Content-Type"] = page.content_type
        return web.Response(status=page.status, body=body, headers=headers)


def guard_connections(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, int]]:
    """Records every address the running loop connects a socket to; refuses non-loopback."""
    attempts: list[tuple[str, int]] = []
    loop = asyncio.get_running_loop()
    connect = loop.sock_connect

    async def guarded(sock: socket.socket, address: Any) -> None:
        host, port = str(address[0]), int(address[1])
        attempts.append((host, port))
        if not ipaddress.ip_address(host.split("%")[0]).is_loopback:
            raise ConnectionRefusedError(f"test guard: no connection to {host} leaves the machine")
        await connect(sock, address)

    monkeypatch.setattr(loop, "sock_connect", guarded)
    return attempts


@contextlib.asynccontextmanager
async def serve_site() -> AsyncIterator[Site]:
    served = Site()
    app = web.Application()
    app.router.add_route("*", "/{tail:.*}", served.handle)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    tcp = web.TCPSite(runner, "127.0.0.1", 0)
    await tcp.start()
    port = runner.addresses[0][1]
    served.base = f"http://127.0.0.1:{port}"
    try:
        yield served
    finally:
        await runner.cleanup()
