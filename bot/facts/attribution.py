"""Who says so: the claimants a sentence names, and what "he", "the agency" or "it" point back to.

``claimant_mentions`` runs a table of finders over a sentence, each for one way of naming a
claimant: a trailing label ("... - NIS"), "according to X", "X said", "X denied", "X's estimate",
"its latest count", "put at 70,000 by X", and the sentence's own subject for a later "it said".
The first finder to claim a stretch of text keeps it. Names are then resolved left to right
against the claimants of earlier sentences (:class:`~bot.facts.claim.Context`), so that a
pronoun or "the agency" becomes the claimant it points to.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from bot.facts.aliases import canonical_claimant, is_person
from bot.facts.claim import ClaimantMention, Context
from bot.facts.model import Voice
from bot.facts.speakers import SPEAKER_RE, is_transcript_label
from bot.facts.vocabulary.attribution_verbs import (
    ACCORDING_CUES,
    ASIDE_OPENERS,
    ATTRIBUTION_VERBS,
    MENTION_ONLY_VERBS,
    PASSIVE_REPORT_VERBS,
    PUBLISHING_VERBS,
    RELAY_VERBS,
    REPORTED_BY_VERBS,
    SOURCE_RELATIONS,
    VIEW_NOUNS,
)
from bot.facts.vocabulary.build import alternation, trie_pattern
from bot.facts.vocabulary.calendar import DATE_WORDS
from bot.facts.vocabulary.claimants import (
    CLAIM_NOUNS,
    CLAIMANT_HEADS,
    CLAIMANT_LOWER_WORDS,
    ESTIMATE_HEADS,
    OWNED_ESTIMATE_HEADS,
    OWNER_DATA_HEADS,
    PERSON_TITLES,
    PRONOUNS,
    RECKONING_HEADS,
    RUNNING_HEADS,
    SPEAKERS_FOR_A_BODY,
    SPEAKING_BODY_HEADS,
)

__all__ = ["claimant_mentions", "resolve_claimant"]

# How far before its verb a claimant's noun phrase may start (with its auxiliaries and an
# aside such as ", citing unidentified sources,"): no name of a claimant is longer.
NP_WINDOW = 240

_ATTRIB_VERB_RE = re.compile(
    rf"\b(?=[{''.join(sorted({verb[0] for verb in ATTRIBUTION_VERBS}))}])"
    + trie_pattern(ATTRIBUTION_VERBS)
    + r"\b",
    re.IGNORECASE,
)
_ACCORDING_RE = re.compile(
    rf"\b(?:according\s+to|citing|in\s+the\s+(?:{alternation(VIEW_NOUNS)})\s+of"
    rf"|(?:{alternation(RELAY_VERBS)})\s+(?:to\s+\w+\s+)?by"
    # "By the count of Ukraine's General Staff", "by the reckoning of the ombudsman".
    r"|by\s+the\s+(?:(?:latest|own|official|newest|best)\s+)?"
    r"(?:counts?|reckoning|estimates?|tall(?:y|ies)|calculations?|assessments?)\s+of"
    r"|by(?=\s+(?:[A-Z][\w'’.-]*\s+)+(?:estimates?|counts?|figures|assessments?|tally)\b)"
    rf"|(?:{alternation(REPORTED_BY_VERBS)})\s+(?:by\s+name\s+|independently\s+)?by"
    rf"|(?:{alternation(CLAIM_NOUNS)})\s+(?:made\s+)?by"
    r"|(?:assessments?|estimates?|counts?|tall(?:y|ies)|calculations?)\s+by(?=\s+(?:the\s+)?[A-Z])"
    r"|per)\s+",
    re.IGNORECASE,
)
_MENTION_ONLY_RE = re.compile(rf"\b(?:{alternation(MENTION_ONLY_VERBS)})\b", re.IGNORECASE)
_POSSESSIVE_ESTIMATE_RE = re.compile(
    r"(?P<np>(?:[A-Z][\w.&-]*(?:\s+|’s\s+|'s\s+))*[A-Z][\w.&-]*)(?:'s|’s)?\s+"
    r"(?:(?!(?:what|which|whose|that|this|these|those|the|a|an|his|her|its|their|our|my)\s)"
    r"[a-z][\w-]*\s+){0,2}"
    rf"(?P<head>{alternation(ESTIMATE_HEADS)})\b"
)
_INVERTED_RE = re.compile(
    rf"\b(?:{alternation(ATTRIBUTION_VERBS)})\s+(?=(?:the\s+)?[A-Z])", re.IGNORECASE
)
_NOUN_USE_RE = re.compile(
    r"(?:['’]s|\b(?:the|a|an|his|her|its|their|these|those|such|new|latest|earlier|initial"
    r"|official|unconfirmed|some))\s+$",
    re.IGNORECASE,
)
# A plural noun that reads like a verb ("reports", "estimates") is the subject when an
# attribution verb follows it.
_NOUN_FOLLOWS_RE = re.compile(
    r"\s+(?:(?:(?:now|also|still|further|consistently|repeatedly)\s+)?"
    rf"(?:{alternation(ATTRIBUTION_VERBS)})\b|of\b)",
    re.IGNORECASE,
)
# A subject never follows a preposition or a list's "and" (one with no comma before it; ",
# and Defence Intelligence assesses" opens a clause): "reports" there is a noun.
_LISTED_BEFORE_RE = re.compile(r"(?:\b(?:on|from|of|in|with|through|via)|[^,\s]\s+and)\s+$")
_PARTICIPLE_RE = re.compile(r"(?:saying|adding|noting|claiming|estimating|stating)\b", re.I)
# Attribution verbs that are nouns too, besides the plurals ("the estimate", "an official count").
_NOUN_FORMS = frozenset(("estimate", "report", "claim", "count", "record", "project", "cite"))
# "identified 95,000 by name" counts; "identified as Ri" only names.
_NAMING_VERBS = frozenset(("identified", "verified"))
_AS_AFTER_RE = re.compile(r"\s+(?:\w+\s+)?as\b")
_INFINITIVE_BEFORE_RE = re.compile(r"\b[Tt]o\s+$")
_NEGATED_RE = re.compile(
    r"\b(?:not|never|n't)\s+(?:(?:yet|publicly|officially|formally|ever)\s+)?$", re.IGNORECASE
)
_NEG_VERB_CONTEXT_RE = re.compile(r"\b(?:it\s+is|it\s+was|has\s+been|have\s+been)\s*$", re.I)
_FAMILIAR_SOURCES_RE = re.compile(
    r"((?:(?:\w+|a\s+number\s+of)\s+)?sources?"
    rf"\s+(?:{alternation(SOURCE_RELATIONS)})\s+(?:the\s+)?[\w'’-]+(?:\s+[\w'’-]+)?)"
    r"(?=,?\s+(?:told|said|say|says)\b)",
    re.IGNORECASE,
)
_OWNED_ESTIMATE_RE = re.compile(
    r"\b(?P<owner>[Tt]he\s+[a-z]+(?=(?:'s|’s)\s)|[Tt]heir|[Ii]ts|[Hh]is|[Hh]er)(?:'s|’s)?\s+"
    r"(?:latest\s+|own\s+|new\s+|updated\s+|official\s+|best\s+)?"
    rf"(?:{alternation(OWNED_ESTIMATE_HEADS)})\b"
)
# "were put at more than 70,000 by Russia's Defense Ministry": the agent of a passive report.
_PASSIVE_BY_RE = re.compile(
    rf"\b(?:{alternation(PASSIVE_REPORT_VERBS)})"
    r"\s+at\s+(?:[^,;]|,\d){1,40}?\bby\s+(?=(?:the\s+)?[A-Z])"
)
_TRAILING_LABEL_RE = re.compile(r"(?::|\s[—–-])\s+((?:[A-Z][\w.'’&-]*\s*){1,4})\s*$")
_QUOTED_AS_RE = re.compile(r"\bquoted\s+(?=(?:the\s+)?[A-Z].{0,80}?\bas\s+saying\b)")
_SUBJECT_NP_RE = re.compile(
    r"((?:(?:A|An|The)\s+)?(?:[A-Z][\w'’.-]*\s+){0,4}(?:[a-z][\w-]*\s+){0,2}"
    rf"(?:{alternation(SPEAKING_BODY_HEADS)}"
    r"|[A-Z][\w'’.-]*))\s+(?:has\s+|had\s+|have\s+)?(?:"
    + "|".join(sorted(PUBLISHING_VERBS))
    + r")\b"
)
_OWNER_OF_DATA_RE = re.compile(
    r"(.+?)(?:'s|’s)\s+(?:(?:own|latest|official|daily|weekly|regular|morning|evening)\s+)?"
    rf"(?:{alternation(OWNER_DATA_HEADS)})$"
)
_APPOSITIVE_RE = re.compile(r"(?:an?|one)\s", re.IGNORECASE)
_COMMA_END_RE = re.compile(r",\s*$")
_PERSON_AT_BODY_RE = re.compile(r"((?:[A-Z][\w'’.-]*\s+){1,3}[A-Z][\w'’.-]*)\s+at\s+the\s+")
_CLAUSE_AFTER_RE = re.compile(r"\b(?:that|\d)")
_TOKEN_RE = re.compile(r"[\w.&’'()-]+|,")
_FORWARD_TOKEN_RE = re.compile(r"[\w.&’'()-]+|[,;:]")
_TRAILING_OF_RE = re.compile(r"\s+of$")

_VERB_WORDS = frozenset(ATTRIBUTION_VERBS) | frozenset(ACCORDING_CUES) | frozenset(
    MENTION_ONLY_VERBS
)
_ATTRIBUTION_WORDS = frozenset(ATTRIBUTION_VERBS)
_ACCORDING_WORDS = frozenset(ACCORDING_CUES)
_MENTION_ONLY_WORDS = frozenset(MENTION_ONLY_VERBS)
_PUBLISHING_WORDS = frozenset(PUBLISHING_VERBS)
_ESTIMATE_WORDS = frozenset(ESTIMATE_HEADS)
_SENTENCE_OPENERS = ("The", "In", "A", "An", "By", "According")
# "Our estimate", "my count": the owner is the pronoun's.
_POSSESSIVES = {"our": "we", "my": "i", "his": "he", "her": "she", "its": "it", "their": "they"}
_FIRST_PERSON = frozenset({"we", "i", "our", "my", "us"})


@dataclass(slots=True)
class _Finding:
    """The claimant spans of one sentence found so far; the first to take a stretch keeps it."""

    sentence: str
    words: frozenset[str]
    start: int  # where the spoken words start, after a speaker label
    candidates: list[tuple[int, int, bool]] = field(default_factory=list)
    taken: list[tuple[int, int]] = field(default_factory=list)

    def add(self, s: int, e: int, attributes: bool = True) -> None:
        if e <= s:
            return
        for ts, te in self.taken:
            if s < te and ts < e:
                return
        self.candidates.append((s, e, attributes))
        self.taken.append((s, e))


def _trailing_label(f: _Finding) -> None:
    """'... at least 30 killed - NIS' or ': Ukrainian General Staff' at the end."""
    label = _TRAILING_LABEL_RE.search(f.sentence, f.start)
    if label:
        f.add(label.start(1), label.end(1))


# "Russian army losses (Ukraine's General Staff, as of 16 July 2025): 1,043,000": a label line
# whose brackets name who counts.
_BRACKETED_SOURCE_RE = re.compile(
    r"^[^():\n]{3,120}\((?P<who>[A-Z][^(),:;\n]{1,80}?)(?:,[^():\n]{0,60})?\)\s*:\s*\S"
)


def _bracketed_source(f: _Finding) -> None:
    label = _BRACKETED_SOURCE_RE.match(f.sentence, f.start)
    if label is None:
        return
    who = label.group("who")
    heads = {w.lower().strip("'’s") for w in who.split()}
    if not heads.isdisjoint(CLAIMANT_HEADS) or canonical_claimant(who) is not None:
        f.add(label.start("who"), label.end("who"))


def _inner_label(f: _Finding) -> None:
    """'@KyivIndependent: Ukraine's military intelligence (HUR): At least 30 ...'."""
    inner = SPEAKER_RE.match(f.sentence[f.start :])
    if inner and is_transcript_label(inner.group("label")):
        f.add(f.start + inner.start("label"), f.start + inner.end("label"))


