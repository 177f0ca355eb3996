"""Ingest throughput of the whole pipeline (parse_document -> extract -> FactStore.ingest).

Run from the project root: ``python bench/ingest_bench.py [--megabytes 5] [--profile]``.
See bench/README.md for what is measured.
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import gc
import pstats
import random
import re
import resource
import sqlite3
import sys
import tempfile
import time
import tracemalloc
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.facts.documents import parse_document  # noqa: E402
from bot.facts.extract import extract  # noqa: E402
from bot.facts.store import FactStore  # noqa: E402

DEVSET = ROOT / "tests" / "fixtures" / "devset"
SEEDS = ROOT / "seeds"
_COUNT = re.compile(r"\b\d{1,3}(?:,\d{3})+\b|\b\d{1,3}\b")
_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)
_WORD = re.compile(r"\w+")


@dataclass
class Timings:
    parse: float = 0.0
    extract: float = 0.0
    store: float = 0.0
    documents: int = 0
    words: int = 0
    figures: int = 0
    events: int = 0
    statuses: dict[str, int] = field(default_factory=dict)

    @property
    def total(self) -> float:
        return self.parse + self.extract + self.store


def base_texts() -> tuple[str, list[str]]:
    folder = DEVSET if sorted(DEVSET.glob("*.txt")) else SEEDS
    texts = [p.read_text("utf-8") for p in sorted(folder.glob("*.txt"))]
    if not texts:
        raise SystemExit(f"no .txt documents in {DEVSET} or {SEEDS}")
    return str(folder.relative_to(ROOT)), texts


def vary(text: str, rng: random.Random) -> str:
    """Shuffle the paragraphs (front matter stays first) and nudge every small count."""
    front = _FRONT_MATTER.match(text)
    head = front.group(0) if front else ""
    paragraphs = [p for p in re.split(r"\n\s*\n|\n", text[len(head) :]) if p.strip()]
    rng.shuffle(paragraphs)
    shift = rng.randint(1, 9)

    def bump(match: re.Match[str]) -> str:
        value = int(match.group(0).replace(",", "")) + shift
        return f"{value:,}" if "," in match.group(0) else str(value)

    return head + "\n\n".join(_COUNT.sub(bump, p) for p in paragraphs) + "\n"


def generate_corpus(megabytes: float, seed: int = 2025) -> tuple[str, list[tuple[str, bytes]]]:
    origin, texts = base_texts()
    rng = random.Random(seed)
    corpus: list[tuple[str, bytes]] = []
    size = 0
    target = int(megabytes * 1024 * 1024)
    while size < target:
        base = texts[len(corpus) % len(texts)]
        data = vary(base, rng).encode("utf-8")
        corpus.append((f"bench/{len(corpus):05}.txt", data))
        size += len(data)
    return origin, corpus


async def run_pipeline(corpus: list[tuple[str, bytes]], db_path: Path) -> Timings:
    timings = Timings()
    async with await FactStore.open(db_path) as store:
        for key, data in corpus:
            t0 = time.perf_counter()
            document = parse_document(data, key)
            t1 = time.perf_counter()
            extraction = extract(document)
            t2 = time.perf_counter()
            result = await store.ingest(extraction)
            t3 = time.perf_counter()
            timings.parse += t1 - t0
            timings.extract += t2 - t1
            timings.store += t3 - t2
            timings.documents += 1
            timings.words += len(document.text.split())
            timings.figures += len(extraction.figures)
            timings.events += len(extraction.events)
            timings.statuses[result.status] = timings.statuses.get(result.status, 0) + 1
    return timings


def run_baseline(corpus: list[tuple[str, bytes]], db_path: Path) -> tuple[float, int]:
    """Regex tokenisation plus the raw text into SQLite, one transaction per document."""
    conn = sqlite3.connect(db_path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute("CREATE TABLE documents (key TEXT PRIMARY KEY, text TEXT, words INTEGER)")
    words = 0
    start = time.perf_counter()
    for key, data in corpus:
        text = data.decode("utf-8")
        tokens = _WORD.findall(text)
        words += len(text.split())
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("INSERT INTO documents VALUES (?, ?, ?)", (key, text, len(tokens)))
        conn.execute("COMMIT")
    elapsed = time.perf_counter() - start
    conn.close()
    return elapsed, words


def run_spacy(corpus: list[tuple[str, bytes]], sample: int) -> tuple[float, int] | str:
    try:
        import spacy  # type: ignore[import-not-found]
    except ImportError:
        return "spaCy is not installed"
    try:
        nlp = spacy.load("en_core_web_sm")
    except OSError:
        return "spaCy's en_core_web_sm model is not installed"
    texts = [data.decode("utf-8") for _, data in corpus[:sample]]
    start = time.perf_counter()
    for _ in nlp.pipe(texts):
        pass
    return time.perf_counter() - start, sum(len(t.split()) for t in texts)


def run_extraction_only(corpus: list[tuple[str, bytes]]) -> tuple[float, float, int]:
    """(wall seconds, CPU seconds, words) of ``extract`` alone over the parsed corpus."""
    documents = [parse_document(data, key) for key, data in corpus]
    words = sum(len(d.text.split()) for d in documents)
    gc.collect()
    wall = time.perf_counter()
    cpu = time.process_time()
    for document in documents:
        extract(document)
    return time.perf_counter() - wall, time.process_time() - cpu, words


def traced_peak(corpus: list[tuple[str, bytes]], db_path: Path) -> int:
    gc.collect()
    tracemalloc.start()
    asyncio.run(run_pipeline(corpus, db_path))
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=float, default=5.0, help="corpus size (default 5)")
    parser.add_argument("--trace-docs", type=int, default=300, help="documents in the traced run")
    parser.add_argument("--spacy-docs", type=int, default=100, help="documents for spaCy")
    parser.add_argument("--profile", action="store_true", help="print the top functions")
    args = parser.parse_args()

    origin, corpus = generate_corpus(args.megabytes)
    size = sum(len(data) for _, data in corpus)
    print(f"corpus: {len(corpus)} documents, {size / 1e6:.2f} MB, varied from {origin}/")

    with tempfile.TemporaryDirectory(prefix="factbot-bench-") as tmp:
        folder = Path(tmp)
        profiler = cProfile.Profile() if args.profile else None
        if profiler:
            profiler.enable()
        wall = time.perf_counter()
        cpu = time.process_time()
        timings = asyncio.run(run_pipeline(corpus, folder / "facts.sqlite3"))
        cpu = time.process_time() - cpu
        wall = time.perf_counter() - wall
        if profiler:
            profiler.disable()
        db_size = sum(p.stat().st_size for p in folder.glob("facts.sqlite3*"))
        baseline_time, baseline_words = run_baseline(corpus, folder / "baseline.sqlite3")
        extract_wall, extract_cpu, extract_words = run_extraction_only(corpus)
        peak = traced_peak(corpus[: args.trace_docs], folder / "traced.sqlite3")
        spacy_result = run_spacy(corpus, args.spacy_docs)

    wps = timings.words / wall
    cpu_wps = timings.words / cpu
    print(
        f"pipeline: {timings.words:,} words, {timings.documents} documents in {wall:.2f} s"
        f" -> {wps:,.0f} words/s, {timings.documents / wall:,.1f} documents/s"
    )
    # CPU seconds of the whole process (both the event loop and aiosqlite's thread): what one
    # core would need, and less disturbed than wall time by other work on a shared machine.
    print(f"  CPU time {cpu:.2f} s -> {cpu_wps:,.0f} words per CPU-second")
    print(f"  statuses: {timings.statuses}; {timings.figures:,} figures, {timings.events:,} events")
    for name in ("parse", "extract", "store"):
        seconds = getattr(timings, name)
        print(f"  {name:<8} {seconds:7.2f} s  {100 * seconds / timings.total:5.1f} %")
    print(f"  database on disk: {db_size / 1e6:.1f} MB")
    print(
        f"extraction alone (parsed documents -> extract): {extract_words:,} words in"
        f" {extract_wall:.2f} s -> {extract_words / extract_wall:,.0f} words/s wall,"
        f" {extract_words / extract_cpu:,.0f} words per CPU-second"
    )
    base_wps = baseline_words / baseline_time
    print(
        f"baseline (regex tokens + raw text into SQLite): {base_wps:,.0f} words/s;"
        f" pipeline/baseline = {wps / base_wps:.3f}"
    )
    if isinstance(spacy_result, str):
        print(f"spaCy baseline: skipped ({spacy_result})")
    else:
        spacy_time, spacy_words = spacy_result
        spacy_wps = spacy_words / spacy_time
        print(
            f"spaCy en_core_web_sm on {args.spacy_docs} documents: {spacy_wps:,.0f} words/s;"
            f" pipeline/spaCy = {wps / spacy_wps:.2f}"
        )
    maxrss_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(
        f"memory: tracemalloc peak {peak / 1e6:.1f} MB over {min(args.trace_docs, len(corpus))}"
        f" documents; ru_maxrss {maxrss_kb / 1024:.1f} MB (whole run, corpus held in memory)"
    )
    target = 50_000
    print(
        f"target {target:,} words/s: wall {'met' if wps >= target else 'NOT met'},"
        f" per CPU-second {'met' if cpu_wps >= target else 'NOT met'}"
    )
    if profiler:
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)


if __name__ == "__main__":
    main()
