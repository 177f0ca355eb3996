"""Headlines of events: who did what, in a few words, read from the event's sentence.

A sentence is cut into clauses (at commas, semicolons, dashes and the words that open a clause:
"that", "which", "since" ...). The clause that holds the event's date is read first, then the
clauses after it (what was said), then those before it. The first clause with an action verb
(``vocabulary.actions``) that happened (no "could", "would", "to", "not" before it) gives the
headline: its subject, the verb in the present tense and the words after it up to the end of
the clause ("North Korea sends about 1,500 more soldiers to Russia"); a passive verb keeps its
participle ("At least 300 North Korean soldiers killed and 2,700 injured"). A pronoun subject
stands for the sentence's first subject ("they" in "Ukraine's forces say they killed ...").
A sentence with no such verb, a question or a condition has no headline: it is no event.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from bot.facts.vocabulary.actions import (
    ACTION_VERBS,
    CLAUSE_ACTIONS,
    CLAUSE_OPENERS,
    CONDITIONAL_OPENERS,
    DANGLING_ENDS,
    FILLER_PHRASES,
    HEADLINE_FILLERS,
    HEADLINE_SKIPPED,
    INTRANSITIVE_ACTIONS,
    IRREGULAR_FORMS,
    NOMINAL_ACTIONS,
    NOUN_MARKERS,
    PASSIVE_AUXILIARIES,
    REPORTER_PRONOUNS,
    UNREALISED_BEFORE,
)
from bot.facts.vocabulary.attribution_verbs import ATTRIBUTION_VERBS
from bot.facts.vocabulary.build import alternation
from bot.facts.vocabulary.forces import SUBJECT_ALIASES, THE_NORTH
from bot.facts.vocabulary.numbers import NUMBER_WORDS
from bot.facts.vocabulary.personnel import PERSONNEL_NOUNS

#: The longest headline, in characters, and the most words after its verb.
HEADLINE_LIMIT = 90
_OBJECT_WORDS = 9
_ACTOR_WORDS = 6

_TOKEN_RE = re.compile(r"\S+")
_CITATION_RE = re.compile(r"\[\d+\]")
# "SEOUL, April 30 (Yonhap) --", "(CNN) —": a dateline before the sentence proper.
_DATELINE_RE = re.compile(r"^(?:[^.;]{0,60}?\)\s*|[A-Z][A-Z ,.]{2,40}\s)(?:--|—|–|-)\s+")
# "Deployment: ...", "Ukraine: ...": a short label before the sentence proper.
_LABEL_RE = re.compile(r"^(?:[\w'’.-]+\s){0,2}[\w'’.-]+:\s+(?=\S)")
_DASHES = frozenset({"-", "--", "—", "–"})
_STOP_MARKS = frozenset(",;:")


@dataclass(frozen=True, slots=True)
class Headline:
    """A headline, the base form of its action verb, and the forces it names."""

    text: str
    action: str
    forces: frozenset[str]


@dataclass(slots=True)
class _Token:
    text: str
    low: str
    start: int
    stop: bool
    date: int = -1  # which of the sentence's dates the word belongs to (0: the event's own)


@dataclass(frozen=True, slots=True)
class _Verb:
    lemma: str
    past: bool
    ing: bool


@lru_cache(maxsize=1)
def verb_forms() -> dict[str, _Verb]:
    """Every form of every action verb: "sent" -> send (past), "sends" -> send."""
    forms: dict[str, _Verb] = {}
    for lemma in ACTION_VERBS:
        irregular = IRREGULAR_FORMS.get(lemma, ())
        past = irregular or (_regular_past(lemma),)
        for form in past:
            forms[form] = _Verb(lemma, True, False)
        forms[third_person(lemma)] = _Verb(lemma, False, False)
        stem = lemma[:-1] if lemma.endswith("e") and not lemma.endswith("ee") else lemma
        forms[stem + "ing"] = _Verb(lemma, False, True)
    return forms


def _regular_past(lemma: str) -> str:
    if lemma.endswith("e"):
        return lemma + "d"
    if lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        return lemma[:-1] + "ied"
    return lemma + "ed"


def third_person(lemma: str) -> str:
    """ "sends", "pushes", "occupies": a verb after a singular subject."""
    if lemma.endswith(("s", "sh", "ch", "x", "z")):
        return lemma + "es"
    if lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        return lemma[:-1] + "ies"
    return lemma + "s"


@lru_cache(maxsize=1)
def _force_pattern() -> tuple[re.Pattern[str], dict[str, str]]:
    owners = {alias: force for force, aliases in SUBJECT_ALIASES.items() for alias in aliases}
    owners[THE_NORTH[0]] = THE_NORTH[1]
    names = sorted(owners, key=len, reverse=True)
    pattern = re.compile(r"(?<![\w.])(?:" + "|".join(map(re.escape, names)) + r")(?![\w])")
    return pattern, owners


def forces_named(text: str) -> list[str]:
    """The forces ``text`` names, in order of first mention, each once."""
    pattern, owners = _force_pattern()
    found: list[str] = []
    for match in pattern.finditer(text):
        force = owners[match.group(0)]
        if force not in found:
            found.append(force)
    return found


def headline(sentence: str, date_text: str, other_dates: Sequence[str] = ()) -> Headline | None:
    """The headline of the event the sentence places at ``date_text``; None when the sentence
    tells of no action that happened (a question, a condition, a forecast, a state)."""
    text = _without_openers(_CITATION_RE.sub("", " ".join(sentence.split())))
    first = text.split(" ", 1)[0].lower()
    if text.rstrip(" \"”'’)").endswith("?") or first in CONDITIONAL_OPENERS:
        return None
    clauses = _clauses(_tokens(text, (date_text, *other_dates)))
    own = _own_clause(clauses)
    if own is None:
        return None
    if _action_in(clauses[own]) is None and not _reports(clauses[own]):
        return _nominal(text, clauses[own])
    for index in _reading_order(clauses, own):
        words = _worded(clauses, index)
        if words is not None:
            return _finished(words)
    return None


def _own_clause(clauses: list[list[_Token]]) -> int | None:
    """The clause of the event's date; a clause that is only a date ("In January,") leads
    into the next one."""
    for index, clause in enumerate(clauses):
        if any(t.date == 0 for t in clause):
            if _leads_in(clause):
                return index + 1 if index + 1 < len(clauses) else None
            return index
    return None


def _leads_in(clause: list[_Token]) -> bool:
    """A clause that only leads into the next: a date ("In January,") or a phrase that opens
    with a preposition and has no verb ("In testimony to the Assembly on 27 February,")."""
    if all(t.date == 0 or t.low in _DATE_PREPOSITIONS for t in clause):
        return True
    return (
        clause[0].low in _DATE_PREPOSITIONS
        and _action_in(clause) is None
        and not _reports(clause)
        and not any(t.low in _AUXILIARIES for t in clause)
    )


def _reports(clause: list[_Token]) -> bool:
    return any(t.low in ATTRIBUTION_VERBS for t in clause)


def _reading_order(clauses: list[list[_Token]], own: int) -> list[int]:
    """The date's clause, then what it reports: the clauses after it up to one that opens
    with another connective than "that", then those before it. A clause with a date of its
    own tells of another event."""
    after: list[int] = []
    for index in range(own + 1, len(clauses)):
        opener = clauses[index][0].low
        if opener in CLAUSE_OPENERS and opener != "that":
            break
        after.append(index)
    order = [own, *after, *range(own - 1, -1, -1)]
    return [i for i in order if i == own or not any(t.date > 0 for t in clauses[i])]


def _without_openers(text: str) -> str:
    for pattern in (_DATELINE_RE, _LABEL_RE):
        text = pattern.sub("", text, count=1)
    return _FILLER_RE.sub("", _ASIDE_RE.sub("", text))


_ASIDE_RE = re.compile(r"\s*\([^()]{0,80}\)")
_FILLER_RE = re.compile(r"\s*\b(?:" + alternation(FILLER_PHRASES) + r")\b", re.IGNORECASE)


def _tokens(text: str, dates: Sequence[str]) -> list[_Token]:
    """The words of ``text`` without edge punctuation; a word followed by a comma, semicolon,
    colon or dash ends a clause; the words of a date phrase are marked."""
    tokens: list[_Token] = []
    for match in _TOKEN_RE.finditer(text):
        raw = match.group(0)
        if raw in _DASHES:
            if tokens:
                tokens[-1].stop = True
            continue
        word = raw.strip("\"“”‘’'()[]")
        stop = bool(set(raw[-2:]) & _STOP_MARKS)
        word = word.rstrip(",;:.!?")
        if word:
            tokens.append(_Token(word, word.lower(), match.start(), stop))
    lowered = text.lower()
    for number, date in enumerate(dates):
        at = lowered.find(" ".join(date.lower().split())) if date.strip() else -1
        for token in tokens if at >= 0 else ():
            if token.date < 0 and at <= token.start < at + len(date):
                token.date = number
    return tokens


def _clauses(tokens: list[_Token]) -> list[list[_Token]]:
    clauses: list[list[_Token]] = [[]]
    for token in tokens:
        if token.low in CLAUSE_OPENERS and clauses[-1]:
            clauses.append([])
        clauses[-1].append(token)
        if token.stop:
            clauses.append([])
    return [clause for clause in clauses if clause]


def _action_in(clause: list[_Token]) -> tuple[int, _Verb] | None:
    """The first action verb of the clause that happened: not a noun ("the attack"), not
    after "could", "to" or "not", an -ing form only after "is", "were", "began" ..."""
    if clause[0].low in CONDITIONAL_OPENERS:
        return None
    forms = verb_forms()
    for at, token in enumerate(clause):
        verb = forms.get(token.low)
        if verb is None or token.date >= 0 or (at and token.text[:1].isupper()):
            continue
        before = [t.low for t in clause[max(0, at - 3) : at]]
        if any(word in UNREALISED_BEFORE for word in before):
            continue
        if before and (before[-1] in NOUN_MARKERS or _is_number(before[-1])):
            continue
        if verb.ing and not (before and _is_auxiliary(before[-1])):
            continue
        if not verb.past and not verb.ing and not _may_lead_verb(clause[at - 1] if at else None):
            continue
        if verb.past and not set(before) & _AUXILIARIES and _finite_after(clause[at + 1 :]):
            continue  # "soldiers deployed to Russia have been killed": a participle
        return at, verb
    return None


def _finite_after(tokens: Sequence[_Token]) -> bool:
    return any(t.low in _AUXILIARIES for t in tokens)


def _is_number(word: str) -> bool:
    return word[:1].isdigit() or word in NUMBER_WORDS


def _may_lead_verb(token: _Token | None) -> bool:
    """Whether a present-tense verb may follow ``token``: a name, a pronoun or an adverb
    ("Ukraine holds", "it now holds"), not a common noun ("navy ships")."""
    return token is not None and (
        token.text[:1].isupper() or token.low in REPORTER_PRONOUNS or token.low in HEADLINE_SKIPPED
    )


def _is_auxiliary(word: str) -> bool:
    verb = verb_forms().get(word)
    return word in PASSIVE_AUXILIARIES or (verb is not None and verb.lemma in ("begin", "start"))


def _worded(clauses: list[list[_Token]], index: int) -> Headline | None:
    clause = clauses[index]
    found = _action_in(clause)
    if found is None:
        return None
    at, verb = found
    subject = _resolved(_subject(clauses, index, at), clauses)
    before = {t.low for t in clause[max(0, at - 3) : at]}
    by = at + 1 < len(clause) and clause[at + 1].low == "by"
    passive = verb.past and (bool(before & PASSIVE_AUXILIARIES) or by)
    if verb.past and not before & _AUXILIARIES and verb.lemma not in INTRANSITIVE_ACTIONS:
        # "Additional North Korean troops sent in early 2025": a participle after its count.
        passive = passive or (
            bool(subject) and _counts_people(subject[-1])
            and not _has_object(clause[at + 1 : at + 2])
        )  # fmt: skip
    if subject and (subject[0].lower() in _VOICE_PRONOUNS or subject[0] in _LABEL_LETTERS):
        return None
    rest = _object(clause[at + 1 :], joins_verbs=passive)
    if verb.lemma in CLAUSE_ACTIONS:
        rest = _complement(clause[at + 1 :])
        if not rest and index + 1 < len(clauses):
            rest = _complement(clauses[index + 1])
    if not passive and (
        not subject
        or subject[0].lower() in _DATE_PREPOSITIONS | {"of"}
        or not (rest or verb.lemma in INTRANSITIVE_ACTIONS)
    ):
        return None
    said = clause[at].text if passive else _present(verb.lemma, subject)
    words = [*_actor(subject), said, *rest]
    return Headline(" ".join(words), verb.lemma, frozenset(forces_named(" ".join(words))))


#: Subjects a headline cannot name: the document's own voice, a pronoun left unresolved.
#: A transcript's question and answer labels ("Q", "A:") read as a subject.
_LABEL_LETTERS = frozenset({"Q"})
_VOICE_PRONOUNS = frozenset({"we", "i", "us", "our", "my", "it", "they", "he", "she"})


def _counts_people(word: str) -> bool:
    """ "troops", "soldiers", "North Koreans": a word that counts people."""
    return word.lower() in PERSONNEL_NOUNS or (word.endswith("s") and word in _force_pattern()[1])


def _subject(clauses: list[list[_Token]], index: int, at: int) -> list[str]:
    """The words before the verb, after any reporting verb or date before them; else the
    subject of an earlier clause, else the sentence's reporter."""
    clause = clauses[index]
    cut = [i for i, t in enumerate(clause[:at]) if t.low in ATTRIBUTION_VERBS or t.date >= 0]
    subject = _kept(clause[cut[-1] + 1 if cut else 0 : at])
    return subject or _borrowed_subject(clauses, index) or _reporter(clauses)


