"""/help and the README's command tables: one source, complete, in every language."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.client import create_bot
from bot.config import Settings
from bot.help import EXAMPLES, commands_of, example_line, help_key, markdown_tables, readme_block
from bot.i18n import CATALOGUE
from bot.standin import FakeAttachment, FakeChannel
from bot.standin.options import build_command_data
from commands.help import HELP_TOPICS
from tests.standin.harness import replies_text

README = Path(__file__).resolve().parents[2] / "README.md"


@pytest.fixture
async def payloads(tmp_path):
    bot = create_bot(Settings(db_path=tmp_path / "facts.sqlite3", seeds_dir=tmp_path / "none"))
    try:
        await bot.load_commands()
        yield await bot.command_payloads()
    finally:
        await bot.close()


def test_the_readme_holds_the_tables_help_is_made_from(payloads):
    readme = README.read_text(encoding="utf-8")
    for name, table in markdown_tables(payloads).items():
        assert readme_block(name, table) in readme, (
            f"the README's {name} table differs from bot/help.py: run"
            " `python -m bot commands --markdown` and paste its output"
        )


def test_every_command_has_help_and_help_names_only_commands(payloads):
    paths = {info.path for info in commands_of(payloads)}
    missing = sorted(p for p in paths if help_key(p) not in CATALOGUE)
    assert missing == [], f"commands without a help.<path> message: {missing}"
    about_commands = {
        k for k in CATALOGUE if k.startswith("help.") and k.split(".")[1] in HELP_TOPICS
    }
    stale = sorted(about_commands - {help_key(p) for p in paths})
    assert stale == [], f"help messages of commands that do not exist: {stale}"
    assert set(HELP_TOPICS) == {p["name"] for p in payloads}
    assert set(EXAMPLES) <= paths


@pytest.mark.parametrize("locale", ["en-US", "uk", "ko"])
def test_examples_are_lines_a_client_could_send(payloads, locale):
    """Each example names options its command has, with values of their types and choices,
    and reads in the reader's language."""
    shown = {i.path: i.shown for i in commands_of(payloads, locale)}
    for path, examples in EXAMPLES.items():
        for example in examples:
            assert example_line(example, payloads, locale).startswith(f"/{shown[path]}")
            values: dict[str, object] = {
                n: (v if isinstance(v, str) else v[0]) for n, v in example.options
            }
            if "file" in values:  # an attachment: the client uploads it first
                values["file"] = FakeAttachment("report.txt", b"text")
            if "channel" in values:
                values["channel"] = FakeChannel(1, "news")
            build_command_data(payloads, path, values, focused=None, cdn_base="http://x")


async def test_help_answers_in_the_readers_language(e2e):
    english = replies_text(await e2e.ask("help"))
    assert "/casualties [subject] [metric] [source] [chart]" in english
    assert "Reading qualifiers" in english and "Reading dates" in english
    ukrainian = replies_text(await e2e.ask("help", locale="uk"))
    assert "/втрати [сторона] [показник] [джерело] [графік]" in ukrainian
    assert "Уточнення" in ukrainian and "Casualties" not in ukrainian
    korean = replies_text(await e2e.ask("help", {"command": "timeline"}, locale="ko"))
    assert "/타임라인 [시작] [끝] [주제] [차트]" in korean
    assert "`/타임라인 시작:2024년 6월 끝:2025`" in korean and "날짜 읽는 법" in korean


async def test_help_for_admin_lists_every_subcommand_with_its_options(e2e):
    replies = await e2e.ask("help", {"command": "admin"})
    text = replies_text(replies)
    assert replies[0].ephemeral
    assert "**`/admin feeds add url`**" in text
    assert "• `url` (required): The feed's address, or a page that announces one" in text
    assert "Examples: `/admin feeds add url:https://" in text
    assert "• `reason` (optional): Why" in text
