"""The store's write path alone: documents ingested, replaced, and moderation writes per second.

Run from the project root: ``python bench/store_bench.py [--documents 400] [--rounds 3]
[--postgres URL]``. Documents are generated from the development set and extracted once, before
timing, so only ``FactStore`` is measured. The baseline of the same run is a plain ``sqlite3``
insert of the same rows (one transaction per document, no version counter, no checks): the least
a store can do. With ``--postgres`` (a server URL; ``.ci/postgres start`` runs one) each round
also runs the store on a new database there, and prints its rates beside SQLite's.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from ingest_bench import generate_corpus  # noqa: E402  (bench/ is on the path as a script)

from bot.facts.documents import parse_document  # noqa: E402
from bot.facts.extract import extract  # noqa: E402
from bot.facts.model import Extraction  # noqa: E402
from bot.facts.store import FactStore  # noqa: E402
from bot.facts.store.overlays import Moderation  # noqa: E402
from tests.databases import fresh_database  # noqa: E402


def extractions(documents: int) -> list[Extraction]:
    _, corpus = generate_corpus(megabytes=64.0 * documents / 1024)
    found = [extract(parse_document(data, key)) for key, data in corpus[:documents]]
    return [e for e in found if e.figures]


def baseline(batch: list[Extraction], path: Path) -> float:
    """The same rows through plain sqlite3: one transaction, one executemany per table."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute("CREATE TABLE documents (key TEXT PRIMARY KEY, text TEXT)")
    conn.execute("CREATE TABLE figures (id TEXT PRIMARY KEY, document TEXT, quote TEXT, low INT)")
    start = time.perf_counter()
    for extraction in batch:
        doc = extraction.document
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("INSERT INTO documents VALUES (?, ?)", (doc.key, doc.text))
        conn.executemany(
            "INSERT INTO figures VALUES (?, ?, ?, ?)",
            [(f.id, f.document, f.quote, f.low) for f in extraction.figures],
        )
        conn.execute("COMMIT")
    elapsed = time.perf_counter() - start
    conn.close()
    return elapsed


async def store_run(
    batch: list[Extraction], path: Path | str
) -> tuple[float, float, list[float]]:
    """Seconds to add every document, seconds to add them again (no-ops), and the latency of
    each of 200 moderation writes (hide/unhide alternating)."""
    async with await FactStore.open(path) as store:
        start = time.perf_counter()
        for extraction in batch:
            await store.ingest(extraction)
        added = time.perf_counter() - start
        start = time.perf_counter()
        for extraction in batch:
            await store.ingest(extraction)
        unchanged = time.perf_counter() - start
        moderation = Moderation(store)
        figure_ids = [f.id for f in (await store.figures(None))[:20]]
        latencies: list[float] = []
        for n in range(200):
            fid = random.Random(n).choice(figure_ids)
            t0 = time.perf_counter()
            current = await moderation.figure(1, fid)
            assert current is not None
            if current.status.value == "hidden":
                await moderation.unhide(1, fid, actor_id=7)
            else:
                await moderation.hide(1, fid, actor_id=7, reason="bench")
            latencies.append(time.perf_counter() - t0)
    return added, unchanged, latencies


async def postgres_run(batch: list[Extraction], server: str) -> tuple[float, float, list[float]]:
    async with fresh_database("factbot_bench", server) as url:
        return await store_run(batch, url)


def rates(batch: list[Extraction], run: tuple[float, float, list[float]]) -> str:
    added, unchanged, latencies = run
    latencies = sorted(latencies)
    p50 = statistics.median(latencies) * 1000
    p99 = latencies[int(len(latencies) * 0.99) - 1] * 1000
    return (
        f"add {len(batch) / added:,.0f} docs/s; unchanged {len(batch) / unchanged:,.0f} docs/s;"
        f" moderation write p50 {p50:.2f} ms, p99 {p99:.2f} ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=400)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--postgres", metavar="URL", help="also run on this PostgreSQL server")
    args = parser.parse_args()
    batch = extractions(args.documents)
    figures = sum(len(e.figures) for e in batch)
    print(f"{len(batch)} documents, {figures} figures (extracted before timing)")
    ratios: list[float] = []
    postgres_ratios: list[float] = []
    for round_ in range(args.rounds):
        with tempfile.TemporaryDirectory() as tmp:
            base = baseline(batch, Path(tmp) / "baseline.sqlite3")
            run = asyncio.run(store_run(batch, Path(tmp) / "f.sqlite3"))
        ratios.append(run[0] / base)
        print(
            f"round {round_ + 1}: sqlite     {rates(batch, run)}"
            f" (baseline {len(batch) / base:,.0f} docs/s, time ratio {run[0] / base:.2f})"
        )
        if args.postgres:
            on_server = asyncio.run(postgres_run(batch, args.postgres))
            postgres_ratios.append(on_server[0] / run[0])
            print(
                f"round {round_ + 1}: postgresql {rates(batch, on_server)}"
                f" (add time / sqlite's {on_server[0] / run[0]:.2f})"
            )
    print(f"store/baseline time ratio, median of {args.rounds}: {statistics.median(ratios):.2f}")
    if postgres_ratios:
        print(
            f"postgresql/sqlite add time ratio, median of {args.rounds}:"
            f" {statistics.median(postgres_ratios):.2f}"
        )


if __name__ == "__main__":
    main()
