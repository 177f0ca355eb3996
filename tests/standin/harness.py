"""End-to-end harness: the real bot on the Discord stand-in, failing on logged errors.

Use the ``e2e`` fixture (tests/conftest.py)::

    async def test_about(e2e):
        replies = await e2e.ask("about")
        assert "documents" in replies[0].text()

Every reply ``ask`` returns has been checked against Discord's message limits. At teardown the
test fails if the bot logged an ERROR (discord.*, bot.*, commands.*) or broke a Discord rule
(answered twice, late, invalid body, unknown route), unless the test declared it with
``e2e.expect_error(...)`` / ``e2e.expect_violation(...)``.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from bot.client import FactBot
from bot.standin import DiscordStandIn, FakeUser, InteractionHandle, Reply, Violation
from tests.standin.limits import assert_valid_message

WATCHED_LOGGERS = ("discord", "bot", "commands")


class ErrorLogRecorder(logging.Handler):
    """Keeps every ERROR (or worse) logged by the bot's and discord.py's loggers."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.name.split(".")[0] in WATCHED_LOGGERS:
            self.records.append(record)

    def __enter__(self) -> ErrorLogRecorder:
        logging.getLogger().addHandler(self)
        return self

    def __exit__(self, *exc: object) -> None:
        logging.getLogger().removeHandler(self)


def describe(record: logging.LogRecord) -> str:
    text = f"{record.name}: {record.getMessage()}"
    if record.exc_info and record.exc_info[1] is not None:
        error = record.exc_info[1]
        text += f" [{type(error).__name__}: {error}]"
    return text


@dataclass
class Harness:
    """A running bot and its stand-in, plus what the test declared it expects to go wrong."""

    standin: DiscordStandIn
    bot: FactBot
    errors: ErrorLogRecorder
    expected_errors: list[str] = field(default_factory=list)
    expected_violations: list[str] = field(default_factory=list)

    def __iter__(self) -> Iterator[Any]:
        """``standin, bot = e2e``."""
        return iter((self.standin, self.bot))

    def expect_error(self, text: str) -> None:
        """Declares that an ERROR log containing ``text`` will (and must) happen."""
        self.expected_errors.append(text)

    def expect_violation(self, kind: str) -> None:
        """Declares a stand-in violation of ``kind`` ("answered twice", ...) will happen."""
        self.expected_violations.append(kind)

    async def invoke(
        self, command: str, options: Mapping[str, object] | None = None, **kwargs: Any
    ) -> InteractionHandle:
        return await self.standin.invoke(command, options, **kwargs)

    async def ask(
        self,
        command: str,
        options: Mapping[str, object] | None = None,
        *,
        timeout: float = 5.0,
        **kwargs: Any,
    ) -> list[Reply]:
        """Runs a slash command and returns every reply, each checked against Discord limits."""
        handle = await self.standin.invoke(command, options, **kwargs)
        replies = await handle.responses(timeout=timeout)
        for reply in replies:
            assert_valid_message(reply)
        return replies

    async def click(
        self,
        message: Reply | int,
        custom_id: str,
        *,
        user: FakeUser | None = None,
        timeout: float = 5.0,
    ) -> list[Reply]:
        handle = await self.standin.click(message, custom_id, user=user)
        replies = await handle.responses(timeout=timeout)
        for reply in replies:
            assert_valid_message(reply)
        return replies

    async def submit(
        self,
        opened: InteractionHandle | Reply,
        values: Mapping[str, str],
        *,
        timeout: float = 5.0,
        **kwargs: Any,
    ) -> list[Reply]:
        """Fills in and submits the modal ``opened`` was answered with; returns every reply."""
        handle = await self.standin.submit_modal(opened, values, **kwargs)
        replies = await handle.responses(timeout=timeout)
        for reply in replies:
            assert_valid_message(reply)
        return replies

    async def refresh_commands(self) -> None:
        """Tells the stand-in about commands a test added to ``bot.tree`` after start-up."""
        self.standin.set_commands(await self.bot.command_payloads())

    def problems(self) -> list[str]:
        """What went wrong that the test did not declare, as readable lines."""
        problems: list[str] = []
        records = list(self.errors.records)
        for text in self.expected_errors:
            match = next((r for r in records if text in describe(r)), None)
            if match is None:
                problems.append(f"expected an error log containing {text!r}; none was logged")
            else:
                records.remove(match)
        problems += [f"unexpected error log: {describe(r)}" for r in records]
        violations: list[Violation] = list(self.standin.violations)
        for kind in self.expected_violations:
            found = next((v for v in violations if v.kind == kind), None)
            if found is None:
                problems.append(f"expected a stand-in violation {kind!r}; none happened")
            else:
                violations.remove(found)
        problems += [f"Discord rule broken: {v.kind}: {v.detail}" for v in violations]
        return problems


def replies_text(replies: Sequence[Reply]) -> str:
    return "\n".join(reply.text() for reply in replies)
