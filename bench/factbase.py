"""A large, varied fact base for benchmarks, generated from the development set and cached.

Each generated document is a development-set document (``tests/fixtures/devset/*.txt``) with its
paragraphs shuffled, every count shifted, its months and years remapped, its named people
replaced, a publication date of its own, and a few added report sentences whose claimant comes
from a pool of several hundred names (people, ministries, agencies, think tanks, newspapers).
Documents go through the real pipeline (``parse_document`` -> ``extract`` -> ``FactStore.ingest``)
until the store holds the requested number of figures, so every figure is one the extractor
found in a sentence, with its own id, quote, claimant and date.
"""

from __future__ import annotations

import asyncio
import json
import os
import random
import re
import shutil
import time
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from datetime import date, timedelta
from pathlib import Path

from bot.facts.documents import parse_document
from bot.facts.extract import extract
from bot.facts.model import Extraction
from bot.facts.store import FactStore
from bot.facts.vocabulary.forces import DEFAULT_SUBJECTS

ROOT = Path(__file__).resolve().parents[1]
DEVSET = ROOT / "tests" / "fixtures" / "devset"
#: Bump when the generator changes, so a cached base built by an older one is rebuilt.
GENERATOR_VERSION = 1

_COUNT = re.compile(r"\b\d{1,3}(?:,\d{3})+\b|\b\d{1,3}\b")
_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)
_MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)
_MONTH = re.compile(r"\b(" + "|".join(_MONTHS) + r")\b")
_YEAR = re.compile(r"\b(2024|2025)\b")
_PEOPLE = re.compile(r"Kyrylo Budanov|Cho Tae-yong|Luke Pollard|Kateryna Ivanova|Marchenko")

_FIRST = (
    "Olena", "Andriy", "Mykola", "Iryna", "Taras", "Oksana", "Dmytro", "Yulia", "Serhiy", "Natalia",
    "Kim", "Lee", "Park", "Choi", "Jung", "Han", "Yoon", "Kang", "James", "Sarah", "David",
    "Emma", "Michael", "Laura", "Peter", "Anna", "Thomas", "Maria", "John", "Helen",
)
_LAST = (
    "Kovalenko", "Shevchenko", "Bondarenko", "Tkachenko", "Kravchenko", "Oliynyk", "Melnyk",
    "Polishchuk", "Hrytsenko", "Lysenko", "Min-seok", "Ji-hoon", "Seo-yeon", "Dong-hyun",
    "Hye-jin", "Carter", "Whitfield", "Harrington", "Blackwood", "Ellison", "Marsh", "Thornton",
    "Calloway", "Ashford", "Pemberton", "Sinclair", "Hale", "Prescott", "Langley", "Mercer",
)
_ORGANISATIONS = (
    "the Institute for the Study of War", "the Royal United Services Institute",
    "the Center for Strategic and International Studies", "the International Crisis Group",
    "the Korea Institute for National Unification", "the Asan Institute",
    "Estonia's foreign intelligence service", "Lithuania's defence ministry",
    "Finland's defence forces", "Poland's national security bureau",
    "Japan's defence ministry", "the German foreign intelligence service",
    "France's armed forces ministry", "NATO officials", "European Union officials",
    "the Yonhap news agency", "the JoongAng Ilbo newspaper", "the Kyiv Independent",
    "Ukraine's border guard service", "Ukraine's national guard", "Ukraine's air force",
    "Ukraine's southern command", "Ukraine's northern command", "Ukraine's 80th brigade",
    "Russia's Federal Security Service", "the Kremlin", "Russian war bloggers",
    "Ukraine's human rights ombudsman", "South Korea's unification ministry",
    "South Korea's defence ministry", "the United Nations monitoring mission",
)
_FORCES = (
    ("North Korean", "North Korea"), ("Russian", "Russia"), ("Ukrainian", "Ukraine"),
)
_REPORTS = (
    "{who} said {when} that {qual}{n} {force} soldiers had been killed in the Kursk region.",
    "{qual_cap}{n} {force} troops were wounded {when}, according to {who}.",
    "{who} estimated {when} that {qual}{n} {force} soldiers had been killed or wounded.",
    "According to {who}, {qual}{n} {force} soldiers were captured {when}.",
    "{qual_cap}{n} {force} soldiers are missing after fighting near Sudzha, {who} said {when}.",
    "{who} said {when} that {qual}{n} {force} troops had been deployed to the Kursk region.",
)
_QUALIFIERS = ("", "at least ", "about ", "more than ", "up to ", "nearly ", "an estimated ")


def people(rng: random.Random) -> str:
    return f"{rng.choice(_FIRST)} {rng.choice(_LAST)}"


def claimant(rng: random.Random) -> str:
    if rng.random() < 0.5:
        return rng.choice(_ORGANISATIONS)
    title = rng.choice(("analyst", "spokesperson", "commander", "lawmaker", "official"))
    return f"{title} {people(rng)}"


