"""Score extracted figures against gold files.

Used by the development-set tests and by the benchmark. Reads three gold shapes: the dev set's
(``tests/fixtures/devset/*.gold.json``), the seed's (``../shared/gold/seed.gold.json``) and the
real passages' (``../shared/realdev/*.gold.json``: ``passage`` instead of ``document``, one source
string, and ``date`` as the text of the temporal expression instead of an ISO period).

Matching is one-to-one (a maximum bipartite matching): an extracted figure matches a gold figure
when metric, low, high, subject and qualifier agree, the quotes are the same sentence, and the
two agree on being a rate (below). The claimant is not matched on: it is checked on matched
pairs whose gold source is not null (a null gold source names nobody and is not scored), and
reported as claimant accuracy beside precision and recall, as are dates and the ``additional``
flag.

Rates. A gold entry marked ``rate`` ("per day", "per month", or a window as written, "in the
last 60 days") is matched only by a figure with a period (a "per ..." rate by a rate of that
unit); a figure with a period never matches a gold total. The real passages of ``realdev2``
write a window count as an entry without ``rate`` whose ``date`` is the window ("in the last 60
days", "This year alone"): a figure whose window is that expression matches it. Where a set
says rates are optional (``rates_optional``), a gold rate left unmatched is no miss, a figure
with a period left unmatched is no extra, and a matched rate counts neither way; each is
reported.

Dates: a gold ISO period must contain the figure's date. A gold date written as text (the real
passages) must name the figure's expression, or, for a figure dated by the publication date,
be an expression of the present ("now", "to date"), a cumulative "since ..." or the figure's
window.
"""

from __future__ import annotations

import calendar
import json
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from bot.facts.model import Figure

METRICS = frozenset({"deployed", "killed", "wounded", "casualties", "captured", "missing"})
QUALIFIERS = frozenset({"exact", "at_least", "at_most", "about", "range"})
COMPARED_FIELDS = ("metric", "subject", "qualifier", "value", "period")
# A gold rate is "per day", "per week" or "per month" (the quote says so, in one of these
# words), or its period as written ("in the last 60 days", "a month"), which the quote contains.
RATE_UNITS = {"per day": ("day", "daily"), "per week": ("week",), "per month": ("month",)}

# A quote shorter than this share of the gold sentence is a fragment, not the same sentence; one
# longer than the gold sentence by more than the allowance (a speaker label, a timestamp, a
# list marker) is several sentences run together.
MIN_QUOTE_SHARE = 0.5
QUOTE_ALLOWANCE = 60

_PERIOD_PART = r"\d{4}(?:-\d{2}(?:-\d{2})?)?"
_PERIOD_RE = re.compile(rf"^({_PERIOD_PART})(?:/({_PERIOD_PART}))?$")


# ---------------------------------------------------------------------------------------------
# Gold model


@dataclass(frozen=True)
class GoldFigure:
    metric: str
    low: int
    high: int
    qualifiers: tuple[str, ...]
    subject: str
    sources: tuple[str, ...] | None
    quote: str
    period: tuple[date, date] | None = None
    date_text: str | None = None
    additional: bool | None = None
    vague: bool = False
    rate: str | None = None  # "per day", "per month", or a window as written
    voice: bool | None = None  # the claimant is the document's own voice (speaker, title ...)

    @property
    def has_date(self) -> bool:
        return self.period is not None or self.date_text is not None


@dataclass(frozen=True)
class Distractor:
    text: str
    why: str


@dataclass(frozen=True)
class GoldEvent:
    period: tuple[date, date]
    quote_contains: str
    keywords: tuple[str, ...] = ()


@dataclass(frozen=True)
class GoldDocument:
    document: str
    published: date | None
    figures: tuple[GoldFigure, ...]
    distractors: tuple[Distractor, ...] = ()
    events: tuple[GoldEvent, ...] = ()
    notes: str = ""


def parse_period(text: str) -> tuple[date, date]:
    """``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD`` or ``START/END`` of those -> (first day, last day)."""
    found = _PERIOD_RE.match(text.strip())
    if found is None:
        raise ValueError(f"not a gold period: {text!r}")
    start = _bounds(found.group(1))[0]
    end = _bounds(found.group(2) or found.group(1))[1]
    if end < start:
        raise ValueError(f"period ends before it starts: {text!r}")
    return start, end


