"""Quotations that run over several sentences, and who speaks them.

'"For more than two years, ...," he said. "Russia has paid a staggering cost. At least 315,000
Russian troops have been killed or wounded."' The second quotation's sentences name nobody, yet
they are his words: a quotation's speaker is named right after it closes ('," he said') or right
before it opens ('Austin said: "'), and a quotation that names nobody continues the speaker of
the quotation before it in the same paragraph.

``quotation_speakers`` reads the sentences once, left to right, and gives each sentence that lies
inside a quotation the words that name its speaker ("he", "Austin", "the secretary"), to be
resolved in context like any other claimant.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from bot.facts.sentences import Sentence
from bot.facts.vocabulary.build import alternation

__all__ = ["quotation_speakers"]

# Verbs that attribute a quotation ('," he said', 'Austin added: "').
_QUOTING_VERBS = (
    "said", "says", "added", "adds", "told reporters", "told", "noted", "stressed",
    "insisted", "wrote", "declared", "explained", "warned", "continued", "went on",
)  # fmt: skip
# Lower-case heads that end a speaker named after the verb ('," said a Ukrainian officer').
_SPEAKER_HEADS = (
    "officer", "officers", "official", "officials", "commander", "spokesman", "spokeswoman",
    "spokesperson", "soldier", "analyst", "minister", "diplomat", "source", "sources",
)  # fmt: skip
_NAME = r"(?P<np>(?:the\s+|a\s+)?(?:[A-Z][\w.'’-]*|he|she|they|it)(?:\s+[A-Z][\w.'’-]*){0,5})"
# Right after a closing mark: ', he said', ' Austin said', ', said the minister'.
_AFTER_CLOSE_RE = re.compile(
    rf"\s*,?\s*(?:{_NAME}\s+(?:{alternation(_QUOTING_VERBS)})\b"
    rf"|(?:{alternation(_QUOTING_VERBS)})\s+(?P<np2>(?:(?:the|a|an)\s+)?[A-Za-z][\w.'’-]*"
    r"(?:\s+[A-Z][\w.'’-]*){0,4}"
    # "said a Ukrainian officer who interrogated him": the speaker's head in lower case.
    rf"(?:(?:\s+[a-z]+){{0,2}}?\s+(?:{alternation(_SPEAKER_HEADS)})\b)?))"
)
# Right before an opening mark: 'Austin said: ', 'he added, '.
_BEFORE_OPEN_RE = re.compile(
    rf"(?:^|[.;]\s+|,\s+){_NAME}\s+(?:{alternation(_QUOTING_VERBS)})\s*[:,]?\s*$"
)
_OPENING = "“"
_CLOSING = "”"
_STRAIGHT = '"'


@dataclass(slots=True)
class _Quotation:
    sentences: list[int] = field(default_factory=list)
    speaker: str | None = None


def quotation_speakers(text: str, sentences: Sequence[Sentence]) -> dict[int, str]:
    """Sentence index -> the words naming the speaker of the quotation it lies inside."""
    speakers: dict[int, str] = {}
    open_quote: _Quotation | None = None
    previous: _Quotation | None = None  # the last quotation of the paragraph
    paragraph_end = -1
    for index, sentence in enumerate(sentences):
        if sentence.start > paragraph_end:
            newline = text.find("\n", sentence.start)
            paragraph_end = newline if newline >= 0 else len(text)
            open_quote, previous = None, None
        inside_from_start = open_quote is not None
        for kind, pos in _marks(sentence.text):
            if kind == "open" and open_quote is None:
                open_quote = _Quotation()
                before = _BEFORE_OPEN_RE.search(sentence.text[:pos])
                open_quote.speaker = before.group("np") if before else None
                open_quote.sentences.append(index)
            elif kind == "close" and open_quote is not None:
                if index not in open_quote.sentences:
                    open_quote.sentences.append(index)
                after = _AFTER_CLOSE_RE.match(sentence.text, pos + 1)
                if after and open_quote.speaker is None:
                    open_quote.speaker = after.group("np") or after.group("np2")
                if open_quote.speaker is None and previous is not None:
                    open_quote.speaker = previous.speaker  # the same speaker goes on
                for quoted in open_quote.sentences:
                    if open_quote.speaker:
                        speakers.setdefault(quoted, open_quote.speaker)
                previous, open_quote = open_quote, None
        if open_quote is not None and inside_from_start and index not in open_quote.sentences:
            open_quote.sentences.append(index)
    return speakers


_MARK_RE = re.compile(r"[\"“”]")


def _marks(sentence: str) -> list[tuple[str, int]]:
    """The quotation marks of a sentence, as opening or closing; a straight mark opens when it
    follows a space or starts the sentence, and closes otherwise."""
    found: list[tuple[str, int]] = []
    for m in _MARK_RE.finditer(sentence):
        pos, char = m.start(), m.group(0)
        if char == _OPENING:
            found.append(("open", pos))
        elif char == _CLOSING:
            found.append(("close", pos))
        else:
            opens = pos == 0 or sentence[pos - 1].isspace() or sentence[pos - 1] in "([—–-"
            found.append(("open" if opens else "close", pos))
    return found
