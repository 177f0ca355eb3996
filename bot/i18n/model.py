"""The shapes of the catalogue: a message in each language, a plural message, and a message
whose language is chosen later (a refusal raised deep in the code, answered at the edge)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Plural:
    """A message by plural category (CLDR: English one/other, Ukrainian one/few/many/other,
    Korean other). ``other`` is required; a missing category falls back to it."""

    other: str
    one: str | None = None
    few: str | None = None
    many: str | None = None

    def forms(self) -> dict[str, str]:
        found = {"one": self.one, "few": self.few, "many": self.many, "other": self.other}
        return {k: v for k, v in found.items() if v is not None}


Form = str | Plural


@dataclass(frozen=True, slots=True)
class T:
    """One message in every language the bot speaks; English is the fallback. ``extra`` names
    the arguments some language uses that the English text does not (a month's number where
    English writes its name)."""

    en: Form
    uk: Form
    ko: Form
    extra: tuple[str, ...] = ()

    def in_language(self, language: str) -> Form:
        form: Form = getattr(self, language, self.en)
        return form


#: An argument of a deferred message: a value, or a function of the language (a number to
#: format, a nested message).
Argument = object | Callable[[str], object]


@dataclass(frozen=True, slots=True)
class Phrase:
    """A catalogue message to be put in the reader's language once it is known."""

    key: str
    args: Mapping[str, Argument] = field(default_factory=dict)
