"""What a number counts: the noun read from the words right after it.

``counted_noun`` walks at most seven tokens after the number. Each token goes through
``_TOKEN_RULES`` in order: the first rule that knows the token either decides what is counted
(a :class:`Noun`) or steps over it ("more", "battle-hardened", "North Korean").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import NamedTuple

from bot.facts.claims.metrics import METRIC_CUE_RE
from bot.facts.claims.sentence import SentenceFacts
from bot.facts.model import Metric
from bot.facts.vocabulary.approximators import SINGLE_WORD_HEDGES
from bot.facts.vocabulary.build import alternation
from bot.facts.vocabulary.connectives import BARE_NUMBER_FOLLOWERS
from bot.facts.vocabulary.metrics import CASUALTY_ADJECTIVES, CASUALTY_NOUNS, KILLED_OR_WOUNDED
from bot.facts.vocabulary.numbers import SMALL_COUNTS
from bot.facts.vocabulary.personnel import (
    ADDITIONS,
    EQUIPMENT_AFTER_PERSONNEL,
    FORCE_SIZE_SUFFIXES,
    MILITARY_WORKER_LEADS,
    NATIONAL_ARMY_WORDS,
    NON_COMBATANT_NOUNS,
    NOUN_MODIFIERS,
    PERSONNEL_NOUNS,
    PERSONNEL_PAIRS,
)
from bot.facts.vocabulary.rates import UNIT_WORDS

# The words that may stand between a number and its noun.
MODIFIERS = NOUN_MODIFIERS | frozenset(ADDITIONS) | SINGLE_WORD_HEDGES
_MAX_TOKENS = 7


@dataclass(slots=True)
class Noun:
    """What a number counts. ``kind``: personnel | casualty | bare (no noun) | other."""

    kind: str
    metric: Metric | None = None
    subject: str | None = None
    end: int = -1
    owned: bool = False  # "its nationals", "our defenders": whose is said by a pronoun


_NATIONAL_ARMY_AFTER_RE = re.compile(
    rf"-strong\s+(?:{alternation(NATIONAL_ARMY_WORDS)})", re.IGNORECASE
)
_FORCE_SIZE_AFTER_RE = re.compile(
    rf"-(?:{alternation(FORCE_SIZE_SUFFIXES)})\b"
    rf"(?!\s+(?:{alternation(NATIONAL_ARMY_WORDS)}))",
    re.IGNORECASE,
)
# A key number set as a label of its own line: "**About 14,000**: North Korean troops sent".
_KEY_NUMBER_RE = re.compile(r"[*_]{1,2}\s*:\s+(?=[A-Za-z])")
_NEXT_TOKEN_RE = re.compile(r"[\s\"'”’“‘]*([A-Za-z][\w'’-]*|[^\w\s])")
_NEXT_WORD_RE = re.compile(r"\s+([A-Za-z]+)")
_PEOPLE_NEXT_RE = re.compile(
    r"\s+(?:[A-Z][\w'’.-]*\s+){0,3}(?:"
    + "|".join(sorted(PERSONNEL_NOUNS))
    + r"|[A-Z][a-z]+(?:ans|ese|is))\b"
)
_KILLED_OR_WOUNDED_RE = re.compile(
    rf"\s+(?:and|or)\s+({alternation(KILLED_OR_WOUNDED)})\b", re.IGNORECASE
)
_EQUIPMENT_AFTER_RE = re.compile(
    rf"\s+(?:{alternation(EQUIPMENT_AFTER_PERSONNEL)})\b", re.IGNORECASE
)
_ALTERNATIVE_NUMBER_RE = re.compile(
    rf"(?:or|to)\s+(?:\d[\d,.]*|{alternation(SMALL_COUNTS)}|a\s+few)\b", re.IGNORECASE
)
_RATE_UNIT_LEADS = frozenset(("a", "each", "every"))
_RATE_UNIT_RE = re.compile(rf"(?:a|each|every)\s+(?:{alternation(UNIT_WORDS)})\b", re.IGNORECASE)
_ORIGIN_RE = re.compile(
    r"\s+(?:from|of)\s+(?:the\s+)?(?:(?:armed\s+forces|army|military|troops|forces|units?)"
    r"\s+of\s+(?:the\s+)?)?"
)


def counted_noun(facts: SentenceFacts, num_end: int, after_claim: bool) -> Noun:
    """What the number ending at ``num_end`` counts, read from the words right after it."""
    sentence = facts.text
    if _NATIONAL_ARMY_AFTER_RE.match(sentence, num_end):
        return Noun("other")  # "a 1.2 million-strong army": a whole army, not a deployment
    size = _FORCE_SIZE_AFTER_RE.match(sentence, num_end)
    if size:
        # "a 12,000-strong North Korean force": the force's owner follows.
        owner = counted_noun(facts, size.end(), after_claim)
        return Noun("personnel", Metric.DEPLOYED, owner.subject, size.end())
    key = _KEY_NUMBER_RE.match(sentence, num_end)
    if key:
        num_end = key.end()  # "**4,700**: North Korean killed and wounded": what follows counts
    scan = _Scan(facts, num_end, after_claim)
    verdict: Noun | bool | None = None
    for _ in range(_MAX_TOKENS):
        m = _NEXT_TOKEN_RE.match(sentence, scan.pos)
        if not m:
            return Noun("bare", subject=scan.subject, end=scan.pos)
        word = m.group(1)
        token = _Token(m, word, word.lower().strip("'’"))
        for rule in _TOKEN_RULES:
            verdict = rule(scan, token)
            if verdict is not None:
                break
        if isinstance(verdict, Noun):
            return verdict
    return Noun("bare", subject=scan.subject, end=scan.pos)


@dataclass(slots=True)
class _Scan:
    facts: SentenceFacts
    pos: int
    after_claim: bool  # an earlier number of the sentence was a claim: "others" are theirs
    subject: str | None = None
    owned: bool = False


class _Token(NamedTuple):
    match: re.Match[str]
    word: str
    lower: str


# A token rule returns a Noun (what is counted), True (step over the token) or None (the rule
# does not know the token).
_TokenRule = Callable[[_Scan, _Token], "Noun | bool | None"]


def _force_named(scan: _Scan, token: _Token) -> Noun | bool | None:
    """'North Korean soldiers': whose they are; 'North Koreans' is the noun itself."""
    alias = scan.facts.alias_at.get(token.match.start(1))
    if alias is None:
        return None
    sentence = scan.facts.text
    scan.subject = scan.subject or alias.subject
    scan.pos = alias.end
    if sentence[alias.end - 1 : alias.end] == "s" and alias.end - alias.start > 4 and (
        sentence[alias.start : alias.end].endswith(("ans", "ese", "ians"))
    ):
        return Noun("personnel", subject=alias.subject, end=alias.end)
    return True


def _no_word(scan: _Scan, token: _Token) -> Noun | bool | None:
    """A digit or a punctuation mark: the number counts nothing named."""
    if token.word[0].isalpha():
        return None
    return Noun("bare", subject=scan.subject, end=scan.pos)


def _personnel_pair(scan: _Scan, token: _Token) -> Noun | bool | None:
    """'service members', 'special forces'."""
    nxt = _NEXT_WORD_RE.match(scan.facts.text, token.match.end())
    if nxt and (token.lower, nxt.group(1).lower()) in PERSONNEL_PAIRS:
        return Noun("personnel", subject=scan.subject, end=nxt.end())
    return None


def _casualty_adjective(scan: _Scan, token: _Token) -> Noun | bool | None:
    """'two wounded North Korean soldiers': an adjective, the noun comes after."""
    if token.lower in CASUALTY_ADJECTIVES and _PEOPLE_NEXT_RE.match(
        scan.facts.text, token.match.end()
    ):
        scan.pos = token.match.end()
        return True
    return None


def _casualty_noun(scan: _Scan, token: _Token) -> Noun | bool | None:
    """'300 dead', '2,700 wounded', '100 killed or wounded'."""
    if token.lower not in CASUALTY_NOUNS:
        return None
    metric = CASUALTY_NOUNS[token.lower]
    following = _NEXT_WORD_RE.match(scan.facts.text, token.match.end())
    if following and following.group(1).lower() in NON_COMBATANT_NOUNS:
        return Noun("other")  # "60,000 missing persons", "300 dead civilians"
    combined = _KILLED_OR_WOUNDED_RE.match(scan.facts.text, token.match.end())
    if combined and metric in (Metric.KILLED, Metric.WOUNDED):
        metric = Metric.CASUALTIES
    return Noun("casualty", metric, scan.subject, end=token.match.end())


def _personnel_noun(scan: _Scan, token: _Token) -> Noun | bool | None:
    """'300 soldiers', '300 soldiers from North Korea'; 'troop transports' are vehicles."""
    if token.lower not in PERSONNEL_NOUNS:
        return None
    end = token.match.end()
    if token.lower == "others" and not scan.after_claim:
        return Noun("bare", subject=scan.subject, end=end)  # whose: the context says
    if _EQUIPMENT_AFTER_RE.match(scan.facts.text, end):
        return Noun("other")
    origin = _origin_after(scan.facts, end)
    return Noun("personnel", subject=scan.subject or origin, end=end, owned=scan.owned)


def _non_combatant(scan: _Scan, token: _Token) -> Noun | bool | None:
    """Civilians, workers, officials: no figure, except "military construction workers"."""
    if token.lower not in NON_COMBATANT_NOUNS:
        return None
    start = token.match.start()
    before = scan.facts.text[max(0, start - 22) : start].lower().rstrip()
    if token.lower == "workers" and before.endswith(MILITARY_WORKER_LEADS):
        return Noun("personnel", subject=scan.subject, end=token.match.end(), owned=scan.owned)
    return Noun("other")


_DEATH_RECORD_WORDS = frozenset(
    ("obituaries", "obituary", "dead", "killed", "fallen", "deaths", "death", "memorial", "graves")
)


def _names_of_the_dead(scan: _Scan, token: _Token) -> Noun | bool | None:
    """'a count of obituaries has reached 125,000 names': in a count of the dead, names are
    the people killed."""
    if token.lower != "names" or scan.facts.words.isdisjoint(_DEATH_RECORD_WORDS):
        return None
    return Noun("casualty", Metric.KILLED, scan.subject, end=token.match.end())


def _modifier(scan: _Scan, token: _Token) -> Noun | bool | None:
    """'more', 'elite', 'its own': step over; "its" says the force is named before."""
    if token.lower not in MODIFIERS:
        return None
    scan.owned = scan.owned or token.lower == "its"
    scan.pos = token.match.end()
    return True


def _alternative_number(scan: _Scan, token: _Token) -> Noun | bool | None:
    """'four or five brigades': the noun comes after both numbers."""
    alternative = _ALTERNATIVE_NUMBER_RE.match(scan.facts.text, token.match.start(1))
    if alternative is None:
        return None
    scan.pos = alternative.end()
    return True


def _foreign_name(scan: _Scan, token: _Token) -> Noun | bool | None:
    """'Israeli soldiers', a place: a force we do not follow, not ours to count."""
    return Noun("other") if token.word[0].isupper() and scan.subject is None else None


def _rate_unit(scan: _Scan, token: _Token) -> Noun | bool | None:
    """'1,300 a day', '39,000 every month': a rate's unit, the noun left out."""
    if token.lower not in _RATE_UNIT_LEADS:
        return None
    if _RATE_UNIT_RE.match(scan.facts.text, token.match.start(1)) is None:
        return None
    return Noun("bare", subject=scan.subject, end=token.match.start(1))