def _familiar_sources(f: _Finding) -> None:
    for m in _FAMILIAR_SOURCES_RE.finditer(f.sentence, f.start):
        f.add(m.start(1), m.end(1))


def _quoted_as_saying(f: _Finding) -> None:
    for m in _QUOTED_AS_RE.finditer(f.sentence, f.start):
        f.add(*_np_forward(f.sentence, m.end()))


def _according_to(f: _Finding) -> None:
    for m in _ACCORDING_RE.finditer(f.sentence, f.start):
        start = m.end()
        source = _INFORMATION_FROM_RE.match(f.sentence, start)
        if source:
            start = source.end()  # "according to information from the Republic of Korea"
        np = _np_forward(f.sentence, start)
        shared = _SHARED_BY_RE.match(f.sentence, np[1])
        if shared:
            f.taken.append(np)  # "the assessment shared by the NIS": the NIS claims it
            np = _np_forward(f.sentence, shared.end())
        if m.group(0).lower().startswith("citing") and not _cites_a_claimant(f.sentence, np):
            f.taken.append(np)  # "citing its own calculation": what is cited, not who
            continue
        f.add(*np)


_CITED_NAME_RE = re.compile(r"(?:the\s+)?[A-Z]")
_INFORMATION_FROM_RE = re.compile(
    r"(?:the\s+)?(?:latest\s+|new\s+)?(?:information|data|figures|reports?|statistics)\s+"
    r"(?:from|provided\s+by|shared\s+by|released\s+by|received\s+from)\s+",
    re.IGNORECASE,
)
_SHARED_BY_RE = re.compile(
    rf"\s+(?:{alternation((*RELAY_VERBS, *REPORTED_BY_VERBS, 'made', 'compiled', 'issued'))})"
    r"\s+by\s+",
    re.IGNORECASE,
)
_CASUALTY_WORD_RE = re.compile(r"\b(?:casualt\w*|loss(?:es)?|deaths?|dead|killed|wounded)\b")


