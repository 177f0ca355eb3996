"""Rates and windows in sentences: which numbers carry a period, and which stay totals; and the
other sentence rules that came with them (hedged amounts, mixed categories, people who are not
soldiers, quotations that span sentences, headlines that restate the body)."""

from __future__ import annotations

import pytest

from bot.facts.documents import parse_document
from bot.facts.extract import extract
from bot.facts.model import Figure


def figures(text: str, **front: str) -> list[Figure]:
    front = {"published": "2025-02-14", **front}
    block = "".join(f"{key}: {value}\n" for key, value in front.items())
    return list(extract(parse_document(f"---\n{block}---\n{text}".encode(), "t.txt")).figures)


def periods(text: str) -> list[tuple[int, str | None, str | None, str | None, int | None]]:
    return [
        (
            f.low,
            f.period.text if f.period else None,
            f.period.kind.value if f.period else None,
            f.period.unit.value if f.period else None,
            f.period.count if f.period else None,
        )
        for f in figures(text)
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Russia is losing about 1,500 soldiers a day.", [(1500, "a day", "rate", "day", 1)]),
        ("Russian casualties averaged over 1,300 per day in January.",
         [(1300, "per day", "rate", "day", 1)]),
        ("The Russians lost more than 1,200 soldiers killed or wounded each day in October.",
         [(1200, "each day", "rate", "day", 1)]),
        ("Russia is losing more than 40,000 soldiers every month.",
         [(40000, "every month", "rate", "month", 1)]),
        ("Russia's daily casualty rate - the killed and the wounded - was 980.",
         [(980, "daily", "rate", "day", 1)]),
        ("The average daily number of Russian casualties rose from over 600 in 2023 to over 900.",
         [(600, "daily", "rate", "day", 1), (900, "daily", "rate", "day", 1)]),
        ("Nearly 70,000 Russian soldiers were killed or wounded in the last 60 days alone, adding"
         " to more than 500,000 killed or wounded since the invasion.",
         [(70000, "in the last 60 days", "window", "day", 60), (500000, None, None, None, None)]),
        ("Russia lost 1,250 troops over the past 24 hours, bringing its total to 850,000.",
         [(1250, "over the past 24 hours", "window", "day", 1),
          (850000, None, None, None, None)]),
        ("This year alone, Russia has sustained 240,000 casualties.",
         [(240000, "This year alone", "window", "year", 1)]),
        ("Russia lost 41,000 soldiers last month, its heaviest monthly toll.",
         [(41000, None, None, None, None)]),
        ("Russia lost 3,000 soldiers in a week of fighting.", [(3000, None, None, None, None)]),
        ("Russian forces lost 300 soldiers near Kupiansk and a day later another 200.",
         [(300, None, None, None, None), (200, None, None, None, None)]),
    ],
)  # fmt: skip
def test_rates_and_windows_get_a_period_and_totals_none(
    sentence: str, expected: list[object]
) -> None:
    assert periods(sentence) == expected


def test_a_restated_rate_continues_the_claim_before_it() -> None:
    text = (
        "Estimates in May put Russia's losses at over 1,000 per day. That is around 30,000 per"
        " month. That is why 3,500 young men will start their service this year."
    )
    found = [(f.low, f.metric.value, f.subject, f.period.text if f.period else None)
             for f in figures(text)]  # fmt: skip
    assert found == [(1000, "casualties", "Russia", "per day"),
                     (30000, "casualties", "Russia", "per month")]  # fmt: skip


