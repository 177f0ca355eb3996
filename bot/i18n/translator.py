"""discord.py's ``app_commands.Translator`` over the catalogue: the localised names,
descriptions and choices that command sync sends Discord (``name_localizations`` ...), so each
client shows the commands in its user's language. Every command string is a ``locale_str``
(discord.py wraps each one: ``auto_locale_strings``), looked up by its English text."""

from __future__ import annotations

from discord import Locale, app_commands
from discord.app_commands import TranslationContextLocation as Where

from bot.i18n import ENGLISH, language
from bot.i18n.catalogue.commands import (
    CHOICES,
    COMMAND_NAMES,
    DESCRIPTIONS,
    OPTION_NAMES,
    Pair,
)

#: The Discord locales the bot speaks besides English (Discord falls back to the default
#: strings, English, for every other).
TRANSLATED_LOCALES = (Locale.ukrainian, Locale.korean)

_TABLES: dict[Where, dict[str, Pair]] = {
    Where.command_name: COMMAND_NAMES,
    Where.group_name: COMMAND_NAMES,
    Where.command_description: DESCRIPTIONS,
    Where.group_description: DESCRIPTIONS,
    Where.parameter_name: OPTION_NAMES,
    Where.parameter_description: DESCRIPTIONS,
    Where.choice_name: CHOICES,
}


def command_string(location: Where, english: str, lang: str) -> str | None:
    """The ``lang`` form of a command string (None: English, or none written)."""
    if lang == ENGLISH:
        return None
    pair = _TABLES.get(location, {}).get(english)
    if pair is None:
        return None
    return pair[0] if lang == "uk" else pair[1]


def choice_name(english: str, locale: object) -> str:
    """A fixed choice as the reader's client shows it ("source" -> "джерело", "출처")."""
    return command_string(Where.choice_name, english, language(locale)) or english


class CatalogueTranslator(app_commands.Translator):
    async def translate(
        self,
        string: app_commands.locale_str,
        locale: Locale,
        context: app_commands.TranslationContextTypes,
    ) -> str | None:
        if locale not in TRANSLATED_LOCALES:
            return None
        return command_string(context.location, string.message, language(locale))
