"""Input that is not a news document is refused with a one-line reason and changes nothing."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from bot.facts.extract import extract
from bot.facts.ingest import Source, collect_sources, ingest_paths, ingest_sources
from bot.facts.store import FactStore
from tests.facts.test_ingest_cli import SEED, run_cli

TEN_MB = 10 * 1024 * 1024


def stored_keys(tmp_path: Path) -> list[str]:
    done = run_cli(tmp_path, "export")
    assert done.returncode == 0, done.stderr
    return [d["id"] for d in json.loads(done.stdout)["documents"]]


def refused_lines(stdout: str) -> list[str]:
    return [line for line in stdout.splitlines() if line.startswith("refused: ")]


def write_binary(path: Path) -> None:
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)


def write_empty(path: Path) -> None:
    path.write_bytes(b"")


def write_invalid_utf8(path: Path) -> None:
    path.write_bytes(b"Some 1,000 soldiers were killed in Kursk, \xff\xfe\xc3\x28 end.")


def write_ten_megabytes(path: Path) -> None:
    line = b"North Korean troops were deployed to the Kursk region in large numbers.\n"
    with path.open("wb") as handle:
        handle.write(line * (TEN_MB // len(line) + 1))


@pytest.mark.parametrize(
    ("name", "write"),
    [
        ("binary.txt", write_binary),
        ("empty.txt", write_empty),
        ("latin1.txt", write_invalid_utf8),
        ("huge.txt", write_ten_megabytes),
    ],
)
def test_bad_file_is_refused_and_nothing_is_stored(tmp_path: Path, name: str, write) -> None:
    bad = tmp_path / name
    write(bad)
    done = run_cli(tmp_path, "ingest", str(bad))
    assert done.returncode == 1
    [line] = refused_lines(done.stdout)
    assert name in line
    assert len(line.split(f"{name}: ", 1)[1]) > 5
    assert "Traceback" not in done.stderr
    assert stored_keys(tmp_path) == []

    extracted = run_cli(tmp_path, "extract", "--json", str(bad))
    assert extracted.returncode == 1
    assert extracted.stdout == ""
    assert len(extracted.stderr.strip().splitlines()) == 1
    assert name in extracted.stderr


def test_reasons_say_what_is_wrong(tmp_path: Path) -> None:
    folder = tmp_path / "bad"
    folder.mkdir()
    write_binary(folder / "binary.txt")
    write_empty(folder / "empty.txt")
    write_invalid_utf8(folder / "latin1.txt")
    write_ten_megabytes(folder / "huge.txt")
    done = run_cli(tmp_path, "ingest", str(folder))
    assert done.returncode == 1
    reasons = {Path(line.split(": ")[1]).name: line.lower() for line in refused_lines(done.stdout)}
    assert set(reasons) == {"binary.txt", "empty.txt", "latin1.txt", "huge.txt"}
    assert "binary" in reasons["binary.txt"]
    assert "empty" in reasons["empty.txt"]
    assert "utf-8" in reasons["latin1.txt"]
    assert "too large" in reasons["huge.txt"]


def test_good_files_go_in_when_others_in_the_folder_are_refused(tmp_path: Path) -> None:
    folder = tmp_path / "mixed"
    folder.mkdir()
    shutil.copy(SEED, folder / "good.txt")
    write_binary(folder / "bad.txt")
    done = run_cli(tmp_path, "ingest", str(folder))
    assert done.returncode == 1
    assert "1 added" in done.stdout
    assert len(refused_lines(done.stdout)) == 1
    assert stored_keys(tmp_path) == ["good.txt"]


def test_broken_front_matter_is_a_warning_and_the_document_is_stored(tmp_path: Path) -> None:
    doc = tmp_path / "front.md"
    doc.write_text(
        "---\ntitle: Kursk update\npublished: the day before yesterday\n---\n"
        + SEED.read_text("utf-8"),
        "utf-8",
    )
    done = run_cli(tmp_path, "ingest", str(doc))
    assert done.returncode == 0, done.stdout
    warnings = [line for line in done.stdout.splitlines() if line.startswith("warning: front.md")]
    assert warnings
    assert stored_keys(tmp_path) == ["front.md"]
    [document] = json.loads(run_cli(tmp_path, "export").stdout)["documents"]
    assert document["published"] is None


def test_a_file_that_vanished_after_listing_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    shutil.copy(SEED, folder / "here.txt")
    # a dangling link is listed like a file and fails when read, as a file deleted meanwhile
    os.symlink(folder / "deleted-meanwhile.txt", folder / "gone.txt")
    done = run_cli(tmp_path, "ingest", str(folder))
    assert done.returncode == 1
    [line] = refused_lines(done.stdout)
    assert "gone.txt" in line
    assert "not found" in line
    assert stored_keys(tmp_path) == ["here.txt"]


async def test_vanished_file_in_a_listed_batch_changes_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    shutil.copy(SEED, folder / "a.txt")
    shutil.copy(SEED, folder / "b.txt")
    sources, refused = collect_sources([folder])
    assert [s.key for s in sources] == ["a.txt", "b.txt"] and refused == []
    (folder / "b.txt").unlink()
    async with await FactStore.open(tmp_path / "facts.sqlite3") as store:
        summary = await ingest_sources(store, sources, extract)
        assert summary.added == ["a.txt"]
        assert [r.path for r in summary.refused] == [str(folder / "b.txt")]
        assert [d.key for d in await store.documents(None)] == ["a.txt"]
        missing = await ingest_sources(store, [Source(folder / "never.txt", "never.txt")], extract)
        assert len(missing.refused) == 1 and not missing.ok


async def test_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    async with await FactStore.open(tmp_path / "facts.sqlite3") as store:
        summary = await ingest_paths(store, [fifo], extract)
    [refusal] = summary.refused
    assert "regular file" in refusal.reason


def test_unsupported_suffix_and_duplicate_keys_are_refused(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    shutil.copy(SEED, tmp_path / "a" / "same.txt")
    shutil.copy(SEED, tmp_path / "b" / "same.txt")
    pdf = tmp_path / "paper.pdf"
    pdf.write_bytes(b"%PDF-1.7")
    sources, refused = collect_sources([tmp_path / "a", tmp_path / "b", pdf])
    assert [s.key for s in sources] == ["same.txt"]
    assert [Path(r.path).name for r in refused] == ["paper.pdf", "same.txt"]
