"""The offline CLI through a real subprocess: ingest, extract, export, and the default build."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from bot.facts.extract import extract
from bot.facts.ingest import ingest_paths, sync_folder
from bot.facts.model import Document, Extraction
from bot.facts.store import FactStore

REPO = Path(__file__).resolve().parents[2]
SEED = REPO / "seeds" / "000_4501267d33e9c1d5.txt"
FIGURE_KEYS = {
    "id",
    "document",
    "metric",
    "subject",
    "low",
    "high",
    "qualifier",
    "additional",
    "source",
    "date",
    "quote",
    "span",
    "status",
    "period",  # null for a cumulative total
}


def run_cli(
    tmp_path: Path, *args: str, db: Path | str | None = None, **env: str
) -> subprocess.CompletedProcess[str]:
    environ = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("FACTBOT_") and key != "PYTHONPATH"
    }
    environ.update(
        PYTHONPATH=str(REPO),
        FACTBOT_DB=str(db or tmp_path / "facts.sqlite3"),
        FACTBOT_SEEDS=str(tmp_path / "seeds"),
        **env,
    )
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        cwd=tmp_path,
        env=environ,
        capture_output=True,
        text=True,
        timeout=60,
    )


def export_json(tmp_path: Path, db: Path | None = None) -> dict[str, list[dict[str, object]]]:
    done = run_cli(tmp_path, "export", "--format", "json", db=db)
    assert done.returncode == 0, done.stderr
    exported: dict[str, list[dict[str, object]]] = json.loads(done.stdout)
    return exported


def test_extract_json_prints_the_contract_and_stores_nothing(tmp_path: Path) -> None:
    done = run_cli(tmp_path, "extract", "--json", str(SEED))
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert set(data) == {"document", "figures", "events"}
    assert data["document"]["id"] == SEED.name
    assert len(data["figures"]) == 6
    for figure in data["figures"]:
        assert set(figure) == FIGURE_KEYS
        assert figure["document"] == SEED.name
        start, end = figure["span"]
        assert 0 <= start < end
    assert not (tmp_path / "facts.sqlite3").exists()


def test_ingest_then_export_matches_extract_and_reingest_is_a_no_op(tmp_path: Path) -> None:
    extracted = json.loads(run_cli(tmp_path, "extract", "--json", str(SEED)).stdout)

    first = run_cli(tmp_path, "ingest", str(SEED))
    assert first.returncode == 0, first.stderr
    assert "1 added" in first.stdout
    assert f"{len(extracted['figures'])} figures" in first.stdout
    assert "\r" not in first.stderr  # no progress bar when stderr is not a terminal

    exported = export_json(tmp_path)
    assert exported["figures"] == extracted["figures"]
    assert exported["events"] == extracted["events"]
    [document] = exported["documents"]
    assert {k: document[k] for k in extracted["document"]} == extracted["document"]

    again = run_cli(tmp_path, "ingest", str(SEED))
    assert again.returncode == 0
    assert "0 added, 0 replaced, 1 unchanged" in again.stdout
    assert export_json(tmp_path) == exported


def test_folders_are_walked_recursively_for_txt_and_md(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    (corpus / "nested").mkdir(parents=True)
    shutil.copy(SEED, corpus / "a.txt")
    text = SEED.read_text("utf-8").replace("4,000", "5,000")
    (corpus / "nested" / "b.md").write_text(text, "utf-8")
    (corpus / "notes.csv").write_text("not,a,document\n", "utf-8")
    (corpus / ".hidden.txt").write_text("ignored", "utf-8")

    done = run_cli(tmp_path, "ingest", str(corpus))
    assert done.returncode == 0, done.stdout + done.stderr
    assert "2 added" in done.stdout
    keys = {d["id"] for d in export_json(tmp_path)["documents"]}
    assert keys == {"a.txt", "nested/b.md"}


def test_changed_file_is_replaced_and_keeps_unchanged_figure_ids(tmp_path: Path) -> None:
    doc = tmp_path / "story.txt"
    original = SEED.read_text("utf-8")
    doc.write_text(original, "utf-8")
    assert run_cli(tmp_path, "ingest", str(doc)).returncode == 0
    before = {f["id"]: f for f in export_json(tmp_path)["figures"]}

    doc.write_text("A sentence added at the top shifts every offset.\n" + original, "utf-8")
    done = run_cli(tmp_path, "ingest", str(doc))
    assert done.returncode == 0
    assert "1 replaced" in done.stdout
    after = {f["id"]: f for f in export_json(tmp_path)["figures"]}
    assert set(after) == set(before)
    assert all(after[i]["span"] != before[i]["span"] for i in after)


def test_export_csv_has_one_row_per_figure_with_date_and_period_flattened(
    tmp_path: Path,
) -> None:
    assert run_cli(tmp_path, "ingest", str(SEED)).returncode == 0
    figures = export_json(tmp_path)["figures"]
    done = run_cli(tmp_path, "export", "--format", "csv")
    assert done.returncode == 0, done.stderr
    rows = list(csv.DictReader(io.StringIO(done.stdout)))
    assert len(rows) == len(figures)
    expected_columns = (FIGURE_KEYS - {"date", "span", "period"}) | {
        "period_text",
        "period_kind",
        "period_unit",
        "period_count",
        "date_text",
        "date_start",
        "date_end",
        "date_precision",
        "date_inferred",
        "span_start",
        "span_end",
    }
    assert set(rows[0]) == expected_columns
    for row, figure in zip(rows, figures, strict=True):
        assert row["id"] == figure["id"]
        assert int(row["low"]) == figure["low"]
        assert row["span_start"] == str(figure["span"][0])  # type: ignore[index]
        date = figure["date"]
        assert row["date_start"] == (date["start"] if date else "")  # type: ignore[index]


def test_db_option_overrides_the_environment(tmp_path: Path) -> None:
    chosen = tmp_path / "elsewhere" / "chosen.sqlite3"
    done = run_cli(tmp_path, "--db", str(chosen), "ingest", str(SEED))
    assert done.returncode == 0, done.stderr
    assert chosen.exists()
    assert not (tmp_path / "facts.sqlite3").exists()
    after = run_cli(tmp_path, "export", "--db", str(chosen))
    assert len(json.loads(after.stdout)["documents"]) == 1


def test_no_subcommand_builds_the_shared_base_from_the_seeds(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(SEED, seeds / "one.txt")
    (seeds / "two.txt").write_text(SEED.read_text("utf-8").replace("2,700", "2,900"), "utf-8")

    first = run_cli(tmp_path)
    assert first.returncode == 0, first.stderr
    assert "2 added" in first.stdout
    assert "fact base" in first.stdout

    (seeds / "two.txt").unlink()
    second = run_cli(tmp_path)
    assert second.returncode == 0
    assert "1 unchanged, 1 removed" in second.stdout
    assert [d["id"] for d in export_json(tmp_path)["documents"]] == ["one.txt"]


def test_a_missing_seeds_folder_removes_nothing(tmp_path: Path) -> None:
    assert run_cli(tmp_path, "ingest", str(SEED)).returncode == 0
    done = run_cli(tmp_path)
    assert done.returncode == 1
    assert "no such folder" in done.stdout
    assert len(export_json(tmp_path)["documents"]) == 1


@pytest.mark.parametrize(
    "args",
    [
        ["ingest", "missing.txt"],
        ["extract", "--json", "missing.txt"],
    ],
)
def test_missing_files_are_refused_in_one_line(tmp_path: Path, args: list[str]) -> None:
    done = run_cli(tmp_path, *args)
    assert done.returncode == 1
    output = (done.stdout + done.stderr).strip().splitlines()
    assert any("missing.txt" in line for line in output)
    assert "Traceback" not in done.stderr


def test_an_unusable_database_is_one_line_and_non_zero(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", "utf-8")
    done = run_cli(tmp_path, "ingest", str(SEED), db=blocker / "facts.sqlite3")
    assert done.returncode == 2
    assert done.stderr.startswith("error: ")
    assert len(done.stderr.strip().splitlines()) == 1

    garbage = tmp_path / "garbage.sqlite3"
    garbage.write_bytes(b"this is not a database" * 100)
    done = run_cli(tmp_path, "export", db=garbage)
    assert done.returncode == 2
    assert len(done.stderr.strip().splitlines()) == 1
    assert "Traceback" not in done.stderr


def test_settings_errors_are_one_line(tmp_path: Path) -> None:
    done = run_cli(tmp_path, "export", FACTBOT_SYNC="sometimes")
    assert done.returncode == 2
    expected = "error: FACTBOT_SYNC: 'sometimes' is not one of guild, global, off"
    assert done.stderr.strip() == expected


def test_the_store_written_by_the_cli_is_in_wal_mode(tmp_path: Path) -> None:
    assert run_cli(tmp_path, "ingest", str(SEED)).returncode == 0
    with sqlite3.connect(tmp_path / "facts.sqlite3") as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone() == ("wal",)


async def test_sync_folder_extracts_only_what_changed(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(SEED, seeds / "one.txt")
    shutil.copy(SEED, seeds / "two.txt")
    extracted: list[str] = []

    def counting_extract(document: Document) -> Extraction:
        extracted.append(document.key)
        return extract(document)

    async with await FactStore.open(tmp_path / "facts.sqlite3") as store:
        first = await sync_folder(store, seeds, counting_extract)
        assert first.added == ["one.txt", "two.txt"] and first.ok
        assert extracted == ["one.txt", "two.txt"]

        (seeds / "two.txt").write_text(SEED.read_text("utf-8") + "\nOne more line.\n", "utf-8")
        second = await sync_folder(store, seeds, counting_extract)
        assert (second.unchanged, second.replaced) == (["one.txt"], ["two.txt"])
        assert extracted == ["one.txt", "two.txt", "two.txt"]

        guild_doc = tmp_path / "mine.txt"
        shutil.copy(SEED, guild_doc)
        await ingest_paths(store, [guild_doc], extract, guild_id=42)
        (seeds / "one.txt").unlink()
        third = await sync_folder(store, seeds, counting_extract)
        assert third.removed == ["one.txt"]
        assert [d.key for d in await store.documents(42)] == ["mine.txt", "two.txt"]


def test_documents_added_with_ingest_survive_the_seeds_sync(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(SEED, seeds / "seed.txt")
    mine = tmp_path / "mine.txt"
    mine.write_text(SEED.read_text("utf-8").replace("4,000", "5,000"), "utf-8")
    assert run_cli(tmp_path).returncode == 0
    assert run_cli(tmp_path, "ingest", str(mine)).returncode == 0
    again = run_cli(tmp_path)
    assert again.returncode == 0, again.stdout
    assert "0 removed" in again.stdout
    documents = {d["id"]: d["origin"] for d in export_json(tmp_path)["documents"]}
    assert documents == {"seed.txt": "seeds", "mine.txt": "cli"}
    (seeds / "seed.txt").unlink()
    assert "1 removed" in run_cli(tmp_path).stdout
    assert [d["id"] for d in export_json(tmp_path)["documents"]] == ["mine.txt"]


def test_the_seeds_sync_does_not_replace_a_document_of_the_command_line(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "mine.txt").write_text(SEED.read_text("utf-8"), "utf-8")
    mine = tmp_path / "mine.txt"
    mine.write_text(SEED.read_text("utf-8").replace("4,000", "5,000"), "utf-8")
    assert run_cli(tmp_path, "ingest", str(mine)).returncode == 0
    done = run_cli(tmp_path)
    assert done.returncode == 1
    assert "refused:" in done.stdout and "came from the command line" in done.stdout
    [document] = export_json(tmp_path)["documents"]
    assert document["origin"] == "cli"
    assert any(f["low"] == 5000 for f in export_json(tmp_path)["figures"])
