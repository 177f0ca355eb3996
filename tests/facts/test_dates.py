import calendar
import itertools
import json
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.facts.dates import Anchor, DateMention, find_dates, publication_anchor
from bot.facts.documents import read_document
from bot.facts.model import Precision
from bot.facts.sentences import split_sentences

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "000_4501267d33e9c1d5.txt"
SEED_GOLD = ROOT.parent / "shared" / "gold" / "seed.gold.json"

# A Thursday, from front matter.
OCT31 = Anchor(date(2024, 10, 31), Precision.DAY, inferred=False)
FEB2025 = Anchor(date(2025, 2, 1), Precision.MONTH, inferred=True)


def found(sentence: str, anchor: Anchor | None = OCT31) -> list[tuple[str, str, str, str]]:
    return [
        (m.span.text, m.span.start.isoformat(), m.span.end.isoformat(), m.span.precision.value)
        for m in find_dates(sentence, anchor)
    ]


def one(sentence: str, anchor: Anchor | None = OCT31) -> DateMention:
    mentions = find_dates(sentence, anchor)
    assert len(mentions) == 1, mentions
    mention = mentions[0]
    assert sentence[mention.start : mention.end] == mention.span.text
    return mention


# --- explicit dates ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "text", "day"),
    [
        ("on Oct. 30, 2024, troops", "Oct. 30, 2024", "2024-10-30"),
        ("October 30, 2024", "October 30, 2024", "2024-10-30"),
        ("on 30 October 2024 they", "30 October 2024", "2024-10-30"),
        ("24 October 2024", "24 October 2024", "2024-10-24"),
        ("dated 2024-10-30.", "2024-10-30", "2024-10-30"),
        ("Monday, Oct. 28, 2024", "Monday, Oct. 28, 2024", "2024-10-28"),
        ("on October 1st, 2024", "October 1st, 2024", "2024-10-01"),
    ],
)
def test_explicit_days_need_no_anchor(sentence, text, day):
    for anchor in (None, OCT31, FEB2025):
        mention = one(sentence, anchor)
        assert mention.span.text == text
        assert mention.span.start.isoformat() == mention.span.end.isoformat() == day
        assert mention.span.precision is Precision.DAY
        assert mention.span.inferred is False


def test_explicit_day_range():
    assert found("on October 30-31, 2024") == [
        ("October 30-31, 2024", "2024-10-30", "2024-10-31", "day")
    ]


def test_month_with_year():
    assert found("in June 2024", None) == [("June 2024", "2024-06-01", "2024-06-30", "month")]
    assert found("in Dec. 2024", None) == [("Dec. 2024", "2024-12-01", "2024-12-31", "month")]


@pytest.mark.parametrize(
    "sentence",
    [
        "in 2023",
        "since 2023",
        "by 2023",
        "of 2023",  # after "summer"
        "during 2023",
    ],
)
def test_years_in_date_context(sentence):
    full = "the summer of 2023" if sentence == "of 2023" else f"troops came {sentence}"
    mention = one(full, None)
    assert (mention.span.start, mention.span.end) == (date(2023, 1, 1), date(2023, 12, 31))
    assert mention.span.precision is Precision.YEAR
    assert mention.span.inferred is False


def test_year_text_keeps_since_and_parts_but_not_plain_prepositions():
    assert one("in 2023", None).span.text == "2023"
    assert one("since 2022", None).span.text == "since 2022"
    assert one("in late 2024", None).span.text == "late 2024"
    assert one("by mid-2024", None).span.text == "mid-2024"


def test_years_listed_with_other_dates():
    assert found("back-to-back summits in 2023 and June 2024", None) == [
        ("2023", "2023-01-01", "2023-12-31", "year"),
        ("June 2024", "2024-06-01", "2024-06-30", "month"),
    ]
    assert [m[0] for m in found("in 2022, 2023 and 2024", None)] == ["2022", "2023", "2024"]


def test_since_an_event_in_a_year():
    assert found("killed in action since Russia invaded Ukraine in 2022", None) == [
        ("2022", "2022-01-01", "2022-12-31", "year")
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "2,023 troops",
        "2023 soldiers were sent",
        "in 2023 soldiers",
        "979 days of war",
        "F-16 jets",
        "No. 2023",
        "page 2024",
        "$2024 in aid",
        "2,024",
        "Resolution 2767",
        "the number rose by 2000",
        "a force of 2023",
        "between 10,000 and 12,000 troops",
        "Russia may compensate North Korea",
        "May God help us",
        "the March on Washington",
        "a 2024 report",
    ],
)
def test_not_dates(sentence):
    assert find_dates(sentence, OCT31) == []


