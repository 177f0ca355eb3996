"""A quantity in a sentence -> a claim (metric, subject, claimant), or nothing.

The rules read the words around each number: the noun it counts, the verbs near it, the
forces named beside it and who the sentence says is speaking. Anything they cannot place with
confidence is dropped: a missing figure is better than a wrong one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from bot.facts import lexicon as lx
from bot.facts.aliases import subject_aliases
from bot.facts.attribution import (
    LOWER_WORD_RE,
    ClaimantMention,
    Context,
    claimant_mentions,
    is_person,
    tidy_speaker,
)
from bot.facts.dates import DateMention
from bot.facts.model import Metric
from bot.facts.numbers import Quantity


@dataclass(frozen=True, slots=True)
class Claim:
    quantity: Quantity
    metric: Metric
    subject: str
    source: str | None
    date: DateMention | None
    additional: bool


@dataclass(frozen=True, slots=True)
class _Alias:
    start: int
    end: int
    subject: str


class ClaimReader:
    """Turns the quantities of one sentence into claims; built once per subject setting."""

    def __init__(self, subjects: Sequence[str]) -> None:
        self.subjects = frozenset(subjects)
        self._alias_re, self._alias_table = subject_aliases(subjects)

    # -- forces -------------------------------------------------------------------------
    def aliases(self, sentence: str) -> list[_Alias]:
        table = self._alias_table
        # "the North" is matched with any spacing; every other alias is matched as written.
        return [
            _Alias(m.start(), m.end(), table.get(m.group(), "North Korea"))
            for m in self._alias_re.finditer(sentence)
        ]

    def aliases_in(self, sentence: str, mentions: Sequence[ClaimantMention]) -> list[_Alias]:
        """Forces named inside the claimants' own words ("Nepal", "Ukraine's military")."""
        found: list[_Alias] = []
        for mention in mentions:
            for alias in self.aliases(sentence[mention.start:mention.end]):
                found.append(_Alias(mention.start + alias.start, mention.start + alias.end,
                                    alias.subject))
        return found

    # -- the whole sentence ----------------------------------------------------------------
    def read(
        self,
        sentence: str,
        quantities: Sequence[Quantity],
        dates: Sequence[DateMention],
        context: Context,
        aliases: Sequence[_Alias] | None = None,
        words: frozenset[str] | None = None,
    ) -> list[Claim]:
        speaker_end = self._update_speaker(sentence, context)
        if aliases is None:
            aliases = self.aliases(sentence)
        if words is None:
            words = frozenset(LOWER_WORD_RE.findall(sentence.lower()))
        if quantities and _states_no_figures(sentence, words, dates):
            quantities = ()
        mentions = claimant_mentions(sentence, words, context, speaker_end)
        claimant_spans = [(m.start, m.end) for m in mentions]
        interesting = [a for a in aliases if not _inside(a.start, claimant_spans)]

        quantities = [
            q for q in quantities
            if q.num_start >= speaker_end
            and not _overlaps_date(q, dates) and not _is_not_a_count(sentence, q)
        ]
        claims: list[Claim] = []
        previous: Claim | None = None
        prev_end = speaker_end
        for index, q in enumerate(quantities):
            next_start = quantities[index + 1].num_start if index + 1 < len(quantities) else None
            before = quantities[index - 1] if index else None
            claim = self._read_one(sentence, q, dates, interesting, mentions, context,
                                   previous, prev_end, next_start, before)
            prev_end = q.end
            if claim is not None:
                claims.append(claim)
                previous = claim
        for mention in mentions:
            context.remember(mention)
        subjects_here = [
            a.subject for a in interesting
            if a.subject in self.subjects and not _after_destination(sentence, a)
        ]
        context.last_claim_age += 1
        if claims:
            context.last_claim, context.last_claim_age = claims[-1], 0
            context.last_subject, context.last_subject_age = claims[-1].subject, 0
        elif subjects_here:
            context.last_subject, context.last_subject_age = subjects_here[-1], 0
        else:
            context.last_subject_age += 1
        return claims

    def _update_speaker(self, sentence: str, context: Context) -> int:
        m = lx.SPEAKER_RE.match(sentence)
        if not m:
            alone = lx.SPEAKER_LINE_RE.match(sentence)
            if alone and is_person(tidy_speaker(alone.group("label"))):
                context.speaker = tidy_speaker(alone.group("label"))
                context.label_line = True
            return 0
        label = m.group("label").strip()
        if label.lower() in lx.NOT_SPEAKER_LABELS or (label.isupper() and len(label) > 40):
            return 0
        if label.upper() in lx.QUESTIONER_LABELS:
            context.speaker = None
        elif label.upper() not in lx.ANSWER_LABELS:
            context.speaker = tidy_speaker(label)
        return m.end()

    # -- one quantity --------------------------------------------------------------------------
    def _read_one(
        self,
        sentence: str,
        q: Quantity,
        dates: Sequence[DateMention],
        aliases: Sequence[_Alias],
        mentions: Sequence[ClaimantMention],
        context: Context,
        previous: Claim | None,
        prev_end: int,
        next_start: int | None,
        before: Quantity | None = None,
    ) -> Claim | None:
        if lx.NOT_CAPTURE_VERBS_RE.search(sentence, max(0, q.start - 30), q.start):
            return None
        noun = _counted_noun(sentence, q.num_end, aliases, previous is not None)
        if noun.kind == "bare" and q.spelled and q.low == q.high == 1:
            return None  # "one has said": a pronoun
        if noun.kind == "bare" and before is not None and previous is None and (
            _counted_noun(sentence, before.num_end, aliases, False).kind == "other"
        ):
            return None  # "killed four civilians and injured 19": the 19 are civilians too
        if noun.kind == "other":
            return None
        if noun.kind == "bare" and q.vague and not noun.metric:
            return None
        if noun.kind == "bare" and _AGE_TALK_RE.search(sentence):
            return None  # "the average age rose from 31 to 35"
        clause_start = _clause_start(sentence, prev_end, q.start)
        clause_end = _clause_end(sentence, q.end, next_start)
        if _HYPOTHETICAL_RE.search(sentence, clause_start, q.start):
            return None  # "could send as many as 30,000 more": not something that happened
        if lx.DENIAL_RE.search(sentence, 0, q.start):
            return None  # "Moscow denied that 5,000 ...": the number is cited to be rejected
        if _RATE_AFTER_RE.match(sentence, q.num_end) or (
            noun.end >= 0 and _RATE_AFTER_RE.match(sentence, noun.end)
        ) or (noun.kind == "bare" and _RATE_WORDS_RE.search(sentence, clause_start, q.start)):
            return None  # "1,000 men a day", "the daily casualty rate was 1,200": a rate
        metric = noun.metric
        if metric is None and noun.kind in ("personnel", "bare") and _force_size(sentence, q):
            metric = Metric.DEPLOYED
        if metric is None:
            metric = _metric_from_context(sentence, q, noun.end, clause_start, clause_end)
        if metric is None and noun.kind in ("bare", "personnel") and _troop_count_of(
            sentence, clause_start, q.start
        ):
            metric = Metric.DEPLOYED
        if (
            metric is None and previous is not None
            and _SUBSET_BEFORE_RE.search(sentence, max(0, q.start - 24), q.start)
        ):
            metric = previous.metric  # "1,900 died, including 312 conscripts"
        if metric is None and noun.kind == "personnel" and _PRESENCE_AFTER_RE.match(
            sentence, noun.end
        ):
            metric = Metric.DEPLOYED  # "there are about 10,000 North Korean troops in Russia"
        if metric is Metric.CAPTURED and noun.end >= 0 and lx.NOT_CAPTURE_AFTER_RE.match(
            sentence, noun.end
        ):
            return None  # "175 prisoners were exchanged": a swap, not captures
        inherited = False
        earlier = context.last_claim if context.last_claim_age <= 1 else None
        if (
            metric is None and previous is None and earlier is not None and noun.kind != "other"
            and (
                _ANAPHORIC_TOTAL_RE.search(sentence, max(0, q.start - 60), q.start)
                or _CONTINUES_RE.match(sentence)
                or _OF_THOSE_BEFORE_RE.search(sentence, max(0, q.start - 20), q.start)
            )
        ):
            # "The Pentagon put the total at 11,000", "Of these, 1,900 died": the count
            # continues the previous sentence's figure.
            previous, inherited = earlier, True
        if metric is None:
            if previous is None or noun.kind not in ("bare", "personnel"):
                return None
            metric, inherited = previous.metric, True
        if previous is None and earlier is not None and (
            _CONTINUES_RE.match(sentence)
            or _OF_THOSE_BEFORE_RE.search(sentence, max(0, q.start - 20), q.start)
        ):
            previous = earlier
        claimant_aliases = self.aliases_in(sentence, mentions)
        subject = self._subject(sentence, q, noun, aliases, previous, prev_end, inherited,
                                context, claimant_aliases, metric)
        if subject is None or subject not in self.subjects:
            return None
        source = _source_for(q, mentions, context, previous if inherited or (
            previous is not None and _CONTINUES_RE.match(sentence)
        ) else None)
        return Claim(
            quantity=q,
            metric=metric,
            subject=subject,
            source=source,
            date=_nearest_date(q, dates),
            additional=_is_additional(sentence, q),
        )

    def _subject(
        self,
        sentence: str,
        q: Quantity,
        noun: _Noun,
        aliases: Sequence[_Alias],
        previous: Claim | None,
        prev_end: int,
        inherited: bool,
        context: Context,
        claimant_aliases: Sequence[_Alias] = (),
        metric: Metric | None = None,
    ) -> str | None:
        if noun.subject:
            return noun.subject
        if inherited and previous is not None:
            return previous.subject
        if noun.owned:  # only "its": "their", "our" point too far to follow
            # "Nepal says 16 of its nationals", "Russia has deployed 45,000 of its own troops":
            # the pronoun points to the force named last before it, claimant or not.
            named = sorted([*aliases, *claimant_aliases], key=lambda a: a.start)
            owner = next(
                (a for a in reversed(named)
                 if a.end <= q.start and not _after_destination(sentence, a)),
                None,
            )
            return owner.subject if owner else None
        window = [a for a in aliases if prev_end <= a.start and a.end <= q.start]
        for alias in reversed(window):
            if _modifies_people(sentence, alias):
                return alias.subject
        if previous is not None:
            return previous.subject
        left = [a for a in aliases if a.end <= q.start]
        for alias in reversed(left):
            if not _after_destination(sentence, alias):
                return alias.subject
        after = _agent_after(sentence, q, aliases, metric)
        if after:
            return after
        if not aliases and noun.kind != "other" and context.last_subject_age == 0:
            return context.last_subject
        return None


