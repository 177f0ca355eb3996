"""Discord's size and naming rules for messages and application commands.

Each check returns a list of problems (empty when the payload is acceptable), so the stand-in can
refuse a body the way Discord does and tests can say precisely what is wrong.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

CONTENT = 2000
EMBEDS = 10
EMBED_TITLE = 256
EMBED_DESCRIPTION = 4096
EMBED_FIELDS = 25
FIELD_NAME = 256
FIELD_VALUE = 1024
FOOTER = 2048
AUTHOR = 256
EMBEDS_TOTAL = 6000
COMPONENT_ROWS = 5
ROW_BUTTONS = 5
BUTTON_LABEL = 80
CUSTOM_ID = 100

NAME_MAX = 32
DESCRIPTION_MAX = 100
OPTIONS_PER_LEVEL = 25
CHOICES = 25
CHOICE_NAME_MAX = 100
COMMAND_TOTAL = 8000

SUB_COMMAND = 1
SUB_COMMAND_GROUP = 2
CHAT_INPUT = 1

#: The locales Discord accepts as keys of ``name_localizations`` and
#: ``description_localizations``.
DISCORD_LOCALES = frozenset(
    (
        "id", "da", "de", "en-GB", "en-US", "es-ES", "es-419", "fr", "hr", "it", "lt", "hu",
        "nl", "no", "pl", "pt-BR", "ro", "fi", "sv-SE", "vi", "tr", "cs", "el", "bg", "ru",
        "uk", "hi", "th", "zh-CN", "ja", "zh-TW", "ko",
    )
)


def _name_char_ok(char: str) -> bool:
    """Approximates Discord's ``[-_'\\p{L}\\p{N}]`` for one character."""
    if char in "-_'":
        return True
    category = unicodedata.category(char)
    return category[0] in ("L", "N")


def check_name(name: object, where: str) -> list[str]:
    if not isinstance(name, str) or not 1 <= len(name) <= NAME_MAX:
        return [f"{where}: name {name!r} must be 1-{NAME_MAX} characters"]
    problems = []
    if not all(_name_char_ok(c) for c in name):
        problems.append(f"{where}: name {name!r} has characters outside [-_'letters digits]")
    if name != name.lower():
        problems.append(f"{where}: name {name!r} must be lower case")
    return problems


def _check_description(text: object, where: str) -> list[str]:
    if not isinstance(text, str) or not 1 <= len(text) <= DESCRIPTION_MAX:
        return [f"{where}: description must be 1-{DESCRIPTION_MAX} characters, got {text!r}"]
    return []


def _localizations(
    item: Mapping[str, Any], key: str, where: str
) -> tuple[dict[str, str], list[str]]:
    """``item[key]`` (a ``*_localizations`` dict) and what is wrong with its locales."""
    value = item.get(key)
    if value is None:
        return {}, []
    if not isinstance(value, Mapping):
        return {}, [f"{where}: {key} must be an object of locale -> text"]
    problems = [
        f"{where}: {key} has {locale!r}, which is not a Discord locale"
        for locale in value
        if locale not in DISCORD_LOCALES
    ]
    return {str(k): v for k, v in value.items()}, problems


def _check_texts(item: Mapping[str, Any], where: str, *, described: bool = True) -> list[str]:
    """The name and description of a command or option, and each of their localizations."""
    problems = check_name(item.get("name"), where)
    names, found = _localizations(item, "name_localizations", where)
    problems += found
    for locale, name in names.items():
        problems += check_name(name, f"{where} [{locale}]")
    if described:
        problems += _check_description(item.get("description"), where)
        descriptions, found = _localizations(item, "description_localizations", where)
        problems += found
        for locale, text in descriptions.items():
            problems += _check_description(text, f"{where} [{locale}]")
    return problems


def _unique_names(options: Sequence[Mapping[str, Any]], where: str) -> list[str]:
    """Option names must differ within a level in every language a client may show."""
    locales = {
        locale for option in options for locale in option.get("name_localizations") or {}
    }
    problems = []
    for locale in sorted(locales):
        shown = [
            (option.get("name_localizations") or {}).get(locale, option.get("name"))
            for option in options
        ]
        repeated = sorted({str(n) for n in shown if shown.count(n) > 1})
        if repeated:
            problems.append(f"{where} [{locale}]: two options are both named {repeated[0]!r}")
    return problems


def _check_options(options: Sequence[Mapping[str, Any]], where: str) -> list[str]:
    problems: list[str] = []
    if len(options) > OPTIONS_PER_LEVEL:
        problems.append(f"{where}: {len(options)} options (at most {OPTIONS_PER_LEVEL})")
    problems += _unique_names(options, where)
    seen_optional = False
    names: set[str] = set()
    for option in options:
        name = option.get("name")
        here = f"{where} {name}"
        problems += _check_texts(option, here)
        if name in names:
            problems.append(f"{here}: duplicate option name")
        names.add(str(name))
        kind = option.get("type")
        if kind in (SUB_COMMAND, SUB_COMMAND_GROUP):
            problems += _check_options(option.get("options", []), here)
            continue
        if option.get("required"):
            if seen_optional:
                problems.append(f"{here}: required option after an optional one")
        else:
            seen_optional = True
        choices = option.get("choices") or []
        if len(choices) > CHOICES:
            problems.append(f"{here}: {len(choices)} choices (at most {CHOICES})")
        if choices and option.get("autocomplete"):
            problems.append(f"{here}: choices and autocomplete cannot be combined")
        for choice in choices:
            if not 1 <= len(str(choice.get("name", ""))) <= CHOICE_NAME_MAX:
                problems.append(f"{here}: choice name {choice.get('name')!r} is 1-100 characters")
            localized, found = _localizations(choice, "name_localizations", here)
            problems += found
            for locale, text in localized.items():
                if not isinstance(text, str) or not 1 <= len(text) <= CHOICE_NAME_MAX:
                    problems.append(
                        f"{here} [{locale}]: choice name {text!r} is 1-100 characters"
                    )
    return problems


def _longest(item: Mapping[str, Any], key: str) -> int:
    """The length Discord counts for a field: its longest form, default or localized."""
    forms = [str(item.get(key, ""))]
    forms += [str(v) for v in (item.get(f"{key}_localizations") or {}).values()]
    return max(len(form) for form in forms)


def _command_length(command: Mapping[str, Any]) -> int:
    """Characters counted toward the 8,000 limit: names, descriptions, choice names and values,
    each at its longest localization (as Discord counts them)."""
    total = _longest(command, "name") + _longest(command, "description")
    for option in command.get("options", []) or []:
        total += _command_length(option)
        for choice in option.get("choices", []) or []:
            total += _longest(choice, "name") + len(str(choice.get("value", "")))
    return total


def command_problems(commands: Sequence[Mapping[str, Any]]) -> list[str]:
    """Checks a command-sync body (a list of application command payloads)."""
    problems: list[str] = []
    seen: set[tuple[int, str]] = set()
    for command in commands:
        name = command.get("name")
        kind = int(command.get("type", CHAT_INPUT))
        where = f"/{name}"
        if (kind, str(name)) in seen:
            problems.append(f"{where}: two commands share this name")
        seen.add((kind, str(name)))
        problems += _check_texts(command, where, described=kind == CHAT_INPUT)
        if kind == CHAT_INPUT:
            problems += _check_options(command.get("options", []) or [], where)
        size = _command_length(command)
        if size > COMMAND_TOTAL:
            problems.append(f"{where}: {size} characters in total (at most {COMMAND_TOTAL})")
    return problems


def _length(value: object) -> int:
    return len(value) if isinstance(value, str) else 0


def embed_problems(embeds: Sequence[Mapping[str, Any]]) -> list[str]:
    problems: list[str] = []
    if len(embeds) > EMBEDS:
        problems.append(f"{len(embeds)} embeds (at most {EMBEDS})")
    total = 0
    for i, embed in enumerate(embeds):
        where = f"embed {i}"
        title = _length(embed.get("title"))
        description = _length(embed.get("description"))
        footer = _length((embed.get("footer") or {}).get("text"))
        author = _length((embed.get("author") or {}).get("name"))
        fields = embed.get("fields") or []
        for size, limit, what in (
            (title, EMBED_TITLE, "title"),
            (description, EMBED_DESCRIPTION, "description"),
            (footer, FOOTER, "footer"),
            (author, AUTHOR, "author"),
        ):
            if size > limit:
                problems.append(f"{where}: {what} has {size} characters (at most {limit})")
        if len(fields) > EMBED_FIELDS:
            problems.append(f"{where}: {len(fields)} fields (at most {EMBED_FIELDS})")
        total += title + description + footer + author
        for j, fld in enumerate(fields):
            name, value = _length(fld.get("name")), _length(fld.get("value"))
            if not 1 <= name <= FIELD_NAME:
                problems.append(f"{where} field {j}: name has {name} characters (1-{FIELD_NAME})")
            if not 1 <= value <= FIELD_VALUE:
                problems.append(
                    f"{where} field {j}: value has {value} characters (1-{FIELD_VALUE})"
                )
            total += name + value
    if total > EMBEDS_TOTAL:
        problems.append(f"embeds hold {total} characters in total (at most {EMBEDS_TOTAL})")
    return problems


def _walk_components(components: Iterable[Mapping[str, Any]]) -> Iterable[Mapping[str, Any]]:
    for component in components:
        yield component
        yield from _walk_components(component.get("components") or [])


def component_problems(components: Sequence[Mapping[str, Any]]) -> list[str]:
    problems: list[str] = []
    rows = [c for c in components if c.get("type") == 1]
    if len(rows) > COMPONENT_ROWS:
        problems.append(f"{len(rows)} component rows (at most {COMPONENT_ROWS})")
    for row in rows:
        if len(row.get("components") or []) > ROW_BUTTONS:
            problems.append(f"a row holds more than {ROW_BUTTONS} components")
    custom_ids: set[str] = set()
    for component in _walk_components(components):
        custom_id = component.get("custom_id")
        if custom_id is not None:
            if len(custom_id) > CUSTOM_ID:
                problems.append(f"custom_id {custom_id[:20]!r}... over {CUSTOM_ID} characters")
            if custom_id in custom_ids:
                problems.append(f"custom_id {custom_id!r} is used twice")
            custom_ids.add(custom_id)
        if _length(component.get("label")) > BUTTON_LABEL:
            problems.append(f"label {component.get('label')!r} over {BUTTON_LABEL} characters")
    return problems


def message_problems(body: Mapping[str, Any]) -> list[str]:
    """Checks a message body (content, embeds, components) as Discord would accept it."""
    problems: list[str] = []
    content = body.get("content")
    if content is not None and len(str(content)) > CONTENT:
        problems.append(f"content has {len(str(content))} characters (at most {CONTENT})")
    problems += embed_problems(body.get("embeds") or [])
    problems += component_problems(body.get("components") or [])
    return problems


def choice_problems(choices: Sequence[Mapping[str, Any]]) -> list[str]:
    problems: list[str] = []
    if len(choices) > CHOICES:
        problems.append(f"{len(choices)} autocomplete results (at most {CHOICES})")
    for choice in choices:
        if not 1 <= len(str(choice.get("name", ""))) <= CHOICE_NAME_MAX:
            problems.append(f"choice name {choice.get('name')!r} must be 1-100 characters")
        value = choice.get("value")
        if isinstance(value, str) and len(value) > CHOICE_NAME_MAX:
            problems.append(f"choice value {value[:20]!r}... over 100 characters")
    return problems


# Modals (interaction callback type 9).
MODAL_TITLE = 45
MODAL_COMPONENTS = 5
MODAL_LABEL = 45
LABEL_DESCRIPTION = 100
TEXT_INPUT_VALUE = 4000
TEXT_INPUT_PLACEHOLDER = 100
TEXT_INPUT = 4
ACTION_ROW = 1
LABEL = 18
TEXT_DISPLAY = 10
TEXT_STYLES = (1, 2)


def _text_input_problems(field: Mapping[str, Any], where: str, *, labelled: bool) -> list[str]:
    problems: list[str] = []
    custom_id = field.get("custom_id")
    if not isinstance(custom_id, str) or not 1 <= len(custom_id) <= CUSTOM_ID:
        problems.append(f"{where}: custom_id must be 1-{CUSTOM_ID} characters")
    if field.get("style") not in TEXT_STYLES:
        problems.append(f"{where}: style must be 1 (short) or 2 (paragraph)")
    label = field.get("label")
    if labelled and label is not None:
        problems.append(f"{where}: a text input inside a label has no label of its own")
    if not labelled and not 1 <= _length(label) <= MODAL_LABEL:
        problems.append(f"{where}: label must be 1-{MODAL_LABEL} characters, got {label!r}")
    if _length(field.get("placeholder")) > TEXT_INPUT_PLACEHOLDER:
        problems.append(f"{where}: placeholder over {TEXT_INPUT_PLACEHOLDER} characters")
    if _length(field.get("value")) > TEXT_INPUT_VALUE:
        problems.append(f"{where}: value over {TEXT_INPUT_VALUE} characters")
    low, high = field.get("min_length"), field.get("max_length")
    if low is not None and not 0 <= int(low) <= TEXT_INPUT_VALUE:
        problems.append(f"{where}: min_length must be 0-{TEXT_INPUT_VALUE}")
    if high is not None and not 1 <= int(high) <= TEXT_INPUT_VALUE:
        problems.append(f"{where}: max_length must be 1-{TEXT_INPUT_VALUE}")
    if low is not None and high is not None and int(low) > int(high):
        problems.append(f"{where}: min_length above max_length")
    return problems


def modal_fields(modal: Mapping[str, Any]) -> list[tuple[Mapping[str, Any], str]]:
    """Each text input of a modal with the label it is shown under."""
    found: list[tuple[Mapping[str, Any], str]] = []
    for component in modal.get("components") or []:
        if component.get("type") == LABEL:
            inner = component.get("component") or {}
            if inner.get("type") == TEXT_INPUT:
                found.append((inner, str(component.get("label") or "")))
        elif component.get("type") == ACTION_ROW:
            for inner in component.get("components") or []:
                if inner.get("type") == TEXT_INPUT:
                    found.append((inner, str(inner.get("label") or "")))
    return found


def modal_problems(modal: Mapping[str, Any]) -> list[str]:
    """Checks a modal (the ``data`` of a type 9 callback) as Discord would accept it."""
    problems: list[str] = []
    title = modal.get("title")
    if not 1 <= _length(title) <= MODAL_TITLE:
        problems.append(f"modal title must be 1-{MODAL_TITLE} characters, got {title!r}")
    custom_id = modal.get("custom_id")
    if not isinstance(custom_id, str) or not 1 <= len(custom_id) <= CUSTOM_ID:
        problems.append(f"modal custom_id must be 1-{CUSTOM_ID} characters")
    components = modal.get("components") or []
    if not 1 <= len(components) <= MODAL_COMPONENTS:
        problems.append(f"a modal holds 1-{MODAL_COMPONENTS} components, got {len(components)}")
    custom_ids: set[str] = set()
    for index, component in enumerate(components):
        where = f"modal component {index}"
        kind = component.get("type")
        if kind == LABEL:
            if not 1 <= _length(component.get("label")) <= MODAL_LABEL:
                problems.append(f"{where}: label must be 1-{MODAL_LABEL} characters")
            if _length(component.get("description")) > LABEL_DESCRIPTION:
                problems.append(f"{where}: description over {LABEL_DESCRIPTION} characters")
            inner = component.get("component") or {}
            if inner.get("type") == TEXT_INPUT:
                problems += _text_input_problems(inner, where, labelled=True)
            elif not inner:
                problems.append(f"{where}: a label needs a component")
        elif kind == ACTION_ROW:
            inner_rows = component.get("components") or []
            if len(inner_rows) != 1 or inner_rows[0].get("type") != TEXT_INPUT:
                problems.append(f"{where}: an action row in a modal holds one text input")
            for inner in inner_rows:
                problems += _text_input_problems(inner, where, labelled=False)
        elif kind != TEXT_DISPLAY:
            problems.append(f"{where}: type {kind} cannot be a modal's top-level component")
    for field, _ in modal_fields(modal):
        custom = str(field.get("custom_id"))
        if custom in custom_ids:
            problems.append(f"custom_id {custom!r} is used twice in the modal")
        custom_ids.add(custom)
    return problems


def submitted_problems(field: Mapping[str, Any], label: str, value: str) -> list[str]:
    """What Discord's client would refuse in a value typed into a modal's text input."""
    problems: list[str] = []
    low = int(field.get("min_length") or 0)
    high = int(field.get("max_length") or TEXT_INPUT_VALUE)
    required = field.get("required", True)
    if required and not value:
        problems.append(f"{label!r} is required")
    if value and not low <= len(value) <= high:
        problems.append(f"{label!r} takes {low}-{high} characters, got {len(value)}")
    return problems
