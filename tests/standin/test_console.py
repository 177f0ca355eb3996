"""The console entry points: typed command lines, ask, and the command-sync JSON."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime, timedelta

import pytest

from bot.console import ask
from bot.run import print_commands
from bot.standin import OptionError
from bot.standin.commandline import parse_command_line
from bot.standin.text import relative
from tests.standin.limits import assert_valid_commands, assert_valid_message

ADMIN = {
    "name": "admin",
    "description": "d",
    "type": 1,
    "options": [
        {
            "name": "hide",
            "description": "d",
            "type": 1,
            "options": [
                {"name": "fact", "description": "d", "type": 3, "required": True},
                {"name": "reason", "description": "d", "type": 3},
            ],
        },
    ],
}


def test_values_run_to_the_next_option_and_may_hold_spaces():
    typed = parse_command_line("/casualties subject:north korea source:U.S. officials")
    assert typed.path == "casualties"
    assert typed.options == {"subject": "north korea", "source": "U.S. officials"}


def test_subcommands_and_known_option_names():
    typed = parse_command_line("/admin hide fact:abc reason:typo, see note: page 2", [ADMIN])
    assert typed.path == "admin hide"
    assert typed.options == {"fact": "abc", "reason": "typo, see note: page 2"}
    with pytest.raises(OptionError, match="no option 'nope'"):
        parse_command_line("/admin hide nope:1", [ADMIN])
    with pytest.raises(OptionError):
        parse_command_line("/")


def test_ask_prints_the_exact_callback_body_as_json(e2e_settings, capsys):
    assert ask(e2e_settings, "/about", as_json=True) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 1
    body = json.loads(lines[0])
    assert body["type"] == 4
    assert body["data"]["allowed_mentions"] == {"parse": []}
    assert_valid_message(body["data"])


def test_ask_prints_readable_text(e2e_settings, capsys):
    assert ask(e2e_settings, "/about", as_json=False) == 0
    out = capsys.readouterr().out
    assert "== About this bot ==" in out and "-- Fact base" in out and "documents" in out


def test_about_gives_the_last_update_as_a_date_and_an_age_as_discord_shows_them(
    e2e_settings, capsys
):
    assert ask(e2e_settings, "/about", as_json=False) == 0
    out = capsys.readouterr().out
    shown = out.split("-- Last updated\n", 1)[1].split("\n", 1)[0]
    assert re.fullmatch(r"\d{4}-\d\d-\d\d \((a few seconds|\d+ minutes|an? \w+) ago\)", shown), (
        shown
    )


def test_relative_timestamps_read_as_discord_writes_them():
    now = datetime(2026, 12, 6, 12, 0, tzinfo=UTC)
    assert relative(now - timedelta(seconds=10), now) == "a few seconds ago"
    assert relative(now - timedelta(minutes=3), now) == "3 minutes ago"
    assert relative(now - timedelta(hours=1), now) == "an hour ago"
    assert relative(now - timedelta(days=2), now) == "2 days ago"
    assert relative(now + timedelta(days=40), now) == "in a month"
    assert relative(now - timedelta(days=800), now) == "2 years ago"


def test_ask_refuses_a_line_that_is_not_a_command(e2e_settings, capsys):
    assert ask(e2e_settings, "/about subject:x", as_json=False) == 2
    assert "no option 'subject'" in capsys.readouterr().err


def test_print_commands_is_a_valid_sync_body(e2e_settings, capsys):
    assert print_commands(e2e_settings) == 0
    body = json.loads(capsys.readouterr().out)
    assert_valid_commands(body)
    assert "about" in {command["name"] for command in body}


def test_ask_refuses_an_unknown_command_without_running_it(e2e_settings, capsys):
    assert ask(e2e_settings, "/nosuch", as_json=False) == 2
    assert "there is no /nosuch" in capsys.readouterr().err


def test_ask_shows_a_form_it_cannot_fill_in(e2e_settings, capsys):
    assert ask(e2e_settings, "/admin paste", as_json=False) == 0
    out = capsys.readouterr().out
    assert "[form] Paste an article" in out
    assert "Text (required text, at most 4,000 characters)" in out


def test_the_console_fills_in_a_form_and_presses_its_buttons(e2e_settings, tmp_path):
    import os
    import subprocess
    import sys

    typed = "\n".join(
        [
            "/admin paste",
            "Kursk update",  # Title
            "Test Wire",  # Publisher
            "",  # Address
            "2025-03-30",  # Published
            "South Korea's NIS said on Monday that at least 600 North Korean soldiers had been",
            "killed in Kursk.",
            ".",
            "Confirm",
            "quit",
        ]
    )
    env = dict(
        os.environ,
        FACTBOT_DB=str(e2e_settings.db_path),
        FACTBOT_SEEDS=str(e2e_settings.seeds_dir),
        HOME=str(tmp_path),
    )
    env.pop("DISCORD_TOKEN", None)
    done = subprocess.run(
        [sys.executable, "-m", "bot", "console"],
        input=typed,
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "[form] Paste an article" in done.stdout
    assert "**at least 600** · killed · North Korea · NIS" in done.stdout
    assert "Stored **Kursk update — Test Wire, 30 Mar 2025** for this server" in done.stdout
