"""Words that join or separate clauses, and the prepositions that make a force a place.

A number's metric is read within its clause: "killed ... while U.S. assessments were lower,
around 1,200" has two. "sent to Russia", "in Russia's Kursk region": after these words a force
is where people are, not whose they are.
"""

from __future__ import annotations

from bot.facts.vocabulary.build import words

# Words that start another clause ("but", "while", "compared with").
CLAUSE_CONNECTIVES = (
    "while", "whereas", "but", "although", "though", "compared with", "compared to", "versus",
    "vs.",
)  # fmt: skip
# Before a force named as a place or a target: "sent to Russia", "attacked Ukraine".
DESTINATION_WORDS = words(
    """to in into inside for against toward towards across near with on at over invaded invade
    invading attacked attack help helping support supporting aid aiding bolster bolstering
    reached reaching entered entering"""
)
# "the number of troops ... put at 8,000": words that name a force's size.
TROOP_COUNT_NOUNS = words("troops soldiers personnel forces servicemen fighters contingent force"
                          " deployment")
# Words after a number that leave it without a noun: a verb, a preposition, an adverb
# ("300 were killed", "300 in Kursk", "300 so far", "2,000 now", "38,000 there").
BARE_NUMBER_FOLLOWERS = frozenset(
    words(
        """were was are is had have has been be being will would could may might remain
        remained in on at to from by for and or but as with during since after before into
        across inside near while when who which that this these reportedly believed thought
        said says say according so far total altogether overall alone each apiece
        respectively over under through throughout between among against around within until
        till per via including not now then there here still already today yesterday
        followed came arrived"""
    )
)
# After a force, a body that speaks or reports rather than people that are counted
# ("Ukrainian television", "Russia's defence ministry", "Ukrainian officials"), or whose
# estimate a number is ("the South Korean estimate is roughly 5,200 casualties").
BODY_WORDS = frozenset(
    words(
        """television tv radio media newspaper newspapers outlet outlets press channel channels
        broadcaster broadcasters news journalists reporters bloggers officials authorities
        prosecutors prosecutor court courts diplomats embassy government parliament president
        ministry agency intelligence spy foreign ombudsman estimate estimates assessment
        assessments"""
    )
)
# "Ukraine's military intelligence", "Russia's defence ministry": a body after these words.
BODY_LEADS = frozenset(words("military army defence defense"))
