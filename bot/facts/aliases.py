"""Alias tables: the names the text uses for forces and claimants, and their canonical forms."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from bot.facts.trie import trie_pattern

# Canonical force -> the ways documents name it (as a noun, adjective, capital or demonym).
SUBJECT_ALIASES: dict[str, tuple[str, ...]] = {
    "North Korea": (
        "North Korea", "North Korean", "North Koreans", "N. Korea", "N. Korean", "N.Korea",
        "N.Korean", "DPRK", "D.P.R.K.", "Pyongyang", "Democratic People's Republic of Korea",
        "Korean People's Army", "KPA", "NK", "NKs",
    ),
    "Russia": (
        "Russia", "Russian", "Russians", "Moscow", "Kremlin", "Russian Federation", "RU", "RF",
        "occupiers", "occupying forces", "invaders", "russists", "rashists",
    ),
    "Ukraine": (
        "Ukraine", "Ukrainian", "Ukrainians", "Kyiv", "Kiev", "UAF", "AFU", "ZSU", "VSU",
        "Armed Forces of Ukraine",
    ),
    "South Korea": ("South Korea", "South Korean", "South Koreans", "Seoul", "ROK"),
    "United States": (
        "United States", "U.S.", "US", "USA", "U.S.A.", "American", "Americans", "Washington",
        "Pentagon",
    ),
    "China": ("China", "Chinese", "Beijing"),
    "Belarus": ("Belarus", "Belarusian", "Belarusians", "Minsk"),
    "Iran": ("Iran", "Iranian", "Iranians", "Tehran"),
    "Israel": ("Israel", "Israeli", "Israelis", "IDF"),
    "Palestine": ("Palestinian", "Palestinians", "Gaza", "Hamas"),
    "Lebanon": ("Lebanon", "Lebanese", "Hezbollah"),
    "Syria": ("Syria", "Syrian", "Syrians"),
    "Yemen": ("Yemen", "Yemeni", "Houthi", "Houthis"),
    "Sudan": ("Sudan", "Sudanese", "Rapid Support Forces", "RSF"),
    "Myanmar": ("Myanmar", "Burmese", "Tatmadaw"),
    "Georgia": ("Georgian", "Georgians"),
    "Poland": ("Poland", "Polish", "Poles"),
    "Somalia": ("Somalia", "Somali", "Somalis", "Somaliland", "Puntland"),
    "Nigeria": ("Nigeria", "Nigerian", "Nigerians"),
    "Colombia": ("Colombia", "Colombian", "Colombians"),
    "Kenya": ("Kenya", "Kenyan", "Kenyans"),
    "Haiti": ("Haiti", "Haitian", "Haitians"),
    "Ethiopia": ("Ethiopia", "Ethiopian", "Ethiopians"),
    "NATO": ("NATO",),
    "United Kingdom": ("Britain", "British", "U.K.", "UK"),
    "France": ("France", "French"),
    "Germany": ("Germany", "German", "Germans"),
    "Japan": ("Japan", "Japanese", "Tokyo"),
    "India": ("India", "Indian", "Indians"),
    "Nepal": ("Nepal", "Nepali", "Nepalese"),
    "Cuba": ("Cuba", "Cuban", "Cubans"),
    "Chechnya": ("Chechen", "Chechens"),
}

# Canonical claimant -> patterns (regular expressions, case-insensitive) naming it.
CLAIMANT_ALIASES: dict[str, tuple[str, ...]] = {
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
        r"(?:British|UK|U\.K\.|Britain's|Britain’s)\s+(?:Ministry\s+of\s+Defen[cs]e|Defen[cs]e\s+Ministry)",
        r"\bUK\s+MoD\b",
    ),
}

_CLAIMANT_RES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (canonical, re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE))
    for canonical, patterns in CLAIMANT_ALIASES.items()
)


@lru_cache(maxsize=4096)
def canonical_claimant(name: str) -> str | None:
    """The canonical claimant ``name`` refers to, or None when the table does not know it."""
    for canonical, pattern in _CLAIMANT_RES:
        if pattern.search(name):
            return canonical
    return None


def subject_aliases(names: Iterable[str]) -> tuple[re.Pattern[str], dict[str, str]]:
    """One regex over every alias of every force, and alias text -> canonical force."""
    table = {a: canonical for canonical, aliases in SUBJECT_ALIASES.items() for a in aliases}
    for name in names:
        table.setdefault(name, name)
    # Case-sensitive on purpose: "us" the pronoun is not the "US", "nk" is nothing.
    pattern = re.compile(
        r"(?<![\w.])(?:" + trie_pattern(table) + r"|the\s+North(?!\s+Korea))(?![\w])"
    )
    table["the North"] = "North Korea"  # in this story, "the North" without "Korea"
    return pattern, table