# --- spans and parts --------------------------------------------------------------------------


def test_between_months_resolves_against_the_anchor():
    assert found("between January and February", FEB2025) == [
        ("between January and February", "2025-01-01", "2025-02-28", "month")
    ]
    assert found("between November and January", FEB2025) == [
        ("between November and January", "2024-11-01", "2025-01-31", "month")
    ]


def test_month_spans_with_a_year():
    assert found("from June to August 2024", None) == [
        ("from June to August 2024", "2024-06-01", "2024-08-31", "month")
    ]
    assert found("from December 2023 to February 2024", None) == [
        ("from December 2023 to February 2024", "2023-12-01", "2024-02-29", "month")
    ]
    assert found("November-January 2025", None) == [
        ("November-January 2025", "2024-11-01", "2025-01-31", "month")
    ]


def test_month_span_with_a_dash():
    assert found("January-February", FEB2025) == [
        ("January-February", "2025-01-01", "2025-02-28", "month")
    ]


def test_months_joined_by_and_without_between_are_two_months():
    assert found("in January and February", FEB2025) == [
        ("January", "2025-01-01", "2025-01-31", "month"),
        ("February", "2025-02-01", "2025-02-28", "month"),
    ]


def test_year_spans():
    assert found("from 2022 to 2024", None) == [
        ("from 2022 to 2024", "2022-01-01", "2024-12-31", "year")
    ]
    assert found("in 2022-24", None) == [("2022-24", "2022-01-01", "2024-12-31", "year")]
    assert found("between 2022 and 2024", None) == [
        ("between 2022 and 2024", "2022-01-01", "2024-12-31", "year")
    ]


def test_parts_narrow_what_they_qualify():
    assert found("in early February", FEB2025) == [
        ("early February", "2025-02-01", "2025-02-10", "month")
    ]
    assert found("by mid-January", FEB2025) == [
        ("mid-January", "2025-01-11", "2025-01-20", "month")
    ]
    assert found("in late May 2024", None) == [
        ("late May 2024", "2024-05-21", "2024-05-31", "month")
    ]
    assert found("in late 2024", None) == [("late 2024", "2024-10-01", "2024-12-31", "month")]
    assert found("by the end of 2024", None) == [
        ("the end of 2024", "2024-10-01", "2024-12-31", "month")
    ]
    assert found("troops came early 2023", None) == [
        ("early 2023", "2023-01-01", "2023-03-31", "month")
    ]
    assert found("by mid-2023", None) == [("mid-2023", "2023-04-01", "2023-09-30", "month")]
    assert found("the first week of March", OCT31) == [
        ("the first week of March", "2024-03-01", "2024-03-31", "month")
    ]


# --- month-only and month-day -----------------------------------------------------------------


def test_month_only_is_the_most_recent_such_month_on_or_before_the_anchor():
    assert found("In June, troops", OCT31) == [("June", "2024-06-01", "2024-06-30", "month")]
    assert found("In October, troops", OCT31) == [("October", "2024-10-01", "2024-10-31", "month")]
    assert found("In November, troops", OCT31) == [
        ("November", "2023-11-01", "2023-11-30", "month")
    ]


def test_month_only_inherits_inferred_from_the_anchor():
    assert one("In January", FEB2025).span.inferred is True
    assert one("In January", OCT31).span.inferred is False


def test_month_only_needs_an_anchor():
    assert find_dates("In January, the NIS reported", None) == []


def test_may_and_march_need_context():
    assert found("in May", OCT31) == [("May", "2024-05-01", "2024-05-31", "month")]
    assert found("early March", OCT31) == [("early March", "2024-03-01", "2024-03-10", "month")]


def test_month_day_takes_the_anchor_year():
    assert found("on October 30 they", OCT31) == [("October 30", "2024-10-30", "2024-10-30", "day")]
    assert found("on 3 March", OCT31) == [("3 March", "2024-03-03", "2024-03-03", "day")]


def test_month_day_a_little_ahead_of_the_anchor_is_upcoming():
    anchor = Anchor(date(2025, 1, 11), Precision.DAY, inferred=False)
    assert found("before the inauguration on January 20", anchor) == [
        ("January 20", "2025-01-20", "2025-01-20", "day")
    ]
    late_december = Anchor(date(2024, 12, 27), Precision.DAY, inferred=False)
    assert found("effective January 1, replacing", late_december) == [
        ("January 1", "2025-01-01", "2025-01-01", "day")
    ]
    early_january = Anchor(date(2025, 1, 3), Precision.DAY, inferred=False)
    assert found("on December 28", early_january) == [
        ("December 28", "2024-12-28", "2024-12-28", "day")
    ]