def _cites_a_claimant(sentence: str, np: tuple[int, int]) -> bool:
    """'reports citing South Korea's Joint Chiefs of Staff that ...': a body named after
    "citing" claims the number, unless the sentence has named its claimant already ("..., the
    NIS said, citing ...")."""
    start, end = np
    if end <= start or not _CITED_NAME_RE.match(sentence, start):
        return False
    before = sentence[max(0, start - 60) : start]
    return _SAID_BEFORE_CITING_RE.search(before) is None


_SAID_BEFORE_CITING_RE = re.compile(
    rf"\b(?:{alternation(ATTRIBUTION_VERBS)})(?:\s+\w+)?\s*,\s*citing\s+$|^[^,]*,\s*citing\s+$",
    re.IGNORECASE,
)


def _verb_subjects(f: _Finding) -> None:
    """'X said', 'X estimates'; or, at the end of a sentence, 'said X'."""
    sentence = f.sentence
    for m in _ATTRIB_VERB_RE.finditer(sentence, f.start):
        if _NEG_VERB_CONTEXT_RE.search(sentence, max(0, m.start() - 12), m.start()):
            continue
        if _NEGATED_RE.search(sentence, max(0, m.start() - 24), m.start()):
            continue  # "which Pyongyang has not acknowledged": nobody claims anything
        verb = m.group(0).lower()
        if verb in _NAMING_VERBS and _AS_AFTER_RE.match(sentence, m.end()):
            continue  # "a soldier identified as Ri": a name given, nothing counted
        if (verb.endswith("s") or verb in _NOUN_FORMS) and _NOUN_USE_RE.search(
            sentence, max(0, m.start() - 12), m.start()
        ):
            continue  # "Zelenskyy's claims", "the estimates": a noun, not a verb
        if m.group(0)[-1] in "sS" and _NOUN_FOLLOWS_RE.match(sentence, m.end()):
            continue  # "Independent reports suggest", "Western estimates of": a noun
        if _PARTICIPLE_RE.match(sentence, m.start()) and (
            sentence[max(0, m.start() - 2) : m.start()] == ", "
        ):
            # "The Department of Defense gave a similar figure, saying ...": the subject of the
            # sentence says so.
            f.add(*_np_forward(sentence, f.start))
            continue
        if sentence[max(0, m.start() - 3) : m.start()].lower() == "to " and (
            _INFINITIVE_BEFORE_RE.search(sentence, max(0, m.start() - 4), m.start())
        ):
            continue  # "To estimate the true toll, ...": nobody estimates yet
        s, e = _np_backward(sentence, m.start(), f.start)
        if e > s and verb[-1] == "s" and _LISTED_BEFORE_RE.search(sentence, max(0, s - 8), s):
            continue  # "drawing on obituaries and regional news reports": a noun in a list
        if e > s:
            f.add(s, e)
        elif _INVERTED_RE.match(sentence, m.start()) and _ends_sentence_after(sentence, m.end()):
            f.add(*_np_forward(sentence, m.end()))


# "X has given the highest official estimate", "X offered a figure of": X claims it.
_GIVES_ESTIMATE_RE = re.compile(
    r"\b(?:gave|given|gives|give|offered|offers|provided|provides|issued|issues)\s+"
    r"(?:(?:a|an|the|its|his|her|their)\s+)?(?:[a-z-]+\s+){0,3}"
    r"(?:estimates?|figures?|counts?|tally|assessments?)\b"
)


# "The best count of the dead comes from X", "the figure of 12,000 ... came from X": where a
# figure comes from claims it. Only a figure, count or estimate comes from a claimant: soldiers
# that "came from units near Pyongyang" name no one.
_COMES_FROM_RE = re.compile(
    r"\b(?:comes|came|come)\s+(?:(?:first|originally|chiefly|mainly|mostly|directly)\s+)?"
    r"from\s+(?=(?:the\s+)?[A-Z]|the\s+(?:[a-z]+\s+){1,3}[A-Z])"
)
_FIGURE_SUBJECT_RE = re.compile(
    rf"\b(?:{alternation((*ESTIMATE_HEADS, 'number', 'numbers', 'toll', 'tolls'))})\b",
    re.IGNORECASE,
)


def _comes_from(f: _Finding) -> None:
    for m in _COMES_FROM_RE.finditer(f.sentence, f.start):
        clause = max(f.sentence.rfind(";", f.start, m.start()), f.start)
        if _FIGURE_SUBJECT_RE.search(f.sentence, clause, m.start()) is None:
            continue
        f.add(*_np_forward(f.sentence, m.end()))


# "(Park and Novak, 2025)", "[Hale et al. 2025, p. 14]": an author-year citation names who
# gives the figures before it; a numbered reference ("[12]") names no one.
_CITATION_RE = re.compile(
    r"[(\[](?P<who>[A-Z][\w'’-]+(?:\s+(?:and|&)\s+[A-Z][\w'’-]+|\s+et\s+al\.)?),?\s+"
    r"(?:19|20)\d\d[a-z]?(?:[,;:][^)\]\n]{0,40})?[)\]]"
)


def _citations(f: _Finding) -> None:
    for m in _CITATION_RE.finditer(f.sentence, f.start):
        if m.group("who").lower() not in DATE_WORDS:
            f.add(m.start("who"), m.end("who"))


# "A database of obituaries kept by the volunteer project X has reached ...", "a tally compiled
# by X": whoever keeps a count claims it.
_KEPT_BY_RE = re.compile(
    r"\b(?:counts?|tall(?:y|ies)|database|list|register|registry|records?|estimates?|figures?)\s+"
    r"(?:of\s+[^,;:]{1,60}?\s+)?(?:kept|compiled|maintained|collected|run)\s+by\s+"
)


def _kept_by(f: _Finding) -> None:
    for m in _KEPT_BY_RE.finditer(f.sentence, f.start):
        f.add(*_np_forward(f.sentence, m.end()))


# "The figure the Ukrainians give", "the tally Ukrainian commanders cite", "the estimate from
# Kyiv", "the headline number from Seoul": a figure's own noun names who gives it.
_GIVEN_FIGURE_HEADS = (
    "figure", "figures", "estimate", "estimates", "number", "numbers", "count", "counts",
    "tally", "tallies", "total", "totals", "assessment", "assessments", "toll",
)  # fmt: skip
_GIVING_VERBS = (
    "give", "gives", "gave", "cite", "cites", "cited", "quote", "quotes", "quoted", "use", "uses",
    "used", "publish", "publishes", "published", "offer", "offers", "offered", "provide",
    "provides", "provided",
)  # fmt: skip
_FIGURE_GIVER_RE = re.compile(
    rf"\b(?i:{alternation(_GIVEN_FIGURE_HEADS)})\s+(?:(?:that|which)\s+)?"
    r"(?P<who>(?:the\s+)?[A-Z][\w'’.-]*(?:\s+[\w'’.-]+){0,4}?)"
    r"\s+(?:(?:now|still|also|themselves|itself)\s+)?"
    rf"(?:{alternation(_GIVING_VERBS)})\b"
)
# A toll or total "from" a place is where the people were counted ("the toll from Kursk").
_FIGURE_FROM_RE = re.compile(
    rf"\b(?i:{alternation(h for h in _GIVEN_FIGURE_HEADS if not h.startswith('to'))})"
    r"\s+from\s+(?=(?:the\s+)?[A-Z])"
)