def _bounds(part: str) -> tuple[date, date]:
    pieces = [int(p) for p in part.split("-")]
    if len(pieces) == 1:
        return date(pieces[0], 1, 1), date(pieces[0], 12, 31)
    if len(pieces) == 2:
        year, month = pieces
        return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
    day = date(pieces[0], pieces[1], pieces[2])
    return day, day


def is_period(text: str) -> bool:
    return _PERIOD_RE.match(text.strip()) is not None


def _strings(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    return tuple(str(v) for v in value)


def gold_figure_from_json(data: Mapping[str, Any]) -> GoldFigure:
    source = data.get("source")
    raw_date = data.get("date")
    period: tuple[date, date] | None = None
    date_text: str | None = None
    if isinstance(raw_date, str):
        if is_period(raw_date):
            period = parse_period(raw_date)
        else:
            date_text = raw_date
    return GoldFigure(
        metric=str(data["metric"]),
        low=int(data["low"]),
        high=int(data["high"]),
        qualifiers=_strings(data["qualifier"]),
        subject=str(data["subject"]),
        sources=None if source is None else _strings(source),
        quote=str(data["quote"]),
        period=period,
        date_text=date_text,
        additional=bool(data["additional"]) if "additional" in data else None,
        vague=bool(data.get("vague", False)),
        rate=str(data["rate"]) if data.get("rate") else None,
        voice=bool(data["voice"]) if "voice" in data else None,
    )


def gold_document_from_json(data: Mapping[str, Any]) -> GoldDocument:
    published = data.get("published")
    return GoldDocument(
        document=str(data.get("document") or data["passage"]),
        published=date.fromisoformat(published) if published else None,
        figures=tuple(gold_figure_from_json(f) for f in data.get("figures", ())),
        distractors=tuple(
            Distractor(str(d["text"]), str(d.get("why", ""))) for d in data.get("distractors", ())
        ),
        events=tuple(
            GoldEvent(
                period=parse_period(str(e["date"])),
                quote_contains=str(e["quote_contains"]),
                keywords=tuple(e.get("keywords", ())),
            )
            for e in data.get("events", ())
            if "quote_contains" in e
        ),
        notes=str(data.get("notes", "")),
    )


def load_gold(path: Path) -> GoldDocument:
    return gold_document_from_json(json.loads(path.read_text(encoding="utf-8")))


def load_gold_dir(folder: Path) -> list[tuple[Path, GoldDocument]]:
    """Every ``*.gold.json`` in ``folder`` with the path of the document it describes."""
    pairs = []
    for gold_path in sorted(folder.glob("*.gold.json")):
        gold = load_gold(gold_path)
        pairs.append((folder / gold.document, gold))
    return pairs


# ---------------------------------------------------------------------------------------------
# Comparing fields


_CHAR_MAP = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u2013": "-",
        "\u2014": "-",
        "\u2212": "-",
    }
)
_LIST_MARKER = re.compile(r"^(?:[-*\u2022]|\d+[.)])\s+")


def canonical_text(text: str) -> str:
    """Text for comparison: NFKC, straight quotes, plain hyphens, collapsed whitespace."""
    text = unicodedata.normalize("NFKC", text).translate(_CHAR_MAP)
    text = re.sub(r"\s+", " ", text).strip()
    return _LIST_MARKER.sub("", text)


def quotes_match(gold_quote: str, extracted_quote: str) -> bool:
    """Same sentence: the extracted quote is the gold one with little around it, or most of it."""
    gold = canonical_text(gold_quote)
    extracted = canonical_text(extracted_quote)
    if not gold or not extracted:
        return False
    if gold in extracted:
        return len(extracted) <= len(gold) + QUOTE_ALLOWANCE
    return extracted in gold and len(extracted) >= MIN_QUOTE_SHARE * len(gold)


_LEADING_ARTICLES = frozenset({"the", "a", "an"})
# Words that refer to a claimant without naming one: a name made only of these matches a gold
# alternative only when equal to it, so an unresolved "the agency" is not credited as "NIS agency".
_GENERIC_WORDS = frozenset(
    {
        "agency", "ministry", "officials", "official", "military", "government", "spokesman",
        "spokeswoman", "spokesperson", "he", "she", "it", "they", "we", "i", "source", "sources",
    }
)  # fmt: skip
# One name in several spellings (British and American, transliterations).
_SPELLINGS = {"defense": "defence", "zelensky": "zelenskyy", "zelenskiy": "zelenskyy"}


