"""The metric of a number: what the words around it say happened to the people counted.

``metric_from_context`` reads the verbs nearest the number first: the verb after its noun
("soldiers had been killed"), a verb that governs it ("killed 300"), a complement ("deaths at
600"), then any casualty word in its clause.
"""

from __future__ import annotations

import re

from bot.facts.model import Metric
from bot.facts.numbers import Quantity
from bot.facts.vocabulary.build import alternation
from bot.facts.vocabulary.metrics import METRIC_CUES
from bot.facts.vocabulary.not_counts import MODALS
from bot.facts.vocabulary.personnel import NON_COMBATANT_NOUNS, PERSONNEL_NOUNS

# One group per metric, tried in order at each word start (one "\b" test for them all).
METRIC_CUE_RE = re.compile(
    r"\b(?:"
    + "|".join(f"(?P<m{i}>(?:{p})\\b)" for i, (_, p) in enumerate(METRIC_CUES))
    + ")",
    re.IGNORECASE,
)
_METRIC_CUE_GROUPS = {f"m{i}": metric for i, (metric, _) in enumerate(METRIC_CUES)}

_AFTER_NOUN_RE = re.compile(
    r"\s*(?:(?:have|has|had|were|was|are|is|been|being|reportedly|already|now|so\s+far"
    r"|allegedly|also|since|all)\s+)*"
    r"((?:killed|dead|wounded|injured)(?:\s*,\s*(?:killed|dead|wounded|injured|captured|missing))*"
    r",?\s+(?:and|or|and/or)\s+(?:have\s+|been\s+)?"
    r"(?:killed|dead|wounded|injured|missing|captured|deserted)"
    r"|killed\s+in\s+action|taken\s+(?:prisoner|captive)|lost\s+(?:their|his|her)\s+lives?"
    r"|[a-z]+)\b",
    re.IGNORECASE,
)
_PASSIVE_CUE_RE = re.compile(
    r"\b(?:have|has|had|were|was|are|is)\s+(?:(?:\w+ly|still|now|since|all)\s+){0,3}"
    r"(?:been\s+)?(?:(?:listed|reported|registered|recorded|classified|confirmed|presumed"
    r"|believed)\s+(?:as\s+|to\s+be\s+|to\s+have\s+been\s+)?)?"
    r"((?:killed|dead|wounded|injured)\s+(?:and|or)\s+(?:killed|dead|wounded|injured)"
    r"|killed|wounded|injured|captured|taken\s+prisoner|lost\s+(?:their|his|her)\s+lives?|lost"
    r"|died|missing)\b",
    re.IGNORECASE,
)
_RELATIVE_CLAUSE_RE = re.compile(r"[\s,]*(?:who|which|that)\b", re.IGNORECASE)
# "soldiers, who lost their lives", "men who have died": the people counted died.
_RELATIVE_DIED_RE = re.compile(
    r"[\s,]*(?:who|that)\s+(?:(?:have|has|had)\s+)?(?:(?:all|since|reportedly)\s+)?"
    r"(?:lost\s+(?:their|his|her)\s+lives?|died|perished|were\s+killed|have\s+been\s+killed)\b",
    re.IGNORECASE,
)
_COMPLEMENT_RE = re.compile(
    r"(?:\b(?:at|to|of|reached|reach|reaching|totall?ing|totall?ed|numbering|numbered|stood\s+at"
    r"|stands\s+at|exceeded|exceeding|topped|hit|passed|surpassed)\s+|:\s*)$",
    re.IGNORECASE,
)
_ADJACENT_VERB_RE = re.compile(
    r"\b((?:\w+\s+(?:and|or)\s+)?(\w+))\s+"
    r"(?:(?:an?|the|some|another|only|just|over|nearly)\s+)?(?:additional\s+|further\s+|more\s+)?$"
)


_BROUGHT_IN_RE = re.compile(
    r"\b(?:bring|brings|bringing|brought)\s+in\s+(?:(?:an?|the|some|another|over|nearly"
    r"|about|around)\s+)?$",
    re.IGNORECASE,
)


def cue_metric(text: str) -> Metric | None:
    """The metric ``text`` names when it is a cue word or phrase as a whole."""
    m = METRIC_CUE_RE.fullmatch(text.strip())
    return _METRIC_CUE_GROUPS[m.lastgroup] if m and m.lastgroup else None


