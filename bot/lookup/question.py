"""What a search asks, read from the words typed: "how many north korean troops died" is the
figures of North Korea's killed, whoever claims them.

Pure: no discord, no I/O. :func:`read_query` takes the question words and fillers away ("how
many", "troops"), finds numbers in any form ("500,000", "500k", "half a million", "0.5
million" are one number), claimants by their short or long names ("NIS", "South Korea's
National Intelligence Service"; the patterns of ``bot.facts.vocabulary.claimants`` and the
names users type, ``TYPED_SOURCE_ALIASES``), forces by any alias ("north korean", "dprk") and
metrics by everyday words ("died", "lost their lives"); what is left is searched as words.
:class:`FigureTags` and :func:`number_tags` give an indexed text the tags a reading is matched
against (see ``TextIndex``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from bot.facts import aliases as text_aliases
from bot.facts.model import Figure, Metric
from bot.facts.numbers import find_quantities
from bot.facts.vocabulary.claimants import CLAIMANT_PATTERNS
from bot.lookup.names import LEADER_NAMES, METRIC_ALIASES, TYPED_SOURCE_ALIASES, normalize
from bot.lookup.text_index import STOPWORDS

#: Words that ask rather than name what is searched, in the bot's languages; phrases are
#: tried before their words.
QUESTION_WORDS = frozenset(
    {
        "how many", "how much", "how", "what", "what's", "whats", "which", "who", "whom",
        "when", "where", "why", "is", "are", "was", "were", "be", "been", "being", "did", "do",
        "does", "has", "have", "had", "will", "would", "can", "could", "many", "much",
        "number of", "numbers", "number", "count", "total", "in total", "so far", "to date",
        "figure", "figures", "estimate", "estimates", "tell me", "show me", "show", "list",
        "give me", "please", "there", "they", "them", "their", "any", "all", "about",
        "according to", "say", "says", "said", "claim", "claims", "claimed", "reported",
        "report", "reports", "latest", "recent", "now", "yet", "get", "got",
        "скільки", "яка", "які", "який", "чи", "було", "всього", "усього", "загалом",
        "몇", "명", "얼마나", "몇 명", "얼마",
    }
)  # fmt: skip

#: Nouns for the people counted: every figure counts people, so they narrow nothing
#: ("north korean troops" is North Korea).
PEOPLE_WORDS = frozenset(
    {
        "troops", "troop", "soldiers", "soldier", "men", "servicemen", "serviceman",
        "service members", "personnel", "people", "fighters", "forces", "force", "military",
        "army", "armies", "units", "militaries", "військових", "військові", "солдатів",
        "солдати", "бійців", "군인", "병사", "군",
    }
)  # fmt: skip

#: The first words of a phrase this module reads, at most this many words long.
LONGEST_PHRASE = 5

_LOWER_YEAR = 1900
_UPPER_YEAR = 2100


@dataclass(frozen=True)
class Reading:
    """A search read: the forces, metrics, claimants and numbers named, and the other words.

    ``words`` are the words left to find in the text; ``typed`` every word that names
    something, as typed (no question words, no numbers), for texts that carry no tags."""

    subjects: tuple[str, ...] = ()
    metrics: tuple[Metric, ...] = ()
    sources: tuple[str, ...] = ()
    numbers: tuple[int, ...] = ()
    words: tuple[str, ...] = ()
    typed: tuple[str, ...] = ()
    asked: tuple[str, ...] = field(default=(), compare=False)

    @property
    def understood(self) -> bool:
        """Whether anything was read as a force, a metric or a claimant."""
        return bool(self.subjects or self.metrics or self.sources)

    def tag_groups(self) -> list[list[str]]:
        """For each thing named, the tags an entry must have one of (see :func:`figure_tags`)."""
        groups = [
            [subject_tag(s) for s in self.subjects],
            [metric_tag(m) for m in self.metrics],
            [source_tag(s) for s in self.sources],
        ]
        return [group for group in groups if group]

    def number_groups(self) -> list[list[str]]:
        return [[number_tag(n)] for n in self.numbers]


class QueryReader:
    """Reads searches against the forces and claimant names a guild sees, prepared once."""

    def __init__(
        self, subjects: Iterable[str], subject_aliases: Mapping[str, Iterable[str]]
    ) -> None:
        table: dict[str, str] = {}
        for subject, names in subject_aliases.items():
            for name in (subject, *names):
                key = normalize(name)
                # a leader's name in a search is the leader speaking, not their country
                if key and key not in LEADER_NAMES:
                    table.setdefault(key, subject)
        for subject in subjects:
            table[normalize(subject)] = subject
        self._subjects = table
        self._metrics = {
            normalize(name): metric
            for metric, names in METRIC_ALIASES.items()
            for name in (metric.value, *names)
        }
        self._sources = {
            normalize(name): source
            for source, names in TYPED_SOURCE_ALIASES.items()
            for name in (source, *names)
        }
        self._asked = {normalize(w) for w in QUESTION_WORDS} | {normalize(w) for w in PEOPLE_WORDS}

    def read(self, query: str) -> Reading:
        numbers, rest = _numbers(query)
        segments, sources = _claimants(rest)
        subjects: list[str] = []
        metrics: list[Metric] = []
        left: list[str] = []
        typed = _claimant_words(rest)
        asked: list[str] = []
        for index, segment in enumerate(segments):
            found = self._phrases(normalize(segment).split())
            if index < len(segments) - 1 and found and found[-1][0] == "subject":
                # "South Korea's National Intelligence Service": the force names the claimant
                typed.extend(found.pop()[2])
            for kind, value, words in found:
                if kind == "asked":
                    asked.append(value)
                    continue
                if kind == "word" and value in STOPWORDS:
                    continue
                typed.extend(words)
                if kind == "subject":
                    subjects.append(value)
                elif kind == "source":
                    sources.append(value)
                elif kind == "metric":
                    metrics.append(Metric(value))
                else:
                    left.append(value)
        if not (subjects or metrics or sources or numbers or left or typed):
            # only asking words ("report", "total"): they are what is searched
            typed = [word for phrase in asked for word in phrase.split()]
            left = [word for word in typed if word not in STOPWORDS]
        return Reading(
            subjects=tuple(dict.fromkeys(subjects)),
            metrics=tuple(dict.fromkeys(metrics)),
            sources=tuple(dict.fromkeys(sources)),
            numbers=tuple(dict.fromkeys(numbers)),
            words=tuple(left),
            typed=tuple(typed),
            asked=tuple(asked),
        )

    def _phrases(self, words: list[str]) -> list[tuple[str, str, list[str]]]:
        """(kind, value, its words) for each phrase, the longest first at each word: a force,
        a claimant, a question word or filler, a metric, else a plain word."""
        found: list[tuple[str, str, list[str]]] = []
        i = 0
        while i < len(words):
            for n in range(min(LONGEST_PHRASE, len(words) - i), 0, -1):
                phrase = " ".join(words[i : i + n])
                if phrase in self._subjects:
                    found.append(("subject", self._subjects[phrase], words[i : i + n]))
                elif phrase in self._sources:
                    found.append(("source", self._sources[phrase], words[i : i + n]))
                elif phrase in self._asked:
                    found.append(("asked", phrase, words[i : i + n]))
                elif phrase in self._metrics:
                    found.append(("metric", self._metrics[phrase].value, words[i : i + n]))
                elif n == 1:
                    found.append(("word", phrase, [phrase]))
                else:
                    continue
                i += n
                break
        return found


def _numbers(query: str) -> tuple[list[int], str]:
    """The numbers a query names ("500,000", "500k", "half a million") and the query without
    them. A year ("2024") and a small number spelled out ("one") stay words."""
    found: list[int] = []
    kept: list[str] = []
    end = 0
    for quantity in find_quantities(query):
        written = query[quantity.num_start : quantity.num_end]
        if quantity.low != quantity.high or _is_year(written):
            continue
        if quantity.spelled and quantity.low < 100:
            continue
        found.append(quantity.low)
        kept.append(query[end : quantity.num_start])
        end = quantity.num_end
    kept.append(query[end:])
    return found, " ".join(kept)


def _is_year(written: str) -> bool:
    return written.isdecimal() and len(written) == 4 and _LOWER_YEAR <= int(written) <= _UPPER_YEAR


_CLAIMANT_RES = tuple(
    (canonical, re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE))
    for canonical, patterns in CLAIMANT_PATTERNS.items()
)


def _claimants(query: str) -> tuple[list[str], list[str]]:
    """The query cut around the claimants it names as documents name them ("NIS", "National
    Intelligence Service", "Zelensky"), and those claimants, canonical."""
    found: list[tuple[int, int, str]] = []
    for canonical, pattern in _CLAIMANT_RES:
        for match in pattern.finditer(query):
            if all(match.end() <= a or match.start() >= b for a, b, _ in found):
                found.append((match.start(), match.end(), canonical))
    found.sort()
    segments: list[str] = []
    end = 0
    for start, stop, _ in found:
        segments.append(query[end:start])
        end = stop
    segments.append(query[end:])
    return segments, [canonical for _, _, canonical in found]


def _claimant_words(query: str) -> list[str]:
    """The words of the claimant names in ``query`` as typed."""
    words: list[str] = []
    for _, pattern in _CLAIMANT_RES:
        for match in pattern.finditer(query):
            words.extend(normalize(match.group()).split())
    return words


def source_key(source: str) -> str:
    """What a claimant is matched by: its canonical name when the claimant patterns know it
    ("U.S. Department of Defense" is the Pentagon), else its name; normalised."""
    return normalize(text_aliases.canonical_claimant(source) or source)


def _tag(kind: str, value: str) -> str:
    # "§" never survives normalize(): a tag is never a word of a text
    return f"§{kind}:{value.replace(' ', '_')}"


def subject_tag(subject: str) -> str:
    return _tag("subject", normalize(subject))


def metric_tag(metric: Metric) -> str:
    return _tag("metric", metric.value)


def source_tag(source: str) -> str:
    return _tag("source", source_key(source))


def number_tag(n: int) -> str:
    return _tag("n", str(n))


def number_tags(text: str) -> set[str]:
    """The numbers a text states, in any form it writes them, as tags."""
    return {
        number_tag(n) for quantity in find_quantities(text) for n in {quantity.low, quantity.high}
    }


class FigureTags:
    """What a reading matches a figure by: its force, metric, claimant and value (a number
    asked for is a figure's value; an event's, one its sentence states). Names are read once
    each however many figures carry them, so 100,000 figures are tagged in a fraction of a
    second."""

    def __init__(self) -> None:
        self._subjects: dict[str, str] = {}
        self._sources: dict[str, str] = {}
        self._metrics = {metric: metric_tag(metric) for metric in Metric}

    def __call__(self, figure: Figure) -> tuple[str, ...]:
        subject = self._subjects.get(figure.subject)
        if subject is None:
            subject = self._subjects.setdefault(figure.subject, subject_tag(figure.subject))
        tags = [subject, self._metrics[figure.metric], number_tag(figure.low)]
        if figure.high != figure.low:
            tags.append(number_tag(figure.high))
        if figure.source:
            source = self._sources.get(figure.source)
            if source is None:
                source = self._sources.setdefault(figure.source, source_tag(figure.source))
            tags.append(source)
        return tuple(tags)
