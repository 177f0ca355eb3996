"""Builds the ``data`` of a slash-command interaction from a command path and option values.

The registered command payloads (what the bot synced) give each option its type, so values can be
given as Python values or as typed text (``"3"`` for an integer option), like a Discord client
would send them. Without a registered command the types are guessed from the Python values.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence
from typing import Any

from bot.standin.payloads import BOT_PERMISSIONS, FakeAttachment, FakeChannel, Json

SUB_COMMAND = 1
SUB_COMMAND_GROUP = 2
STRING, INTEGER, BOOLEAN, USER, CHANNEL, ROLE, MENTIONABLE, NUMBER, ATTACHMENT = range(3, 12)
_TRUE = {"true", "yes", "y", "1", "on"}
_FALSE = {"false", "no", "n", "0", "off"}


class OptionError(ValueError):
    """The options could not have been sent by a Discord client for this command."""


def find_command(commands: Sequence[Json], name: str) -> Json | None:
    for command in commands:
        if command.get("name") == name and int(command.get("type", 1)) == 1:
            return command
    return None


def command_level(commands: Sequence[Json], path: str) -> Json | None:
    """The registered command or subcommand ``path`` names ("admin hide"), or None."""
    words = path.strip().lstrip("/").split()
    level = find_command(commands, words[0]) if words else None
    for word in words[1:]:
        if level is None:
            return None
        level = _sub(level, word)
    return level


def value_options(level: Json | None) -> dict[str, Json]:
    """The options of a command level that take values (not its subcommands), by name."""
    return {
        o["name"]: o
        for o in (level or {}).get("options") or []
        if o.get("type") not in (SUB_COMMAND, SUB_COMMAND_GROUP)
    }


def _sub(level: Json, name: str) -> Json | None:
    for option in level.get("options") or []:
        if option.get("name") == name and option.get("type") in (SUB_COMMAND, SUB_COMMAND_GROUP):
            return dict(option)
    return None


def _guess_type(value: object) -> int:
    if isinstance(value, FakeAttachment):
        return ATTACHMENT
    if isinstance(value, bool):
        return BOOLEAN
    if isinstance(value, int):
        return INTEGER
    if isinstance(value, float):
        return NUMBER
    return STRING


def _coerce(kind: int, value: object, where: str) -> object:
    try:
        if kind == INTEGER:
            return int(str(value).replace(",", "").strip()) if not isinstance(value, int) else value
        if kind == NUMBER:
            return float(value)  # type: ignore[arg-type]
        if kind == BOOLEAN:
            if isinstance(value, bool):
                return value
            text = str(value).strip().lower()
            if text in _TRUE | _FALSE:
                return text in _TRUE
            raise ValueError(text)
    except (TypeError, ValueError) as exc:
        raise OptionError(f"{where}: {value!r} is not a valid value for this option") from exc
    if kind in (USER, CHANNEL, ROLE, MENTIONABLE):
        return str(value)
    return str(value)


def build_command_data(
    commands: Sequence[Json],
    path: str,
    options: Mapping[str, object],
    *,
    focused: str | None,
    cdn_base: str,
) -> Json:
    """The ``data`` object of an application-command (or autocomplete) interaction."""
    words = path.strip().lstrip("/").split()
    if not words:
        raise OptionError("no command name given")
    command = find_command(commands, words[0])
    data: Json = {
        "id": str(command["id"]) if command and "id" in command else "0",
        "name": words[0],
        "type": 1,
    }
    if command is not None and command.get("guild_id"):
        data["guild_id"] = str(command["guild_id"])
    level: Json | None = command
    chain: list[Json] = []
    for i, word in enumerate(words[1:], start=1):
        sub = _sub(level, word) if level is not None else None
        if level is not None and sub is None:
            raise OptionError(f"/{' '.join(words[:i])} has no subcommand {word!r}")
        kind = sub["type"] if sub else (SUB_COMMAND if i == len(words) - 1 else SUB_COMMAND_GROUP)
        chain.append({"type": kind, "name": word, "options": []})
        level = sub
    resolved: dict[str, dict[str, Json]] = {}
    leaf_options = _leaf_options(level, options, focused, resolved, cdn_base, path)
    if chain:
        chain[-1]["options"] = leaf_options
        for outer, inner in itertools.pairwise(chain):
            outer["options"] = [inner]
        data["options"] = [chain[0]]
    else:
        data["options"] = leaf_options
    if resolved:
        data["resolved"] = resolved
    return data


def _leaf_options(
    level: Json | None,
    options: Mapping[str, object],
    focused: str | None,
    resolved: dict[str, dict[str, Json]],
    cdn_base: str,
    path: str,
) -> list[Json]:
    """The leaf's options; attachments and channels also go into ``resolved``, as Discord
    sends them (a channel option takes a FakeChannel, or an id when resolving is not needed)."""
    schema = value_options(level)
    if level is not None:
        if level.get("options") and len(schema) != len(level.get("options") or []):
            raise OptionError(f"/{path} needs a subcommand")
        unknown = set(options) - set(schema)
        if unknown:
            raise OptionError(f"/{path} has no option {sorted(unknown)[0]!r}")
        if focused is None:
            missing = [n for n, o in schema.items() if o.get("required") and n not in options]
            if missing:
                raise OptionError(f"/{path} needs option {missing[0]!r}")
    built: list[Json] = []
    for name, value in options.items():
        kind = int(schema[name]["type"]) if name in schema else _guess_type(value)
        where = f"/{path} {name}"
        entry: Json = {"name": name, "type": kind}
        if name == focused:
            entry["value"], entry["focused"] = str(value), True
        elif kind == ATTACHMENT:
            if not isinstance(value, FakeAttachment):
                raise OptionError(f"{where}: pass a FakeAttachment (standin.attachment(...))")
            resolved.setdefault("attachments", {})[str(value.id)] = value.payload(cdn_base)
            entry["value"] = str(value.id)
        elif kind == CHANNEL and isinstance(value, FakeChannel):
            resolved.setdefault("channels", {})[str(value.id)] = {
                "id": str(value.id),
                "name": value.name,
                "type": 0,
                "permissions": str(BOT_PERMISSIONS),
                "parent_id": None,
            }
            entry["value"] = str(value.id)
        else:
            entry["value"] = _coerce(kind, value, where)
            choices: list[Any] = (schema.get(name) or {}).get("choices") or []
            if choices and entry["value"] not in [c.get("value") for c in choices]:
                raise OptionError(f"{where}: {value!r} is not one of the choices")
        built.append(entry)
    return built