@dataclass(frozen=True, slots=True)
class _Noun:
    kind: str  # personnel | casualty | bare | other
    metric: Metric | None = None
    subject: str | None = None
    end: int = -1
    owned: bool = False  # "its nationals", "our defenders": whose is said by a pronoun


def _counted_noun(
    sentence: str, num_end: int, aliases: Sequence[_Alias], after_claim: bool
) -> _Noun:
    """What the number counts, read from the words right after it."""
    rest = sentence[num_end:]
    if lx.NATIONAL_ARMY_AFTER_RE.match(rest):
        return _Noun("other")  # "a 1.2 million-strong army": a whole army, not a deployment
    size = lx.FORCE_SIZE_AFTER_RE.match(rest)
    if size:
        # "a 12,000-strong North Korean force": the force's owner follows.
        owner = _counted_noun(sentence, num_end + size.end(), aliases, after_claim)
        return _Noun("personnel", Metric.DEPLOYED, owner.subject, num_end + size.end())
    subject: str | None = None
    owned = False
    pos = num_end
    alias_at = {a.start: a for a in aliases}
    steps = 0
    while steps < 7:
        steps += 1
        m = _NEXT_TOKEN_RE.match(sentence, pos)
        if not m:
            return _Noun("bare", subject=subject, end=pos)
        word_start = m.start(1)
        if word_start in alias_at:
            alias = alias_at[word_start]
            subject = subject or alias.subject
            pos = alias.end
            if sentence[alias.end - 1 : alias.end] == "s" and alias.end - alias.start > 4 and (
                sentence[alias.start:alias.end].endswith(("ans", "ese", "ians"))
            ):
                return _Noun("personnel", subject=alias.subject, end=alias.end)
            continue
        word = m.group(1)
        lower = word.lower().strip("'’")
        if not word[0].isalpha():
            return _Noun("bare", subject=subject, end=pos)
        nxt = re.compile(r"\s+([A-Za-z]+)").match(sentence, m.end())
        if nxt and (lower, nxt.group(1).lower()) in lx.PERSONNEL_PAIRS:
            return _Noun("personnel", subject=subject, end=nxt.end())
        if lower in _CASUALTY_ADJECTIVES and _PEOPLE_NEXT_RE.match(sentence, m.end()):
            pos = m.end()  # "two wounded North Korean soldiers": an adjective
            continue
        if lower in lx.CASUALTY_NOUNS:
            metric = lx.CASUALTY_NOUNS[lower]
            combo = re.compile(r"\s+(?:and|or)\s+(wounded|injured|killed|dead)\b", re.I).match(
                sentence, m.end()
            )
            if combo and metric in (Metric.KILLED, Metric.WOUNDED):
                metric = Metric.CASUALTIES
            return _Noun("casualty", metric, subject, end=m.end())
        if lower in lx.PERSONNEL_NOUNS:
            if lower == "others" and not after_claim:
                return _Noun("bare", subject=subject, end=m.end())  # whose: the context says
            if lx.EQUIPMENT_AFTER_PERSONNEL_RE.match(sentence, m.end()):
                return _Noun("other")
            origin = _origin_after(sentence, m.end(), aliases)
            return _Noun("personnel", subject=subject or origin, end=m.end(), owned=owned)
        if lower in lx.NON_COMBATANT_NOUNS:
            if sentence[max(0, m.start() - 22) : m.start()].lower().rstrip().endswith(
                ("military construction", "military")
            ) and lower == "workers":
                return _Noun("personnel", subject=subject, end=m.end(), owned=owned)
            return _Noun("other")
        if lower in lx.MODIFIERS:
            owned = owned or lower == "its"
            pos = m.end()
            continue
        alternative = _ALTERNATIVE_NUMBER_RE.match(sentence, m.start(1))
        if alternative:
            pos = alternative.end()  # "four or five brigades": the noun comes after both
            continue
        if word[0].isupper() and subject is None:
            # A force we do not follow ("Israeli soldiers") or a place: not ours to count.
            return _Noun("other")
        if _is_verbish(lower):
            return _Noun("bare", subject=subject, end=word_start)
        return _Noun("other")
    return _Noun("bare", subject=subject, end=pos)