_BACK_THEN_RE = re.compile(r"back\s+(?:then|in|at|when)\b", re.IGNORECASE)
# First words of a casualty phrase: "640 taken prisoner", "12 shot dead", "30 held by Ukraine".
_CUE_PHRASE_LEADS = frozenset(("taken", "shot", "held", "put", "lost", "killed", "unaccounted"))


def _verb_or_other(scan: _Scan, token: _Token) -> Noun | bool | None:
    """'300 were killed', '600 back then': no noun, the verbs decide; any other word counts
    something else."""
    text, start = scan.facts.text, token.match.start(1)
    if (
        is_verbish(token.lower)
        or (token.lower == "back" and _BACK_THEN_RE.match(text, start))
        or (token.lower in _CUE_PHRASE_LEADS and METRIC_CUE_RE.match(text, start))
    ):
        return Noun("bare", subject=scan.subject, end=start)
    return Noun("other")


_TOKEN_RULES: tuple[_TokenRule, ...] = (
    _force_named,
    _no_word,
    _personnel_pair,
    _casualty_adjective,
    _casualty_noun,
    _personnel_noun,
    _non_combatant,
    _names_of_the_dead,
    _modifier,
    _alternative_number,
    _foreign_name,
    _rate_unit,
    _verb_or_other,
)


def _origin_after(facts: SentenceFacts, pos: int) -> str | None:
    """'soldiers from North Korea', 'troops of the army of Russia'."""
    m = _ORIGIN_RE.match(facts.text, pos)
    if not m:
        return None
    alias = facts.alias_at.get(m.end())
    return alias.subject if alias else None


def is_verbish(word: str) -> bool:
    """'300 were killed', '300 reportedly': a word after which the number has no noun."""
    return word in BARE_NUMBER_FOLLOWERS or word.endswith("ly") or bool(
        METRIC_CUE_RE.fullmatch(word)
    )