def first_cue(text: str) -> Metric | None:
    m = METRIC_CUE_RE.search(text)
    return _METRIC_CUE_GROUPS[m.lastgroup] if m and m.lastgroup else None


def last_cue(text: str) -> Metric | None:
    last = None
    for m in METRIC_CUE_RE.finditer(text):
        last = m
    return _METRIC_CUE_GROUPS[last.lastgroup] if last is not None and last.lastgroup else None


def metric_from_context(
    sentence: str, q: Quantity, noun_end: int, clause_start: int, clause_end: int
) -> Metric | None:
    """Nearest verbs first: 'soldiers had been killed', 'killed 300', 'deaths at 600'."""
    relative = noun_end >= 0 and _RELATIVE_CLAUSE_RE.match(sentence, noun_end) is not None
    metric = None
    if relative and _RELATIVE_DIED_RE.match(sentence, noun_end):
        return Metric.KILLED  # "11,000 soldiers, who have lost their lives"
    if relative:
        metric = _main_verb_after_relative(sentence, noun_end, clause_end)
    if metric is None and noun_end >= 0:
        metric = _verb_after_noun(sentence, noun_end, clause_end)
    if metric is not None:
        return metric
    left = sentence[clause_start : q.start]
    metric = _governing_verb(left)
    if metric is not None:
        return metric
    right = "" if relative else sentence[q.end : clause_end]
    # "312 conscripts who should never have been sent": the relative clause only describes.
    return _first_cue_not_a_cause(right) or last_cue(left)


