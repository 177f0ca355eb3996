"""What claim reading carries: a :class:`Claim`, a :class:`ClaimantMention`, and the
:class:`Context` that earlier sentences of a document leave to later ones.

Kept apart from the readers (``claims``, ``attribution``, ``speakers``) so that each of them
depends on these values and none on another reader for them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from bot.facts.dates import DateMention
from bot.facts.model import Metric, Period, Voice
from bot.facts.numbers import Quantity


@dataclass(frozen=True, slots=True)
class Claim:
    """One quantity read as a claim, before it becomes a :class:`~bot.facts.model.Figure`."""

    quantity: Quantity
    metric: Metric
    subject: str
    source: str | None
    date: DateMention | None
    additional: bool
    voice: Voice | None = None  # how ``source`` was found; None exactly when it is None
    period: Period | None = None  # None for a cumulative total


@dataclass(frozen=True, slots=True)
class ClaimantMention:
    """A claimant named in a sentence; ``start``/``end`` index the sentence.

    ``attributes`` is False for an actor named only to deny or decline ("X denied"): remembered
    for a later "he", but no number of the sentence is theirs.
    """

    start: int
    end: int
    name: str
    person: bool
    raw: str = ""
    attributes: bool = True
    voice: Voice = Voice.CITED  # "we"/"our" resolve to the speaker or the document's voice


@dataclass(frozen=True, slots=True)
class LossList:
    """The claimant of a loss list ("the losses of the enemy were:") and the force counted."""

    source: str
    voice: Voice
    subject: str


@dataclass(slots=True)
class Context:
    """What earlier sentences of the document established: claimants, speaker, last subject."""

    claimants: list[ClaimantMention] = field(default_factory=list)
    speaker: str | None = None
    speaker_labels: int = 0
    #: The document is a conversation: a transcript, or questions standing as paragraphs.
    interview: bool = False
    label_line: bool = False
    #: The current label names a speaker whose turn may run over several lines.
    label_holds: bool = False
    #: The current speaker heads an entry (an account's handle on a line of its own): the turn
    #: holds over the entry's lines and ends at a blank line.
    entry_holds: bool = False
    #: Who speaks for the document where no label or sentence names anyone: the speaker or
    #: body its title, standfirst or front matter names, else its publisher.
    voice: str | None = None
    #: The current turn is a questioner's ("Q:"): its words are nobody's claim.
    questioning: bool = False
    #: Who answered before the current question: an "A:" label gives the turn back to them.
    answerer: str | None = None
    #: The current turn is a claim being checked ("Claim:" in a fact-check): no figure in it.
    checking: bool = False
    #: Who speaks the quotation the current sentence lies inside, when it names nobody itself.
    quoted_by: str | None = None
    #: The side (Russia, Ukraine) whose body the document speaks for, when it names one.
    home: str | None = None
    #: The document is a corrections column: what earlier reports "said" are errors.
    corrections: bool = False
    #: The loss list whose lines the current sentence may be ("personnel - about 891,540").
    loss_list: LossList | None = None
    last_subject: str | None = None
    last_subject_age: int = 99
    last_claim: Claim | None = None
    last_claim_age: int = 99
    #: The force whose people were last spoken of ("the North Koreans", a figure's force), for
    #: a later "they" or "of them"; None once another force is named.
    people_subject: str | None = None
    people_age: int = 99
    #: Sentences since the last one that named civilians ("full of civilians").
    civilians_age: int = 99
    #: What a bare question asked for ("And the dead?"), and how many sentences ago.
    asked: Metric | None = None
    asked_age: int = 99
    #: Whose people a headcount question ("How many were there?") asks about: the force its
    #: own words or the sentence before name, else the one the last question named.
    asked_subject: str | None = None
    #: The force whose people the last question naming one force's people asked about.
    question_people: str | None = None

    def remember(self, mention: ClaimantMention) -> None:
        self.claimants.append(mention)
        del self.claimants[:-8]

    def own_voice(self) -> tuple[str, Voice] | None:
        """Who "we" or a bare statement belongs to: the current speaker, else the document's
        voice; None in a questioner's turn or where neither is known."""
        if self.speaker:
            # "Kyiv: 1,000 killed" heading a line is a claim named there, not a speaker's turn.
            return self.speaker, Voice.SPEAKER if self.label_holds else Voice.CITED
        if self.voice and not self.questioning:
            return self.voice, Voice.DOCUMENT
        return None

    def resolve_head(self, head: str) -> str | None:
        """The nearest earlier claimant whose own words hold ``head`` ("the ministry")."""
        for mention in reversed(self.claimants):
            if re.search(rf"\b{re.escape(head)}\b", mention.raw, re.IGNORECASE):
                return mention.name
        return None

    def resolve(self, want_person: bool | None, head: str | None = None) -> str | None:
        """The nearest earlier claimant; one whose own words share ``head`` comes first."""
        if head:
            named = self.resolve_head(head)
            if named is not None:
                return named
        for mention in reversed(self.claimants):
            if want_person is None or mention.person == want_person:
                return mention.name
        return None

    def new_line(self, blank_line: bool) -> None:
        """In a transcript (two labels or more) a speaker's turn holds until the next label;
        elsewhere it ends with its line. A label on a line of its own ("Luke Pollard:") opens
        the turn on the lines that follow."""
        if self.label_line:
            self.label_line = False
        elif self.entry_holds and not blank_line:
            pass  # the entry's next line: still the account's
        elif self.speaker_labels < 2 or not self.label_holds or self.entry_holds:
            self.speaker = None
            self.questioning = self.checking = False
        if blank_line:
            self.entry_holds = False
        if not blank_line:
            self.last_subject_age += 1  # a list item or headline is not the previous one's

    def after_sentence(
        self,
        claims: list[Claim],
        subjects_named: list[str],
        people_named: Sequence[str] = (),
        civilians: bool = False,
    ) -> None:
        """Age what the sentence did not renew; its last claim or force becomes the latest."""
        self.civilians_age = 0 if civilians else self.civilians_age + 1
        self.asked_age += 1
        self.last_claim_age += 1
        if claims:
            self.last_claim, self.last_claim_age = claims[-1], 0
            self.last_subject, self.last_subject_age = claims[-1].subject, 0
        elif subjects_named:
            self.last_subject, self.last_subject_age = subjects_named[-1], 0
        else:
            self.last_subject_age += 1
        self._remember_people(claims, subjects_named, people_named)

    def _remember_people(
        self, claims: list[Claim], subjects_named: list[str], people_named: Sequence[str]
    ) -> None:
        """The force whose people the sentence spoke of, if it named no other one."""
        self.people_age += 1
        people = claims[-1].subject if claims else (people_named[-1] if people_named else None)
        named = {*subjects_named, *people_named, *(c.subject for c in claims)}
        if people is not None and named <= {people}:
            self.people_subject, self.people_age = people, 0
        elif named and (people is not None or not named <= {self.people_subject}):
            self.people_subject = None
