"""``ClaimReader``: the quantities of one sentence -> claims, with the document's context.

Per sentence: the speaker label, the forces named, the claimants (``attribution``), the
numbers that are no counts (``filters``); then each remaining number goes through the rules of
``rules.read_quantity``, left to right, each knowing the sentence's previous claim.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from bot.facts.aliases import subject_aliases
from bot.facts.attribution import claimant_mentions
from bot.facts.claim import Claim, ClaimantMention, Context
from bot.facts.claims.filters import is_not_a_count, repeats_an_error, states_no_figures
from bot.facts.claims.forces import ForceRoles, modifies_people
from bot.facts.claims.loss_list import is_list_line, loss_list_claims, opens_loss_list
from bot.facts.claims.metrics import asks_something_else, question_asks
from bot.facts.claims.reading import Reading
from bot.facts.claims.rules import read_quantity
from bot.facts.claims.sentence import Alias, SentenceFacts, after_destination
from bot.facts.dates import DateMention
from bot.facts.model import Metric
from bot.facts.numbers import Quantity, lower_words
from bot.facts.speakers import read_speaker
from bot.facts.vocabulary.personnel import CIVILIAN_TOPIC_NOUNS


class ClaimReader:
    """Turns the quantities of one sentence into claims; built once per subject setting."""

    def __init__(self, subjects: Sequence[str]) -> None:
        self.subjects = frozenset(subjects)
        self._alias_re, self._alias_table = subject_aliases(subjects)

    def aliases(self, sentence: str) -> list[Alias]:
        """Every force named in ``sentence``, left to right."""
        table = self._alias_table
        # "the North" is matched with any spacing; every other alias is matched as written.
        return [
            Alias(m.start(), m.end(), table.get(m.group(), "North Korea"))
            for m in self._alias_re.finditer(sentence)
        ]

    def read(
        self,
        sentence: str,
        quantities: Sequence[Quantity],
        dates: Sequence[DateMention],
        context: Context,
        aliases: Sequence[Alias] | None = None,
        words: frozenset[str] | None = None,
    ) -> list[Claim]:
        speaker_end = read_speaker(sentence, context)
        if aliases is None:
            aliases = self.aliases(sentence)
        if words is None:
            words = lower_words(sentence)
        if quantities and (context.checking or states_no_figures(sentence, words, dates)):
            quantities = ()
        mentions = claimant_mentions(sentence, words, context, speaker_end)
        forces = _outside(aliases, mentions) if mentions else list(aliases)
        counts = _counts(sentence, quantities, dates, speaker_end)
        claims: list[Claim] = []
        losses = context.loss_list
        if losses is not None and not is_list_line(sentence):
            losses = context.loss_list = None
        if losses is not None:
            claims = loss_list_claims(sentence, counts, losses)
        elif counts:
            facts = SentenceFacts(
                sentence, words, dates, forces, mentions, context, self.subjects,
                lambda: self._aliases_in(sentence, mentions),
            )  # fmt: skip
            claims = _read_counts(facts, counts, speaker_end)
        read = claims
        if context.corrections and claims:
            # The error corrected is no figure, but what follows may name its correction ("The
            # figure given by the agency was 3,000"): it stays the latest claim.
            claims = [c for c in claims if not repeats_an_error(sentence, c.quantity.start)]
        for mention in mentions:
            context.remember(mention)
        if mentions and "losses" in words:
            context.loss_list = opens_loss_list(sentence, words, mentions, self._subjects_in)
        named = [
            a.subject for a in forces
            if a.subject in self.subjects and not after_destination(sentence, a)
        ]  # fmt: skip
        people = [
            a.subject for a in forces if a.subject in self.subjects and modifies_people(sentence, a)
        ]
        if sentence.rstrip("*_ ").endswith("?"):
            _ask(context, sentence, speaker_end, named, people)
        context.after_sentence(read, named, people, not words.isdisjoint(CIVILIAN_TOPIC_NOUNS))
        return claims

    def _subjects_in(self, text: str) -> list[str]:
        return [alias.subject for alias in self.aliases(text)]

    def _aliases_in(self, sentence: str, mentions: Sequence[ClaimantMention]) -> list[Alias]:
        """Forces named inside the claimants' own words ("Nepal", "Ukraine's military")."""
        found: list[Alias] = []
        for mention in mentions:
            for alias in self.aliases(sentence[mention.start : mention.end]):
                found.append(
                    Alias(mention.start + alias.start, mention.start + alias.end, alias.subject)
                )
        return found


# How many sentences back a conversation's topic may have been named (``subjects``).
_TOPIC_REACH = 12


def _ask(
    context: Context, sentence: str, start: int, named: Sequence[str], people: Sequence[str]
) -> None:
    """What a question asks for and, for a headcount, whose people: the one force the question
    names, else the force whose people the sentence before spoke of, else the one the last
    question asked about, else in a conversation the force it is about (as for its bare loss
    counts). A question for a count of something else ends the previous one's."""
    if len(set(people)) == 1:
        context.question_people = people[0]
    asked = question_asks(sentence, start)
    if asked is None:
        if asks_something_else(sentence, start):
            context.asked = context.asked_subject = None
        return
    context.asked, context.asked_age = asked, -1  # the sentence's end ages it to 0
    if asked is not Metric.DEPLOYED:
        return
    forces = set(named) | set(people)
    if forces:
        context.asked_subject = forces.pop() if len(forces) == 1 else None
    elif context.people_subject is not None and context.people_age == 0:
        context.asked_subject = context.people_subject
    elif context.question_people is not None:
        context.asked_subject = context.question_people
    elif context.interview and context.people_age <= _TOPIC_REACH:
        context.asked_subject = context.people_subject  # the force the conversation is about
    else:
        context.asked_subject = None


def _counts(
    sentence: str, quantities: Sequence[Quantity], dates: Sequence[DateMention], speaker_end: int
) -> list[Quantity]:
    """The quantities that may count people: after the speaker label, in no date, no unit,
    label, price or age."""
    starts = [d.start for d in dates]
    counts = []
    for q in quantities:
        if q.num_start < speaker_end or is_not_a_count(sentence, q):
            continue
        index = bisect_left(starts, q.num_end) - 1
        if index >= 0 and dates[index].end > q.num_start:
            continue  # "2024" in "June 2024"
        counts.append(q)
    return counts


def _read_counts(facts: SentenceFacts, counts: list[Quantity], speaker_end: int) -> list[Claim]:
    """Each count through the rules, left to right, each knowing the previous claim."""
    forces = ForceRoles(facts)
    claims: list[Claim] = []
    previous: Claim | None = None
    prev_end = speaker_end
    for index, q in enumerate(counts):
        next_start = counts[index + 1].num_start if index + 1 < len(counts) else None
        before = counts[index - 1] if index else None
        claim = read_quantity(Reading(facts, forces, q, previous, prev_end, next_start, before))
        prev_end = q.end
        if claim is not None:
            claims.append(claim)
            previous = claim
    return claims


def _outside(aliases: Sequence[Alias], mentions: Sequence[ClaimantMention]) -> list[Alias]:
    """The forces not named inside a claimant's words: those are counted, not speaking."""
    starts = [m.start for m in mentions]
    kept = []
    for alias in aliases:
        index = bisect_right(starts, alias.start) - 1
        if index < 0 or alias.start >= mentions[index].end:
            kept.append(alias)
    return kept
