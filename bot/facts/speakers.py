"""Who speaks: transcript labels ("MR. KIRBY:", "Q:", "Luke Pollard:", a name in capitals on a
line of its own) and the turns they open, and the document's own voice: the speaker or body its
front matter, title, standfirst or first lines name, else its publisher.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from bot.facts.aliases import canonical_claimant, is_person
from bot.facts.claim import Context
from bot.facts.model import Document
from bot.facts.vocabulary.build import alternation
from bot.facts.vocabulary.claimants import PERSON_TITLES
from bot.facts.vocabulary.forces import SUBJECT_ALIASES
from bot.facts.vocabulary.speakers import (
    ANSWER_LABELS,
    ANSWER_NOUNS,
    ANSWERED_VERBS,
    CHECKED_CLAIM_LABELS,
    DELIVERY_VERBS,
    LABEL_WORDS,
    MIRROR_WORDS,
    NOT_SPEAKER_LABELS,
    QUESTIONER_LABELS,
    SPEAKER_NAME_ENDS,
    SPOKEN_TEXTS,
)

_LABEL = (
    r"(?P<label>@\w{1,30}|(?:[A-Z][\w'’.-]*|\([^)]{1,40}\))"
    rf"(?:\s+(?:[A-Z][\w'’.-]*|\([^)]{{1,40}}\)|{alternation(LABEL_WORDS)}|al-\w+)){{0,7}})"
)
# "MR. KIRBY:", "Q:", "The Minister for the Armed Forces (Luke Pollard):", "Zelenskyy:".
SPEAKER_RE = re.compile(
    rf"^(?:\d{{1,3}}\.\s+)?{_LABEL}\s*:\s+(?=\S*[a-z\d\"“‘']|[A-Z]\s+[a-z])"
)
# A label alone on its line ("Luke Pollard:") opens a turn for the lines below it.
SPEAKER_LINE_RE = re.compile(rf"^(?:\d{{1,3}}\.\s+)?{_LABEL}\s*:\s*$")
# A name in capitals alone on its line, with a title ("DEPUTY SPOKESPERSON YOON JAE-HO").
_CAPITALS_LINE_RE = re.compile(r"^[A-Z][A-Z.'’-]*(?:\s+[A-Z][A-Z.'’-]*){1,7}$")
# A document with this many labels among its first sentences is a transcript.
_TRANSCRIPT_LABELS = 2
_SENTENCES_LOOKED_AT = 400
_ANSWER_BYLINE_FIRST = frozenset(
    first for word in (*ANSWERED_VERBS, *ANSWER_NOUNS) for first in (word[0], word[0].upper())
)
_SMALL_WORDS = frozenset({"of", "for", "the", "and", "to", "in", "on", "at"})


def is_transcript_label(label: str) -> bool:
    """Whether a label is a speaker's ("NIS:") and not a heading's ("Note:", "Update:")."""
    return label.lower() not in NOT_SPEAKER_LABELS


def count_speaker_turns(sentences: Sequence[str], context: Context) -> None:
    """A document with two or more speaker labels (at a line's start or glued after another
    speaker's words) is a transcript: its turns hold until the next label."""
    context.speaker_labels = sum(
        1
        for sentence in sentences[:_SENTENCES_LOOKED_AT]
        if (":" in sentence[:90] and _turn_label(sentence))
        or _capitals_label(sentence) is not None
    )


def _turn_label(sentence: str) -> bool:
    m = _label_of(sentence)
    return m is not None and _opens_a_turn(m.group("label"))


@lru_cache(maxsize=1024)
def _opens_a_turn(label: str) -> bool:
    """A transcript's label names who speaks ("MR. KIRBY", "Q", "Luke Pollard", "The
    Minister"); a place or a topic labelling a headline ("Kyiv: ...", "Poll: ...") does not."""
    bare = re.sub(r"\s*\([^)]*\)", "", label).strip()
    if bare.upper() in QUESTIONER_LABELS or bare.upper() in ANSWER_LABELS:
        return True
    if bare.isupper() and len(bare) > 2:
        return True
    if is_person(tidy_speaker(label)) or _has_title(bare):
        return True
    return bare not in _PLACES and bare.lower() not in NOT_SPEAKER_LABELS


def _label_of(sentence: str) -> re.Match[str] | None:
    m = SPEAKER_RE.match(sentence)
    if m is None:
        return None
    label = m.group("label").strip()
    if not is_transcript_label(label) or (label.isupper() and len(label) > 60):
        return None
    return m


def _capitals_label(sentence: str) -> str | None:
    """'DEPUTY SPOKESPERSON YOON JAE-HO' alone on its line: a name with a title."""
    if len(sentence) > 80 or not sentence[:2].isupper() or not _CAPITALS_LINE_RE.match(sentence):
        return None
    words = {w.lower().strip(".,") for w in sentence.split()}
    return sentence if words & PERSON_TITLES else None


# "Answered on 9 June 2026 by Luke Ashworth, Minister of State ...": who speaks for the answer
# below it.
_ANSWERED_BY_RE = re.compile(
    rf"^(?:(?i:{alternation(ANSWERED_VERBS)})\s+(?:on\s+[^,;:]{{3,40}}?\s+)?by"
    rf"|(?i:{alternation(ANSWER_NOUNS)})\s+from)\s+(?:the\s+)?"
    r"(?P<who>[A-Z][^,;:()\n]{2,80}?)\s*(?P<role>[,(].*)?$"
)


# An account's handle alone on its line, numbered or not, with a note in brackets.
_HANDLE_LINE_RE = re.compile(
    r"^(?:\d{1,3}[.)]\s+)?(?P<handle>@\w{1,30})(?:\s+\([^)\n]{1,60}\))?\s*$"
)


def read_speaker(sentence: str, context: Context) -> int:
    """Take a sentence's speaker label into ``context``; where the spoken words start. An
    answer's byline ("Answered on ... by X, Minister ...") makes X the document's voice from
    there on."""
    byline = _ANSWERED_BY_RE.match(sentence) if sentence[:1] in _ANSWER_BYLINE_FIRST else None
    if byline and (is_person(byline.group("who")) or _has_title(byline.group(0))):
        context.voice = _tidy_voice(byline.group("who"))
        context.speaker, context.questioning = None, False
        return 0
    if ":" not in sentence:
        capitals = _capitals_label(sentence)
        if capitals is not None:
            _open_turn(context, capitals)
            context.label_line = context.label_holds = True
        elif "@" in sentence[:8]:
            handle = _HANDLE_LINE_RE.match(sentence)
            if handle is not None:
                # "3) @milblog_digest (230K subscribers)" heads an entry: its lines are the
                # account's until the entry ends.
                _open_turn(context, handle.group("handle"))
                context.label_line = context.label_holds = context.entry_holds = True
        return 0  # every other label ends with one
    m = _label_of(sentence)
    if not m:
        alone = SPEAKER_LINE_RE.match(sentence)
        if alone and is_person(tidy_speaker(alone.group("label"))):
            _open_turn(context, alone.group("label"))
            context.label_line = context.label_holds = True
        return 0
    label = m.group("label").strip()
    _open_turn(context, label)
    context.label_holds = _opens_a_turn(label)
    return m.end()


def _open_turn(context: Context, label: str) -> None:
    bare = re.sub(r"\s*\([^)]*\)", "", label).strip().upper()  # "Q (Yonhap)" asks too
    context.checking = bare in CHECKED_CLAIM_LABELS
    if bare in QUESTIONER_LABELS or context.checking:
        context.answerer = context.speaker or context.answerer
        context.speaker, context.questioning = None, True
    elif bare in ANSWER_LABELS:
        # "A:" answers the question: the turn goes back to whoever answered before it, else to
        # the document's own voice (a briefing's `speaker:`), never to the questioner.
        context.speaker, context.questioning = context.answerer, False
    else:
        context.speaker, context.questioning = tidy_speaker(label), False
        context.answerer = context.speaker


@lru_cache(maxsize=1024)
def tidy_speaker(label: str) -> str:
    """A label as the claimant it names: "The Minister (Luke Pollard)" -> "Luke Pollard",
    "SECRETARY OF DEFENSE LLOYD AUSTIN" -> "Secretary of Defense Lloyd Austin"."""
    named = re.search(r"\(((?:[A-Z][\w'’.-]*\s+)+[A-Z][\w'’.-]*)\)", label)
    if named and is_person(named.group(1)):
        label = named.group(1)  # "The Minister for the Armed Forces (Luke Pollard)"
    label = re.sub(r"\s*\([^)]*\)", "", label).strip()
    if label.isupper():
        label = " ".join(
            w.lower() if i and w.lower() in _SMALL_WORDS else _capitalised(w)
            for i, w in enumerate(label.split())
        )
    return canonical_claimant(label) or label


def _capitalised(word: str) -> str:
    """'JAE-HO' -> 'Jae-Ho', 'COL.' -> 'Col.'."""
    return "-".join(part.capitalize() for part in word.split("-"))


# -- the document's own voice ----------------------------------------------------------------

_NAME = r"(?:[A-Z][\w'’.-]*|of|for|the|and)(?:\s+(?:[A-Z][\w'’.-]*|of|for|the|and|al-\w+)){0,9}"
# "Statement by Ambassador X at ...", "Written answer from the Minister for Foreign Affairs".
_SPOKEN_BY_RE = re.compile(
    rf"\b(?i:{alternation(SPOKEN_TEXTS)})\s+(?i:by|from|of)\s+(?:(?i:the|a|an)\s+)?"
    rf"(?P<who>[^,:;()\n–—]+?)"
    rf"(?=\s+(?i:{alternation(SPEAKER_NAME_ENDS)})\s|\s*[,:;(\n–—]|\s+-\s|$)"
)
# "UK statement to the OSCE", "Defence Secretary oral statement on ...".
_WHO_STATEMENT_RE = re.compile(
    rf"(?:^|[:–—]\s+|\s-\s+)(?P<who>(?:[A-Z][\w'’.-]*\s+){{1,4}}?)"
    rf"(?i:{alternation(SPOKEN_TEXTS)})\s+(?i:{alternation(SPEAKER_NAME_ENDS)})\b"
)
# "UK Military Advisor, Joby Rimmer, says ..." / "..., sets out ...".
_ROLE_NAME_VERB_RE = re.compile(
    r"^(?P<role>(?:The\s+)?[A-Z][\w'’.-]*(?:\s+[A-Za-z][\w'’.-]*){0,6}),\s+"
    r"(?P<name>(?:[A-Z][\w'’.-]*\s+){1,3}[A-Z][\w'’.-]*),\s+(?!(?:has|is|was|does)\b)[a-z]+s\b"
)
# "The Defence Secretary made a statement to Parliament ...".
_DELIVERED_RE = re.compile(
    rf"^(?P<who>(?:The\s+)?{_NAME})\s+(?:{alternation(DELIVERY_VERBS)})\s+(?:a|an|the|his|her)\s+"
    r"(?:\w+\s+)?(?:statement|speech|address|remarks)\b"
)
# "Ambassador Neil Holland condemns ...": a standfirst under a statement's title.
_NAME_VERB_RE = re.compile(rf"^(?P<who>{_NAME})\s+[a-z]+s\b")
# "Spokesperson of the Northern Grouping of Forces, Colonel Andriy Havrylenko" on its own line.
_ROLE_NAME_LINE_RE = re.compile(
    r"^(?P<role>[A-Z][^,.:;]{2,80}),\s+(?P<name>(?:[A-Z][\w'’.-]*\s+){1,3}[A-Z][\w'’.-]*)"
    r"\s*(?:\([^)]*\))?\s*$"
)
_BYLINE_RE = re.compile(r"^By\s+(?P<who>(?:[A-Z][\w'’.-]*\s+){1,3}[A-Z][\w'’.-]*)\s*$")
_MIRROR_RE = re.compile(rf"[,;]?\s*\b(?:{alternation(MIRROR_WORDS)})\b.*$", re.IGNORECASE)
# Forces and places by every name: a label that is one of them ("Kyiv: ...") heads a line.
_PLACES = frozenset(alias for aliases in SUBJECT_ALIASES.values() for alias in aliases)
_LEADING_SPACE_RE = re.compile(r"\s*")
# A title that names a spoken text holds one of these words.
_SPOKEN_WORDS = frozenset(word for text in SPOKEN_TEXTS for word in text.split())
# How many of the first sentences may name the document's speaker (title, standfirst, byline),
# and how much of each is read.
_OPENING_SENTENCES = 4
_OPENING_CHARS = 600


@dataclass(frozen=True, slots=True)
class Opening:
    """What a document's first lines say about it: who speaks for it where nothing else names a
    claimant (``voice``), and which of its first sentences are a headline or a standfirst that
    restate the body (``lead``, sentence indexes)."""

    voice: str | None
    lead: frozenset[int]


def read_opening(document: Document, sentences: Sequence[str]) -> Opening:
    """The document's voice: the front matter's speaker, else the speaker or body its title or
    opening lines name (a standfirst, a speech's first line, a byline), else its author, else
    its publisher. Its lead: the headline (the title repeated, or a first line without a full
    stop) and a standfirst naming who speaks."""
    opening = [s[:_OPENING_CHARS] for s in sentences[:_OPENING_SENTENCES]]
    titles = [document.title] if document.title else []
    statement = any(_names_spoken_text(t) for t in [*titles, *opening[:1]])
    lead: set[int] = set()
    space = _LEADING_SPACE_RE.match(document.text)
    text_start = space.end() if space else 0
    if opening and (
        (document.title and opening[0].strip() == document.title.strip().strip('"'))
        or (
            document.text.startswith(opening[0], text_start)
            and opening[0].rstrip()[-1:] not in ".!?"
        )
    ):
        lead.add(0)
    standfirst: str | None = None
    for index, line in enumerate(opening):
        found = _standfirst_speaker(line, statement) if line else None
        if found:
            standfirst = standfirst or found
            if not _BYLINE_RE.match(line):
                lead.add(index)
    if standfirst is None:
        standfirst = _interviewee(opening)
    return Opening(_voice(document, standfirst, [*titles, *opening[:2]]), frozenset(lead))


# "Lieutenant Oksana Melnyk, 29, leads a drone platoon ... She spoke to us by phone": the person
# an interview's standfirst introduces answers its questions.
_INTRODUCED_RE = re.compile(r"^(?P<who>(?:[A-Z][\w'’.-]*\s+){1,4}[A-Z][\w'’.-]*),\s")
_SPOKE_TO_RE = re.compile(
    r"^(?:He|She)\s+(?:spoke|talked)\s+(?:to|with)\s+(?:us|me|[A-Z])"
)


def _interviewee(opening: Sequence[str]) -> str | None:
    for index in range(len(opening) - 1):
        if not _SPOKE_TO_RE.match(opening[index + 1]):
            continue
        m = _INTRODUCED_RE.match(opening[index])
        if m and is_person(m.group("who")):
            return _tidy_voice(m.group("who"))
    return None


def _voice(document: Document, standfirst: str | None, titles: list[str]) -> str | None:
    speaker = document.meta_value("speaker")
    if speaker:
        return _tidy_voice(speaker)
    if standfirst:
        return standfirst
    for title in titles:
        found = _title_speaker(title) or _legal_act_issuer(title)
        if found:
            return found
    author = document.meta_value("author")
    if author:
        return _tidy_voice(author)
    if document.publisher:
        return _tidy_voice(document.publisher)
    return _masthead(titles[0]) if titles and not document.title else None


# "THE SCROLL - weekly digest of ...": a first line naming the publication in capitals before a
# dash, with no full stop, is the masthead of a document without front matter.
_MASTHEAD_RE = re.compile(
    r"^(?P<name>[A-Z][A-Z'’&.]*(?:\s+[A-Z][A-Z'’&.]*){0,3})\s+[-–—|]\s+\S[^\n]*[^.!?\s]\s*$"
)
_NOT_MASTHEADS = frozenset(("urgent", "flash", "breaking", "exclusive", "lead", "update"))


def _masthead(line: str) -> str | None:
    m = _MASTHEAD_RE.match(line.strip())
    if m is None:
        return None
    name = m.group("name")
    lower = name.lower()
    if lower in NOT_SPEAKER_LABELS or lower in _NOT_MASTHEADS or name.title() in _PLACES:
        return None
    return tidy_speaker(name)


@lru_cache(maxsize=1024)
def _names_spoken_text(title: str) -> bool:
    if _SPOKEN_WORDS.isdisjoint(title.lower().split()):
        return False
    return _SPOKEN_BY_RE.search(title) is not None or _WHO_STATEMENT_RE.search(title) is not None


@lru_cache(maxsize=1024)
def _title_speaker(title: str) -> str | None:
    """'Statement by Ambassador X at ...' -> 'Ambassador X'; 'UK statement to the OSCE' ->
    'UK'."""
    if _SPOKEN_WORDS.isdisjoint(title.lower().split()):
        return None
    by = _SPOKEN_BY_RE.search(title)
    if by:
        return _tidy_voice(by.group("who"))
    who = _WHO_STATEMENT_RE.search(title)
    if who:
        return _tidy_voice(who.group("who"))
    return None


# "COUNCIL IMPLEMENTING REGULATION (EU) 2025/398", "Commission Decision (CFSP) ...": a legal
# act's title opens with the body that adopts it, which speaks for its text.
_LEGAL_ACT_RE = re.compile(
    r"^(?P<body>(?i:council|commission))\s+(?:(?i:implementing|delegated)\s+)?"
    r"(?i:regulation|decision|directive)\s+\((?:EU|CFSP|EC|Euratom)\)"
)


@lru_cache(maxsize=1024)
def _legal_act_issuer(title: str) -> str | None:
    m = _LEGAL_ACT_RE.match(title.strip())
    return m.group("body").capitalize() if m else None


def _standfirst_speaker(line: str, statement: bool) -> str | None:
    """A standfirst or a byline naming who speaks: "UK Military Advisor, Joby Rimmer, says",
    "The Defence Secretary made a statement", "By Marta Kowalczyk"; under a statement's title
    also "Ambassador Neil Holland condemns ..."."""
    comma = "," in line[:160]
    m = _ROLE_NAME_VERB_RE.match(line) if comma else None
    if m and (is_person(m.group("name")) or _has_title(m.group("role"))):
        return f"{m.group('role')} {m.group('name')}"
    words = set(line[:200].split())
    m = _DELIVERED_RE.match(line) if not words.isdisjoint(DELIVERY_VERBS) else None
    if m and _has_title(m.group("who")):
        return _tidy_voice(m.group("who"))
    m = _ROLE_NAME_LINE_RE.match(line) if comma and len(line) < 200 else None
    if m and _has_title(m.group("role")) and is_person(m.group("name")):
        return f"{m.group('role')}, {m.group('name')}"
    m = _BYLINE_RE.match(line) if line.startswith("By ") else None
    if m:
        return m.group("who")
    if statement:
        m = _NAME_VERB_RE.match(line)
        if m and _has_title(m.group("who")) and is_person(m.group("who")):
            return _tidy_voice(m.group("who"))
    return None


def _has_title(words: str) -> bool:
    return not {w.lower().strip(",.") for w in words.split()}.isdisjoint(PERSON_TITLES)


@lru_cache(maxsize=1024)
def _tidy_voice(name: str) -> str:
    """A name as the front matter or a title writes it, without the mirror it was read from,
    remarks in brackets or a leading article."""
    name = re.sub(r"\s*\([^)]*\)?", "", name)
    name = _MIRROR_RE.sub("", name).strip(" ,.;:-–—")
    name = re.sub(r"^(?:the|a|an)\s+", "", name, flags=re.IGNORECASE)
    return canonical_claimant(name) or name
