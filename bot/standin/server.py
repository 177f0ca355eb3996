"""A local Discord for the real discord.py: REST API, gateway websocket and interactions.

discord.py builds every REST and webhook URL from ``discord.http.Route.BASE`` and opens its gateway
at ``DiscordWebSocket.DEFAULT_GATEWAY``; while the stand-in runs (between ``start`` and ``stop``)
both point at it, so the bot's own ``login()`` and ``connect()`` run unchanged. It plays the parts
of Discord a slash-command bot touches and refuses what Discord would refuse (bodies over the
limits, a second answer to one interaction, an answer after 3 seconds), recording each such case
as a :class:`Violation`. The parts: state.py (what it keeps), rest.py (``/api/v10``),
gateway.py (the websocket), interactions.py (what it dispatches, the test API to do so).
"""

from __future__ import annotations

import socket

import discord
import discord.gateway
import discord.http
import yarl
from aiohttp import web

from bot.standin.interactions import InteractionHandle, InteractionsPart
from bot.standin.rest import RestPart

__all__ = ["DiscordStandIn", "InteractionHandle"]


class DiscordStandIn(InteractionsPart, RestPart):
    """``async with DiscordStandIn(guilds=[...]) as standin:`` plays Discord on 127.0.0.1."""

    async def __aenter__(self) -> DiscordStandIn:
        await self.start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()

    async def start(self) -> None:
        app = web.Application(client_max_size=64 * 1024 * 1024)
        app.router.add_get("/gateway", self._gateway)
        app.router.add_get("/cdn/attachments/{id}/{filename}", self._attachment)
        app.router.add_route("*", "/api/v10/{path:.*}", self._api)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.bind(("127.0.0.1", 0))
        self._port = int(sock.getsockname()[1])
        await web.SockSite(self._runner, sock).start()
        self._saved_base = discord.http.Route.BASE
        self._saved_gateway = discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY
        discord.http.Route.BASE = f"{self.url}/api/v10"
        discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(
            f"ws://127.0.0.1:{self._port}/gateway"
        )

    async def stop(self) -> None:
        for ws in list(self._sockets):
            await ws.close()
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None
        if self._saved_base is not None:
            discord.http.Route.BASE = self._saved_base
            self._saved_base = None
        if self._saved_gateway is not None:
            discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = self._saved_gateway
            self._saved_gateway = None
