"""Document -> Extraction(figures, events): the pipeline, nothing else.

Sentences (``sentences``), each sentence's lower-case words once, the dates of every sentence
and the publication anchor (``dates``), then per sentence: its quantities (``numbers``), the
forces it names and its claims (``claims``), and its events (``events``). Every step is linear in
the text: a sentence is at most ``sentences.MAX_SENTENCE_CHARS`` long and no rule reads a whole
sentence once per number (``tests/facts/test_growth.py``).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache

from bot.facts.attribution import resolve_claimant
from bot.facts.claim import Claim, Context
from bot.facts.claims import ClaimReader
from bot.facts.claims.filters import is_corrections_column
from bot.facts.claims.forces import home_side
from bot.facts.claims.sentence import point_dates
from bot.facts.dates import Anchor, DateMention, dates_of_sentences
from bot.facts.documents import document_publication
from bot.facts.events import events_in_sentence
from bot.facts.model import DateSpan, Document, Event, Extraction, Figure, Precision, short_id
from bot.facts.numbers import find_quantities, lower_words, may_hold_quantity
from bot.facts.quotations import quotation_speakers
from bot.facts.sentences import Sentence, split_sentences
from bot.facts.speakers import count_speaker_turns, read_opening
from bot.facts.vocabulary.forces import DEFAULT_SUBJECTS

_QUOTES_RE = re.compile(r"[\"“”]")
# "back then", "at the time", "by then": the time of the last date spoken of before.
_THEN_RE = re.compile(
    r"\b(?:back\s+then|by\s+then|at\s+(?:the|that)\s+time(?!\s+of\b))\b", re.IGNORECASE
)
# How many sentences back "back then" may find the date it follows.
_THEN_SENTENCES = 5


@lru_cache(maxsize=16)
def _reader(subjects: tuple[str, ...]) -> ClaimReader:
    return ClaimReader(subjects)


def extract(document: Document, subjects: Sequence[str] = DEFAULT_SUBJECTS) -> Extraction:
    reader = _reader(tuple(subjects))
    sentences = split_sentences(document.text)
    texts = [sentence.text for sentence in sentences]
    sentence_words = [lower_words(text) for text in texts]
    given = document_publication(document)
    anchor, sentence_dates = dates_of_sentences(texts, given, sentence_words)
    publication = given or _publication_span(anchor)
    opening = read_opening(document, texts)
    context = Context(voice=opening.voice)
    context.corrections = is_corrections_column(document.title or (texts[0] if texts else ""))
    context.home = home_side((document.publisher, document.title, *texts[:2]))
    count_speaker_turns(texts, context)
    context.interview = context.speaker_labels >= 2 or _question_paragraphs(
        document.text, sentences
    )
    figures: list[Figure] = []
    events: list[Event] = []
    seen_ids: Counter[str] = Counter()
    previous_end = 0
    earlier: tuple[int, DateMention] | None = None  # the last date a sentence spoke of
    quoted: dict[int, str] = {}
    if _QUOTES_RE.search(document.text):
        quoted = quotation_speakers(document.text, sentences)
    for index, (sentence, dates, words) in enumerate(
        zip(sentences, sentence_dates, sentence_words, strict=True)
    ):
        text = sentence.text
        speaker_words = quoted.get(index)
        context.quoted_by = resolve_claimant(speaker_words, context) if speaker_words else None
        gap = document.text[previous_end : sentence.start]
        previous_end = sentence.end
        if "\n" in gap:
            context.new_line(blank_line="\n\n" in gap.replace(" ", ""))
        quantities = find_quantities(text, words) if may_hold_quantity(text, words) else []
        aliases = reader.aliases(text)
        for claim in reader.read(text, quantities, dates, context, aliases, words):
            if claim.date is None and (then := _then_date(text, index, earlier)) is not None:
                claim = replace(claim, date=then)
            figures.append(_figure(document.key, sentence, claim, seen_ids, publication))
        if dates and (points := point_dates(text, dates)):
            earlier = index, points[-1]
        if dates:
            story = any(a.subject in reader.subjects for a in aliases)
            for event in events_in_sentence(document.key, text, sentence.start, dates, story):
                seen_ids[event.id] += 1
                if seen_ids[event.id] > 1:
                    # The same sentence again: keep the first id, give the repeat its own.
                    event = replace(event, id=short_id(event.id, str(seen_ids[event.id])))
                events.append(event)
    if opening.lead and figures:
        figures = _without_restatements(figures, {sentences[i].start for i in opening.lead})
    return Extraction(document, tuple(figures), tuple(events), publication)


def _figure(
    key: str,
    sentence: Sentence,
    claim: Claim,
    seen_ids: Counter[str],
    publication: DateSpan | None,
) -> Figure:
    """A claim as a figure; its id hashes the document, the sentence and the value, and a
    repeat of the same sentence and value gets an id of its own. A figure whose sentence and
    context give no date is dated as of the publication date."""
    q = claim.quantity
    base = short_id(key, sentence.text, claim.metric.value, f"{q.low}-{q.high}")
    seen_ids[base] += 1
    return Figure(
        id=base if seen_ids[base] == 1 else short_id(base, str(seen_ids[base])),
        document=key,
        metric=claim.metric,
        subject=claim.subject,
        low=q.low,
        high=q.high,
        qualifier=q.qualifier,
        additional=claim.additional,
        source=claim.source,
        date=_until_written(claim.date.span, publication) if claim.date else publication,
        quote=sentence.text,
        span=(sentence.start, sentence.end),
        period=claim.period,
        voice=claim.voice if claim.source else None,
    )


def _then_date(
    text: str, index: int, earlier: tuple[int, DateMention] | None
) -> DateMention | None:
    """'Seoul said around 600 back then.': a sentence with no date of its own that points back
    ("back then", "at the time", "by then") is as of the last date spoken of a few sentences
    before it (not one that opens a period, "since June")."""
    if earlier is None or index - earlier[0] > _THEN_SENTENCES or not _THEN_RE.search(text):
        return None
    return earlier[1]


def _until_written(span: DateSpan, publication: DateSpan | None) -> DateSpan:
    """A count a text reports stands no later than the day it was written: "by early January"
    in a story of 13 January runs to the 13th."""
    if publication is None or publication.precision is not Precision.DAY:
        return span
    written = publication.end
    if span.start <= written < span.end:
        return replace(span, end=written)
    return span


def _without_restatements(figures: list[Figure], lead_starts: set[int]) -> list[Figure]:
    """A headline or standfirst that restates a figure of the body (same metric, force, value,
    qualifier and period) is listed once: the body's sentence, which says more, is kept."""

    def key(figure: Figure) -> tuple[object, ...]:
        return (figure.metric, figure.subject, figure.low, figure.high, figure.qualifier,
                figure.period)  # fmt: skip

    body = {key(f) for f in figures if f.span[0] not in lead_starts}
    return [f for f in figures if f.span[0] not in lead_starts or key(f) not in body]


_QUESTION_END_RE = re.compile(r"\?[*_\"”’']*$")


def _question_paragraphs(text: str, sentences: Sequence[Sentence]) -> bool:
    """Two questions or more that stand as paragraphs of their own ("**How many were
    there?**"): an interview printed without speaker labels."""
    found = 0
    for sentence in sentences:
        if not _QUESTION_END_RE.search(sentence.text):
            continue
        opens = sentence.start == 0 or text[sentence.start - 1] == "\n"
        closes = sentence.end >= len(text) or text[sentence.end : sentence.end + 1] == "\n"
        if opens and closes:
            found += 1
            if found >= 2:
                return True
    return False


def _publication_span(anchor: Anchor | None) -> DateSpan | None:
    return anchor.as_span() if anchor is not None else None
