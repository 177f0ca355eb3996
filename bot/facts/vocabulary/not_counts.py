"""Words around a number that make it something other than a count of people.

Units ("25 km", "979 days"), money ("$425"), labels ("Resolution 2767", "Su-25"), ages ("aged
19"), questions, corrections, denials and hypotheticals.
"""

from __future__ import annotations

from bot.facts.vocabulary.build import words

# Right after a number: it measures something else. Regular expressions (inflections as "s?").
UNITS_AFTER = (
    r"km", r"kms", r"kilomet(?:er|re)s?", r"mi", r"miles?", r"met(?:er|re)s?", r"m", r"feet",
    r"ft", r"square", r"sq", r"hectares?", r"acres?", r"days?", r"weeks?", r"months?", r"years?",
    r"yrs?", r"hours?", r"hrs?", r"minutes?", r"mins?", r"seconds?", r"secs?", r"decades?",
    r"centur(?:y|ies)", r"nights?", r"year-old", r"years?\s+old", r"tons?", r"tonnes?", r"kg",
    r"kilograms?", r"pounds?", r"lbs?", r"degrees?", r"mm", r"calib(?:er|re)", r"rounds?",
    r"shells?", r"percent", r"per\s*cent", r"pct", r"percentage\s+points?", r"dollars?", r"won",
    r"euros?", r"rubles?", r"roubles?", r"hryvnias?", r"yuan", r"yen", r"usd", r"eur", r"krw",
    r"times", r"fold", r"points?", r"votes?", r"seats?", r"pages?", r"kilotons?", r"mph",
    r"a\.m\.", r"p\.m\.", r"am", r"pm", r"gmt", r"utc", r"kst", r"o'clock", r"sorties",
    r"missiles?", r"drones?", r"tanks?", r"vehicles?", r"jets?", r"aircraft", r"rockets?",
    r"artillery", r"howitzers?", r"guns?", r"rifles?", r"bombs?", r"grenades?", r"launchers?",
    r"systems?", r"km/h", r"per\s+day", r"a\s+day", r"a\s+month", r"a\s+year", r"per\s+month",
    r"per\s+year",
)  # fmt: skip
# The word right before a number that makes it a label, a price or an age.
LABEL_WORDS_BEFORE = frozenset(
    words(
        """usd eur krw rub no. resolution article page pages brigade division regiment corps
        battalion unit route highway flight aged age ages section chapter room building phone
        tel tel. score level phase number version group edit point item part step round option
        paragraph para footnote recital annex table figure turned episode issue vol volume"""
    )
)
# The same, matched as written: model names ("Su-25", "MiG-29", "T-90") and "US$".
CASED_LABELS_BEFORE = frozenset(words("Kh Tu Su MiG T BM M US$"))
# "who is 41": an age.
AGE_PAIRS_BEFORE = frozenset({"who is", "who was"})
CURRENCY_AND_LABEL_SIGNS = "$€£₩¥[#"
# "the average age rose from 31 to 35".
AGE_WORDS = (r"ages?", r"aged", r"years?\s+old", r"year-olds?")
# "1,000 men a day", "the daily rate": a rate, not a total.
RATE_PERIODS = words("day week month year")
RATE_ADVERBS = words("daily monthly weekly")
RATE_WORDS = (r"rate", r"average", r"averag\w+", r"per\s+day", r"daily")
# "not 5,000", "rather than 5,000".
NEGATIONS_BEFORE = ("not", "rather than", "instead of", "and not", "never")
# "Moscow denied that 5,000 ...": the number is cited to be rejected.
DENIAL_VERBS = words(
    """denied denies deny denying dismissed dismisses dismissing rejected rejects refuted
    refutes debunked"""
)
# "called the report fake".
DISMISSALS = words("fake false lie lies propaganda fabrication fiction nonsense disinformation")
# "An earlier version of this article misstated ...": the sentence corrects, states nothing.
CORRECTIONS = (
    "earlier version", "previous version", "incorrectly", "erroneously", "misstated",
    "misreported", "typo", "wrongly stated", "wrongly said", "wrongly reported",
)  # fmt: skip
# "could send as many as 30,000 more": not something that happened.
MODALS = ("could", "might", "may", "would", "will", "plans to", "plan to", "is expected to",
          "are expected to", "is set to", "are set to", "is poised to", "are poised to")
HYPOTHETICAL_ACTIONS = words("send deploy dispatch commit add lose")
