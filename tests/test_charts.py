"""Charts: valid PNGs of a readable size, limits stated on the chart, no Discord import."""

from __future__ import annotations

import io
import subprocess
import sys
from datetime import date

from PIL import Image

from bot import charts
from bot.facts.model import DateSpan, Event, Figure, Metric, Precision, Qualifier


def figure(n: int, low: int, high: int, qualifier: Qualifier, metric=Metric.KILLED) -> Figure:
    when = DateSpan("x", date(2024, 1 + n % 12, 1), date(2024, 1 + n % 12, 28), Precision.MONTH)
    return Figure(
        id=f"f{n:07d}", document="d.txt", metric=metric, subject="North Korea", low=low,
        high=high, qualifier=qualifier, additional=False, source=f"Claimant {n % 7}", date=when,
        quote="q", span=(0, 1),
    )


def image(png: bytes) -> Image.Image:
    picture = Image.open(io.BytesIO(png))
    picture.load()
    assert picture.format == "PNG"
    return picture


def test_estimates_chart_draws_every_qualifier():
    figures = [
        figure(1, 300, 300, Qualifier.AT_LEAST),
        figure(2, 500, 500, Qualifier.AT_MOST),
        figure(3, 1_200, 1_200, Qualifier.ABOUT),
        figure(4, 10_000, 12_000, Qualifier.RANGE),
        figure(5, 4_000, 4_000, Qualifier.EXACT, metric=Metric.WOUNDED),
    ]
    picture = image(charts.estimates_chart(figures, title="Casualty figures"))
    assert picture.width == 800
    assert 250 <= picture.height <= 1_200


def test_only_the_most_recent_figures_of_a_group_are_drawn():
    many = [figure(n, 100 + n, 100 + n, Qualifier.EXACT) for n in range(100)]
    chosen = charts.select_recent(many)
    (group,) = chosen.values()
    assert len(group) == charts.MAX_PER_GROUP
    newest = max(f.date.start for f in many if f.date)
    assert group[-1].date is not None and group[-1].date.start == newest
    picture = image(charts.estimates_chart(many, title="Casualty figures"))
    assert picture.width == 800 and picture.height < 2_000


def test_many_groups_share_the_row_budget():
    metrics = list(Metric)
    many = [
        figure(n, 10 + n, 10 + n, Qualifier.EXACT, metric=metrics[n % len(metrics)])
        for n in range(600)
    ]
    chosen = charts.select_recent(many)
    assert sum(len(g) for g in chosen.values()) <= charts.MAX_ROWS
    assert len(chosen) == len(metrics)


def test_timeline_chart_and_empty_charts_are_valid_images():
    events = [
        Event("e1", "d.txt", DateSpan("June 2024", date(2024, 6, 1), date(2024, 6, 30),
                                      Precision.MONTH), "a treaty", "q", (0, 1)),
        Event("e2", "d.txt", DateSpan("5 Nov", date(2024, 11, 5), date(2024, 11, 5),
                                      Precision.DAY, inferred=True), "ratified", "q", (0, 1)),
    ]
    picture = image(charts.timeline_chart(events, title="Timeline"))
    assert picture.width == 800 and picture.height >= 150
    assert image(charts.timeline_chart([], title="Timeline")).width == 800
    assert image(charts.estimates_chart([], title="Nothing")).width == 800


def test_labels_read_as_written():
    assert charts.value_label(figure(1, 300, 300, Qualifier.AT_LEAST)) == "≥300"
    assert charts.value_label(figure(1, 10_000, 12_000, Qualifier.RANGE)) == "10,000–12,000"
    assert charts.value_label(figure(1, 1_200, 1_200, Qualifier.ABOUT)) == "≈1,200"
    month = DateSpan("Jan", date(2025, 1, 1), date(2025, 1, 31), Precision.MONTH, inferred=True)
    assert charts.span_label(month) == "Jan 2025*"
    assert charts.span_label(None) == "undated"


def test_importing_charts_needs_neither_matplotlib_nor_discord():
    code = (
        "import sys, bot.charts, bot.facts.extract;"
        "print('matplotlib' in sys.modules, 'discord' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


def _missing_glyphs(draw) -> list[str]:
    import warnings

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        image(draw())
    return [str(w.message) for w in caught if "missing from font" in str(w.message)]


def test_charts_are_labelled_in_the_readers_language_when_a_font_can_draw_it():
    figures = [figure(n, 100 * n, 100 * n, Qualifier.ABOUT) for n in range(1, 5)]
    events = [
        Event("e1", "d.txt", DateSpan("x", date(2024, 11, 1), date(2024, 11, 30),
                                      Precision.MONTH, True), "treaty ratified", "q", (0, 1)),
    ]
    assert charts.chart_language("uk") == "uk"  # DejaVu Sans, matplotlib's own, has Cyrillic
    assert _missing_glyphs(lambda: charts.estimates_chart(figures, title="Цифри втрат",
                                                          lang="uk")) == []
    assert _missing_glyphs(lambda: charts.timeline_chart(events, title="Хронологія",
                                                         lang="uk")) == []
    assert charts.group_title(("North Korea", Metric.KILLED, False), "uk") == (
        "Північна Корея · загиблі"
    )
    assert charts.value_label(figure(1, 1_200, 1_200, Qualifier.ABOUT), "uk") == "≈1\u00a0200"
    korean = charts.chart_language("ko")
    if korean == "en":  # no Hangul font here: drawing Korean would leave empty boxes
        assert _missing_glyphs(lambda: charts.estimates_chart(figures, title="사상자",
                                                              lang="ko"))
    else:
        assert _missing_glyphs(lambda: charts.estimates_chart(figures, title="사상자",
                                                              lang="ko")) == []
    assert charts.chart_language("de") == "en"
