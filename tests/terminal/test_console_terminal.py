"""``python -m bot console`` in a terminal (a pseudo-terminal): Tab completes through readline,
and the bot's log lines go to a file, never into the prompt."""

from __future__ import annotations

import os
import pty
import select
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bot.standin.processes import bot_environment

PROMPT = b"factbot> "


class Terminal:
    def __init__(self, settings, cwd: Path) -> None:
        self.master, slave = pty.openpty()
        env = bot_environment(
            {
                "FACTBOT_DB": str(settings.db_path),
                "FACTBOT_SEEDS": str(settings.seeds_dir),
                "LOG_LEVEL": "INFO",
                "HOME": str(cwd),
                "TERM": "xterm",
            }
        )
        self.process = subprocess.Popen(
            [sys.executable, "-m", "bot", "console"],
            stdin=slave, stdout=slave, stderr=slave, cwd=cwd, env=env, close_fds=True,
        )
        os.close(slave)
        self.seen = b""
        self.position = 0  # what the reads so far have matched ends here

    def read_until(self, wanted: bytes, timeout: float = 60.0) -> bytes:
        """What the terminal shows from the end of the last match up to ``wanted``."""
        deadline = time.monotonic() + timeout
        start = self.position
        while wanted not in self.seen[start:]:
            remaining = deadline - time.monotonic()
            if remaining <= 0 or self.process.poll() is not None:
                raise AssertionError(
                    f"never saw {wanted!r} (exit status {self.process.poll()});"
                    f" the terminal showed:\n{self.text()}"
                )
            ready, _, _ = select.select([self.master], [], [], remaining)
            if ready:
                try:
                    self.seen += os.read(self.master, 65536)
                except OSError:
                    break
        self.position = self.seen.index(wanted, start) + len(wanted)
        return self.seen[start : self.position]

    def type(self, keys: bytes) -> None:
        os.write(self.master, keys)

    def text(self) -> str:
        return self.seen.decode("utf-8", "replace")

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait()
        os.close(self.master)


@pytest.fixture
def terminal(e2e_settings, tmp_path):
    opened = Terminal(e2e_settings, tmp_path)
    yield opened
    opened.close()


def test_tab_completes_commands_options_and_the_bots_choices(terminal, e2e_settings):
    terminal.read_until(PROMPT)
    terminal.type(b"/casu\t")
    assert b"/casualties" in terminal.read_until(b"casualties ")
    terminal.type(b"sub\t")
    terminal.read_until(b"subject:")
    terminal.type(b"dpr\t")
    terminal.read_until(b"North Korea")
    terminal.type(b"\n")
    answer = terminal.read_until(PROMPT)
    assert b"North Korea \xc2\xb7 killed" in answer
    terminal.type(b"/admin export format:\t\t")
    listed = terminal.read_until(b"  json")  # readline sorts the choices: csv, then json
    assert b"\n  csv" in listed
    terminal.type(b"\x15quit\n")  # Ctrl-U clears the half-typed line
    assert terminal.process.wait(30) == 0


def test_log_lines_go_to_a_file_named_at_the_start(terminal, e2e_settings):
    log = e2e_settings.db_path.parent / "console.log"
    first = terminal.read_until(PROMPT).decode()
    assert first.splitlines()[0] == f"Log lines go to {log}."
    terminal.type(b"/casualties chart:true\n")
    terminal.read_until(b"casualties.png saved as")
    terminal.read_until(PROMPT)
    terminal.type(b"quit\n")
    assert terminal.process.wait(30) == 0
    shown = terminal.text()
    logged = log.read_text(encoding="utf-8")
    assert "logging in using static token" in logged and "has connected to Gateway" in logged
    assert "static token" not in shown and "INFO" not in shown and "WARNING" not in shown
