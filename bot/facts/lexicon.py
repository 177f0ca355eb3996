"""Word lists and patterns that tell a count of people from every other number.

Kept apart from the rules in ``claims`` so the vocabulary can grow without touching the logic.
"""

from __future__ import annotations

import re

from bot.facts.model import Metric

# Nouns that count military people.
PERSONNEL_NOUNS = frozenset(
    """troops troop soldiers soldier servicemen serviceman servicemembers personnel fighters
    fighter men combatants infantry infantrymen conscripts recruits reservists mercenaries
    commandos paratroopers marines sailors airmen troopers gunners snipers operators
    forces force contingent regulars draftees cadets others defenders nationals sappers
    deminers engineers replacements""".split()
)
# Two-word personnel nouns whose first word alone means something else.
PERSONNEL_PAIRS = frozenset(
    {("service", "members"), ("service", "personnel"), ("military", "personnel"),
     ("special", "forces"), ("army", "personnel"), ("army", "soldiers")}
)

# Nouns that name a casualty category themselves ("4,700 casualties").
CASUALTY_NOUNS: dict[str, Metric] = {
    "casualties": Metric.CASUALTIES, "casualty": Metric.CASUALTIES, "losses": Metric.CASUALTIES,
    "dead": Metric.KILLED, "deaths": Metric.KILLED, "fatalities": Metric.KILLED,
    "killed": Metric.KILLED, "kia": Metric.KILLED, "slain": Metric.KILLED,
    "wounded": Metric.WOUNDED, "injured": Metric.WOUNDED, "injuries": Metric.WOUNDED,
    "prisoners": Metric.CAPTURED, "prisoner": Metric.CAPTURED, "pows": Metric.CAPTURED,
    "pow": Metric.CAPTURED, "captives": Metric.CAPTURED, "captured": Metric.CAPTURED,
    "missing": Metric.MISSING, "mia": Metric.MISSING, "bodies": Metric.KILLED,
    "reinforcements": Metric.DEPLOYED, "replacements": Metric.DEPLOYED,
}

# People who are not combatants, and things that are not people: a count of these is no figure.
NON_COMBATANT_NOUNS = frozenset(
    """civilians civilian people persons residents children kids women villagers workers
    laborers labourers citizens refugees evacuees journalists reporters students doctors
    medics nurses hostages patients pensioners passengers inhabitants families households
    migrants police policemen policeman officers officials diplomats lawmakers voters tourists
    inmates convicts defectors athletes delegates guests visitors employees staff teenagers
    boys girls babies infants elderly""".split()
)

# Words that may stand between a number and the noun it counts.
MODIFIERS = frozenset(
    """more additional further extra new fresh other elite regular professional active
    active-duty frontline front-line combat young experienced trained well-trained strong
    of the its their his her our them these those such some battle-hardened hardened highly
    heavily armed veteran previous earlier former initial original total estimated reported
    confirmed so-called around about nearly roughly approximately mostly all own military
    battlefield irrecoverable construction""".split()
)

# Attribution verbs: "X said", "X estimates", "X placed ... at".
ATTRIBUTION_VERBS = (
    r"said|says|say|saying|stated|states|state|stating|reported|reports|report|reporting"
    r"|estimated|estimates|estimate|estimating|claimed|claims|claim|claiming|told|tells"
    r"|announced|announces|announcing|confirmed|confirms|confirming|believes|believe|believed"
    r"|assessed|assesses|assess|assessing|placed|places|placing|put|puts|putting|added|adds"
    r"|noted|notes|wrote|writes|warned|warns|indicated|indicates|indicate|suggested|suggests"
    r"|suggest|revealed|reveals|disclosed|discloses|acknowledged|acknowledges|admitted|admits"
    r"|concede|concedes|conceded|published|publishes|judges|judged|judge|cite|cites|calculated|calculates|counted|counts|tallied|recorded|records|documented|briefed"
    r"|informed|testified|insisted|insists|alleged|alleges|asserted|asserts|maintained"
    r"|maintains|projected|projects|figured|cited|cites|explained|explains"
)

