"""What a moderator changes in a preview before Confirm: figures left out and figures fixed
(value, metric, subject, claimant), by the numbers the preview shows. Checked as the moderator
types them; on Confirm they become the store's :class:`Decision` records, written with the
document as /admin hide and /admin correct would write them. No Discord here."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from bot.admin.corrections import correction_value
from bot.facts.model import Figure, Metric, Status
from bot.facts.store.overlays import CorrectionValue, Decision, ModerationError
from bot.i18n import t

_NUMBERS = re.compile(r"[\s,;]+")
_RANGE = re.compile(r"^(.+?)\s*(?:[-–—]|\bto\b)\s*(.+)$", re.IGNORECASE)
#: The fields a fix may change, as the form names them.
FIX_FIELDS = ("value", "metric", "subject", "source")


def figure_number(raw: str, count: int, lang: str = "en") -> int:
    """A figure's number as the preview shows it (1 to ``count``), as a 0-based position."""
    value = raw.strip().lstrip("#")
    if not value.isdecimal() or not 1 <= int(value) <= count:
        raise ModerationError(t(lang, "preview.edit.bad_number", value=raw.strip()[:20], n=count))
    return int(value) - 1


def figure_numbers(raw: str, count: int, lang: str = "en") -> set[int]:
    """Numbers separated by commas or spaces ("2, 5"), as 0-based positions; empty: none."""
    return {figure_number(part, count, lang) for part in _NUMBERS.split(raw) if part}


def value_range(raw: str, lang: str = "en") -> tuple[int, int]:
    """A corrected value: one number ("4,500") or a range ("1,000-3,000", "1000 to 3000")."""
    text = " ".join(raw.split())
    found = _RANGE.match(text)
    parts = [found.group(1), found.group(2)] if found else [text]
    numbers = [_whole(part, lang) for part in parts]
    low, high = numbers[0], numbers[-1]
    if low > high:
        raise ModerationError(t(lang, "preview.edit.low_above_high", low=raw.strip()[:40]))
    return low, high


def _whole(raw: str, lang: str) -> int:
    value = correction_value("low", raw, lang)
    assert isinstance(value, int)  # correction_value gives low an int or refuses it
    return value


@dataclass
class PreviewEdits:
    """The figures of one preview, with what the moderator left out and fixed so far."""

    figures: Sequence[Figure]
    left_out: set[int] = field(default_factory=set)
    fixes: dict[int, dict[str, CorrectionValue]] = field(default_factory=dict)

    def leave_out(self, raw: str, lang: str = "en") -> None:
        """Replace the figures left out by the numbers in ``raw``; nothing changes on error."""
        self.left_out = figure_numbers(raw, len(self.figures), lang)

    def fix(self, number: str, typed: dict[str, str], lang: str = "en") -> int:
        """Add a fix of the figure ``number`` from the form's fields (empty: unchanged);
        every field is checked before any is kept. Returns the figure's position."""
        position = figure_number(number, len(self.figures), lang)
        fields: dict[str, CorrectionValue] = {}
        value = typed.get("value", "").strip()
        if value:
            fields["low"], fields["high"] = value_range(value, lang)
        for name in ("metric", "subject", "source"):
            raw = typed.get(name, "").strip()
            if raw:
                fields[name] = correction_value(name, raw, lang)
        if not fields:
            raise ModerationError(t(lang, "preview.edit.nothing_to_fix"))
        self.fixes[position] = {**self.fixes.get(position, {}), **fields}
        return position

    def shown(self, position: int) -> Figure:
        """The figure as it will be stored: its fixes applied."""
        figure = self.figures[position]
        fixes = self.fixes.get(position)
        if not fixes:
            return figure
        changes: dict[str, object] = {"status": Status.CORRECTED}
        for name, value in fixes.items():
            changes[name] = Metric(str(value)) if name == "metric" else value
        return dataclasses.replace(figure, **changes)  # type: ignore[arg-type]

    def decisions(self, left_out_reason: str, fixed_reason: str) -> list[Decision]:
        """What Confirm stores: a figure left out is hidden (its fixes dropped); the others'
        fixes are corrections."""
        found = [
            Decision(self.figures[p].id, hide=True, reason=left_out_reason)
            for p in sorted(self.left_out)
        ]
        found += [
            Decision(self.figures[p].id, corrections=tuple(fixes.items()), reason=fixed_reason)
            for p, fixes in sorted(self.fixes.items())
            if p not in self.left_out
        ]
        return found
