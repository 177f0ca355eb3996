"""The people, places and JSON shapes of the stand-in's Discord: users, guilds, messages."""

from __future__ import annotations

import itertools
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

Json = dict[str, Any]

DISCORD_EPOCH_MS = 1420070400000
MANAGE_GUILD = 1 << 5
# View channel, send messages, embed links, attach files, read history, use application commands.
MEMBER_PERMISSIONS = (1 << 10) | (1 << 11) | (1 << 14) | (1 << 15) | (1 << 16) | (1 << 31)
BOT_PERMISSIONS = MEMBER_PERMISSIONS
ATTACHMENT_SIZE_LIMIT = 10 * 1024 * 1024

_sequence = itertools.count(1)


def snowflake() -> int:
    """A new, increasing Discord-style id (time in the high bits, a counter in the low ones)."""
    millis = int(time.time() * 1000) - DISCORD_EPOCH_MS
    return (millis << 22) | (next(_sequence) & 0x3FFFFF)


def iso_now() -> str:
    return datetime.now(UTC).isoformat()


@dataclass(frozen=True, slots=True)
class FakeUser:
    id: int
    name: str
    bot: bool = False

    def payload(self) -> Json:
        return {
            "id": str(self.id),
            "username": self.name,
            "global_name": None if self.bot else self.name,
            "discriminator": "0",
            "avatar": None,
            "bot": self.bot,
            "public_flags": 0,
        }


@dataclass(frozen=True, slots=True)
class FakeChannel:
    id: int
    name: str = "general"

    def payload(self, guild_id: int) -> Json:
        return {
            "id": str(self.id),
            "type": 0,
            "guild_id": str(guild_id),
            "name": self.name,
            "position": 0,
            "permission_overwrites": [],
            "nsfw": False,
            "parent_id": None,
            "topic": None,
            "last_message_id": None,
            "rate_limit_per_user": 0,
        }


@dataclass(frozen=True, slots=True)
class FakeRole:
    id: int
    name: str
    permissions: int = 0

    def payload(self) -> Json:
        return {
            "id": str(self.id),
            "name": self.name,
            "color": 0,
            "hoist": False,
            "position": 0,
            "permissions": str(self.permissions),
            "managed": False,
            "mentionable": False,
            "flags": 0,
        }


@dataclass(frozen=True, slots=True)
class FakeGuild:
    """A server as the gateway announces it. Its @everyone role has the guild's own id."""

    id: int
    name: str
    channels: tuple[FakeChannel, ...] = ()
    roles: tuple[FakeRole, ...] = ()
    owner_id: int = 0
    everyone_permissions: int = MEMBER_PERMISSIONS
    #: The server's preferred locale (Community servers choose one; others are en-US).
    locale: str = "en-US"

    @classmethod
    def make(cls, name: str = "Stand-in Server", *, roles: tuple[str, ...] = ()) -> FakeGuild:
        return cls(
            id=snowflake(),
            name=name,
            channels=(FakeChannel(snowflake(), "general"),),
            roles=tuple(FakeRole(snowflake(), role) for role in roles),
        )

    @classmethod
    def on_shard(
        cls, name: str, shard_id: int, shard_count: int, *, roles: tuple[str, ...] = ()
    ) -> FakeGuild:
        """A guild whose id Discord routes to shard ``shard_id`` of ``shard_count``."""
        base = snowflake()
        millis = base >> 22
        millis += (shard_id - millis) % shard_count
        return cls(
            id=(millis << 22) | (base & 0x3FFFFF),
            name=name,
            channels=(FakeChannel(snowflake(), "general"),),
            roles=tuple(FakeRole(snowflake(), role) for role in roles),
        )

    @property
    def default_channel(self) -> FakeChannel:
        if not self.channels:
            raise LookupError(f"guild {self.name!r} has no channel")
        return self.channels[0]

    def role(self, name: str) -> FakeRole:
        for role in self.roles:
            if role.name == name:
                return role
        raise LookupError(f"guild {self.name!r} has no role {name!r}")

    def everyone_role(self) -> FakeRole:
        return FakeRole(self.id, "@everyone", self.everyone_permissions)

    def create_payload(self, bot_member: Json) -> Json:
        return {
            "id": str(self.id),
            "name": self.name,
            "icon": None,
            "owner_id": str(self.owner_id),
            "unavailable": False,
            "member_count": 2,
            "large": False,
            "features": [],
            "verification_level": 0,
            "default_message_notifications": 0,
            "explicit_content_filter": 0,
            "mfa_level": 0,
            "nsfw_level": 0,
            "premium_tier": 0,
            "preferred_locale": self.locale,
            "system_channel_id": None,
            "afk_channel_id": None,
            "afk_timeout": 300,
            "roles": [self.everyone_role().payload()] + [r.payload() for r in self.roles],
            "emojis": [],
            "stickers": [],
            "channels": [c.payload(self.id) for c in self.channels],
            "threads": [],
            "members": [bot_member],
            "voice_states": [],
            "presences": [],
            "stage_instances": [],
            "guild_scheduled_events": [],
            "soundboard_sounds": [],
            "joined_at": iso_now(),
        }


def member_payload(user: FakeUser, *, roles: tuple[int, ...] = (), permissions: int | None) -> Json:
    data: Json = {
        "user": user.payload(),
        "roles": [str(r) for r in roles],
        "nick": None,
        "avatar": None,
        "joined_at": iso_now(),
        "premium_since": None,
        "deaf": False,
        "mute": False,
        "pending": False,
        "flags": 0,
        "communication_disabled_until": None,
    }
    if permissions is not None:
        data["permissions"] = str(permissions)
    return data


@dataclass(slots=True)
class FakeAttachment:
    """A file a user attached to a command option; its bytes are served by the stand-in."""

    filename: str
    data: bytes
    content_type: str = "text/plain; charset=utf-8"
    id: int = field(default_factory=snowflake)

    def payload(self, base_url: str) -> Json:
        url = f"{base_url}/cdn/attachments/{self.id}/{self.filename}"
        return {
            "id": str(self.id),
            "filename": self.filename,
            "size": len(self.data),
            "url": url,
            "proxy_url": url,
            "content_type": self.content_type,
            "ephemeral": True,
        }