_CASUALTY_ADJECTIVES = frozenset({"wounded", "injured", "dead", "captured", "missing"})
_PEOPLE_NEXT_RE = re.compile(
    r"\s+(?:[A-Z][\w'’.-]*\s+){0,3}(?:"
    + "|".join(sorted(lx.PERSONNEL_NOUNS))
    + r"|[A-Z][a-z]+(?:ans|ese|is))\b"
)
_NEXT_TOKEN_RE = re.compile(r"[\s\"'”’“‘]*([A-Za-z][\w'’-]*|[^\w\s])")
_ALTERNATIVE_NUMBER_RE = re.compile(
    r"(?:or|to)\s+(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|a\s+few)\b",
    re.IGNORECASE,
)
_RATE_AFTER_RE = re.compile(
    r"\s+(?:a|per|each|every)\s+(?:day|week|month|year)\b|\s+(?:daily|monthly|weekly)\b",
    re.IGNORECASE,
)
_RATE_WORDS_RE = re.compile(r"\b(?:rate|average|averag\w+|per\s+day|daily)\b", re.IGNORECASE)
_AGE_TALK_RE = re.compile(r"\b(?:ages?|aged|years?\s+old|year-olds?)\b", re.IGNORECASE)
_VERBISH = frozenset(
    """were was are is had have has been be being will would could may might remain remained
    in on at to from by for and or but as with during since after before into across inside near
    while when who which that this these reportedly believed thought said says say
    according so far total altogether overall alone each apiece respectively over under
    through throughout between among against around within until till per via near
    including not""".split()
)


