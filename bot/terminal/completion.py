"""What may come next on a half-typed command line, as Discord's client lists it: command and
subcommand names, option names, an option's fixed choices, and the choices the bot's own
autocomplete gives (an autocomplete interaction, as the client sends one per keystroke).

:func:`complete` returns the choices; the console shows them on Tab (readline) or for a line
ending in `` ?``.
"""

from __future__ import annotations

import glob
import os
import re
from dataclasses import dataclass

from bot.standin.options import (
    ATTACHMENT,
    BOOLEAN,
    CHANNEL,
    ROLE,
    SUB_COMMAND,
    SUB_COMMAND_GROUP,
    OptionError,
    command_level,
    find_command,
    value_options,
)
from bot.standin.payloads import Json
from bot.terminal.session import ConsoleSession

_OPTION_START = re.compile(r"(?:^|\s)([\w'-]+):")
AUTOCOMPLETE_SECONDS = 5.0
MAX_FILES = 50


@dataclass(frozen=True, slots=True)
class Choice:
    """``text`` replaces the line from the completion's start; ``label`` is what is listed."""

    text: str
    label: str


@dataclass(frozen=True, slots=True)
class Completions:
    start: int
    choices: list[Choice]
    #: Said when there is nothing to choose from (a free-text option: its description).
    note: str = ""

    def lines(self, line: str) -> list[str]:
        """Each choice as the whole line it makes."""
        return [line[: self.start] + c.text for c in self.choices]

    def adds_nothing(self, line: str) -> bool:
        return bool(self.choices) and all(
            full.strip() == line.strip() for full in self.lines(line)
        )


def _starts(text: str, typed: str) -> bool:
    return text.casefold().startswith(typed.casefold())


def _subcommands(level: Json) -> list[Json]:
    return [
        o for o in level.get("options") or [] if o.get("type") in (SUB_COMMAND, SUB_COMMAND_GROUP)
    ]


async def complete(session: ConsoleSession, line: str) -> Completions:
    """The choices for the end of ``line`` (the text before the cursor)."""
    commands = session.commands
    lead = len(line) - len(line.lstrip())
    body_at = lead + 1 if line[lead:].startswith("/") else lead
    body = line[body_at:]
    if not body or not any(c.isspace() for c in body):
        return Completions(
            lead,
            [
                Choice(f"/{c['name']} ", f"/{c['name']} · {c.get('description', '')}")
                for c in sorted(commands, key=lambda c: str(c["name"]))
                if _starts(c["name"], body)
            ],
        )
    first = _OPTION_START.search(body)
    head = body[: first.start()] if first else body
    words = head.split()
    level = find_command(commands, words[0])
    if level is None:
        return Completions(len(line), [], f"there is no /{words[0]}")
    path = [words[0]]
    ends_open = head[-1:].isspace() or first is not None
    for index, word in enumerate(words[1:], start=1):
        last = index == len(words) - 1 and not ends_open
        subs = _subcommands(level)
        if not subs:
            break
        if last:
            start = len(line) - len(word)
            return Completions(
                start,
                [
                    Choice(f"{s['name']} ", f"{s['name']} · {s.get('description', '')}")
                    for s in subs
                    if _starts(s["name"], word)
                ],
            )
        found = next((s for s in subs if s["name"] == word), None)
        if found is None:
            return Completions(len(line), [], f"/{' '.join(path)} has no subcommand {word!r}")
        level, path = found, [*path, word]
    subs = _subcommands(level)
    if subs:
        return Completions(
            len(line), [Choice(f"{s['name']} ", f"{s['name']} · {s.get('description', '')}")
                        for s in subs]
        )
    return await _complete_options(session, line, " ".join(path), level, body_at + len(head))


