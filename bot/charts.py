"""PNG charts of the estimates and of the timeline, drawn with matplotlib (Agg, no display).

matplotlib is imported only when a chart is drawn, so the fact engine and the other commands
never pay for it. Drawing is synchronous and CPU-bound: call it in a thread. Every chart has a
neutral mid-grey background with near-black text, readable in Discord's dark and light themes,
and is sized for Discord's preview (800 px wide).

Estimates: one panel per subject and metric, one row per figure (source and date on the left),
an exact figure as a filled dot, an approximation ("about") as a hollow dot with a ``≈`` label, a
range as a bar, a lower bound ("at least") as an arrow open to the right, an upper bound ("up
to") as an arrow open to the left. Timeline: one row per event, a bar spanning its date at its
precision (a month-precise event spans its month), inferred dates hatched and outlined dashed.

Labels are in the reader's language (``lang``) when the chart's fonts can draw its script:
:func:`chart_language` falls back to English when no installed font has Korean glyphs (DejaVu
Sans, matplotlib's own, has Latin and Cyrillic but no Hangul), rather than draw empty boxes.
"""

from __future__ import annotations

import functools
import io
from collections import Counter
from collections.abc import Mapping, Sequence
from datetime import date, timedelta
from itertools import groupby
from typing import TYPE_CHECKING, Any

from bot.facts.model import DateSpan, Event, Figure, Metric, Qualifier
from bot.i18n import CATALOGUE, ENGLISH, language, number, t

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure as Canvas

GroupKey = tuple[str, Metric, bool]

#: Figures shown per subject and metric (the most recent ones), and rows per chart at most.
MAX_PER_GROUP = 40
MAX_ROWS = 60
#: Events shown on a timeline chart (the most recent ones).
MAX_EVENTS = 40

WIDTH_INCHES = 8.0
DPI = 100
ROW_INCHES = 0.3
PANEL_HEADER_INCHES = 0.75
BACKGROUND = "#8c9096"
PANEL = "#a3a7ad"
INK = "#111111"
POINT = "#0b2e6b"
RANGE = "#0b2e6b"
BOUND = "#6b0b1f"
INFERRED = "#4a4f57"
FONT_SIZE = 11
LABEL_LIMIT = 34
#: The longest event headline beside a timeline's bar, cut at a word.
HEADLINE_LABEL_LIMIT = 60

_METRIC_ORDER = {
    m: i
    for i, m in enumerate(
        (Metric.KILLED, Metric.WOUNDED, Metric.CASUALTIES, Metric.CAPTURED, Metric.MISSING,
         Metric.DEPLOYED)
    )
}
#: A character each language's labels need, to find a font that can draw it.
_SAMPLE = {"uk": "ї", "ko": "한"}


@functools.cache
def _font_for(sample: str) -> str | None:
    """The family name of an installed font that has ``sample``'s glyph, or None."""
    from matplotlib import font_manager
    from matplotlib.ft2font import FT2Font

    code = ord(sample)
    for entry in font_manager.fontManager.ttflist:
        try:
            if code in FT2Font(entry.fname).get_charmap():
                return str(entry.name)
        except (OSError, RuntimeError):
            continue
    return None


def chart_language(locale: object) -> str:
    """The language a chart is labelled in: the reader's when a font can draw it, else
    English."""
    lang = language(locale)
    sample = _SAMPLE.get(lang)
    if sample is None or _font_for(sample) is not None:
        return lang
    return ENGLISH


def _fonts(lang: str) -> list[str]:
    """matplotlib's font list for ``lang``: its default, then one with the script's glyphs."""
    found = _font_for(_SAMPLE[lang]) if lang in _SAMPLE else None
    return ["DejaVu Sans", found] if found and found != "DejaVu Sans" else ["DejaVu Sans"]


def group_key(figure: Figure) -> GroupKey:
    return (figure.subject, figure.metric, figure.additional)


def _subject(subject: str, lang: str) -> str:
    key = f"subject.{subject}"
    return t(lang, key) if key in CATALOGUE else subject


def group_title(key: GroupKey, lang: str = ENGLISH) -> str:
    subject, metric, additional = key
    if metric is Metric.DEPLOYED:
        kind = t(lang, "metric.troops_additional" if additional else "metric.troops_deployed")
    else:
        kind = t(lang, f"metric.{metric.value}")
    return f"{_subject(subject, lang)} · {kind}"


