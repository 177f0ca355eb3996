"""/help as pages of embeds in the reader's language (content: bot/help.py)."""

from __future__ import annotations

from collections.abc import Sequence

import discord

from bot.help import (
    EXAMPLES,
    CommandInfo,
    Json,
    commands_of,
    example_line,
    is_moderation,
    summary,
    usage,
)
from bot.i18n import t
from bot.render.pages import Entry, paginate


def _reading(locale: object) -> list[Entry]:
    return [
        Entry(t(locale, "help.qualifiers"), group=t(locale, "help.qualifiers.title")),
        Entry(t(locale, "help.dates"), group=t(locale, "help.dates.title")),
    ]


def help_overview(payloads: Sequence[Json], locale: object) -> list[discord.Embed]:
    """Every command with what it answers; moderation in one line; how to read answers."""
    infos = commands_of(payloads, locale)
    answering = [i for i in infos if not i.group and not is_moderation(i)]
    admin = next((i for i in infos if i.path == "admin"), None)
    commands_group = t(locale, "help.commands")
    entries = [
        Entry(f"**`{usage(info)}`**\n{summary(info, locale)}", group=commands_group)
        for info in answering
    ]
    if admin is not None:
        entries.append(
            Entry(f"**`/{admin.shown}`**\n{summary(admin, locale)}",
                  group=t(locale, "help.moderation"))
        )
    entries += _reading(locale)
    return paginate(
        entries,
        title=t(locale, "help.title"),
        intro=t(locale, "help.intro"),
        footer=t(locale, "help.footer"),
        per_page=len(entries),
    )


def _command_entry(info: CommandInfo, payloads: Sequence[Json], locale: object) -> str:
    lines = [f"**`{usage(info)}`**", summary(info, locale)]
    for option in info.options:
        need = t(locale, "help.required" if option.required else "help.optional")
        lines.append(f"• `{option.name}` ({need}): {option.description}")
    examples = EXAMPLES.get(info.path, ())
    if examples:
        lines.append(
            f"{t(locale, 'help.examples')}: "
            + " · ".join(f"`{example_line(e, payloads, locale)}`" for e in examples)
        )
    return "\n".join(lines)


def help_pages(
    payloads: Sequence[Json], locale: object, command: str | None = None
) -> list[discord.Embed]:
    """The overview, or one command (with all its subcommands) in full."""
    if command is None:
        return help_overview(payloads, locale)
    infos = [
        i for i in commands_of(payloads, locale)
        if not i.group and (i.path == command or i.path.startswith(command + " "))
    ]
    if not infos:
        return help_overview(payloads, locale)
    entries = [Entry(_command_entry(info, payloads, locale)) for info in infos]
    if not is_moderation(infos[0]):
        entries += _reading(locale)
    shown = next(
        (i.shown for i in commands_of(payloads, locale) if i.path == command), command
    )
    return paginate(
        entries,
        title=f"{t(locale, 'help.title')}: /{shown}",
        footer=t(locale, "help.footer"),
        per_page=4,
    )