def source_tokens(name: str) -> tuple[str, ...]:
    text = canonical_text(name).casefold().replace(".", "")
    tokens = [_SPELLINGS.get(t, t) for t in re.findall(r"[^\W_]+", text)]
    while tokens and tokens[0] in _LEADING_ARTICLES:
        tokens.pop(0)
    return tuple(tokens)


def _contains(longer: Sequence[str], shorter: Sequence[str]) -> bool:
    n = len(shorter)
    return any(tuple(longer[i : i + n]) == tuple(shorter) for i in range(len(longer) - n + 1))


def sources_match(gold_sources: tuple[str, ...] | None, extracted: str | None) -> bool:
    """Loose claimant comparison: equal, or one's words a contiguous run of the other's.

    A null gold source matches only a null extracted source, and the other way round. A name
    made only of generic words ("the agency", "officials") must equal an alternative.
    """
    if gold_sources is None or extracted is None:
        return gold_sources is None and extracted is None
    found = source_tokens(extracted)
    if not found:
        return False
    for alternative in gold_sources:
        wanted = source_tokens(alternative)
        if not wanted:
            continue
        if found == wanted:
            return True
        generic = set(found) <= _GENERIC_WORDS or set(wanted) <= _GENERIC_WORDS
        if not generic and (_contains(found, wanted) or _contains(wanted, found)):
            return True
    return False


def _value(field_value: Any) -> str:
    return str(getattr(field_value, "value", field_value))


def field_differences(gold: GoldFigure, figure: Figure) -> list[str]:
    """Names of the matched fields on which ``figure`` disagrees with ``gold`` (the claimant is
    not one: see :func:`sources_match`)."""
    wrong = []
    if _value(figure.metric) != gold.metric:
        wrong.append("metric")
    if figure.subject.casefold() != gold.subject.casefold():
        wrong.append("subject")
    if _value(figure.qualifier) not in gold.qualifiers:
        wrong.append("qualifier")
    if (figure.low, figure.high) != (gold.low, gold.high):
        wrong.append("value")
    if not periods_agree(gold, figure):
        wrong.append("period")
    return wrong


def periods_agree(gold: GoldFigure, figure: Figure) -> bool:
    """A gold rate needs a figure with a period (of its unit, for a "per ..." rate); a figure
    with a period matches no gold total, except a window that the gold entry gives as its date
    (the real passages' way of writing a window count)."""
    period = figure.period
    if gold.rate is not None:
        if period is None:
            return False
        if gold.rate in RATE_UNITS:
            return _value(period.kind) == "rate" and f"per {_value(period.unit)}" == gold.rate
        return True
    if period is None:
        return True
    return _value(period.kind) == "window" and _names_window(gold.date_text, period.text)


def _names_window(date_text: str | None, window: str) -> bool:
    if not date_text:
        return False
    wanted, found = canonical_text(date_text).casefold(), canonical_text(window).casefold()
    return bool(found) and (found in wanted or wanted in found)


def figure_matches(gold: GoldFigure, figure: Figure) -> bool:
    return not field_differences(gold, figure) and quotes_match(gold.quote, figure.quote)


# A gold date written as one of these is the time of writing: the publication date is right.
_PRESENT_RE = re.compile(
    r"^(?:now|currently|to date|today|so far|at present|recent(?:ly)?|this week|these days"
    r"|since\b.*|in that time|over that period|during that time)$",
    re.IGNORECASE,
)


def date_correct(gold: GoldFigure, figure: Figure) -> bool:
    """The extracted date lies within the gold period, or names the gold temporal expression
    (or is the publication date where the gold expression means the time of writing)."""
    if figure.date is None:
        return False
    if gold.period is not None:
        start, end = gold.period
        return start <= figure.date.start and figure.date.end <= end
    if gold.date_text is not None:
        wanted = canonical_text(gold.date_text).casefold()
        if figure.date.from_publication:
            window = figure.period.text if figure.period is not None else None
            return bool(_PRESENT_RE.match(wanted)) or (
                window is not None and _names_window(gold.date_text, window)
            )
        found = canonical_text(figure.date.text).casefold()
        return bool(found) and (found in wanted or wanted in found)
    return True