def _figure_givers(f: _Finding) -> None:
    for m in _FIGURE_GIVER_RE.finditer(f.sentence, f.start):
        who = m.group("who").split()
        if all(w[0].isupper() or w.lower() in CLAIMANT_LOWER_WORDS or w == "the" for w in who):
            f.add(m.start("who"), m.end("who"))
    for m in _FIGURE_FROM_RE.finditer(f.sentence, f.start):
        f.add(*_np_forward(f.sentence, m.end()))


# "Kyiv's estimate is about 12,000; Seoul's is about 11,000": the second owner's estimate is
# left unsaid, and its owner claims the second number.
_ELLIPTICAL_OWNER_RE = re.compile(
    r"[;,]\s+(?:(?:and|but|while|whereas)\s+)?"
    r"(?P<who>(?:the\s+)?[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,3})(?:'s|’s)\s+"
    r"(?:own\s+)?(?:is|was|stands|stood|puts\s+it|put\s+it)\b"
)


def _elliptical_owners(f: _Finding) -> None:
    first = _POSSESSIVE_ESTIMATE_RE.search(f.sentence, f.start)
    if first is None:
        return
    for m in _ELLIPTICAL_OWNER_RE.finditer(f.sentence, first.end()):
        f.add(m.start("who"), m.end("who"))


# "Zelenskyy has offered to exchange two captured North Korean soldiers": who offers to hand
# over prisoners gives their number, when nobody is said to report it.
_OFFER_TO_HAND_OVER_RE = re.compile(
    r"\b(?:offered|offers|offer|proposed|proposes|propose|agreed|agrees|pledged|pledges)\s+"
    r"to\s+(?:hand\s+over|exchange|swap|trade|return|release|transfer|repatriate)\b"
)


def _offers_to_hand_over(f: _Finding) -> None:
    if not f.words.isdisjoint(_ATTRIBUTION_WORDS):
        return  # "..., Ukraine's ombudsman said": who says so claims it, not who offers
    for m in _OFFER_TO_HAND_OVER_RE.finditer(f.sentence, f.start):
        if _NEGATED_RE.search(f.sentence, max(0, m.start() - 24), m.start()):
            continue
        f.add(*_np_backward(f.sentence, m.start(), f.start))


def _estimate_givers(f: _Finding) -> None:
    for m in _GIVES_ESTIMATE_RE.finditer(f.sentence, f.start):
        if _NEGATED_RE.search(f.sentence, max(0, m.start() - 24), m.start()):
            continue
        f.add(*_np_backward(f.sentence, m.start(), f.start))


def _deniers(f: _Finding) -> None:
    for m in _MENTION_ONLY_RE.finditer(f.sentence, f.start):
        s, e = _np_backward(f.sentence, m.start(), f.start)
        f.add(s, e, attributes=False)


def _possessive_estimates(f: _Finding) -> None:
    """"Ukraine's estimate", "U.S. assessments"."""
    for m in _POSSESSIVE_ESTIMATE_RE.finditer(f.sentence, f.start):
        np_start = m.start("np")
        np = m.group("np")
        if np.lower() in _POSSESSIVES:
            f.add(np_start, m.end("np"))  # "Our estimate is that": the speaker's
            continue
        owned = m.group(0)[len(np) : len(np) + 2] in ("'s", "’s")
        first = np.split()[0]
        if first in _SENTENCE_OPENERS:
            if not owned or " " not in np:
                continue
            # "The National Intelligence Service's briefing": the name after the article.
            np_start += len(first) + 1
            np = np[len(first) + 1 :]
        if _CASUALTY_WORD_RE.search(f.sentence, m.end("np"), m.start("head")):
            continue  # "Russia's casualty figures": the figures count Russia, not by Russia
        if _JUDGED_RE.match(f.sentence, m.end("head")):
            continue  # "the NIS figures are too low and that ...": judged, not the claim
        if " " not in np and np_start <= f.start + 1 and not owned:
            continue  # "Rough count ...": capitalised only because it starts the sentence
        f.add(np_start, m.end("head"))


_JUDGED_RE = re.compile(
    r"\s+(?:is|are|was|were|seem|seems|look|looks)\s+(?:\w+ly\s+)?(?:(?:too|far\s+too|much\s+too)\s+)?"
    r"(?:low|high|conservative|inflated|exaggerated|outdated|understated|overstated|wrong|an?\s+"
    r"(?:undercount|overcount|floor|ceiling|underestimate|overestimate))\b",
    re.IGNORECASE,
)


# "Seoul's reckoning is that", "By the Joint Chiefs of Staff's reckoning", "The General Staff's
# daily average was": the owner (a name with "'s") works the figure out. "average" must be a
# noun: "Russia's average daily losses" is an adjective before what Russia lost.
_POSSESSIVE_RECKONING_RE = re.compile(
    r"(?P<np>[A-Z][\w.&-]*(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\w.&-]*)*)(?:'s|’s)\s+"
    r"(?:(?:latest|own|official|daily|weekly|monthly|new|updated|best|current|overall)\s+)?"
    rf"(?P<head>(?:{alternation(RECKONING_HEADS)})"
    rf"|running\s+(?:{alternation(RUNNING_HEADS)}))"
    r"(?=\s*[,;:.]|\s+\d|\s+(?:of|for|in|over|across|since|so|is|was|were|are|stands|stood"
    r"|remains|remained|puts|put|has|had|now|still|came|comes|showed|shows)\b)"
)
_RECKONING_WORDS = frozenset((*RECKONING_HEADS, "running"))


def _possessive_reckonings(f: _Finding) -> None:
    for m in _POSSESSIVE_RECKONING_RE.finditer(f.sentence, f.start):
        np_start, np = m.start("np"), m.group("np")
        first = np.split()[0]
        if first in _SENTENCE_OPENERS:
            if " " not in np:
                continue
            np_start += len(first) + 1  # "The General Staff's daily average": after the article
        f.add(np_start, m.end("np"))


def _owned_estimates(f: _Finding) -> None:
    """"By the agency's latest count", "Their estimate is that ...": the owner claims it."""
    for m in _OWNED_ESTIMATE_RE.finditer(f.sentence, f.start):
        f.add(m.start("owner"), m.end("owner"))


def _passive_agents(f: _Finding) -> None:
    for m in _PASSIVE_BY_RE.finditer(f.sentence, f.start):
        f.add(*_np_forward(f.sentence, m.end()))


