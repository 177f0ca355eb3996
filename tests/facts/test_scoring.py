"""The scorer's matching logic, on hand-made figures and gold entries."""

from __future__ import annotations

from datetime import date

import pytest

from bot.facts.model import (
    PUBLICATION_DATE_TEXT,
    DateSpan,
    Figure,
    Metric,
    Period,
    PeriodKind,
    PeriodUnit,
    Precision,
    Qualifier,
)
from tests.facts.scoring import (
    Distractor,
    GoldDocument,
    GoldFigure,
    date_correct,
    format_report,
    gold_document_from_json,
    mentioned_values,
    parse_period,
    quotes_match,
    score_all,
    score_document,
    sources_match,
)

SENTENCE = (
    "In January, the NIS reported that at least 300 North Korean soldiers had been killed "
    "and 2,700 injured."
)


def figure(
    metric: str = "killed",
    low: int = 300,
    high: int | None = None,
    qualifier: str = "at_least",
    subject: str = "North Korea",
    source: str | None = "NIS",
    quote: str = SENTENCE,
    when: DateSpan | None = None,
    additional: bool = False,
    period: Period | None = None,
) -> Figure:
    return Figure(
        id="abcdefgh",
        document="doc.txt",
        metric=Metric(metric),
        subject=subject,
        low=low,
        high=low if high is None else high,
        qualifier=Qualifier(qualifier),
        additional=additional,
        source=source,
        date=when,
        quote=quote,
        span=(0, len(quote)),
        period=period,
    )


def gold_figure(**changes: object) -> GoldFigure:
    values: dict[str, object] = {
        "metric": "killed",
        "low": 300,
        "high": 300,
        "qualifiers": ("at_least",),
        "subject": "North Korea",
        "sources": ("NIS", "National Intelligence Service"),
        "quote": SENTENCE,
    }
    values.update(changes)
    return GoldFigure(**values)  # type: ignore[arg-type]


def document(*figures: GoldFigure, distractors: tuple[Distractor, ...] = ()) -> GoldDocument:
    return GoldDocument("doc.txt", None, tuple(figures), distractors)


def test_exact_match_is_a_true_positive() -> None:
    score = score_document(document(gold_figure()), [figure()])
    assert (score.tp, score.fp, score.fn) == (1, 0, 0)
    assert score.precision == score.recall == 1.0


@pytest.mark.parametrize(
    ("change", "wrong"),
    [
        ({"metric": "wounded"}, "metric"),
        ({"subject": "Russia"}, "subject"),
        ({"qualifier": "exact"}, "qualifier"),
        ({"period": Period("a day", PeriodKind.RATE, PeriodUnit.DAY)}, "period"),
    ],
)
def test_one_wrong_field_is_a_near_miss_not_a_hit(change: dict[str, object], wrong: str) -> None:
    score = score_document(document(gold_figure()), [figure(**change)])  # type: ignore[arg-type]
    assert (score.tp, score.fp, score.fn) == (0, 1, 1)
    assert [m.wrong for m in score.near_misses] == [(wrong,)]
    assert score.field_errors == {wrong: 1}


@pytest.mark.parametrize("source", ["Pentagon", None])
def test_a_wrong_claimant_is_a_hit_and_counted_apart(source: str | None) -> None:
    score = score_document(document(gold_figure()), [figure(source=source)])
    assert (score.tp, score.fp, score.fn) == (1, 0, 0)
    assert (score.claimants_checked, score.claimants_correct) == (1, 0)
    assert "CLAIMANT doc.txt: got" in format_report(score_all([(document(gold_figure()),
                                                                [figure(source=source)])]))


def test_a_null_gold_claimant_is_not_scored() -> None:
    for source in ("Pentagon", None):
        score = score_document(document(gold_figure(sources=None)), [figure(source=source)])
        assert (score.tp, score.claimants_checked) == (1, 0)


def test_the_own_voice_is_counted_apart_among_claimants() -> None:
    voiced = gold_figure(sources=("Ben Wallace", "Defence Secretary"), voice=True)
    right = score_document(document(voiced), [figure(source="Ben Wallace")])
    wrong = score_document(document(voiced), [figure(source=None)])
    assert (right.voice_checked, right.voice_correct) == (1, 1)
    assert (wrong.voice_checked, wrong.voice_correct, wrong.tp) == (1, 0, 1)


def test_wrong_value_in_same_sentence_is_not_a_near_miss_by_number() -> None:
    score = score_document(document(gold_figure()), [figure(low=2700, qualifier="exact")])
    assert (score.tp, score.fp, score.fn) == (0, 1, 1)
    assert score.near_misses == []


