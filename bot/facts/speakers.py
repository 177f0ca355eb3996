"""Transcript speakers: labels such as "MR. KIRBY:", "Q:" or "Luke Pollard:" on a line of its
own, and who speaks for the words that follow them.
"""

from __future__ import annotations

import re

from bot.facts.aliases import canonical_claimant, is_person
from bot.facts.claim import Context
from bot.facts.vocabulary.build import alternation
from bot.facts.vocabulary.speakers import (
    ANSWER_LABELS,
    LABEL_WORDS,
    NOT_SPEAKER_LABELS,
    QUESTIONER_LABELS,
)

_LABEL = (
    r"(?P<label>@\w{1,30}|(?:[A-Z][\w'’.-]*|\([^)]{1,40}\))"
    rf"(?:\s+(?:[A-Z][\w'’.-]*|\([^)]{{1,40}}\)|{alternation(LABEL_WORDS)}|al-\w+)){{0,7}})"
)
# "MR. KIRBY:", "Q:", "The Minister for the Armed Forces (Luke Pollard):", "Zelenskyy:".
SPEAKER_RE = re.compile(rf"^(?:\d{{1,3}}\.\s+)?{_LABEL}\s*:\s+(?=\S*[a-z\d\"“‘'])")
# A label alone on its line ("Luke Pollard:") opens a turn for the lines below it.
SPEAKER_LINE_RE = re.compile(rf"^(?:\d{{1,3}}\.\s+)?{_LABEL}\s*:\s*$")
# A document with this many labels in its first lines is a transcript.
_TRANSCRIPT_LABELS = 2
_LINES_LOOKED_AT = 400


def is_transcript_label(label: str) -> bool:
    """Whether a label is a speaker's ("NIS:") and not a heading's ("Note:", "Update:")."""
    return label.lower() not in NOT_SPEAKER_LABELS


def count_speaker_turns(text: str, context: Context) -> None:
    """A document with two or more speaker labels is a transcript: turns span paragraphs."""
    context.speaker_labels = sum(
        1 for line in text.splitlines()[:_LINES_LOOKED_AT] if SPEAKER_RE.match(line.lstrip())
    )


def read_speaker(sentence: str, context: Context) -> int:
    """Take a sentence's speaker label into ``context``; where the spoken words start."""
    if ":" not in sentence:
        return 0  # every label ends with one
    m = SPEAKER_RE.match(sentence)
    if not m:
        alone = SPEAKER_LINE_RE.match(sentence)
        if alone and is_person(tidy_speaker(alone.group("label"))):
            context.speaker = tidy_speaker(alone.group("label"))
            context.label_line = True
        return 0
    label = m.group("label").strip()
    if not is_transcript_label(label) or (label.isupper() and len(label) > 40):
        return 0
    if label.upper() in QUESTIONER_LABELS:
        context.speaker = None
    elif label.upper() not in ANSWER_LABELS:
        context.speaker = tidy_speaker(label)
    return m.end()


def tidy_speaker(label: str) -> str:
    """A label as the claimant it names: "The Minister (Luke Pollard)" -> "Luke Pollard"."""
    named = re.search(r"\(((?:[A-Z][\w'’.-]*\s+)+[A-Z][\w'’.-]*)\)", label)
    if named and is_person(named.group(1)):
        label = named.group(1)  # "The Minister for the Armed Forces (Luke Pollard)"
    label = re.sub(r"\s*\([^)]*\)", "", label).strip()
    if label.isupper():
        label = " ".join(w.capitalize() for w in label.split())
    return canonical_claimant(label) or label
