"""Whose people a number counts: the first rule of ``SUBJECT_RULES`` that names a force.

A force named in the noun phrase ("300 North Korean soldiers") comes first; then the claim the
number continues, the force an "its" points to, a force right before that owns a count
("Russian casualties"), the sentence's previous claim, the last force named before the number,
a force that sends after it ("sent by North Korea"), and the subject of the previous sentence.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from bot.facts.claims.forces import modifies_people
from bot.facts.claims.forces import side_of as _side_of
from bot.facts.claims.metrics import first_cue
from bot.facts.claims.reading import Reading
from bot.facts.claims.sentence import after_destination
from bot.facts.model import Metric
from bot.facts.vocabulary.approximators import GROUP_SIZE_QUALIFIERS
from bot.facts.vocabulary.build import alternation
from bot.facts.vocabulary.forces import ENEMY_OF
from bot.facts.vocabulary.metrics import PRONOUN_FORCE_VERBS, SENDING_GERUNDS
from bot.facts.vocabulary.personnel import CIVILIAN_TOPIC_NOUNS, DEPLOYED_GROUPS

_BY_SENDING_BEFORE_RE = re.compile(
    rf"\bby\s+(?:{alternation(SENDING_GERUNDS)})\s+(?:\w+\s+){{0,3}}?$", re.IGNORECASE
)
_SENDING_GERUND_WORDS = frozenset(SENDING_GERUNDS)
# How far into its sentence the force that is the subject may be named.
_SUBJECT_REACH = 40
_OF_THEM_AFTER_RE = re.compile(r"\s+of\s+(?:them|these|those)\b", re.IGNORECASE)
# "300 had been killed and 2,700 wounded among the North Korean troops": whose they are.
_AMONG_RE = re.compile(r"\bamong\s+(?:the\s+|its\s+|their\s+)?", re.IGNORECASE)
_AMONG_REACH = 100
# "Of the first contingent of about 11,000": a force the story has just been about.
_DEFINITE_GROUP_BEFORE_RE = re.compile(
    r"\b(?:the|that|this|its|their)\s+(?:[\w-]+\s+)?"
    rf"(?:{alternation(DEPLOYED_GROUPS)})\s+of\s+(?:(?:{alternation(GROUP_SIZE_QUALIFIERS)})\s+)?$",
    re.IGNORECASE,
)


def subject_of(reading: Reading) -> str | None:
    for rule in SUBJECT_RULES:
        subject = rule(reading)
        if subject is not None:
            return subject
    return None


def _named_in_noun(r: Reading) -> str | None:
    """'300 North Korean soldiers', '300 soldiers from North Korea'."""
    return r.noun.subject


# "the enemy lost up to 210 servicemen", "enemy losses have exceeded 71,000", "took 14 enemy
# soldiers prisoner": the side opposed to the one that speaks or acts.
_ENEMY_LOSES_BEFORE_RE = re.compile(
    r"\b(?:enemy|adversary)(?:'s|’s)?\s+(?:(?:has|have|had|also|reportedly)\s+)*"
    r"(?:lost|lose|loses|losing|losses|suffered|casualties)\b[^.;]{0,60}$",
    re.IGNORECASE,
)
_ENEMY_IN_NOUN_RE = re.compile(r"\b(?:enemy|adversary)\b", re.IGNORECASE)


def _enemy_counted(r: Reading) -> str | None:
    """'the enemy lost up to 210 servicemen': the enemy of the force that acts in the sentence
    ("Ukrainian soldiers took 6 enemy servicemen prisoner"), else of its claimant, else of the
    speaker or the document's voice; nobody when no side is known."""
    sentence = r.facts.text
    if r.facts.words.isdisjoint(_ENEMY_WORDS):
        return None
    in_noun = r.noun.end >= 0 and _ENEMY_IN_NOUN_RE.search(sentence, r.q.num_end, r.noun.end)
    before = _ENEMY_LOSES_BEFORE_RE.search(sentence, max(r.clause[0], r.q.start - 90), r.q.start)
    if not in_noun and not before:
        return None
    actor = r.facts.last_force_before(r.q.start)
    sides = [actor.subject] if actor is not None and actor.start >= r.clause[0] else []
    claimant = r.facts.claimant_left_of(r.q.start) or r.facts.claimant_right_of(r.q.end)
    context = r.facts.context
    texts = [claimant.raw or claimant.name] if claimant else []
    if claimant is not None:
        # "the Chief of the General Staff": named in full ("... of the Russian Federation")
        # earlier in the document.
        texts.extend(m.raw for m in context.claimants if m.name == claimant.name and m.raw)
    for text in (*texts, context.speaker, context.voice, context.home):
        side = _side_of(text) if text else None
        if side is not None:
            sides.append(side)
    side = next((s for s in sides if s in ENEMY_OF), None)
    return ENEMY_OF[side] if side is not None else _NOBODY