# Heads of a noun phrase that can make a claim.
CLAIMANT_HEADS = frozenset(
    """intelligence agency agencies service services officials official military ministry
    sources source analysts analyst assessments assessment estimates estimate president
    minister spokesman spokeswoman spokesperson general staff commander commanders chief
    lawmakers lawmaker legislator legislators observers experts government officer officers
    army command department office institute report reports data figures monitors monitor
    group researchers think-tank tank newspaper outlet media broadcaster agency's
    headquarters parliament deputy deputies envoy ambassador secretary adviser advisor
    spokesmen directorate council committee mission blogger bloggers correspondents
    journalist journalists daily press media outlets newspapers television tv news document
    documents memo governor mayor administration researcher researchers scholar scholars study
    paper survey ombudsman commissioner forces units brigade battalion operator operators
    guards intelligence-gathering groups milblogger milbloggers same governments authorities
    authority ministries militaries""".split()
)
CLAIMANT_LOWER_WORDS = CLAIMANT_HEADS | frozenset(
    """senior top chief defense defence foreign military national state state-run state-owned
    state-funded independent western unnamed unidentified anonymous main spy deputy former
    regional local human rights special drone armed joint general think security""".split()
)
ORG_WORDS = frozenset(
    """intelligence agency agencies service ministry military staff command department office
    institute government army directorate council committee mission newspaper media
    parliament headquarters""".split()
)
PERSON_TITLES = frozenset(
    """president minister spokesman spokeswoman spokesperson general gen. lt. col. maj. capt.
    mr. mrs. ms. dr. sen. rep. commander chief secretary adviser advisor ambassador envoy
    lawmaker deputy""".split()
)
PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i"})

_METRIC_CUES: tuple[tuple[Metric, str], ...] = (
    (Metric.CASUALTIES,
     r"(?:killed|dead|wounded|injured)(?:\s*,\s*(?:killed|dead|wounded|injured|captured|missing))*"
     r",?\s+(?:and|or|and/or|&)\s+(?:killed|dead|wounded|injured|captured|missing)"
     r"|(?:wounded|injured)\s+(?:and|or)\s+(?:killed|dead)|casualt(?:y|ies)|losses|lost|loses"
     r"|lose|losing"
     r"|killed,\s+wounded(?:,)?\s+(?:and|or)\s+(?:missing|captured)"),
    (Metric.KILLED,
     r"killed|kill|kills|killing|dead|deaths?|died|die|dies|dying|fatalit(?:y|ies)|perished"
     r"|KIA|lost\s+their\s+lives|slain|death\s+toll|executed|executions?|shot\s+dead"
     r"|death\s+notices?"),
    (Metric.WOUNDED, r"wounded|wounding|injured|injuring|injur(?:y|ies)|hurt"),
    (Metric.CAPTURED,
     r"captured|capturing|capture|captives?|prisoners?(?:\s+of\s+war)?|POWs?|captivity"
     r"|taken\s+(?:prisoner|captive|alive)|surrendered|surrender|held\s+by|holding|holds"),
    (Metric.MISSING, r"missing|MIA|unaccounted\s+for"),
    (Metric.DEPLOYED,
     r"deployed|deploying|deploys|deploy|deployments?|redeployed|redeployment|sent|send|sending"
     r"|sends|dispatched|dispatch|dispatches|dispatching|arrived|arriving|arrive|arrivals?"
     r"|stationed|replenished|replenish|replenishing"
     r"|transferred|shipped|mobili[sz]ed|reinforcements?|amassed|massed|positioned"
     r"|fighting|fought|fight|serving|serve|bolster|reinforce|reinforced"
     r"|reinforcing|moved|moving|relocated|rotated|rotating|poured|transported"
     r"|ferried|flown|airlifted|boarded|put\s+aboard|brought"
     r"|(?:(?:are|were|is|was|remain|remained)\s+(?:currently\s+|now\s+|still\s+|already\s+)?"
     r"(?:in|inside|on\s+the\s+ground\s+in)|(?:now|currently|already|still)\s+in)\b"
     r"(?!\s+(?:\w+\s+)?captivity)"),
)
METRIC_CUE_RE = re.compile(
    "|".join(f"(?P<m{i}>\\b(?:{p})\\b)" for i, (_, p) in enumerate(_METRIC_CUES)),
    re.IGNORECASE,
)
METRIC_CUE_GROUPS = {f"m{i}": metric for i, (metric, _) in enumerate(_METRIC_CUES)}