# --- relative ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("last month", ("last month", "2024-09-01", "2024-09-30", "month")),
        ("this month", ("this month", "2024-10-01", "2024-10-31", "month")),
        ("earlier this month", ("earlier this month", "2024-10-01", "2024-10-31", "month")),
        ("last year", ("last year", "2023-01-01", "2023-12-31", "year")),
        ("Last year", ("Last year", "2023-01-01", "2023-12-31", "year")),
        ("this year", ("this year", "2024-01-01", "2024-10-31", "year")),
        ("this past May", ("this past May", "2024-05-01", "2024-05-31", "month")),
        ("last week", ("last week", "2024-10-21", "2024-10-27", "day")),
        ("on Thursday", ("Thursday", "2024-10-31", "2024-10-31", "day")),
        ("Tuesday", ("Tuesday", "2024-10-29", "2024-10-29", "day")),
        ("last Thursday", ("last Thursday", "2024-10-24", "2024-10-24", "day")),
        ("yesterday", ("yesterday", "2024-10-30", "2024-10-30", "day")),
        ("today", ("today", "2024-10-31", "2024-10-31", "day")),
        ("on Monday night", ("Monday night", "2024-10-28", "2024-10-28", "day")),
        ("since last year", ("since last year", "2023-01-01", "2023-12-31", "year")),
        ("three years ago", ("three years ago", "2021-01-01", "2021-12-31", "year")),
        ("5 days ago", ("5 days ago", "2024-10-26", "2024-10-26", "day")),
    ],
)
def test_relative_dates_with_a_day_anchor(sentence, expected):
    assert found(sentence, OCT31) == [expected]
    assert all(m.span.inferred is False for m in find_dates(sentence, OCT31))


@pytest.mark.parametrize(
    "sentence", ["last month", "last year", "on Thursday", "yesterday", "this past May"]
)
def test_relative_dates_are_skipped_without_an_anchor(sentence):
    assert find_dates(sentence, None) == []


def test_weekdays_and_days_are_skipped_with_a_month_anchor():
    assert find_dates("The agency said on Thursday", FEB2025) == []
    assert find_dates("yesterday", FEB2025) == []
    assert found("last month", FEB2025) == [("last month", "2025-01-01", "2025-01-31", "month")]


def test_dates_through_an_inferred_anchor_are_inferred_and_explicit_ones_are_not():
    mentions = find_dates("In January and in 2023, since last year", FEB2025)
    assert [(m.span.text, m.span.inferred) for m in mentions] == [
        ("January", True),
        ("2023", False),
        ("since last year", True),
    ]


def test_mentions_are_ordered_and_do_not_overlap():
    sentence = (
        "From June to August 2024, then on Oct. 30, 2024 and last week, in 2023 and May 2022."
    )
    mentions = find_dates(sentence, OCT31)
    assert [m.span.text for m in mentions] == [
        "From June to August 2024",
        "Oct. 30, 2024",
        "last week",
        "2023",
        "May 2022",
    ]
    for before, after in itertools.pairwise(mentions):
        assert before.end <= after.start


# --- publication anchor -----------------------------------------------------------------------


def test_front_matter_date_is_the_anchor():
    assert publication_anchor("In 2019 something.", date(2025, 2, 13)) == Anchor(
        date(2025, 2, 13), Precision.DAY, inferred=False
    )


def test_nothing_to_anchor_on():
    assert publication_anchor("Troops arrived. They left on Thursday.", None) is None
    assert publication_anchor("In January and February, this year.", None) is None
    assert publication_anchor("", None) is None


def test_seed_publication_is_inferred_as_february_2025():
    doc = read_document(SEED)
    anchor = publication_anchor(doc.text, doc.published)
    assert anchor == Anchor(date(2025, 2, 1), Precision.MONTH, inferred=True)
    assert anchor.as_span().start == date(2025, 2, 1)
    assert anchor.as_span().end == date(2025, 2, 28)


def test_latest_explicit_date_without_month_only_mentions():
    text = "Troops came in 2023. On Oct. 30, 2024 more came. In June 2024 a summit."
    assert publication_anchor(text, None) == Anchor(date(2024, 10, 30), Precision.DAY, True)
    assert publication_anchor("A summit in 2023 and June 2024.", None) == Anchor(
        date(2024, 6, 1), Precision.MONTH, True
    )
    assert publication_anchor("Deployed in 2023.", None) == Anchor(
        date(2023, 1, 1), Precision.YEAR, True
    )


