"""A local stand-in for Discord that the real discord.py connects to. Imported only by the
console (bot/console.py), the tests and the benchmarks, never by ``python -m bot run``."""

from bot.standin.faults import Fault
from bot.standin.gateway_session import GatewaySession, shard_of
from bot.standin.options import OptionError
from bot.standin.payloads import (
    MANAGE_GUILD,
    MEMBER_PERMISSIONS,
    FakeAttachment,
    FakeChannel,
    FakeGuild,
    FakeRole,
    FakeUser,
)
from bot.standin.records import EPHEMERAL, RecordedFile, Reply, Violation
from bot.standin.server import DiscordStandIn, InteractionHandle
from bot.standin.session import STANDIN_TOKEN, bot_on_standin

__all__ = [
    "EPHEMERAL",
    "MANAGE_GUILD",
    "MEMBER_PERMISSIONS",
    "STANDIN_TOKEN",
    "DiscordStandIn",
    "FakeAttachment",
    "FakeChannel",
    "FakeGuild",
    "FakeRole",
    "FakeUser",
    "Fault",
    "GatewaySession",
    "InteractionHandle",
    "OptionError",
    "RecordedFile",
    "Reply",
    "Violation",
    "bot_on_standin",
    "shard_of",
]
