"""Export files: CSV cells a spreadsheet cannot run, one CSV writer, packing within a limit."""

from __future__ import annotations

import csv
import io
import os
import zipfile
from pathlib import Path

from bot.facts.export import FORMULA_STARTS, csv_cell, figures_csv, packed
from tests.facts.test_ingest_cli import run_cli

HOSTILE = (
    b"---\ntitle: '=cmd|calc'\npublisher: '@evil'\n---\n"
    b'=HYPERLINK("http://evil.example") At least 300 North Korean soldiers were killed in'
    b" Kursk, the NIS said.\n"
)


def test_cells_that_begin_a_formula_are_defused() -> None:
    for start in FORMULA_STARTS:
        assert csv_cell(f"{start}SUM(A1)") == f"'{start}SUM(A1)"
    assert csv_cell("-5") == "'-5"  # the rule is kept simple: counts are never negative
    assert csv_cell("Kursk = front") == "Kursk = front"
    assert (csv_cell(True), csv_cell(False), csv_cell(None), csv_cell(300)) == (
        "true", "false", "", "300"
    )


def figure(**changes: object) -> dict[str, object]:
    record: dict[str, object] = {
        "id": "abcd1234", "document": "a.txt", "metric": "killed", "subject": "North Korea",
        "low": 300, "high": 300, "qualifier": "at_least", "additional": False,
        "source": "@NIS", "date": None, "quote": "=1+1", "span": [0, 4], "status": "auto",
        "period": None,
    }
    return record | changes


def test_one_writer_for_the_cli_and_a_servers_export() -> None:
    plain = list(csv.DictReader(io.StringIO(figures_csv([figure()]))))
    assert plain[0]["source"] == "'@NIS" and plain[0]["quote"] == "'=1+1"
    assert plain[0]["additional"] == "false" and "original" not in plain[0]
    corrections = [{"figure": "abcd1234", "status": "corrected",
                    "fields": {"low": {"original": 300, "corrected": 350}}}]
    server = list(csv.DictReader(io.StringIO(figures_csv([figure(low=350)], corrections))))
    assert server[0]["original"] == '{"low": 300}'
    assert {k: v for k, v in server[0].items() if k not in ("original", "low")} == {
        k: v for k, v in plain[0].items() if k != "low"
    }


def test_a_file_is_sent_as_is_zipped_or_not_at_all() -> None:
    text = "".join(f"row {n}, the same words again and again\n" for n in range(20_000))
    assert packed("a.csv", "small", 100) is not None
    whole = packed("a.csv", text, len(text.encode()))
    assert whole is not None and not whole.compressed and whole.data == text.encode()
    zipped = packed("a.csv", text, len(text) // 4)
    assert zipped is not None and zipped.compressed and zipped.filename == "a.csv.zip"
    with zipfile.ZipFile(io.BytesIO(zipped.data)) as archive:
        assert archive.read("a.csv").decode() == text
    noise = os.urandom(200_000).hex()
    assert packed("a.json", noise, 200_000) is None


def test_the_cli_csv_export_defuses_hostile_text(tmp_path: Path) -> None:
    document = tmp_path / "hostile.txt"
    document.write_bytes(HOSTILE)
    assert run_cli(tmp_path, "ingest", str(document)).returncode == 0
    done = run_cli(tmp_path, "export", "--format", "csv")
    assert done.returncode == 0, done.stderr
    rows = list(csv.DictReader(io.StringIO(done.stdout)))
    killed = next(r for r in rows if r["low"] == "300")
    assert killed["quote"].startswith("'=HYPERLINK(")
    assert killed["additional"] == "false"
    for row in rows:
        assert not any(cell.startswith(FORMULA_STARTS) for cell in row.values()), row


def test_a_rate_has_its_period_in_the_csv_and_a_total_has_none() -> None:
    rate = figure(id="rate0001", period={"text": "a day", "kind": "rate", "unit": "day",
                                         "count": 1})  # fmt: skip
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(figures_csv([figure(), rate])))}
    assert (rows["rate0001"]["period_text"], rows["rate0001"]["period_kind"]) == ("a day", "rate")
    assert (rows["rate0001"]["period_unit"], rows["rate0001"]["period_count"]) == ("day", "1")
    assert [rows["abcd1234"][f"period_{k}"] for k in ("text", "kind", "unit", "count")] == [
        "", "", "", ""
    ]
