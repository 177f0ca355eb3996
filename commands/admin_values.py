"""What /admin reads from its options and writes back: correction values and audit lines. Not a
cog (no ``setup``)."""

from __future__ import annotations

from datetime import date
from typing import Any

from bot.facts import match
from bot.facts.model import DateSpan, Figure, Metric, Precision, Qualifier
from bot.facts.store.audit import BOT_ACTOR
from bot.facts.store.overlays import AuditEntry, ModerationError
from bot.render import text
from commands.timeline import parse_period

#: Guild uploads are smaller than seed files: a news article is far below this.
MAX_UPLOAD_BYTES = 512 * 1024
#: More lines than any article has; a million short lines would keep the extractor busy.
MAX_UPLOAD_LINES = 20_000
TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".text")

_NONE_WORDS = {"none", "null", "unattributed", "undated", "-"}
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


def looks_like_text(filename: str, content_type: str | None) -> bool:
    """What the attachment's metadata says, before a byte is downloaded."""
    kind = (content_type or "").split(";")[0].strip().lower()
    if kind.startswith("text/"):
        return True
    if kind and kind != "application/octet-stream":
        return False
    return filename.lower().endswith(TEXT_SUFFIXES)


def correction_value(field: str, raw: str) -> str | int | DateSpan | None:
    """A moderator's typed value for ``field``, checked; ModerationError says what is accepted."""
    value = " ".join(raw.split())
    if not value:
        raise ModerationError("The value is empty.")
    if field in ("low", "high"):
        digits = value.replace(",", "").replace("_", "")
        if not digits.isdigit() or len(digits) > 9:
            raise ModerationError(f"{field} must be a whole number, like 1,500.")
        return int(digits)
    if field == "metric":
        found = match.resolve_metric(value, list(Metric))
        if found is None:
            raise ModerationError("metric must be one of " + ", ".join(m.value for m in Metric))
        return Metric(found).value
    if field == "qualifier":
        qualifier = _QUALIFIER_WORDS.get(value.lower())
        if qualifier is None:
            raise ModerationError("qualifier must be one of exact, at least, up to, about, range.")
        return qualifier.value
    if field == "subject":
        return value[:100]
    if field == "source":
        return None if value.lower() in _NONE_WORDS else value[:100]
    if field == "date":
        return None if value.lower() in _NONE_WORDS else date_span(value)
    raise ModerationError(f"{field!r} cannot be corrected.")


def correction_shown(figure: Figure, field: str) -> str:
    """The value ``field`` now has, as a reply shows it."""
    if field in ("low", "high", "qualifier"):
        return text.figure_value(figure)
    if field == "date":
        return text.span(figure.date)
    if field == "source":
        return text.claimant(figure.source)
    return str(getattr(figure, field))


def date_span(value: str) -> DateSpan:
    period = parse_period(value)
    if period is None:
        raise ModerationError(
            "date must be like 2024, 2024-06, June 2024 or 2024-06-15 (or none)."
        )
    start, end = period
    if start == end:
        precision = Precision.DAY
    elif (start.month, start.day, end.month, end.day) == (1, 1, 12, 31):
        precision = Precision.YEAR
    else:
        precision = Precision.MONTH
    return DateSpan(value[:60], start, end, precision, inferred=False)


def optional_date(value: str | None) -> str | None:
    """A ``published`` option checked as ISO (YYYY-MM-DD)."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value.strip()).isoformat()
    except ValueError:
        raise ModerationError("published must be a date like 2025-01-31.") from None


def _shown(value: Any) -> str:
    if value is None:
        return "none"
    if isinstance(value, dict) and "start" in value and "precision" in value:
        return f"{value['start']}..{value['end']}"
    return str(value)


def change_summary(before: Any, after: Any) -> str:
    """``field: old → new`` for every field that differs (JSON values from the audit log)."""
    if isinstance(before, dict) and isinstance(after, dict):
        keys = [k for k in after if before.get(k) != after.get(k)]
        return "; ".join(f"{k}: {_shown(before.get(k))} → {_shown(after.get(k))}" for k in keys)
    if isinstance(after, dict):
        return ", ".join(f"{k} {_shown(v)}" for k, v in after.items())
    return f"{_shown(before)} → {_shown(after)}"


def audit_line(entry: AuditEntry) -> str:
    """Who, what, when, before → after, and why; everything from users made inert."""
    when = f"<t:{int(entry.at.timestamp())}:f>"
    scope = " (shared fact base)" if entry.guild_id is None else ""
    actor = "the bot" if entry.actor_id == BOT_ACTOR else f"<@{entry.actor_id}>"
    line = (
        f"**{text.clip(entry.action, 40)}** `{text.clip(entry.target, 120)}`{scope}"
        f" · by {actor} · {when}"
    )
    change = change_summary(entry.before, entry.after)
    if change:
        line += f"\n{text.clip(change, 600)}"
    if entry.reason:
        line += f"\nreason: {text.clip(entry.reason, 300)}"
    return line


def unattached_note(lost: list[AuditEntry]) -> str:
    """The decisions that lost their figure when a sentence was edited, for the audit's top."""
    if not lost:
        return ""
    ids = ", ".join(f"`{text.clip(e.target, 20)}`" for e in lost[:5])
    more = f" and {len(lost) - 5:,} more" if len(lost) > 5 else ""
    return (
        f"⚠ {len(lost):,} decisions of this server point at no figure since their sentence"
        f" changed: {ids}{more} (see the entries marked **decision unattached**)."
    )
