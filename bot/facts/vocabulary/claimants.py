"""Claimant vocabulary: who can make a claim, and the canonical names of the claimants we know.

``CLAIMANT_PATTERNS`` maps a canonical claimant to the regular expressions (case-insensitive)
that name it; the word lists say which lower-case words may belong to a claimant's name ("the
intelligence agency", "senior defence officials") and which make it a person or a body.
"""

from __future__ import annotations

from bot.facts.vocabulary.build import words

# Canonical claimant -> patterns (regular expressions, case-insensitive) naming it.
CLAIMANT_PATTERNS: dict[str, tuple[str, ...]] = {
    "NIS": (
        r"National\s+Intelligence\s+Service", r"\bNIS\b",
        r"South\s+Korea(?:'s|’s|n)\s+(?:main\s+)?spy\s+agency", r"Seoul(?:'s|’s)\s+spy\s+agency",
    ),
    "Volodymyr Zelenskyy": (r"Zelensk(?:yy|y|iy|ij)",),
    "Vladimir Putin": (r"\bPutin\b",),
    "Kim Jong Un": (r"\bKim\s+Jong[\s-]?Un\b",),
    "JCS": (r"Joint\s+Chiefs\s+of\s+Staff", r"\bJCS\b"),
    "HUR": (
        r"\bHUR\b", r"\bGUR\b", r"Main\s+(?:Directorate\s+of\s+)?Intelligence\s+Directorate",
        r"Defen[cs]e\s+Intelligence\s+of\s+Ukraine",
        r"Ukrain(?:e's|e’s|ian)\s+military\s+intelligence",
    ),
    "Pentagon": (r"\bPentagon\b", r"U\.?S\.?\s+Department\s+of\s+Defen[cs]e"),
    "ISW": (r"Institute\s+for\s+the\s+Study\s+of\s+War", r"\bISW\b"),
    "JoongAng Ilbo": (r"JoongAng\s+Ilbo",),
    "Yonhap": (r"\bYonhap\b",),
    "UK Ministry of Defence": (
        r"(?:British|UK|U\.K\.|Britain's|Britain’s)\s+(?:Ministry\s+of\s+Defen[cs]e"
        r"|Defen[cs]e\s+Ministry)",
        r"\bUK\s+MoD\b",
    ),
}

# Heads of a noun phrase that can make a claim ("the agency", "officials", "the report").
CLAIMANT_HEADS = frozenset(
    words(
        """intelligence agency agencies service services officials official military ministry
        sources source analysts analyst assessments assessment estimates estimate president
        minister spokesman spokeswoman spokesperson general staff commander commanders chief
        lawmakers lawmaker legislator legislators observers experts government officer officers
        army command department office institute report reports data figures monitors monitor
        group researchers think-tank tank newspaper outlet media broadcaster agency's
        headquarters parliament deputy deputies envoy ambassador secretary adviser advisor
        spokesmen directorate council committee mission blogger bloggers correspondents
        journalist journalists daily press outlets newspapers television tv news document
        documents memo governor mayor administration researcher scholar scholars study
        paper survey ombudsman commissioner forces units brigade battalion operator operators
        guards intelligence-gathering groups milblogger milbloggers same governments authorities
        authority ministries militaries representative representatives delegation delegations
        delegate side update updates bulletin summary correspondent columnist partners allies
        channel channels"""
    )
)
# Lower-case words that may qualify a claimant's head ("senior defence officials").
CLAIMANT_QUALIFIERS = frozenset(
    words(
        """senior top chief defense defence foreign military national state state-run state-owned
        state-funded independent western unnamed unidentified anonymous main spy deputy former
        regional local human rights special drone armed joint general think security"""
    )
)
CLAIMANT_LOWER_WORDS = CLAIMANT_HEADS | CLAIMANT_QUALIFIERS
# A claimant naming one of these is a body, not a person.
ORG_WORDS = frozenset(
    words(
        """intelligence agency agencies service ministry military staff command department office
        institute government army directorate council committee mission newspaper media
        parliament headquarters federation republic kingdom union nations states delegation"""
    )
)
# A claimant naming one of these is a person.
PERSON_TITLES = frozenset(
    words(
        """president minister spokesman spokeswoman spokesperson general gen. lt. col. maj. capt.
        mr. mrs. ms. dr. sen. rep. commander chief secretary adviser advisor ambassador envoy
        lawmaker deputy head director colonel counsellor representative commissioner
        ombudsman lord"""
    )
)
PRONOUNS = frozenset(words("he she they it we i"))
# Who speaks for a body named after them ("a spokeswoman for the service"): the body claims it.
SPEAKERS_FOR_A_BODY = frozenset(
    words(
        """spokesman spokeswoman spokesperson spokespeople spokesmen representative
        representatives official officials"""
    )
)

# What a claim's own words may call it ("Ukraine's estimate", "the agency's data").
ESTIMATE_HEADS = words(
    """assessment assessments estimate estimates figure figures count tally data calculation
    calculations intelligence claim claims allegation allegations assertion briefing briefings"""
)
# "allegations by the Russian Federation that ...", "claims made by Moscow": the claimant
# follows "by".
CLAIM_NOUNS = words("allegations allegation claims claim assertions assertion")
# A figure someone works out and owns: "Seoul's reckoning", "the General Staff's daily average",
# "the service's running total" (a total or tally only when running: "North Korea's total" is
# the force's own number).
RECKONING_HEADS = words("reckoning reckonings average averages")
RUNNING_HEADS = words("total totals tally tallies count counts")
# What "its", "their" or "the agency's" may own ("By the agency's latest count").
OWNED_ESTIMATE_HEADS = words(
    "count estimate estimates tally figures data assessment calculation claim claims allegation"
)
# A claimant written as "X's data" is X.
OWNER_DATA_HEADS = words(
    "data figures estimate estimates count tally statistics numbers assessment assessments claim"
    " claims allegation allegations update updates report reports bulletin summary briefing"
    " briefings"
)
# Subjects of a publishing verb that a later "it said" can point back to ("The unit posted").
SPEAKING_BODY_HEADS = words(
    """unit brigade battalion regiment agency ministry service office command staff army
    military spokesman spokeswoman official officials commander president minister"""
)
