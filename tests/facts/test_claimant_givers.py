"""Claimants named by a figure's own words, by a speaker's unit, by "there", and by an offer to
hand prisoners over; and where those rules must name nobody else."""

from __future__ import annotations

import pytest

from tests.facts.test_claims import figures_of

NAMED = [
    # A figure's noun names who gives it.
    ("The Pentagon said 3,000 had arrived. The figure Ukrainian officials give is higher: some "
     "4,000 North Korean troops killed or wounded.", 4000, "Ukrainian officials"),
    ("The NIS said 600 had died. The estimate from Kyiv, about 1,100 North Korean soldiers "
     "killed, is higher.", 1100, "Kyiv"),
    ("The headline number from Seoul is still about 4,700 North Korean casualties.", 4700,
     "Seoul"),
    # An estimate left unsaid after "X's estimate" belongs to the second owner.
    ("Kyiv's estimate is around 5,000 North Korean casualties, while Seoul's is about 4,300.",
     4300, "Seoul"),
    # "there" is the place the sentence has just named.
    ("When she was in Seoul in May, officials there put the North Korean dead at about 1,000.",
     1000, "officials in Seoul"),
    # Who tells the speaker a figure claims it; a channel is a claimant.
    ("Our allies tell us that around 4,500 North Korean soldiers have been killed or wounded.",
     4500, "Our allies"),
    ("A Russian channel claims 300 North Korean soldiers were wounded.", 300, "Russian channel"),
    ("Figures from Kyiv tell a harsher story: about 6,000 North Korean casualties.", 6000,
     "Kyiv"),
    # Who offers to hand prisoners over gives their number.
    ("Zelenskyy offered to hand over two captured North Korean soldiers.", 2,
     "Volodymyr Zelenskyy"),
]


@pytest.mark.parametrize(("text", "value", "source"), NAMED)
def test_the_claimant_the_text_names(text: str, value: int, source: str) -> None:
    sources = {f[5] for f in figures_of(text) if f[2] == value}
    assert sources == {source}


def test_our_battalion_in_a_speakers_turn_is_the_speaker() -> None:
    text = (
        "HOST: Major, what do you see?\n\n"
        "MAJOR HNATIUK: Our battalion has counted about 300 North Korean soldiers killed.\n"
    )
    assert {f[5] for f in figures_of(text)} == {"Major Hnatiuk"}


NOT_NAMED = [
    # A toll or total "from" a place counts the people there; nobody is named.
    ("The death toll from Kursk has passed 3,000 North Korean soldiers.", 3000),
    ("The number from January was about 2,000 North Korean troops killed.", 2000),
    # "hard to tell" names nobody.
    ("It is hard to tell how many of the 3,000 North Korean troops sent in January have died.",
     3000),
    # Refusing claims nothing.
    ("Kyiv has refused to hand over 2 captured North Korean soldiers.", 2),
]


@pytest.mark.parametrize(("text", "value"), NOT_NAMED)
def test_no_claimant_is_made_up(text: str, value: int) -> None:
    assert {f[5] for f in figures_of(text, published=None) if f[2] == value} == {None}


def test_who_says_so_beats_who_offers() -> None:
    text = (
        "The Kremlin agreed to exchange 150 Ukrainian prisoners of war, Ukraine's ombudsman said."
    )
    assert {f[5] for f in figures_of(text)} == {"Ukraine's ombudsman"}


def test_he_inside_a_quotation_is_not_the_narrations_last_person() -> None:
    text = (
        "Analyst Laura Whitfield said on Monday that about 11,000 North Korean troops were "
        "sent.\n\n"
        "\"She told us, 'Around 400 North Korean soldiers in my battalion were killed,'\" said a "
        "Ukrainian intelligence officer.\n"
    )
    sources = {f[5] for f in figures_of(text) if f[2] == 400}
    assert sources == {"Ukrainian intelligence officer"}


def test_the_person_a_standfirst_says_talked_to_us_answers_the_questions() -> None:
    text = (
        "Sergeant Ivan Petrenko, 31, served with an assault battalion near Sudzha. He talked to "
        "us from a hospital.\n\n"
        "**What did you see?**\n\n"
        "After one assault our battalion counted about 70 North Korean dead.\n"
    )
    assert {f[5] for f in figures_of(text)} == {"Sergeant Ivan Petrenko"}


def test_without_such_a_standfirst_the_publication_speaks() -> None:
    text = (
        "Sergeant Ivan Petrenko, 31, served with an assault battalion near Sudzha. He was "
        "wounded in March.\n\n"
        "About 70 North Korean soldiers were killed in one assault, the battalion said.\n"
    )
    assert "Sergeant Ivan Petrenko" not in {f[5] for f in figures_of(text)}


# The owner of a reckoning, an average or a running total works the figure out.
RECKONED = [
    ("Kyiv's reckoning is that about 12,000 North Korean soldiers were sent.", 12000, "Kyiv"),
    ("By the Pentagon's reckoning, some 1,000 North Korean soldiers were killed.", 1000,
     "Pentagon"),
    ("The Pentagon's weekly average was about 300 North Korean troops killed.", 300,
     "Pentagon"),
    ("The Pentagon's running tally of North Korean casualties is about 4,000.", 4000,
     "Pentagon"),
]


@pytest.mark.parametrize(("text", "value", "source"), RECKONED)
def test_the_owner_of_a_reckoning_claims_it(text: str, value: int, source: str) -> None:
    sources = {f[5] for f in figures_of(text) if f[2] == value}
    assert sources == {source}


NOT_RECKONED = [
    # An average before what a force lost is an adjective: the force does not claim it.
    "Russia's average daily losses were about 1,250 troops.",
    # A total that is not a running one is the force's own number.
    "Russia's total, about 1,250 troops killed, was a record.",
]


@pytest.mark.parametrize("text", NOT_RECKONED)
def test_an_owner_of_what_is_counted_claims_nothing(text: str) -> None:
    figures = figures_of(text)
    assert figures
    assert all(f[5] is None for f in figures)