def report_sentence(rng: random.Random, published: date) -> str:
    when = published - timedelta(days=rng.randint(0, 60))
    when_text = rng.choice((f"on {when.day} {_MONTHS[when.month - 1]}",
                            f"in {_MONTHS[when.month - 1]} {when.year}"))
    force, _ = rng.choice(_FORCES)
    qual = rng.choice(_QUALIFIERS)
    n = rng.choice((rng.randint(12, 900), rng.randint(1, 60) * 100, rng.randint(1, 30) * 1000))
    sentence = rng.choice(_REPORTS).format(
        who=claimant(rng), when=when_text, qual=qual, qual_cap=qual.capitalize(),
        n=f"{n:,}", force=force,
    )
    return sentence[0].upper() + sentence[1:]


def vary(text: str, rng: random.Random, number: int) -> str:
    """A new document from ``text``: see the module docstring."""
    front = _FRONT_MATTER.match(text)
    body = text[front.end() :] if front else text
    paragraphs = [p for p in re.split(r"\n\s*\n", body) if p.strip()]
    rng.shuffle(paragraphs)
    months = list(_MONTHS)
    rng.shuffle(months)
    month_map = dict(zip(_MONTHS, months, strict=True))
    year_map = {"2024": rng.choice(("2023", "2024", "2025")), "2025": rng.choice(("2024", "2025"))}

    def shift(match: re.Match[str]) -> str:
        value = int(match.group(0).replace(",", ""))
        value = max(1, value + rng.randint(-value // 3, value // 3 + 5))
        return f"{value:,}" if "," in match.group(0) else str(value)

    def rewrite(paragraph: str) -> str:
        paragraph = _COUNT.sub(shift, paragraph)
        paragraph = _MONTH.sub(lambda m: month_map[m.group(0)], paragraph)
        paragraph = _YEAR.sub(lambda m: year_map[m.group(0)], paragraph)
        return _PEOPLE.sub(lambda m: people(rng), paragraph)

    published = date(2024, 8, 1) + timedelta(days=rng.randint(0, 540))
    paragraphs = [rewrite(p) for p in paragraphs]
    for _ in range(rng.randint(2, 5)):
        paragraphs.insert(rng.randint(0, len(paragraphs)), report_sentence(rng, published))
    head = (
        "---\n"
        f"title: Kursk report {number} ({rng.choice(('wire', 'analysis', 'briefing', 'live'))})\n"
        f"publisher: {rng.choice(('Meridian News', 'Northern Wire', 'Kyiv Daily', 'Seoul Herald', 'Baltic Observer'))}\n"  # noqa: E501
        f"url: https://news.example/{number}\n"
    )
    if rng.random() < 0.85:  # the rest have their publication date inferred from the text
        head += f"published: {published.isoformat()}\n"
    return head + "---\n" + "\n\n".join(paragraphs) + "\n"


def _extract_batch(job: tuple[int, int, int]) -> list[Extraction]:
    """Worker: documents ``start`` .. ``start + count - 1`` of the generated corpus."""
    start, count, seed = job
    texts = [p.read_text("utf-8") for p in sorted(DEVSET.glob("*.txt"))]
    found = []
    for number in range(start, start + count):
        rng = random.Random(seed * 1_000_003 + number)
        data = vary(texts[number % len(texts)], rng, number).encode("utf-8")
        document = parse_document(data, f"bench/{number:06}.txt")
        found.append(extract(document, subjects=DEFAULT_SUBJECTS))
    return found


def _batches(seed: int, size: int = 200) -> Iterator[tuple[int, int, int]]:
    start = 0
    while True:
        yield start, size, seed
        start += size


async def _fill(path: Path, figures: int, seed: int, workers: int) -> dict[str, int]:
    stored = documents = events = 0
    async with await FactStore.open(path) as store:
        with ProcessPoolExecutor(workers) as pool:
            jobs = _batches(seed)
            loop = asyncio.get_running_loop()
            pending = [
                loop.run_in_executor(pool, _extract_batch, next(jobs)) for _ in range(workers)
            ]
            while stored < figures:
                batch = await pending.pop(0)
                pending.append(loop.run_in_executor(pool, _extract_batch, next(jobs)))
                for extraction in batch:
                    if stored >= figures:
                        break
                    result = await store.ingest(extraction)
                    stored += result.figures
                    events += result.events
                    documents += 1
            for future in pending:
                future.cancel()
            await asyncio.gather(*pending, return_exceptions=True)
    return {"documents": documents, "figures": stored, "events": events}


async def cached_base(out: Path, figures: int, *, seed: int = 2025, rebuild: bool = False) -> Path:
    """The path of a fact base with at least ``figures`` figures, built once under ``out``."""
    path = out / f"factbase-{figures}-s{seed}-g{GENERATOR_VERSION}.sqlite3"
    marker = path.with_suffix(".json")
    if path.exists() and marker.exists() and not rebuild:
        return path
    out.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".partial")
    for leftover in (partial, Path(f"{partial}-wal"), Path(f"{partial}-shm"), marker):
        leftover.unlink(missing_ok=True)
    print(f"building a fact base of {figures:,} figures in {path} (cached for later runs) ...")
    started = time.perf_counter()
    counts = await _fill(partial, figures, seed, max(1, os.cpu_count() or 2))
    shutil.move(partial, path)
    counts["seconds"] = round(time.perf_counter() - started)
    marker.write_text(json.dumps(counts))
    print(f"built in {counts['seconds']} s: {counts}")
    return path
