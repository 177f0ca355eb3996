"""Who says so: the claimants a sentence names, and what "he", "the agency" or "it" point back to.

Attribution reads "according to X", "X said", "X's estimate", end attribution (", X said."),
passive reports ("put at 70,000 by X"), transcript speakers and labels ("NIS:"), and resolves
pronouns and definite descriptions against the claimants of earlier sentences.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from bot.facts import lexicon as lx
from bot.facts.aliases import canonical_claimant
from bot.facts.trie import trie_pattern

if TYPE_CHECKING:
    from bot.facts.claims import Claim


_ATTRIB_VERB_RE = re.compile(
    r"\b" + trie_pattern(lx.ATTRIBUTION_VERBS.split("|")) + r"\b", re.IGNORECASE
)
_ACCORDING_RE = re.compile(
    r"\b(?:according\s+to|citing|in\s+the\s+(?:words|view|estimate|assessment)\s+of"
    r"|(?:relayed|provided|given|shared|passed)\s+(?:to\s+\w+\s+)?by"
    r"|by(?=\s+(?:[A-Z][\w'’.-]*\s+)+(?:estimates?|counts?|figures|assessments?|tally)\b)"
    r"|(?:reported|estimated|cited|confirmed|released|published|given|provided|claimed|announced"
    r"|stated)\s+by|per)\s+",
    re.IGNORECASE,
)
# Verbs that name an actor without making the sentence's numbers theirs ("X denied ...").
_MENTION_ONLY_RE = re.compile(
    r"\b(?:comment|commented|declined|denied|denies|deny|rejected|rejects|dismissed|dismisses"
    r"|responded|refused|refuses)\b",
    re.IGNORECASE,
)
_POSSESSIVE_ESTIMATE_RE = re.compile(
    r"(?P<np>(?:[A-Z][\w.&-]*(?:\s+|’s\s+|'s\s+))*[A-Z][\w.&-]*)(?:'s|’s)?\s+"
    r"(?:[a-z][\w-]*\s+){0,2}"
    r"(?P<head>assessments?|estimates?|figures?|count|tally|data|calculations?|intelligence)\b"
)
_INVERTED_RE = re.compile(
    rf"\b(?:{lx.ATTRIBUTION_VERBS})\s+(?=(?:the\s+)?[A-Z])", re.IGNORECASE
)
_NOUN_USE_RE = re.compile(
    r"(?:['’]s|\b(?:the|a|an|his|her|its|their|these|those|such|new|latest|earlier|initial"
    r"|official|unconfirmed|some))\s+$",
    re.IGNORECASE,
)
_NEG_VERB_CONTEXT_RE = re.compile(r"\b(?:it\s+is|it\s+was|has\s+been|have\s+been)\s*$", re.I)


@dataclass(frozen=True, slots=True)
class ClaimantMention:
    start: int
    end: int
    name: str
    person: bool
    raw: str = ""
    attributes: bool = True


@dataclass(slots=True)
class Context:
    """What earlier sentences of the document established: claimants, speaker, last subject."""

    claimants: list[ClaimantMention] = field(default_factory=list)
    speaker: str | None = None
    speaker_labels: int = 0
    label_line: bool = False
    last_subject: str | None = None
    last_subject_age: int = 99
    last_claim: Claim | None = None
    last_claim_age: int = 99

    def remember(self, mention: ClaimantMention) -> None:
        self.claimants.append(mention)
        del self.claimants[:-8]

    def resolve(self, want_person: bool | None, head: str | None = None) -> str | None:
        """The nearest earlier claimant; one whose own words share ``head`` comes first."""
        if head:
            for mention in reversed(self.claimants):
                if re.search(rf"\b{re.escape(head)}\b", mention.raw, re.IGNORECASE):
                    return mention.name
        for mention in reversed(self.claimants):
            if want_person is None or mention.person == want_person:
                return mention.name
        return None

    def count_speaker_turns(self, text: str) -> None:
        """A document with two or more speaker labels is a transcript: turns span paragraphs."""
        self.speaker_labels = sum(
            1 for line in text.splitlines()[:400] if lx.SPEAKER_RE.match(line.lstrip())
        )

    def new_line(self, blank_line: bool) -> None:
        """A speaker's turn ends with its line, or its paragraph in a transcript; a label on a
        line of its own ("Luke Pollard:") opens the turn on the lines that follow."""
        if self.label_line:
            self.label_line = False
        elif not blank_line or self.speaker_labels < 2:
            self.speaker = None
        if not blank_line:
            self.last_subject_age += 1  # a list item or headline is not the previous one's


LOWER_WORD_RE = re.compile(r"[a-z]+")
_MENTION_WORDS = frozenset(lx.ATTRIBUTION_VERBS.split("|")) | frozenset(
    """according citing cited by per words view comment commented declined denied denies deny
    rejected rejects dismissed dismisses responded refused refuses""".split()
)
_ACCORDING_WORDS = frozenset(
    "according citing per words view estimate assessment by".split()
)
_MENTION_ONLY_WORDS = frozenset(
    """comment commented declined denied denies deny rejected rejects dismissed dismisses
    responded refused refuses""".split()
)
_PUBLISHING_WORDS = frozenset(
    "posted published released issued shared announced reported showed presented briefed gave"
    " provided".split()
)
_ESTIMATE_HEADS = frozenset(
    """assessment assessments estimate estimates figure figures count tally data calculation
    calculations intelligence""".split()
)


def claimant_mentions(
    sentence: str, words: frozenset[str], context: Context, start: int
) -> list[ClaimantMention]:
    verbs = not words.isdisjoint(_MENTION_WORDS)
    estimates = not words.isdisjoint(_ESTIMATE_HEADS)
    candidates: list[tuple[int, int, bool]] = []
    taken: list[tuple[int, int]] = []

    def add(s: int, e: int, raw: str, attributes: bool = True) -> None:
        if e <= s or any(not (e <= ts or s >= te) for ts, te in taken):
            return
        candidates.append((s, e, attributes))
        taken.append((s, e))

    label = _TRAILING_LABEL_RE.search(sentence, start) if ":" in sentence else None
    if label:
        add(label.start(1), label.end(1), label.group(1))
    inner = lx.SPEAKER_RE.match(sentence[start:]) if start else None
    if inner and inner.group("label").lower() not in lx.NOT_SPEAKER_LABELS:
        # "@KyivIndependent: Ukraine's military intelligence (HUR): At least 30 ..."
        add(start + inner.start("label"), start + inner.end("label"), inner.group("label"))
    if not (verbs or estimates):
        return _resolve_in_order(sentence, candidates, context)
    for m in _FAMILIAR_SOURCES_RE.finditer(sentence, start) if "sources" in words else ():
        add(m.start(1), m.end(1), m.group(1))
    for m in _QUOTED_AS_RE.finditer(sentence, start) if "quoted" in words else ():
        s, e = _np_forward(sentence, m.end())
        add(s, e, sentence[s:e])

    according = not words.isdisjoint(_ACCORDING_WORDS)
    for m in _ACCORDING_RE.finditer(sentence, start) if according else ():
        if m.group(0).lower().startswith("citing"):
            taken.append(_np_forward(sentence, m.end()))
            continue
        s, e = _np_forward(sentence, m.end())
        add(s, e, sentence[s:e])
    for m in _ATTRIB_VERB_RE.finditer(sentence, start) if verbs else ():
        if _NEG_VERB_CONTEXT_RE.search(sentence, max(0, m.start() - 12), m.start()):
            continue
        if _NOUN_USE_RE.search(sentence, max(0, m.start() - 12), m.start()):
            continue  # "Zelenskyy's claims", "the estimates": a noun, not a verb
        s, e = _np_backward(sentence, m.start(), start)
        if e > s:
            add(s, e, sentence[s:e])
        elif _INVERTED_RE.match(sentence, m.start()) and _ends_sentence_after(sentence, m.end()):
            s, e = _np_forward(sentence, m.end())
            add(s, e, sentence[s:e])
    denials = not words.isdisjoint(_MENTION_ONLY_WORDS)
    for m in _MENTION_ONLY_RE.finditer(sentence, start) if denials else ():
        s, e = _np_backward(sentence, m.start(), start)
        add(s, e, sentence[s:e], attributes=False)
    for m in _POSSESSIVE_ESTIMATE_RE.finditer(sentence, start) if estimates else ():
        np_start = m.start("np")
        np = m.group("np")
        if np.split()[0] in ("The", "In", "A", "An", "By", "According"):
            continue
        if " " not in np and np_start <= start + 1:
            continue  # "Rough count ...": capitalised only because it starts the sentence
        add(np_start, m.end("head"), sentence[np_start:m.end("head")])
    for m in _OWNED_ESTIMATE_RE.finditer(sentence, start) if estimates else ():
        # "By the agency's latest count", "Their estimate is that ...": the owner claims it.
        add(m.start("owner"), m.end("owner"), m.group("owner"))
    for m in _PASSIVE_BY_RE.finditer(sentence, start) if "by" in words else ():
        s, e = _np_forward(sentence, m.end())
        add(s, e, sentence[s:e])
    subject = (
        _SUBJECT_NP_RE.match(sentence, start) if not words.isdisjoint(_PUBLISHING_WORDS) else None
    )
    if subject and not any(s <= subject.start() < e for s, e in taken):
        # The sentence's own subject, for a later "it said" / "he added" to point back to.
        add(subject.start(1), subject.end(1), subject.group(1), attributes=False)
    return _resolve_in_order(sentence, candidates, context)


def _resolve_in_order(
    sentence: str, candidates: list[tuple[int, int, bool]], context: Context
) -> list[ClaimantMention]:
    """Names resolved left to right, so that "it said" can point back within the sentence."""
    mentions: list[ClaimantMention] = []
    local = Context(claimants=list(context.claimants), speaker=context.speaker)
    for s, e, attributes in sorted(candidates):
        raw = sentence[s:e]
        resolved = _resolve_name(raw, local)
        if resolved is None:
            continue
        name, person = resolved
        mention = ClaimantMention(s, e, name, person, raw, attributes)
        mentions.append(mention)
        local.remember(mention)
    return mentions


_FAMILIAR_SOURCES_RE = re.compile(
    r"((?:(?:\w+|a\s+number\s+of)\s+)?sources?\s+(?:familiar\s+with|close\s+to|briefed\s+on"
    r"|with\s+knowledge\s+of)\s+(?:the\s+)?[\w'’-]+(?:\s+[\w'’-]+)?)"
    r"(?=,?\s+(?:told|said|say|says)\b)",
    re.IGNORECASE,
)
_OWNED_ESTIMATE_RE = re.compile(
    r"\b(?P<owner>[Tt]he\s+[a-z]+(?=(?:'s|’s)\s)|[Tt]heir|[Ii]ts|[Hh]is|[Hh]er)(?:'s|’s)?\s+"
    r"(?:latest\s+|own\s+|new\s+|updated\s+|official\s+|best\s+)?"
    r"(?:count|estimate|estimates|tally|figures|data|assessment|calculation)\b"
)
# "were put at more than 70,000 by Russia's Defense Ministry": the agent of a passive report.
_PASSIVE_BY_RE = re.compile(
    r"\b(?:put|placed|estimated|reported|given|assessed|counted|confirmed|tallied|calculated)"
    r"\s+at\s+(?:[^,;]|,\d){1,40}?\bby\s+(?=(?:the\s+)?[A-Z])"
)
_TRAILING_LABEL_RE = re.compile(r"(?::|\s[—–-])\s+((?:[A-Z][\w.'’&-]*\s*){1,4})\s*$")
_QUOTED_AS_RE = re.compile(r"\bquoted\s+(?=(?:the\s+)?[A-Z].{0,80}?\bas\s+saying\b)")
_SUBJECT_NP_RE = re.compile(
    r"((?:(?:A|An|The)\s+)?(?:[A-Z][\w'’.-]*\s+){0,4}(?:[a-z][\w-]*\s+){0,2}"
    r"(?:unit|brigade|battalion|regiment|agency|ministry|service|office|command|staff|army"
    r"|military|spokesman|spokeswoman|official|officials|commander|president|minister"
    r"|[A-Z][\w'’.-]*))\s+(?:has\s+|had\s+|have\s+)?(?:"
    + "|".join(sorted(_PUBLISHING_WORDS))
    + r")\b"
)


_DATE_WORDS = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday today yesterday tonight
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec morning afternoon evening night last this
    on week month year earlier later""".split()
)


