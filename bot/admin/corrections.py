"""A moderator's typed correction (/admin correct field value), checked and converted to what
the moderation stores, and the corrected value as the reply shows it."""

from __future__ import annotations

from bot.facts.model import DateSpan, Figure, Metric, Period, Qualifier
from bot.facts.rates import period_of_text
from bot.facts.store.overlays import CorrectionValue, ModerationError
from bot.i18n import t
from bot.lookup.names import TYPED_SUBJECT_ALIASES, resolve_metric, resolve_subject
from bot.periods import period_span
from bot.render import text

_NONE_WORDS = {"none", "null", "unattributed", "undated", "-"}
#: A period corrected to one of these: the figure is a cumulative total.
_TOTAL_WORDS = _NONE_WORDS | {"total", "cumulative"}
_QUALIFIER_WORDS = {
    "exact": Qualifier.EXACT,
    "at least": Qualifier.AT_LEAST,
    "at_least": Qualifier.AT_LEAST,
    "at most": Qualifier.AT_MOST,
    "at_most": Qualifier.AT_MOST,
    "up to": Qualifier.AT_MOST,
    "about": Qualifier.ABOUT,
    "range": Qualifier.RANGE,
}
#: A count of people has at most this many digits (the store keeps 64-bit integers).
MAX_DIGITS = 9


def correction_value(field: str, raw: str, lang: str = "en") -> CorrectionValue:
    """A moderator's typed value for ``field``, checked; ModerationError says what is accepted
    (in ``lang``)."""
    value = " ".join(raw.split())
    if not value:
        raise ModerationError(t(lang, "admin.correction.empty"))
    if field in ("low", "high"):
        digits = value.replace(",", "").replace("_", "")
        # isdecimal, not isdigit: "²" is a digit that int() cannot read
        if not digits.isdecimal() or len(digits) > MAX_DIGITS:
            raise ModerationError(t(lang, "admin.correction.whole_number", field=field))
        return int(digits)
    if field == "metric":
        found = resolve_metric(value, list(Metric))
        if found is None:
            metrics = ", ".join(m.value for m in Metric)
            raise ModerationError(t(lang, "admin.correction.metric", metrics=metrics))
        return Metric(found).value
    if field == "qualifier":
        qualifier = _QUALIFIER_WORDS.get(value.lower())
        if qualifier is None:
            raise ModerationError(t(lang, "admin.correction.qualifier"))
        return qualifier.value
    if field == "subject":
        return canonical_force(value)
    if field == "source":
        return None if value.lower() in _NONE_WORDS else value[:100]
    if field == "date":
        return None if value.lower() in _NONE_WORDS else _date_span(value, lang)
    if field == "period":
        return None if value.lower() in _TOTAL_WORDS else _period(value, lang)
    raise ModerationError(t(lang, "admin.correction.field", field=repr(field)))


def canonical_force(value: str) -> str:
    """A corrected subject as answers name it: "north korea", "dprk" or "північна корея" is
    the force North Korea; a name that is no force we know stays as typed."""
    return resolve_subject(value, TYPED_SUBJECT_ALIASES) or value[:100]


def _period(value: str, lang: str) -> Period:
    period = period_of_text(value)
    if period is None:
        raise ModerationError(t(lang, "admin.correction.period"))
    return period


def _date_span(value: str, lang: str) -> DateSpan:
    span = period_span(value)
    if span is None:
        raise ModerationError(t(lang, "admin.correction.date"))
    return span


def correction_shown(figure: Figure, field: str, lang: str = "en") -> str:
    """The value ``field`` now has, as a reply shows it."""
    if field in ("low", "high", "qualifier"):
        return text.figure_value(figure, lang)
    if field == "date":
        return text.span(figure.date, lang)
    if field == "source":
        return text.source_name(figure.source, lang)
    if field == "period":
        return figure.period.text if figure.period else t(lang, "admin.correction.total")
    if field == "metric":
        return t(lang, f"metric.{figure.metric.value}")
    if field == "subject":
        return text.subject_name(figure.subject, lang)
    return str(getattr(figure, field))
