"""What the Discord stand-in keeps: guilds, registered commands, messages, interactions, faults
and the rules the bot broke. The REST, gateway and interaction parts (rest.py, gateway.py,
interactions.py) all work on this state; server.py puts them together."""

from __future__ import annotations

import asyncio
from collections.abc import Mapping, Sequence
from typing import Any

import yarl
from aiohttp import web

from bot.standin.faults import Fault
from bot.standin.gateway_session import GatewaySession, shard_of
from bot.standin.payloads import (
    ATTACHMENT_SIZE_LIMIT,
    FakeAttachment,
    FakeGuild,
    FakeUser,
    Json,
    snowflake,
)
from bot.standin.records import InteractionRecord, Reply, Violation

#: Seconds Discord gives a bot to answer an interaction.
ANSWER_DEADLINE = 3.0


class StandInState:
    """The state of one stand-in, and the small queries every part of it needs."""

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
        #: Attachment id -> how its download fails: an HTTP status, or None to drop the
        #: connection (see ``fail_download``).
        self._failing_downloads: dict[int, int | None] = {}
        self._sockets: list[web.WebSocketResponse] = []
        self._sessions: dict[str, GatewaySession] = {}
        self._faults: list[Fault] = []
        self.fault_log: list[tuple[Fault, str]] = []
        self._runner: web.AppRunner | None = None
        self._port = 0
        self._saved_base: str | None = None
        self._saved_gateway: yarl.URL | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._port}"

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

    def _guild(self, guild_id: int) -> FakeGuild:
        for guild in self.guilds:
            if guild.id == guild_id:
                return guild
        raise LookupError(f"the stand-in has no guild {guild_id}")
