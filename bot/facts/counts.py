"""A count with its noun in the plural form the count takes, for the English the engine and the
command line write ("1 document", "6 figures"); what the bot says in answers comes from the
catalogue (bot/i18n/)."""

from __future__ import annotations


def counted(n: int, noun: str, plural: str | None = None) -> str:
    """``n`` with thousands separators and ``noun``, or ``plural`` (default ``noun + "s"``)
    unless ``n`` is one: "1 figure", "1,200 figures", "2 entries"."""
    return f"{n:,} {noun if n == 1 else plural or noun + 's'}"
