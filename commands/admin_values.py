"""What /admin reads from its options and writes back: correction values, document keys, audit
lines, exports. Not a cog (no ``setup``)."""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import date
from typing import Any

from bot.facts import match
from bot.facts.model import DateSpan, Figure, Metric, Precision, Qualifier
from bot.facts.store.overlays import AuditEntry, ModerationError
from bot.render import text
from commands.timeline import parse_period

#: Guild uploads are smaller than seed files: a news article is far below this.
MAX_UPLOAD_BYTES = 512 * 1024
#: More lines than any article has; a million short lines would keep the extractor busy.
MAX_UPLOAD_LINES = 20_000
TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".text")

_NONE_WORDS = {"none", "null", "unattributed", "undated", "-"}
_UNSAFE_NAME = re.compile(r"[^\w.-]+")
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


def guild_document_key(guild_id: int, filename: str) -> str:
    """A key of the guild's own: two servers uploading ``report.txt`` never collide."""
    name = _UNSAFE_NAME.sub("_", filename.strip()).strip("._") or "document"
    return f"guild-{guild_id}/{name[:80]}"


def looks_like_text(filename: str, content_type: str | None) -> bool:
    """What the attachment's metadata says, before a byte is downloaded."""
    kind = (content_type or "").split(";")[0].strip().lower()
    if kind.startswith("text/"):
        return True
    if kind and kind != "application/octet-stream":
        return False
    return filename.lower().endswith(TEXT_SUFFIXES)


def size_words(n: int) -> str:
    if n >= 1024 * 1024:
        return f"{n / (1024 * 1024):.1f} MB"
    return f"{max(1, round(n / 1024))} KB"


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
    line = (
        f"**{text.clip(entry.action, 40)}** `{text.clip(entry.target, 120)}`{scope}"
        f" · by <@{entry.actor_id}> · {when}"
    )
    change = change_summary(entry.before, entry.after)
    if change:
        line += f"\n{text.clip(change, 600)}"
    if entry.reason:
        line += f"\nreason: {text.clip(entry.reason, 300)}"
    return line


CSV_FIELDS = (
    "id", "document", "metric", "subject", "low", "high", "qualifier", "additional", "source",
    "date_text", "date_start", "date_end", "date_precision", "date_inferred", "quote",
    "span_start", "span_end", "status", "original",
)


def export_csv(figures: list[dict[str, Any]], corrections: list[dict[str, Any]]) -> str:
    """One row per figure as the server sees it; ``original`` holds the corrected fields'
    extracted values as JSON."""
    originals = {
        c["figure"]: {k: v["original"] for k, v in c["fields"].items()} for c in corrections
    }
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_FIELDS, lineterminator="\n")
    writer.writeheader()
    for figure in figures:
        when = figure["date"] or {}
        row = {k: v for k, v in figure.items() if k not in ("date", "span")}
        row |= {f"date_{k}": when.get(k) for k in ("text", "start", "end", "precision", "inferred")}
        row["span_start"], row["span_end"] = figure["span"]
        original = originals.get(figure["id"])
        row["original"] = json.dumps(original, ensure_ascii=False) if original else ""
        writer.writerow(row)
    return out.getvalue()