def test_range_is_compared_on_both_bounds() -> None:
    gold = gold_figure(low=10_000, high=12_000, qualifiers=("range",))
    assert score_document(document(gold), [figure(low=10_000, high=12_000, qualifier="range")]).tp
    partial = score_document(document(gold), [figure(low=10_000, qualifier="range")])
    assert partial.tp == 0
    assert partial.near_misses[0].wrong == ("value",)


def test_gold_may_list_acceptable_qualifiers() -> None:
    gold = gold_figure(metric="wounded", low=2700, high=2700, qualifiers=("at_least", "exact"))
    for qualifier in ("at_least", "exact"):
        found = figure(metric="wounded", low=2700, qualifier=qualifier)
        assert score_document(document(gold), [found]).tp == 1
    assert (
        score_document(document(gold), [figure(metric="wounded", low=2700, qualifier="about")]).tp
        == 0
    )


def test_matching_is_one_to_one() -> None:
    gold = gold_figure()
    score = score_document(document(gold), [figure(), figure()])
    assert (score.tp, score.fp, score.fn) == (1, 1, 0)
    twice = score_document(document(gold, gold), [figure()])
    assert (twice.tp, twice.fp, twice.fn) == (1, 0, 1)


def test_matching_finds_the_maximum_assignment() -> None:
    # The first figure fits both gold entries, the second only the first entry: a greedy
    # first-come pairing would leave one gold entry unmatched.
    loose = gold_figure(qualifiers=("at_least", "exact"))
    strict = gold_figure(qualifiers=("at_least",))
    score = score_document(
        document(loose, strict), [figure(qualifier="at_least"), figure(qualifier="exact")]
    )
    assert (score.tp, score.fp, score.fn) == (2, 0, 0)


@pytest.mark.parametrize(
    ("alternatives", "extracted", "expected"),
    [
        (("NIS",), "NIS", True),
        (("NIS",), "nis", True),
        (("National Intelligence Service",), "South Korea's National Intelligence Service", True),
        (("South Korean intelligence",), "South Korean intelligence agencies", True),
        (("South Korean officials", "the officials"), "the officials", True),
        (("South Korean officials",), "officials", False),
        (("Ukraine's military intelligence agency",), "the agency", False),
        (("Russia's Defense Ministry",), "Russia's defence ministry", True),
        (("South Korea\u2019s military",), "South Korea's military", True),
        (("the Ministry",), "Ministry of Defence", False),
        (("Ministry of Defence",), "Russian Ministry of Defence", True),
        (("Zelenskyy",), "Budanov", False),
        (("Pentagon",), None, False),
        (None, "Pentagon", False),
        (None, None, True),
    ],
)
def test_source_matching(
    alternatives: tuple[str, ...] | None, extracted: str | None, expected: bool
) -> None:
    assert sources_match(alternatives, extracted) is expected


def test_source_words_must_be_contiguous_not_letters() -> None:
    # "he" is inside "the pentagon" as letters, but not as a word.
    assert not sources_match(("the Pentagon",), "he")
    assert not sources_match(("Stephens",), "he")


@pytest.mark.parametrize(
    ("extracted", "expected"),
    [
        (SENTENCE, True),
        ("  " + SENTENCE.replace(" ", "\n", 3) + " ", True),
        ("- " + SENTENCE, True),
        ("09:02 GMT " + SENTENCE, True),
        (SENTENCE.removesuffix("."), True),
        ("In January, the NIS reported that", False),
        ("A different sentence about 300 soldiers.", False),
        ("The Minister (Luke Pollard): " + SENTENCE, True),
        ("Headline one\nHeadline two\n" + SENTENCE + " Next sentence. " * 5, False),
    ],
)
def test_quote_matching(extracted: str, expected: bool) -> None:
    assert quotes_match(SENTENCE, extracted) is expected


def test_quote_matching_ignores_typographic_variants() -> None:
    assert quotes_match(
        "Kyiv\u2019s estimate was 1,200\u20131,500.", "Kyiv's estimate was 1,200-1,500."
    )


def test_quote_must_be_the_same_sentence() -> None:
    other = figure(quote="At least 300 North Korean soldiers had been killed, officials said.")
    score = score_document(document(gold_figure()), [other])
    assert (score.tp, score.fp, score.fn) == (0, 1, 1)


def test_vague_gold_counts_neither_as_miss_nor_as_hit() -> None:
    vague = gold_figure(metric="captured", low=1, high=1, qualifiers=("exact",), vague=True)
    missed = score_document(document(gold_figure(), vague), [figure()])
    assert (missed.tp, missed.fp, missed.fn, missed.gold_count) == (1, 0, 0, 1)
    taken = score_document(
        document(gold_figure(), vague),
        [figure(), figure(metric="captured", low=1, qualifier="exact")],
    )
    assert (taken.tp, taken.fp, taken.fn, taken.vague_matched) == (1, 0, 0, 1)


