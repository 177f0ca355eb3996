"""The local console and one-shot questions: the real bot code against the local Discord
stand-in (bot/standin/), so no token is needed. Their user is a member with Manage Server in a
stand-in server, so moderator commands work locally.

Only this module, the tests and the benchmarks import the stand-in: it points discord.py at
127.0.0.1 while it runs. Running on Discord is bot/run.py.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import json
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from bot.config import Settings
from bot.logging_setup import configure_logging
from bot.run import TOKEN_HINT
from bot.standin import (
    MANAGE_GUILD,
    MEMBER_PERMISSIONS,
    DiscordStandIn,
    FakeGuild,
    FakeUser,
    OptionError,
    Reply,
    bot_on_standin,
)
from bot.standin.commandline import parse_command_line
from bot.standin.forms import fill_in, pending_form
from bot.standin.payloads import snowflake
from bot.standin.text import Button, buttons, conversation_text

CONSOLE_PERMISSIONS = MEMBER_PERMISSIONS | MANAGE_GUILD
HISTORY_NAME = ".factbot_history"
#: How long the console waits for an answer: a deferred one may download for up to 30 s and
#: extract for up to FACTBOT_EXTRACTION_SECONDS.
ANSWER_WAIT = 120.0


def _console_settings(settings: Settings) -> Settings:
    return dataclasses.replace(settings, sync="off", token=None)


class _Session:
    """One stand-in server, one console user, and the buttons last shown."""

    def __init__(self, standin: DiscordStandIn) -> None:
        self.standin = standin
        self.user = FakeUser(snowflake(), "console")
        self.last_buttons: list[Button] = []

    async def run_line(self, line: str) -> list[Reply]:
        button = self._button(line)
        if button is not None:
            handle = await self.standin.click(
                button.message_id,
                button.custom_id,
                user=self.user,
                member_permissions=CONSOLE_PERMISSIONS,
            )
        else:
            known = self.standin.commands_for(self.standin.guild.id)
            typed = parse_command_line(line, known)
            name = typed.path.split()[0]
            if name not in {c["name"] for c in known}:
                names = " ".join(sorted("/" + c["name"] for c in known))
                raise OptionError(f"there is no /{name}; the commands are {names}")
            handle = await self.standin.invoke(
                typed.path, typed.options, user=self.user, member_permissions=CONSOLE_PERMISSIONS
            )
        return self._shown(await handle.responses(timeout=ANSWER_WAIT))

    def _shown(self, replies: list[Reply]) -> list[Reply]:
        """``replies``, after noting the buttons they show (a typed label presses one)."""
        shown = buttons(replies, self.standin.messages)
        if shown:
            self.last_buttons = shown
        return replies

    async def submit(self, form: Reply, values: dict[str, str]) -> list[Reply]:
        """Sends a filled-in modal and returns the bot's answer to it."""
        handle = await self.standin.submit_modal(
            form, values, member_permissions=CONSOLE_PERMISSIONS
        )
        return self._shown(await handle.responses(timeout=ANSWER_WAIT))

    def _button(self, line: str) -> Button | None:
        text = line.strip()
        for button in self.last_buttons:
            if text == str(button.number) or text.lower() == button.label.lower():
                return button
        return None

    def render(self, replies: Sequence[Reply]) -> str:
        return conversation_text(replies, self.standin.messages)


def _history_file() -> Path:
    home = Path.home()
    return (
        home / HISTORY_NAME
        if home.is_dir() and os.access(home, os.W_OK)
        else Path("data") / HISTORY_NAME
    )


def run_console(settings: Settings) -> int:
    """An interactive prompt: type slash commands, get the bot's answers as text."""
    configure_logging("DEBUG" if settings.log_level == "DEBUG" else "WARNING")
    return asyncio.run(_console(settings))


async def _console(settings: Settings) -> int:
    try:
        import readline
    except ImportError:  # pragma: no cover - platforms without readline
        readline = None  # type: ignore[assignment]
    history = _history_file()
    if readline is not None:
        with contextlib.suppress(OSError):
            readline.read_history_file(history)
    guild = FakeGuild.make("Console Server", roles=("Moderators",))
    async with (
        DiscordStandIn([guild]) as standin,
        bot_on_standin(_console_settings(settings), standin),
    ):
        session = _Session(standin)
        names = sorted(c["name"] for c in standin.commands_for(guild.id))
        print("FactBot console: you are a server manager in a local stand-in for Discord.")
        print("Commands: " + " ".join(f"/{n}" for n in names))
        print("Type e.g. /about, a button's number or label to press it, or quit.")
        print(TOKEN_HINT if not settings.token else "(DISCORD_TOKEN is set: `run` starts the bot.)")
        while True:
            try:
                line = await asyncio.to_thread(input, "factbot> ")
            except (EOFError, KeyboardInterrupt):
                print()
                break
            if line.strip() in ("quit", "exit", ":q"):
                break
            if not line.strip():
                continue
            try:
                replies = await session.run_line(line)
                print(session.render(replies))
                form = pending_form(replies)
                if form is not None:
                    values = await fill_in(form, _read_line)
                    replies = await session.submit(form, values)
                    print(session.render(replies))
            except (OptionError, LookupError, ValueError) as exc:
                print(f"! {exc}")
                continue
            except TimeoutError as exc:
                print(f"! no answer: {exc}")
                continue
            for violation in standin.violations:
                print(f"! Discord would have refused this: {violation.kind}: {violation.detail}")
            standin.violations.clear()
    if readline is not None:
        with contextlib.suppress(OSError):
            history.parent.mkdir(parents=True, exist_ok=True)
            readline.write_history_file(history)
    return 0


async def _read_line(prompt: str) -> str:
    return await asyncio.to_thread(input, prompt)


def ask(settings: Settings, line: str, *, as_json: bool) -> int:
    """Runs one typed command; prints the answer as text, or with ``as_json`` one line per
    request the bot made (callback first), each the exact JSON body Discord would receive.

    Exit status: 0 answered, 1 the bot failed or broke a Discord rule, 2 the line is not a
    command the bot has.
    """
    configure_logging("DEBUG" if settings.log_level == "DEBUG" else "WARNING")
    return asyncio.run(_ask(settings, line, as_json))


async def _ask(settings: Settings, line: str, as_json: bool) -> int:
    recorder = _ErrorCounter()
    logging.getLogger().addHandler(recorder)
    try:
        async with (
            DiscordStandIn([FakeGuild.make("Console Server")]) as standin,
            bot_on_standin(_console_settings(settings), standin),
        ):
            session = _Session(standin)
            try:
                replies = await session.run_line(line)
            except (OptionError, LookupError) as exc:
                print(f"error: {exc}", file=sys.stderr)
                return 2
            if as_json:
                for reply in replies:
                    print(json.dumps(reply.body, ensure_ascii=False))
            else:
                print(session.render(replies))
            for violation in standin.violations:
                print(
                    f"error: Discord would refuse: {violation.kind}: {violation.detail}",
                    file=sys.stderr,
                )
            return 1 if standin.violations or recorder.count else 0
    finally:
        logging.getLogger().removeHandler(recorder)


class _ErrorCounter(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1