def _ends_sentence_after(sentence: str, pos: int) -> bool:
    return not re.search(r"\b(?:that|\d)", sentence[pos:pos + 80])




def _np_backward(sentence: str, verb_start: int, floor: int) -> tuple[int, int]:
    """The noun phrase that ends right before a verb ("the NIS", "Ukrainian President ...")."""
    text = sentence[floor:verb_start]
    trail = _NP_TRAIL_RE.search(text)
    if trail and _BE_RE.search(trail.group(0)) and not _PROGRESSIVE_RE.match(sentence, verb_start):
        return verb_start, verb_start  # "X is believed to have sent": passive, X does not claim
    end = floor + (trail.start() if trail else len(text))
    paren = _NP_PARENTHETICAL_RE.search(sentence[floor:end])
    if paren:
        end = floor + paren.start()
    s, e = _np_tokens_backward(sentence, floor, end)
    if e > s and _PREPOSITION_BEFORE_RE.search(sentence, max(floor, s - 8), s) and (
        _ONLY_A_PLACE_RE.fullmatch(sentence[s:e])
    ):
        return end, end  # "casualties in Russia estimated at": a place, not who estimates
    if e > s and re.match(r"(?:an?|one)\s", sentence[s:e], re.IGNORECASE) and re.search(
        r",\s*$", sentence[floor:s]
    ):
        # "The Institute for the Study of War, a Washington-based think tank, said"
        comma = sentence.rfind(",", floor, s)
        s2, e2 = _np_tokens_backward(sentence, floor, comma)
        if e2 > s2:
            return s2, e2
    return s, e