def _kept(tokens: Sequence[_Token]) -> list[str]:
    """The words of a subject without dates, openers, auxiliaries and adverbs."""
    return [
        t.text
        for i, t in enumerate(tokens)
        if t.date < 0
        and t.low not in HEADLINE_SKIPPED
        and t.low not in CLAUSE_OPENERS
        and t.low not in _AUXILIARIES
        and t.low not in HEADLINE_FILLERS
        and not (i == 0 and t.low in ("and", "but", "or"))
        and not (t.low in _DATE_PREPOSITIONS and i + 1 < len(tokens) and tokens[i + 1].date >= 0)
    ]


_DATE_PREPOSITIONS = frozenset({"in", "on", "by", "during", "between", "from", "at", "until"})


def _has_object(tokens: Sequence[_Token]) -> bool:
    return bool(tokens) and (tokens[0].low[:1].isdigit() or tokens[0].low in NOUN_MARKERS)


def _borrowed_subject(clauses: list[list[_Token]], index: int) -> list[str]:
    """The subject of a clause that has none of its own ("..., Kyrylo Budanov, said that"):
    the nearest earlier clause that has no verb and says more than a date."""
    for clause in reversed(clauses[:index]):
        if _action_in(clause) is not None:
            return []
        if any(t.low in ATTRIBUTION_VERBS for t in clause) or clause[0].low.endswith("ing"):
            continue
        kept = _kept(clause)
        if kept:
            return kept
    return []


