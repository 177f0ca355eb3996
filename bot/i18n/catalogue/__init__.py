"""Every message the bot shows, by id, in English, Ukrainian and Korean (``CATALOGUE``), from
the modules of this package, one per area; command strings are in commands.py (keyed by their
English text, for discord.py's translator). glossary.py fixes the words the others use."""

from __future__ import annotations

from collections.abc import Mapping

from bot.i18n.catalogue import admin, answers, glossary, help_text, news, refusals
from bot.i18n.model import T


def _merged(*tables: Mapping[str, T]) -> dict[str, T]:
    merged: dict[str, T] = {}
    for table in tables:
        repeated = set(merged) & set(table)
        if repeated:
            raise ValueError(f"message ids defined twice: {sorted(repeated)}")
        merged.update(table)
    return merged


CATALOGUE: dict[str, T] = _merged(
    glossary.MESSAGES,
    answers.MESSAGES,
    refusals.MESSAGES,
    help_text.MESSAGES,
    admin.MESSAGES,
    news.MESSAGES,
)
