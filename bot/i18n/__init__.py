"""The bot's languages: English, Ukrainian and Korean.

Every fixed word a user reads (answers' headings and labels, qualifiers, metric names, dates,
refusals, /help, command names and descriptions) comes from the catalogue (``catalogue/``),
keyed by a message id and written in every language. ``t(locale, key, **args)`` picks the
reader's language from a Discord locale (an interaction's ``locale``), English when the bot does
not speak it. Numbers and dates are formatted per language here too (``number``, and the date
forms in bot/render/text.py).

No discord import: the fact engine's neighbours may use it. The command translator for
discord.py is ``bot.i18n.translator``.
"""

from __future__ import annotations

import re
from typing import Any

from bot.i18n.catalogue import CATALOGUE
from bot.i18n.model import Phrase, Plural, T
from bot.i18n.plural import plural_category

LANGUAGES = ("en", "uk", "ko")
ENGLISH = "en"
#: Ukrainian groups thousands with a no-break space (CLDR); English and Korean with a comma.
_GROUPING = {"uk": "\u00a0"}

__all__ = [
    "CATALOGUE",
    "ENGLISH",
    "LANGUAGES",
    "Phrase",
    "Plural",
    "T",
    "korean_particles",
    "language",
    "number",
    "phrase",
    "plural_category",
    "render",
    "t",
]


def language(locale: object) -> str:
    """The bot's language for a Discord locale (``discord.Locale`` or its value: "uk", "ko",
    "en-US" ...) or a language code; English for any other."""
    value = str(getattr(locale, "value", locale) or "").strip().lower()
    code = value.split("-")[0]
    return code if code in LANGUAGES else ENGLISH


def number(locale: object, n: int) -> str:
    """``n`` with the language's thousands separator: 1,200 / 1 200 / 1,200."""
    shown = f"{n:,}"
    separator = _GROUPING.get(language(locale))
    return shown.replace(",", separator) if separator else shown


def t(locale: object, key: str, /, **args: Any) -> str:
    """The message ``key`` in the reader's language, formatted with ``args``.

    A plural message picks its form by ``args["n"]`` (an int; pass it formatted as ``shown``
    when the text should show it otherwise). Arguments that are functions of the language (a
    nested :class:`Phrase`, a formatter) are called with it first. An unknown key is a bug:
    KeyError.
    """
    lang = language(locale)
    entry = CATALOGUE[key]
    form = entry.in_language(lang)
    values = {name: _resolved(value, lang) for name, value in args.items()}
    if isinstance(form, Plural):
        count = args.get("n")
        if not isinstance(count, int):
            raise TypeError(f"{key} is a plural message: pass n=<int>")
        forms = form.forms()
        chosen = forms.get(plural_category(lang, count), form.other)
        values.setdefault("count", number(lang, count))
        text = chosen.format(**values)
    else:
        text = form.format(**values)
    return korean_particles(text) if lang == "ko" else text


#: Korean particles written with both forms, "은(는)": the first follows a final consonant.
_PARTICLES = re.compile(r"(?<=([\uac00-\ud7a3]))(은\(는\)|이\(가\)|을\(를\)|과\(와\))")


def korean_particles(text: str) -> str:
    """Korean text with each "은(는)"-style particle after a Hangul syllable chosen by whether
    the syllable ends in a consonant ("수식어는", "출처는", "날짜가"); after anything else
    (an id, a number) both forms stay."""

    def choose(match: re.Match[str]) -> str:
        closed = (ord(match.group(1)) - 0xAC00) % 28 != 0
        particle = match.group(2)
        return particle[0] if closed else particle[2]

    return _PARTICLES.sub(choose, text)


def _resolved(value: object, lang: str) -> object:
    if isinstance(value, Phrase):
        return render(value, lang)
    if callable(value):
        return value(lang)
    return value


def phrase(key: str, /, **args: Any) -> Phrase:
    """A message whose language is chosen later, when :func:`render` knows the reader."""
    if key not in CATALOGUE:
        raise KeyError(key)
    return Phrase(key, args)


def render(text: Phrase | str, locale: object) -> str:
    """A deferred message in the reader's language (a plain string is returned as it is)."""
    if isinstance(text, str):
        return text
    return t(locale, text.key, **dict(text.args))


