"""Gateway sessions of the Discord stand-in: one per identified shard, with its event backlog."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

Json = dict[str, Any]


def shard_of(guild_id: int, shard_count: int) -> int:
    """The shard Discord routes a guild's events to."""
    return (guild_id >> 22) % shard_count


@dataclass(eq=False)
class GatewaySession:
    """What Discord keeps for an identified connection: its shard, sequence and sent events.

    ``ws`` is None while the socket is down; events sent meanwhile stay in ``backlog`` and are
    replayed on RESUME. ``invalid`` marks a session replaced by a new IDENTIFY of its shard.
    """

    session_id: str
    shard_id: int
    shard_count: int
    ws: web.WebSocketResponse | None
    sequence: int = 0
    backlog: list[Json] = field(default_factory=list)
    resumes: int = 0
    invalid: bool = False
