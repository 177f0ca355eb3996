"""Export files: the JSON of the export contract, a CSV with one row per figure, and how a file
is packed to fit an attachment limit. The CLI (``python -m bot export``) and ``/admin export``
both write through here, so their files agree.

CSV cells are made safe for spreadsheets, as OWASP's CSV-injection guidance recommends: a cell
whose text begins with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is prefixed with a
single quote, so that no spreadsheet reads it as a formula. The rule applies to every cell; counts
are never negative, so it only ever changes text taken from documents. Booleans are ``true`` and
``false``, a missing value is an empty cell.
"""

from __future__ import annotations

import csv
import io
import json
import zipfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from bot.facts.store import FactStore
from bot.facts.store.overlays import Moderation

ExportFormat = Literal["json", "csv"]

CSV_FIELDS = (
    "id", "document", "metric", "subject", "low", "high", "qualifier", "additional", "source",
    "date_text", "date_start", "date_end", "date_precision", "date_inferred", "quote",
    "span_start", "span_end", "status", "period_text", "period_kind", "period_unit",
    "period_count",
)
#: The extra column of a server's export: the corrected fields' extracted values, as JSON.
ORIGINAL_FIELD = "original"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: Any) -> str:
    """One cell's text: booleans as ``true``/``false``, None empty, formula starts defused."""
    if value is None:
        return ""
    text = ("true" if value else "false") if isinstance(value, bool) else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _figure_row(figure: Mapping[str, Any]) -> dict[str, Any]:
    when = figure["date"] or {}
    period = figure.get("period") or {}
    row = {key: value for key, value in figure.items() if key not in ("date", "span", "period")}
    row |= {f"date_{k}": when.get(k) for k in ("text", "start", "end", "precision", "inferred")}
    row |= {f"period_{k}": period.get(k) for k in ("text", "kind", "unit", "count")}
    row["span_start"], row["span_end"] = figure["span"]
    return row


def figures_csv(
    figures: Sequence[Mapping[str, Any]],
    corrections: Sequence[Mapping[str, Any]] | None = None,
) -> str:
    """One row per figure record (the export contract's); with ``corrections`` (a server's
    export), an ``original`` column holds each corrected field's extracted value as JSON."""
    fields = CSV_FIELDS if corrections is None else (*CSV_FIELDS, ORIGINAL_FIELD)
    originals = {
        c["figure"]: {k: v["original"] for k, v in c["fields"].items()}
        for c in corrections or ()
    }
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=fields, extrasaction="ignore")
    writer.writeheader()
    for figure in figures:
        row = _figure_row(figure)
        if corrections is not None:
            original = originals.get(figure["id"])
            row[ORIGINAL_FIELD] = json.dumps(original, ensure_ascii=False) if original else None
        writer.writerow({key: csv_cell(row.get(key)) for key in fields})
    return out.getvalue()


def export_text(exported: Mapping[str, Any], format: ExportFormat) -> str:
    """The whole export as one file's text."""
    if format == "json":
        return json.dumps(exported, ensure_ascii=False, indent=2)
    return figures_csv(exported["figures"], exported.get("corrections"))


async def server_export(store: FactStore, guild_id: int) -> dict[str, Any]:
    """What ``guild_id`` sees (its overlay applied, hidden figures with their status), with
    the original values of what its moderators corrected."""
    exported = await store.export(guild_id)
    exported["corrections"] = await Moderation(store).corrections(guild_id)
    return exported


@dataclass(frozen=True, slots=True)
class ExportFile:
    filename: str
    data: bytes
    compressed: bool


def packed(filename: str, text: str, limit: int) -> ExportFile | None:
    """The file as it is when it fits in ``limit`` bytes, else zipped when that fits; None
    when even the zip is too large (say how to get it with the CLI: :func:`cli_command`)."""
    data = text.encode("utf-8")
    if len(data) <= limit:
        return ExportFile(filename, data, compressed=False)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr(filename, data)
    zipped = buffer.getvalue()
    if len(zipped) <= limit:
        return ExportFile(f"{filename}.zip", zipped, compressed=True)
    return None


def cli_command(guild_id: int, format: ExportFormat) -> str:
    """The command that writes the same export on the bot's host."""
    name = f"factbot-{guild_id}.{format}"
    return f"python -m bot export --guild {guild_id} --format {format} > {name}"