def _reporter(clauses: list[list[_Token]]) -> list[str]:
    """The sentence's first subject: the words before its first verb ("Ukraine's special
    forces" in "Ukraine's special forces say they killed ...")."""
    forms = verb_forms()
    for clause in clauses:
        words: list[_Token] = []
        for token in clause:
            if token.low in ATTRIBUTION_VERBS or token.low in forms or token.low in _AUXILIARIES:
                break
            words.append(token)
        kept = _kept(words)
        if kept and kept[0].lower() not in REPORTER_PRONOUNS and not kept[0].endswith("ly"):
            return kept
    return []


def _resolved(subject: list[str], clauses: list[list[_Token]]) -> list[str]:
    """A pronoun subject as what it stands for: "they" the reporter, "his forces" the
    reporter's force."""
    if not subject or subject[0].lower() not in REPORTER_PRONOUNS or len(subject) > 2:
        return subject
    reporter = _reporter(clauses)
    if not reporter or reporter[0].lower() in REPORTER_PRONOUNS:
        return subject
    forces = forces_named(" ".join(reporter))
    if len(subject) == 2 or len(reporter) > _ACTOR_WORDS:
        return [forces[0]] if forces else reporter
    return reporter


def _actor(subject: list[str]) -> list[str]:
    """The subject as a headline names it: no article, a force by its name ("Pyongyang":
    North Korea), a long name by the force it names."""
    if subject and subject[0].lower() == "the" and len(subject) > 1:
        subject = subject[1:]
    phrase = " ".join(subject)
    _, owners = _force_pattern()
    parts = phrase.split(" and ")
    if all(part in owners for part in parts):
        return [" and ".join(owners[part] for part in parts)]
    if f"the {phrase}".lower() == THE_NORTH[0].lower():
        return [THE_NORTH[1]]
    if len(subject) > _ACTOR_WORDS + 3:
        forces = forces_named(phrase)
        return [forces[0]] if forces else subject[-_ACTOR_WORDS:]
    return subject


