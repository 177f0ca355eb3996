"""Sentence splitting with character offsets into the document text.

Two passes, both linear: lines are grouped into blocks (paragraphs, list items, headings,
hard-wrapped prose joined back together), then each block is cut at sentence-final punctuation
that is not an abbreviation. Every :class:`Sentence` satisfies ``text[s.start:s.end] == s.text``.

A sentence is at most ``MAX_SENTENCE_CHARS`` (8,000) characters long. Real sentences are far
shorter (under 500 in every document we hold; a Markdown table joined into one run reaches
6,000); the limit bounds what the readers after this one may spend on one sentence. A longer
run of text (hostile input, a table or list without full stops) is cut into pieces of at most
that length, at the last clause break (";", ", ", a dash between spaces) in the second half of
the allowed length, else its last space, else a hard cut. The pieces cover the whole run: only
the whitespace at a cut is left out, as between any two sentences.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["MAX_SENTENCE_CHARS", "Sentence", "split_sentences"]

MAX_SENTENCE_CHARS = 8_000


@dataclass(frozen=True, slots=True)
class Sentence:
    text: str
    start: int
    end: int


def _wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Titles and abbreviations that are never the end of a sentence when a capital or digit follows.
_NEVER_FINAL = _wordset(
    """lt gen col maj capt sgt mr mrs ms dr sen rep gov pres st vs approx est e.g i.e cf adm brig
    cmdr cpl pvt prof rev mt ft fig messrs gens lts cols p pp"""
)
# Abbreviations that may end a sentence: a split happens only before a word that typically
# starts one ("... to the U.S. The next day" splits, "U.S. President Biden" does not).
_MAYBE_FINAL = _wordset(
    """u.s u.k u.n u.s.a e.u jan feb mar apr jun jul aug sep sept oct nov dec a.m p.m no nos jr
    sr inc co corp ltd al"""
)
_STARTERS = _wordset(
    """The A An In On At He She It They We I You But And Or This That These Those His Her Their
    Its Our My There Then As After Before When While Since However Meanwhile Also According
    Some Many Most For If Yet So Still What Why How Who Where Both Each Earlier Later Last Next
    Now Such One Two Three Officials Asked Despite During Although Though Because"""
)
_INITIALS = re.compile(r"(?:[A-Za-z]\.)*[A-Za-z]")

_CLOSERS = "\"'”’)]»"
_OPENERS = "\"'“‘([{«"

# Non-blank lines (possessive so that long runs of blanks stay linear).
_LINE = re.compile(r"^[^\S\n]*+\S[^\n]*", re.MULTILINE)
_MARKER = re.compile(
    r"[^\S\n]*+(?:(?P<hash>#{1,6})(?:[^\S\n]+|$)|(?:[-*•–▪◦‣]|\d{1,3}[.)])[^\S\n]+)"
)
_HEADING_TAIL = re.compile(r"[^\S\n]+#+$")
_SPEAKER = re.compile(r"(?:[QA]|[A-Z][A-Z.'’ -]{0,40}?(?: \d{1,3})?):\s")
_TERMINAL_END = re.compile(r"[.!?][\"'”’)\]»]*+(?:[^\S\n]*+\([^()\n]{0,79}[^()\n.!?]\))*+$")
# A run of sentence-final punctuation, closing quotes/brackets, footnote markers ("troops.1",
# "March.[4]"), and source labels such as
# "(Reuters)" when they end the line, then the whitespace before the next sentence.
_BOUNDARY = re.compile(
    r"(?<![.!?])(?P<punct>[.!?]++)(?P<close>(?:[\"'”’)\]»]|\[\d{1,3}\])*+"
    r"(?:(?<=[a-z][.!?])\d{1,3}(?=[^\S\n]++[A-Z\"“]|[^\S\n]*+(?:\n|\Z)))?)"
    r"(?:(?P<labels>(?:[^\S\n]*+\([^()\n]{0,79}[^()\n.!?]\))++)(?=[^\S\n]*+(?:\n|\Z))\s*+|\s++)"
)
_WORD = re.compile(r"[\"'“‘(\[{«]*(\w+)")

_MAX_WRAP_WIDTH = 100
_WRAP_SLACK = 2
_OPEN_END = re.compile(
    r"(?:[,;–—-]|\b(?:and|or|but|of|the|a|an|to|in|on|at|for|with|by|from|that|which|who"
    r"|as|than)\b)\s*$",
    re.IGNORECASE,
)
# Words that lead to a number: a line ending in one goes on when the next starts with a digit
# ("... in Russia at roughly\n11,000, engineers ...", "... has reached\n86,400 named ...").
_NUMBER_LEAD_END = re.compile(
    r"\b(?:roughly|about|around|approximately|nearly|almost|some|than|least|over|estimated"
    r"|reached|reaches|passed|passes|exceeded|exceeds|topped|tops|totalled|totaled|totals"
    r"|numbered|stood|stands|put|puts)\s*$",
    re.IGNORECASE,
)
_FIRST_WORD = re.compile(r"\S+")
# A line of a list of labelled values: "personnel - about 891,540 (+1,230)", "tanks: 10,253".
_LABELLED_VALUE = re.compile(
    r"[A-Za-z][\w ()/.'’-]{0,40}?[^\S\n]+[-–—:][^\S\n]+(?:[a-z]+[^\S\n]+)?[~+]?\d"
)


def split_sentences(text: str) -> list[Sentence]:
    sentences: list[Sentence] = []
    for start, end in _blocks(text):
        _split_block(text, start, end, sentences)
    return sentences


@dataclass(slots=True)
class _Line:
    start: int
    content: int
    end: int
    heading: bool
    marker: bool


def _lines(text: str) -> list[_Line]:
    lines: list[_Line] = []
    for match in _LINE.finditer(text):
        start = match.start()
        end = start + len(match.group().rstrip())
        marker = _MARKER.match(text, start, end)
        heading = marker is not None and marker.group("hash") is not None
        content = (
            marker.end() if marker else start + len(match.group()) - len(match.group().lstrip())
        )
        if heading:
            tail = _HEADING_TAIL.search(text, content, end)
            if tail:
                end = tail.start()
        lines.append(_Line(start, content, end, heading, marker is not None))
    return lines


def _wrap_width(text: str, lines: list[_Line]) -> int:
    """The width prose was hard-wrapped at, or 0 when its lines were never wrapped."""
    widths = [line.end - line.start for line in lines if line.end - line.start > 20]
    widest = max(widths, default=0)
    if widest > _MAX_WRAP_WIDTH or len(widths) < 3:
        return 0
    # Wrapped lines fill up to near the width; a list of short items does not.
    full = sum(1 for width in widths if width >= widest - 15)
    if full * 3 < len(widths) * 2:
        return 0
    # Wrapped prose breaks mid-sentence, so some line goes on in lower case; every line of a
    # headline list starts a new item with a capital.
    starts = [text[line.content] for line in lines if line.content < line.end]
    return widest if any(first.islower() for first in starts[1:]) else 0


def _blocks(text: str) -> list[tuple[int, int]]:
    """Spans of text within which sentences are cut by punctuation alone."""
    lines = _lines(text)
    wrap = _wrap_width(text, lines)
    blocks: list[tuple[int, int]] = []
    block_start = -1
    previous: _Line | None = None
    for line in lines:
        if line.content >= line.end:
            # A bare marker ("-", "#"): nothing to say, but it ends the block before it.
            if previous is not None:
                blocks.append((block_start, previous.end))
            previous = None
            continue
        if previous is None or not _continues(text, previous, line, wrap):
            if previous is not None:
                blocks.append((block_start, previous.end))
            block_start = line.content
        previous = line
    if previous is not None:
        blocks.append((block_start, previous.end))
    return blocks


def _continues(text: str, previous: _Line, line: _Line, wrap: int) -> bool:
    """Whether ``line`` carries on the block that ``previous`` belongs to."""
    if previous.heading or line.marker:
        return False
    if text.count("\n", previous.end, line.start) >= 2:
        return False
    if _SPEAKER.match(text, line.content):
        return False
    if _LABELLED_VALUE.match(text, line.content, line.end) and (
        text[previous.end - 1] == ":" or _LABELLED_VALUE.match(text, previous.content, previous.end)
    ):
        return False  # one line of a list of labelled values, or the first after its lead
    if _TERMINAL_END.search(text, max(previous.content, previous.end - 200), previous.end):
        return True  # the punctuation pass decides, with its abbreviation rules
    first = text[line.content]
    if not (first.isupper() or first.isdigit() or first in _OPENERS):
        return True
    if _OPEN_END.search(text, max(previous.content, previous.end - 20), previous.end):
        return True
    if first.isdigit() and _NUMBER_LEAD_END.search(
        text, max(previous.content, previous.end - 20), previous.end
    ):
        return True
    # A wrapped line is one the next word would not have fitted on; a headline list is not.
    next_word = _FIRST_WORD.match(text, line.content)
    width = next_word.end() - line.content if next_word else 0
    return wrap > 0 and (previous.end - previous.start) + 1 + width > wrap - _WRAP_SLACK


def _split_block(text: str, start: int, end: int, out: list[Sentence]) -> None:
    current = start
    for match in _BOUNDARY.finditer(text, start, end):
        following = match.end()
        if following >= end or not _is_boundary(text, match, start):
            continue
        _emit(text, current, _piece_end(match), out)
        current = following
    _emit(text, current, end, out)


def _piece_end(match: re.Match[str]) -> int:
    return match.end("labels") if match.group("labels") else match.end("close")


def _is_boundary(text: str, match: re.Match[str], block_start: int) -> bool:
    following = match.end()
    first = text[following]
    if not (first.isupper() or first.isdigit() or first in _OPENERS):
        return False
    if match.group("punct") != "." or match.group("close") or match.group("labels"):
        return True
    dot = match.start("punct")
    window = text[max(block_start, dot - 40) : dot]
    if not window or window[-1].isspace():
        return True
    token = window.rsplit(None, 1)[-1].lstrip(_OPENERS)
    key = token.lower()
    known = key in _NEVER_FINAL or key in _MAYBE_FINAL or _INITIALS.fullmatch(token) is not None
    if not known:
        return True
    if first.isdigit() or key in _NEVER_FINAL:
        return False
    word = _WORD.match(text, following)
    return word is not None and word.group(1) in _STARTERS


def _emit(text: str, start: int, end: int, out: list[Sentence]) -> None:
    piece = text[start:end]
    stripped = piece.strip()
    if not stripped:
        return
    start += len(piece) - len(piece.lstrip())
    end = start + len(stripped)
    while end - start > MAX_SENTENCE_CHARS:
        cut = _cut(text, start)
        _emit(text, start, cut, out)
        start = cut
        while text[start].isspace():
            start += 1
    out.append(Sentence(text[start:end], start, end))


# Where an over-long run may be cut, best first: after a clause break, else after a space.
_CLAUSE_CUT = re.compile(r"(?:[;,]|\s[-–—])\s")
_SPACE_CUT = re.compile(r"\s")


def _cut(text: str, start: int) -> int:
    """Where to end the piece of an over-long run that starts at ``start``: after the last
    clause break or space in the second half of the allowed length, else at that length."""
    low, high = start + MAX_SENTENCE_CHARS // 2, start + MAX_SENTENCE_CHARS
    for boundary in (_CLAUSE_CUT, _SPACE_CUT):
        last = max(boundary.finditer(text, low, high), key=lambda m: m.start(), default=None)
        if last is not None:
            return last.end() - 1 if boundary is _CLAUSE_CUT else last.start()
    return high