# ---------------------------------------------------------------------------------------------
# Number mentions (for distractors and gold validation)


_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
_GROUPS = {"couple": 2, "dozen": 12}
_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10,
}  # fmt: skip
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
_VAGUE = (
    ("hundreds of thousands", 200_000, 999_999),
    ("tens of thousands", 20_000, 99_999),
    ("thousands", 2_000, 9_999),
    ("hundreds", 200, 999),
    ("dozens", 24, 99),
)
_DIGITS = re.compile(
    r"(?<![\d.])(\d{1,3}(?:[, \u00a0\u202f]\d{3})+|\d+(?:\.\d+)?)"
    r"(?:\s*(k|thousand|million|billion)\b)?",
    re.IGNORECASE,
)


def mentioned_values(text: str) -> set[int]:
    """Every integer the text could be read as naming, generously.

    Over-inclusive on purpose (each digit group of "10 000" counts on its own too): it is used to
    ask whether a value *could* come from a span, never to extract figures.
    """
    lowered = canonical_text(text).casefold()
    values: set[int] = set()
    for found in _DIGITS.finditer(lowered):
        digits, scale = found.group(1), found.group(2)
        number = float(re.sub(r"[, \u00a0\u202f]", "", digits))
        multiplier = 1_000 if scale == "k" else _SCALES.get(scale or "", 1)
        values.add(round(number * multiplier))
        values.update(int(part) for part in re.split(r"[, \u00a0\u202f.]", digits) if part)
    for phrase, low, high in _VAGUE:
        if phrase in lowered:
            values.update((low, high))
    if "half a million" in lowered:
        values.add(500_000)
    if "quarter of a million" in lowered or "quarter million" in lowered:
        values.add(750_000 if "three quarters" in lowered else 250_000)
    words = re.findall(r"[a-z]+", lowered)
    values.update(_ORDINALS[w] for w in words if w in _ORDINALS)
    values.update(_spelled_numbers(words))
    values.discard(0)
    return values


def _spelled_numbers(words: Sequence[str]) -> set[int]:
    """Values of runs of number words: "twenty five", "three thousand", "a couple thousand"."""
    found: set[int] = set()
    current: int | None = None
    total = 0
    for index, word in enumerate([*words, ""]):
        following = words[index + 1] if index + 1 < len(words) else ""
        if word == "a" and current is None and (following in _SCALES or following in _GROUPS):
            current = 1
        elif word in _GROUPS:
            current = _GROUPS[word] * (current or 1) if word == "dozen" else _GROUPS[word]
        elif word in _UNITS:
            current = (current or 0) + _UNITS[word]
        elif word in _SCALES and current is not None:
            if _SCALES[word] == 100:
                current *= 100
            else:
                total += current * _SCALES[word]
                current = 0
        elif word == "of" and current is not None:
            continue
        else:
            if current is not None or total:
                found.add(total + (current or 0))
            current, total = None, 0
    return found


# ---------------------------------------------------------------------------------------------
# Scoring


@dataclass(frozen=True)
class NearMiss:
    gold: GoldFigure
    figure: Figure
    wrong: tuple[str, ...]


@dataclass(frozen=True)
class DistractorTaken:
    figure: Figure
    distractor: Distractor