def _continued_claim(r: Reading) -> str | None:
    """'Of these, 1,900 died': the claim continued from the previous sentence."""
    return r.previous.subject if r.inherited and r.previous is not None else None


def _owner_of_its(r: Reading) -> str | None:
    """'Nepal says 16 of its nationals': the force named last before the pronoun. Only "its":
    "their" and "our" point too far to follow. Nothing else decides for an "its"."""
    if not r.noun.owned:
        return None
    owner = r.facts.owner_before(r.q.start)
    return owner.subject if owner else _NOBODY


def _sender_by_sending(r: Reading) -> str | None:
    """'North Korea has helped Russia by sending as many as 12,000 troops': the sentence's
    subject sends them, not the force it helps."""
    if r.metric is not Metric.DEPLOYED or r.noun.subject is not None:
        return None
    if "by" not in r.facts.words or r.facts.words.isdisjoint(_SENDING_GERUND_WORDS):
        return None
    if _BY_SENDING_BEFORE_RE.search(r.sentence, max(0, r.q.start - 40), r.q.start) is None:
        return None
    aliases = r.facts.aliases
    first = aliases[0] if aliases else None
    if first is None or first.start > _SUBJECT_REACH or after_destination(r.sentence, first):
        return None
    return first.subject


def _owner_of_a_count(r: Reading) -> str | None:
    """'Russian casualties', "North Korea's losses", 'North Koreans' between the previous
    number and this one."""
    alias = r.forces.last_owner_of_count_before(r.q.start)
    return alias.subject if alias is not None and alias.start >= r.prev_end else None


def _among_after(r: Reading) -> str | None:
    """'at least 300 had been killed ... among the North Korean troops': a number without a
    noun of its own counts the people an "among" after it names, before its sentence ends."""
    if r.noun.kind != "bare" or "among" not in r.facts.words:
        return None
    end = min(len(r.sentence), r.q.end + _AMONG_REACH)
    for found in _AMONG_RE.finditer(r.sentence, r.q.end, end):
        if ";" in r.sentence[r.q.end : found.start()]:
            return None
        alias = r.facts.alias_at.get(found.end())
        if alias is not None and modifies_people(r.sentence, alias):
            return alias.subject
    return None


def _force_of_own_clause(r: Reading) -> str | None:
    """'Moscow says Ukraine has lost 48,000; Kyiv says Russia has lost about 38,000': a force
    named in the number's own clause, after the previous number, beats the previous claim."""
    if r.previous is None:
        return None
    alias = r.facts.last_force_before(r.q.start)
    if alias is None or alias.start < max(r.prev_end, r.clause[0]):
        return None
    return alias.subject


def _of_them_before(r: Reading) -> str | None:
    """'About 9,000 of them were moved to Russia's Kursk region, where Ukrainian forces ...':
    "of them" counts the people of the sentence before, whatever the sentence names after the
    number or as a place, when it names no force before it."""
    if not _OF_THEM_AFTER_RE.match(r.sentence, r.q.num_end):
        return None
    if r.facts.last_force_before(r.q.start) is not None:
        return None
    context = r.facts.context
    if context.people_subject is not None and context.people_age <= _PEOPLE_REACH:
        return context.people_subject
    return context.last_subject if context.last_subject_age <= 1 else None


# "Kyiv holds two", "Ukrainian units have captured about 40": the force before the verb holds
# the prisoners counted after it.
_CAPTOR_VERB_RE = re.compile(
    r"(?:\s+[\w-]+){0,3}?\s+(?:(?:has|have|had|is|are|now|also|still|reportedly)\s+)*"
    r"(?:holds|hold|held|holding|captured|capture|took|taken|caught|detained)\s+"
    r"(?:(?:an?|some|about|around|roughly|over|more\s+than|at\s+least|nearly)\s+)?$",
    re.IGNORECASE,
)