# A quantity followed by one of these measures something other than people.
UNIT_AFTER_RE = re.compile(
    r"^(?:\s*-\s*|\s+)?(?:km|kms|kilomet(?:er|re)s?|mi|miles?|met(?:er|re)s?|m|feet|ft|square|sq"
    r"|hectares?|acres?|days?|weeks?|months?|years?|yrs?|hours?|hrs?|minutes?|mins?|seconds?"
    r"|secs?|decades?|centur(?:y|ies)|nights?|year-old|years?\s+old|tons?|tonnes?|kg|kilograms?"
    r"|pounds?|lbs?|degrees?|mm|calib(?:er|re)|rounds?|shells?|percent|per\s*cent|pct"
    r"|percentage\s+points?|dollars?|won|euros?|rubles?|roubles?|hryvnias?|yuan|yen|usd|eur|krw"
    r"|times|fold|points?|votes?|seats?|pages?|kilotons?|mph|a\.m\.|p\.m\.|am|pm|gmt|utc|kst"
    r"|o'clock|hrs|sorties|missiles?|drones?|tanks?|shells?|vehicles?|jets?|aircraft|rockets?"
    r"|artillery|howitzers?|guns?|rifles?|bombs?|grenades?|launchers?|systems?|km/h|per\s+day"
    r"|a\s+day|a\s+month|a\s+year|per\s+month|per\s+year)\b",
    re.IGNORECASE,
)
SYMBOL_AFTER_RE = re.compile(r"^(?:\s*%|:\d|/\d|\.\d|\]|\s*(?:°|km\b|x\b))")
# A sentence that asks, denies or looks back at another war states none of our figures.
QUESTION_END_RE = re.compile(r"\?[\"'”’)\]]*\s*(?:\([^)]*\)\s*)*$")
DENIAL_RE = re.compile(
    r"\b(?:denied|denies|deny|denying|dismissed|dismisses|dismissing|rejected|rejects|refuted"
    r"|refutes|debunked|called\s+(?:it|them|the\s+(?:\w+\s+){0,6}?)[\"“']?(?:an?\s+)?"
    r"(?:fake|false|lies?|propaganda|fabrication|fiction|nonsense|disinformation))\b",
    re.IGNORECASE,
)
# A verb before a count of prisoners that is not a count of captures.
NOT_CAPTURE_AFTER_RE = re.compile(
    r"\s+(?:\w+\s+){0,3}?(?:were|was|have\s+been|had\s+been|are|being)?\s*"
    r"(?:exchanged|released|returned|freed|swapped|repatriated|handed\s+over)\b",
    re.IGNORECASE,
)
NOT_CAPTURE_VERBS_RE = re.compile(
    r"\b(?:interviewed|visited|met|released|freed|returned|exchanged|swapped|repatriated"
    r"|(?:in\s+)?exchange\s+for|traded\s+for|swap\s+for"
    r"|handed\s+over|spoke\s+(?:to|with)|sentenced|tried|convicted)\s+"
    r"(?:(?:an?|the|some|another|about|around|at\s+least|over|nearly|more\s+than)\s+)?$",
    re.IGNORECASE,
)
NEGATED_BEFORE_RE = re.compile(
    r"\b(?:not|rather\s+than|instead\s+of|and\s+not|never)\s*$", re.IGNORECASE
)
CORRECTION_RE = re.compile(
    r"\b(?:earlier\s+version|previous\s+version|incorrectly|erroneously|misstated|misreported|typo"
    r"|wrongly\s+(?:stated|said|reported))\b",
    re.IGNORECASE,
)
# The word right before a number that makes it a label, a price or an age, not a count.
BEFORE_EXCLUDE_WORDS = frozenset(
    """usd eur krw rub no. resolution article page pages brigade division regiment corps
    battalion unit route highway flight aged age ages section chapter room building phone tel
    tel. score level phase number version group edit point item part step round option
    paragraph para footnote recital annex table figure turned episode issue vol volume""".split()
)
BEFORE_EXCLUDE_CASED = frozenset({"Kh", "Tu", "Su", "MiG", "T", "BM", "M", "US$"})
BEFORE_EXCLUDE_PAIRS = frozenset({"who is", "who was"})
BEFORE_EXCLUDE_SYMBOLS = "$€£₩¥[#"
ONE_OF_RE = re.compile(r"^\s+of\s+(?:the|them|those|these|its|their|his|her|our)\b", re.IGNORECASE)