def test_last_year_puts_the_reporting_year_after_the_latest_explicit_year():
    text = "Troops were deployed in 2023. Involvement has grown since last year."
    assert publication_anchor(text, None) == Anchor(date(2024, 1, 1), Precision.YEAR, True)


def test_this_year_keeps_the_latest_explicit_year():
    text = "Troops were deployed in 2023 and this year. Involvement has grown since last year."
    assert publication_anchor(text, None) == Anchor(date(2023, 1, 1), Precision.YEAR, True)


def test_month_order_picks_the_month_before_the_largest_gap():
    text = (
        "Talks were held in 2024. In October they met. In November troops came. In December more."
    )
    assert publication_anchor(text, None) == Anchor(date(2024, 12, 1), Precision.MONTH, True)
    wraps = "A summit in June 2024. In November troops came. In January more. In March others."
    assert publication_anchor(wraps, None) == Anchor(date(2025, 3, 1), Precision.MONTH, True)


def test_deadlines_and_implausible_years_are_not_evidence():
    text = "Troops came in 2023. The plan runs until 2030. A treaty of 1961 remains."
    assert publication_anchor(text, None) == Anchor(date(2023, 1, 1), Precision.YEAR, True)
    assert publication_anchor("In 1950 the war began.", None) is None


def test_seed_resolutions_match_the_gold_events():
    if not SEED_GOLD.is_file():
        pytest.skip(f"seed gold not found at {SEED_GOLD} (the shared folder sits beside the repo)")
    gold = json.loads(SEED_GOLD.read_text())
    doc = read_document(SEED)
    anchor = publication_anchor(doc.text, doc.published)
    sentences = split_sentences(doc.text)
    for event in gold["events"]:
        sentence = next(s.text for s in sentences if event["quote_contains"] in s.text)
        periods = {_gold_period(m) for m in find_dates(sentence, anchor)}
        # Right when it lies within the gold period ("early February" within February), as
        # the scorer counts figures' dates.
        first, last = _parse_gold_date(event["date"])
        assert any(first <= p[0] and p[1] <= last for p in periods), (event, sentence, periods)


def test_seed_resolutions_in_detail():
    doc = read_document(SEED)
    anchor = publication_anchor(doc.text, doc.published)
    resolved = {
        m.span.text: (m.span.start.isoformat(), m.span.end.isoformat(), m.span.inferred)
        for s in split_sentences(doc.text)
        for m in find_dates(s.text, anchor)
    }
    assert resolved == {
        "early February": ("2025-02-01", "2025-02-10", True),
        "since last year": ("2024-01-01", "2024-12-31", True),
        "2023": ("2023-01-01", "2023-12-31", False),
        "January": ("2025-01-01", "2025-01-31", True),
        "between January and February": ("2025-01-01", "2025-02-28", True),
        "June 2024": ("2024-06-01", "2024-06-30", False),
        "November": ("2024-11-01", "2024-11-30", True),
    }


def test_seed_with_a_front_matter_anchor_is_not_inferred():
    doc = read_document(SEED)
    anchor = publication_anchor(doc.text, date(2025, 2, 13))
    sentences = [s.text for s in split_sentences(doc.text)]
    thursday = find_dates(sentences[1], anchor)
    assert [(m.span.text, m.span.start.isoformat(), m.span.inferred) for m in thursday] == [
        ("Thursday", "2025-02-13", False),
        ("early February", "2025-02-01", False),
    ]


def _parse_gold_date(value: str) -> tuple[date, date]:
    first, _, last = value.partition("/")
    return _gold_bounds(first)[0], _gold_bounds(last or first)[1]


def _gold_bounds(value: str) -> tuple[date, date]:
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 1:
        return date(parts[0], 1, 1), date(parts[0], 12, 31)
    year, month = parts[0], parts[1]
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def _gold_period(mention: DateMention) -> tuple[date, date]:
    return mention.span.start, mention.span.end


# --- properties and speed ---------------------------------------------------------------------

_PIECES = st.sampled_from(
    [
        "in ", "since ", "between ", " and ", " to ", "-", ", ", ". ", "early ", "last ",
        "this past ", "the first week of ", "January", "February", "May", "Oct.", "Dec ",
        "Thursday", "30", "31", "29", "1st", "2023", "2024", "1999", "2100", "00", "24",
        "year", "month", "week", "ago", "two ", "yesterday", "$", "2,0", "\n",
    ]
)  # fmt: skip
_ANCHORS = st.one_of(
    st.none(),
    st.builds(
        Anchor,
        st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)),
        st.sampled_from(list(Precision)),
        st.booleans(),
    ),
)