def _captor_before(r: Reading) -> str | None:
    """'Kyiv holds two': the force that holds or took the prisoners is not whose they are; they
    are the people the conversation is about, if it is about another force, else nobody's."""
    if r.metric is not Metric.CAPTURED:
        return None
    alias = r.facts.last_force_before(r.q.start)
    if alias is None or alias.start < r.clause[0] or r.q.start - alias.end > 40:
        return None
    if _CAPTOR_VERB_RE.match(r.sentence[: r.q.start], alias.end) is None:
        return None
    context = r.facts.context
    topic = context.people_subject
    if topic is not None and topic != alias.subject and context.people_age <= _TOPIC_REACH:
        return topic
    return _NOBODY


# "the two men", "the two prisoners held by Ukraine": a few people named before, by a definite
# phrase whose noun names no force.
_DEFINITE_FEW_BEFORE_RE = re.compile(r"\b(?:the|these|those|both)\s+$", re.IGNORECASE)
# "the two men captured in January", "the two soldiers now held by Ukraine": a capture right after
# the noun.
_CAPTURED_AFTER_NOUN_RE = re.compile(
    r"[\s,]*(?:(?:who|that|have|has|had|were|was|are|is|been|being|now|still|since)\s+)*"
    r"(?:captured|held\s+by|taken\s+(?:prisoner|captive|alive)|in\s+(?:\w+\s+)?custody)\b",
    re.IGNORECASE,
)
# Who may hold the people of each force prisoner.
_CAPTORS_OF = {
    "North Korea": frozenset(("Ukraine",)),
    "Russia": frozenset(("Ukraine",)),
    "Ukraine": frozenset(("Russia", "North Korea")),
}
# How many sentences back the prisoners referred to may have been counted.
_PRISONERS_REACH = 1  # the sentence before or the one before it


def is_back_reference(r: Reading) -> bool:
    """'the two men', 'the two soldiers it holds': a few people named before."""
    q = r.q
    return (
        q.spelled and q.high <= 10 and r.noun.subject is None
        and _DEFINITE_FEW_BEFORE_RE.search(r.sentence, max(0, q.start - 8), q.start) is not None
    )  # fmt: skip


def names_prisoners(r: Reading) -> bool:
    """'the two prisoners', 'the two men captured in January': the people are prisoners."""
    if r.noun.end < 0:
        return False
    noun = r.sentence[r.q.num_end : r.noun.end]
    return first_cue(noun) is Metric.CAPTURED or (
        _CAPTURED_AFTER_NOUN_RE.match(r.sentence, r.noun.end) is not None
    )


def _prisoners_referred_back(r: Reading) -> str | None:
    """'The two prisoners held by Ukraine since January', 'the two men captured in January': a
    few prisoners referred back to are those counted as prisoners a sentence or two before,
    else, when the sentence names their captor ("held by Ukraine"), the people the story was
    about (a dozen sentences back at most, no civilians named since); and only if every force
    the sentence names could be their captor (never their own side nor a third one). Nobody's
    otherwise: "the two men captured near Vovchansk" after a paragraph about Ukraine's units."""
    if not is_back_reference(r) or not names_prisoners(r):
        return None
    if r.metric is not Metric.CAPTURED:
        return _NOBODY  # "the two prisoners were later released": no count of them
    context = r.facts.context
    named = {alias.subject for alias in r.facts.aliases} & set(r.facts.subjects)
    topic = None
    if (
        context.last_claim is not None
        and context.last_claim.metric is Metric.CAPTURED
        and context.last_claim_age <= _PRISONERS_REACH
    ):
        topic = context.last_claim.subject
    elif (
        named  # the captor named: "held by Ukraine"
        and context.people_subject is not None
        and context.people_age <= _TOPIC_REACH
        and context.civilians_age > context.people_age
    ):
        topic = context.people_subject
    if topic not in _CAPTORS_OF or not named <= _CAPTORS_OF[topic]:
        return _NOBODY
    if not r.facts.words.isdisjoint(CIVILIAN_TOPIC_NOUNS):
        return _NOBODY
    return topic


# "some 10,500 in the first wave", "about 4,000 in that third echelon": the people of a wave.
IN_A_WAVE_AFTER_RE = re.compile(
    r"\s+(?:more\s+)?in\s+(?:the|that|this|its|their)\s+(?:[\w-]+\s+)?"
    r"(?:wave|echelon|rotation|contingent)\b(?!\s+of\b)",
    re.IGNORECASE,
)
# "A third echelon of about 3,500 followed": the number is the size of a wave of a deployment.
_WAVE_OF_BEFORE_RE = re.compile(
    r"\b(?:wave|echelon|rotation)\s+of\s+"
    rf"(?:(?:{alternation(GROUP_SIZE_QUALIFIERS)}|another|a\s+further)\s+)?$",
    re.IGNORECASE,
)