async def _complete_options(
    session: ConsoleSession, line: str, path: str, level: Json, options_at: int
) -> Completions:
    schema = value_options(level)
    starts = [m for m in _OPTION_START.finditer(line, options_at) if m.group(1) in schema]
    token = "" if line[-1:].isspace() else line.split()[-1]
    used = {m.group(1) for m in starts}
    unused = [o for o in schema.values() if o["name"] not in used]
    naming = [o for o in unused if _starts(o["name"], token)]
    if not starts or (":" not in token and naming):
        return Completions(len(line) - len(token), [_option_choice(o) for o in naming])
    current = starts[-1]
    option = schema[current.group(1)]
    value_at = current.end()
    typed = line[value_at:]
    values = {
        m.group(1): line[m.end() : (starts[i + 1].start() if i + 1 < len(starts) else len(line))]
        for i, m in enumerate(starts)
    }
    return await _complete_value(session, path, option, typed.lstrip(), value_at, line, values)


def _option_choice(option: Json) -> Choice:
    required = " (required)" if option.get("required") else ""
    label = f"{option['name']}: {option.get('description', '')}{required}"
    return Choice(f"{option['name']}:", label)


async def _complete_value(
    session: ConsoleSession,
    path: str,
    option: Json,
    typed: str,
    value_at: int,
    line: str,
    values: dict[str, str],
) -> Completions:
    start = len(line) - len(typed)
    kind = option.get("type")
    fixed = option.get("choices") or []
    if fixed:
        found = [
            Choice(f"{c['value']} ", c["name"] if str(c["name"]) == str(c["value"])
                   else f"{c['value']} · {c['name']}")
            for c in fixed
            if _starts(str(c["value"]), typed) or _starts(str(c["name"]), typed)
        ]
        return Completions(start, found)
    if kind == ATTACHMENT:
        return Completions(start, _paths(typed), "a file on this computer")
    if option.get("autocomplete"):
        return Completions(start, await _ask_bot(session, path, option["name"], typed, values))
    names: list[str] = []
    if kind == BOOLEAN:
        names = ["true", "false"]
    elif kind == CHANNEL:
        names = [f"#{c.name}" for c in session.world.guild.channels]
        typed = "#" + typed.lstrip("#")
    elif kind == ROLE:
        names = [r.name for r in session.world.guild.roles]
        typed = typed.lstrip("@")
    if names:
        return Completions(start, [Choice(f"{n} ", n) for n in names if _starts(n, typed)])
    note = f"{option['name']}: {option.get('description', '')} (free text)"
    return Completions(len(line), [], note)


def _paths(typed: str) -> list[Choice]:
    pattern = os.path.expanduser(typed) + "*"
    found = sorted(glob.glob(pattern))[:MAX_FILES]
    home = os.path.expanduser("~")
    choices = []
    for path in found:
        shown = "~" + path[len(home):] if typed.startswith("~") and path.startswith(home) else path
        if os.path.isdir(path):
            choices.append(Choice(shown + os.sep, shown + os.sep))
        else:
            choices.append(Choice(shown + " ", shown))
    return choices


async def _ask_bot(
    session: ConsoleSession, path: str, focused: str, typed: str, values: dict[str, str]
) -> list[Choice]:
    """The bot's autocomplete for ``focused``, sent with the other options typed so far
    (values a client could not send yet, like a file, are left out)."""
    schema = value_options(command_level(session.commands, path))
    others = {
        name: value.strip()
        for name, value in values.items()
        if name != focused and schema.get(name, {}).get("type") not in (ATTACHMENT, CHANNEL, ROLE)
    }
    user = session.user
    sent = others | {focused: typed}
    try:
        handle = await session.standin.start_autocomplete(
            path, sent, focused, user=user.user, member_permissions=user.permissions,
            roles=user.roles, locale=session.locale,
        )
    except OptionError:
        handle = await session.standin.start_autocomplete(
            path, {focused: typed}, focused, user=user.user,
            member_permissions=user.permissions, roles=user.roles, locale=session.locale,
        )
    reply = await handle.callback(AUTOCOMPLETE_SECONDS)
    return [
        Choice(f"{c.get('value')} ", str(c.get("name")))
        for c in reply.choices
    ]


async def completion_for_question(session: ConsoleSession, asked: str) -> tuple[str, Completions]:
    """The choices for a line typed with `` ?`` at its end (``asked`` is the line without it):
    what completes its last word, or, when that word is already complete, what may follow it."""
    text = asked.rstrip()
    found = await complete(session, text)
    if not found.choices or found.adds_nothing(text):
        text += " "
        found = await complete(session, text)
    return text, found