def _publishing_subject(f: _Finding) -> None:
    """The sentence's own subject, for a later "it said" / "he added" to point back to."""
    subject = _SUBJECT_NP_RE.match(f.sentence, f.start)
    if subject and not any(s <= subject.start() < e for s, e in f.taken):
        f.add(subject.start(1), subject.end(1), attributes=False)


# (the cues a finder needs, all of them; the finder), run in this order. The cues are worked
# out once per sentence (``_cues``): most sentences need no finder at all.
_FINDERS: tuple[tuple[frozenset[str], Callable[[_Finding], None]], ...] = (
    (frozenset({"colon"}), _trailing_label),
    (frozenset({"label"}), _inner_label),
    (frozenset({"attribution verb", "sources"}), _familiar_sources),
    (frozenset({"attribution verb", "quoted"}), _quoted_as_saying),
    (frozenset({"according"}), _according_to),
    (frozenset({"attribution verb"}), _verb_subjects),
    (frozenset({"given"}), _figure_givers),
    (frozenset({"offers"}), _offers_to_hand_over),
    (frozenset({"estimates"}), _estimate_givers),
    (frozenset({"estimates", "elliptical"}), _elliptical_owners),
    (frozenset({"estimates", "comes from"}), _comes_from),
    (frozenset({"by", "kept by"}), _kept_by),
    (frozenset({"denials"}), _deniers),
    (frozenset({"estimates"}), _possessive_estimates),
    (frozenset({"estimates"}), _owned_estimates),
    (frozenset({"reckonings"}), _possessive_reckonings),
    (frozenset({"verbs or estimates", "by"}), _passive_agents),
    (frozenset({"verbs or estimates", "publishing"}), _publishing_subject),
    (frozenset({"colon"}), _bracketed_source),
    (frozenset({"citation"}), _citations),
)


_TRAILING_DASHES = (" - ", " — ", " – ")


def _cues(sentence: str, words: frozenset[str], start: int) -> set[str]:
    cues = set()
    if ":" in sentence or any(dash in sentence[-40:] for dash in _TRAILING_DASHES):
        cues.add("colon")  # a label after a colon, or after a dash at the end ("... - JCS")
    if start > 0:
        cues.add("label")  # a speaker label: another may follow it
    if ("(" in sentence or "[" in sentence) and _CITATION_RE.search(sentence, start):
        cues.add("citation")
    if not words.isdisjoint(_GIVEN_HEAD_WORDS) and not words.isdisjoint(_GIVING_WORDS):
        cues.add("given")
    if not words.isdisjoint(_OFFER_WORDS):
        cues.add("offers")
    if ("'s" in sentence or "’s" in sentence) and (";" in sentence or "," in sentence):
        cues.add("elliptical")
    if not words.isdisjoint(_RECKONING_WORDS) and ("'s" in sentence or "’s" in sentence):
        cues.add("reckonings")
    verbs = not words.isdisjoint(_VERB_WORDS)
    estimates = not words.isdisjoint(_ESTIMATE_WORDS)
    if verbs or estimates:
        cues.add("verbs or estimates")
        cues.update(_WORD_CUES.intersection(words))
        if not words.isdisjoint(_ATTRIBUTION_WORDS):
            cues.add("attribution verb")
        if estimates:
            cues.add("estimates")
        if not words.isdisjoint(_ACCORDING_WORDS):
            cues.add("according")
        if not words.isdisjoint(_MENTION_ONLY_WORDS):
            cues.add("denials")
        if not words.isdisjoint(_PUBLISHING_WORDS):
            cues.add("publishing")
        if estimates and not words.isdisjoint(_COMES_WORDS):
            cues.add("comes from")
        if not words.isdisjoint(_KEPT_WORDS):
            cues.add("kept by")
    return cues


_WORD_CUES = frozenset({"sources", "quoted", "by"})
_GIVEN_HEAD_WORDS = frozenset(_GIVEN_FIGURE_HEADS)
_GIVING_WORDS = frozenset((*_GIVING_VERBS, "from"))
_OFFER_WORDS = frozenset(
    ("offered", "offers", "offer", "proposed", "proposes", "propose", "agreed", "agrees",
     "pledged", "pledges")
)  # fmt: skip
_COMES_WORDS = frozenset({"comes", "came", "come"})
_KEPT_WORDS = frozenset({"kept", "compiled", "maintained", "collected", "run"})


def claimant_mentions(
    sentence: str, words: frozenset[str], context: Context, start: int
) -> list[ClaimantMention]:
    """The claimants ``sentence`` names after ``start``, left to right, resolved in context."""
    cues = _cues(sentence, words, start)
    if not cues:
        return []
    finding = _Finding(sentence, words, start)
    for needs, finder in _FINDERS:
        if needs <= cues:
            finder(finding)
    if "than" in words and finding.candidates:
        _drop_compared(finding)
    if not finding.candidates:
        return []
    return _resolve_in_order(sentence, finding.candidates, context)


# "about 39,000 a month, more than Russia recruits by most Western estimates": a comparison
# with no number of its own; who is named inside it measures what is compared, not the figure.
_COMPARED_RE = re.compile(
    r"\b(?:more|fewer|less|higher|lower|greater|larger|smaller|bigger)\s+than\s+"
    r"(?!(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|twelve|half|twice|double"
    r"|dozens?|hundreds?|thousands?|tens|some|about|around|nearly|almost|roughly)\b)(?=[A-Za-z])",
    re.IGNORECASE,
)
_DIGIT_RE = re.compile(r"\d")


def _drop_compared(finding: _Finding) -> None:
    compared = _COMPARED_RE.search(finding.sentence, finding.start)
    if compared is None or _DIGIT_RE.search(finding.sentence, compared.end()):
        return
    finding.candidates = [c for c in finding.candidates if c[0] < compared.start()]


def _resolve_in_order(
    sentence: str, candidates: list[tuple[int, int, bool]], context: Context
) -> list[ClaimantMention]:
    """Names resolved left to right, so that "it said" can point back within the sentence."""
    mentions: list[ClaimantMention] = []
    local = Context(
        claimants=list(context.claimants), speaker=context.speaker, voice=context.voice,
        questioning=context.questioning, label_holds=context.label_holds,
        quoted_by=context.quoted_by,
    )  # fmt: skip
    for s, e, attributes in sorted(candidates):
        raw = sentence[s:e]
        resolved = _resolve_name(_placed(sentence, s, raw), local)
        if resolved is None:
            continue
        name, person = resolved
        voice = Voice.CITED
        if raw.strip().lower() in _FIRST_PERSON or _OWN_UNIT_RE.fullmatch(raw.strip().lower()):
            own = local.own_voice()
            voice = own[1] if own else Voice.CITED
        mention = ClaimantMention(s, e, name, person, raw, attributes, voice)
        mentions.append(mention)
        local.remember(mention)
    return mentions


# "When I was in Seoul in May, officials there were putting ...": "there" and "here" are the
# place the sentence has just named.
_THERE_RE = re.compile(r"\s+(?:there|here)$", re.IGNORECASE)
_PLACE_NAMED_RE = re.compile(r"\b(?:in|at)\s+(?P<place>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})")


