"""The console entry points: typed command lines, ask, and the command-sync JSON."""

from __future__ import annotations

import json

import pytest

from bot.console import ask
from bot.run import print_commands
from bot.standin import OptionError
from bot.standin.commandline import parse_command_line
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