def _wave_of_the_topic(r: Reading) -> str | None:
    """'some 10,500 in the first wave', 'A third echelon of about 3,500 followed': a wave of a
    deployment whose sentence names none of the forces counted is one of the force whose people
    the story spoke of a few sentences back, with no other force and no civilians named since."""
    if r.metric is not Metric.DEPLOYED or r.noun.kind != "bare":
        return None
    if not (
        IN_A_WAVE_AFTER_RE.match(r.sentence, r.q.num_end)
        or _WAVE_OF_BEFORE_RE.search(r.sentence, max(0, r.q.start - 30), r.q.start)
    ):
        return None
    if any(alias.subject in r.facts.subjects for alias in r.facts.aliases):
        return None
    context = r.facts.context
    if context.people_subject is None or context.people_age > _PEOPLE_REACH:
        return None
    if context.civilians_age <= context.people_age:
        return None
    if not r.facts.words.isdisjoint(CIVILIAN_TOPIC_NOUNS):
        return None
    return context.people_subject


def _previous_claim(r: Reading) -> str | None:
    """'300 were killed and 2,700 wounded': the sentence's previous claim."""
    return r.previous.subject if r.previous is not None else None


def _last_force_before(r: Reading) -> str | None:
    alias = r.facts.last_force_before(r.q.start)
    return alias.subject if alias else None


def _sender_after(r: Reading) -> str | None:
    """'sent by North Korea', 'the 11,000 troops Pyongyang dispatched'."""
    alias = r.forces.first_sender_after(r.q.end, r.metric is Metric.DEPLOYED)
    return alias.subject if alias else None


def _previous_sentence(r: Reading) -> str | None:
    """No force named at all: the force of the sentence right before, or of one of the two
    before it when the number says so ("At least 4,000 of them", "the first contingent of
    about 11,000")."""
    context = r.facts.context
    if r.facts.aliases or r.noun.kind == "other":
        return None
    if context.last_subject_age == 0:
        return context.last_subject
    if context.people_age == 0 and context.people_subject is not None:
        return context.people_subject  # "What of the fight against the North Koreans?"
    if context.last_subject_age <= 2 and (
        _OF_THEM_AFTER_RE.match(r.sentence, r.q.num_end)
        or _DEFINITE_GROUP_BEFORE_RE.search(r.sentence, max(0, r.q.start - 40), r.q.start)
    ):
        return context.last_subject
    return None


# "they had lost about 1,100", "they were losing about 40 personnel a day": the pronoun is the
# force that loses or sends the people counted (not "they killed 300": those are others).
_THEY_LOSE_RE = re.compile(
    r"\bthey\s+(?:(?:have|had|were|are|also|now|still|already|reportedly|probably|may\s+have"
    rf"|must\s+have)\s+)*(?:{alternation(PRONOUN_FORCE_VERBS)})\s+(?:[\w-]+\s+){{0,3}}?$",
    re.IGNORECASE,
)
_THEIR_COUNT_RE = re.compile(
    r"\btheir\s+(?:own\s+)?(?:losses|casualties|dead|wounded|deaths|toll|troops|soldiers"
    r"|forces|contingent)\b[^.;]{0,40}$",
    re.IGNORECASE,
)
_THEY_WORDS = frozenset(("they", "their", "them"))
# "the enemy" of whoever speaks ("occupiers" and "invaders" name Russia as forces do).
_ENEMY_WORDS = frozenset(("enemy", "enemy's", "adversary", "adversary's"))
# How many sentences back the people a "they" refers to may have been named.
_PEOPLE_REACH = 5


def _people_spoken_of(r: Reading) -> str | None:
    """'Our unit has confirmed more than 400 of them killed', 'they lose about 150 men a day':
    no force named in the sentence, a pronoun that owns the count, and the force whose people
    were spoken of a few sentences back with no other force named since."""
    context = r.facts.context
    if r.facts.aliases or r.noun.kind == "other" or r.facts.words.isdisjoint(_THEY_WORDS):
        return None
    if context.people_subject is None or context.people_age > _PEOPLE_REACH:
        return None
    start = max(r.clause[0], r.q.start - 60)
    if (
        _OF_THEM_AFTER_RE.match(r.sentence, r.q.num_end)
        or _THEY_LOSE_RE.search(r.sentence, start, r.q.start)
        or _THEIR_COUNT_RE.search(r.sentence, start, r.q.start)
    ):
        return context.people_subject
    return None


