"""The claim rules: one quantity of a sentence -> a :class:`Claim`, or nothing.

A :class:`Reading` holds what is known about one quantity as the rules run. ``read_quantity``
runs, in order:

1. ``DROP_RULES``: any that holds means the number is no figure (a count of something else, a
   pronoun "one", an age, a denial, a release, a hypothetical, a rate);
2. ``METRIC_RULES``: the first that names a metric decides it;
3. ``DROP_AFTER_METRIC``: drops that need the metric (prisoners exchanged, not captured);
4. continuation: a number without a metric of its own continues the sentence's previous claim
   or the previous sentence's ("Of these, 1,900 died"), or is dropped;
5. ``subjects.SUBJECT_RULES`` and the claimant (``_source``).

Every rule reads a bounded window around its number, its clause (which the numbers of a
sentence share out between them), or a whole-sentence answer that ``SentenceFacts`` works out
once per sentence.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from bot.facts.claim import Claim, ClaimantMention
from bot.facts.claims.metrics import cue_metric, first_cue, metric_from_context
from bot.facts.claims.nouns import counted_noun
from bot.facts.claims.reading import Reading
from bot.facts.claims.subjects import (
    IN_A_WAVE_AFTER_RE,
    is_back_reference,
    names_prisoners,
    subject_of,
)
from bot.facts.dates import DateMention
from bot.facts.model import Metric, Period, PeriodKind, Voice
from bot.facts.numbers import Quantity
from bot.facts.rates import (
    RATE_WORD_CUES,
    may_hold_rate,
    may_hold_window,
    rate_after,
    rate_before,
    rate_word_before,
    window_in,
)
from bot.facts.vocabulary.approximators import HEDGES
from bot.facts.vocabulary.attribution_verbs import ATTRIBUTION_VERBS, UNNAMED_REPORT_VERBS
from bot.facts.vocabulary.build import alternation
from bot.facts.vocabulary.connectives import TROOP_COUNT_NOUNS
from bot.facts.vocabulary.forces import DEFAULT_SUBJECTS, SUBJECT_ALIASES
from bot.facts.vocabulary.metrics import (
    MEETING_VERBS,
    PRISONER_KILLING_VERBS,
    RECRUITING_VERBS,
    RELEASE_VERBS,
    SIZED_CASUALTY_NOUNS,
)
from bot.facts.vocabulary.not_counts import (
    DISMISSALS,
    EXPECTATION_WORDS,
    EXPECTED_COURSE_VERBS,
    FORECAST_VERBS,
    FUTURE_AUXILIARIES,
    FUTURE_LOSS_VERBS,
    HYPOTHETICAL_ACTIONS,
    MODALS,
)
from bot.facts.vocabulary.personnel import (
    ADDED_GROUPS,
    ADDITION_LEADS,
    ADDITION_TAILS,
    ADDITIONS,
    CIVILIAN_STATES,
    DEPLOYED_GROUPS,
    FORCE_SIZE_LEADS,
    NON_COMBATANT_NOUNS,
)


def read_quantity(r: Reading) -> Claim | None:
    for drop in DROP_RULES:
        if drop(r):
            return None
    for rule in METRIC_RULES:
        r.metric = rule(r)
        if r.metric is not None:
            break
    for drop in DROP_AFTER_METRIC:
        if drop(r):
            return None
    if not _continue_claim(r):
        return None
    subject = subject_of(r)
    if subject is None or subject not in r.facts.subjects:
        return None
    assert r.metric is not None
    r.period = period_of(r)
    source, voice = _source(r)
    return Claim(
        quantity=r.q,
        metric=r.metric,
        subject=subject,
        source=source,
        date=_date_of(r),
        additional=_is_additional(r.sentence, r.q),
        voice=voice,
        period=r.period,
    )


# -- 1. drops ----------------------------------------------------------------------------------

_NOT_CAPTURE_VERBS_RE = re.compile(
    rf"\b(?:{alternation((*MEETING_VERBS, *RELEASE_VERBS))})\s+"
    r"(?:(?:an?|the|some|another|about|around|at\s+least|over|nearly|more\s+than)\s+)?$",
    re.IGNORECASE,
)
_HYPOTHETICAL_RE = re.compile(
    rf"\b(?:{alternation(MODALS)})\s+(?:\w+\s+){{0,2}}?(?:{alternation(HYPOTHETICAL_ACTIONS)})\b",
    re.IGNORECASE,
)
_HYPOTHETICAL_ACTIONS = frozenset(HYPOTHETICAL_ACTIONS)

_RECRUITED_BEFORE_RE = re.compile(
    rf"\b(?:{alternation(RECRUITING_VERBS)})\s+(?:(?:some|about|around|roughly|nearly|over"
    r"|more\s+than|up\s+to|at\s+least|an?\s+(?:further|additional|extra)|another)\s+)?$",
    re.IGNORECASE,
)


_RECRUITING_WORDS = frozenset(RECRUITING_VERBS)


def _recruited(r: Reading) -> bool:
    """'recruiting around 30,000 men per month', 'trained 45,000 recruits': recruits and
    trainees are no deployment and no loss."""
    if r.facts.words.isdisjoint(_RECRUITING_WORDS):
        return False
    return _RECRUITED_BEFORE_RE.search(r.sentence, max(0, r.q.start - 40), r.q.start) is not None


def _released_or_met(r: Reading) -> bool:
    """'released 150 prisoners', 'interviewed two soldiers': no capture, no figure."""
    q = r.q
    return _NOT_CAPTURE_VERBS_RE.search(r.sentence, max(0, q.start - 30), q.start) is not None


def _pronoun_one(r: Reading) -> bool:
    """'one has said': a pronoun."""
    return r.noun.kind == "bare" and r.q.spelled and r.q.low == r.q.high == 1


def _back_reference(r: Reading) -> bool:
    """'the two men', 'the two soldiers it holds': a few people named before, not a count
    ("the two North Korean soldiers held by Ukraine" names whose they are: a count), unless they
    are prisoners ("the two men captured in January"): the subject rules then say whose."""
    return is_back_reference(r) and not names_prisoners(r)


_CIVILIAN_STATE_AFTER_RE = re.compile(
    rf"\s+(?:(?:are|is|were|was|have\s+been|now|still|currently|living|as)\s+){{0,4}}"
    rf"(?:{alternation(CIVILIAN_STATES)})\b",
    re.IGNORECASE,
)


_CIVILIAN_STATE_WORDS = frozenset(state.split()[-1] for state in CIVILIAN_STATES)


def _civilians_by_state(r: Reading) -> bool:
    """'6.9 million Ukrainians are still living as refugees', '14.6 million Ukrainians in need':
    people of a country, not its soldiers."""
    if r.facts.words.isdisjoint(_CIVILIAN_STATE_WORDS):
        return False
    end = r.noun.end if r.noun.end >= 0 else r.q.end
    return _CIVILIAN_STATE_AFTER_RE.match(r.sentence, end) is not None


def _shares_a_noun_of_others(r: Reading) -> bool:
    """'killed four civilians and injured 19': the 19 are civilians too."""
    before = r.before
    return (
        r.noun.kind == "bare" and before is not None and r.previous is None
        and counted_noun(r.facts, before.num_end, False).kind == "other"
    )  # fmt: skip


# "a little over 1% of the Korean People's Army's estimated 1.28 million": the whole a share is
# taken of.
_SHARE_OF_BEFORE_RE = re.compile(
    r"(?:%|\bper\s*cent|\bpercent)\s+of\s+(?:[\w'’.-]+\s+){0,6}?$", re.IGNORECASE
)


def _base_of_a_share(r: Reading) -> bool:
    """'1% of the army's estimated 1.28 million active personnel': the base of a share, not a
    count of people sent or lost."""
    if "%" not in r.sentence and r.facts.words.isdisjoint(("per", "percent", "cent")):
        return False
    return _SHARE_OF_BEFORE_RE.search(r.sentence, max(0, r.q.start - 70), r.q.start) is not None


def _counts_something_else(r: Reading) -> bool:
    return r.noun.kind == "other"


_CASUALTY_VERB_AFTER_RE = re.compile(
    r"\s+(?:more\s+|others\s+)?(?:have|has|had|were|was|are|is)\s+(?:(?:now|also|reportedly"
    r"|since|all)\s+)?(?:been\s+)?(?:(?:listed|reported|registered|confirmed)\s+as\s+)?"
    r"(?P<verb>killed|wounded|injured|captured|missing|dead|taken\s+prisoner)\b",
    re.IGNORECASE,
)


def _vague_without_a_casualty(r: Reading) -> bool:
    """'thousands have fled': a vague amount needs a casualty noun of its own, a casualty
    verb right after it ("Hundreds were killed", "Tens of thousands more are listed as
    missing"), or a casualty noun it is the size of ("the dead are in the hundreds")."""
    if r.noun.kind != "bare" or not r.q.vague or r.noun.metric:
        return False
    return _CASUALTY_VERB_AFTER_RE.match(r.sentence, r.q.end) is None and _sized(r) is None


# "For every one killed, they have two or three wounded": a ratio, not a count.
_RATIO_BEFORE_RE = re.compile(
    r"\bfor\s+(?:every|each)\s+(?:one|single|two|three|four|five|ten|hundred|\d[\d,]*)\b",
    re.IGNORECASE,
)
_RATIO_REACH = 80


def _ratio(r: Reading) -> bool:
    """The numbers after "for every" in its sentence make a ratio ("for every one killed, two
    or three wounded")."""
    if "every" not in r.facts.words and "each" not in r.facts.words:
        return False
    start = max(0, r.q.start - _RATIO_REACH)
    return _RATIO_BEFORE_RE.search(r.sentence, start, r.q.end) is not None


def _ages(r: Reading) -> bool:
    """'the average age rose from 31 to 35'."""
    return r.noun.kind == "bare" and r.facts.ages()


def _hypothetical(r: Reading) -> bool:
    """'could send as many as 30,000 more': not something that happened."""
    if r.facts.words.isdisjoint(_HYPOTHETICAL_ACTIONS):
        return False
    return _HYPOTHETICAL_RE.search(r.sentence, r.clause[0], r.q.start) is not None


_FORECAST_RE = re.compile(
    rf"\b(?:(?:{alternation(FUTURE_AUXILIARIES)})\s+(?:\w+\s+){{0,2}}?"
    rf"(?:{alternation((*FORECAST_VERBS, *FUTURE_LOSS_VERBS))})"
    rf"|(?:could|might|would)\s+(?:\w+\s+){{0,1}}?(?:{alternation(FORECAST_VERBS)}))\b",
    re.IGNORECASE,
)
# "expect Russian casualties to remain above 35,000": the expected course of a count.
_EXPECTED_COURSE_RE = re.compile(
    rf"\b(?:{alternation(EXPECTATION_WORDS)})\b[^.;?!]{{0,60}}?\b"
    rf"(?:{alternation(EXPECTED_COURSE_VERBS)})\s+(?:(?:above|below|over|under|at|around|about"
    r"|near|beyond|more\s+than|less\s+than|fewer\s+than|at\s+least|close\s+to)\s+)*$",
    re.IGNORECASE,
)
_EXPECTATION_WORDS = frozenset(EXPECTATION_WORDS)
# "5,000 construction troops will follow", "2,500 more soldiers are expected to arrive", "up
# to 6,000 could follow": the future tense or a modal right after the people counted.
_FUTURE_AFTER_RE = re.compile(
    r"\s*(?:(?:more|also|still|soon|then|later)\s+)?(?:"
    rf"{alternation((*FUTURE_AUXILIARIES, 'could', 'might', 'may', 'would'))}"
    r"|(?:is|are)\s+due\s+to|(?:is|are)\s+(?:likely|scheduled|planned)\s+to)\b"
    r"(?!\s+have\b)",  # "are expected to have died": an estimate of the past
    re.IGNORECASE,
)
_FORECAST_CUES = frozenset(("will", "shall", "expected", "projected", "forecast", "course", "set",
                            "could", "might", "would", "may"))  # fmt: skip
_FUTURE_AFTER_CUES = frozenset(("due", "likely", "scheduled", "planned"))


def _forecast(r: Reading) -> bool:
    """'Russia will have suffered over 1 million casualties by June', 'they could reach
    10,000 by the spring': a forecast, not a count."""
    words = r.facts.words
    # Read up to the number itself: "expect losses to pass 1.3 million" (the verb is read as
    # the number's qualifier).
    if not words.isdisjoint(_EXPECTATION_WORDS) and _EXPECTED_COURSE_RE.search(
        r.sentence, max(0, r.q.start - 90), r.q.num_start
    ):
        return True
    if words.isdisjoint(_FORECAST_CUES) and words.isdisjoint(_FUTURE_AFTER_CUES):
        return False
    if r.noun.kind in ("personnel", "bare") and _FUTURE_AFTER_RE.match(
        r.sentence, r.noun.end if r.noun.end >= 0 else r.q.end
    ):
        return True
    return _FORECAST_RE.search(r.sentence, r.clause[0], r.q.num_start) is not None


_CALLED_FALSE_RE = re.compile(rf"\b(?:{alternation(DISMISSALS)})\b", re.IGNORECASE)


def _denied(r: Reading) -> bool:
    """'Moscow denied that 5,000 ...': the number is cited to be rejected; but in "the Kremlin
    has dismissed allegations by Ukraine that 1,200 ..." the number is Ukraine's claim."""
    denial = r.facts.denied_before(r.q.start)
    if not denial:
        return False
    claimant = r.facts.claimant_left_of(r.q.start)
    if claimant is not None and r.facts.denied_before(claimant.start):
        # Named after the denial: the claimant's number, unless the denial calls it false.
        return _CALLED_FALSE_RE.search(r.sentence, 0, claimant.start) is not None
    return True


def _rate_without_a_unit(r: Reading) -> bool:
    """'the rate was 1,200', 'an average of 900': a rate whose unit the rules cannot find is
    no total and no rate either."""
    if r.noun.kind != "bare" or r.facts.words.isdisjoint(RATE_WORD_CUES):
        return False
    if not rate_word_before(r.sentence, r.clause[0], r.q.start):
        return False
    return _period_of_rate(r) is None


# Any rule that holds drops the number; they are pure, so they are listed cheapest first.
DROP_RULES: tuple[Callable[[Reading], bool], ...] = (
    _counts_something_else,
    _pronoun_one,
    _back_reference,
    _civilians_by_state,
    _vague_without_a_casualty,
    _ages,
    _ratio,
    _denied,
    _released_or_met,
    _recruited,
    _base_of_a_share,
    _shares_a_noun_of_others,
    _hypothetical,
    _forecast,
    _rate_without_a_unit,
)

# -- 2. the metric -------------------------------------------------------------------------------

_FORCE_SIZE_BEFORE_RE = re.compile(
    rf"\b(?:{alternation(FORCE_SIZE_LEADS)})\s+"
    rf"(?:(?:{alternation((*HEDGES, 'an estimated'))})\s+)?$",
    re.IGNORECASE,
)
# "North Koreans", "Russians": a force's people named by their plural ("the number of North
# Koreans now in Russia at roughly 11,000").
_FORCE_PLURALS = tuple(
    alias for force in DEFAULT_SUBJECTS for alias in SUBJECT_ALIASES[force]
    if alias.endswith(("ans", "ese")) and alias[0].isupper()
)  # fmt: skip
_TROOP_COUNT_RE = re.compile(
    r"(?:\b(?:number|size|strength|total)\s+of\s+(?:[\w'’-]+\s+){0,4}?"
    rf"(?:{alternation((*TROOP_COUNT_NOUNS, *_FORCE_PLURALS))})"
    r"|\b(?:contingent|deployment|troop\s+presence|force|wave|echelon|rotation)\b)"
    r"(?!.*\b(?:killed|dead|wounded|injured|casualt|losses|captured|missing|prisoners))"
    r".*\bat\s+[\"“']?$",
    re.IGNORECASE,
)
# "The first wave was roughly 11,000", "the contingent numbered 12,000".
_GROUP_WAS_RE = re.compile(
    r"\b(?:contingent|deployment|wave|echelon|rotation)\s+(?:[\w-]+\s+)?"
    r"(?:was|were|numbered|totalled|totaled)\s+$",
    re.IGNORECASE,
)
_SUBSET_BEFORE_RE = re.compile(
    r"\b(?:including|among\s+them|of\s+whom|of\s+them|of\s+which)\s+$", re.IGNORECASE
)
_PRESENCE_AFTER_RE = re.compile(
    r"\s+(?:now\s+|currently\s+|still\s+|already\s+)?(?:in|inside)\s+(?:the\s+)?[A-Z]"
    r"|\s+(?:onto|on|into)\s+(?:its|their|his|her|[A-Z][\w'’]*)\s+(?:own\s+)?(?:soil|territory)\b"
    r"|\s+(?:have\s+|had\s+)?(?:reached|entered|crossed\s+into)\s+(?:the\s+)?[A-Z]"
)


# "245 prisoners of war have been executed", "12 POWs were shot dead": prisoners killed.
_PRISONERS_KILLED_RE = re.compile(
    r"(?:\s+of\s+war)?\s+(?:(?:have|has|had|were|was|are|been|reportedly|allegedly|since|all"
    rf"|also)\s+)*(?:{alternation(PRISONER_KILLING_VERBS)})\b",
    re.IGNORECASE,
)


# "investigating the killing of 93 Ukrainian prisoners of war".
_KILLING_OF_BEFORE_RE = re.compile(
    r"\b(?:killing|killings|execution|executions|murder|murders|shooting)\s+of\s+(?:the\s+)?"
    r"(?:(?:at\s+least|some|about|around|nearly|more\s+than|over)\s+)?$",
    re.IGNORECASE,
)


def _noun_metric(r: Reading) -> Metric | None:
    """'300 casualties', 'a 12,000-strong force'; prisoners who 'have been executed', or whose
    'killing' is spoken of, are killed."""
    if r.noun.metric is Metric.CAPTURED and (
        _PRISONERS_KILLED_RE.match(r.sentence, r.noun.end)
        or _KILLING_OF_BEFORE_RE.search(r.sentence, max(0, r.q.start - 40), r.q.start)
    ):
        return Metric.KILLED
    return r.noun.metric


def _vague_with_its_verb(r: Reading) -> Metric | None:
    """'Hundreds were killed', 'tens of thousands more are listed as missing': the verb right
    after a vague amount says what happened to them."""
    if not r.q.vague or r.noun.kind != "bare":
        return None
    verb = _CASUALTY_VERB_AFTER_RE.match(r.sentence, r.q.end)
    return cue_metric(verb.group("verb")) if verb else None


# "the North Korean dead are in the hundreds", "the wounded now run into the thousands", "put
# the number of soldiers listed as missing in the tens of thousands": the casualty noun a few
# words before "in the" / "into the" is what the vague amount counts.
_SIZED_NOUN_BEFORE_RE = re.compile(
    rf"\b(?P<noun>{alternation(SIZED_CASUALTY_NOUNS)})"
    r"(?P<gap>(?:\s+[\w'’-]+){0,3}?)\s+(?:in|into)\s+the\s+$",
    re.IGNORECASE,
)
_SIZED_NOUN_WORDS = frozenset(SIZED_CASUALTY_NOUNS)
_NON_COMBATANT_WORDS = frozenset(NON_COMBATANT_NOUNS)


def _sized(r: Reading) -> Metric | None:
    """A vague amount that gives the size of a casualty noun before it ("the dead are in the
    hundreds"); not of civilians ("the dead civilians are in the hundreds")."""
    if not r.q.vague or r.facts.words.isdisjoint(_SIZED_NOUN_WORDS):
        return None
    found = _SIZED_NOUN_BEFORE_RE.search(r.sentence, max(r.clause[0], r.q.start - 70), r.q.start)
    if found is None:
        return None
    if not _NON_COMBATANT_WORDS.isdisjoint(found.group("gap").lower().split()):
        return None
    return cue_metric(found.group("noun"))


# "servicemen whom the Coordination Headquarters lists as missing": what a relative clause
# records them as.
_RECORDED_AS_AFTER_RE = re.compile(
    r"\s*,?\s+(?:who|whom|that|which)\b[^.;]{0,100}?\b(?:lists?|listed|counts?|counted"
    r"|records?|recorded|registers?|registered|reports?|reported|classe[sd]|classifie[sd]"
    r"|declares?|declared)\s+as\s+(missing|killed|dead|captured|prisoners?(?:\s+of\s+war)?"
    r"|wounded|injured)\b",
    re.IGNORECASE,
)


def _recorded_as(r: Reading) -> Metric | None:
    """'one of the 58,000 servicemen whom X lists as missing'."""
    if r.noun.kind != "personnel" or "as" not in r.facts.words:
        return None
    found = _RECORDED_AS_AFTER_RE.match(r.sentence, r.noun.end)
    return cue_metric(found.group(1)) if found else None


def _vague_sized(r: Reading) -> Metric | None:
    """'the wounded are in the thousands': the casualty noun before says what is counted."""
    return _sized(r) if r.noun.kind == "bare" else None


_ONE_OF_THE_BEFORE_RE = re.compile(r"\bone\s+of\s+the\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)


def _force_size(r: Reading) -> Metric | None:
    """'a force of 12,000 soldiers', 'out of 11,000'; not 'one of the 120 soldiers in his
    company', a member of a group."""
    if r.noun.kind not in ("personnel", "bare"):
        return None
    found = _FORCE_SIZE_BEFORE_RE.search(r.sentence, max(0, r.q.start - 40), r.q.start)
    if found is None or _ONE_OF_THE_BEFORE_RE.search(r.sentence, max(0, r.q.start - 40), r.q.start):
        return None
    return Metric.DEPLOYED


def _verbs_around(r: Reading) -> Metric | None:
    """'soldiers had been killed', 'killed 300', 'deaths at 600'."""
    start, end = r.clause
    return metric_from_context(r.sentence, r.q, r.noun.end, start, end)


def _troop_count(r: Reading) -> Metric | None:
    """'put the number of North Korean soldiers in Kursk at 8,000': a force size."""
    if r.noun.kind not in ("bare", "personnel"):
        return None
    found = _TROOP_COUNT_RE.search(r.sentence[r.clause[0] : r.q.start]) or (
        _GROUP_WAS_RE.search(r.sentence, max(r.clause[0], r.q.start - 40), r.q.start)
    )
    return Metric.DEPLOYED if found else None


_OF_THEM_RE = re.compile(r"\s+of\s+(?:them|these|those|whom)\b", re.IGNORECASE)


def _in_a_wave(r: Reading) -> Metric | None:
    """'some 10,500 in the first wave': a number with no noun, counted in a wave, echelon or
    rotation of a deployment, is its size (a verb of loss or capture decides first)."""
    if r.noun.kind != "bare":
        return None
    return Metric.DEPLOYED if IN_A_WAVE_AFTER_RE.match(r.sentence, r.q.num_end) else None


def _part_of_previous(r: Reading) -> Metric | None:
    """'the execution of at least 79 servicemen who had been captured ..., 19 of them during the
    reporting period': a part of the sentence's previous claim, unless its own words say what
    happened to them ("300 were captured, 19 of them wounded")."""
    if r.previous is None:
        return None
    found = _OF_THEM_RE.match(r.sentence, r.q.num_end)
    if found is None:
        return None
    return first_cue(r.sentence[found.end() : r.clause[1]]) or r.previous.metric


def _subset_of_previous(r: Reading) -> Metric | None:
    """'1,900 died, including 312 conscripts'."""
    if r.previous is None:
        return None
    found = _SUBSET_BEFORE_RE.search(r.sentence, max(0, r.q.start - 24), r.q.start)
    return r.previous.metric if found else None


_FORCE_NUMBERED_RE = re.compile(
    rf"\b(?:{alternation(DEPLOYED_GROUPS)})\b[^.;]{{0,60}}?\b(?:numbered|numbering|numbers"
    r"|totalled|totaled|totalling|totaling)\s+(?:(?:about|around|roughly|some|approximately"
    r"|nearly|up\s+to|at\s+least|over|more\s+than)\s+)?$",
    re.IGNORECASE,
)


_NUMBERED_WORDS = frozenset(
    ("numbered", "numbering", "numbers", "totalled", "totaled", "totalling", "totaling")
)


def _force_numbered(r: Reading) -> Metric | None:
    """'the North Korean contingent, which numbered approximately 11,000 personnel': the size
    of a force, whatever happened to it later in the sentence."""
    if r.noun.kind not in ("personnel", "bare") or r.facts.words.isdisjoint(_NUMBERED_WORDS):
        return None
    found = _FORCE_NUMBERED_RE.search(r.sentence, max(0, r.q.start - 90), r.q.start)
    return Metric.DEPLOYED if found else None


def _presence(r: Reading) -> Metric | None:
    """'there are about 10,000 North Korean troops in Russia'."""
    if r.noun.kind != "personnel":
        return None
    return Metric.DEPLOYED if _PRESENCE_AFTER_RE.match(r.sentence, r.noun.end) else None


# How many sentences after a bare question ("And the dead?") its answer may come.
_ANSWER_REACH = 2


def _asked_for(r: Reading) -> Metric | None:
    """'And the dead?' - 'Seoul said around 600 back then.': a number with no noun and no
    metric of its own in the answer counts what the question asked for."""
    context = r.facts.context
    if context.asked is None or context.asked_age > _ANSWER_REACH or r.noun.kind != "bare":
        return None
    return context.asked


METRIC_RULES: tuple[Callable[[Reading], Metric | None], ...] = (
    _noun_metric,
    _vague_with_its_verb,
    _vague_sized,
    _recorded_as,
    _force_size,
    _force_numbered,
    _part_of_previous,
    _verbs_around,
    _troop_count,
    _in_a_wave,
    _subset_of_previous,
    _presence,
    _asked_for,
)

# -- 3. drops that need the metric ------------------------------------------------------------

_NOT_CAPTURE_AFTER_RE = re.compile(
    r"\s+(?:\w+\s+){0,3}?(?:were|was|have\s+been|had\s+been|are|being)?\s*"
    rf"(?:{alternation(RELEASE_VERBS)})\b",
    re.IGNORECASE,
)


def _prisoner_swap(r: Reading) -> bool:
    """'175 prisoners were exchanged': a swap, not captures."""
    return (
        r.metric is Metric.CAPTURED and r.noun.end >= 0
        and _NOT_CAPTURE_AFTER_RE.match(r.sentence, r.noun.end) is not None
    )  # fmt: skip


DROP_AFTER_METRIC: tuple[Callable[[Reading], bool], ...] = (_prisoner_swap,)

# -- 4. continuation ----------------------------------------------------------------------------

_ANAPHORIC_TOTAL_RE = re.compile(
    r"\b(?:(?:the|that|this|its|their)\s+(?:[\w'’-]+\s+){0,3}?"
    r"(?:total|number|figure|tally|tallies|count|counts|estimate|average)\s+"
    r"(?:\w+\s+){0,3}?(?:at|to|was|is|stood\s+at|averaged|came\s+to)"
    r"|(?:put|puts|putting|placed|places)\s+(?:that|this|the|its|their)\s+"
    r"(?:number|figure|total|toll|rate|count))\s+[\"“']?$",
    re.IGNORECASE,
)
_OF_THOSE_BEFORE_RE = re.compile(r"\b(?:of|among)\s+(?:those|these|them),?\s+$", re.IGNORECASE)


def _of_those(r: Reading) -> bool:
    return _OF_THOSE_BEFORE_RE.search(r.sentence, max(0, r.q.start - 20), r.q.start) is not None


def _continue_claim(r: Reading) -> bool:
    """A number without a metric takes the one of the claim it continues: the previous
    sentence's ("The Pentagon put the total at 11,000", "Of these, 1,900 died") or the
    sentence's own previous claim ("300 were killed and 2,700 wounded"). False: no metric."""
    earlier = r.earlier
    if (
        r.metric is None and r.previous is None and earlier is not None
        and r.noun.kind != "other"
        and (
            _ANAPHORIC_TOTAL_RE.search(r.sentence, max(0, r.q.start - 60), r.q.start)
            or r.facts.continues_earlier or _of_those(r)
        )
    ):  # fmt: skip
        r.previous, r.inherited = earlier, True
    if r.metric is None:
        if r.previous is None or r.noun.kind not in ("bare", "personnel"):
            return False
        r.metric, r.inherited = r.previous.metric, True
    if r.previous is None and earlier is not None and (r.facts.continues_earlier or _of_those(r)):
        r.previous = earlier
    return True


# -- 5. the period ------------------------------------------------------------------------------

# "bringing its total to 850,000", "in all", "since the invasion": a cumulative count.
_TOTAL_BEFORE_RE = re.compile(
    r"\b(?:total|tally|overall|in\s+all|altogether|cumulative|since|adding\s+to)\b",
    re.IGNORECASE,
)
# "bringing its tally of Russian losses since the start of the invasion to 850,000".
_BRINGING_TOTAL_RE = re.compile(
    r"\bbring\w*\s+(?:its|their|the|his|her|our)\s+(?:\w+\s+)?(?:total|tally|toll|count)\b"
    r"[^.;]{0,100}?\bto\s+(?:(?:about|around|roughly|some|nearly|over|more\s+than)\s+)?$",
    re.IGNORECASE,
)
# How far before a number a word that makes it a total may stand ("in total", "since").
_TOTAL_REACH = 40
_TOTAL_WORDS = frozenset(
    ("total", "tally", "toll", "count", "overall", "all", "altogether", "cumulative", "since",
     "adding")
)  # fmt: skip
# "from over 600 in 2022 to over 900": the second number is the same kind of rate.
_SAME_RATE_GAP_RE = re.compile(
    r"^[^.;]{0,50}?\b(?:to|and|or|versus|compared\s+with|(?:down|up)\s+from)\s+[^.;]{0,12}$"
)


def _period_of_rate(r: Reading) -> Period | None:
    """'1,500 a day', '1,200 soldiers killed or wounded each day', 'the daily casualty rate
    ... was 980'."""
    words = r.facts.words
    if not may_hold_rate(words):
        return None
    start = max(r.q.num_end, r.noun.end)
    after = rate_after(r.sentence, start, r.clause[1])
    if after is not None:
        return after
    if words.isdisjoint(RATE_WORD_CUES):
        return None
    return rate_before(r.sentence, r.prev_end, r.q.start)


def _period_after(r: Reading) -> Period | None:
    """A rate's unit or a window right after the number (or its noun), in its clause."""
    words = r.facts.words
    if may_hold_rate(words):
        after = rate_after(r.sentence, max(r.q.num_end, r.noun.end), r.clause[1])
        if after is not None:
            return after
    if may_hold_window(words):
        return window_in(r.sentence, r.q.end, min(r.clause[1], r.q.end + _WINDOW_AFTER_REACH))
    return None


# How far after a number a window that decides its period may start ("1,380 troops in the
# past 24 hours").
_WINDOW_AFTER_REACH = 60


def _period_of_window(r: Reading) -> Period | None:
    """'70,000 ... in the last 60 days': a window after the number in its clause, or one
    before the sentence's first number ("In the past 60 days, ... 83,000")."""
    if not may_hold_window(r.facts.words):
        return None
    after = window_in(r.sentence, r.q.end, r.clause[1])
    if after is not None:
        return after
    first = r.before.start if r.before is not None else r.q.start
    return window_in(r.sentence, 0, first)


def _period_of_previous(r: Reading) -> Period | None:
    """'increased from over 600 a day in 2022 to over 900': the rate of the number before."""
    previous = r.previous
    if previous is None or previous.period is None or previous.period.kind is not PeriodKind.RATE:
        return None
    gap = r.sentence[previous.quantity.end : r.q.start]
    return previous.period if _SAME_RATE_GAP_RE.match(gap) else None


PERIOD_RULES: tuple[Callable[[Reading], Period | None], ...] = (
    _period_of_rate,
    _period_of_window,
    _period_of_previous,
)


def period_of(r: Reading) -> Period | None:
    """The number's period: a rate or a window, or None for a cumulative total. A rate or a
    window right after the number decides ("the morning tally: Russia lost 1,380 troops in the
    past 24 hours"); a word of totals before it otherwise makes it a total."""
    after = _period_after(r)
    if after is not None:
        return after
    if not r.facts.words.isdisjoint(_TOTAL_WORDS) and (
        _TOTAL_BEFORE_RE.search(r.sentence, max(r.clause[0], r.q.start - _TOTAL_REACH), r.q.start)
        or _BRINGING_TOTAL_RE.search(r.sentence, r.clause[0], r.q.start)
    ):
        return None
    for rule in PERIOD_RULES:
        period = rule(r)
        if period is not None:
            return period
    return None


# -- 6. claimant and the rest --------------------------------------------------------------------

_ADDITIONAL_BEFORE_RE = re.compile(
    rf"\b(?:an?\s+)?(?:{alternation(ADDITION_LEADS)})\s+"
    rf"(?:(?:{alternation(('estimated', *HEDGES))})\s+)?$",
    re.IGNORECASE,
)
_ADDITIONAL_AFTER_RE = re.compile(rf"\s*(?:{alternation(ADDITION_TAILS)})\b", re.IGNORECASE)
# "a fresh contingent of 1,000", "another batch of 1,500", "a second wave of 3,000".
_ADDED_GROUP_BEFORE_RE = re.compile(
    rf"\b(?:another\s+(?:(?:{alternation(ADDITIONS)})\s+)?"
    rf"|an?\s+(?:{alternation((*ADDITIONS, 'new', 'second', 'third'))})\s+)"
    rf"(?:{alternation(ADDED_GROUPS)})\s+of\s+(?:(?:{alternation(('estimated', *HEDGES))})\s+)?$",
    re.IGNORECASE,
)


def _source(r: Reading) -> tuple[str | None, Voice | None]:
    """The claimant named before the number, else after it, else the one of the claim it
    continues, else the speaker; with how it was found."""
    left = r.facts.claimant_left_of(r.q.start)
    if left is not None and not _UNNAMED_CLAUSE_RE.search(r.sentence, left.end, r.q.start):
        return left.name, left.voice
    right = r.facts.claimant_right_of(r.q.end)
    if (
        right is not None
        and _SAYS_IN_RELATIVE_RE.match(r.sentence, right.end)
        and not _CITED_BEFORE_RE.search(r.sentence, max(0, right.start - 20), right.start)
    ):
        right = None  # "..., South Korea, which says it would ...": it claims what follows
    if right is not None and not _opens_next_clause(r.sentence, r.q.end, right):
        return right.name, right.voice
    quoted_by = r.facts.context.quoted_by
    if quoted_by:
        return quoted_by, Voice.CITED  # '"... At least 315,000 ... were killed."' he said
    continued = r.previous is not None and (r.inherited or r.facts.continues_earlier)
    if continued and r.previous is not None:
        return r.previous.source, r.previous.voice
    own = r.facts.context.own_voice()
    return own if own is not None else (None, None)


# "X says ..., while Ukraine is believed to be holding 1,500": a clause of its own that names
# nobody; the claimant before it does not reach into it.
_UNNAMED_CLAUSE_RE = re.compile(
    r"[,;]\s*(?:while|whereas|but)\s+[^,;]{1,60}?\b(?:is|are|was|were)\s+(?:\w+ly\s+)?"
    rf"(?:{alternation(UNNAMED_REPORT_VERBS)})\s+to\b"
)


_CITED_BEFORE_RE = re.compile(r"\b(?:according\s+to|citing|by)\s+(?:the\s+)?$", re.IGNORECASE)
_SAYS_IN_RELATIVE_RE = re.compile(
    rf",\s*(?:which|who)\s+(?:\w+\s+)?(?:{alternation(ATTRIBUTION_VERBS)})\b", re.IGNORECASE
)


# ", and X said that ...": a claimant after the number who speaks for the clause after it.
_NEXT_CLAUSE_BREAK_RE = re.compile(r"(?:[,;]\s*(?:and|but|while|whereas)\b|;)", re.IGNORECASE)
_REPORTS_WHAT_FOLLOWS_RE = re.compile(r"[^.;]{0,60}?\b(?:that\b|:)|\s*(?:\w+\s+){0,3}\d")


# "said Wednesday", "told reporters on Monday": the date of the statement, not of the count.
_STATEMENT_DATE_BEFORE_RE = re.compile(
    rf"\b(?:{alternation(ATTRIBUTION_VERBS)})(?:\s+\w+){{0,2}}?\s+(?:on\s+)?$", re.IGNORECASE
)


_SINCE_CLAUSE_RE = re.compile(r"\bsince\b[^,.;]*$", re.IGNORECASE)
# A comma or semicolon between clauses (not one inside a number: "11,000").
_CLAUSE_COMMA_RE = re.compile(r"[,;](?!\d{3})")


def _date_of(r: Reading) -> DateMention | None:
    """The date its sentence gives the number: the nearest, but not one across a break into
    the next clause ("..., and X said last week that"), and not the date of the statement
    ("said Wednesday that 3,000 were dispatched earlier this month") where the count has its
    own."""
    left, right = r.facts.dates_beside(r.q)
    sentence = r.sentence
    if right is not None and _NEXT_CLAUSE_BREAK_RE.search(sentence, r.q.end, right.start):
        right = None
    if left is not None and right is not None:
        said_left = _STATEMENT_DATE_BEFORE_RE.search(sentence, max(0, left.start - 40), left.start)
        said_right = _STATEMENT_DATE_BEFORE_RE.search(
            sentence, max(0, right.start - 40), right.start
        )
        if said_left and not said_right:
            # "said on Monday that it had captured three, its first since ... in April": a date
            # past a comma dates the aside, not the count; the statement's date does.
            aside = "," in sentence[r.q.end : right.start]
            # "... since the troops entered combat in December": where a running count starts,
            # not when it stood; the statement's date dates it.
            since = _SINCE_CLAUSE_RE.search(sentence, max(r.q.end, right.start - 50), right.start)
            return left if aside or since else right
        if said_right and not said_left:
            return left
        # "..., on top of the some 11,000 soldiers it sent in late 2024": a date in the number's
        # own clause dates it, not one past the comma before it.
        own_left = not _CLAUSE_COMMA_RE.search(sentence, left.end, r.q.start)
        own_right = not _CLAUSE_COMMA_RE.search(sentence, r.q.end, right.start)
        if own_left != own_right:
            return left if own_left else right
        return left if r.q.start - left.end <= right.start - r.q.end + 1 else right
    return left or right


def _opens_next_clause(sentence: str, end: int, right: ClaimantMention) -> bool:
    """'thousands of troops since the autumn, and Ukrainian military intelligence said last
    week that ...': the claimant opens the next clause and claims what follows it."""
    between = _NEXT_CLAUSE_BREAK_RE.search(sentence, end, right.start)
    if between is not None and between.group(0).startswith(";"):
        return True  # "11,000 were sent last autumn; Ukrainian officials say ...": a new clause
    return between is not None and _REPORTS_WHAT_FOLLOWS_RE.match(sentence, right.end) is not None


def _is_additional(sentence: str, q: Quantity) -> bool:
    """'an additional 1,000', '1,000 more'."""
    if _ADDITIONAL_BEFORE_RE.search(sentence, max(0, q.start - 30), q.start):
        return True
    if _ADDED_GROUP_BEFORE_RE.search(sentence, max(0, q.start - 50), q.start):
        return True
    return bool(_ADDITIONAL_AFTER_RE.match(sentence, q.num_end)) or bool(
        _ADDITIONAL_AFTER_RE.match(sentence, q.end)
    )