def _is_verbish(word: str) -> bool:
    return word in _VERBISH or word.endswith("ly") or bool(lx.METRIC_CUE_RE.fullmatch(word))


_ORIGIN_RE = re.compile(
    r"\s+(?:from|of)\s+(?:the\s+)?(?:(?:armed\s+forces|army|military|troops|forces|units?)"
    r"\s+of\s+(?:the\s+)?)?"
)


def _origin_after(sentence: str, pos: int, aliases: Sequence[_Alias]) -> str | None:
    m = _ORIGIN_RE.match(sentence, pos)
    if not m:
        return None
    for alias in aliases:
        if alias.start == m.end():
            return alias.subject
    return None


def _after_destination(sentence: str, alias: _Alias) -> bool:
    """'sent to Russia', "in Russia's Kursk region": a place, not the force counted."""
    return bool(lx.DESTINATION_BEFORE_RE.search(sentence, max(0, alias.start - 30), alias.start))


def _agent_after(
    sentence: str, q: Quantity, aliases: Sequence[_Alias], metric: Metric | None = None
) -> str | None:
    """'sent by North Korea', 'the 11,000 troops Pyongyang dispatched', 'after a deployment of
    11,000 soldiers, Pyongyang sent ...': the force that sends comes after the number."""
    for alias in aliases:
        if alias.start < q.end:
            continue
        before = sentence[max(0, alias.start - 12) : alias.start]
        if re.search(r"\bfrom\s+(?:the\s+)?$", before) or (
            metric is Metric.DEPLOYED and re.search(r"\bby\s+(?:the\s+)?$", before)
        ):
            # "sent by North Korea" names the sender; "held by Ukraine" names the captor.
            return alias.subject
        if _SENDS_AFTER_RE.match(sentence, alias.end) and not _after_destination(sentence, alias):
            return alias.subject
    return None


