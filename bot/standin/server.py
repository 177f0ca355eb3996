"""A local Discord for the real discord.py: REST API, gateway websocket and interactions.

discord.py builds every REST and webhook URL from ``discord.http.Route.BASE`` and opens its gateway
at ``DiscordWebSocket.DEFAULT_GATEWAY``; while the stand-in runs both point at it, so the bot's
own ``login()`` and ``connect()`` run unchanged. It plays the parts of Discord a slash-command bot
touches and refuses what Discord would refuse (bodies over the limits, a second answer to one
interaction, an answer after 3 seconds), recording each such case as a :class:`Violation`.
"""

from __future__ import annotations

import asyncio
import json
import logging
import secrets
import socket
import time
from collections.abc import Awaitable, Callable, Mapping, Sequence
from typing import Any

import discord
import discord.gateway
import discord.http
import yarl
from aiohttp import BodyPartReader, WSMsgType, web

from bot.standin import limits
from bot.standin.gateway import Fault, GatewaySession, shard_of
from bot.standin.options import build_command_data
from bot.standin.payloads import (
    ATTACHMENT_SIZE_LIMIT,
    BOT_PERMISSIONS,
    MEMBER_PERMISSIONS,
    FakeAttachment,
    FakeGuild,
    FakeUser,
    Json,
    iso_now,
    member_payload,
    snowflake,
)
from bot.standin.records import (
    AUTOCOMPLETE_RESULT,
    CHANNEL_MESSAGE,
    DEFERRED_CHANNEL_MESSAGE,
    DEFERRED_UPDATE_MESSAGE,
    EPHEMERAL,
    LOADING,
    UPDATE_MESSAGE,
    InteractionRecord,
    RecordedFile,
    Reply,
    Violation,
)

log = logging.getLogger(__name__)

APPLICATION_COMMAND = 2
MESSAGE_COMPONENT = 3
AUTOCOMPLETE = 4
HEARTBEAT_INTERVAL_MS = 41250
ANSWER_DEADLINE = 3.0

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def _json(data: object, status: int = 200) -> web.Response:
    # discord.py reads JSON only when the content type is exactly application/json.
    return web.Response(
        body=json.dumps(data).encode(), status=status, headers={"Content-Type": "application/json"}
    )


def _error(status: int, code: int, message: str, problems: Sequence[str] = ()) -> web.Response:
    body: Json = {"code": code, "message": message}
    if problems:
        # Discord nests field errors as {"field": {"_errors": [{"code", "message"}]}}.
        body["errors"] = {
            "body": {"_errors": [{"code": "LIMIT_EXCEEDED", "message": p} for p in problems]}
        }
    return _json(body, status)


