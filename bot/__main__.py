"""The command line: ``python -m bot [--db PATH] [COMMAND ...]``.

Subcommands live in ``COMMANDS`` (name -> Command); adding one is adding an entry. With no
subcommand the shared fact base is built from the seeds folder and summarised. Known errors are
reported on one line without a traceback, with a non-zero exit status.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, TextIO

from dotenv import find_dotenv

from bot.config import Settings, SettingsError, database_setting, load_env_file
from bot.facts.counts import counted
from bot.facts.documents import DocumentError, read_document
from bot.facts.export import export_text, server_export
from bot.facts.extract import extract
from bot.facts.ingest import IngestSummary, sync_folder
from bot.facts.model import Document, Extraction
from bot.facts.store import FactStore, StoreError
from bot.facts.store.failures import database_errors

EXIT_OK = 0
EXIT_REFUSED = 1
EXIT_ERROR = 2

@dataclass(frozen=True, slots=True)
class Command:
    help: str
    configure: Callable[[argparse.ArgumentParser], None]
    run: Callable[[argparse.Namespace, Settings], int]


def _extractor(settings: Settings) -> Callable[[Document], Extraction]:
    def run(document: Document) -> Extraction:
        return extract(document, settings.subjects)

    return run


class ProgressBar:
    """A one-line bar redrawn in place; only drawn when the stream is a terminal."""

    def __init__(self, stream: TextIO, width: int = 30) -> None:
        self.stream = stream
        self.width = width

    def __call__(self, done: int, total: int, key: str) -> None:
        filled = self.width * done // total if total else self.width
        bar = "#" * filled + "." * (self.width - filled)
        self.stream.write(f"\r[{bar}] {done}/{total} {key[:40]:<40}")
        if done == total:
            self.stream.write("\n")
        self.stream.flush()


def _progress() -> ProgressBar | None:
    return ProgressBar(sys.stderr) if sys.stderr.isatty() else None


def _print_summary(summary: IngestSummary) -> int:
    for line in summary.lines():
        print(line)
    return EXIT_OK if summary.ok else EXIT_REFUSED


# -- ingest ---------------------------------------------------------------------------------------


def _configure_ingest(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "paths",
        nargs="+",
        metavar="PATH_OR_URL",
        help="folders, .txt/.md/.html/.pdf files, or http(s) addresses of articles",
    )


def _run_ingest(args: argparse.Namespace, settings: Settings) -> int:
    from bot.intake.addresses import AddressPolicy
    from bot.intake.inputs import ingest_inputs

    async def run() -> IngestSummary:
        async with await FactStore.open(settings.database) as store:
            return await ingest_inputs(
                store,
                args.paths,
                _extractor(settings),
                policy=AddressPolicy(allow_private=settings.allow_private_urls),
                progress=_progress(),
            )

    return _print_summary(asyncio.run(run()))


# -- extract --------------------------------------------------------------------------------------


def _configure_extract(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print the extraction as JSON")
    parser.add_argument("file", type=Path, metavar="FILE")


def _run_extract(args: argparse.Namespace, settings: Settings) -> int:
    from bot.intake.article import read_file
    from bot.intake.errors import IntakeError

    try:
        if args.file.suffix.lower() in (".html", ".htm", ".xhtml", ".pdf"):
            document = read_file(args.file, key=args.file.name)
        else:
            document = read_document(args.file, key=args.file.name)
    except (DocumentError, IntakeError, OSError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        print(f"refused: {args.file}: {reason}", file=sys.stderr)
        return EXIT_REFUSED
    for warning in document.warnings:
        print(f"warning: {args.file}: {warning}", file=sys.stderr)
    extraction = extract(document, settings.subjects)
    if args.json:
        print(json.dumps(extraction.to_json(), ensure_ascii=False, indent=2))
        return EXIT_OK
    for figure in extraction.figures:
        value = str(figure.low) if figure.low == figure.high else f"{figure.low}-{figure.high}"
        when = figure.date.text if figure.date else "undated"
        print(
            f"{figure.id}  {figure.subject} {figure.metric.value} {figure.qualifier.value} {value}"
            f"  source: {figure.source or 'unnamed'}  date: {when}"
        )
    for event in extraction.events:
        print(f"{event.id}  {event.date.start.isoformat()}  {event.summary}")
    return EXIT_OK


# -- export ---------------------------------------------------------------------------------------


def _configure_export(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", choices=("json", "csv"), default="json")
    parser.add_argument(
        "--guild",
        type=int,
        metavar="ID",
        help="what this server sees, as /admin export gives it (default: every document)",
    )


def _run_export(args: argparse.Namespace, settings: Settings) -> int:
    async def run() -> dict[str, Any]:
        async with await FactStore.open(settings.database) as store:
            if args.guild is not None:
                return await server_export(store, args.guild)
            return await store.export(None, all_guilds=True)

    text = export_text(asyncio.run(run()), args.format)
    sys.stdout.write(text if text.endswith("\n") else text + "\n")
    return EXIT_OK


# -- migrate-store --------------------------------------------------------------------------------


def _configure_migrate_store(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("source", metavar="SQLITE_PATH", help="the fact base file to copy")
    parser.add_argument(
        "target", metavar="POSTGRES_URL", help="postgresql://user[:password]@host[:port]/db"
    )
    parser.add_argument(
        "--replace",
        action="store_true",
        help="empty the target first when it holds anything (in the copy's transaction)",
    )


def _run_migrate_store(args: argparse.Namespace, settings: Settings) -> int:
    from bot.facts.store.location import is_postgres_url
    from bot.facts.store.transfer import copy_store

    source = Path(args.source)
    if not source.is_file():
        print(f"error: {source} is not a file; give the SQLite fact base to copy", file=sys.stderr)
        return EXIT_ERROR
    if not is_postgres_url(args.target):
        print("error: the target must be a postgresql:// URL", file=sys.stderr)
        return EXIT_ERROR

    async def run() -> list[str]:
        async with (
            await FactStore.open(source, quota=None) as old,
            await FactStore.open(args.target, quota=None) as new,
        ):
            report = await copy_store(old, new, replace=args.replace)
            return [f"copied {old.location} to {new.location}:", *report.lines()]

    for line in asyncio.run(run()):
        print(line)
    return EXIT_OK


# -- no subcommand: build the shared fact base from the seeds -------------------------------------


def _run_build(args: argparse.Namespace, settings: Settings) -> int:
    async def run() -> tuple[IngestSummary, str]:
        async with await FactStore.open(settings.database) as store:
            summary = await sync_folder(
                store, settings.seeds_dir, _extractor(settings), progress=_progress()
            )
            stats = await store.stats(None)
            where = store.location
        total = (
            f"fact base {where}: {counted(stats.documents, 'document')},"
            f" {counted(stats.figures, 'figure')}, {counted(stats.events, 'event')}"
        )
        return summary, total

    summary, total = asyncio.run(run())
    status = _print_summary(summary)
    print(total)
    return status


# -- the bot: Discord, or the local stand-in ----------------------------------------------------


def _add_locale(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--locale",
        default="en-US",
        metavar="CODE",
        help="the language of your local Discord client: en-US (default), uk, ko ...",
    )


def _configure_run(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--console", action="store_true", help="use the local console even when a token is set"
    )
    _add_locale(parser)


def _check_store(settings: Settings) -> None:
    """Open the fact base once before starting, so that a file the bot must not use (not
    SQLite, another application's, a newer schema) is refused in one line (``StoreError``)
    before anything connects."""

    async def check() -> None:
        store = await FactStore.open(settings.database)
        await store.close()

    asyncio.run(check())


def _run_run(args: argparse.Namespace, settings: Settings) -> int:
    _check_store(settings)
    if settings.token and not args.console:
        from bot.run import run_bot  # never the stand-in: see bot/console.py

        return run_bot(settings)
    from bot import console

    return console.run_console(settings, locale=args.locale)


def _run_console(args: argparse.Namespace, settings: Settings) -> int:
    from bot import console

    _check_store(settings)
    return console.run_console(settings, locale=args.locale)


def _configure_ask(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("line", help='a slash command, e.g. "/casualties subject:north korea"')
    parser.add_argument(
        "--json", action="store_true", help="print the exact bodies Discord would receive"
    )
    _add_locale(parser)


def _run_ask(args: argparse.Namespace, settings: Settings) -> int:
    from bot import console

    return console.ask(settings, args.line, as_json=args.json, locale=args.locale)


def _configure_commands(parser: argparse.ArgumentParser) -> None:
    shown = parser.add_mutually_exclusive_group()
    shown.add_argument("--json", action="store_true", help="the sync body as JSON (the default)")
    shown.add_argument(
        "--markdown", action="store_true", help="the README's command tables, made from it"
    )


def _run_commands(args: argparse.Namespace, settings: Settings) -> int:
    from bot.run import print_commands

    return print_commands(settings, markdown=args.markdown)


COMMANDS: dict[str, Command] = {
    "run": Command(
        "start the bot (Discord with DISCORD_TOKEN, otherwise the local console)",
        _configure_run,
        _run_run,
    ),
    "console": Command(
        "talk to the bot locally, through a Discord stand-in", _add_locale, _run_console
    ),
    "ask": Command("run one slash command locally and print the answer", _configure_ask, _run_ask),
    "commands": Command(
        "print the command registration body that sync sends", _configure_commands, _run_commands
    ),
    "ingest": Command(
        "store files, folders and article addresses in the fact base",
        _configure_ingest,
        _run_ingest,
    ),
    "extract": Command(
        "show what one file yields, storing nothing", _configure_extract, _run_extract
    ),
    "export": Command("print the whole fact base as JSON or CSV", _configure_export, _run_export),
    "migrate-store": Command(
        "copy an SQLite fact base (overlays, audit log, alerts, feeds) to PostgreSQL",
        _configure_migrate_store,
        _run_migrate_store,
    ),
}
DEFAULT_COMMAND = Command(
    "build the shared fact base from the seeds folder", lambda _: None, _run_build
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m bot",
        description="Sourced figures about a news story. Without a command: build the fact base"
        " from the seeds folder and summarise it.",
    )
    parser.add_argument(
        "--db", help="SQLite file or postgresql:// URL (overrides FACTBOT_DB)"
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, command in COMMANDS.items():
        sub = subparsers.add_parser(name, help=command.help, description=command.help)
        sub.add_argument("--db", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
        command.configure(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    command = COMMANDS[args.command] if args.command else DEFAULT_COMMAND
    try:
        load_env_file(find_dotenv(usecwd=True))
        settings = Settings.from_env()
        if args.db is not None:
            db_path, db_url = database_setting(args.db, "--db")
            settings = replace(settings, db_path=db_path, db_url=db_url)
        return command.run(args, settings)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except (SettingsError, StoreError, DocumentError, OSError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except database_errors() as exc:
        first_line = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        print(f"error: the fact base failed: {first_line}", file=sys.stderr)
        return EXIT_ERROR


if __name__ == "__main__":
    sys.exit(main())