# "about 8,000 now, after their losses", "perhaps 8,000, because of losses and rotation": what
# reduced the people counted, not what happened to them.
_CAUSE_BEFORE_RE = re.compile(
    r"\b(?:because\s+of|due\s+to|owing\s+to|thanks\s+to|after|despite|given|to\s+replace"
    r"|replacing)\s+(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)


def _first_cue_not_a_cause(text: str) -> Metric | None:
    """The first cue after the number, unless a cause ("after their losses") introduces it."""
    m = METRIC_CUE_RE.search(text)
    if m is None or m.lastgroup is None:
        return None
    if _CAUSE_BEFORE_RE.search(text, max(0, m.start() - 40), m.start()):
        return None
    return _METRIC_CUE_GROUPS[m.lastgroup]


def _main_verb_after_relative(sentence: str, noun_end: int, clause_end: int) -> Metric | None:
    """'soldiers who fought in Kursk are listed as missing': the main verb decides."""
    main = _PASSIVE_CUE_RE.search(sentence, noun_end, clause_end)
    return cue_metric(main.group(1)) if main is not None else None


def _verb_after_noun(sentence: str, noun_end: int, clause_end: int) -> Metric | None:
    """'soldiers had been killed'; 'soldiers deployed to Russia have been killed' (the
    participle only describes them: the later verb decides)."""
    after = _AFTER_NOUN_RE.match(sentence, noun_end)
    if not after:
        return None
    metric = cue_metric(after.group(1))
    if metric is Metric.DEPLOYED and after.group(1) == after.group(0).strip():
        later = _PASSIVE_CUE_RE.search(sentence, after.end(), clause_end)
        if later is not None:
            casualty = cue_metric(later.group(1))
            if casualty is not None and casualty is not Metric.DEPLOYED:
                return casualty
    return metric


def _governing_verb(left: str) -> Metric | None:
    """A verb that governs the number directly ("killed 300", "sent an additional 1,000"), or
    a complement ("losses reached 4,000")."""
    # Both patterns end at the number and span at most five words: only the tail is read.
    tail = _last_words_start(left, 6)
    if " in " in left[-30:] and _BROUGHT_IN_RE.search(left, tail):
        return Metric.DEPLOYED  # "bringing in thousands of North Korean troops"
    adjacent = _ADJACENT_VERB_RE.search(left, tail)
    if adjacent:
        for cue in (adjacent.group(1), adjacent.group(2)):
            metric = cue_metric(cue) if cue else None
            if metric is not None:
                return metric
    return last_cue(left) if _COMPLEMENT_RE.search(left, tail) else None


def _last_words_start(text: str, count: int) -> int:
    """A position at or before the start of the last ``count`` words of ``text``."""
    tail = _TAIL_WORDS_RES[count].match(text[::-1])
    return len(text) - tail.end() if tail else 0


# Read on the reversed text: up to ``count`` words with what separates them.
_TAIL_WORDS_RES = {count: re.compile(rf"(?:\W*\w+){{0,{count}}}\W*") for count in (6,)}


# "And the dead?", "What about prisoners?": a question that names only what is counted.
_BARE_QUESTION_RE = re.compile(
    r"[\s*_]*(?:(?:and|so|but)\s+)?(?:(?:what|how)\s+(?:about|of)\s+)?"
    r"(?:(?:the|their|its|your)\s+)?(?:own\s+)?"
    r"(dead|deaths|killed|wounded|injured|casualties|losses|prisoners|captives|missing)\s*\?[\s*_]*$",
    re.IGNORECASE,
)


# "How many were there?", "How many North Korean soldiers are we talking about?", "How many
# are your troops facing?": a question for a headcount, its people unnamed or soldiers of a
# force, with no verb of loss or capture ("How many have you lost?"), no modal ("How many will
# they send?"), and not a unit's own strength ("How many troops does your battalion have?").
_HEADCOUNT_QUESTION_RE = re.compile(
    r"[\s*_]*(?:(?:and|so|but|then|now|okay|ok|well),?\s+)?how\s+many\s+"
    r"(?:(?:of\s+(?:them|these|those)|(?:(?-i:[A-Z])[\w'’-]*\s+){0,2}"
    rf"(?:{alternation(PERSONNEL_NOUNS)}|(?-i:[A-Z][a-z]+(?:ans|ese))))\s+)?"
    r"(?P<aux>are|were|is|was|have|has|had|did|do|does)\b(?P<rest>[^?]*)\?[\s*_]*$",
    re.IGNORECASE,
)
_NOT_HEADCOUNT_WORDS = (*MODALS, *NON_COMBATANT_NOUNS, "should", "going", "expect", "expected")
_NOT_HEADCOUNT_RE = re.compile(
    rf"\b(?:{alternation(_NOT_HEADCOUNT_WORDS)})\b",
    re.IGNORECASE,
)
_OWN_STRENGTH_RE = re.compile(r"\b(?:have|has|had|got)\b", re.IGNORECASE)
# "How many drones ...?", "How much ...?": a question for a count of something else.
_OTHER_COUNT_QUESTION_RE = re.compile(
    r"[\s*_]*(?:\w+,?\s+){0,2}?how\s+(?:much\b|many\s+(?P<word>[a-z][\w'’-]*))",
    re.IGNORECASE,
)
_HEADCOUNT_WORDS = PERSONNEL_NOUNS | frozenset(
    ("are", "were", "is", "was", "have", "has", "had", "did", "do", "does", "of", "more")
)


def question_asks(sentence: str, start: int) -> Metric | None:
    """The metric a bare question from ``start`` asks for ("And the dead?" -> killed, "How many
    were there?" -> deployed)."""
    m = _BARE_QUESTION_RE.match(sentence, start)
    if m is not None:
        return cue_metric(m.group(1))
    m = _HEADCOUNT_QUESTION_RE.match(sentence, start)
    if m is None or _NOT_HEADCOUNT_RE.search(sentence, start):
        return None
    rest = m.group("rest")
    if m.group("aux").lower() in ("do", "does", "did") and _OWN_STRENGTH_RE.search(rest):
        return None
    cue = first_cue(rest)
    return Metric.DEPLOYED if cue in (None, Metric.DEPLOYED) else None


def asks_something_else(sentence: str, start: int) -> bool:
    """'How many drones do they fly?', 'How many will they send?', 'How many civilians are
    left?': a question for a count that is no headcount of a force (it ends an earlier one's)."""
    m = _HEADCOUNT_QUESTION_RE.match(sentence, start)
    if m is not None:
        return question_asks(sentence, start) is None and first_cue(m.group("rest")) is None
    other = _OTHER_COUNT_QUESTION_RE.match(sentence, start)
    if other is None:
        return False
    word = other.group("word")
    return word is None or word.lower() not in _HEADCOUNT_WORDS
