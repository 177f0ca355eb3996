"""Sentence-level cases of the rules for bare counts in a conversation about one force: the
force the conversation is about, an estimate's author, a cause after the number, hedges, ratios
and ages."""

from __future__ import annotations

from tests.facts.test_claims import figures_of

_OPENING = (
    "HOST: Tonight we talk to Major Ihor Savchuk about the North Koreans. Major, what changed?\n\n"
    "SAVCHUK: They learn fast. They move at night. They spread out. Their officers hide.\n\n"
)


def _counts(text: str) -> list[tuple[object, ...]]:
    return [f[:5] for f in figures_of(text)]


def test_a_bare_loss_count_in_a_transcript_counts_the_force_talked_about() -> None:
    text = _OPENING + "HOST: And the cost?\n\nSAVCHUK: About 450 have been killed since January."
    assert _counts(text) == [("killed", "North Korea", 450, 450, "about")]


def test_no_topic_outside_a_transcript_after_civilians_or_too_far() -> None:
    prose = (
        "Major Ihor Savchuk talked about the North Koreans. They learn fast. They move at night. "
        "They spread out. Their officers hide. About 450 have been killed since January."
    )
    assert _counts(prose) == []
    civilians = _OPENING + (
        "HOST: And Sumy?\n\nSAVCHUK: A bomb hit a market full of civilians. "
        "About 14 were killed there."
    )
    assert _counts(civilians) == []
    in_sentence = _OPENING + "HOST: And Sumy?\n\nSAVCHUK: About 14 civilians were killed there."
    assert _counts(in_sentence) == []
    far = _OPENING + "SAVCHUK: " + "It was cold. " * 12 + "About 450 have been killed."
    assert _counts(far) == []


def test_the_topic_is_not_taken_for_counts_that_are_no_losses() -> None:
    text = _OPENING + "SAVCHUK: The youngest prisoner we took was 19. We hold about 40 of them."
    assert _counts(text) == []


def test_an_estimate_names_who_estimates_not_whose_people() -> None:
    text = _OPENING + "HOST: The South Korean estimate is roughly 5,200 casualties."
    assert _counts(text) == [("casualties", "North Korea", 5200, 5200, "about")]
    assert _counts("The Ukrainian estimate is roughly 5,200 casualties.") == []


def test_a_cause_after_the_number_is_not_its_metric() -> None:
    text = "Kyiv puts the North Korean force at about 8,000 now, because of losses."
    assert _counts(text) == [("deployed", "North Korea", 8000, 8000, "about")]
    remain = "Kyiv says about 8,000 North Korean troops remain, after their losses in January."
    assert _counts(remain) == []
    killed = "Kyiv says about 800 North Korean troops were killed after heavy losses."
    assert _counts(killed) == [("killed", "North Korea", 800, 800, "about")]


def test_perhaps_makes_an_estimate_and_a_ratio_is_no_count() -> None:
    assert _counts("Kyiv says Russia lost perhaps 900 men in the assault.") == [
        ("casualties", "Russia", 900, 900, "about")
    ]
    ratio = _OPENING + "SAVCHUK: For every one killed, they have two or three wounded."
    assert _counts(ratio) == []


def test_a_force_that_gives_a_figure_is_not_the_people_counted() -> None:
    given = (
        "About 600 North Koreans had been killed, Seoul said. The figure the Ukrainians give is "
        "higher: around 4,000 killed and wounded among the North Korean troops."
    )
    assert [f[:3] for f in figures_of(given)] == [
        ("killed", "North Korea", 600),
        ("casualties", "North Korea", 4000),
    ]
    assert figures_of("The headline number from Kyiv is about 4,000 killed and wounded.") == []
    # A force that owns the figure's people is still counted.
    assert [f[:3] for f in figures_of("The figure for Ukrainians killed is about 4,000.")] == [
        ("killed", "Ukraine", 4000)
    ]


def test_an_answer_counts_what_a_bare_question_asked_for() -> None:
    text = _OPENING + "HOST: And the dead?\n\nSAVCHUK: Seoul said roughly 900 in April."
    assert _counts(text) == [("killed", "North Korea", 900, 900, "about")]
    drones = _OPENING + "HOST: And their drones?\n\nSAVCHUK: Maybe 300 a week."
    assert _counts(drones) == []
    late = _OPENING + "HOST: And the dead?\n\nSAVCHUK: It is hard. It is cold. It is dark. 900."
    assert _counts(late) == []