def _check(sentence: str, anchor: Anchor | None) -> None:
    previous_end = 0
    for mention in find_dates(sentence, anchor):
        assert mention.span.start <= mention.span.end
        assert sentence[mention.start : mention.end] == mention.span.text
        assert previous_end <= mention.start < mention.end
        previous_end = mention.end


@settings(max_examples=400, deadline=None)
@given(st.lists(_PIECES, max_size=14).map("".join), _ANCHORS)
def test_property_date_like_text(sentence, anchor):
    _check(sentence, anchor)
    publication_anchor(sentence, None)


# Dates that need no anchor; each property text below holds one.
_EXPLICIT_DATES = st.sampled_from(
    ["June 2024", "Oct. 30, 2024", "30 October 2024", "2024-10-30", "between 2022 and 2024"]
)


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=120), _EXPLICIT_DATES, st.text(max_size=120), _ANCHORS)
def test_property_arbitrary_text(before, explicit, after, anchor):
    sentence = f"{before} in {explicit}, {after}"
    _check(sentence, anchor)
    at = len(before) + len(" in ")
    # The date is read, alone or as part of a longer one ("Monday, Oct. 30, 2024").
    assert any(
        m.start <= at + len(explicit) and at <= m.end for m in find_dates(sentence, anchor)
    ), sentence
    publication_anchor(sentence, None)


def test_one_pass_over_sentences_agrees_with_the_two_pass_reading():
    from pathlib import Path

    from bot.facts.dates import dates_of_sentences

    folder = Path(__file__).resolve().parents[1] / "fixtures" / "devset"
    for path in [SEED, *sorted(folder.glob("*.txt"))]:
        doc = read_document(path)
        sentences = [s.text for s in split_sentences(doc.text)]
        anchor, per_sentence = dates_of_sentences(sentences, doc.published)
        assert anchor == publication_anchor(doc.text, doc.published), path.name
        assert per_sentence == [find_dates(s, anchor) for s in sentences], path.name


def test_seasons_resolve_against_the_anchor():
    january = Anchor(date(2025, 1, 13), Precision.DAY, inferred=False)
    november = Anchor(date(2024, 11, 21), Precision.DAY, inferred=False)
    assert found("troops sent last autumn", january) == [
        ("last autumn", "2024-09-01", "2024-11-30", "month")
    ]
    assert found("troops sent last autumn", november) == [
        ("last autumn", "2023-09-01", "2023-11-30", "month")
    ]
    assert found("fighting since the summer", january) == [
        ("since the summer", "2024-06-01", "2024-08-31", "month")
    ]
    # The season so far: a count "this winter" is not one from after the day of writing.
    assert found("this winter", january) == [("this winter", "2024-12-01", "2025-01-13", "month")]
    assert found("in the winter of 2023", None) == [
        ("the winter of 2023", "2023-12-01", "2024-02-29", "month")
    ]
    assert found("after the fall of Avdiivka", january) == []


def test_this_week_runs_to_the_day_of_writing():
    thursday = Anchor(date(2024, 11, 28), Precision.DAY, inferred=False)
    assert found("this week", thursday) == [("this week", "2024-11-25", "2024-11-28", "day")]


def test_the_latest_dated_day_anchors_months_named_before_it() -> None:
    """'Answered on 9 June 2026' after a question tabled on 2 June, with losses 'in May': the
    text was written on 9 June 2026, not in a May after it."""
    text = (
        "Written answers\n\nArmed Forces\n\nQuestion for the Ministry of Defence\n\nUIN 4,"
        " tabled on 2 June 2026\n\nAnswered on 9 June 2026 by a minister.\n\nLosses"
        " averaged 1,000 a day in May."
    )
    assert publication_anchor(text, None) == Anchor(date(2026, 6, 9), Precision.DAY, True)
    after = "Losses rose in October and November.\n\nThe report of 3 March 2025 said so."
    assert publication_anchor(after, None) == Anchor(date(2025, 3, 3), Precision.DAY, True)
    # A month without its day is an event's, not the day of writing: the months follow it.
    event = "A summit in June 2024.\n\nTroops came in November and more in January."
    assert publication_anchor(event, None) == Anchor(date(2025, 1, 1), Precision.MONTH, True)
