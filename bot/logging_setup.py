"""Logging for the entry points: discord.py's formatter on stderr, installed once."""

from __future__ import annotations

import logging

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