_SENDS_AFTER_RE = re.compile(
    r"(?:'s|’s)?\s+(?:has\s+|had\s+|have\s+)?(?:also\s+|first\s+|initially\s+|originally\s+"
    r"|reportedly\s+|already\s+)?(?:sent|dispatched|deployed|sends|dispatches|deploys)\b"
)


def _modifies_people(sentence: str, alias: _Alias) -> bool:
    """'Russian casualties', "North Korea's losses", 'North Koreans': the alias owns a count."""
    text = sentence[alias.start:alias.end]
    if text.endswith(("ans", "ese")) and text[0].isupper() and len(text) > 5:
        return True
    m = re.compile(r"(?:'s|’s)?\s+(\w+)(?:\s+(\w+))?(?:\s+(\w+))?").match(sentence, alias.end)
    if not m:
        return False
    heads = [w.lower() for w in m.groups() if w]
    if any(head in lx.ORG_WORDS and head not in ("army", "military") for head in heads[1:]):
        return False  # "Ukraine's military intelligence agency" speaks; it is not counted
    return any(
        head in lx.CASUALTY_NOUNS or head in lx.PERSONNEL_NOUNS or head in _OWNED_HEADS
        for head in heads
    )


_ANAPHORIC_TOTAL_RE = re.compile(
    r"\b(?:the|that|this|its|their)\s+(?:overall\s+|new\s+|latest\s+)?"
    r"(?:total|number|figure|tally|count|estimate)\s+(?:\w+\s+){0,3}?(?:at|to|was|is|stood\s+at)"
    r"\s+[\"“']?$",
    re.IGNORECASE,
)
_CONTINUES_RE = re.compile(
    r"\s*(?:(?:Of|Among)\s+(?:these|them|those|which|whom)\b"
    r"|(?:This|That|The)\s+(?:number|figure|total|tally|count|estimate)\b"
    r"|In\s+(?:all|total)\b|Overall\b)"
)
_OF_THOSE_BEFORE_RE = re.compile(
    r"\b(?:of|among)\s+(?:those|these|them),?\s+$", re.IGNORECASE
)
_PRESENCE_AFTER_RE = re.compile(
    r"\s+(?:now\s+|currently\s+|still\s+|already\s+)?(?:in|inside)\s+(?:the\s+)?[A-Z]"
)
_SUBSET_BEFORE_RE = re.compile(
    r"\b(?:including|among\s+them|of\s+whom|of\s+them|of\s+which)\s+$", re.IGNORECASE
)
_OWNED_HEADS = frozenset({"army", "military", "side", "units", "unit", "toll", "contingent"})
_TROOP_COUNT_RE = re.compile(
    r"(?:\b(?:number|size|strength|total)\s+of\s+(?:[\w'’-]+\s+){0,4}?"
    r"(?:troops|soldiers|personnel|forces|servicemen|fighters|contingent|force|deployment)"
    r"|\b(?:contingent|deployment|troop\s+presence|force)\b)"
    r"(?!.*\b(?:killed|dead|wounded|injured|casualt|losses|captured|missing|prisoners))"
    r".*\bat\s+[\"“']?$",
    re.IGNORECASE,
)


