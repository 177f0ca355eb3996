"""Parses a typed slash command: ``/admin hide figure:abc reason:a typo in the source``.

The words before the first ``name:`` are the command and its subcommands; each option's value
runs up to the next ``name:`` of an option that command has (any ``word:`` when the command is
unknown), so values may contain spaces and colons.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from bot.standin.options import OptionError, command_level, value_options
from bot.standin.payloads import Json

_OPTION_START = re.compile(r"(?:^|\s)([\w'-]+):")


@dataclass(frozen=True, slots=True)
class TypedCommand:
    path: str
    options: dict[str, str]


def _option_names(commands: Sequence[Json], words: list[str]) -> set[str] | None:
    level = command_level(commands, " ".join(words))
    return None if level is None else set(value_options(level))


def parse_command_line(line: str, commands: Sequence[Json] = ()) -> TypedCommand:
    text = line.strip()
    if text.startswith("/"):
        text = text[1:]
    if not text:
        raise OptionError("type a command, e.g. /about")
    first = _OPTION_START.search(text)
    head = text[: first.start()] if first else text
    words = head.split()
    if not words:
        raise OptionError("the command name comes first, e.g. /casualties subject:north korea")
    known = _option_names(commands, words)
    starts = [
        m for m in _OPTION_START.finditer(text, len(head)) if known is None or m.group(1) in known
    ]
    if first is not None and (not starts or starts[0].start() != first.start()):
        raise OptionError(f"/{' '.join(words)} has no option {first.group(1)!r}")
    options: dict[str, str] = {}
    for index, match in enumerate(starts):
        end = starts[index + 1].start() if index + 1 < len(starts) else len(text)
        name = match.group(1)
        if name in options:
            raise OptionError(f"option {name!r} given twice")
        options[name] = text[match.end() : end].strip()
    return TypedCommand(" ".join(words), options)