# How many sentences back a conversation's topic may have been named for a bare loss count.
_TOPIC_REACH = 12
_TOPIC_METRICS = frozenset((Metric.KILLED, Metric.WOUNDED, Metric.CASUALTIES))


_OWN_SIDE_BEFORE_RE = re.compile(
    r"\b(?:we|us)\b[^.;]{0,30}\b(?:lost|lose|losing|suffered|sustained)\b"
    r"|\bour\s+(?:own\s+)?(?:losses|casualties|dead|wounded|killed|men|soldiers|troops)\b",
    re.IGNORECASE,
)


def _topic_of_conversation(r: Reading) -> str | None:
    """'And those losses? ... about 400 had been killed and 3,200 wounded': in a conversation (a
    transcript, or an interview printed as questions and answers), a count of dead, wounded or
    casualties with no people of its own, in a sentence that counts no force and not the
    speaker's own side ("we lost"), counts the people the conversation is about: those of the
    force last spoken of, a dozen sentences back at most, with no other force and no civilians
    named since."""
    if r.metric not in _TOPIC_METRICS or r.noun.kind not in ("bare", "casualty"):
        return None
    context = r.facts.context
    if not context.interview or context.people_subject is None:
        return None
    if _OWN_SIDE_BEFORE_RE.search(r.sentence, max(r.clause[0], r.q.start - 80), r.q.start):
        return None  # "we lost fewer than 2,000 killed": the speaker's own side
    if context.people_age > _TOPIC_REACH or context.civilians_age <= context.people_age:
        return None
    if not r.facts.words.isdisjoint(CIVILIAN_TOPIC_NOUNS):
        return None
    if r.facts.last_force_before(len(r.sentence)) is not None:
        return None
    return context.people_subject


# How many sentences after a headcount question its answer may come (as ``rules._asked_for``).
_ANSWER_REACH = 2


def _asked_about(r: Reading) -> str | None:
    """'How many were there?' - 'about 12,000 in the region at the peak': a headcount with no
    noun of its own, in an answer that names no force nor civilians, counts the people the
    question asked about."""
    context = r.facts.context
    if r.metric is not Metric.DEPLOYED or context.asked is not Metric.DEPLOYED:
        return None
    if context.asked_age > _ANSWER_REACH or r.noun.kind != "bare" or r.facts.aliases:
        return None
    if not r.facts.words.isdisjoint(CIVILIAN_TOPIC_NOUNS):
        return None
    return context.asked_subject


# "another 3,000 troops arrived ..., bringing Pyongyang's total to some 14,000": the force whose
# total the number adds to.
_BRINGING_OWNER_RE = re.compile(
    r"[^.;]{0,80}?\bbring(?:s|ing)?\s+(?:the\s+)?(?=[A-Z])", re.IGNORECASE
)
_OWNED_TOTAL_RE = re.compile(
    r"(?:'s|’s)?\s+(?:[\w-]+\s+)?(?:total|tally|count|contingent|deployment|presence|number)\b",
    re.IGNORECASE,
)


def _owner_of_the_total_after(r: Reading) -> str | None:
    """'another 3,000 troops arrived in January, bringing Pyongyang's total to 14,000'."""
    if r.metric is not Metric.DEPLOYED or "bringing" not in r.facts.words:
        return None
    found = _BRINGING_OWNER_RE.match(r.sentence, r.q.end)
    if found is None:
        return None
    alias = r.facts.alias_at.get(found.end())
    if alias is None or _OWNED_TOTAL_RE.match(r.sentence, alias.end) is None:
        return None
    return alias.subject


# Returned by a rule that decides there is no subject, so that no later rule is asked.
_NOBODY = ""

SUBJECT_RULES: tuple[Callable[[Reading], str | None], ...] = (
    _named_in_noun,
    _prisoners_referred_back,
    _enemy_counted,
    _continued_claim,
    _wave_of_the_topic,
    _owner_of_its,
    _sender_by_sending,
    _captor_before,
    _owner_of_a_count,
    _among_after,
    _of_them_before,
    _force_of_own_clause,
    _previous_claim,
    _last_force_before,
    _sender_after,
    _owner_of_the_total_after,
    _previous_sentence,
    _people_spoken_of,
    _asked_about,
    _topic_of_conversation,
)
