"""The local console and one-shot questions: the real bot code against the local Discord
stand-in (bot/standin/), so no token is needed. The console keeps its own server beside the fact
base (bot/terminal/world.py), so what was decided there is still there at the next start; its
people are a server manager (the default), a moderator, a plain member and the bot's operator.

Only this module, bot/terminal/, the tests and the benchmarks import the stand-in: it points
discord.py at 127.0.0.1 while it runs. Running on Discord is bot/run.py.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import json
import logging
import os
import sys
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

from bot.config import Settings
from bot.logging_setup import logs_in_file
from bot.run import TOKEN_HINT
from bot.standin import DiscordStandIn, OptionError, bot_on_standin
from bot.standin.forms import ReadLine, fill_in, pending_form
from bot.terminal.completion import Completions, complete, completion_for_question
from bot.terminal.session import Answer, ConsoleSession
from bot.terminal.world import PERSONAS, World, load_world, world_path

HISTORY_NAME = ".factbot_history"
FILES_FOLDER = "console-files"
LOG_NAME = "console.log"
PROMPT = "factbot> "
QUIT_WORDS = ("quit", "exit", ":q")
#: Seconds Tab completion waits for the bot's autocomplete.
COMPLETION_SECONDS = 8.0


def console_folder(settings: Settings) -> Path:
    """Where the console keeps its server, its log and the files the bot sends: the fact
    base's folder."""
    return settings.db_path.parent


def log_file(settings: Settings) -> Path:
    return console_folder(settings) / LOG_NAME


def wait_seconds(settings: Settings) -> float:
    """How long a line waits for the bot to finish: an upload may download for up to 30 s and
    extract for the whole extraction budget before its preview is sent."""
    return max(120.0, settings.extraction_seconds + 60.0)


def _console_settings(settings: Settings, world: World) -> Settings:
    return dataclasses.replace(
        settings, sync="off", token=None, owner_ids=settings.owner_ids | world.owner_ids
    )


@contextlib.asynccontextmanager
async def local_discord(settings: Settings, *, locale: str = "en-US") -> AsyncIterator[
    ConsoleSession
]:
    """The bot logged in to a local Discord holding the console's own server, and a session of
    its default person there."""
    folder = console_folder(settings)
    world = load_world(folder)
    if world.set_aside:
        print(f"warning: {world.set_aside}", file=sys.stderr)
    async with (
        DiscordStandIn([world.guild], application_id=world.application_id) as standin,
        bot_on_standin(_console_settings(settings, world), standin),
    ):
        yield ConsoleSession(
            standin,
            world,
            files_dir=folder / FILES_FOLDER,
            wait_seconds=wait_seconds(settings),
            locale=locale,
        )


def _history_file() -> Path:
    home = Path.home()
    return (
        home / HISTORY_NAME
        if home.is_dir() and os.access(home, os.W_OK)
        else Path("data") / HISTORY_NAME
    )


def run_console(settings: Settings, *, locale: str = "en-US") -> int:
    """An interactive prompt: type slash commands, get the bot's answers as text. Log lines go
    to a file (one line at the start says which), never into the prompt."""
    path = log_file(settings)
    with logs_in_file(path, settings.log_level):
        print(f"Log lines go to {path}.")
        return asyncio.run(_console(settings, locale))


def _introduction(session: ConsoleSession, settings: Settings) -> str:
    folder = console_folder(settings)
    names = sorted(c["name"] for c in session.commands)
    people = ", ".join(p.name for p in PERSONAS)
    return "\n".join(
        (
            f"FactBot console: a local stand-in for Discord, with your own server (kept in"
            f" {world_path(folder)}).",
            f"You are {session.persona}: {session.user.persona.about}. Your client speaks"
            f" {session.locale}.",
            "Commands: " + " ".join(f"/{n}" for n in names) + "   (/help explains each one)",
            "Tab, or ` ?` at the end of a line, lists what may come next (options, choices).",
            "Attach a file by its path: /admin ingest file:notes.txt. Files the bot sends are"
            f" saved in {folder / FILES_FOLDER}.",
            "Press a button by its label (next, confirm) or number. `:user NAME` acts as"
            f" another person ({people}); `:locale uk|ko|en` changes your client's language;"
            " quit ends.",
            TOKEN_HINT if not settings.token else "(DISCORD_TOKEN is set: `run` starts the bot.)",
        )
    )