def span(start: date, end: date) -> DateSpan:
    return DateSpan("In January", start, end, Precision.MONTH, inferred=True)


def test_date_within_gold_period_is_correct() -> None:
    gold = gold_figure(period=parse_period("2025-01"))
    assert date_correct(gold, figure(when=span(date(2025, 1, 1), date(2025, 1, 31))))
    assert date_correct(gold, figure(when=span(date(2025, 1, 6), date(2025, 1, 6))))
    assert not date_correct(gold, figure(when=span(date(2024, 1, 1), date(2024, 1, 31))))
    assert not date_correct(gold, figure(when=span(date(2025, 1, 1), date(2025, 2, 28))))
    assert not date_correct(gold, figure(when=None))


def test_date_accuracy_is_reported_apart_from_precision() -> None:
    gold = gold_figure(period=parse_period("2025-01"))
    wrong_date = figure(when=span(date(2024, 11, 1), date(2024, 11, 30)))
    score = score_document(document(gold, gold_figure(low=5, high=5)), [wrong_date])
    assert (score.tp, score.dates_checked, score.dates_correct) == (1, 1, 0)


def test_date_given_as_text_compares_the_expression() -> None:
    gold = gold_figure(date_text="since Russia invaded Ukraine in 2022")
    found = DateSpan("in 2022", date(2022, 1, 1), date(2022, 12, 31), Precision.YEAR)
    assert date_correct(gold, figure(when=found))
    other = DateSpan("in January", date(2025, 1, 1), date(2025, 1, 31), Precision.MONTH)
    assert not date_correct(gold, figure(when=other))


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("2023", date(2023, 1, 1), date(2023, 12, 31)),
        ("2024-02", date(2024, 2, 1), date(2024, 2, 29)),
        ("2025-01-11", date(2025, 1, 11), date(2025, 1, 11)),
        ("2025-01/2025-02", date(2025, 1, 1), date(2025, 2, 28)),
    ],
)
def test_parse_period(text: str, start: date, end: date) -> None:
    assert parse_period(text) == (start, end)


@pytest.mark.parametrize("text", ["January 2025", "2025-02/2025-01", "25-01"])
def test_parse_period_refuses_other_text(text: str) -> None:
    with pytest.raises(ValueError):
        parse_period(text)


def test_distractor_taken_is_listed_and_is_a_false_positive() -> None:
    quote = (
        "Ukraine's air force says Russia launched 74 drones and four ballistic missiles overnight."
    )
    distractors = (
        Distractor("74 drones", "weapons"),
        Distractor("four ballistic missiles", "weapons"),
    )
    score = score_document(
        document(distractors=distractors),
        [figure(metric="killed", low=4, qualifier="exact", subject="Russia", quote=quote)],
    )
    assert score.fp == 1
    assert [t.distractor.text for t in score.distractors_taken] == ["four ballistic missiles"]


def test_figure_beside_a_distractor_is_not_blamed_on_it() -> None:
    quote = "Some 11,000 troops were sent, along with more than 170 artillery systems."
    distractors = (Distractor("more than 170 artillery systems", "weapons"),)
    found = figure(metric="deployed", low=11_000, qualifier="exact", quote=quote)
    score = score_document(document(distractors=distractors), [found])
    assert score.fp == 1
    assert score.distractors_taken == []


def test_invented_number_for_an_unnumbered_distractor_is_taken() -> None:
    quote = "There are additional troops, but their size is still being examined."
    distractors = (Distractor("their size is still being examined", "no number"),)
    invented = figure(metric="deployed", low=1000, qualifier="exact", quote=quote)
    score = score_document(document(distractors=distractors), [invented])
    assert len(score.distractors_taken) == 1


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("10,000 soldiers", 10_000),
        ("67 000 servicemen", 67_000),
        ("1.5 million", 1_500_000),
        ("11k troops", 11_000),
        ("a 12,000-strong force", 12_000),
        ("Twenty-five soldiers", 25),
        ("three thousand more", 3_000),
        ("a couple thousand paratroopers", 2_000),
        ("half a million", 500_000),
        ("dozens of soldiers", 24),
        ("tens of thousands of soldiers", 99_999),
        ("1,200\u20131,500", 1_500),
        ("the 11th Army Corps", 11),
        ("a second wave", 2),
    ],
)
def test_mentioned_values(text: str, value: int) -> None:
    assert value in mentioned_values(text)


def test_mentioned_values_of_text_without_numbers() -> None:
    assert mentioned_values("a number of them, size still being examined") == set()


