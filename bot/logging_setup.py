"""Logging for the entry points: discord.py's formatter on stderr, installed once; or, for the
console, a log file."""

from __future__ import annotations

import contextlib
import logging
import sys
from collections.abc import Iterator
from logging.handlers import RotatingFileHandler
from pathlib import Path

import discord


class _NoVoiceNotice(logging.Filter):
    """A slash-command bot needs no voice libraries, so their absence is not worth a warning."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not (record.name == "discord.client" and "voice will NOT be supported" in record.msg)


_voice_filter = _NoVoiceNotice()


def configure_logging(level: str) -> None:
    """Logs at ``level`` to stderr; calling it again changes the level, not the handlers."""
    root = logging.getLogger()
    if not any(_voice_filter in h.filters for h in root.handlers):
        discord.utils.setup_logging(level=logging.getLevelName(level), root=True)
        for handler in root.handlers:
            handler.addFilter(_voice_filter)
    root.setLevel(level)


LOG_FILE_BYTES = 1_000_000
LOG_FILE_BACKUPS = 2


def _terminal_handler(handler: logging.Handler) -> bool:
    return (
        isinstance(handler, logging.StreamHandler)
        and not isinstance(handler, logging.FileHandler)
        and getattr(handler, "stream", None) in (sys.stderr, sys.stdout)
    )


@contextlib.contextmanager
def logs_in_file(path: Path, level: str) -> Iterator[Path]:
    """While inside, every log line and Python warning (a library's, e.g. matplotlib's) goes to
    ``path`` and none to the terminal, so nothing breaks into a prompt. The file is rotated at
    about 1 MB; the handlers and level before are restored on the way out."""
    path.parent.mkdir(parents=True, exist_ok=True)
    root = logging.getLogger()
    handler = RotatingFileHandler(
        path, maxBytes=LOG_FILE_BYTES, backupCount=LOG_FILE_BACKUPS, encoding="utf-8"
    )
    handler.setFormatter(
        logging.Formatter("%(asctime)s %(levelname)-8s %(name)s: %(message)s")
    )
    handler.addFilter(_voice_filter)
    removed = [h for h in root.handlers if _terminal_handler(h)]
    for terminal in removed:
        root.removeHandler(terminal)
    previous_level = root.level
    root.addHandler(handler)
    root.setLevel(level)
    logging.captureWarnings(True)
    try:
        yield path
    finally:
        logging.captureWarnings(False)
        root.removeHandler(handler)
        handler.close()
        root.setLevel(previous_level)
        for terminal in removed:
            root.addHandler(terminal)