def _present(lemma: str, subject: list[str]) -> str:
    """The verb in the present tense, agreeing with its subject."""
    return lemma if _plural(subject) else third_person(lemma)


def _plural(subject: list[str]) -> bool:
    """ "North Korea and Russia", "About 8,000 of them", "troops fighting for Russia"."""
    lowered = [word.lower() for word in subject]
    if not lowered:
        return False
    if any(w in ("personnel", "infantry") for w in lowered):
        return True
    if "and" in lowered or "them" in lowered or (_is_number(lowered[0]) and lowered[0] != "one"):
        return True
    if any(
        w.endswith("s") and not w.endswith(("ss", "'s", "’s")) and w == o
        for w, o in zip(lowered[:4], subject[:4], strict=False)
    ):
        return True
    last = subject[-1]
    return (
        last.endswith("s") and not last.endswith(("ss", "'s", "’s")) and not last.isupper()
        and last not in _force_pattern()[1]
    )  # fmt: skip


def _object(tokens: Sequence[_Token], joins_verbs: bool = False) -> list[str]:
    """What follows the verb up to the clause's end, without its date, at most a few words;
    "and" ends it unless a number or a name follows ("killed and 2,700 injured")."""
    words: list[str] = []
    for position, token in enumerate(tokens):
        if token.date >= 0 or token.low in HEADLINE_FILLERS:
            continue
        if token.low in _AUXILIARIES and words:
            break
        after = tokens[position + 1] if position + 1 < len(tokens) else None
        if after is not None and after.date >= 0 and token.low in _DATE_PREPOSITIONS:
            continue
        before = tokens[position - 1] if position else None
        if token.low in ("and", "or") and before and after and before.date >= 0 <= after.date:
            continue  # "in January and February 2025"
        if token.low in ("and", "or") and not (
            after
            and (
                after.low[:1].isdigit()
                or after.text[:1].isupper()
                or (joins_verbs and not words and after.low in verb_forms())
            )
        ):
            break
        if not words and token.low in ("a", "an", "the"):
            continue
        words.append(token.text)
        if len(words) >= _OBJECT_WORDS:
            break
    return words


