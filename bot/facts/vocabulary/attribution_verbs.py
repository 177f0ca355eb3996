"""Attribution verbs: the words by which a sentence says who claims its numbers.

"X said", "X estimates", "according to X", "put at 70,000 by X", "X's estimate". A verb that only
names an actor ("X denied ...", "X declined to comment") makes no number theirs.
"""

from __future__ import annotations

from bot.facts.vocabulary.build import words

# "X said", "X estimates", "X placed ... at".
ATTRIBUTION_VERBS = words(
    """said says say saying tell stated states state stating reported reports report reporting
    estimated estimates estimate estimating claimed claims claim claiming told tells announced
    announces announcing confirmed confirms confirming believes believe believed assessed
    assesses assess assessing placed places placing put puts putting added adds noted notes
    wrote writes warned warns indicated indicates indicate suggested suggests suggest revealed
    reveals disclosed discloses acknowledged acknowledges admitted admits concede concedes
    conceded published publishes judges judged judge cite cites calculated calculates counted
    counts tallied recorded records documented briefed informed testified insisted insists
    alleged alleges asserted asserts maintained maintains projected projects figured cited
    explained explains informs inform identified verified lists registered registers"""
)
# Verbs that name an actor without making the sentence's numbers theirs.
MENTION_ONLY_VERBS = words(
    """comment commented declined denied denies deny rejected rejects dismissed dismisses
    responded refused refuses"""
)
# Words of the "according to X" family; one of them must be in a sentence that uses it.
ACCORDING_CUES = words(
    "according citing cited per words view estimate assessment by allegations allegation"
    " assertions assertion"
)
# "in the words of X", "in the assessment of X".
VIEW_NOUNS = words("words view estimate assessment")
# "relayed by X", "provided to Reuters by X".
RELAY_VERBS = words("relayed provided given shared passed")
# "reported by X", "confirmed by X".
REPORTED_BY_VERBS = words(
    "reported estimated cited confirmed released published given provided claimed announced stated"
    " identified verified"
)
# "were put at more than 70,000 by X": a passive report names its claimant after "by".
PASSIVE_REPORT_VERBS = words(
    "put placed estimated reported given assessed counted confirmed tallied calculated"
)
# "The agency published ...": the sentence's subject published something, for a later "it said".
# "while Ukraine is believed to be holding ...": a clause that hedges without naming anyone.
UNNAMED_REPORT_VERBS = words("believed thought understood estimated reported said assumed known")
PUBLISHING_VERBS = words(
    "posted published released issued shared announced reported showed presented briefed gave"
    " provided"
)
# "sources familiar with the matter", "sources close to the Kremlin".
SOURCE_RELATIONS = ("familiar with", "close to", "briefed on", "with knowledge of")
# Words between a claimant and its verb that the claimant is not part of (", citing X,").
ASIDE_OPENERS = (
    "citing", "quoting", "referring to", "using", "based on", "drawing on", "relying on",
)