def _troop_count_of(sentence: str, clause_start: int, start: int) -> bool:
    """'put the number of North Korean soldiers in Kursk at 8,000': a force size."""
    return bool(_TROOP_COUNT_RE.search(sentence[clause_start:start]))


def _metric_from_context(
    sentence: str, q: Quantity, noun_end: int, clause_start: int, clause_end: int
) -> Metric | None:
    """Nearest verbs first: 'soldiers had been killed', 'killed 300', 'deaths at 600'."""
    if noun_end >= 0 and _RELATIVE_CLAUSE_RE.match(sentence, noun_end):
        # "soldiers who fought in Kursk are listed as missing": the main verb decides.
        main = _PASSIVE_CUE_RE.search(sentence, noun_end, clause_end)
        if main is not None:
            metric = _cue_metric(main.group(1))
            if metric is not None:
                return metric
    if noun_end >= 0:
        after = _AFTER_NOUN_RE.match(sentence, noun_end)
        if after:
            metric = _cue_metric(after.group(1))
            if metric is Metric.DEPLOYED and after.group(1) == after.group(0).strip():
                # "soldiers deployed to Russia have been killed": the participle only describes.
                later = _PASSIVE_CUE_RE.search(sentence, after.end(), clause_end)
                if later is not None:
                    casualty = _cue_metric(later.group(1))
                    if casualty is not None and casualty is not Metric.DEPLOYED:
                        return casualty
            if metric is not None:
                return metric
    left = sentence[clause_start:q.start]
    # A verb that governs the number directly: "killed 300", "sent an additional 1,000".
    adjacent = _ADJACENT_VERB_RE.search(left)
    if adjacent:
        for cue in (adjacent.group(1), adjacent.group(2)):
            metric = _cue_metric(cue) if cue else None
            if metric is not None:
                return metric
    if _COMPLEMENT_RE.search(left):
        metric = _last_cue(left)
        if metric is not None:
            return metric
    right = sentence[q.end:clause_end]
    if noun_end >= 0 and _RELATIVE_CLAUSE_RE.match(sentence, noun_end):
        right = ""  # "312 conscripts who should never have been sent": it only describes them
    metric = _first_cue(right)
    if metric is not None:
        return metric
    return _last_cue(left)


