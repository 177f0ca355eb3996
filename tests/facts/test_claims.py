"""Sentence-level rules of the extractor: which numbers become figures, and how."""

from __future__ import annotations

import pytest

from bot.facts.documents import parse_document
from bot.facts.extract import extract


def figures_of(text: str, published: str | None = "2025-02-14") -> list[tuple[object, ...]]:
    front = f"---\npublished: {published}\n---\n" if published else ""
    doc = parse_document((front + text).encode(), "claims-test.txt")
    return [
        (f.metric.value, f.subject, f.low, f.high, f.qualifier.value, f.source)
        for f in extract(doc).figures
    ]


TAKEN = [
    ("Ukraine's military said 1,500 North Korean soldiers had been killed near Kursk.",
     [("killed", "North Korea", 1500, 1500, "exact", "Ukraine's military")]),
    ("About 200 Russian troops were captured, according to the General Staff of Ukraine.",
     [("captured", "Russia", 200, 200, "about", "General Staff of Ukraine")]),
    ("Pyongyang has dispatched as many as 12,000 troops to Russia, Seoul's spy agency said.",
     [("deployed", "North Korea", 12000, 12000, "at_most", "NIS")]),
    ("The Pentagon estimates that upwards of 11,000 North Korean soldiers are in Kursk.",
     [("deployed", "North Korea", 11000, 11000, "at_least", "Pentagon")]),
    ("Kyiv says dozens of North Korean soldiers have been taken prisoner.",
     [("captured", "North Korea", 24, 99, "range", "Kyiv")]),
    ("Zelensky said nearly 4,000 North Koreans were killed or wounded in the fighting.",
     [("casualties", "North Korea", 4000, 4000, "about", "Volodymyr Zelenskyy")]),
    ("Some 1,500 more DPRK troops arrived in the region last week, the ministry said.",
     [("deployed", "North Korea", 1500, 1500, "about", "ministry")]),
    ("Russia's losses stand at roughly 790,000, Britain's defence ministry estimates.",
     [("casualties", "Russia", 790000, 790000, "about", "UK Ministry of Defence")]),
    ("North Korean casualties have reached 3,800, the Joint Chiefs of Staff said on Monday.",
     [("casualties", "North Korea", 3800, 3800, "exact", "JCS")]),
    ("An estimated 300 North Korean troops remain missing after the assault.",
     [("missing", "North Korea", 300, 300, "about", None)]),
    ("Ukrainian forces killed between 1,000 and 1,200 North Korean soldiers, Kyiv said.",
     [("killed", "North Korea", 1000, 1200, "range", "Kyiv")]),
    ("Moscow has deployed 1.5 million troops in total, Russian officials said.",
     [("deployed", "Russia", 1500000, 1500000, "exact", "Russian officials")]),
    ("Seoul believes Pyongyang sent a further 3,000 soldiers in January and February.",
     [("deployed", "North Korea", 3000, 3000, "exact", "Seoul")]),
    ("Three North Korean soldiers were captured, while two others died of their wounds.",
     [("captured", "North Korea", 3, 3, "exact", None),
      ("killed", "North Korea", 2, 2, "exact", None)]),
    ("Ukraine's military, meanwhile, says Russia has lost more than 800,000 troops.",
     [("casualties", "Russia", 800000, 800000, "at_least", "Ukraine's military")]),
    ("North Korea has sent at least 1,500 more soldiers, three sources familiar with the matter"
     " told Reuters.",
     [("deployed", "North Korea", 1500, 1500, "at_least",
       "three sources familiar with the matter")]),
    ("Kyiv's losses were put at more than 70,000 by Russia's Defense Ministry.",
     [("casualties", "Ukraine", 70000, 70000, "at_least", "Russia's Defense Ministry")]),
    ("Two North Korean prisoners held by Ukraine, aged 24 and 26, want to go to South Korea.",
     [("captured", "North Korea", 2, 2, "exact", None)]),
    ("Pyongyang sent another 3,000 or so soldiers in January, the NIS said.",
     [("deployed", "North Korea", 3000, 3000, "about", "NIS")]),
    ("The agency put North Korean deaths at 600 and injuries at 4,100.",
     [("killed", "North Korea", 600, 600, "exact", "agency"),
      ("wounded", "North Korea", 4100, 4100, "exact", "agency")]),
]


@pytest.mark.parametrize(("text", "expected"), TAKEN)
def test_figures_are_read(text: str, expected: list[tuple[object, ...]]) -> None:
    assert figures_of(text) == expected


NOT_TAKEN = [
    "The war has lasted 979 days and cost Russia $200 billion.",
    "A 24-year-old North Korean soldier was captured 30 km from the border.",
    "Aged 19, the soldier had served 3 years in the 11th Army Corps.",
    "Russia fired 120 missiles and 90 drones at Ukrainian cities overnight.",
    "At least 16 civilians were killed in the strike on Kharkiv.",
    "Israeli strikes killed 40 Palestinians in Gaza on Tuesday.",
    "North Korea has sent additional troops, but their size is still being examined.",
    "Turnout was 64 percent, and 2,023 ballots were spoiled.",
    "Resolution 2767 passed at 10:30 with 13 votes in favour.",
    "The 2024 summit produced a five-point plan.",
    "Twelve Sudanese soldiers were killed in Khartoum.",
    "One of the North Korean soldiers told interrogators he had trained for 10 months.",
    "Seoul pledged 2 billion won in aid to 300 families.",
    "Russia lost 3,000 tanks and 9,000 armoured vehicles, the ministry said.",
    "The F-16 and Su-25 jets flew 40 sorties.",
    "Ukraine says it captured <@&123> North Korean soldiers at 10:30.",
    "How many North Korean soldiers were killed, 300 or 3,000?",
    "Moscow denied that 5,000 Russian soldiers had been killed.",
    "In the 1950-53 Korean War, 400,000 North Korean soldiers were killed.",
    "None of this compares with the Korean War, when 300,000 North Korean soldiers died.",
    "Russian attacks killed four civilians and injured 19 in Kherson Oblast.",
    "Nepal says at least 16 of its nationals recruited by the Russian army have been killed.",
    "Pyongyang could send as many as 30,000 more soldiers next year, analysts said.",
    "North Korea's army of about 1.2 million men is one of the world's largest.",
    "Britain trained more than 50,000 Ukrainian recruits under Operation Interflex.",
]


@pytest.mark.parametrize("text", NOT_TAKEN)
def test_numbers_that_are_not_figures(text: str) -> None:
    assert figures_of(text) == []


def test_pronoun_takes_the_nearest_earlier_claimant() -> None:
    text = (
        "South Korea's National Intelligence Service briefed lawmakers on Wednesday. "
        "The agency said about 1,000 North Korean soldiers had been wounded."
    )
    assert figures_of(text) == [("wounded", "North Korea", 1000, 1000, "about", "NIS")]


def test_transcript_speaker_is_the_claimant() -> None:
    text = (
        "MR. KIRBY: Good afternoon.\n"
        "Q: How many have been killed?\n"
        "MR. KIRBY: We assess that several hundred North Korean soldiers have been killed. "
        "We believe roughly 1,000 have been wounded.\n"
    )
    got = figures_of(text)
    assert ("wounded", "North Korea", 1000, 1000, "about", "Mr. Kirby") in got


def test_additional_deployments_are_marked() -> None:
    doc = parse_document(
        b"North Korea sent an additional 2,000 troops to Kursk, officials said.", "a.txt"
    )
    (figure,) = extract(doc).figures
    assert figure.additional and figure.metric.value == "deployed"