def _headline_label(headline: str) -> str:
    """A headline as a bar's label: whole when it fits, else cut at a word."""
    flat = " ".join(headline.split())
    if len(flat) <= HEADLINE_LABEL_LIMIT:
        return flat
    cut = flat.rfind(" ", 0, HEADLINE_LABEL_LIMIT - 1)
    return flat[: cut if cut > 20 else HEADLINE_LABEL_LIMIT - 1].rstrip(" ,;:") + "…"


def _clip(text: str, limit: int) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def span_label(when: DateSpan | None, lang: str = ENGLISH) -> str:
    """A date at its precision, ``*`` when inferred ("Jan 2025*", "2023", "12 Mar 2025"): the
    answers' own dates (bot/render/text.py), which the chart must match."""
    from bot.render.text import span

    return span(when, lang)


def value_label(figure: Figure, lang: str = ENGLISH) -> str:
    low, high = number(lang, figure.low), number(lang, figure.high)
    match figure.qualifier:
        case Qualifier.AT_LEAST:
            return f"≥{low}"
        case Qualifier.AT_MOST:
            return f"≤{high}"
        case Qualifier.ABOUT:
            return f"≈{low}" if figure.low == figure.high else f"≈{low}–{high}"
        case _:
            return low if figure.low == figure.high else f"{low}–{high}"


def _recency(figure: Figure) -> tuple[bool, date]:
    """Sort key, most recent first when reversed: dated after undated, then by start."""
    if figure.date is None:
        return (False, date.min)
    return (True, figure.date.start)


