"""Sentence-level cases of the figure rules for the third round of blind misses: vague amounts
sized by a casualty noun, forecasts after the people counted, adverbs after a number, bodies
named by a force, executed prisoners, a force in a number's own clause, "they" a few sentences
after the people of a force were named, and "holds" with no object."""

from __future__ import annotations

import pytest

from tests.facts.test_claims import figures_of

CASES = [
    ("Officials say the Russian dead are in the hundreds.",
     [("killed", "Russia", 200, 999, "range", "Officials")]),
    ("Local officials say the civilians displaced are in the thousands.", []),
    ("Ukraine says the North Korean dead civilians are in the hundreds.", []),
    ("Another 5,000 North Korean troops will follow in the spring, Moscow says.", []),
    ("About 3,000 North Korean troops are expected to have died, Kyiv says.",
     [("killed", "North Korea", 3000, 3000, "about", "Kyiv")]),
    ("Kyiv says Russia has lost about 38,000 there.",
     [("casualties", "Russia", 38000, 38000, "about", "Kyiv")]),
    ("Kyiv says 12 Russian prisoners of war were shot dead.",
     [("killed", "Russia", 12, 12, "exact", "Kyiv")]),
    ("Kyiv says 12 Russian prisoners of war died of their wounds in captivity.",
     [("captured", "Russia", 12, 12, "exact", "Kyiv")]),
    ("A spokesman told Ukrainian radio that 2,000 troops had arrived from North Korea.",
     [("deployed", "North Korea", 2000, 2000, "exact", "spokesman")]),
    ("On the stretch of front the brigade holds, we count 300 North Korean soldiers.", []),
    ("The brigade holds 300 North Korean soldiers.",
     [("captured", "North Korea", 300, 300, "exact", None)]),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_figure_rules(text: str, expected: list[tuple[object, ...]]) -> None:
    assert figures_of(text) == expected


def test_they_reaches_back_to_the_people_last_spoken_of() -> None:
    text = (
        "We spent the winter facing the North Koreans. It was cold. The roads were bad. "
        "They came at night. In our sector they lost about 500 men in January."
    )
    assert figures_of(text) == [("casualties", "North Korea", 500, 500, "about", None)]


def test_they_is_not_followed_past_another_force_or_too_far() -> None:
    other = (
        "We spent the winter facing the North Koreans. Kyiv rotated brigades often. It was "
        "cold. In our sector they lost about 500 men in January."
    )
    assert figures_of(other) == []
    far = (
        "We spent the winter facing the North Koreans. One. Two. Three. Four. Five. Six. "
        "In our sector they lost about 500 men in January."
    )
    assert figures_of(far) == []


def test_they_who_kill_are_not_the_people_killed() -> None:
    text = "We spent the winter facing the North Koreans. It was cold. They killed 40 in a day."
    assert figures_of(text) == []


def test_a_line_ending_in_a_word_that_leads_to_a_number_goes_on() -> None:
    from bot.facts.sentences import split_sentences

    wrapped = "Kyiv put the number of North Koreans in Kursk at roughly\n11,000, it said."
    assert [s.text for s in split_sentences(wrapped)] == [wrapped]
    listed = "Key figures\n11,000 troops sent\n4,700 casualties"
    assert len(split_sentences(listed)) == 3


def test_the_base_of_a_share_is_no_figure() -> None:
    text = (
        "North Korea sent 11,000 troops, about 1% of the Korean People's Army's estimated 1.28 "
        "million active personnel."
    )
    assert [(f[0], f[2]) for f in figures_of(text)] == [("deployed", 11000)]


def test_the_enemy_is_the_side_opposed_to_who_speaks_or_acts() -> None:
    assert figures_of("Kyiv says the enemy lost 300 servicemen near Sudzha.") == [
        ("casualties", "Russia", 300, 300, "exact", "Kyiv")
    ]
    assert figures_of("Ukrainian soldiers took 6 enemy servicemen prisoner near Guevo.") == [
        ("captured", "Russia", 6, 6, "exact", None)
    ]
    # Nobody says whose side: no figure rather than a guess.
    assert figures_of("The enemy lost 300 servicemen near Sudzha, the brigade said.") == []
    # The enemy's victims are not the enemy's own.
    assert figures_of("Kyiv says the enemy killed 40 Ukrainian soldiers.") == [
        ("killed", "Ukraine", 40, 40, "exact", "Kyiv")
    ]


def test_the_north_group_of_forces_is_not_north_korea() -> None:
    text = "Units of the North group of forces advanced. 300 were killed in the assault."
    assert figures_of(text) == []


def test_what_a_report_said_is_an_error_only_in_a_corrections_column() -> None:
    text = "A report on 8 February said that 3,000 North Korean soldiers had been captured."
    assert [f[:3] for f in figures_of(text)] == [("captured", "North Korea", 3000)]
    assert figures_of("Corrections\n\n" + text) == []


def test_taken_over_is_a_qualifier_only_before_prisoner() -> None:
    taken = "Kyiv says its troops have taken over 400 Russian soldiers prisoner."
    assert [f[2:5] for f in figures_of(taken)] == [(400, 400, "at_least")]
    handed = "Kyiv says its troops took over two Russian positions and 40 Russian soldiers."
    assert all(f[4] == "exact" for f in figures_of(handed))


def test_the_enemy_of_the_body_the_document_speaks_for() -> None:
    text = (
        "Summary of the Ministry of Defence of the Russian Federation\n\n"
        "Units advanced near Sudzha. The enemy lost up to 180 servicemen over the day."
    )
    assert [f[:3] for f in figures_of(text, published=None)] == [("casualties", "Ukraine", 180)]
    neutral = "Weekly front notes\n\nUnits advanced near Sudzha. The enemy lost 180 servicemen."
    assert figures_of(neutral, published=None) == []