def _placed(sentence: str, start: int, raw: str) -> str:
    """``raw`` with its "there" or "here" replaced by the place named before it in the
    sentence ("officials in Seoul"); as it is when no place was named."""
    there = _THERE_RE.search(raw)
    if there is None:
        return raw
    places = [
        m.group("place")
        for m in _PLACE_NAMED_RE.finditer(sentence, 0, start)
        if not all(w.lower() in DATE_WORDS for w in m.group("place").split())
    ]
    if not places:
        return raw
    return f"{raw[: there.start()]} in {places[-1]}"


def _ends_sentence_after(sentence: str, pos: int) -> bool:
    return not _CLAUSE_AFTER_RE.search(sentence, pos, pos + 80)


# -- noun phrases -------------------------------------------------------------------------------

_BE_RE = re.compile(r"\b(?:are|is|were|was|been)\b")
_PROGRESSIVE_RE = re.compile(r"\w+ing\b")
# A role with its remit in lower case: "Ukraine's commissioner for missing persons", "the
# country's coordination headquarters".
# Its remit may name a place or a body: "the governor of Russia's Kursk region", and a plural
# head may stand bare after a comma: "..., commanders in the region concede".
_ROLE_WITH_REMIT_RE = re.compile(
    r"(?:(?:\b[Tt]he\s+|\b[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*)*(?:'s|’s)\s+)(?:[a-z][\w-]*\s+){0,2}"
    r"|(?<=[,;]\s)(?:(?!(?:and|but|or|the|a|an|while|whereas|as)\b)[a-z][\w-]*\s+){0,2})"
    rf"(?:{alternation(CLAIMANT_HEADS)})"
    r"(?:\s+(?:for|of|on|in)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}[\w'’-]+)?\s*$"
)
# ", which" or ", who" right before the verb: the claimant is the noun before the comma.
_RELATIVE_PRONOUN_END_RE = re.compile(r",\s*(?:which|who)\s*$")
# A relative clause about the claimant ends right before its verb: ", who said ..., added".
_WHO_CLAUSE_END_RE = re.compile(r",\s*(?:who|which|whose)\s[^,]{3,120},\s*$")
# "two of the sources", "One of the officials": a part of those named after it.
_PARTITIVE_BEFORE_RE = re.compile(
    r"\b(?:[Oo]ne|[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]ome|[Ss]everal|[Mm]ost|[Mm]any|[Bb]oth"
    r"|[Aa]ll|[Nn]one|[Ee]ach|[Oo]thers?|\d{1,2})\s+of\s+$"
)
_PREPOSITION_BEFORE_RE = re.compile(r"\b(?:in|into|to|from|on|at|near)\s+$")
# "A Ukrainian drone battalion operating near", "officials based in": an actor and where it is.
_PLACED_ACTOR_RE = re.compile(
    r"(?:\b(?:A|An|The|a|an|the)\s+)?((?:[A-Z][\w'’.-]*\s+){0,3}(?:[a-z][\w-]*\s+){0,2}"
    rf"(?i:{alternation(CLAIMANT_HEADS)}))\s+"
    r"(?:[a-z]+ing|based|stationed|deployed|positioned|headquartered)\s+$"
)
_ONLY_A_PLACE_RE = re.compile(r"(?:the\s+)?(?:[A-Z][\w.'’-]*)(?:\s+[A-Z][\w.'’-]*){0,2}")
# Auxiliaries, modals and adverbs between a subject and its verb.
_NP_TRAIL_RE = re.compile(
    r"(?:\s+(?:has|have|had|also|previously|earlier|later|recently|reportedly|publicly"
    r"|separately|then|now|has\s+since|further|again|initially|originally|first|today"
    r"|yesterday|would|could|can|will|may|might|must|should|did|does|do|most|often|still|not"
    r"|are|is|were|was|been"
    r"|\w+ly|on\s+\w+day|last\s+\w+|this\s+\w+|last))*\s*$"
)
# ", citing unidentified sources," between a claimant and its verb.
_NP_PARENTHETICAL_RE = re.compile(
    rf",\s+(?:{alternation(ASIDE_OPENERS)}"
    r"|in\s+a\s+\w+|speaking\s+\w+|meanwhile|however|though|too|also|for\s+(?:its|their|his|her)"
    r"\s+part|in\s+turn|by\s+contrast|in\s+contrast)[^,]{0,80},\s*$"
)


def _np_backward(sentence: str, verb_start: int, floor: int) -> tuple[int, int]:
    """The noun phrase that ends right before a verb ("the NIS", "Ukrainian President ...")."""
    floor = max(floor, verb_start - NP_WINDOW)
    text = sentence[floor:verb_start]
    trail = _trail(text)
    if trail and _BE_RE.search(trail.group(0)) and not _PROGRESSIVE_RE.match(sentence, verb_start):
        return verb_start, verb_start  # "X is believed to have sent": passive, X does not claim
    end = floor + (trail.start() if trail else len(text))
    paren = _NP_PARENTHETICAL_RE.search(sentence[floor:end])
    if paren:
        end = floor + paren.start()
    which = _RELATIVE_PRONOUN_END_RE.search(sentence, max(floor, end - 12), end)
    if which is not None:
        # "Ukraine, which says more than 70,000 ...": the relative pronoun's antecedent.
        return _np_tokens_backward(sentence, floor, which.start())
    relative = _WHO_CLAUSE_END_RE.search(sentence, floor, end)
    if relative is not None and relative.start() > floor:
        # "The official, who said the assessment had been shared, added that ...": the claimant
        # stands before the relative clause.
        return _np_tokens_backward(sentence, floor, relative.start())
    s, e = _np_tokens_backward(sentence, floor, end)
    remit = _ROLE_WITH_REMIT_RE.search(sentence, max(floor, end - 90), end)
    if remit is not None and remit.start() < s:
        return remit.start(), remit.end()  # "Ukraine's commissioner for missing persons"
    preposition = _PREPOSITION_BEFORE_RE.search(sentence, max(floor, s - 8), s) if e > s else None
    if preposition and _ONLY_A_PLACE_RE.fullmatch(sentence[s:e]):
        # "A Ukrainian drone battalion operating near Tetkino says": who is placed there.
        placed = _PLACED_ACTOR_RE.search(sentence, max(floor, preposition.start() - 120),
                                         preposition.start())  # fmt: skip
        if placed:
            return placed.start(1), placed.end(1)
        return end, end  # "casualties in Russia estimated at": a place, not who estimates
    if (
        e > s
        and _APPOSITIVE_RE.match(sentence, s, e)
        and _COMMA_END_RE.search(sentence[floor:s])
        and "," in sentence[e:verb_start]  # "X, a think tank, said"; not "..., a US official told"
    ):
        # "The Institute for the Study of War, a Washington-based think tank, said"
        comma = sentence.rfind(",", floor, s)
        s2, e2 = _np_tokens_backward(sentence, floor, comma)
        if e2 > s2 and not _PARTITIVE_BEFORE_RE.search(sentence, max(floor, s2 - 30), s2):
            return s2, e2
        # "One of the sources, a Ukrainian security official, said": the appositive says who.
        return s, e
    partitive = _PARTITIVE_BEFORE_RE.search(sentence, max(floor, s - 30), s) if e > s else None
    if partitive and sentence[s:e].lower().startswith("the "):
        return partitive.start(), e  # "two of the sources said": some of them, not all
    return s, e