@pytest.mark.parametrize(
    "sentence",
    [
        "Russia is recruiting around 30,000 men per month on contract.",
        "Units fly tens of missions per day, against 300 per day in March.",
        "The daily rate was 1,200.",
    ],
)
def test_rates_of_other_things_or_without_a_unit_are_no_figures(sentence: str) -> None:
    assert figures(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "metric", "low", "qualifier"),
    [
        ("It cost just under, or perhaps well over, 100,000 Russian dead.", "killed", 100000,
         "about"),
        ("The number of Russian dead is approaching a quarter of a million.", "killed", 250000,
         "about"),
        ("More than 5,000 Russian officers have been killed.", "killed", 5000, "at_least"),
        ("Russian losses included 48 helicopters and 11,000 soldiers, who have lost their lives.",
         "killed", 11000, "exact"),
        ("About 300 of the North Koreans have lost their lives.", "killed", 300, "about"),
        ("More than 100,000 Russians are dead, injured or have deserted.", "casualties", 100000,
         "at_least"),
        ("Russia has welcomed more than 12,000 North Korean troops onto its soil.", "deployed",
         12000, "at_least"),
    ],
)  # fmt: skip
def test_metrics_and_hedged_amounts(sentence: str, metric: str, low: int, qualifier: str) -> None:
    [figure] = figures(sentence)
    assert (figure.metric.value, figure.low, figure.qualifier.value) == (metric, low, qualifier)


@pytest.mark.parametrize(
    "sentence",
    [
        "Close to 6.9 million Ukrainians are still living as refugees abroad.",
        "The war has left over 14.6 million Ukrainians in need of humanitarian assistance.",
        "Ukraine's forces are outnumbered nearly three to one in places.",
        "About one in three North Korean soldiers has been wounded.",
        "I will not comment on the questioning of the two men.",
        "It violated resolutions 1718, 1874 and 2397.",
        "Ukraine counts more than 60,000 missing persons, civilians and soldiers together.",
    ],
)
def test_people_who_are_not_soldiers_shares_and_labels_are_no_figures(sentence: str) -> None:
    assert figures(sentence) == []


def test_a_quotation_that_names_nobody_is_its_speakers() -> None:
    text = (
        '"Ukraine has fought well," he said. "Russia has paid a staggering cost. At least'
        ' 315,000 Russian troops have been killed or wounded."'
    )
    lead = "Defense Secretary Lloyd Austin said the war had cost Russia dearly. "
    [figure] = figures(lead + text)
    assert figure.source == "Defense Secretary Lloyd Austin"


def test_a_headline_restating_the_body_is_listed_once() -> None:
    text = (
        "Over 465,000 Russian personnel killed or wounded since 2022: UK statement\n\n"
        "Thank you, Mr Chair. Over 465,000 Russian personnel have been killed or wounded.\n"
    )
    found = figures(text, title="Over 465,000 Russian personnel killed or wounded since 2022")
    assert [f.quote for f in found] == [
        "Over 465,000 Russian personnel have been killed or wounded."
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("North Korea has helped Russia by sending as many as 12,000 troops.",
         [("deployed", "North Korea", 12000)]),
        ("Putin has been bringing in thousands of North Korean troops.",
         [("deployed", "North Korea", 2000)]),
        ("The North Korean contingent, which numbered about 11,000 personnel, was reduced by"
         " casualties.", [("deployed", "North Korea", 11000)]),
        ("The Kremlin has dismissed allegations by Ukraine that as many as 1,200 North Koreans"
         " have been killed.", [("killed", "North Korea", 1200)]),
        ('The Kremlin dismissed as "fake" Ukrainian reports that 1,200 North Koreans were'
         " killed.", []),
        ("North Korea has not sent 100,000 soldiers to Russia.", []),
        ("Pyongyang is preparing to send up to 30,000 more North Korean troops.", []),
    ],
)  # fmt: skip
def test_who_sends_and_what_is_denied(sentence: str, expected: list[object]) -> None:
    assert [(f.metric.value, f.subject, f.low) for f in figures(sentence)] == expected


def test_a_claim_under_check_states_no_figure() -> None:
    text = (
        'Claim: "North Korea has sent 100,000 soldiers to Russia."\n\nVerdict: False.\n\n'
        "The NIS said 11,000 North Korean soldiers were sent."
    )
    assert [(f.low, f.source) for f in figures(text)] == [(11000, "NIS")]
