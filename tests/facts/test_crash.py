"""A SIGKILL in the middle of a folder ingest leaves a sound database in which every document is
stored wholly (exactly what extracting it again gives) or not at all."""

from __future__ import annotations

import os
import re
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

from bot.facts.documents import read_document
from bot.facts.extract import extract
from bot.facts.store import FactStore
from tests.facts.test_ingest_cli import REPO, SEED

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


def count_documents(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        with closing(sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)) as conn:
            return int(conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0])
    except sqlite3.OperationalError:  # schema not created yet
        return 0


async def test_sigkill_during_ingest_leaves_whole_documents_only(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    write_corpus(corpus)
    db = tmp_path / "facts.sqlite3"
    env = {k: v for k, v in os.environ.items() if not k.startswith("FACTBOT_")}
    env.update(PYTHONPATH=str(REPO), FACTBOT_DB=str(db))
    process = subprocess.Popen(
        [sys.executable, "-m", "bot", "ingest", str(corpus)],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 30
        while count_documents(db) < 3:
            assert process.poll() is None, process.communicate()[1].decode()
            assert time.monotonic() < deadline, "the ingest stored nothing in 30 s"
            time.sleep(0.005)
        process.send_signal(signal.SIGKILL)
    finally:
        process.kill()
        process.wait()
    assert process.returncode == -signal.SIGKILL

    with closing(sqlite3.connect(db)) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []

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
