"""Words around a number that make it something other than a count of people.

Units ("25 km", "979 days"), money ("$425"), labels ("Resolution 2767", "Su-25"), ages ("aged
19"), questions, corrections, denials and hypotheticals.
"""

from __future__ import annotations

from bot.facts.vocabulary.build import words

# Weapons and equipment: "170 mm guns", "more than 100 of its howitzers" count no people.
WEAPONS = words(
    """missile missiles drone drones tank tanks vehicle vehicles jet jets aircraft rocket rockets
    artillery howitzer howitzers gun guns rifle rifles bomb bombs grenade grenades launcher
    launchers system systems shell shells round rounds mortar mortars"""
)
# Right after a number: it measures something else ("25 km", "979 days", "a 5% rise").
UNITS_AFTER = (
    *words(
        """km kms kilometer kilometers kilometre kilometres mi mile miles meter meters metre metres
        m feet ft square sq hectare hectares acre acres day days week weeks month months year
        years yr yrs hour hours hr hrs minute minutes min mins second seconds sec secs decade
        decades century centuries night nights year-old ton tons tonne tonnes kg kilogram
        kilograms pound pounds lb lbs degree degrees mm caliber calibre
        percent pct dollar dollars won euro euros ruble rubles rouble roubles hryvnia hryvnias
        yuan yen usd eur krw times fold point points vote votes seat seats page pages kiloton
        kilotons mph a.m. p.m. am pm gmt utc kst o'clock sorties km/h"""
    ),
    *WEAPONS,
    "year old", "years old", "per cent", "percentage point", "percentage points",
    # a ratio or a share: "outnumbered three to one", "one in three soldiers"
    "to one", "to 1", "in two", "in three", "in four", "in five", "in ten", "out of ten",
)  # fmt: skip
# The word right before a number that makes it a label, a price or an age.
LABEL_WORDS_BEFORE = frozenset(
    words(
        """usd eur krw rub no. resolution resolutions article articles page pages brigade division
        regiment corps
        battalion unit route highway flight aged age ages section chapter room building phone
        tel tel. score level phase number version group edit point item part step round option
        paragraph para footnote recital annex table figure turned episode issue vol volume"""
    )
)
# The same, matched as written: model names ("Su-25", "MiG-29", "T-90") and "US$".
CASED_LABELS_BEFORE = frozenset(words("Kh Tu Su MiG T BM M US$"))
# "two soldiers, one of them 20 and the other 26": a person singled out, then an age.
AGE_APPOSITION_LEADS = (
    "one of them", "the other", "the youngest", "the oldest", "the younger", "the elder",
    "another",
)  # fmt: skip
# "a standing army of about 1.2 million", "could field an army of": a whole army's size.
NATIONAL_ARMY_LEADS = words("standing active active-duty regular reserve entire whole national")
ARMY_OWNING_VERBS = words("field fields fielding muster raise raising boast boasts has have with")
# "who is 41": an age.
AGE_PAIRS_BEFORE = frozenset({"who is", "who was"})
CURRENCY_AND_LABEL_SIGNS = "$€£₩¥[#"
# "the average age rose from 31 to 35".
AGE_WORDS = (r"ages?", r"aged", r"years?\s+old", r"year-olds?", r"youngest", r"oldest", r"eldest")
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
# What a corrections column says was wrong: "A report on 8 February said", "The same article".
PUBLISHED_ITEMS = (
    "article", "report", "story", "headline", "caption", "picture caption", "photo caption",
    "obituary", "graphic", "chart", "piece", "item", "post", "version", "standfirst",
)  # fmt: skip
# "could send as many as 30,000 more": not something that happened.
MODALS = ("could", "might", "may", "would", "will", "plans to", "plan to", "is expected to",
          "are expected to", "is set to", "are set to", "is poised to", "are poised to",
          "is likely to", "are likely to", "is preparing to", "are preparing to",
          "preparing to", "intends to", "intend to", "aims to", "is ready to", "are ready to")
HYPOTHETICAL_ACTIONS = words("send deploy dispatch commit add lose field supply muster provide")
# A forecast: "will have suffered over 1 million by June", "could reach 10,000 by the spring",
# "is expected to pass 1.1 million". Future auxiliaries, then what a count does.
FUTURE_AUXILIARIES = (
    "will", "shall", "is expected to", "are expected to", "is projected to", "are projected to",
    "is forecast to", "are forecast to", "is on course to", "are on course to", "is set to",
    "are set to",
)  # fmt: skip
# After "could", "might" or "would" these forecast too ("could reach 10,000").
FORECAST_VERBS = words("reach pass exceed top surpass hit climb rise grow double")
# "expect Russian casualties to remain above 35,000", "my expectation is that losses stay above
# 1,200 a day": an expectation, then what a count would go on doing.
EXPECTATION_WORDS = words(
    """expect expects expected expecting expectation expectations predict predicts predicted
    prediction anticipate anticipates anticipated forecast forecasts projection projections"""
)
EXPECTED_COURSE_VERBS = words(
    """stay stays remain remains continue continues keep keeps reach reaches exceed exceeds
    rise rises grow grows top tops hit hits surpass surpasses climb climbs pass passes cross
    crosses break breaks"""
)
# After a future auxiliary only ("will have suffered", "will lose"): "may have lost" estimates.
FUTURE_LOSS_VERBS = words("suffer suffered lose lost sustain sustained")