_BE_RE = re.compile(r"\b(?:are|is|were|was|been)\b")
_PROGRESSIVE_RE = re.compile(r"\w+ing\b")
_PREPOSITION_BEFORE_RE = re.compile(r"\b(?:in|into|to|from|on|at|near)\s+$")
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
    r",\s+(?:citing|quoting|referring\s+to|using|based\s+on|drawing\s+on|relying\s+on"
    r"|in\s+a\s+\w+|speaking\s+\w+|meanwhile|however|though|too|also|for\s+(?:its|their|his|her)"
    r"\s+part|in\s+turn|by\s+contrast|in\s+contrast)[^,]{0,80},\s*$"
)


def _np_tokens_backward(sentence: str, floor: int, end: int) -> tuple[int, int]:
    while end > floor and sentence[end - 1] in " ,":
        end -= 1  # an appositive name: "Ukraine's intelligence chief, Kyrylo Budanov, said"
    tokens = list(re.finditer(r"[\w.&’'()-]+|,", sentence[floor:end]))
    chosen: list[re.Match[str]] = []
    for index in range(len(tokens) - 1, -1, -1):
        tok = tokens[index]
        word = tok.group(0)
        lower = word.lower()
        before = tokens[index - 1].group(0).lower() if index > 0 else ""
        two_before = tokens[index - 2].group(0).lower() if index > 1 else ""
        if lower == "the" and chosen and chosen[-1].group(0)[0].isupper() and (
            before in ("of", "for", "at") or (before == "to" and two_before == "close")
        ):
            chosen.append(tok)
            continue
        if lower in ("of", "for", "at") and chosen and chosen[-1].group(0) in ("the", "The"):
            chosen.append(tok)
            continue
        if lower == "to" and before == "close" and chosen:
            chosen.append(tok)  # "sources close to the Kremlin"
            continue
        if word == ",":
            # Coordinations of claimant modifiers: "South Korean, U.S., and Ukrainian agencies".
            if any(c.group(0) == "and" for c in chosen):
                chosen.append(tok)
                continue
            break
        if lower == "and" and chosen and chosen[-1].group(0)[0].isupper():
            chosen.append(tok)
            continue
        if lower in ("the", "a", "an"):
            chosen.append(tok)
            break
        if lower in lx.PRONOUNS and not chosen:
            chosen.append(tok)
            break
        if word[0].isupper() or word.startswith("(") or lower in lx.CLAIMANT_LOWER_WORDS or (
            lower in ("’s", "'s", "of") and chosen
        ):
            chosen.append(tok)
            continue
        break
    while (chosen and chosen[-1].group(0) in (",", "and", "of", "for", "at")) or (
        chosen and chosen[-1].group(0) == "the" and len(chosen) > 1
        and chosen[-2].group(0) in ("of", "for", "at")
    ):
        chosen.pop()
    if not chosen:
        return end, end
    return floor + chosen[-1].start(), floor + chosen[0].end()