async def _console(settings: Settings, locale: str) -> int:
    try:
        import readline
    except ImportError:  # pragma: no cover - platforms without readline
        readline = None  # type: ignore[assignment]
    history = _history_file()
    if readline is not None:
        with contextlib.suppress(OSError):
            readline.read_history_file(history)
    async with local_discord(settings, locale=locale) as session:
        if readline is not None:
            _TabCompletion(readline, session, asyncio.get_running_loop()).install()
        print(_introduction(session, settings))
        while True:
            for news in session.channel_news():
                print(news)
            try:
                line = await asyncio.to_thread(input, PROMPT)
            except (EOFError, KeyboardInterrupt):
                print()
                break
            if line.strip() in QUIT_WORDS:
                break
            if line.strip():
                print(await respond(session, line, read_line=_read_line))
    if readline is not None:
        with contextlib.suppress(OSError):
            history.parent.mkdir(parents=True, exist_ok=True)
            readline.write_history_file(history)
    return 0


async def _read_line(prompt: str) -> str:
    return await asyncio.to_thread(input, prompt)


def question(line: str) -> str | None:
    """The line a `` ?`` at the end asks the choices for; None when the ``?`` belongs to what
    was typed (a question in a search ends in one too)."""
    text = line.rstrip()
    if not text.endswith("?"):
        return None
    before = text[:-1]
    if not before.strip() or before[-1:].isspace() or before.endswith(":"):
        return before
    if not any(c.isspace() for c in before.strip()):  # a command name cannot hold "?"
        return before
    return None


async def respond(
    session: ConsoleSession,
    line: str,
    *,
    read_line: ReadLine | None = None,
    show: Callable[[str], None] = print,
) -> str:
    """What the console prints for one typed line. When the bot answers with a form (a modal)
    and ``read_line`` reads the person's input, the form is shown (``show``), filled in field
    by field and sent, and the bot's answer to it is what is returned."""
    text = line.strip()
    try:
        if text.startswith(":"):
            return _meta(session, text)
        asked = question(line)
        if asked is not None:
            _, found = await completion_for_question(session, asked)
            return _choices_text(found)
        answer = await session.run_line(line)
        form = pending_form(answer.replies)
        if form is not None and read_line is not None:
            show(_shown(session, answer))
            values = await fill_in(form, read_line)
            answer = await session.submit(form, values)
    except (OptionError, LookupError, ValueError) as exc:
        return f"! {exc}"
    except TimeoutError as exc:
        return f"! no answer: {exc}"
    return _shown(session, answer)


def _shown(session: ConsoleSession, answer: Answer) -> str:
    shown = session.render(answer)
    for violation in session.standin.violations:
        shown += f"\n! Discord would have refused this: {violation.kind}: {violation.detail}"
    session.standin.violations.clear()
    return shown


def _meta(session: ConsoleSession, text: str) -> str:
    word, _, rest = text[1:].partition(" ")
    if word == "user":
        if not rest.strip():
            return "\n".join(
                f"{'*' if p.name == session.persona else ' '} {p.name}: {p.about}" for p in PERSONAS
            )
        return session.switch_persona(rest)
    if word == "locale":
        if not rest.strip():
            return f"Your client speaks {session.locale}."
        return session.switch_locale(rest)
    return f"! unknown console command :{word}; there are :user [NAME] and :locale [CODE]"