def select_recent(
    figures: Sequence[Figure], per_group: int = MAX_PER_GROUP, max_rows: int = MAX_ROWS
) -> dict[GroupKey, list[Figure]]:
    """The most recent figures of each group, in date order, within ``max_rows`` in all: when
    the groups hold more, each gets an equal share (at least 3)."""
    groups: dict[GroupKey, list[Figure]] = {}
    ordered = sorted(
        figures, key=lambda f: (f.subject, _METRIC_ORDER[f.metric], f.additional)
    )
    for key, members in groupby(ordered, key=group_key):
        groups[key] = list(members)
    if not groups:
        return {}
    limit = per_group
    if sum(min(len(m), per_group) for m in groups.values()) > max_rows:
        limit = max(3, min(per_group, max_rows // len(groups)))
    chosen: dict[GroupKey, list[Figure]] = {}
    for key, group in groups.items():
        recent = sorted(group, key=_recency, reverse=True)[:limit]
        chosen[key] = sorted(recent, key=_recency)
    return chosen


def _new_canvas(height: float) -> Canvas:
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure as Canvas

    canvas = Canvas(
        figsize=(WIDTH_INCHES, height), dpi=DPI, facecolor=BACKGROUND, layout="constrained"
    )
    FigureCanvasAgg(canvas)
    return canvas


def _style(ax: Axes) -> None:
    ax.set_facecolor(PANEL)
    for spine in ax.spines.values():
        spine.set_color(INK)
    ax.tick_params(colors=INK, labelsize=FONT_SIZE - 1)
    ax.grid(axis="x", color=BACKGROUND, linewidth=0.8)
    ax.set_axisbelow(True)


def _png(canvas: Canvas) -> bytes:
    buffer = io.BytesIO()
    canvas.savefig(buffer, format="png", facecolor=BACKGROUND)
    return buffer.getvalue()


def _x_limits(figures: Sequence[Figure]) -> tuple[float, float, bool]:
    """The value axis: (left, right, logarithmic); log when values span more than 20 times."""
    values = [v for f in figures for v in (f.low, f.high) if v > 0] or [1]
    low, high = min(values), max(values)
    if high / low > 20:
        return low / 2, high * 3, True
    return 0.0, high * 1.25 + 1, False


def _draw_estimate(ax: Axes, row: int, figure: Figure, right: float, lang: str) -> None:
    low, high = figure.low, figure.high
    hollow = figure.qualifier is Qualifier.ABOUT
    label_at: float = high
    if figure.qualifier is Qualifier.AT_LEAST:
        ax.annotate(
            "", xy=(right, row), xytext=(low, row),
            arrowprops={"arrowstyle": "-|>", "color": BOUND, "lw": 2, "linestyle": "--"},
        )
        ax.plot([low], [row], marker="|", markersize=14, color=BOUND, mew=3)
        label_at = low
    elif figure.qualifier is Qualifier.AT_MOST:
        left = ax.get_xlim()[0]
        ax.annotate(
            "", xy=(left, row), xytext=(high, row),
            arrowprops={"arrowstyle": "-|>", "color": BOUND, "lw": 2, "linestyle": "--"},
        )
        ax.plot([high], [row], marker="|", markersize=14, color=BOUND, mew=3)
    elif low != high:
        ax.plot([low, high], [row, row], color=RANGE, linewidth=7, solid_capstyle="butt",
                alpha=0.55 if hollow else 1.0)
        ax.plot([low, high], [row, row], linestyle="none", marker="|", markersize=14,
                color=RANGE, mew=2)
    else:
        ax.plot([low], [row], marker="o", markersize=9, color=POINT,
                markerfacecolor="none" if hollow else POINT, mew=2)
    ax.annotate(
        value_label(figure, lang), xy=(label_at, row), xytext=(8, 6), textcoords="offset points",
        fontsize=FONT_SIZE - 1, color=INK, fontweight="bold",
    )


def estimates_chart(
    figures: Sequence[Figure],
    *,
    title: str,
    totals: Mapping[GroupKey, int] | None = None,
    per_group: int = MAX_PER_GROUP,
    max_rows: int = MAX_ROWS,
    lang: str = ENGLISH,
) -> bytes:
    """A PNG: every source's estimate per subject and metric. ``totals`` are the groups' sizes
    in the fact base when ``figures`` holds only some of them (the panel says how many are
    shown of how many). Labelled in ``lang`` (see :func:`chart_language`)."""
    import matplotlib

    with matplotlib.rc_context({"font.family": _fonts(lang)}):
        return _estimates_chart(figures, title, totals, per_group, max_rows, lang)


def _estimates_chart(
    figures: Sequence[Figure],
    title: str,
    totals: Mapping[GroupKey, int] | None,
    per_group: int,
    max_rows: int,
    lang: str,
) -> bytes:
    chosen = select_recent(figures, per_group, max_rows)
    counted: Mapping[GroupKey, int] = totals or Counter(group_key(f) for f in figures)
    rows = [max(len(members), 1) for members in chosen.values()] or [1]
    heights = [ROW_INCHES * n + PANEL_HEADER_INCHES for n in rows]
    canvas = _new_canvas(sum(heights) + 0.9)
    canvas.suptitle(title, color=INK, fontsize=FONT_SIZE + 3, fontweight="bold", x=0.02,
                    ha="left")
    if not chosen:
        ax = canvas.add_subplot()
        _style(ax)
        ax.text(0.5, 0.5, t(lang, "chart.no_figures"), ha="center", va="center", color=INK,
                transform=ax.transAxes)
        ax.set_xticks([])
        ax.set_yticks([])
        return _png(canvas)
    grid = canvas.add_gridspec(len(chosen), 1, height_ratios=heights)
    for index, (key, members) in enumerate(chosen.items()):
        ax = canvas.add_subplot(grid[index])
        _style(ax)
        left, right, log = _x_limits(members)
        if log:
            ax.set_xscale("log")
        ax.set_xlim(left, right)
        ax.set_ylim(-0.7, len(members) - 0.3)
        ax.invert_yaxis()
        for row, figure in enumerate(members):
            _draw_estimate(ax, row, figure, right, lang)
        unattributed = t(lang, "source.unattributed")
        ax.set_yticks(
            range(len(members)),
            [f"{_clip(f.source or unattributed, LABEL_LIMIT)} · {span_label(f.date, lang)}"
             for f in members],
        )
        ax.xaxis.set_major_formatter(_thousands(lang))
        heading = group_title(key, lang)
        total = counted.get(key, len(members))
        if total > len(members):
            heading += "  " + t(lang, "chart.shown_of", shown=len(members),
                                total=number(lang, total))
        ax.set_title(heading, loc="left", color=INK, fontsize=FONT_SIZE + 1, fontweight="bold")
    canvas.supxlabel(t(lang, "chart.legend"), color=INK, fontsize=FONT_SIZE - 1)
    return _png(canvas)


def _thousands(lang: str) -> Any:
    from matplotlib.ticker import FuncFormatter

    return FuncFormatter(lambda value, _: number(lang, round(value)))


_EPOCH = date(1970, 1, 1)


def _day_number(day: date) -> float:
    """The day on matplotlib's date axis (days since its default epoch, 1970-01-01)."""
    return float((day - _EPOCH).days)


def _day_after(day: date) -> date:
    return day + timedelta(days=1)


def timeline_chart(
    events: Sequence[Event],
    *,
    title: str,
    total: int | None = None,
    limit: int = MAX_EVENTS,
    lang: str = ENGLISH,
) -> bytes:
    """A PNG timeline strip: the ``limit`` most recent events, one row each, a bar over the
    period its date covers; inferred dates hatched. ``total`` is how many events were chosen
    when ``events`` holds only the most recent of them. Labelled in ``lang``."""
    import matplotlib

    with matplotlib.rc_context({"font.family": _fonts(lang)}):
        return _timeline_chart(events, title, total, limit, lang)


#: The date axis outside English: numbers only (years; year-month; month-day ...).
_NUMERIC_DATES = ["%Y", "%Y-%m", "%m-%d", "%H:%M", "%H:%M", "%S.%f"]


def _timeline_chart(
    events: Sequence[Event], title: str, total: int | None, limit: int, lang: str
) -> bytes:
    from matplotlib.dates import AutoDateLocator, ConciseDateFormatter
    from matplotlib.patches import Patch

    ordered = sorted(events, key=lambda e: (e.date.start, e.date.end))
    shown = ordered[-limit:]
    canvas = _new_canvas(ROW_INCHES * max(len(shown), 1) + 1.8)
    ax = canvas.add_subplot()
    _style(ax)
    heading = title
    total = max(total or 0, len(ordered))
    if len(shown) < total:
        heading += "  " + t(lang, "chart.shown_of", shown=len(shown), total=number(lang, total))
    ax.set_title(heading, loc="left", color=INK, fontsize=FONT_SIZE + 2, fontweight="bold")
    if not shown:
        ax.text(0.5, 0.5, t(lang, "chart.no_events"), ha="center", va="center", color=INK,
                transform=ax.transAxes)
        return _png(canvas)
    first = min(e.date.start for e in shown)
    last = max(_day_after(e.date.end) for e in shown)
    pad = max((last - first).days * 0.03, 5)
    for row, event in enumerate(shown):
        start = _day_number(event.date.start)
        width = _day_number(_day_after(event.date.end)) - start
        width = max(width, pad / 3)  # a single day stays visible
        inferred = event.date.inferred
        ax.barh(
            row, width, left=start, height=0.6,
            color=PANEL if inferred else POINT,
            edgecolor=INFERRED if inferred else POINT,
            hatch="///" if inferred else None,
            linestyle="--" if inferred else "-",
            linewidth=1.5,
        )
    ax.set_yticks(
        range(len(shown)),
        [f"{span_label(e.date, lang)} · {_headline_label(e.summary)}" for e in shown],
    )
    ax.set_ylim(-0.7, len(shown) - 0.3)
    ax.invert_yaxis()
    ax.set_xlim(_day_number(first - timedelta(days=pad)), _day_number(last + timedelta(days=pad)))
    locator = AutoDateLocator(maxticks=7)  # type: ignore[no-untyped-call]
    ax.xaxis.set_major_locator(locator)
    formats = None if lang == ENGLISH else _NUMERIC_DATES
    ax.xaxis.set_major_formatter(
        ConciseDateFormatter(locator, formats=formats)  # type: ignore[no-untyped-call]
    )
    canvas.legend(
        handles=[
            Patch(facecolor=POINT, edgecolor=POINT, label=t(lang, "chart.date_stated")),
            Patch(facecolor=PANEL, edgecolor=INFERRED, hatch="///", linestyle="--",
                  label=t(lang, "chart.date_inferred")),
        ],
        loc="outside lower left", ncols=2, fontsize=FONT_SIZE - 1, facecolor=PANEL,
        edgecolor=INK, labelcolor=INK,
    )
    return _png(canvas)


def empty_png() -> bytes:
    """An empty chart of the standard width, saved as PNG (the bench's baseline)."""
    return _png(_new_canvas(2.0))

