"""Command names, descriptions, option names and choices in Ukrainian and Korean: complete,
within Discord's rules in every language, and checked by the stand-in as Discord checks them."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from typing import Any

import aiohttp
import pytest
from discord import Locale, app_commands
from discord.app_commands import TranslationContext
from discord.app_commands import TranslationContextLocation as Where

from bot.client import create_bot
from bot.config import Settings
from bot.i18n import t
from bot.i18n.catalogue.commands import CHOICES, COMMAND_NAMES, DESCRIPTIONS, OPTION_NAMES
from bot.i18n.translator import CatalogueTranslator
from bot.standin import DiscordStandIn, FakeGuild
from bot.standin.limits import COMMAND_TOTAL, _command_length, check_name, command_problems

LANGUAGES = ("uk", "ko")
SUBCOMMANDS = (1, 2)


@pytest.fixture
async def bot(tmp_path):
    made = create_bot(Settings(db_path=tmp_path / "facts.sqlite3", seeds_dir=tmp_path / "none"))
    try:
        await made.load_commands()
        yield made
    finally:
        await made.close()


@pytest.fixture
async def payloads(bot):
    return await bot.command_payloads()


def walk(items: list[dict[str, Any]], where: str = "") -> Iterator[tuple[str, dict[str, Any]]]:
    for item in items:
        here = f"{where} {item['name']}".strip()
        yield here, item
        for choice in item.get("choices") or []:
            yield f"{here} choice {choice['name']}", choice
        yield from walk(item.get("options") or [], here)


def in_language(payloads: list[dict[str, Any]], lang: str) -> list[dict[str, Any]]:
    """The commands as a client in ``lang`` shows them: every text replaced by its
    localization."""
    shown = copy.deepcopy(payloads)
    for _, item in walk(shown):
        for key in ("name", "description"):
            localized = (item.get(f"{key}_localizations") or {}).get(lang)
            if localized:
                item[key] = localized
            item.pop(f"{key}_localizations", None)
    return shown


def test_every_command_string_has_a_translation_in_both_languages(payloads):
    missing = []
    for where, item in walk(payloads):
        keys = ("name",) if " choice " in where else ("name", "description")
        for key in keys:
            for lang in LANGUAGES:
                if not (item.get(f"{key}_localizations") or {}).get(lang):
                    missing.append(f"{where} {key} [{lang}]: {item.get(key)!r}")
    assert missing == [], "add these to bot/i18n/catalogue/commands.py:\n" + "\n".join(missing)


@pytest.mark.parametrize("lang", ["en", *LANGUAGES])
def test_every_language_keeps_discords_rules(payloads, lang):
    shown = in_language(payloads, lang)
    assert command_problems(shown) == []
    for where, item in walk(shown):
        if " choice " in where:
            assert 1 <= len(item["name"]) <= 100, where
            continue
        assert check_name(item["name"], where) == []
        assert item["name"] == item["name"].lower()
        assert 1 <= len(item["description"]) <= 100, where
    for command in shown:
        assert _command_length(command) <= COMMAND_TOTAL, command["name"]


def test_the_size_counted_is_the_longest_form_of_each_text(payloads):
    for command in payloads:
        longest = _command_length(command)
        for lang in ("en", *LANGUAGES):
            assert _command_length(in_language([command], lang)[0]) <= longest
        assert longest <= COMMAND_TOTAL


def test_the_tables_hold_nothing_the_commands_do_not_use(payloads):
    used: dict[str, set[str]] = {"command": set(), "option": set(), "description": set(),
                                 "choice": set()}
    for where, item in walk(payloads):
        if " choice " in where:
            used["choice"].add(item["name"])
            continue
        used["command" if item.get("type", 1) in SUBCOMMANDS or " " not in where
             else "option"].add(item["name"])
        used["description"].add(item["description"])
    assert set(COMMAND_NAMES) - used["command"] == set()
    assert set(OPTION_NAMES) - used["option"] == set()
    assert set(DESCRIPTIONS) - used["description"] == set()
    assert set(CHOICES) - used["choice"] == set()


def test_every_command_string_is_a_locale_str(bot):
    """discord.py makes each one a locale_str (auto_locale_strings); nothing opted out."""
    strings = []
    for command in bot.tree.walk_commands():
        strings += [command._locale_name, command._locale_description]
        for parameter in getattr(command, "parameters", []):
            strings += [parameter.locale_name, parameter.locale_description]
            strings += [choice._locale_name for choice in parameter.choices]
    assert strings and all(isinstance(s, app_commands.locale_str) for s in strings)


def test_the_glossary_terms_are_the_option_names():
    for term in ("figure", "document", "source", "subject", "metric"):
        for index, lang in enumerate(LANGUAGES):
            assert OPTION_NAMES[term][index] == t(lang, f"term.{term}").lower(), (term, lang)


async def test_the_translator_answers_only_for_the_languages_it_speaks():
    translator = CatalogueTranslator()
    context: TranslationContext[Any, Any] = TranslationContext(Where.other, None)
    # the translator reads only the location, so no command object is needed
    name: TranslationContext[Any, Any] = TranslationContext(
        Where.command_name, None  # type: ignore[call-overload]
    )
    casualties = app_commands.locale_str("casualties")
    assert await translator.translate(casualties, Locale.ukrainian, name) == "втрати"
    assert await translator.translate(casualties, Locale.korean, name) == "사상자"
    assert await translator.translate(casualties, Locale.german, name) is None
    assert await translator.translate(casualties, Locale.american_english, name) is None
    assert await translator.translate(casualties, Locale.korean, context) is None


@pytest.mark.parametrize(
    "change, problem",
    [
        ({"name_localizations": {"uk": "Втрати"}}, "must be lower case"),
        ({"name_localizations": {"ko": "사상 자"}}, "characters outside"),
        ({"name_localizations": {"xx": "x"}}, "not a Discord locale"),
        ({"description_localizations": {"uk": "д" * 101}}, "description must be 1-100"),
        ({"description_localizations": {"ko": ""}}, "description must be 1-100"),
    ],
)
async def test_the_standin_refuses_localizations_discord_would_refuse(payloads, change, problem):
    body = copy.deepcopy(payloads)
    body[0].update(change)
    async with DiscordStandIn([FakeGuild.make()]) as standin:
        async with aiohttp.ClientSession() as http:
            response = await http.put(
                f"{standin.url}/api/v10/applications/{standin.application_id}/commands",
                json=body,
            )
            assert response.status == 400
        assert [v.kind for v in standin.violations] == ["invalid commands"]
        assert problem in standin.violations[0].detail


def test_the_standin_refuses_two_options_with_one_name_in_a_language(payloads):
    casualties = copy.deepcopy(next(p for p in payloads if p["name"] == "casualties"))
    options = casualties["options"]
    options[1]["name_localizations"] = dict(options[0]["name_localizations"])
    problems = command_problems([casualties])
    assert any("two options are both named 'сторона'" in p for p in problems), problems


def test_a_localized_choice_over_100_characters_is_refused(payloads):
    admin = copy.deepcopy(next(p for p in payloads if p["name"] == "admin"))
    for _, item in walk([admin]):
        if item.get("name") == "correct":
            field = next(o for o in item["options"] if o["name"] == "field")
            field["choices"][0]["name_localizations"]["ko"] = "가" * 101
    assert any("choice name" in p for p in command_problems([admin]))
