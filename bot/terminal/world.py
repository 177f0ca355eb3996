"""The console's local server and its people, the same at every start.

Moderator decisions, alert channels and the moderator role are stored by guild, channel, role and
user id, so a console that made up new ids at each start would lose them all. The ids are kept in
a small JSON file beside the fact base (``console-server.json``); a file that cannot be read is
set aside (renamed, never deleted) and a new server is made.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bot.standin.payloads import (
    MANAGE_GUILD,
    MEMBER_PERMISSIONS,
    FakeChannel,
    FakeGuild,
    FakeRole,
    FakeUser,
    snowflake,
)

WORLD_FILE = "console-server.json"
FORMAT = 1
SERVER_NAME = "Console Server"
CHANNELS = ("general", "news")
MODERATOR_ROLE = "Moderators"


@dataclass(frozen=True, slots=True)
class Persona:
    """Someone the console can act as: who they are in the server, in a few words."""

    name: str
    about: str
    manage_server: bool = False
    moderator_role: bool = False
    bot_owner: bool = False


PERSONAS: tuple[Persona, ...] = (
    Persona("manager", "a member with Manage Server (the default)", manage_server=True),
    Persona("moderator", f"a member with the {MODERATOR_ROLE} role", moderator_role=True),
    Persona("member", "a member without any moderator right"),
    Persona("owner", "the bot's operator (FACTBOT_OWNER_IDS)", manage_server=True, bot_owner=True),
)
DEFAULT_PERSONA = "manager"


@dataclass(frozen=True, slots=True)
class LocalUser:
    persona: Persona
    user: FakeUser
    permissions: int
    roles: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class World:
    """The local server, its people and the stand-in's application id."""

    application_id: int
    guild: FakeGuild
    users: Mapping[str, LocalUser]
    #: Set when the file was unreadable and set aside: where it went, and why.
    set_aside: str | None = None

    @property
    def owner_ids(self) -> frozenset[int]:
        return frozenset(u.user.id for u in self.users.values() if u.persona.bot_owner)

    def channel(self, name: str) -> FakeChannel | None:
        wanted = name.strip().lstrip("#").casefold()
        return next((c for c in self.guild.channels if c.name.casefold() == wanted), None)

    def role(self, name: str) -> FakeRole | None:
        wanted = name.strip().lstrip("@").casefold()
        return next((r for r in self.guild.roles if r.name.casefold() == wanted), None)

    def to_json(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "application_id": str(self.application_id),
            "guild": {
                "id": str(self.guild.id),
                "name": self.guild.name,
                "channels": {c.name: str(c.id) for c in self.guild.channels},
                "roles": {r.name: str(r.id) for r in self.guild.roles},
            },
            "users": {name: str(u.user.id) for name, u in self.users.items()},
        }


def world_path(folder: Path) -> Path:
    return folder / WORLD_FILE


def load_world(folder: Path) -> World:
    """The world kept in ``folder``; made (and saved) when there is none, completed when a
    newer version added a channel or persona the file lacks."""
    path = world_path(folder)
    saved: dict[str, Any] = {}
    set_aside = None
    if path.exists():
        try:
            saved = _read(path)
        except (OSError, ValueError) as exc:
            set_aside = _set_aside(path, exc)
    world = _build(saved, set_aside)
    if world.to_json() != saved:
        save_world(folder, world)
    return world


def save_world(folder: Path, world: World) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    path = world_path(folder)
    temporary = path.with_suffix(".tmp")
    temporary.write_text(json.dumps(world.to_json(), indent=2) + "\n", encoding="utf-8")
    os.replace(temporary, path)


def _read(path: Path) -> dict[str, Any]:
    data = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ValueError(f"not a console server file of format {FORMAT}")
    guild = data.get("guild")
    if not isinstance(guild, dict) or not _is_id(guild.get("id")):
        raise ValueError("it names no server id")
    for section in ("channels", "roles"):
        if not isinstance(guild.get(section, {}), dict):
            raise ValueError(f"its {section} are not a mapping")
        if not all(_is_id(v) for v in guild.get(section, {}).values()):
            raise ValueError(f"one of its {section} has no valid id")
    users = data.get("users", {})
    if not isinstance(users, dict) or not all(_is_id(v) for v in users.values()):
        raise ValueError("one of its users has no valid id")
    return data


def _is_id(value: object) -> bool:
    return isinstance(value, str) and value.isdecimal() and 0 < int(value) < 2**63


def _set_aside(path: Path, error: Exception) -> str:
    aside = path.with_name(f"{path.name}.unreadable-{time.strftime('%Y%m%d-%H%M%S')}")
    os.replace(path, aside)
    return f"{path} could not be read ({error}); it was kept as {aside} and a new server made"


def _id(saved: Mapping[str, Any], name: str) -> int:
    value = saved.get(name)
    return int(value) if isinstance(value, str) and _is_id(value) else snowflake()


def _build(saved: Mapping[str, Any], set_aside: str | None) -> World:
    guild_data: Mapping[str, Any] = saved.get("guild") or {}
    channels = dict(guild_data.get("channels") or {})
    roles = dict(guild_data.get("roles") or {})
    channel_names = list(dict.fromkeys([*CHANNELS, *channels]))
    role_names = list(dict.fromkeys([MODERATOR_ROLE, *roles]))
    guild = FakeGuild(
        id=_id(guild_data, "id"),
        name=str(guild_data.get("name") or SERVER_NAME)[:100],
        channels=tuple(FakeChannel(_id(channels, n), n) for n in channel_names),
        roles=tuple(FakeRole(_id(roles, n), n) for n in role_names),
    )
    moderators = guild.role(MODERATOR_ROLE).id
    user_ids: Mapping[str, Any] = saved.get("users") or {}
    users = {}
    for persona in PERSONAS:
        permissions = MEMBER_PERMISSIONS | (MANAGE_GUILD if persona.manage_server else 0)
        users[persona.name] = LocalUser(
            persona,
            FakeUser(_id(user_ids, persona.name), persona.name),
            permissions,
            (moderators,) if persona.moderator_role else (),
        )
    return World(_id(saved, "application_id"), guild, users, set_aside)
