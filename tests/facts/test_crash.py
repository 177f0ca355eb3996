"""A SIGKILL in the middle of a folder ingest leaves a sound database in which every document is
stored wholly (exactly what extracting it again gives) or not at all; one in the middle of
moderation writes leaves every change wholly in both the overlay and the audit log, or in
neither."""

from __future__ import annotations

import itertools
import json
import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from contextlib import closing
from pathlib import Path
from typing import Any

from bot.facts.documents import read_document
from bot.facts.extract import extract
from bot.facts.model import Figure
from bot.facts.store import FactStore
from bot.facts.store.overlays import AuditEntry, Moderation, ModerationError, correction_values
from tests.facts.test_ingest_cli import REPO, SEED
from tests.standin.seeded import SeededBase

DOCUMENTS = 200

_COUNT = re.compile(r"\b(\d{1,3}(?:,\d{3})+|\d{3})\b")


def vary(text: str, shift: int) -> str:
    def bump(match: re.Match[str]) -> str:
        return f"{int(match.group(1).replace(',', '')) + shift:,}"

    return _COUNT.sub(bump, text)


def write_corpus(folder: Path) -> None:
    folder.mkdir()
    seed = SEED.read_text("utf-8")
    for i in range(DOCUMENTS):
        (folder / f"doc{i:03}.txt").write_text(vary(seed, i + 1), "utf-8")


def count_rows(db: Path, table: str) -> int:
    if not db.exists():
        return 0
    try:
        with closing(sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)) as conn:
            return int(conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])
    except sqlite3.OperationalError:  # schema not created yet
        return 0


def count_documents(db: Path) -> int:
    return count_rows(db, "documents")


def assert_sound(db: Path) -> None:
    with closing(sqlite3.connect(db)) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []


def kill_when(
    args: list[str], cwd: Path, env: dict[str, str], ready: Callable[[], bool], too_slow: str
) -> None:
    """Run ``python args`` and SIGKILL it as soon as ``ready()``, in the middle of its work."""
    child_env = {k: v for k, v in os.environ.items() if not k.startswith("FACTBOT_")}
    child_env.update(PYTHONPATH=str(REPO), **env)
    process = subprocess.Popen(
        [sys.executable, *args],
        cwd=cwd,
        env=child_env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 30
        while not ready():
            assert process.poll() is None, process.communicate()[1].decode()
            assert time.monotonic() < deadline, too_slow
            time.sleep(0.002)
        process.send_signal(signal.SIGKILL)
    finally:
        process.kill()
        process.wait()
    assert process.returncode == -signal.SIGKILL


async def test_sigkill_during_ingest_leaves_whole_documents_only(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    write_corpus(corpus)
    db = tmp_path / "facts.sqlite3"
    kill_when(
        ["-m", "bot", "ingest", str(corpus)],
        tmp_path,
        {"FACTBOT_DB": str(db)},
        lambda: count_documents(db) >= 3,
        "the ingest stored nothing in 30 s",
    )
    assert_sound(db)

    async with await FactStore.open(db) as store:
        exported = await store.export(None)
    keys = [document["id"] for document in exported["documents"]]
    assert 3 <= len(keys) < DOCUMENTS
    for key in keys:
        extraction = extract(read_document(corpus / key, key=key))
        assert extraction.figures, "the corpus is meant to yield figures"
        expected = extraction.to_json()
        assert [f for f in exported["figures"] if f["document"] == key] == expected["figures"]
        assert [e for e in exported["events"] if e["document"] == key] == expected["events"]
        [document] = [d for d in exported["documents"] if d["id"] == key]
        assert document["sha256"] == extraction.document.digest


# -- moderation writes -----------------------------------------------------------------------

GUILDS = (111, 222)
#: A server that moderates nothing: it sees every shared figure as extracted.
UNTOUCHED_GUILD = 999
MODERATED_FIGURES = 6
#: Audit entries to wait for before the kill: every action of the cycle has run by then.
WRITES_BEFORE_KILL = 70
ACTIONS = ("verify", "hide", "correct high", "correct source", "unhide")


async def moderate_until_killed(db: Path, progress: Path, seconds: float = 60.0) -> None:
    """Hide, correct, verify and unhide figures for two servers, one audited transaction each,
    and append ``guild figure action`` to ``progress`` after each has returned (committed).

    Round ``r`` passes over every figure once, for server ``r % 2``, with action ``r // 2``.
    Only the first verify of a figure changes it (a hidden or corrected figure shows as such,
    verified or not); the later ones are refused and write nothing.
    """
    async with await FactStore.open(db) as store:
        moderation = Moderation(store)
        figures = (await store.figures(None))[:MODERATED_FIGURES]
        deadline = time.monotonic() + seconds
        with progress.open("a", encoding="utf-8") as done:
            for n in itertools.count():
                if time.monotonic() > deadline:
                    return
                figure = figures[n % len(figures)]
                round_ = n // len(figures)
                guild = GUILDS[round_ % len(GUILDS)]
                action = ACTIONS[round_ // len(GUILDS) % len(ACTIONS)]
                try:
                    await moderate(moderation, guild, figure.id, action, n)
                except ModerationError:
                    continue
                done.write(f"{guild} {figure.id} {action}\n")
                done.flush()


async def moderate(moderation: Moderation, guild: int, figure_id: str, action: str, n: int) -> None:
    actor = 7
    if action == "hide":
        await moderation.hide(guild, figure_id, actor_id=actor, reason=f"duplicate {n}")
    elif action == "unhide":
        await moderation.unhide(guild, figure_id, actor_id=actor)
    elif action == "verify":
        await moderation.verify(guild, figure_id, actor_id=actor)
    elif action == "correct high":
        current = await moderation.figure(guild, figure_id)
        assert current is not None
        await moderation.correct(
            guild, figure_id, "high", current.high + 1, actor_id=actor, reason=f"typo {n}"
        )
    else:
        await moderation.correct(
            guild, figure_id, "source", f"desk {n}", actor_id=actor, reason=f"attribution {n}"
        )


_MODERATE_IN_CHILD = (
    "import asyncio, sys\n"
    "from pathlib import Path\n"
    "from tests.facts.test_crash import moderate_until_killed\n"
    "asyncio.run(moderate_until_killed(Path(sys.argv[1]), Path(sys.argv[2])))\n"
)


def state(figure: Figure) -> Any:
    """What the audit log records of a figure, as it reads back from JSON."""
    return json.loads(json.dumps({"status": figure.status.value, **correction_values(figure)}))


def stored_version(db: Path) -> int:
    with closing(sqlite3.connect(db)) as conn:
        return int(conn.execute("SELECT version FROM store_version WHERE id = 1").fetchone()[0])


async def test_sigkill_during_moderation_leaves_overlay_and_audit_log_in_step(
    seeded_base: SeededBase, tmp_path: Path
) -> None:
    db = tmp_path / "facts.sqlite3"
    shutil.copyfile(seeded_base.template_db, db)
    async with await FactStore.open(db):
        pass
    version_before = stored_version(db)
    progress = tmp_path / "done.txt"
    kill_when(
        ["-c", _MODERATE_IN_CHILD, str(db), str(progress)],
        tmp_path,
        {},
        lambda: count_rows(db, "audit_log") >= WRITES_BEFORE_KILL,
        "the moderation wrote too little in 30 s",
    )
    assert_sound(db)

    done = [tuple(line.split(" ", 2)) for line in progress.read_text("utf-8").splitlines()]
    async with await FactStore.open(db) as store:
        moderation = Moderation(store)
        entries = sorted(
            [e for g in GUILDS for e in await moderation.audit_log(g, limit=1_000_000)],
            key=lambda e: e.id,
        )
        logged = [(str(e.guild_id), e.target, e.action) for e in entries]
        # every change that returned is there; at most one more committed as the kill came
        assert logged[: len(done)] == done
        assert len(logged) - len(done) in (0, 1)
        assert {action for _, _, action in logged} == set(ACTIONS)
        # one change, one version step: no change committed without its audit entry
        assert stored_version(db) - version_before == len(entries)

        overlays = {
            (row["guild_id"], row["figure_id"])
            for row in await store.read("SELECT guild_id, figure_id FROM overlays", ())
        }
        by_figure: dict[tuple[int, str], list[AuditEntry]] = defaultdict(list)
        for entry in entries:
            assert entry.guild_id is not None
            by_figure[entry.guild_id, entry.target].append(entry)
        assert overlays == set(by_figure), "an overlay row without its audit entry, or the reverse"
        for (guild, figure_id), history in by_figure.items():
            original = await moderation.figure(UNTOUCHED_GUILD, figure_id)
            seen = await moderation.figure(guild, figure_id)
            assert original is not None and seen is not None
            assert history[0].before == state(original)
            for previous, entry in itertools.pairwise(history):
                assert entry.before == previous.after, (guild, figure_id, entry.action)
            assert history[-1].after == state(seen), (guild, figure_id)