def test_the_force_that_holds_prisoners_is_their_captor() -> None:
    text = _OPENING + "HOST: Prisoners?\n\nSAVCHUK: Kyiv holds two, both taken in January."
    assert _counts(text) == [("captured", "North Korea", 2, 2, "exact")]
    assert _counts("Ukrainian units have captured about 40 near Sudzha, Kyiv says.") == []
    assert _counts("Ukrainian units have captured about 40 Russian soldiers, Kyiv says.") == [
        ("captured", "Russia", 40, 40, "about")
    ]


_PRINTED = (
    "Major Ihor Savchuk commands a drone company.\n\n**Who did you fight?**\n\n"
    "The North Koreans, all winter. They came in lines.\n\n**How costly was it?**\n\n"
)


def test_an_interview_printed_as_questions_is_a_conversation() -> None:
    assert _counts(_PRINTED + "We recorded about 250 killed on video.") == [
        ("killed", "North Korea", 250, 250, "about")
    ]
    assert _counts(_PRINTED + "We lost about 25 killed ourselves.") == []
    prose = _PRINTED.replace("**", "").replace("?\n", "?")
    assert _counts(prose.replace("\n\n", " ") + "We recorded about 250 killed on video.") == []


def test_an_answer_to_a_headcount_question_counts_the_force_asked_about() -> None:
    asked = _OPENING + "HOST: How many were there?\n\nSAVCHUK: About 12,000 in the region."
    assert _counts(asked) == [("deployed", "North Korea", 12000, 12000, "about")]
    named = "HOST: How many Russian soldiers are in Kursk?\n\nSAVCHUK: Perhaps 50,000 now."
    assert _counts(named) == [("deployed", "Russia", 50000, 50000, "about")]
    for question in (
        "How many will they send next?",  # a forecast
        "How many civilians are still there?",
        "How many have they lost?",  # a loss, not a headcount
        "How many men does your battalion have?",  # the speaker's own strength
        "How many drones do they fly?",  # something else
    ):
        text = _OPENING + f"HOST: {question}\n\nSAVCHUK: About 400."
        assert _counts(text) == [], question
    ended = _OPENING + (
        "HOST: How many were there?\n\nSAVCHUK: Hard to say.\n\n"
        "HOST: How many drones do they fly?\n\nSAVCHUK: About 400."
    )
    assert _counts(ended) == []
    unnamed = "HOST: Welcome.\n\nHOST: How many were there?\n\nGUEST: About 12,000 in the region."
    assert _counts(unnamed) == []


def test_a_wave_of_a_deployment_counts_the_force_the_story_is_about() -> None:
    story = "North Korean soldiers reached Russia's Kursk region in October. Numbers vary. "
    assert _counts(story + "Seoul counts some 10,500 in the first wave.") == [
        ("deployed", "North Korea", 10500, 10500, "about")
    ]
    assert _counts(story + "A second echelon of about 3,000 followed.") == [
        ("deployed", "North Korea", 3000, 3000, "about")
    ]
    assert _counts(story + "A second wave of about 1,900 residents fled.") == []
    assert _counts(story + "A second echelon of up to 6,000 could follow.") == []
    assert _counts("Numbers vary. A second echelon of about 3,000 followed.") == []
    far = story + "It is cold. It is dark. It is wet. It is far. It is late. "
    assert _counts(far + "A second echelon of about 3,000 followed.") == []
    refugees = story + "Refugees fled Sudzha. "
    assert _counts(refugees + "A second echelon of about 3,000 followed.") == []


def test_a_question_for_another_count_ends_a_headcount_question_only() -> None:
    dead = _OPENING + "HOST: And the dead? How many, roughly?\n\nSAVCHUK: About 400."
    assert _counts(dead) == [("killed", "North Korea", 400, 400, "about")]
    lost = _OPENING + "HOST: And the dead? How many were killed?\n\nSAVCHUK: About 400."
    assert _counts(lost) == [("killed", "North Korea", 400, 400, "about")]
    drones = _OPENING + "HOST: And the dead? How many drones?\n\nSAVCHUK: About 400."
    assert _counts(drones) == []
