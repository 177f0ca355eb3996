"""Discord's limits as test assertions; the checks themselves are in bot.standin.limits.

Use ``assert_valid_message(reply)`` on anything the bot sends and ``assert_valid_commands(body)``
on a command-sync body. The ``*_problems`` functions return the list of broken rules instead.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from bot.standin.limits import (
    check_name,
    choice_problems,
    command_problems,
    component_problems,
    embed_problems,
    message_problems,
    modal_problems,
)
from bot.standin.records import Reply

__all__ = [
    "assert_valid_choices",
    "assert_valid_commands",
    "assert_valid_message",
    "check_name",
    "choice_problems",
    "command_problems",
    "component_problems",
    "embed_problems",
    "message_problems",
    "modal_problems",
]


def assert_valid_message(message: Reply | Mapping[str, Any]) -> None:
    """Fails when a message body breaks a Discord limit or could ping someone."""
    if isinstance(message, Reply):
        if message.kind == "delete" or (message.kind == "callback" and message.type == 8):
            return
        if message.is_modal:
            problems = modal_problems(message.message)
            assert not problems, "modal breaks Discord rules:\n  " + "\n  ".join(problems)
            return
        body: Mapping[str, Any] = message.message
    else:
        body = message
    problems = message_problems(body)
    mentions = body.get("allowed_mentions")
    has_text = body.get("content") or body.get("embeds")
    if has_text and (mentions is None or mentions.get("parse") not in ([], None)):
        problems.append(f"mentions are not disabled: allowed_mentions={mentions!r}")
    if has_text and mentions is not None and (mentions.get("users") or mentions.get("roles")):
        problems.append(f"message may ping someone: allowed_mentions={mentions!r}")
    assert not problems, "message breaks Discord rules:\n  " + "\n  ".join(problems)


def assert_valid_commands(commands: Sequence[Mapping[str, Any]]) -> None:
    problems = command_problems(commands)
    assert not problems, "commands break Discord rules:\n  " + "\n  ".join(problems)


def assert_valid_choices(choices: Sequence[Mapping[str, Any]]) -> None:
    problems = choice_problems(choices)
    assert not problems, "autocomplete choices break Discord rules:\n  " + "\n  ".join(problems)
