"""The development set: its gold files are valid, and the extractor scores well on it.

The validity tests need nothing but the files; the scoring test runs the extractor on every
document and prints the per-document table (shown even without ``pytest -s``).
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path
from typing import Any

import pytest

from tests.facts.scoring import (
    METRICS,
    QUALIFIERS,
    RATE_UNITS,
    TotalScore,
    format_report,
    load_gold_dir,
    mentioned_values,
    parse_period,
    score_all,
)

DEVSET = Path(__file__).resolve().parents[1] / "fixtures" / "devset"
GOLD_FILES = sorted(DEVSET.glob("*.gold.json"))
SUBJECTS = ("North Korea", "Russia", "Ukraine")

MIN_PRECISION = 0.95
MIN_RECALL = 0.85

DOCUMENT_KEYS = {"document", "published", "notes", "figures", "distractors", "events"}
FIGURE_KEYS = {
    "metric", "low", "high", "qualifier", "subject", "source", "date", "quote", "additional",
    "vague", "note", "rate", "voice",
}  # fmt: skip
# A sentence's end followed by a footnote marker ("troops.1", "March.[4]") ends it still.
FOOTNOTE_AFTER_SENTENCE = re.compile(r"[.?!](?:\d{1,3}|\[\d{1,3}\])$")
FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.DOTALL)


def normalised(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def front_matter_published(text: str) -> str | None:
    block = FRONT_MATTER.match(text)
    if block is None:
        return None
    found = re.search(r"^published:\s*(\S+)\s*$", block.group(1), re.MULTILINE)
    return found.group(1) if found else None


def _is_marker(text: str) -> bool:
    """A line prefix made only of symbols (a bullet, an arrow, an emoji) marks a list item."""
    return text != "" and all(unicodedata.category(c).startswith("S") for c in text.strip())


def is_whole_sentence(quote: str, text: str) -> bool:
    """The quote starts where a sentence or line starts and ends where one ends."""
    pattern = r"\s+".join(re.escape(word) for word in quote.split())
    for found in re.finditer(pattern, text):
        before = text[: found.start()].rstrip(" \t")
        after = text[found.end() :]
        line_start = before.rpartition("\n")[2]
        starts = (
            before == ""
            or before.endswith(("\n", ".", "?", "!", ":", "-", "\u2022", '"'))
            or _is_marker(line_start)
            or FOOTNOTE_AFTER_SENTENCE.search(before) is not None
        )
        ends = quote.endswith((".", "?", "!", '"')) or after == "" or after.startswith("\n")
        if starts and ends:
            return True
    return False


def problems_in(gold_path: Path) -> list[str]:
    """Everything wrong with one gold file, as readable messages (empty when valid)."""
    data: dict[str, Any] = json.loads(gold_path.read_text(encoding="utf-8"))
    problems: list[str] = []
    unknown = set(data) - DOCUMENT_KEYS
    if unknown:
        problems.append(f"unknown keys {sorted(unknown)}")
    expected_name = gold_path.name.removesuffix(".gold.json") + ".txt"
    if data.get("document") != expected_name:
        problems.append(f"document is {data.get('document')!r}, expected {expected_name!r}")
    doc_path = gold_path.with_name(expected_name)
    if not doc_path.is_file():
        return [*problems, f"{expected_name} does not exist"]
    text = doc_path.read_text(encoding="utf-8")
    flat = normalised(text)

    published = data.get("published")
    if published != front_matter_published(text):
        problems.append(f"published {published!r} differs from the front matter")
    if not isinstance(data.get("notes"), str) or not data["notes"].strip():
        problems.append("notes missing")

    figures = data.get("figures")
    if not isinstance(figures, list) or not figures:
        problems.append("no figures")
        figures = []
    for number, figure in enumerate(figures, 1):
        problems.extend(f"figure {number}: {p}" for p in figure_problems(figure, text, flat))

    quotes = {normalised(f.get("quote", "")) for f in figures}
    distractors = data.get("distractors")
    if not isinstance(distractors, list) or not distractors:
        problems.append("no distractors")
        distractors = []
    for number, distractor in enumerate(distractors, 1):
        label = f"distractor {number}"
        if set(distractor) != {"text", "why"}:
            problems.append(f"{label}: keys must be text and why")
            continue
        if not distractor["why"].strip():
            problems.append(f"{label}: no reason")
        if normalised(distractor["text"]) not in flat:
            problems.append(f"{label}: {distractor['text']!r} is not in the document")
        if normalised(distractor["text"]) in quotes:
            problems.append(f"{label}: is a whole gold sentence")

    for number, event in enumerate(data.get("events", []), 1):
        try:
            parse_period(event["date"])
        except (KeyError, ValueError) as error:
            problems.append(f"event {number}: {error}")
        if normalised(event.get("quote_contains", "")) not in flat:
            problems.append(f"event {number}: quote_contains not in the document")
    return problems


def figure_problems(figure: dict[str, Any], text: str, flat: str) -> list[str]:
    problems: list[str] = []
    unknown = set(figure) - FIGURE_KEYS
    missing = {"metric", "low", "high", "qualifier", "subject", "source", "date", "quote"}
    missing -= set(figure)
    if unknown or missing:
        return [f"unknown keys {sorted(unknown)}, missing keys {sorted(missing)}"]
    if figure["metric"] not in METRICS:
        problems.append(f"metric {figure['metric']!r}")
    qualifiers = figure["qualifier"]
    qualifiers = [qualifiers] if isinstance(qualifiers, str) else qualifiers
    if not qualifiers or any(q not in QUALIFIERS for q in qualifiers):
        problems.append(f"qualifier {figure['qualifier']!r}")
    low, high = figure["low"], figure["high"]
    if not (type(low) is int and type(high) is int and 0 < low <= high):
        problems.append(f"values {low!r}..{high!r}")
    elif "range" in qualifiers:
        if qualifiers != ["range"] or low == high:
            problems.append("a range must be the only qualifier and have low < high")
    elif low != high:
        problems.append(f"qualifier {qualifiers} needs low == high")
    if figure["subject"] not in SUBJECTS:
        problems.append(f"subject {figure['subject']!r}")
    source = figure["source"]
    alternatives = [source] if isinstance(source, str) else source
    if source is not None and (
        not isinstance(alternatives, list)
        or not alternatives
        or not all(isinstance(s, str) and s.strip() for s in alternatives)
    ):
        problems.append(f"source {source!r}")
    if figure["date"] is not None:
        try:
            parse_period(figure["date"])
        except ValueError as error:
            problems.append(str(error))
    for flag in ("additional", "vague", "voice"):
        if flag in figure and not isinstance(figure[flag], bool):
            problems.append(f"{flag} must be true or false")
    if figure.get("voice") and source is None:
        problems.append("voice needs a source: the speaker, title, front matter or publisher")
    if "rate" in figure:
        problems.extend(rate_problems(figure["rate"], figure["quote"]))
    quote = figure["quote"]
    if normalised(quote) not in flat:
        problems.append(f"quote not in the document: {quote[:60]!r}")
    elif not is_whole_sentence(quote, text):
        problems.append(f"quote is not a whole sentence or line: {quote[:60]!r}")
    if isinstance(low, int) and not ({low, high} & mentioned_values(quote)):
        problems.append(f"neither {low} nor {high} is written in the quote")
    return problems


def rate_problems(rate: object, quote: str) -> list[str]:
    """A rate names its unit, which the quote states, or is its period as the quote writes it."""
    if not isinstance(rate, str) or not rate.strip():
        return ["rate must name the period as written"]
    lowered = normalised(quote).casefold()
    if rate in RATE_UNITS:
        if not any(word in lowered for word in RATE_UNITS[rate]):
            return [f"rate {rate!r}, but the quote names no such unit"]
        return []
    if normalised(rate).casefold() not in lowered:
        return [f"rate {rate!r} is neither {sorted(RATE_UNITS)} nor a period in the quote"]
    return []


@pytest.mark.parametrize("gold_path", GOLD_FILES, ids=lambda p: p.name)
def test_gold_file_is_valid(gold_path: Path) -> None:
    assert problems_in(gold_path) == []


def test_devset_is_complete() -> None:
    documents = sorted(DEVSET.glob("*.txt"))
    stems = {p.name.removesuffix(".gold.json") for p in GOLD_FILES}
    assert {p.stem for p in documents} == stems, "every document needs a gold file and back"
    assert len(documents) >= 18
    golds = [json.loads(p.read_text(encoding="utf-8")) for p in GOLD_FILES]
    assert sum(len(g["figures"]) for g in golds) >= 60
    assert sum(len(g["distractors"]) for g in golds) >= 60
    assert sum(g["published"] is not None for g in golds) >= 3
    assert sum(g["published"] is None for g in golds) >= 3
    readme = (DEVSET / "README.md").read_text(encoding="utf-8")
    missing = [p.name for p in documents if p.name not in readme]
    assert missing == [], "README.md must describe every document"


def test_devset_covers_every_metric_qualifier_and_subject() -> None:
    figures = [f for p in GOLD_FILES for f in json.loads(p.read_text(encoding="utf-8"))["figures"]]
    assert {f["metric"] for f in figures} == METRICS
    assert {
        q
        for f in figures
        for q in ([f["qualifier"]] if isinstance(f["qualifier"], str) else f["qualifier"])
    } == QUALIFIERS
    assert {f["subject"] for f in figures} == set(SUBJECTS)
    assert any(f["source"] is None for f in figures)
    assert any(f.get("additional") for f in figures)
    assert any(f["date"] for f in figures)


def test_validator_rejects_broken_gold(tmp_path: Path) -> None:
    (tmp_path / "doc.txt").write_text(
        "Some 11,000 North Korean troops were sent to Russia, officials said.\n", encoding="utf-8"
    )
    broken = {
        "document": "doc.txt",
        "published": "2025-01-01",
        "notes": "deliberately wrong",
        "figures": [
            {
                "metric": "sent",
                "low": 12000,
                "high": 11000,
                "qualifier": "range",
                "subject": "DPRK",
                "source": [],
                "date": "January",
                "quote": "Some 11,000 North Korean troops were sent to Russia",
                "rate": "",
                "voice": "yes",
            }
        ],
        "distractors": [{"text": "20 missiles", "why": ""}],
    }
    gold_path = tmp_path / "doc.gold.json"
    gold_path.write_text(json.dumps(broken), encoding="utf-8")
    problems = "\n".join(problems_in(gold_path))
    for expected in (
        "published",
        "metric 'sent'",
        "values 12000..11000",
        "subject 'DPRK'",
        "source []",
        "not a gold period",
        "not a whole sentence",
        "no reason",
        "not in the document",
        "rate must name the period",
        "voice must be true or false",
    ):
        assert expected in problems


def test_validator_checks_rates_voice_and_markers(tmp_path: Path) -> None:
    (tmp_path / "doc.txt").write_text(
        "\U0001f53b Russia lost 1,200 soldiers a day in March, the ministry said\n"
        "We assess that 11,000 North Korean troops are in Russia.\n",
        encoding="utf-8",
    )
    figure = {
        "metric": "casualties", "low": 1200, "high": 1200, "qualifier": "exact",
        "subject": "Russia", "source": ["ministry"], "date": "2025-03",
        "quote": "Russia lost 1,200 soldiers a day in March, the ministry said", "rate": "per day",
    }  # fmt: skip
    voiced = {
        "metric": "deployed", "low": 11000, "high": 11000, "qualifier": "exact",
        "subject": "North Korea", "source": ["publisher"], "date": None, "voice": True,
        "quote": "We assess that 11,000 North Korean troops are in Russia.",
    }  # fmt: skip
    gold = {
        "document": "doc.txt", "published": None, "notes": "rates and voice",
        "figures": [figure, voiced], "distractors": [{"text": "March", "why": "month"}],
    }  # fmt: skip
    gold_path = tmp_path / "doc.gold.json"

    def problems_with(**changes: Any) -> str:
        gold["figures"] = [{**figure, **changes}, voiced]
        gold_path.write_text(json.dumps(gold), encoding="utf-8")
        return "\n".join(problems_in(gold_path))

    assert problems_with() == "", "an emoji bullet starts a line; a daily rate is valid"
    assert problems_with(rate="a day") == "", "a period as written"
    assert "no such unit" in problems_with(rate="per month")
    assert "nor a period in the quote" in problems_with(rate="daily")
    assert "nor a period in the quote" in problems_with(rate="in the last 60 days")
    assert "rate must name the period" in problems_with(rate=" ")
    assert "voice must be true or false" in problems_with(voice="yes")
    assert "voice needs a source" in problems_with(voice=True, source=None)


@pytest.fixture(scope="module")
def devset_score() -> TotalScore:
    from bot.facts.documents import read_document
    from bot.facts.extract import extract

    results = []
    for doc_path, gold in load_gold_dir(DEVSET):
        extraction = extract(read_document(doc_path), subjects=SUBJECTS)
        results.append((gold, extraction.figures))
    return score_all(results)


def test_extractor_on_devset(devset_score: TotalScore, capsys: pytest.CaptureFixture[str]) -> None:
    report = format_report(devset_score)
    with capsys.disabled():
        print(f"\n== development set ({DEVSET.name}) ==\n{report}")
    assert devset_score.precision >= MIN_PRECISION, report
    assert devset_score.recall >= MIN_RECALL, report
