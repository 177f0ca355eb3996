"""Casualty vocabulary: the nouns and verbs that say what happened to the people counted.

``METRIC_CUES`` lists, per metric, the cue words as small regular expressions (inflections
written as ``s?``); a cue for casualties comes before the killed and wounded cues it contains,
as the first metric whose cue matches at a position wins.
"""

from __future__ import annotations

from bot.facts.model import Metric
from bot.facts.vocabulary.build import words

# Nouns that name a casualty category themselves ("4,700 casualties", "300 dead").
CASUALTY_NOUNS: dict[str, Metric] = {
    "casualties": Metric.CASUALTIES, "casualty": Metric.CASUALTIES, "losses": Metric.CASUALTIES,
    "dead": Metric.KILLED, "deaths": Metric.KILLED, "fatalities": Metric.KILLED,
    "killed": Metric.KILLED, "kia": Metric.KILLED, "slain": Metric.KILLED,
    "wounded": Metric.WOUNDED, "injured": Metric.WOUNDED, "injuries": Metric.WOUNDED,
    "prisoners": Metric.CAPTURED, "prisoner": Metric.CAPTURED, "pows": Metric.CAPTURED,
    "pow": Metric.CAPTURED, "captives": Metric.CAPTURED, "captured": Metric.CAPTURED,
    "missing": Metric.MISSING, "mia": Metric.MISSING, "bodies": Metric.KILLED,
    "reinforcements": Metric.DEPLOYED, "replacements": Metric.DEPLOYED,
}  # fmt: skip
# Casualty nouns whose size a vague amount may give after them ("the dead are in the hundreds",
# "casualties now run into the thousands").
SIZED_CASUALTY_NOUNS = words(
    "dead deaths killed fatalities wounded injured casualties losses missing prisoners captives"
)
# After "they": verbs whose subject owns the people counted ("they had lost about 1,100",
# "they have sent another 3,000"); not "they killed 300", whose victims are others.
PRONOUN_FORCE_VERBS = (
    "lost", "lose", "loses", "losing", "suffered", "suffer", "suffering", "sustained", "sent",
    "send", "sending", "deployed", "deploy", "deploying", "brought in", "moved", "rotated",
)  # fmt: skip
# What was done to prisoners that makes them killed, not captured ("prisoners of war have been
# executed"); prisoners who "died of their injuries" are still counted as captures.
PRISONER_KILLING_VERBS = (
    "executed", "killed", "shot dead", "shot", "murdered", "tortured to death", "beheaded",
)  # fmt: skip
# "two wounded North Korean soldiers": an adjective before the people counted.
CASUALTY_ADJECTIVES = frozenset(words("wounded injured dead captured missing"))
# "killed or wounded": the two together are casualties.
KILLED_OR_WOUNDED = words("wounded injured killed dead")

METRIC_CUES: tuple[tuple[Metric, str], ...] = (
    (Metric.CASUALTIES,
     r"(?:killed|dead|wounded|injured)(?:\s*,\s*(?:killed|dead|wounded|injured|captured|missing))*"
     r",?\s+(?:and|or|and/or|&)\s+(?:have\s+|been\s+)?"
     r"(?:killed|dead|wounded|injured|captured|missing|deserted)"
     r"|(?:wounded|injured)\s+(?:and|or)\s+(?:killed|dead)|casualt(?:y|ies)|losses"
     r"|lost(?!\s+(?:their|his|her)\s+lives?)|loses"
     r"|lose|losing"
     r"|killed,\s+wounded(?:,)?\s+(?:and|or)\s+(?:missing|captured)"),
    (Metric.KILLED,
     r"killed|kill|kills|killing|dead|deaths?|died|die|dies|dying|fatalit(?:y|ies)|perished"
     r"|KIA|lost\s+their\s+lives|slain|death\s+toll|executed|executions?|shot\s+dead"
     r"|death\s+notices?"),
    (Metric.WOUNDED, r"wounded|wounding|injured|injuring|injur(?:y|ies)|hurt"),
    (Metric.CAPTURED,
     r"captured|capturing|capture|captives?|prisoners?(?:\s+of\s+war)?|POWs?|captivity"
     r"|taken\s+(?:prisoner|captive|alive)|surrendered|surrender|held\s+by|hold(?:s|ing)?\b(?!\s*[,.;:)])"
     r"|in\s+(?:\w+\s+)?custody"),
    (Metric.MISSING, r"missing|MIA|unaccounted\s+for"),
    (Metric.DEPLOYED,
     r"deployed|deploying|deploys|deploy|deployments?|redeployed|redeployment|sent|send|sending"
     r"|sends|dispatched|dispatch|dispatches|dispatching|arrived|arriving|arrive|arrivals?"
     r"|stationed|replenished|replenish|replenishing"
     r"|transferred|shipped|mobili[sz]ed|reinforcements?|amassed|massed|positioned"
     r"|fighting|fought|fight|serving|serve|bolster|reinforce|reinforced"
     r"|reinforcing|moved|moving|relocated|rotated|rotating|poured|transported"
     r"|ferried|flown|airlifted|boarded|put\s+aboard|brought|bringing\s+in|brings\s+in"
     r"|(?:(?:are|were|is|was|remain|remained)\s+(?:currently\s+|now\s+|still\s+|already\s+)?"
     r"(?:in|inside|on\s+the\s+ground\s+in)|(?:now|currently|already|still)\s+in)\b"
     r"(?!\s+(?:\w+\s+)?(?:captivity|custody))"),
)

# What a release or a meeting does to prisoners: a count of them is no count of captures.
RELEASE_VERBS = ("exchanged", "released", "returned", "freed", "swapped", "repatriated",
                 "handed over")
MEETING_VERBS = (
    "interviewed", "visited", "met", "in exchange for", "exchange for", "traded for", "swap for",
    "spoke to", "spoke with", "sentenced", "tried", "convicted",
)  # fmt: skip
# Verbs that recruit or train people: a count of recruits is no deployment and no loss
# ("recruiting around 30,000 men per month", "trained 45,000 Ukrainian recruits").
RECRUITING_VERBS = words(
    """recruit recruits recruited recruiting enlist enlists enlisted enlisting train trains
    trained training conscript conscripts conscripted conscripting draft drafted drafting"""
)
# Verbs that send a force ("Pyongyang sent ...", "the troops Pyongyang dispatched").
SENDING_VERBS = words("sent dispatched deployed sends dispatches deploys")
# "by sending as many as 12,000 troops": who sends is the sentence's subject.
SENDING_GERUNDS = words("sending deploying dispatching supplying providing")