def _choices_text(found: Completions) -> str:
    if not found.choices:
        return f"(nothing to choose: {found.note})" if found.note else "(no choices)"
    return "\n".join(f"  {choice.label}" for choice in found.choices)


class _TabCompletion:
    """Readline's Tab: the text before the cursor is completed with :func:`complete` (run on the
    event loop, which waits for input meanwhile); several choices are listed by their labels."""

    def __init__(self, readline: Any, session: ConsoleSession, loop: asyncio.AbstractEventLoop):
        self.readline = readline
        self.session = session
        self.loop = loop
        self.matches: list[str] = []
        self.labels: dict[str, str] = {}

    def install(self) -> None:
        self.readline.set_completer(self.complete)
        self.readline.set_completer_delims("")
        if "libedit" in (self.readline.__doc__ or ""):
            self.readline.parse_and_bind("bind ^I rl_complete")
        else:
            self.readline.parse_and_bind("tab: complete")
        hook: Callable[..., None] | None = getattr(
            self.readline, "set_completion_display_matches_hook", None
        )
        if hook is not None:
            hook(self.display)

    def complete(self, text: str, state: int) -> str | None:
        if state == 0:
            line = self.readline.get_line_buffer()[: self.readline.get_endidx()]
            future = asyncio.run_coroutine_threadsafe(complete(self.session, line), self.loop)
            try:
                found = future.result(timeout=COMPLETION_SECONDS)
            except Exception:  # a failed completion must never break the prompt
                logging.getLogger(__name__).warning("completion failed", exc_info=True)
                found = None
            self.matches = found.lines(line) if found else []
            self.labels = {
                full: choice.label
                for full, choice in zip(self.matches, found.choices if found else [], strict=True)
            }
            if found and not found.choices and found.note:
                print(f"\n  ({found.note})\n{PROMPT}{self.readline.get_line_buffer()}", end="")
                sys.stdout.flush()
        return self.matches[state] if state < len(self.matches) else None

    def display(self, substitution: str, matches: list[str], longest: int) -> None:
        print()
        for match in matches:
            print(f"  {self.labels.get(match, match)}")
        print(f"{PROMPT}{self.readline.get_line_buffer()}", end="")
        sys.stdout.flush()


def ask(settings: Settings, line: str, *, as_json: bool, locale: str = "en-US") -> int:
    """Runs one typed command in the console's server; prints the answer as text (files the
    bot sends are saved and their paths printed), or with ``as_json`` one line per request the
    bot made (callback first), each the exact JSON body Discord would receive.

    Exit status: 0 answered, 1 the bot failed or broke a Discord rule, 2 the line is not a
    command the bot has.
    """
    path = log_file(settings)
    with logs_in_file(path, settings.log_level):
        return asyncio.run(_ask(settings, line, as_json, locale, path))


async def _ask(settings: Settings, line: str, as_json: bool, locale: str, path: Path) -> int:
    recorder = _ErrorCounter()
    logging.getLogger().addHandler(recorder)
    try:
        async with local_discord(settings, locale=locale) as session:
            try:
                answer = await session.run_line(line)
            except (OptionError, LookupError) as exc:
                print(f"error: {exc}", file=sys.stderr)
                return 2
            if as_json:
                for reply in answer.replies:
                    print(json.dumps(reply.body, ensure_ascii=False))
                for paths in answer.saved.values():
                    for saved in paths:
                        print(f"saved: {saved}", file=sys.stderr)
            else:
                print(session.render(answer))
            standin: DiscordStandIn = session.standin
            for violation in standin.violations:
                print(
                    f"error: Discord would refuse: {violation.kind}: {violation.detail}",
                    file=sys.stderr,
                )
            if recorder.count:
                print(f"error: the bot logged errors; see {path}", file=sys.stderr)
            return 1 if standin.violations or recorder.count or answer.unfinished else 0
    finally:
        logging.getLogger().removeHandler(recorder)


class _ErrorCounter(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1
