"""``python -m bot ingest`` with addresses and .html/.pdf files, through a real subprocess."""

from __future__ import annotations

import asyncio
import json
import os
import sys
from pathlib import Path

from tests.intake.articles import EXPECTED, article_page, article_pdf
from tests.site import Page, Site

REPO = Path(__file__).resolve().parents[2]


async def run_cli(tmp_path: Path, *args: str, **env: str) -> tuple[int, str, str]:
    environ = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("FACTBOT_") and key != "PYTHONPATH"
    }
    environ.update(PYTHONPATH=str(REPO), FACTBOT_DB=str(tmp_path / "facts.sqlite3"), **env)
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        *args,
        cwd=tmp_path,
        env=environ,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    out, err = await asyncio.wait_for(process.communicate(), timeout=120)
    return process.returncode or 0, out.decode(), err.decode()


def figure_set(exported: dict) -> set[tuple[object, ...]]:  # type: ignore[type-arg]
    return {
        (f["metric"], f["subject"], f["low"], f["high"], f["qualifier"], f["source"])
        for f in exported["figures"]
    }


async def test_an_address_is_ingested_and_refusals_are_one_line_each(
    site: Site, tmp_path: Path
) -> None:
    site.pages["/world/kursk-losses"] = Page(article_page())
    site.pages["/feed.xml"] = Page("<rss/>", "application/rss+xml")
    code, out, err = await run_cli(
        tmp_path,
        "ingest",
        site.url("/world/kursk-losses"),
        site.url("/missing"),
        site.url("/feed.xml"),
        "ftp://news.example/a",
        FACTBOT_ALLOW_PRIVATE_URLS="1",
    )
    assert code == 1, err
    assert "documents: 1 added, 0 replaced, 0 unchanged, 0 removed, 3 refused" in out
    assert f"refused: {site.url('/missing')}: HTTP 404: not found" in out
    assert f"refused: {site.url('/feed.xml')}: not an article: this address is a news feed" in out
    assert "refused: ftp://news.example/a: bad URL: only http:// and https://" in out
    code, out, _ = await run_cli(tmp_path, "export", "--format", "json")
    exported = json.loads(out)
    assert figure_set(exported) == EXPECTED
    [document] = exported["documents"]
    assert document["id"].startswith("127.0.0.1/world-kursk-losses-")
    assert document["url"] == "https://news.example/world/2025/03/kursk-losses"
    code, out, _ = await run_cli(
        tmp_path, "ingest", site.url("/world/kursk-losses"), FACTBOT_ALLOW_PRIVATE_URLS="1"
    )
    assert code == 0 and "0 added, 0 replaced, 1 unchanged" in out


async def test_without_the_flag_a_local_address_is_refused_before_any_request(
    site: Site, tmp_path: Path
) -> None:
    site.pages["/world/kursk-losses"] = Page(article_page())
    code, out, _ = await run_cli(tmp_path, "ingest", site.url("/world/kursk-losses"))
    assert code == 1
    assert "blocked address: 127.0.0.1 is a loopback address" in out
    assert site.hits == []


async def test_html_and_pdf_files_are_ingested_once_per_text(tmp_path: Path) -> None:
    (tmp_path / "b.html").write_text(article_page())
    (tmp_path / "c.pdf").write_bytes(article_pdf())
    code, out, err = await run_cli(tmp_path, "ingest", "b.html")
    assert code == 0, out + err
    code, out, _ = await run_cli(tmp_path, "ingest", "c.pdf")
    assert code == 1 and "refused: c.pdf: same text as the stored document b.html" in out
    code, out, _ = await run_cli(tmp_path, "extract", "--json", "c.pdf")
    assert code == 0 and figure_set(json.loads(out)) == EXPECTED