def _np_forward(sentence: str, pos: int) -> tuple[int, int]:
    tokens = re.finditer(r"[\w.&’'()-]+|[,;:]", sentence[pos:])
    last_end = 0
    first = True
    for tok in tokens:
        word = tok.group(0)
        lower = word.lower()
        if word in (",", ";", ":"):
            break
        if first and lower in ("the", "a", "an"):
            last_end = tok.end()
            first = False
            continue
        first = False
        if word[0].isupper() or word.startswith("(") or lower in lx.CLAIMANT_LOWER_WORDS or (
            lower in ("’s", "'s", "of") or lower.endswith(("’s", "'s"))
        ):
            last_end = tok.end()
            continue
        break
    text = sentence[pos:pos + last_end].rstrip(".")
    text = re.sub(r"\s+of$", "", text)
    return pos, pos + len(text)


def _resolve_name(raw: str, context: Context) -> tuple[str, bool] | None:
    """A claimant as the text names it -> (name to show, whether it is a person)."""
    text = " ".join(raw.split()).strip(" ,.")
    if not text:
        return None
    lower = text.lower()
    if lower in ("we", "i"):
        return (context.speaker, True) if context.speaker else None
    if lower in ("he", "she"):
        name = context.resolve(True) or context.speaker
        return (name, True) if name else None
    if lower == "they":
        name = context.resolve(None)
        return (name, False) if name else None
    if lower == "it":
        name = context.resolve(False)
        return (name, False) if name else None
    words = text.split()
    if all(w.lower().strip(".,") in _DATE_WORDS for w in words):
        return None  # "said Tuesday": a day, not a claimant
    if words[0].lower() == "the" and len(words) > 1 and all(
        w.islower() and w in lx.CLAIMANT_LOWER_WORDS for w in words[1:]
    ):
        # "the agency", "the intelligence agency": the nearest earlier claimant of that kind.
        person = any(w.lower() in lx.PERSON_TITLES for w in words[1:])
        name = context.resolve(person, head=words[-1]) or context.resolve(None)
        return (name, person) if name else (" ".join(words[1:]), person)
    if not any(w[0].isupper() for w in words) and not any(
        w.lower() in lx.CLAIMANT_HEADS for w in words
    ):
        return None
    owner = re.match(
        r"(.+?)(?:'s|’s)\s+(?:own\s+|latest\s+|official\s+)?(?:data|figures|estimates?|count"
        r"|tally|statistics|numbers|assessments?)$",
        text,
    )
    if owner:
        return _resolve_name(owner.group(1), context)
    if words[0].lower() == "the":
        text = " ".join(words[1:])
    at = re.match(r"((?:[A-Z][\w'’.-]*\s+){1,3}[A-Z][\w'’.-]*)\s+at\s+the\s+", text)
    if at and is_person(at.group(1)):
        text = at.group(1)  # "Kateryna Ivanova at the Kyiv Institute" speaks for herself
    canonical = canonical_claimant(text)
    person = is_person(text)
    return (canonical or text, person)


def is_person(text: str) -> bool:
    words = text.replace("(", " ").replace(")", " ").split()
    lowered = {w.lower().strip(",") for w in words}
    if lowered & lx.ORG_WORDS:
        return False
    if lowered & lx.PERSON_TITLES:
        return True
    capitals = [w for w in words if w[0].isupper() and not w.isupper()]
    return len(capitals) >= 2 and len(words) <= 4


def tidy_speaker(label: str) -> str:
    named = re.search(r"\(((?:[A-Z][\w'’.-]*\s+)+[A-Z][\w'’.-]*)\)", label)
    if named and is_person(named.group(1)):
        label = named.group(1)  # "The Minister for the Armed Forces (Luke Pollard)"
    label = re.sub(r"\s*\([^)]*\)", "", label).strip()
    if label.isupper():
        label = " ".join(w.capitalize() for w in label.split())
    return canonical_claimant(label) or label
