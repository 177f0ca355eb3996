"""One person at the console in the local server: typed lines become interactions, as a Discord
client would send them, and every reply the bot makes for them is collected.

A command may answer in several messages, some late (a chart is drawn after the listing is
sent), so a line's answer is complete only when the bot has finished handling the interaction:
the session waits for discord.py's handler tasks of that interaction, within a bound.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import discord

from bot.standin import DiscordStandIn, InteractionHandle, OptionError, Reply
from bot.standin.commandline import parse_command_line
from bot.standin.options import (
    ATTACHMENT,
    CHANNEL,
    ROLE,
    command_level,
    value_options,
)
from bot.standin.payloads import Json
from bot.standin.text import Button, buttons, conversation_text, reply_text
from bot.terminal.files import read_upload, save_files
from bot.terminal.world import DEFAULT_PERSONA, PERSONAS, LocalUser, World

#: The names discord.py gives the tasks that run a command, a button or a modal; the bot has
#: finished with an interaction when the tasks it started for it are done.
HANDLER_TASKS = (
    "CommandTree-invoker",
    "discord-ui-view-dispatch-",
    "discord-ui-modal-dispatch-",
    "discord-ui-dynamic-item-",
)
#: How long a line's first answer may take (Discord itself allows 3 s; the stand-in flags more).
FIRST_ANSWER_SECONDS = 10.0
_LABEL_NOISE = re.compile(r"[\W_]+")


def _handlers() -> set[asyncio.Task[Any]]:
    return {
        task
        for task in asyncio.all_tasks()
        if not task.done() and task.get_name().startswith(HANDLER_TASKS)
    }


def label_key(label: str) -> str:
    """A button label as typed: case and symbols ignored ("Next ›" -> "next")."""
    return _LABEL_NOISE.sub("", label.casefold())


def discord_locale(code: str) -> str:
    """A locale Discord sends (``en-US``, ``uk``, ``ko`` ...) for what was typed; "en" is en-US."""
    wanted = code.strip()
    if wanted.casefold() in ("en", "english"):
        return "en-US"
    for locale in discord.Locale:
        if locale.value.casefold() == wanted.casefold():
            return locale.value
    known = ", ".join(sorted(locale.value for locale in discord.Locale))
    raise OptionError(f"{wanted!r} is not a Discord locale; try en, uk or ko (all: {known})")


@dataclass
class Answer:
    """What one typed line produced."""

    replies: list[Reply]
    #: Position of a reply in ``replies`` -> where the files it carried were saved.
    saved: dict[int, list[Path]] = field(default_factory=dict)
    #: The bot was still working on it when the wait ended.
    unfinished: bool = False


class ConsoleSession:
    """The local server, the person typing (a persona, switchable) and the buttons last shown."""

    def __init__(
        self,
        standin: DiscordStandIn,
        world: World,
        *,
        files_dir: Path,
        wait_seconds: float = 60.0,
        persona: str = DEFAULT_PERSONA,
        locale: str = "en-US",
    ) -> None:
        self.standin = standin
        self.world = world
        self.files_dir = files_dir
        self.wait_seconds = wait_seconds
        self.persona = persona
        self.locale = discord_locale(locale)
        self.last_buttons: list[Button] = []
        self._channel_seen = len(standin.channel_messages)

    @property
    def user(self) -> LocalUser:
        return self.world.users[self.persona]

    @property
    def commands(self) -> list[Json]:
        return self.standin.commands_for(self.world.guild.id)

    def switch_persona(self, name: str) -> str:
        wanted = name.strip().casefold()
        if wanted not in self.world.users:
            listed = "; ".join(f"{p.name}: {p.about}" for p in PERSONAS)
            raise OptionError(f"there is no user {name.strip()!r}; the users are {listed}")
        self.persona = wanted
        return f"You are now {wanted}: {self.user.persona.about}."

    def switch_locale(self, code: str) -> str:
        self.locale = discord_locale(code)
        return f"Your Discord client now speaks {self.locale}."

    # -- typed lines --------------------------------------------------------------------------

    async def run_line(self, line: str) -> Answer:
        """Runs a slash command, or presses a button shown by the last answer."""
        button = None if line.lstrip().startswith("/") else self.button(line)
        user = self.user
        if button is not None:
            pressed = button

            def dispatch() -> Awaitable[InteractionHandle]:
                return self.standin.click(
                    pressed.message_id,
                    pressed.custom_id,
                    user=user.user,
                    member_permissions=user.permissions,
                    roles=user.roles,
                    locale=self.locale,
                )

        else:
            known = self.commands
            typed = parse_command_line(line, known)
            name = typed.path.split()[0]
            if name not in {c["name"] for c in known}:
                names = " ".join(sorted("/" + c["name"] for c in known))
                raise OptionError(f"there is no /{name}; the commands are {names}")
            options = self._option_values(typed.path, typed.options)

            def dispatch() -> Awaitable[InteractionHandle]:
                return self.standin.invoke(
                    typed.path,
                    options,
                    user=user.user,
                    member_permissions=user.permissions,
                    roles=user.roles,
                    locale=self.locale,
                )

        return self._noted(await self._answer(dispatch))

    async def submit(self, form: Reply, values: dict[str, str]) -> Answer:
        """Sends a filled-in modal (``form``, the bot's reply that opened it) as the person
        who opened it, and collects the bot's answer."""
        user = self.user

        def dispatch() -> Awaitable[InteractionHandle]:
            return self.standin.submit_modal(form, values, member_permissions=user.permissions)

        return self._noted(await self._answer(dispatch))

    def _noted(self, answer: Answer) -> Answer:
        """``answer``, after noting the buttons it shows (a typed label presses one)."""
        shown = buttons(answer.replies, self.standin.messages)
        if shown:
            self.last_buttons = shown
        return answer

    def button(self, line: str) -> Button | None:
        """The shown button ``line`` names: its number, or its label (case and symbols ignored,
        a unique beginning is enough). None when it names none; refused when it is ambiguous or
        the button is disabled."""
        text = line.strip()
        if not text or not self.last_buttons:
            return None
        if text.isdecimal():
            chosen = [b for b in self.last_buttons if b.number == int(text)]
        else:
            key = label_key(text)
            if not key:
                return None
            chosen = [b for b in self.last_buttons if label_key(b.label) == key] or [
                b for b in self.last_buttons if label_key(b.label).startswith(key)
            ]
        if len(chosen) > 1:
            names = ", ".join(f"“{b.label}”" for b in chosen)
            raise OptionError(f"“{text}” could be {names}; type more of the label")
        if not chosen:
            return None
        if chosen[0].disabled:
            raise OptionError(f"the button “{chosen[0].label}” is disabled")
        return chosen[0]

    def _option_values(self, path: str, typed: dict[str, str]) -> dict[str, object]:
        """What the client sends for each typed value: a file read from disk for an attachment,
        the channel or role a name means."""
        schema = value_options(command_level(self.commands, path))
        values: dict[str, object] = {}
        for name, value in typed.items():
            kind = (schema.get(name) or {}).get("type")
            if kind == ATTACHMENT:
                filename, data, content_type = read_upload(
                    value, self.standin.attachment_size_limit, name
                )
                values[name] = self.standin.attachment(filename, data, content_type)
            elif kind == CHANNEL:
                channel = self.world.channel(value)
                if channel is None:
                    listed = ", ".join(f"#{c.name}" for c in self.world.guild.channels)
                    raise OptionError(f"{name}: there is no channel {value!r}; try {listed}")
                values[name] = channel
            elif kind == ROLE:
                role = self.world.role(value)
                if role is None and not value.strip().isdecimal():
                    listed = ", ".join(r.name for r in self.world.guild.roles)
                    raise OptionError(f"{name}: there is no role {value!r}; try {listed}")
                values[name] = str(role.id) if role is not None else value.strip()
            else:
                values[name] = value
        return values

    async def _answer(self, dispatch: Callable[[], Awaitable[InteractionHandle]]) -> Answer:
        before = _handlers()
        handle = await dispatch()
        await handle.callback(FIRST_ANSWER_SECONDS)
        started = _handlers() - before
        unfinished = False
        if started:
            _, pending = await asyncio.wait(started, timeout=self.wait_seconds)
            unfinished = bool(pending)
        replies = await handle.responses(timeout=FIRST_ANSWER_SECONDS)
        saved = {
            index: save_files(reply.files, self.files_dir)
            for index, reply in enumerate(replies)
            if reply.files
        }
        return Answer(replies, saved, unfinished)

    # -- what else happened -------------------------------------------------------------------

    def channel_news(self) -> list[str]:
        """Messages the bot posted in the server's channels since the last call (alerts)."""
        posted = self.standin.channel_messages[self._channel_seen :]
        self._channel_seen += len(posted)
        names = {c.id: c.name for c in self.world.guild.channels}
        shown = []
        for reply in posted:
            message = self.standin.messages.get(reply.message_id or 0) or {}
            channel = int(message.get("channel_id") or 0)
            where = f"#{names.get(channel, channel)}"
            saved = save_files(reply.files, self.files_dir) if reply.files else []
            text = reply_text(reply, [str(p) for p in saved])
            shown.append(text.replace("[channel message]", f"[message in {where}]", 1))
        return shown

    def render(self, answer: Answer) -> str:
        saved = {i: [str(p) for p in paths] for i, paths in answer.saved.items()}
        text = conversation_text(answer.replies, self.standin.messages, saved)
        if answer.unfinished:
            text += (
                f"\n\n(the bot was still working after {self.wait_seconds:g} s;"
                " what it sends later is not shown)"
            )
        return text