def test_totals_sum_documents_and_report_prints_them() -> None:
    first = (document(gold_figure()), [figure()])
    second = (document(gold_figure(low=7, high=7)), [figure(metric="wounded", low=9)])
    total = score_all([first, second])
    assert (total.tp, total.fp, total.fn) == (1, 1, 1)
    assert total.precision == total.recall == 0.5
    report = format_report(total)
    assert "TOTAL" in report
    assert "precision 0.500  recall 0.500" in report
    assert "FP   doc.txt: wounded at_least 9" in report
    assert "FN   doc.txt: killed at_least 7" in report


def test_realdev_shape_is_read() -> None:
    gold = gold_document_from_json(
        {
            "passage": "p.txt",
            "figures": [
                {
                    "metric": "deployed",
                    "low": 3000,
                    "high": 3000,
                    "qualifier": "about",
                    "subject": "North Korea",
                    "source": "a senior Ukrainian intelligence official",
                    "date": "currently",
                    "quote": "Around 3,000 North Korean troops are in Russia.",
                    "vague": True,
                }
            ],
            "distractors": [{"text": "$425 million", "why": "money"}],
        }
    )
    (only,) = gold.figures
    assert gold.document == "p.txt"
    assert only.sources == ("a senior Ukrainian intelligence official",)
    assert (only.period, only.date_text, only.vague) == (None, "currently", True)
    assert gold.distractors == (Distractor("$425 million", "money"),)


DAILY = Period("a day", PeriodKind.RATE, PeriodUnit.DAY)
MONTHLY = Period("a month", PeriodKind.RATE, PeriodUnit.MONTH)
SIXTY_DAYS = Period("in the last 60 days", PeriodKind.WINDOW, PeriodUnit.DAY, 60)


def test_a_gold_rate_is_matched_only_by_a_figure_with_its_period() -> None:
    rate = gold_figure(rate="per day")
    assert score_document(document(rate), [figure(period=DAILY)]).tp == 1
    for period in (None, MONTHLY, SIXTY_DAYS):
        score = score_document(document(rate), [figure(period=period)])
        assert (score.tp, score.fp, score.fn) == (0, 1, 1), period
        assert score.near_misses[0].wrong == ("period",)
    window = gold_figure(rate="in the last 60 days")
    assert score_document(document(window), [figure(period=SIXTY_DAYS)]).tp == 1


def test_a_figure_with_a_period_never_matches_a_gold_total() -> None:
    for period in (DAILY, SIXTY_DAYS):
        score = score_document(document(gold_figure()), [figure(period=period)])
        assert (score.tp, score.fp, score.fn) == (0, 1, 1)


def test_a_window_given_as_the_gold_date_is_matched_by_that_window() -> None:
    dated = gold_figure(date_text="in the last 60 days")
    assert score_document(document(dated), [figure(period=SIXTY_DAYS)]).tp == 1
    other = gold_figure(date_text="since the start of the invasion")
    assert score_document(document(other), [figure(period=SIXTY_DAYS)]).tp == 0
    assert score_document(document(dated), [figure(period=DAILY)]).tp == 0


def test_optional_rates_are_neither_missed_nor_extra_but_reported() -> None:
    rate = gold_figure(low=1500, high=1500, rate="per day")
    gold = document(gold_figure(), rate)
    found = [figure(), figure(low=1500, period=DAILY), figure(low=42, period=DAILY)]
    score = score_document(gold, found, rates_optional=True)
    assert (score.tp, score.fp, score.fn, score.gold_count) == (1, 0, 0, 1)
    assert (score.rates_optional, score.rates_matched) == (1, 1)
    assert [f.low for f in score.rates_unmatched_found] == [42]
    missed = score_document(gold, [figure()], rates_optional=True)
    assert (missed.tp, missed.fn, missed.rates_matched) == (1, 0, 0)
    strict = score_document(gold, found)
    assert (strict.tp, strict.fp, strict.fn) == (2, 1, 0)
    assert "optional rates: 1 of 1 found; 1 figures with a period matched nothing" in (
        format_report(score_all([(gold, found)], rates_optional=True))
    )


def test_a_text_date_of_the_present_is_met_by_the_publication_date() -> None:
    published = DateSpan(PUBLICATION_DATE_TEXT, date(2024, 10, 30), date(2024, 10, 30),
                         Precision.DAY)  # fmt: skip
    for text in ("now", "to date", "since March 2022", "currently", "in that time"):
        assert date_correct(gold_figure(date_text=text), figure(when=published)), text
    for text in ("In 2025", "earlier this month", "Last month"):
        assert not date_correct(gold_figure(date_text=text), figure(when=published)), text
    window = gold_figure(date_text="in the last 60 days")
    assert date_correct(window, figure(when=published, period=SIXTY_DAYS))
    assert not date_correct(window, figure(when=published))
