"""Force aliases: the names documents give each force (noun, adjective, capital, demonym).

Matched case-sensitively, as written: "US" the country is not "us" the pronoun. "the North"
alone (not followed by "Korea") means North Korea in this story.
"""

from __future__ import annotations

# The forces whose people the story counts, unless the setting FACTBOT_SUBJECTS names others.
DEFAULT_SUBJECTS = ("North Korea", "Russia", "Ukraine")

# Canonical force (a figure's subject) -> the ways documents name it.
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
# Who leads a force, as readers name them, in the bot's languages: "kim" typed for a force
# means North Korea. (As claimants they are in ``claimants``.)
LEADERS: dict[str, tuple[str, ...]] = {
    "North Korea": ("Kim Jong Un", "Kim Jong-un", "Kim", "Кім Чен Ин", "Кім", "김정은"),
    "Russia": ("Vladimir Putin", "Putin", "Володимир Путін", "Путін", "푸틴"),
    "Ukraine": (
        "Volodymyr Zelenskyy", "Volodymyr Zelensky", "Zelenskyy", "Zelensky", "Zelenskiy",
        "Володимир Зеленський", "Зеленський", "젤렌스키",
    ),
}
# "the North" without "Korea" after it.
THE_NORTH = ("the North", "North Korea")
# "the North" before a capitalised name ("the North Group", "the North Caucasus") or one of these
# words is a grouping of forces or a region, not North Korea.
NOT_THE_NORTH_BEFORE = (
    "group", "grouping", "command", "front", "flank", "sector", "axis", "direction", "side", "of",
)  # fmt: skip

# Wars other than this one: a sentence that looks back at one states none of our figures.
OTHER_WARS = (
    "Korean", "Vietnam", "Afghan", "Soviet-Afghan", "Chechen", "Gulf", "Iraq", "Iran-Iraq",
    "Second World", "First World", "World", "Great Patriotic", "Winter",
)  # fmt: skip

# "the enemy" in a side's own report is the other side: Ukraine's General Staff counts Russia's
# losses, Russia's defence ministry Ukraine's.
ENEMY_OF = {"Ukraine": "Russia", "Russia": "Ukraine"}
ENEMY_WORDS = ("enemy", "enemy's", "occupiers", "occupiers'", "invaders", "adversary")