@dataclass
class DocumentScore:
    document: str
    gold_count: int
    true_positives: list[tuple[GoldFigure, Figure]] = field(default_factory=list)
    false_positives: list[Figure] = field(default_factory=list)
    false_negatives: list[GoldFigure] = field(default_factory=list)
    near_misses: list[NearMiss] = field(default_factory=list)
    distractors_taken: list[DistractorTaken] = field(default_factory=list)
    vague_matched: int = 0
    dates_checked: int = 0
    dates_correct: int = 0
    additional_wrong: list[tuple[GoldFigure, Figure]] = field(default_factory=list)
    #: Matched pairs whose gold source names a claimant, and those where the claimant is wrong.
    claimants_checked: int = 0
    claimants_wrong: list[tuple[GoldFigure, Figure]] = field(default_factory=list)
    #: ... of them, those whose gold claimant is the document's own voice (``voice: true``).
    voice_checked: int = 0
    voice_correct: int = 0
    #: Matched figures that carry a date (the "as of" date every figure should have).
    dated: int = 0
    #: Optional rates (``rates_optional``): gold rates, those matched, and figures with a
    #: period that matched nothing (neither misses nor extras, but listed).
    rates_optional: int = 0
    rates_matched: int = 0
    rates_unmatched_found: list[Figure] = field(default_factory=list)

    @property
    def tp(self) -> int:
        return len(self.true_positives)

    @property
    def fp(self) -> int:
        return len(self.false_positives)

    @property
    def fn(self) -> int:
        return len(self.false_negatives)

    @property
    def precision(self) -> float:
        return ratio(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float:
        return ratio(self.tp, self.tp + self.fn)

    @property
    def field_errors(self) -> Counter[str]:
        return Counter(name for miss in self.near_misses for name in miss.wrong)

    @property
    def claimants_correct(self) -> int:
        return self.claimants_checked - len(self.claimants_wrong)


@dataclass
class TotalScore:
    documents: list[DocumentScore]

    def _sum(self, name: str) -> int:
        return sum(int(getattr(score, name)) for score in self.documents)

    @property
    def tp(self) -> int:
        return self._sum("tp")

    @property
    def fp(self) -> int:
        return self._sum("fp")

    @property
    def fn(self) -> int:
        return self._sum("fn")

    @property
    def precision(self) -> float:
        return ratio(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float:
        return ratio(self.tp, self.tp + self.fn)

    @property
    def dates_checked(self) -> int:
        return self._sum("dates_checked")

    @property
    def dates_correct(self) -> int:
        return self._sum("dates_correct")

    @property
    def date_accuracy(self) -> float:
        return ratio(self.dates_correct, self.dates_checked)

    @property
    def claimants_checked(self) -> int:
        return self._sum("claimants_checked")

    @property
    def claimants_correct(self) -> int:
        return self._sum("claimants_correct")

    @property
    def claimant_accuracy(self) -> float:
        return ratio(self.claimants_correct, self.claimants_checked)

    @property
    def voice_checked(self) -> int:
        return self._sum("voice_checked")

    @property
    def voice_correct(self) -> int:
        return self._sum("voice_correct")

    @property
    def dated(self) -> int:
        return self._sum("dated")

    @property
    def rates_optional(self) -> int:
        return self._sum("rates_optional")

    @property
    def rates_matched(self) -> int:
        return self._sum("rates_matched")

    @property
    def rates_unmatched_found(self) -> int:
        return sum(len(score.rates_unmatched_found) for score in self.documents)

    @property
    def field_errors(self) -> Counter[str]:
        total: Counter[str] = Counter()
        for score in self.documents:
            total.update(score.field_errors)
        return total

    @property
    def distractors_taken(self) -> list[DistractorTaken]:
        return [taken for score in self.documents for taken in score.distractors_taken]


def ratio(part: int, whole: int) -> float:
    """part/whole, with 1.0 for an empty whole (nothing claimed is nothing wrong)."""
    return part / whole if whole else 1.0


def _maximum_matching(gold: Sequence[GoldFigure], found: Sequence[Figure]) -> dict[int, int]:
    """Gold index -> figure index, as many pairs as possible (augmenting paths)."""
    candidates = [[j for j, figure in enumerate(found) if figure_matches(g, figure)] for g in gold]
    owner: dict[int, int] = {}

    def augment(i: int, seen: set[int]) -> bool:
        for j in candidates[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or augment(owner[j], seen):
                owner[j] = i
                return True
        return False

    for i in range(len(gold)):
        augment(i, set())
    return {i: j for j, i in owner.items()}


def _near_misses(gold: list[GoldFigure], found: list[Figure]) -> list[NearMiss]:
    """Pair leftovers that share a sentence and a number, closest pairs first."""
    options = []
    for i, g in enumerate(gold):
        for j, figure in enumerate(found):
            same_number = figure.low == g.low or figure.high == g.high
            if same_number and quotes_match(g.quote, figure.quote):
                options.append((len(field_differences(g, figure)), i, j))
    used_gold: set[int] = set()
    used_found: set[int] = set()
    misses = []
    for _, i, j in sorted(options):
        if i in used_gold or j in used_found:
            continue
        used_gold.add(i)
        used_found.add(j)
        misses.append(NearMiss(gold[i], found[j], tuple(field_differences(gold[i], found[j]))))
    return misses


def _distractor_for(figure: Figure, distractors: Iterable[Distractor]) -> Distractor | None:
    quote = canonical_text(figure.quote)
    for distractor in distractors:
        if canonical_text(distractor.text) not in quote:
            continue
        named = mentioned_values(distractor.text)
        if named and (figure.low in named or figure.high in named):
            return distractor
        invented = not (mentioned_values(figure.quote) & {figure.low, figure.high})
        if not named and invented:
            return distractor
    return None


def score_document(
    gold: GoldDocument, figures: Sequence[Figure], *, rates_optional: bool = False
) -> DocumentScore:
    """Score one document's extracted figures against its gold file; with ``rates_optional``
    gold rates are neither required nor, found, counted (see the module's docstring)."""

    def optional(g: GoldFigure) -> bool:
        return g.vague or (rates_optional and g.rate is not None)

    ordered = sorted(gold.figures, key=optional)
    pairs = _maximum_matching(ordered, figures)
    score = DocumentScore(document=gold.document, gold_count=sum(not optional(g) for g in ordered))
    score.rates_optional = sum(rates_optional and g.rate is not None for g in ordered)
    matched_figures = set(pairs.values())
    for i, g in enumerate(ordered):
        if i not in pairs:
            if not optional(g):
                score.false_negatives.append(g)
            continue
        figure = figures[pairs[i]]
        if g.vague:
            score.vague_matched += 1
            continue
        if optional(g):
            score.rates_matched += 1
            continue
        score.true_positives.append((g, figure))
        _check_pair(score, g, figure)
    unmatched = [f for j, f in enumerate(figures) if j not in matched_figures]
    if rates_optional:
        score.rates_unmatched_found = [f for f in unmatched if f.period is not None]
        unmatched = [f for f in unmatched if f.period is None]
    score.false_positives = unmatched
    score.near_misses = _near_misses(score.false_negatives, score.false_positives)
    for figure in score.false_positives:
        distractor = _distractor_for(figure, gold.distractors)
        if distractor is not None:
            score.distractors_taken.append(DistractorTaken(figure, distractor))
    return score


def _check_pair(score: DocumentScore, g: GoldFigure, figure: Figure) -> None:
    """What is checked on a matched pair, apart from matching: date, claimant, additional."""
    score.dated += figure.date is not None
    if g.has_date:
        score.dates_checked += 1
        score.dates_correct += date_correct(g, figure)
    if g.sources is not None:
        score.claimants_checked += 1
        right = sources_match(g.sources, figure.source)
        if not right:
            score.claimants_wrong.append((g, figure))
        if g.voice:
            score.voice_checked += 1
            score.voice_correct += right
    if g.additional is not None and g.additional != figure.additional:
        score.additional_wrong.append((g, figure))


def score_all(
    results: Iterable[tuple[GoldDocument, Sequence[Figure]]], *, rates_optional: bool = False
) -> TotalScore:
    return TotalScore(
        [score_document(gold, figures, rates_optional=rates_optional) for gold, figures in results]
    )


# ---------------------------------------------------------------------------------------------
# Report


def describe(figure: Figure | GoldFigure) -> str:
    if isinstance(figure, GoldFigure):
        qualifier = "|".join(figure.qualifiers)
        source = "|".join(figure.sources) if figure.sources is not None else None
        period = figure.rate
    else:
        qualifier, source = _value(figure.qualifier), figure.source
        period = figure.period.text if figure.period is not None else None
    metric = _value(figure.metric)
    value = f"{figure.low}" if figure.low == figure.high else f"{figure.low}-{figure.high}"
    rate = f" [{period}]" if period else ""
    return f"{metric} {qualifier} {value}{rate} {figure.subject} (source: {source})"


def _when(figure: Figure) -> str:
    if figure.date is None:
        return "undated"
    return f"{figure.date.text!r} {figure.date.start}..{figure.date.end}"


def _gold_when(gold: GoldFigure) -> str:
    if gold.period is not None:
        return f"{gold.period[0]}..{gold.period[1]}"
    return repr(gold.date_text)


def format_report(total: TotalScore, details: bool = True) -> str:
    """The per-document table, totals and (optionally) every error with its quote."""
    lines = [
        f"{'document':38} {'gold':>4} {'tp':>4} {'fp':>4} {'fn':>4} {'P':>6} {'R':>6} "
        f"{'claimant':>8} {'dates':>7} {'distr':>5}"
    ]
    for s in total.documents:
        lines.append(
            f"{s.document[:38]:38} {s.gold_count:4} {s.tp:4} {s.fp:4} {s.fn:4} "
            f"{s.precision:6.2f} {s.recall:6.2f} {s.claimants_correct:4}/{s.claimants_checked:<3} "
            f"{s.dates_correct:3}/{s.dates_checked:<3} {len(s.distractors_taken):5}"
        )
    lines.append(
        f"{'TOTAL':38} {sum(s.gold_count for s in total.documents):4} {total.tp:4} "
        f"{total.fp:4} {total.fn:4} {total.precision:6.2f} {total.recall:6.2f} "
        f"{total.claimants_correct:4}/{total.claimants_checked:<3} "
        f"{total.dates_correct:3}/{total.dates_checked:<3} {len(total.distractors_taken):5}"
    )
    lines.append(
        f"precision {total.precision:.3f}  recall {total.recall:.3f}  "
        f"claimant {total.claimant_accuracy:.3f} "
        f"({total.claimants_correct}/{total.claimants_checked}; own voice "
        f"{total.voice_correct}/{total.voice_checked})  "
        f"date accuracy {total.date_accuracy:.3f} ({total.dates_correct}/{total.dates_checked})"
        f"  dated {total.dated}/{total.tp}"
    )
    if total.rates_optional or total.rates_unmatched_found:
        lines.append(
            f"optional rates: {total.rates_matched} of {total.rates_optional} found; "
            f"{total.rates_unmatched_found} figures with a period matched nothing"
        )
    errors = ", ".join(f"{name}={n}" for name, n in sorted(total.field_errors.items()))
    lines.append(f"field errors (near misses): {errors or 'none'}")
    if not details:
        return "\n".join(lines)
    for s in total.documents:
        for miss in s.near_misses:
            lines.append(
                f"  NEAR {s.document}: wrong {'/'.join(miss.wrong)}: got {describe(miss.figure)}"
                f", want {describe(miss.gold)} | {canonical_text(miss.gold.quote)[:100]}"
            )
        near_found = {id(m.figure) for m in s.near_misses}
        near_gold = {id(m.gold) for m in s.near_misses}
        for figure in s.false_positives:
            if id(figure) not in near_found:
                lines.append(
                    f"  FP   {s.document}: {describe(figure)} | "
                    f"{canonical_text(figure.quote)[:100]}"
                )
        for g in s.false_negatives:
            if id(g) not in near_gold:
                lines.append(
                    f"  FN   {s.document}: {describe(g)} | {canonical_text(g.quote)[:100]}"
                )
        for g, figure in s.claimants_wrong:
            lines.append(
                f"  CLAIMANT {s.document}: got {figure.source!r}, want "
                f"{' | '.join(g.sources or ())} | {canonical_text(g.quote)[:80]}"
            )
        for g, figure in s.true_positives:
            if g.has_date and not date_correct(g, figure):
                lines.append(
                    f"  DATE {s.document}: got {_when(figure)}, want {_gold_when(g)} | "
                    f"{canonical_text(g.quote)[:70]}"
                )
        for figure in s.rates_unmatched_found:
            lines.append(
                f"  RATE? {s.document}: {describe(figure)} | {canonical_text(figure.quote)[:80]}"
            )
        for taken in s.distractors_taken:
            lines.append(
                f"  DISTRACTOR {s.document}: took {describe(taken.figure)} from "
                f"{taken.distractor.text!r} ({taken.distractor.why})"
            )
        for g, figure in s.additional_wrong:
            lines.append(
                f"  ADDITIONAL {s.document}: want {g.additional}, got {figure.additional} "
                f"for {describe(g)}"
            )
    return "\n".join(lines)
