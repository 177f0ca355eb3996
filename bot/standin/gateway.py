"""The gateway websocket of the Discord stand-in: HELLO, heartbeats, IDENTIFY (READY and one
GUILD_CREATE per guild of the shard), RESUME with the events sent meanwhile, and dispatching
events to the session of the shard that owns a guild."""

from __future__ import annotations

import json
import secrets
from collections.abc import Sequence

from aiohttp import WSMsgType, web

from bot.standin.gateway_session import GatewaySession, shard_of
from bot.standin.payloads import FakeGuild, Json, member_payload
from bot.standin.state import StandInState

HEARTBEAT_INTERVAL_MS = 41250


class GatewayPart(StandInState):
    """The gateway endpoint (``GET /gateway``) and the sessions it keeps."""

    async def drop_connection(self, shard_id: int | None = None, code: int = 4000) -> int:
        """Closes the gateway socket of ``shard_id`` (all shards when None) with ``code``.

        4000 ("unknown error") is one Discord uses for a resumable drop: the bot should RESUME
        its session, and the events dispatched meanwhile are replayed to it. Returns how many
        sockets were closed.
        """
        closed = 0
        for session in list(self._sessions.values()):
            if session.ws is None or (shard_id is not None and session.shard_id != shard_id):
                continue
            ws, session.ws = session.ws, None
            self.ready.clear()
            await ws.close(code=code, message=b"stand-in dropped the connection")
            closed += 1
        return closed

    async def _gateway(self, request: web.Request) -> web.StreamResponse:
        ws = web.WebSocketResponse(autoping=True)
        await ws.prepare(request)
        self._sockets.append(ws)
        try:
            await ws.send_json({"op": 10, "d": {"heartbeat_interval": HEARTBEAT_INTERVAL_MS}})
            async for msg in ws:
                if msg.type != WSMsgType.TEXT:
                    continue
                await self._gateway_message(ws, json.loads(msg.data))
        finally:
            self._sockets.remove(ws)
            for session in self._sessions.values():
                if session.ws is ws:
                    session.ws = None
        return ws

    async def _gateway_message(self, ws: web.WebSocketResponse, msg: Json) -> None:
        op = msg.get("op")
        if op == 1:
            await ws.send_json({"op": 11, "d": None})
        elif op == 2:
            shard_id, shard_count = (msg["d"].get("shard") or [0, 1])[:2]
            for old in self._sessions.values():
                if old.shard_id == shard_id and old.shard_count == shard_count:
                    old.invalid = True
            session = GatewaySession(secrets.token_hex(16), int(shard_id), int(shard_count), ws)
            self._sessions[session.session_id] = session
            guilds = self.guilds_of_shard(session.shard_id, session.shard_count)
            await self._send_event("READY", self._ready_payload(session, guilds), session)
            for guild in guilds:
                await self._send_event(
                    "GUILD_CREATE", guild.create_payload(self._bot_member()), session
                )
            self._update_ready()
        elif op == 6:
            found = self._sessions.get(msg["d"].get("session_id") or "")
            if found is None or found.invalid:
                await ws.send_json({"op": 9, "d": False})
                return
            found.ws = ws
            found.resumes += 1
            for frame in found.backlog:
                if frame["s"] > int(msg["d"].get("seq") or 0):
                    await ws.send_json(frame)
            await self._send_event("RESUMED", {}, found)
            self._update_ready()

    def _update_ready(self) -> None:
        """``ready`` is set while every live session has a socket."""
        live = [s for s in self._sessions.values() if not s.invalid]
        if live and all(s.ws is not None for s in live):
            self.ready.set()

    def _ready_payload(self, session: GatewaySession, guilds: Sequence[FakeGuild]) -> Json:
        return {
            "v": 10,
            "user": self.bot_user.payload() | {"verified": True, "mfa_enabled": False, "flags": 0},
            "guilds": [{"id": str(g.id), "unavailable": True} for g in guilds],
            "session_id": session.session_id,
            "resume_gateway_url": f"ws://127.0.0.1:{self._port}/gateway",
            "shard": [session.shard_id, session.shard_count],
            "application": {"id": str(self.application_id), "flags": 0},
            "private_channels": [],
            "relationships": [],
            "presences": [],
        }

    def _bot_member(self) -> Json:
        return member_payload(self.bot_user, permissions=None)

    async def _send_event(self, name: str, data: Json, session: GatewaySession) -> None:
        """Numbers the event in ``session`` and sends it; kept for replay if the socket is down."""
        session.sequence += 1
        frame = {"op": 0, "t": name, "s": session.sequence, "d": data}
        session.backlog.append(frame)
        if session.ws is None:
            return
        try:
            await session.ws.send_json(frame)
        except (ConnectionResetError, RuntimeError):
            session.ws = None

    def _session_for(self, guild_id: int | None) -> GatewaySession:
        """The newest session of the shard that owns ``guild_id`` (DMs go to shard 0).

        A session whose socket dropped still counts: its events wait for the RESUME.
        """
        for session in reversed(list(self._sessions.values())):
            wanted = 0 if guild_id is None else shard_of(guild_id, session.shard_count)
            if session.shard_id == wanted and not session.invalid:
                return session
        raise RuntimeError(f"no bot shard is connected for guild {guild_id}")