def _trail(text: str) -> re.Match[str] | None:
    """The auxiliaries and adverbs that end ``text`` ("has also previously"). Read from near
    the end; from the start only when they may reach further back."""
    near = max(0, len(text) - 2 * _TRAIL_STEP)
    trail = _NP_TRAIL_RE.search(text, near)
    if near and (trail is None or trail.start() < near + _TRAIL_STEP):
        trail = _NP_TRAIL_RE.search(text)
    return trail


# No auxiliary or adverb of a trail is this long: a trail that starts this far after where
# the search began cannot have started before it.
_TRAIL_STEP = 60


def _np_tokens_backward(sentence: str, floor: int, end: int) -> tuple[int, int]:
    """The tokens of a claimant's name, read backwards from ``end``: those of the last
    characters first, all of them only if the name may reach further back."""
    while end > floor and sentence[end - 1] in " ,":
        end -= 1  # an appositive name: "Ukraine's intelligence chief, Kyrylo Budanov, said"
    near = max(floor, end - _NAME_STEP)
    if near > floor:
        found = _name_tokens(sentence, near, end, complete=False)
        if found is not None:
            return found
    found = _name_tokens(sentence, floor, end, complete=True)
    assert found is not None
    return found


# Most names end within this many characters of their verb: they are read from there first.
_NAME_STEP = 80


def _name_tokens(sentence: str, floor: int, end: int, complete: bool) -> tuple[int, int] | None:
    """The name read from the tokens of ``sentence[floor:end]``; None when ``complete`` is
    False and the name (or the two tokens before it, which the rules look at) may continue
    before ``floor``."""
    matches = list(_TOKEN_RE.finditer(sentence, floor, end))
    tokens = [m.group(0) for m in matches]
    chosen: list[int] = []
    taken: list[str] = []
    stop = -1  # the token where the name stopped; the rules looked two tokens before it
    for index in range(len(tokens) - 1, -1, -1):
        verdict = _np_token_verdict(tokens, index, taken)
        if verdict is not None:
            chosen.append(index)
            taken.append(tokens[index])
        if verdict is not True:
            stop = index
            break
    if not complete and stop < 3:
        return None  # the first token may be cut: read the whole window
    while chosen and _dangles(tokens, chosen):
        chosen.pop()
    if not chosen:
        return end, end
    return matches[chosen[-1]].start(), matches[chosen[0]].end()


_ORDINAL_RE = re.compile(r"\d{1,3}(?:st|nd|rd|th)")


def _np_token_verdict(tokens: list[str], index: int, chosen: list[str]) -> bool | None:
    """Whether ``tokens[index]`` belongs to the name: True (go on), False (take it and stop),
    None (leave it and stop). ``chosen`` holds the tokens taken so far, last first read."""
    word = tokens[index]
    lower = word.lower()
    before = tokens[index - 1].lower() if index > 0 else ""
    two_before = tokens[index - 2].lower() if index > 1 else ""
    last = chosen[-1] if chosen else ""
    if lower == "the" and chosen and last[0].isupper() and (
        before in ("of", "for", "at") or (before == "to" and two_before == "close")
    ):
        return True
    if lower == "the" and before in ("of", "for", "at") and two_before in SPEAKERS_FOR_A_BODY:
        return True  # "A spokeswoman for the service": the name goes on to who speaks
    if lower in ("of", "for", "at") and last in ("the", "The"):
        return True
    if lower == "to" and before == "close" and chosen:
        return True  # "sources close to the Kremlin"
    if lower == "in" and len(chosen) == 1 and last[0].isupper() and before in CLAIMANT_HEADS and (
        last.lower() not in DATE_WORDS
    ):
        return True  # "The General Staff in Kyiv", "intelligence officials in Seoul"
    if word == ",":
        # Coordinations of claimant modifiers: "South Korean, U.S., and Ukrainian agencies".
        return True if "and" in chosen else None
    if lower == "and" and chosen and last[0].isupper():
        return True
    if "and" in chosen and word[0].isupper() and lower in DATE_WORDS:
        return None  # "in March, and Ukraine's General Staff says": a date ends a clause
    if lower in ("the", "a", "an"):
        return False
    if _ORDINAL_RE.fullmatch(lower) and chosen and last[0].isupper():
        return True  # "the 47th Mechanized Brigade"
    if lower in ("here", "there") and not chosen and before[:1].isalpha():
        return True  # "Officials here estimate", "doctors there say"
    if lower in PRONOUNS and not chosen:
        return False
    if lower in ("our", "my") and chosen and chosen[0].lower() in _OWN_UNIT_HEADS:
        return False  # "After one assault our battalion counted": the speaker's own unit
    if word[0].isupper() or word.startswith("(") or lower in CLAIMANT_LOWER_WORDS or (
        lower in ("’s", "'s", "of") and chosen
    ):
        return True
    return None


def _dangles(tokens: list[str], chosen: list[int]) -> bool:
    """A name does not begin with a comma, "and", "of" or "of the"."""
    first = tokens[chosen[-1]]
    if first in (",", "and", "of", "for", "at"):
        return True
    return first == "the" and len(chosen) > 1 and tokens[chosen[-2]] in ("of", "for", "at")


_CAPITAL_NEXT_RE = re.compile(r"\s+[A-Z]")
_FOR_NAME_NEXT_RE = re.compile(r"\s+(?:the\s+)?[A-Z]")
# An article and one or two lower-case words right before a capitalised name.
_LOWER_BEFORE_NAME_RE = re.compile(
    r"((?:the|a|an)\s+(?:(?!(?:in|at|of|for|from|on|near|to|by|with|and|or)\s)[a-z][\w-]*\s+){1,2})"
    r"(?=[A-Z])"
)


def _np_forward(sentence: str, pos: int) -> tuple[int, int]:
    """The noun phrase that starts at ``pos`` ("according to the NIS, ...")."""
    last_end = pos
    first = True
    leading = _LOWER_BEFORE_NAME_RE.match(sentence, pos)
    if leading:
        # "the volunteer project Memorial Roll": words that describe the name before it
        pos_scan = leading.end(1)
        last_end, first = pos_scan, False
    else:
        pos_scan = pos
    for tok in _FORWARD_TOKEN_RE.finditer(sentence, pos_scan):
        word = tok.group(0)
        lower = word.lower()
        if word in (",", ";", ":"):
            break
        if first and lower in ("the", "a", "an"):
            last_end = tok.end()
            first = False
            continue
        first = False
        if lower == "the" and sentence.endswith((" of", " for"), 0, last_end) and (
            _CAPITAL_NEXT_RE.match(sentence, tok.end())
        ):
            last_end = tok.end()  # "Book of the Fallen", "Institute for the Study of War"
            continue
        if lower == "for" and last_end > pos and _FOR_NAME_NEXT_RE.match(sentence, tok.end()):
            last_end = tok.end()
            continue
        named = lower.rstrip(".") in CLAIMANT_LOWER_WORDS
        if word[0].isupper() or word.startswith("(") or named or (
            lower in ("’s", "'s", "of") or lower.endswith(("’s", "'s"))
        ):
            last_end = tok.end()
            continue
        break
    text = _TRAILING_OF_RE.sub("", sentence[pos:last_end].rstrip("."))
    return pos, pos + len(text)