_AFTER_NOUN_RE = re.compile(
    r"\s*(?:(?:have|has|had|were|was|are|is|been|being|reportedly|already|now|so\s+far"
    r"|allegedly|also|since|all)\s+)*"
    r"((?:killed|dead|wounded|injured)(?:\s*,\s*(?:killed|dead|wounded|injured|captured|missing))*"
    r",?\s+(?:and|or|and/or)\s+(?:killed|dead|wounded|injured|missing|captured)"
    r"|killed\s+in\s+action|taken\s+(?:prisoner|captive)|[a-z]+)\b",
    re.IGNORECASE,
)
_PASSIVE_CUE_RE = re.compile(
    r"\b(?:have|has|had|were|was|are|is)\s+(?:(?:\w+ly|still|now|since|all)\s+){0,3}"
    r"(?:been\s+)?(?:(?:listed|reported|registered|recorded|classified|confirmed|presumed"
    r"|believed)\s+(?:as\s+|to\s+be\s+|to\s+have\s+been\s+)?)?"
    r"((?:killed|dead|wounded|injured)\s+(?:and|or)\s+(?:killed|dead|wounded|injured)"
    r"|killed|wounded|injured|captured|taken\s+prisoner|lost|died|missing)\b",
    re.IGNORECASE,
)
_RELATIVE_CLAUSE_RE = re.compile(r"[\s,]*(?:who|which|that)\b", re.IGNORECASE)
_COMPLEMENT_RE = re.compile(
    r"(?:\b(?:at|to|of|reached|reach|reaching|totall?ing|totall?ed|numbering|numbered|stood\s+at"
    r"|stands\s+at|exceeded|exceeding|topped|hit|passed|surpassed)\s+|:\s*)$",
    re.IGNORECASE,
)
_ADJACENT_VERB_RE = re.compile(
    r"\b((?:\w+\s+(?:and|or)\s+)?(\w+))\s+"
    r"(?:(?:an?|the|some|another|only|just|over|nearly)\s+)?(?:additional\s+|further\s+|more\s+)?$"
)


def _cue_metric(text: str) -> Metric | None:
    m = lx.METRIC_CUE_RE.fullmatch(text.strip())
    if m and m.lastgroup:
        return lx.METRIC_CUE_GROUPS[m.lastgroup]
    return None


def _first_cue(text: str) -> Metric | None:
    m = lx.METRIC_CUE_RE.search(text)
    if m and m.lastgroup:
        return lx.METRIC_CUE_GROUPS[m.lastgroup]
    return None


def _last_cue(text: str) -> Metric | None:
    last = None
    for m in lx.METRIC_CUE_RE.finditer(text):
        last = m
    if last is not None and last.lastgroup:
        return lx.METRIC_CUE_GROUPS[last.lastgroup]
    return None


def _clause_start(sentence: str, prev_end: int, start: int) -> int:
    last = prev_end
    for m in lx.CLAUSE_BREAK_RE.finditer(sentence, prev_end, start):
        last = m.end()
    return last


def _clause_end(sentence: str, end: int, next_start: int | None) -> int:
    stop = next_start if next_start is not None else len(sentence)
    m = lx.CLAUSE_BREAK_RE.search(sentence, end, stop)
    return m.start() if m else stop


def _force_size(sentence: str, q: Quantity) -> bool:
    return bool(lx.FORCE_SIZE_BEFORE_RE.search(sentence, max(0, q.start - 40), q.start))


def _is_additional(sentence: str, q: Quantity) -> bool:
    if lx.ADDITIONAL_BEFORE_RE.search(sentence, max(0, q.start - 30), q.start):
        return True
    return bool(lx.ADDITIONAL_AFTER_RE.match(sentence, q.num_end)) or bool(
        lx.ADDITIONAL_AFTER_RE.match(sentence, q.end)
    )


def _is_not_a_count(sentence: str, q: Quantity) -> bool:
    after = sentence[q.num_end:]
    if lx.UNIT_AFTER_RE.match(after) or lx.SYMBOL_AFTER_RE.match(after):
        return True
    before = sentence[max(0, q.num_start - 16):q.num_start]
    if _label_before(before):
        return True
    if lx.NEGATED_BEFORE_RE.search(sentence, max(0, q.start - 14), q.start):
        return True
    if _APPOSITIVE_AGE_BEFORE_RE.search(before) and _APPOSITIVE_AGE_AFTER_RE.match(after):
        return True
    if q.low == q.high == 1 and lx.ONE_OF_RE.match(after):
        return True
    raw = sentence[q.num_start:q.num_end]
    # A bare four-digit year ("in 2023") that the date reader did not claim.
    if raw.isdigit() and len(raw) == 4 and 1900 <= q.low <= 2100 and q.low == q.high:
        return True
    return bool(q.low <= 0)


