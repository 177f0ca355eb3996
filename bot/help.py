"""What /help says, and the README's command tables: one source for both.

Each command's options, their names and descriptions come from the command-sync body (what
Discord shows in every language); what a command answers and its examples come from here and
the catalogue (``help.<command path>``). ``python -m bot commands --markdown`` prints the README
tables from the same text, and a test checks that the README holds exactly them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from bot.i18n import CATALOGUE, language, t

Json = Mapping[str, Any]
SUB_COMMAND = 1
SUB_COMMAND_GROUP = 2

#: A value in an example: the same in every language, or (English, Ukrainian, Korean).
ExampleValue = str | tuple[str, str, str]


@dataclass(frozen=True, slots=True)
class Example:
    path: str
    options: tuple[tuple[str, ExampleValue], ...] = ()


def _ex(path: str, **options: ExampleValue) -> Example:
    return Example(path, tuple(options.items()))


#: Examples per command path; every command and subcommand has a ``help.<path>`` message.
EXAMPLES: dict[str, tuple[Example, ...]] = {
    "casualties": (
        _ex("casualties", subject=("north korea", "Північна Корея", "북한"), metric="killed"),
        _ex("casualties", source="zelensky", chart="true"),
    ),
    "deployments": (_ex("deployments", subject="dprk"),),
    "timeline": (
        _ex("timeline", since=("June 2024", "червень 2024", "2024년 6월"), until="2025"),
        _ex("timeline", about="treaty", chart="true"),
        _ex("timeline", about="captured", quotes="true"),
    ),
    "sources": (_ex("sources"), _ex("sources", source="spy agency")),
    "search": (
        _ex("search", query="zelensky"),
        _ex(
            "search",
            query=(
                "how many north korean troops died",
                "скільки північнокорейських військових загинули",
                "북한군 사망자 몇 명",
            ),
        ),
        _ex("search", query="half a million"),
    ),
    "figure": (_ex("figure", figure="5k2qb47o"),),
    "about": (_ex("about"),),
    "help": (_ex("help", command="timeline"),),
    "admin ingest": (
        _ex(
            "admin ingest",
            file=("report.txt", "звіт.txt", "보고서.txt"),
            publisher="Yonhap",
            published="2025-02-01",
        ),
    ),
    "admin paste": (_ex("admin paste"),),
    "admin feeds add": (_ex("admin feeds add", url="https://www.yna.co.kr/rss/news.xml"),),
    "admin feeds autostore": (_ex("admin feeds autostore", enabled="false"),),
    "admin queue": (_ex("admin queue"),),
    "admin hide": (
        _ex(
            "admin hide",
            figure="5k2qb47o",
            reason=(
                "the sentence is about another war",
                "речення про іншу війну",
                "다른 전쟁에 관한 문장",
            ),
        ),
    ),
    "admin correct": (
        _ex(
            "admin correct",
            figure="5k2qb47o",
            field="source",
            value="U.S. officials",
            reason=("named in the next sentence", "названо в наступному реченні",
                    "다음 문장에 나옴"),
        ),
    ),
    "admin audit": (_ex("admin audit", limit="20"),),
    "admin export": (_ex("admin export", format="csv"),),
    "admin modrole": (_ex("admin modrole", role="@Moderators"),),
    "admin alerts": (_ex("admin alerts", channel="#news"), _ex("admin alerts")),
}


@dataclass(frozen=True, slots=True)
class Option:
    name: str
    description: str
    required: bool


@dataclass(frozen=True, slots=True)
class CommandInfo:
    """A command or subcommand as a user sees it in one language."""

    path: str  # English, the help key: "admin hide"
    shown: str  # as the client shows it: "адмін приховати"
    description: str
    options: tuple[Option, ...]
    group: bool = False  # it has subcommands (it is not run itself)


def _localized(item: Json, key: str, lang: str) -> str:
    return str((item.get(f"{key}_localizations") or {}).get(lang) or item.get(key) or "")


def commands_of(payloads: Sequence[Json], locale: object = "en") -> list[CommandInfo]:
    """Every command and subcommand of a command-sync body, in its order, named and described
    in the reader's language."""
    lang = language(locale)
    found: list[CommandInfo] = []

    def walk(item: Json, path: list[str], shown: list[str]) -> None:
        here, named = [*path, item["name"]], [*shown, _localized(item, "name", lang)]
        children = item.get("options") or []
        subs = [o for o in children if o.get("type") in (SUB_COMMAND, SUB_COMMAND_GROUP)]
        if subs:
            found.append(
                CommandInfo(
                    " ".join(here),
                    " ".join(named),
                    _localized(item, "description", lang),
                    (),
                    group=True,
                )
            )
            for sub in subs:
                walk(sub, here, named)
            return
        options = tuple(
            Option(
                _localized(o, "name", lang),
                _localized(o, "description", lang),
                bool(o.get("required")),
            )
            for o in children
        )
        found.append(
            CommandInfo(" ".join(here), " ".join(named), _localized(item, "description", lang),
                        options)
        )

    for payload in payloads:
        if int(payload.get("type", 1)) == 1:
            walk(payload, [], [])
    return found


def help_key(path: str) -> str:
    return "help." + path.replace(" ", ".")


def summary(info: CommandInfo, locale: object) -> str:
    """What the command answers; its description when help has no message for it yet."""
    key = help_key(info.path)
    return t(locale, key) if key in CATALOGUE else info.description


def usage(info: CommandInfo) -> str:
    """``/casualties [subject] [metric] [source] [chart]``: required options bare."""
    parts = [f"/{info.shown}"]
    parts += [o.name if o.required else f"[{o.name}]" for o in info.options]
    return " ".join(parts)


def example_line(example: Example, payloads: Sequence[Json], locale: object) -> str:
    """An example as the reader types it: command and option names in their language."""
    lang = language(locale)
    by_path = {i.path: i for i in commands_of(payloads, "en")}
    shown = {i.path: i for i in commands_of(payloads, lang)}
    english, local = by_path.get(example.path), shown.get(example.path)
    line = f"/{local.shown if local else example.path}"
    names = (
        {e.name: s.name for e, s in zip(english.options, local.options, strict=True)}
        if english and local
        else {}
    )
    for name, value in example.options:
        text = value if isinstance(value, str) else value[("en", "uk", "ko").index(lang)]
        line += f" {names.get(name, name)}:{text}"
    return line


def is_moderation(info: CommandInfo) -> bool:
    return info.path.split()[0] == "admin"


# -- the README ---------------------------------------------------------------------------


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def markdown_tables(payloads: Sequence[Json]) -> dict[str, str]:
    """The README's tables ("commands", "moderation"), in English: usage and summary."""
    infos = [i for i in commands_of(payloads, "en") if not i.group]
    answering = [i for i in infos if not is_moderation(i)]
    moderating = [i for i in infos if is_moderation(i)]
    tables = {}
    for name, rows, head in (
        ("commands", answering, "| command | what it shows |"),
        ("moderation", moderating, "| subcommand | what it does |"),
    ):
        lines = [head, "|---|---|"]
        lines += [f"| `{_cell(usage(i))}` | {_cell(summary(i, 'en'))} |" for i in rows]
        tables[name] = "\n".join(lines)
    return tables


def readme_block(name: str, table: str) -> str:
    """A generated table between the markers the README keeps it in."""
    return (
        f"<!-- {name} table: generated by `python -m bot commands --markdown`; do not edit -->\n"
        f"{table}\n"
        f"<!-- end of {name} table -->"
    )
