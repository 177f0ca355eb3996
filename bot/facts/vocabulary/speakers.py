"""Transcript speaker labels ("MR. KIRBY:", "Q:") and the labels that name no speaker."""

from __future__ import annotations

from bot.facts.vocabulary.build import words

# Labels of whoever asks: their turn has no claimant.
QUESTIONER_LABELS = frozenset(words("Q Q. QUESTION REPORTER INTERVIEWER HOST"))
# Labels of a claim being checked ("Claim: ..." in a fact-check): its numbers are not stated.
CHECKED_CLAIM_LABELS = frozenset(words("CLAIM CLAIMS RUMOUR RUMOR"))
# A written answer's byline: "Answered on 9 June 2026 by X", "Answer from X".
ANSWERED_VERBS = ("answered", "replied", "answer given")
ANSWER_NOUNS = ("answer", "reply")
# Labels of whoever answers: the speaker stays who it was.
ANSWER_LABELS = frozenset(words("A A. ANSWER"))
# "Note:", "Update:", "Source:": a label that is not a speaker.
NOT_SPEAKER_LABELS = frozenset(
    words(
        """note update updated breaking correction summary source sources background analysis
        context key points title date subject from to sent re cc bcc fact sheet headline
        headlines editor's editors watch read more related photo caption video warning
        disclaimer clarification quote verdict rating ruling conclusion reasons grounds"""
    )
)
# Lower-case and title words that may continue a speaker label ("Ministry of Defence Press
# Service:").
LABEL_WORDS = words(
    """of for the and de van von military intelligence general staff defence defense ministry
    forces press service office spokesman spokeswoman spokesperson"""
)
# What a title or first line calls a text that one speaker or body speaks: "Statement by
# Ambassador X", "Remarks by ...", "Written answer from ...", "UK statement to the OSCE".
SPOKEN_TEXTS = (
    "oral statement", "written statement", "joint statement", "statement", "opening remarks",
    "remarks", "speech", "address", "written answer", "answer", "background briefing",
    "press briefing", "briefing", "press conference", "testimony", "op-ed", "letter",
)  # fmt: skip
# Where the name of who speaks ends in such a title: "Statement by X at the Security Council".
SPEAKER_NAME_ENDS = ("at", "to", "on", "in", "before", "during", "regarding", "about")
# "The Defence Secretary made a statement to Parliament ...": a standfirst naming the speaker.
DELIVERY_VERBS = words("made makes delivered delivers gave gives")
# Words of a publisher line that name where a text was copied, not who published it.
MIRROR_WORDS = ("mirrored by", "republished by", "reproduced by", "via", "retrieved from")
