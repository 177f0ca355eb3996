"""Action words: what makes a dated sentence an event, and how its headline is worded.

An event is something a force did or that was done to people: "North Korea sent troops",
"Ukraine captured two soldiers", "Kim ratified a treaty". Its headline names who did what in
the present tense, as headlines do ("North Korea sends troops to Russia"); what was done to
people keeps its participle ("300 North Korean soldiers killed"). Verbs are listed by their
base form; their other forms are made by rule, and the irregular ones are listed.
"""

from __future__ import annotations

from bot.facts.vocabulary.build import words

# Verbs that tell something happened (base forms).
ACTION_VERBS = frozenset(
    words(
        """send deploy redeploy dispatch transfer move arrive enter withdraw retreat pull advance
    capture seize take kill wound injure lose suffer attack strike shell bomb launch fight repel
    recapture retake liberate invade occupy sign ratify hold meet visit join train reinforce
    replace defect surrender free release exchange swap execute destroy shoot begin start end
    acknowledge admit confirm ship supply deliver provide reach cross push help"""
    )
)
# Past tenses and participles that do not end in -ed, by base form.
IRREGULAR_FORMS: dict[str, tuple[str, ...]] = {
    "send": ("sent",),
    "take": ("took", "taken"),
    "lose": ("lost",),
    "fight": ("fought",),
    "hold": ("held",),
    "strike": ("struck",),
    "shoot": ("shot",),
    "begin": ("began", "begun"),
    "meet": ("met",),
    "withdraw": ("withdrew", "withdrawn"),
    "retake": ("retook", "retaken"),
}
# Verbs whose past form after a count of people tells what they did, not what was done to
# them ("North Korean troops fought in Kursk"): they take no object.
INTRANSITIVE_ACTIONS = frozenset(
    words("arrive retreat advance fight defect surrender begin start end")
)
# Actions whose object is what happened: "Moscow acknowledged (that) troops had fought".
CLAUSE_ACTIONS = frozenset(words("acknowledge admit confirm"))
# Nouns that name a happening without a verb ("their back-to-back summits in 2023"), with the
# verb a headline gives them; the parties are the forces the sentence names.
NOMINAL_ACTIONS: dict[str, str] = {
    "summit": "hold",
    "summits": "hold",
    "talks": "hold",
}
# Before a verb, these say it did not (or not yet) happen.
UNREALISED_BEFORE = frozenset(
    words(
        """could might may would will should shall can must cannot not never to if unless whether
    won't wouldn't couldn't didn't don't doesn't hasn't haven't hadn't neither nor no"""
    )
)
# A sentence that opens with one of these is a condition or a question, no event.
CONDITIONAL_OPENERS = frozenset(
    words("if should unless whether were suppose supposing what how why does do")
)
# Auxiliaries before a participle that make it passive ("were sent", "had been killed").
PASSIVE_AUXILIARIES = frozenset(words("was were is are been being be get got"))
# Auxiliaries and adverbs between a subject and its verb, left out of a headline.
HEADLINE_SKIPPED = frozenset(
    words(
        """has have had also now reportedly officially originally probably allegedly already
    recently later then still just apparently successfully first initially eventually
    finally"""
    )
)
# Words that make the verb form after them a noun ("the attack", "its strikes").
NOUN_MARKERS = frozenset(
    words(
        """the a an its their his her our your this that these those new more several many
    some any each every such first last another other both all"""
    )
)
# Words that open another clause: a headline keeps to one clause.
CLAUSE_OPENERS = frozenset(
    words(
        """that which who whom whose while when where after before since because but although
    though whereas until including bringing according amid despite as"""
    )
)
# Words a headline never ends on.
DANGLING_ENDS = frozenset(
    words(
        """of to in into the a an and or for with by on at from its their his her as near some
    about around over under more than"""
    )
)
# Words after a verb that a headline leaves out ("alone", "so far").
HEADLINE_FILLERS = frozenset(words("alone reportedly also"))
# Pronouns that stand for the sentence's reporter ("Ukraine's forces say they killed ...").
REPORTER_PRONOUNS = frozenset(words("it they he she its their his her"))
# Phrases a headline leaves out wherever they stand.
FILLER_PHRASES = (
    "for the first time",
    "on condition of anonymity",
    "so far",
    "in a statement",
    "in a post on Telegram",
)