def _label_before(before: str) -> bool:
    """'$425', 'Resolution 2767', 'Su-25', 'aged 19', 'who is 41': not a count of people."""
    stripped = before.rstrip(" -")
    if stripped[-1:] and stripped[-1] in lx.BEFORE_EXCLUDE_SYMBOLS:
        return True
    tokens = stripped.split()
    if not tokens:
        return False
    last = tokens[-1]
    if last in lx.BEFORE_EXCLUDE_CASED or last.lower() in lx.BEFORE_EXCLUDE_WORDS:
        return True
    return len(tokens) > 1 and f"{tokens[-2]} {last}".lower() in lx.BEFORE_EXCLUDE_PAIRS


_APPOSITIVE_AGE_BEFORE_RE = re.compile(r"[A-Z][a-z]+,\s*$")
_APPOSITIVE_AGE_AFTER_RE = re.compile(r"\s*,")


def _overlaps_date(q: Quantity, dates: Sequence[DateMention]) -> bool:
    return any(d.start < q.num_end and q.num_start < d.end for d in dates)


def _nearest_date(q: Quantity, dates: Sequence[DateMention]) -> DateMention | None:
    usable = [d for d in dates if not d.span.text.lower().startswith("since")]
    if not usable:
        return None  # a cumulative total "since 2022" refers to no one date

    def distance(d: DateMention) -> int:
        if d.end <= q.start:
            return q.start - d.end
        return d.start - q.end + 1

    return min(usable, key=distance)


def _inside(pos: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(s <= pos < e for s, e in spans)


# -- claimants ---------------------------------------------------------------------------------



def _states_no_figures(
    sentence: str, words: frozenset[str], dates: Sequence[DateMention]
) -> bool:
    """Corrections, questions, denials and other wars' dates: no figure of ours is stated."""
    if not words.isdisjoint(_CORRECTION_WORDS) and lx.CORRECTION_RE.search(sentence):
        return True
    if "?" in sentence and lx.QUESTION_END_RE.search(sentence):
        return True
    if _OTHER_WAR_RE.search(sentence) and not any(
        d.span.end.year >= _STORY_START_YEAR for d in dates
    ):
        return True
    years = [d.span.end.year for d in dates]
    return bool(years) and max(years) < _STORY_START_YEAR


_STORY_START_YEAR = 2014
_HYPOTHETICAL_RE = re.compile(
    r"\b(?:could|might|may|would|will|plans?\s+to|(?:is|are)\s+expected\s+to|(?:is|are)\s+set\s+to"
    r"|(?:is|are)\s+poised\s+to)\s+(?:\w+\s+){0,2}?(?:send|deploy|dispatch|commit|add|lose)\b",
    re.IGNORECASE,
)
_OTHER_WAR_RE = re.compile(
    r"\b(?:Korean|Vietnam|Afghan|Soviet-Afghan|Chechen|Gulf|Iraq|Iran-Iraq|Second\s+World"
    r"|First\s+World|World|Great\s+Patriotic|Winter)\s+War\b|\bWorld\s+War\s+(?:I|II|One|Two)\b"
)
_CORRECTION_WORDS = frozenset(
    "version incorrectly erroneously misstated misreported typo wrongly".split()
)






def _source_for(
    q: Quantity,
    mentions: Sequence[ClaimantMention],
    context: Context,
    inherited_from: Claim | None,
) -> str | None:
    mentions = [m for m in mentions if m.attributes]
    left = [m for m in mentions if m.end <= q.start]
    if left:
        return left[-1].name
    right = [m for m in mentions if m.start >= q.end]
    if right:
        return right[0].name
    if inherited_from is not None:
        return inherited_from.source
    return context.speaker