ADDITIONAL_BEFORE_RE = re.compile(
    r"\b(?:an?\s+)?(?:additional|further|another|extra|fresh|new\s+batch\s+of|more)\s+"
    r"(?:(?:estimated|approximately|about|around|some|roughly|nearly|at\s+least|up\s+to)\s+)?$",
    re.IGNORECASE,
)
ADDITIONAL_AFTER_RE = re.compile(
    r"\s*(?:more|additional|extra|further|new|fresh|reinforcements)\b", re.IGNORECASE
)

# "-strong", "-man": the number is the size of a force.
FORCE_SIZE_AFTER_RE = re.compile(
    r"^-(?:strong|man|member|soldier|troop)\b(?!\s+(?:army|military|armed\s+forces|standing))",
    re.IGNORECASE,
)
NATIONAL_ARMY_AFTER_RE = re.compile(
    r"^-strong\s+(?:army|military|armed\s+forces|standing)", re.IGNORECASE
)
FORCE_SIZE_BEFORE_RE = re.compile(
    r"\b(?:among|out\s+of|of\s+the|force\s+of|contingent\s+of|total\s+of|deployment\s+of"
    r"|group\s+of|corps\s+of|body\s+of)\s+"
    r"(?:(?:an\s+estimated|about|around|some|roughly|nearly|at\s+least|up\s+to|approximately)\s+)?$",
    re.IGNORECASE,
)

EQUIPMENT_AFTER_PERSONNEL_RE = re.compile(
    r"\s+(?:fighting|vehicles?|carriers?|transports?|trucks?)\b", re.IGNORECASE
)
CLAUSE_BREAK_RE = re.compile(
    r";|,\s*[”\"]|[”\"]\s*,|\s[-–—]\s"
    r"|\b(?:while|whereas|but|although|though|compared\s+(?:with|to)|versus|vs\.)\b"
    r"|\(|\)",
    re.IGNORECASE,
)
DESTINATION_BEFORE_RE = re.compile(
    r"\b(?:to|in|into|inside|for|against|toward|towards|across|near|with|on|at|into|over"
    r"|invaded|invade|invading|attacked|attack|help|helping|support|supporting|aid|aiding"
    r"|bolster|bolstering)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# "MR. KIRBY:", "Q:", "The Minister for the Armed Forces (Luke Pollard):", "Zelenskyy:".
SPEAKER_RE = re.compile(
    r"^(?:\d{1,3}\.\s+)?(?P<label>@\w{1,30}|(?:[A-Z][\w'’.-]*|\([^)]{1,40}\))"
    r"(?:\s+(?:[A-Z][\w'’.-]*|\([^)]{1,40}\)|of|for|the|and|de|van|von|al-\w+"
    r"|military|intelligence|general|staff|defence|defense|ministry|forces|press|service"
    r"|office|spokesman|spokeswoman|spokesperson)){0,7})"
    r"\s*:\s+(?=\S*[a-z\d\"“‘'])"
)
# A label alone on its line ("Luke Pollard:") opens a turn for the lines below it.
SPEAKER_LINE_RE = re.compile(
    SPEAKER_RE.pattern.replace(r"\s*:\s+(?=\S*[a-z\d\"“‘'])", r"\s*:\s*$")
)
QUESTIONER_LABELS = frozenset({"Q", "Q.", "QUESTION", "REPORTER", "INTERVIEWER", "HOST"})
ANSWER_LABELS = frozenset({"A", "A.", "ANSWER"})
NOT_SPEAKER_LABELS = frozenset(
    """note update updated breaking correction summary source sources background analysis
    context key points title date subject from to sent re cc bcc fact sheet headline headlines
    editor's editors watch read more related photo caption video warning disclaimer
    clarification quote source""".split()
)