def _complement(tokens: Sequence[_Token]) -> list[str]:
    """What was acknowledged or confirmed, its auxiliaries left out ("that troops had fought
    in Kursk": "troops fought in Kursk")."""
    tokens = [t for t in tokens if t.low != "that"]
    forms = verb_forms()
    kept = [
        t
        for i, t in enumerate(tokens)
        if not (t.low in _AUXILIARIES and i + 1 < len(tokens)
                and (tokens[i + 1].low in forms or tokens[i + 1].low in _AUXILIARIES))
    ]  # fmt: skip
    return _object(kept)


_AUXILIARIES = frozenset({"had", "have", "has", "been", "was", "were", "is", "are", "be", "being"})


def _finished(found: Headline) -> Headline:
    words = found.text.split()
    while len(words) > 2 and (
        words[-1].lower() in DANGLING_ENDS or len(" ".join(words)) > HEADLINE_LIMIT
    ):
        words.pop()
    text = " ".join(words)
    return Headline(text[:1].upper() + text[1:], found.action, found.forces)


def _nominal(text: str, clause: list[_Token]) -> Headline | None:
    """A happening named by a noun ("their back-to-back summits in 2023"): the forces the
    sentence names, the noun's verb, and the noun with the words before it in its clause."""
    for at, token in enumerate(clause):
        verb = NOMINAL_ACTIONS.get(token.low)
        if verb is None:
            continue
        forces = forces_named(text)[:3]
        if not forces:
            return None
        start = max(
            (i + 1 for i, t in enumerate(clause[:at]) if t.low in NOUN_MARKERS
             or t.low in CLAUSE_OPENERS or t.date >= 0),
            default=0,
        )  # fmt: skip
        phrase = [t.text for t in clause[start : at + 1]]
        actors = " and ".join(forces)
        said = verb if len(forces) > 1 else third_person(verb)
        return _finished(Headline(f"{actors} {said} {' '.join(phrase)}", verb, frozenset(forces)))
    return None
