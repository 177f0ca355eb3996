"""Event headlines: who did what, read from the clause of the event's date by general rules;
sentences that tell of no action that happened give no headline and no event."""

from __future__ import annotations

import pytest

from bot.facts.headlines import headline, third_person


@pytest.mark.parametrize(
    ("sentence", "date", "expected"),
    [
        # Active: the subject, the verb in the present tense, what follows up to the clause end.
        (
            "North Korea sent about 1,500 more soldiers to Russia last month, South Korea's"
            " National Intelligence Service told lawmakers.",
            "last month",
            "North Korea sends about 1,500 more soldiers to Russia",
        ),
        # A force's capital or nickname is the force.
        (
            "Pyongyang and Moscow signed a mutual defence treaty in June 2024.",
            "June 2024",
            "North Korea and Russia sign mutual defence treaty",
        ),
        # A pronoun stands for the reporter; "his forces" for the reporter's force.
        (
            "Ukraine says it captured two North Korean soldiers in January.",
            "January",
            "Ukraine captures two North Korean soldiers",
        ),
        (
            "Ukrainian President Volodymyr Zelensky said last month that his forces had captured"
            " two North Korean soldiers in Kursk, the first to be taken alive.",
            "last month",
            "Ukraine captures two North Korean soldiers in Kursk",
        ),
        # Passive: what was done to people keeps its participle; "killed or wounded" stays whole.
        (
            "In January, the NIS reported that at least 300 North Korean soldiers had been killed"
            " and 2,700 injured.",
            "January",
            "At least 300 North Korean soldiers killed and 2,700 injured",
        ),
        (
            "By March 2025, South Korea's intelligence service estimated that roughly 4,000 North"
            " Korean soldiers had been killed or wounded, nearly 40 percent of the force.",
            "March 2025",
            "Roughly 4,000 North Korean soldiers killed or wounded",
        ),
        # A clause action keeps what was acknowledged.
        (
            "Moscow acknowledged for the first time in April that North Korean troops had fought"
            " in Kursk.",
            "April",
            "Russia acknowledges North Korean troops fought in Kursk",
        ),
        # The date in a "since" clause belongs to that clause's own action.
        (
            "More than a million people have been killed or wounded since Russia invaded Ukraine"
            " in February 2022.",
            "February 2022",
            "Russia invades Ukraine",
        ),
        # A happening named by a noun: the forces the sentence names hold it.
        (
            "The partnership between Kim Jong Un and Russian President Vladimir Putin has grown"
            " since their rare back-to-back summits in 2023 and June 2024, North Korean media"
            " said.",
            "2023",
            "Russia and North Korea hold rare back-to-back summits",
        ),
    ],
)
def test_headline_says_who_did_what(sentence: str, date: str, expected: str) -> None:
    found = headline(sentence, date)
    assert found is not None
    assert found.text == expected


@pytest.mark.parametrize(
    ("sentence", "date"),
    [
        (
            "Should these troops engage Ukrainian forces in Kursk in November, they would be"
            " legitimate targets.",
            "November",
        ),
        ("Will North Korea send more troops to Russia in the spring?", "the spring"),
        ("North Korea could send up to 20,000 more soldiers by the summer.", "the summer"),
        ("Pyongyang is preparing to send up to 20,000 more troops by the summer.", "the summer"),
        (
            "At the current rate, Russia will have suffered 1.5 million casualties before the end"
            " of next year.",
            "next year",
        ),
        (
            "Russia has never acknowledged the presence of North Korean soldiers in October.",
            "October",
        ),
        (
            "The Pentagon said last week there are about 10,000 North Korean troops in Russia.",
            "last week",
        ),
        ("The average daily number of Russian casualties rose from under 700 in 2023.", "2023"),
    ],
)
def test_no_headline_without_an_action_that_happened(sentence: str, date: str) -> None:
    assert headline(sentence, date) is None


def test_a_reporting_date_whose_action_has_a_date_of_its_own_is_no_second_event() -> None:
    sentence = (
        "North Korea sent about 1,500 more soldiers to Russia last month, South Korea's spy"
        " agency told lawmakers on Thursday."
    )
    assert headline(sentence, "last month", ["Thursday"]) is not None
    assert headline(sentence, "Thursday", ["last month"]) is None


def test_headline_names_its_action_and_forces() -> None:
    found = headline("Ukrainian forces captured two North Korean soldiers on Jan. 9.", "Jan. 9")
    assert found is not None
    assert (found.action, found.forces) == ("capture", frozenset({"Ukraine", "North Korea"}))


def test_third_person_forms() -> None:
    assert [third_person(v) for v in ("send", "push", "occupy", "dispatch", "hold")] == [
        "sends", "pushes", "occupies", "dispatches", "holds",
    ]  # fmt: skip