class InteractionHandle:
    """A dispatched interaction; await its replies."""

    def __init__(self, standin: DiscordStandIn, record: InteractionRecord) -> None:
        self._standin = standin
        self._record = record

    @property
    def id(self) -> int:
        return self._record.id

    @property
    def token(self) -> str:
        return self._record.token

    @property
    def payload(self) -> Json:
        """The INTERACTION_CREATE payload the bot received."""
        return self._record.payload

    @property
    def replies(self) -> list[Reply]:
        """What the bot has sent for this interaction so far."""
        return list(self._record.replies)

    @property
    def latency(self) -> float | None:
        """Seconds from dispatch to the initial callback, once it arrived."""
        if self._record.answered_at is None:
            return None
        return self._record.answered_at - self._record.dispatched_at

    async def callback(self, timeout: float = 5.0) -> Reply:
        """Waits for the initial interaction callback and returns it."""
        await self._wait_for(
            lambda: any(r.kind == "callback" for r in self._record.replies), timeout
        )
        return next(r for r in self._record.replies if r.kind == "callback")

    async def responses(self, timeout: float = 5.0, settle: float = 0.05) -> list[Reply]:
        """Everything the bot sent for this interaction, in order.

        Waits for the callback; after a deferral also for the message that completes it; then
        until the bot has been quiet for ``settle`` seconds.
        """
        record = self._record
        await self.callback(timeout)
        if record.replies[0].is_deferral and record.type != AUTOCOMPLETE:
            await self._wait_for(lambda: len(record.replies) > 1, timeout)
        while True:
            seen = len(record.replies)
            record.changed.clear()
            try:
                await asyncio.wait_for(record.changed.wait(), settle)
            except TimeoutError:
                if len(record.replies) == seen:
                    return list(record.replies)

    async def _wait_for(self, done: Callable[[], bool], timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while not done():
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError(
                    f"interaction {self.id} got no answer within {timeout:.1f}s "
                    f"(replies so far: {[r.kind for r in self._record.replies]})"
                )
            self._record.changed.clear()
            if done():
                return
            try:
                await asyncio.wait_for(self._record.changed.wait(), remaining)
            except TimeoutError:
                continue


class DiscordStandIn:
    """``async with DiscordStandIn(guilds=[...]) as standin:`` plays Discord on 127.0.0.1."""

    def __init__(
        self,
        guilds: Sequence[FakeGuild] | None = None,
        *,
        bot_user: FakeUser | None = None,
        application_id: int | None = None,
        answer_deadline: float = ANSWER_DEADLINE,
        recommended_shards: int = 1,
    ) -> None:
        self.guilds: list[FakeGuild] = list(guilds) if guilds else [FakeGuild.make()]
        self.application_id = application_id or snowflake()
        self.bot_user = bot_user or FakeUser(self.application_id, "FactBot", bot=True)
        self.default_user = FakeUser(snowflake(), "tester")
        self.answer_deadline = answer_deadline
        self.recommended_shards = recommended_shards
        #: The largest file a reply may attach (the payload's ``attachment_size_limit``).
        self.attachment_size_limit = ATTACHMENT_SIZE_LIMIT
        self.global_commands: list[Json] = []
        self.guild_commands: dict[int, list[Json]] = {}
        self.sync_requests: list[tuple[int | None, list[Json]]] = []
        self.violations: list[Violation] = []
        self.channel_messages: list[Reply] = []
        #: Channel id -> the error Discord answers a message posted there with (see
        #: :meth:`delete_channel`, :meth:`deny_channel`).
        self.channel_refusals: dict[int, tuple[int, int, str]] = {}
        self.messages: dict[int, Json] = {}
        self.interactions: dict[int, InteractionRecord] = {}
        self.ready = asyncio.Event()
        self._by_token: dict[str, InteractionRecord] = {}
        self._attachments: dict[int, FakeAttachment] = {}
        self._sockets: list[web.WebSocketResponse] = []
        self._sessions: dict[str, GatewaySession] = {}
        self._faults: list[Fault] = []
        self.fault_log: list[tuple[Fault, str]] = []
        self._runner: web.AppRunner | None = None
        self._port = 0
        self._saved_base: str | None = None
        self._saved_gateway: yarl.URL | None = None

    # ----------------------------------------------------------------- lifecycle

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._port}"

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

    # ----------------------------------------------------------------- test API

    @property
    def guild(self) -> FakeGuild:
        """The first (default) guild."""
        return self.guilds[0]

    @property
    def sessions(self) -> list[GatewaySession]:
        """Every gateway session the bot identified, one per shard (and per re-identify)."""
        return list(self._sessions.values())

    def guilds_of_shard(self, shard_id: int, shard_count: int) -> list[FakeGuild]:
        """The guilds Discord sends shard ``shard_id`` of ``shard_count``."""
        return [g for g in self.guilds if shard_of(g.id, shard_count) == shard_id]

    def inject_faults(self, *faults: Fault) -> None:
        """The next matching requests get these error responses (in order) instead of an answer.

        A refused request is not recorded: Discord did not act on it, so a retry is no repeat.
        """
        self._faults.extend(faults)

    @property
    def pending_faults(self) -> list[Fault]:
        return list(self._faults)

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

    @property
    def double_answers(self) -> list[Violation]:
        return [v for v in self.violations if v.kind == "answered twice"]

    def set_commands(
        self, commands: Sequence[Mapping[str, Any]], guild_id: int | None = None
    ) -> None:
        """Registers command payloads as if they had been synced (ids are assigned)."""
        stored = [self._stored_command(c, guild_id) for c in commands]
        if guild_id is None:
            self.global_commands = stored
        else:
            self.guild_commands[guild_id] = stored

    def commands_for(self, guild_id: int | None) -> list[Json]:
        """The commands a user sees in ``guild_id``: that guild's first, then the global ones."""
        local = self.guild_commands.get(guild_id, []) if guild_id else []
        names = {c["name"] for c in local}
        return local + [c for c in self.global_commands if c["name"] not in names]

    def delete_channel(self, channel_id: int) -> None:
        """From now on, posting to the channel is answered as for a deleted one."""
        self.channel_refusals[channel_id] = (404, 10003, "Unknown Channel")

    def deny_channel(self, channel_id: int) -> None:
        """From now on, the bot lacks the permission to post to the channel."""
        self.channel_refusals[channel_id] = (403, 50013, "Missing Permissions")

    def attachment(
        self, filename: str, data: bytes, content_type: str = "text/plain; charset=utf-8"
    ) -> FakeAttachment:
        """A file to pass as an attachment option value; the bot can download it."""
        item = FakeAttachment(filename, data, content_type)
        self._attachments[item.id] = item
        return item

    async def invoke(
        self,
        command: str,
        options: Mapping[str, object] | None = None,
        *,
        user: FakeUser | None = None,
        guild_id: int | None = None,
        channel_id: int | None = None,
        member_permissions: int | discord.Permissions | None = None,
        roles: Sequence[int] = (),
        dm: bool = False,
        locale: str = "en-US",
    ) -> InteractionHandle:
        """Dispatches a slash command; ``command`` may name a subcommand ("admin hide")."""
        where = self._where(guild_id, channel_id, dm)
        data = build_command_data(
            self.commands_for(where[0]), command, options or {}, focused=None, cdn_base=self.url
        )
        payload = self._interaction(
            APPLICATION_COMMAND, data, where, user, member_permissions, roles, locale
        )
        return await self._dispatch(payload)

    async def autocomplete(
        self,
        command: str,
        options: Mapping[str, object],
        focused: str,
        *,
        user: FakeUser | None = None,
        guild_id: int | None = None,
        member_permissions: int | discord.Permissions | None = None,
        timeout: float = 5.0,
    ) -> list[Json]:
        """Sends what a user typed so far in option ``focused``; returns the bot's choices."""
        handle = await self.start_autocomplete(
            command, options, focused, user=user, guild_id=guild_id,
            member_permissions=member_permissions,
        )
        reply = await handle.callback(timeout)
        if reply.type != AUTOCOMPLETE_RESULT:
            raise AssertionError(f"autocomplete answered with callback type {reply.type}")
        return reply.choices

    async def start_autocomplete(
        self,
        command: str,
        options: Mapping[str, object],
        focused: str,
        *,
        user: FakeUser | None = None,
        guild_id: int | None = None,
        member_permissions: int | discord.Permissions | None = None,
    ) -> InteractionHandle:
        """Dispatches an autocomplete interaction without waiting for its answer."""
        where = self._where(guild_id, None, False)
        data = build_command_data(
            self.commands_for(where[0]), command, options, focused=focused, cdn_base=self.url
        )
        payload = self._interaction(
            AUTOCOMPLETE, data, where, user, member_permissions, (), "en-US"
        )
        return await self._dispatch(payload)

    async def click(
        self,
        message: Reply | int,
        custom_id: str,
        *,
        user: FakeUser | None = None,
        values: Sequence[str] | None = None,
        member_permissions: int | discord.Permissions | None = None,
    ) -> InteractionHandle:
        """Presses the button (or picks ``values`` in the select) ``custom_id`` on a bot message."""
        message_id = message if isinstance(message, int) else message.message_id
        if message_id is None or message_id not in self.messages:
            raise LookupError(f"no message {message_id} from the bot to click on")
        stored = self.messages[message_id]
        component = _find_component(stored.get("components") or [], custom_id)
        if component is None:
            raise LookupError(f"message {message_id} has no component {custom_id!r}")
        if component.get("disabled"):
            raise ValueError(f"component {custom_id!r} is disabled")
        data: Json = {"custom_id": custom_id, "component_type": component["type"]}
        if values is not None:
            data["values"] = list(values)
        guild_id = int(stored["guild_id"]) if stored.get("guild_id") else None
        where = self._where(guild_id, int(stored["channel_id"]), guild_id is None)
        payload = self._interaction(
            MESSAGE_COMPONENT, data, where, user, member_permissions, (), "en-US"
        )
        payload["message"] = stored
        return await self._dispatch(payload)

    # ----------------------------------------------------------------- interactions

    def _where(
        self, guild_id: int | None, channel_id: int | None, dm: bool
    ) -> tuple[int | None, int]:
        if dm:
            return None, channel_id or snowflake()
        guild = self._guild(guild_id) if guild_id else self.guild
        return guild.id, channel_id or guild.default_channel.id

    def _guild(self, guild_id: int) -> FakeGuild:
        for guild in self.guilds:
            if guild.id == guild_id:
                return guild
        raise LookupError(f"the stand-in has no guild {guild_id}")

    def _interaction(
        self,
        kind: int,
        data: Json,
        where: tuple[int | None, int],
        user: FakeUser | None,
        permissions: int | discord.Permissions | None,
        roles: Sequence[int],
        locale: str,
    ) -> Json:
        user = user or self.default_user
        guild_id, channel_id = where
        if isinstance(permissions, discord.Permissions):
            permissions = permissions.value
        payload: Json = {
            "id": str(snowflake()),
            "application_id": str(self.application_id),
            "type": kind,
            "data": data,
            "token": "aW50ZXJhY3Rpb24" + secrets.token_urlsafe(48),
            "version": 1,
            "locale": locale,
            "entitlements": [],
            "attachment_size_limit": self.attachment_size_limit,
            "app_permissions": str(BOT_PERMISSIONS),
        }
        if guild_id is not None:
            guild = self._guild(guild_id)
            channel = next((c for c in guild.channels if c.id == channel_id), guild.default_channel)
            perms = MEMBER_PERMISSIONS if permissions is None else permissions
            payload |= {
                "guild_id": str(guild_id),
                "guild": {"id": str(guild_id), "locale": "en-US", "features": []},
                "guild_locale": "en-US",
                "channel_id": str(channel.id),
                "channel": channel.payload(guild_id),
                "member": member_payload(user, roles=tuple(roles), permissions=perms),
                "authorizing_integration_owners": {"0": str(guild_id)},
                "context": 0,
            }
        else:
            payload |= {
                "channel_id": str(channel_id),
                "channel": {"id": str(channel_id), "type": 1, "recipients": [user.payload()]},
                "user": user.payload(),
                "authorizing_integration_owners": {"1": str(user.id)},
                "context": 1,
            }
        return payload

    async def _dispatch(self, payload: Json) -> InteractionHandle:
        guild_id = int(payload["guild_id"]) if payload.get("guild_id") else None
        session = self._session_for(guild_id)
        record = InteractionRecord(
            id=int(payload["id"]), token=payload["token"], type=payload["type"], payload=payload
        )
        self.interactions[record.id] = record
        self._by_token[record.token] = record
        await self._send_event("INTERACTION_CREATE", payload, session)
        return InteractionHandle(self, record)

    def _session_for(self, guild_id: int | None) -> GatewaySession:
        """The newest session of the shard that owns ``guild_id`` (DMs go to shard 0).

        A session whose socket dropped still counts: its events wait for the RESUME.
        """
        for session in reversed(list(self._sessions.values())):
            wanted = 0 if guild_id is None else shard_of(guild_id, session.shard_count)
            if session.shard_id == wanted and not session.invalid:
                return session
        raise RuntimeError(f"no bot shard is connected for guild {guild_id}")

    # ----------------------------------------------------------------- gateway

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

    # ----------------------------------------------------------------- REST

    async def _attachment(self, request: web.Request) -> web.StreamResponse:
        item = self._attachments.get(int(request.match_info["id"]))
        if item is None:
            return web.Response(status=404)
        return web.Response(body=item.data, headers={"Content-Type": item.content_type})

    async def _api(self, request: web.Request) -> web.StreamResponse:
        parts = request.match_info["path"].strip("/").split("/")
        method = request.method
        fault = self._take_fault(method, parts)
        if fault is not None:
            self.fault_log.append((fault, f"{method} /{'/'.join(parts)}"))
            return fault.response()
        try:
            return await self._route(method, parts, request)
        except _Refused as refused:
            return refused.response

    async def _route(
        self, method: str, parts: list[str], request: web.Request
    ) -> web.StreamResponse:
        match (method, parts):
            case ("GET", ["users", "@me"]):
                return _json(self.bot_user.payload() | {"verified": True, "mfa_enabled": False})
            case ("GET", ["oauth2", "applications", "@me"]):
                return _json(self._application())
            case ("GET", ["gateway"]) | ("GET", ["gateway", "bot"]):
                return _json(self._gateway_info())
            case ("PUT", ["applications", _, "commands"]):
                return _json(await self._sync(None, request))
            case ("PUT", ["applications", _, "guilds", guild, "commands"]):
                return _json(await self._sync(int(guild), request))
            case ("GET", ["applications", _, "commands"]):
                return _json(self.global_commands)
            case ("GET", ["applications", _, "guilds", guild, "commands"]):
                return _json(self.guild_commands.get(int(guild), []))
            case ("POST", ["interactions", interaction_id, token, "callback"]):
                return await self._callback(int(interaction_id), token, request)
            case ("POST", ["webhooks", _, token]):
                return await self._followup(token, request)
            case (_, ["webhooks", _, token, "messages", message]):
                return await self._webhook_message(method, token, message, request)
            case ("POST", ["channels", channel, "messages"]):
                return await self._channel_message(int(channel), request)
        self.violations.append(Violation("unhandled route", f"{method} /{'/'.join(parts)}"))
        return _error(404, 0, "404: Not Found")

    def _take_fault(self, method: str, parts: list[str]) -> Fault | None:
        for index, fault in enumerate(self._faults):
            if fault.matches(method, parts):
                return self._faults.pop(index)
        return None

    def _application(self) -> Json:
        return {
            "id": str(self.application_id),
            "name": self.bot_user.name,
            "description": "",
            "icon": None,
            "bot_public": False,
            "bot_require_code_grant": False,
            "owner": {
                "id": str(snowflake()),
                "username": "owner",
                "discriminator": "0",
                "avatar": None,
            },
            "verify_key": "0" * 64,
            "flags": 0,
            "summary": "",
        }

    def _gateway_info(self) -> Json:
        return {
            "url": f"ws://127.0.0.1:{self._port}/gateway",
            "shards": self.recommended_shards,
            "session_start_limit": {
                "total": 1000,
                "remaining": 1000,
                "reset_after": 0,
                "max_concurrency": 1,
            },
        }

    def _stored_command(self, command: Mapping[str, Any], guild_id: int | None) -> Json:
        stored = dict(command) | {
            "id": str(snowflake()),
            "application_id": str(self.application_id),
            "version": str(snowflake()),
        }
        if guild_id is not None:
            stored["guild_id"] = str(guild_id)
        stored.setdefault("type", 1)
        return stored

    async def _sync(self, guild_id: int | None, request: web.Request) -> list[Json]:
        body = await request.json()
        self.sync_requests.append((guild_id, body))
        problems = limits.command_problems(body)
        if problems:
            self.violations.append(Violation("invalid commands", "; ".join(problems)))
            raise _Refused(_error(400, 50035, "Invalid Form Body", problems))
        self.set_commands(body, guild_id)
        return self.guild_commands[guild_id] if guild_id is not None else self.global_commands

    # ----------------------------------------------------------------- answers

    def _record_for(self, token: str) -> InteractionRecord:
        record = self._by_token.get(token)
        if record is None:
            raise _Refused(_error(404, 10015, "Unknown Webhook"))
        return record

    async def _callback(
        self, interaction_id: int, token: str, request: web.Request
    ) -> web.StreamResponse:
        record = self._by_token.get(token)
        if record is None or record.id != interaction_id:
            raise _Refused(_error(404, 10062, "Unknown interaction"))
        body, files = await _read_body(request)
        elapsed = record.elapsed()
        if record.callback_type is not None:
            self.violations.append(Violation("answered twice", json.dumps(body)[:200], record.id))
            raise _Refused(_error(400, 40060, "Interaction has already been acknowledged."))
        if elapsed > self.answer_deadline:
            self.violations.append(
                Violation("answered late", f"{elapsed:.2f}s after dispatch", record.id)
            )
            raise _Refused(_error(404, 10062, "Unknown interaction"))
        kind = int(body.get("type", 0))
        data = body.get("data") or {}
        self._check_callback(record, kind, data)
        record.callback_type = kind
        record.answered_at = time.monotonic()
        message: Json | None = None
        if kind in (CHANNEL_MESSAGE, DEFERRED_CHANNEL_MESSAGE):
            flags = int(data.get("flags") or 0)
            if kind == DEFERRED_CHANNEL_MESSAGE:
                flags |= LOADING
            message = self._new_message(record, data | {"flags": flags}, files)
            record.original_message_id = int(message["id"])
        elif kind == UPDATE_MESSAGE:
            message = self._update_message(record, _clicked_message_id(record), data, files)
        elif kind == DEFERRED_UPDATE_MESSAGE:
            record.original_message_id = _clicked_message_id(record)
        record.add(
            Reply(
                "callback",
                kind,
                body,
                elapsed,
                int(message["id"]) if message else None,
                tuple(files),
                _flags(message),
            )
        )
        response: Json = {
            "interaction": {
                "id": str(record.id),
                "type": record.type,
                "response_message_loading": kind == DEFERRED_CHANNEL_MESSAGE,
                "response_message_ephemeral": bool(
                    int((message or {}).get("flags") or 0) & EPHEMERAL
                ),
            },
            "resource": {"type": kind},
        }
        if message is not None:
            response["interaction"]["response_message_id"] = message["id"]
            response["resource"]["message"] = message
        if request.query.get("with_response") in ("1", "true", "True"):
            return _json(response)
        return web.Response(status=204)

    def _check_callback(self, record: InteractionRecord, kind: int, data: Json) -> None:
        problems: list[str] = []
        if record.type == AUTOCOMPLETE and kind != AUTOCOMPLETE_RESULT:
            problems.append(f"autocomplete interaction answered with type {kind}")
        elif kind == AUTOCOMPLETE_RESULT:
            if record.type != AUTOCOMPLETE:
                problems.append("autocomplete result for a non-autocomplete interaction")
            problems += limits.choice_problems(data.get("choices") or [])
        elif kind == DEFERRED_CHANNEL_MESSAGE and set(data) - {"flags"}:
            problems.append(f"a deferred response may carry only flags, got {sorted(data)}")
        elif kind in (UPDATE_MESSAGE, DEFERRED_UPDATE_MESSAGE) and record.type != MESSAGE_COMPONENT:
            problems.append(f"callback type {kind} only answers component interactions")
        elif kind in (CHANNEL_MESSAGE, UPDATE_MESSAGE):
            problems += limits.message_problems(data)
        if problems:
            self.violations.append(Violation("invalid callback", "; ".join(problems), record.id))
            raise _Refused(_error(400, 50035, "Invalid Form Body", problems))

    def _check_files(self, record: InteractionRecord, files: Sequence[RecordedFile]) -> None:
        large = [f"{f.filename}: {len(f.data):,} bytes" for f in files
                 if len(f.data) > self.attachment_size_limit]
        if large:
            self.violations.append(Violation("file too large", "; ".join(large), record.id))
            raise _Refused(_error(413, 40005, "Request entity too large"))

    def _check_message(self, record: InteractionRecord | None, body: Json) -> None:
        problems = limits.message_problems(body)
        if problems:
            self.violations.append(
                Violation("invalid message", "; ".join(problems), record.id if record else None)
            )
            raise _Refused(_error(400, 50035, "Invalid Form Body", problems))

    async def _followup(self, token: str, request: web.Request) -> web.StreamResponse:
        record = self._record_for(token)
        body, files = await _read_body(request)
        if record.callback_type is None:
            self.violations.append(Violation("followup before answer", "", record.id))
            raise _Refused(_error(404, 10015, "Unknown Webhook"))
        self._check_message(record, body)
        self._check_files(record, files)
        if record.callback_type == DEFERRED_CHANNEL_MESSAGE and _is_loading(
            self.messages.get(record.original_message_id or 0)
        ):
            # A followup to a pending deferral edits the "thinking" message, as Discord does.
            message = self._update_message(record, record.original_message_id, body, files)
        else:
            message = self._new_message(record, body, files)
        record.add(
            Reply(
                "followup",
                None,
                body,
                record.elapsed(),
                int(message["id"]),
                tuple(files),
                _flags(message),
            )
        )
        if request.query.get("wait") in ("1", "true", "True"):
            return _json(message)
        return web.Response(status=204)

    async def _webhook_message(
        self, method: str, token: str, message: str, request: web.Request
    ) -> web.StreamResponse:
        record = self._record_for(token)
        message_id = record.original_message_id if message == "@original" else int(message)
        if message_id is None or message_id not in self.messages:
            raise _Refused(_error(404, 10008, "Unknown Message"))
        if method == "GET":
            return _json(self.messages[message_id])
        if method == "DELETE":
            self.messages.pop(message_id)
            record.add(Reply("delete", None, {}, record.elapsed(), message_id))
            return web.Response(status=204)
        if method != "PATCH":
            raise _Refused(_error(405, 0, "405: Method Not Allowed"))
        body, files = await _read_body(request)
        self._check_message(record, body)
        updated = self._update_message(record, message_id, body, files)
        record.add(
            Reply("edit", None, body, record.elapsed(), message_id, tuple(files), _flags(updated))
        )
        return _json(updated)

    async def _channel_message(self, channel_id: int, request: web.Request) -> web.StreamResponse:
        body, files = await _read_body(request)
        if channel_id in self.channel_refusals:
            return _error(*self.channel_refusals[channel_id])
        self._check_message(None, body)
        message = self._message_payload(channel_id, None, body, files, interaction=None)
        self.messages[int(message["id"])] = message
        self.channel_messages.append(
            Reply("channel", None, body, 0.0, int(message["id"]), tuple(files))
        )
        return _json(message)

    # ----------------------------------------------------------------- messages

    def _new_message(
        self, record: InteractionRecord, body: Json, files: list[RecordedFile]
    ) -> Json:
        payload = record.payload
        message = self._message_payload(
            int(payload["channel_id"]), payload.get("guild_id"), body, files, interaction=record
        )
        self.messages[int(message["id"])] = message
        return message

    def _update_message(
        self,
        record: InteractionRecord,
        message_id: int | None,
        body: Json,
        files: list[RecordedFile],
    ) -> Json:
        if message_id is None or message_id not in self.messages:
            raise _Refused(_error(404, 10008, "Unknown Message"))
        message = self.messages[message_id]
        for key in ("content", "embeds", "components"):
            if key in body:
                message[key] = (
                    body[key] if body[key] is not None else ([] if key != "content" else "")
                )
        if "attachments" in body or files:
            message["attachments"] = self._attachment_payloads(body, files)
        flags = int(message.get("flags") or 0) & ~LOADING
        message["flags"] = flags | (int(body.get("flags") or 0) & ~LOADING)
        message["edited_timestamp"] = iso_now()
        return message

    def _attachment_payloads(self, body: Json, files: list[RecordedFile]) -> list[Json]:
        result = []
        for index, recorded in enumerate(files):
            item = FakeAttachment(recorded.filename, recorded.data, recorded.content_type or "")
            self._attachments[item.id] = item
            described: Json = next(
                (a for a in body.get("attachments") or [] if str(a.get("id")) == str(index)), {}
            )
            result.append(
                item.payload(self.url)
                | {"description": described.get("description"), "ephemeral": False}
            )
        return result

    def _message_payload(
        self,
        channel_id: int,
        guild_id: str | None,
        body: Json,
        files: list[RecordedFile],
        *,
        interaction: InteractionRecord | None,
    ) -> Json:
        message: Json = {
            "id": str(snowflake()),
            "channel_id": str(channel_id),
            "author": self.bot_user.payload(),
            "content": body.get("content") or "",
            "timestamp": iso_now(),
            "edited_timestamp": None,
            "tts": False,
            "mention_everyone": False,
            "mentions": [],
            "mention_roles": [],
            "attachments": self._attachment_payloads(body, files),
            "embeds": body.get("embeds") or [],
            "components": body.get("components") or [],
            "pinned": False,
            "type": 0 if interaction is None else 20,
            "flags": int(body.get("flags") or 0),
        }
        if guild_id is not None:
            message["guild_id"] = str(guild_id)
        if interaction is not None:
            message["application_id"] = str(self.application_id)
            message["webhook_id"] = str(self.application_id)
            user = interaction.payload.get("member", {}).get("user") or interaction.payload.get(
                "user"
            )
            message["interaction_metadata"] = {
                "id": str(interaction.id),
                "type": interaction.type,
                "user": user,
                "authorizing_integration_owners": interaction.payload.get(
                    "authorizing_integration_owners", {}
                ),
            }
        return message


