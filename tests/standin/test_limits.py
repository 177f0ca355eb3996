"""The Discord limit checks used by the stand-in and by every e2e test."""

from __future__ import annotations

import pytest

from tests.standin.limits import (
    assert_valid_message,
    check_name,
    command_problems,
    message_problems,
)


def _command(**changes):
    command = {"name": "casualties", "description": "Figures", "type": 1, "options": []}
    return command | changes


def _option(name, required=False, **extra):
    return {"name": name, "description": "d", "type": 3, "required": required} | extra


def test_names_follow_discords_pattern():
    assert check_name("casualties", "x") == []
    assert check_name("북한", "x") == []
    assert check_name("don't-stop_2", "x") == []
    assert check_name("Casualties", "x")
    assert check_name("two words", "x")
    assert check_name("x" * 33, "x")
    assert check_name("", "x")


def test_command_rules():
    assert command_problems([_command()]) == []
    assert command_problems([_command(description="")])
    assert command_problems([_command(description="d" * 101)])
    too_many = [_option(f"o{i}") for i in range(26)]
    assert "26 options" in command_problems([_command(options=too_many)])[0]
    order = [_option("a"), _option("b", required=True)]
    assert "required option after an optional one" in command_problems([_command(options=order)])[0]
    choices = [{"name": f"c{i}", "value": f"c{i}"} for i in range(26)]
    assert command_problems([_command(options=[_option("a", choices=choices)])])
    assert command_problems([_command(), _command()])
    wordy = [
        _option(
            f"o{i}",
            description="d" * 100,
            choices=[{"name": "n" * 100, "value": "v" * 100} for _ in range(25)],
        )
        for i in range(2)
    ]
    assert any("characters in total" in p for p in command_problems([_command(options=wordy)]))


def test_subcommand_options_are_checked_too():
    group = {
        "name": "admin",
        "description": "d",
        "type": 2,
        "options": [
            {"name": "hide", "description": "d", "type": 1, "options": [_option("Reason")]}
        ],
    }
    assert "name 'Reason' must be lower case" in command_problems([_command(options=[group])])[0]


@pytest.mark.parametrize(
    ("body", "fragment"),
    [
        ({"content": "x" * 2001}, "content"),
        ({"embeds": [{"title": "t"}] * 11}, "11 embeds"),
        ({"embeds": [{"title": "t" * 257}]}, "title"),
        ({"embeds": [{"description": "d" * 4097}]}, "description"),
        ({"embeds": [{"fields": [{"name": "n", "value": "v"}] * 26}]}, "26 fields"),
        ({"embeds": [{"fields": [{"name": "n" * 257, "value": "v"}]}]}, "name"),
        ({"embeds": [{"fields": [{"name": "n", "value": "v" * 1025}]}]}, "value"),
        ({"embeds": [{"footer": {"text": "f" * 2049}}]}, "footer"),
        ({"embeds": [{"author": {"name": "a" * 257}}]}, "author"),
        ({"embeds": [{"description": "d" * 4000}, {"description": "d" * 2001}]}, "in total"),
    ],
)
def test_message_limits(body, fragment):
    problems = message_problems(body)
    assert problems and fragment in problems[0]


def test_a_message_at_the_limits_is_fine():
    body = {
        "content": "c" * 2000,
        "embeds": [
            {
                "title": "t" * 256,
                "description": "d" * 3000,
                "fields": [{"name": "n", "value": "v" * 1024}] * 2,
            }
        ],
        "allowed_mentions": {"parse": []},
    }
    assert message_problems(body) == []
    assert_valid_message(body)


def test_a_message_that_may_ping_fails():
    with pytest.raises(AssertionError, match="mentions are not disabled"):
        assert_valid_message({"content": "hi @everyone"})
    with pytest.raises(AssertionError, match="mentions are not disabled"):
        assert_valid_message({"content": "hi", "allowed_mentions": {"parse": ["users"]}})