# -- names ---------------------------------------------------------------------------------------


def resolve_claimant(raw: str, context: Context) -> str | None:
    """The claimant that words such as "he", "the secretary" or "Austin" name, in context."""
    resolved = _resolve_name(raw, context)
    return resolved[0] if resolved else None


def _resolve_name(raw: str, context: Context) -> tuple[str, bool] | None:
    """A claimant as the text names it -> (name to show, whether it is a person)."""
    text = re.sub(r"(?:'s|’s)$", "", " ".join(raw.split()).strip(" ,."))  # "the agency's"
    if text.count("(") != text.count(")"):
        text = text.strip("()")  # "(South Korean estimate)" cut at its bracket
    if not text:
        return None
    lower = text.lower()
    if lower in PRONOUNS or lower in _POSSESSIVES:
        return _resolve_pronoun(lower, context)
    if _OWN_UNIT_RE.fullmatch(lower):
        return _resolve_pronoun("we", context)  # "Our battalion has counted": the speaker's
    part = _PARTITIVE_NAME_RE.match(text)
    if part is not None:
        whole = _resolve_name(part.group("whole"), context)
        if whole is not None and any(c.isupper() for c in whole[0]):
            return whole  # "One of the officials" after "NIS officials": the NIS's
        return text, False  # "two of the sources": as written
    words = text.split()
    if all(w.lower().strip(".,") in DATE_WORDS for w in words):
        return None  # "said Tuesday": a day, not a claimant
    if words[0].lower() == "the" and len(words) > 1 and all(
        w.islower() and w in CLAIMANT_LOWER_WORDS for w in words[1:]
    ):
        # "the agency", "the intelligence agency": the nearest earlier claimant of that kind.
        person = any(w.lower() in PERSON_TITLES for w in words[1:])
        name = (
            context.resolve_head(words[-1])
            or _own_body(context, words[-1], person)
            or (None if words[-1] in _OWN_KIND_HEADS else context.resolve(person))
        )
        return (name, person) if name else (" ".join(words[1:]), person)
    if not any(w[0].isupper() for w in words) and not any(
        w.lower() in CLAIMANT_HEADS for w in words
    ):
        return None
    owner = _OWNER_OF_DATA_RE.match(text)
    if owner:
        return _resolve_name(owner.group(1), context)
    spoken_for = _SPEAKER_FOR_BODY_RE.match(text)
    if spoken_for:
        body = _resolve_name(spoken_for.group("body"), context)
        if body is not None:
            # "A spokeswoman for the service": the service's claim; "she" and "he" still
            # point back to the spokeswoman.
            return body[0], True
    return _named(text)


# "Our battalion", "my company": the speaker's own unit speaks with the speaker's voice.
_OWN_UNIT_HEADS = frozenset(
    ("brigade", "battalion", "company", "platoon", "regiment", "unit", "division", "squad",
     "crew", "team", "detachment", "corps")
)  # fmt: skip
_OWN_UNIT_RE = re.compile(
    rf"(?:our|my)\s+(?:own\s+)?(?:[a-z-]+\s+)?(?:{alternation(_OWN_UNIT_HEADS)})"
)


# Bodies of a kind of their own: "the regional military administration" points back only to
# an administration named before, never to whichever body was named last.
_OWN_KIND_HEADS = frozenset(
    (
        "administration", "headquarters", "governor", "mayor", "ombudsman", "commissioner",
        "council", "committee", "parliament", "delegation", "mission", "prosecutor",
    )
)
_PARTITIVE_NAME_RE = re.compile(r"^\w+\s+of\s+(?P<whole>the\s+[a-z][\w\s-]*)$")
_SPEAKER_FOR_BODY_RE = re.compile(
    rf"(?:an?|the|one)\s+(?:\w+\s+)?(?:{alternation(SPEAKERS_FOR_A_BODY)})\s+(?:for|of|at)\s+"
    r"(?P<body>(?:the\s+)?[\w'’.-]+(?:\s+[\w'’.-]+){0,6})$",
    re.IGNORECASE,
)


def _own_body(context: Context, head: str, person: bool) -> str | None:
    """"according to the ministry" where no ministry was named before: the document's own
    voice when that is a ministry."""
    voice = context.voice
    if person or not voice or not re.search(rf"\b{re.escape(head)}\b", voice, re.IGNORECASE):
        return None
    return voice


@lru_cache(maxsize=4096)
def _named(text: str) -> tuple[str, bool]:
    """A claimant named outright (no pronoun, no "the agency") -> (name to show, person)."""
    if text.split()[0].lower() in ("the", "a", "an") and " " in text:
        text = " ".join(text.split()[1:])  # "a Western official": the official, no article
    at = _PERSON_AT_BODY_RE.match(text)
    if at and is_person(at.group(1)):
        text = at.group(1)  # "Kateryna Ivanova at the Kyiv Institute" speaks for herself
    if text.split()[-1].lower() in PERSON_TITLES:
        return (text, True)  # "Ukraine's military intelligence chief": the chief, not the body
    canonical = canonical_claimant(text)
    if canonical is not None and text.split()[-1].lower() in _MEMBER_HEADS:
        # "A Ukrainian military intelligence official": one of the body's people speaks, as
        # the text names them, not the body under its short name.
        return (text, text.split()[-1].lower() in ("official", "officer"))
    person = is_person(text) or (canonical is not None and is_person(canonical))
    return (canonical or text, person)


_MEMBER_HEADS = frozenset(("official", "officials", "officer", "officers", "source", "sources"))


def _resolve_pronoun(pronoun: str, context: Context) -> tuple[str, bool] | None:
    """"we"/"I"/"our" are the speaker, else the document's own voice; "he"/"she" the last
    person, "it"/"its" the last body."""
    pronoun = _POSSESSIVES.get(pronoun, pronoun)
    if pronoun in ("we", "i"):
        own = context.own_voice()
        return (own[0], own[1] is Voice.SPEAKER) if own else None
    if pronoun in ("he", "she") and context.quoted_by:
        # '"He told us, \'Another 3,000 ...\'" said a Ukrainian officer': "he" inside a
        # quotation is someone its speaker speaks of, not the narration's last person; the
        # speaker relays what he said.
        return context.quoted_by, is_person(context.quoted_by)
    if pronoun in ("he", "she"):
        name = context.resolve(True) or context.speaker
        return (name, True) if name else None
    if pronoun == "they":
        name = context.resolve(None)
        return (name, False) if name else None
    name = context.resolve(False)
    return (name, False) if name else None