class _Refused(Exception):
    """Carries the error response Discord would give."""

    def __init__(self, response: web.Response) -> None:
        super().__init__(response.status)
        self.response = response


def _flags(message: Json | None) -> int | None:
    return None if message is None else int(message.get("flags") or 0) & ~LOADING


def _is_loading(message: Json | None) -> bool:
    return message is not None and bool(int(message.get("flags") or 0) & LOADING)


def _clicked_message_id(record: InteractionRecord) -> int | None:
    message = record.payload.get("message")
    return int(message["id"]) if message else None


def _find_component(components: Sequence[Json], custom_id: str) -> Json | None:
    for component in components:
        if component.get("custom_id") == custom_id:
            return component
        found = _find_component(component.get("components") or [], custom_id)
        if found is not None:
            return found
    return None


async def _read_body(request: web.Request) -> tuple[Json, list[RecordedFile]]:
    """Reads a JSON body, or a multipart one (``payload_json`` plus ``files[n]``)."""
    if not request.content_type.startswith("multipart/"):
        if not request.can_read_body:
            return {}, []
        return await request.json(), []
    body: Json = {}
    files: list[RecordedFile] = []
    reader = await request.multipart()
    while True:
        part = await reader.next()
        if part is None:
            break
        if not isinstance(part, BodyPartReader):
            continue
        raw = await part.read(decode=False)
        if part.name == "payload_json":
            body = json.loads(raw)
        else:
            files.append(
                RecordedFile(
                    part.filename or part.name or "file",
                    part.headers.get("Content-Type"),
                    bytes(raw),
                )
            )
    return body, files
