"""Per-server moderation: overlays on figures, moderator roles and the audit log.

An overlay is what one guild's moderators decided about one figure (hidden, verified, corrected
fields), keyed by (guild id, figure id); only queries for that guild apply it (the SQL is in
``visibility``). Every change is checked and written in one store transaction together with its
audit entry, so two moderators acting at once each see the other's change before their own.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from bot.facts.model import (
    LEAD_CHARACTERS,
    DateSpan,
    Document,
    Extraction,
    Figure,
    Period,
    Qualifier,
    Status,
)
from bot.facts.store import audit
from bot.facts.store.audit import AuditEntry
from bot.facts.store.fact_store import FactStore, IngestHook
from bot.facts.store.rows import (
    PERIOD_COLUMNS,
    DocumentInfo,
    IngestResult,
    date_columns,
    figure_from_row,
    period_columns,
    utc_now,
)
from bot.facts.store.transaction import Transaction
from bot.facts.store.visibility import VISIBLE, seen_figure

__all__ = [
    "CORRECTABLE_FIELDS",
    "AuditEntry",
    "Decision",
    "Moderation",
    "ModerationError",
    "correction_values",
]

#: What a correction sets a field to (see :meth:`Moderation.correct`).
CorrectionValue = str | int | DateSpan | Period | None

CORRECTABLE_FIELDS = (
    "metric", "low", "high", "qualifier", "subject", "source", "date", "period",
)


class ModerationError(Exception):
    """A moderator action was refused; the message says why in one sentence."""


@dataclass(frozen=True, slots=True)
class Decision:
    """What a moderator decided about one figure of a document before storing it (in its
    preview): leave it out (hidden for the server), or correct some of its fields. Stored with
    the document, as /admin hide and /admin correct would store them, each audited."""

    figure_id: str
    hide: bool = False
    #: (field, value) pairs, values checked as for :meth:`Moderation.correct`.
    corrections: tuple[tuple[str, CorrectionValue], ...] = ()
    reason: str | None = None


def correction_values(figure: Figure) -> dict[str, Any]:
    """The correctable fields of ``figure`` as JSON values (what the audit log records)."""
    return {
        "metric": figure.metric.value,
        "low": figure.low,
        "high": figure.high,
        "qualifier": figure.qualifier.value,
        "subject": figure.subject,
        "source": figure.source,
        "date": figure.date.to_json() if figure.date else None,
        "period": figure.period.to_json() if figure.period else None,
    }


def document_fields(document: Document | DocumentInfo) -> dict[str, Any]:
    """What names a document in the audit log (its key is no name for people; a removed
    document is no longer there to look up)."""
    return {
        "title": document.title,
        "publisher": document.publisher,
        "url": document.url,
        "published": document.published.isoformat() if document.published else None,
        "lead": (document.lead or "")[:LEAD_CHARACTERS] or None,
    }


def _state(figure: Figure) -> dict[str, Any]:
    return {"status": figure.status.value, **correction_values(figure)}


def _not_found(figure_id: str) -> ModerationError:
    return ModerationError(f"No figure with id {figure_id!r} in this server.")


class Moderation:
    """What a guild's moderators (and the bot's owners) may change, each change audited."""

    def __init__(self, store: FactStore) -> None:
        self.store = store

    # -- reading ------------------------------------------------------------------------------

    async def figure(self, guild_id: int, figure_id: str) -> Figure | None:
        """The figure as ``guild_id`` sees it, hidden or not; None when it cannot see it."""
        return await self.store.figure(guild_id, figure_id, include_hidden=True)

    async def original(self, guild_id: int, figure_id: str) -> Figure | None:
        """The figure as extracted, before any correction; None when ``guild_id`` cannot see it."""
        rows = await self.store.read(
            f"SELECT f.* FROM figures f JOIN documents d ON d.key = f.document"
            f" WHERE f.id = :id AND {VISIBLE}",
            {"id": figure_id.strip().lower(), "guild": guild_id},
        )
        return figure_from_row(rows[0]) if rows else None

    async def audit_log(
        self, guild_id: int, *, limit: int, include_shared: bool = False
    ) -> list[AuditEntry]:
        """The newest ``limit`` entries of ``guild_id`` (and of the shared base if asked)."""
        return await audit.entries(
            self.store.read, guild_id, limit=limit, include_shared=include_shared
        )

    async def unattached(self, guild_id: int, *, limit: int = 25) -> list[AuditEntry]:
        """Decisions of ``guild_id`` that did not follow an edited sentence and still point at
        no figure: the audit entries that said so, newest first."""
        rows = await self.store.read(
            "SELECT a.* FROM audit_log a WHERE a.guild_id = :guild"
            " AND a.action = 'decision unattached'"
            " AND NOT EXISTS (SELECT 1 FROM figures f WHERE f.id = a.target)"
            " AND EXISTS (SELECT 1 FROM overlays o"
            "  WHERE o.guild_id = :guild AND o.figure_id = a.target)"
            " ORDER BY a.id DESC LIMIT :limit",
            {"guild": guild_id, "limit": limit},
        )
        return [audit.entry_from_row(row) for row in rows]

    async def moderator_role(self, guild_id: int) -> int | None:
        rows = await self.store.read(
            "SELECT role_id FROM moderator_roles WHERE guild_id = ?", (guild_id,)
        )
        return int(rows[0]["role_id"]) if rows else None

    async def corrections(self, guild_id: int) -> list[dict[str, Any]]:
        """For each figure ``guild_id`` sees with an overlay: its id, status, and the original
        and corrected values of every corrected field."""
        rows = await self.store.read(
            "SELECT o.figure_id FROM overlays o JOIN figures f ON f.id = o.figure_id"
            " JOIN documents d ON d.key = f.document"
            f" WHERE o.guild_id = :guild AND {VISIBLE}"
            " ORDER BY f.document, f.position",
            {"guild": guild_id},
        )
        found: list[dict[str, Any]] = []
        for row in rows:
            seen = await self.figure(guild_id, row["figure_id"])
            original = await self.original(guild_id, row["figure_id"])
            if seen is None or original is None:
                continue
            was, now = correction_values(original), correction_values(seen)
            changed = {
                k: {"original": was[k], "corrected": now[k]} for k in was if was[k] != now[k]
            }
            found.append({"figure": seen.id, "status": seen.status.value, "fields": changed})
        return found

    # -- writing ------------------------------------------------------------------------------

    async def _current(self, tx: Transaction, guild_id: int, figure_id: str) -> Figure:
        """The figure as the guild sees it inside the write transaction."""
        figure = await seen_figure(tx.fetch, guild_id, figure_id, include_hidden=True)
        if figure is None:
            raise _not_found(figure_id)
        return figure

    async def _apply(
        self,
        tx: Transaction,
        guild_id: int,
        before: Figure,
        action: str,
        columns: Mapping[str, Any],
        *,
        actor_id: int,
        reason: str | None,
    ) -> Figure:
        """Upsert ``columns`` of the overlay and audit the figure's state before and after."""
        names = ["guild_id", "figure_id", *columns, "updated_at"]
        updates = ", ".join(f"{n} = excluded.{n}" for n in [*columns, "updated_at"])
        await tx.execute(
            f"INSERT INTO overlays ({', '.join(names)})"
            f" VALUES ({', '.join('?' * len(names))})"
            f" ON CONFLICT (guild_id, figure_id) DO UPDATE SET {updates}",
            [guild_id, before.id, *columns.values(), utc_now()],
        )
        after = await self._current(tx, guild_id, before.id)
        if after == before:
            raise ModerationError(_unchanged_message(before, action))
        await audit.record(
            tx, guild_id, actor_id, action, before.id,
            before=_state(before), after=_state(after), reason=reason,
        )
        return after

    async def _change(
        self,
        guild_id: int,
        figure_id: str,
        action: str,
        columns: Mapping[str, Any],
        *,
        actor_id: int,
        reason: str | None,
    ) -> Figure:
        async with self.store.write() as tx:
            before = await self._current(tx, guild_id, figure_id)
            return await self._apply(
                tx, guild_id, before, action, columns, actor_id=actor_id, reason=reason
            )

    async def hide(self, guild_id: int, figure_id: str, *, actor_id: int, reason: str) -> Figure:
        return await self._change(
            guild_id, figure_id, "hide", {"hidden": 1}, actor_id=actor_id, reason=reason
        )

    async def unhide(
        self, guild_id: int, figure_id: str, *, actor_id: int, reason: str | None = None
    ) -> Figure:
        return await self._change(
            guild_id, figure_id, "unhide", {"hidden": 0}, actor_id=actor_id, reason=reason
        )

    async def verify(
        self, guild_id: int, figure_id: str, *, actor_id: int, reason: str | None = None
    ) -> Figure:
        return await self._change(
            guild_id, figure_id, "verify", {"verified": 1}, actor_id=actor_id, reason=reason
        )

    async def correct(
        self,
        guild_id: int,
        figure_id: str,
        field: str,
        value: CorrectionValue,
        *,
        actor_id: int,
        reason: str,
    ) -> Figure:
        """Set one field of the figure as ``guild_id`` sees it (``value`` already validated:
        an int for low/high, a DateSpan or None for date, a Period or None for period (None:
        a cumulative total), a str or None for source). A point
        value stays a point: correcting its low or high sets both. Low and high are checked
        against the figure as it is inside the write, and both are stored together, so that
        two corrections at once can never leave the low above the high."""
        columns = _correction_columns(field, value)
        async with self.store.write() as tx:
            current = await self._current(tx, guild_id, figure_id)
            if field in ("low", "high"):
                columns = _value_columns(current, field, int(columns[field]))
            return await self._apply(
                tx, guild_id, current, f"correct {field}", columns,
                actor_id=actor_id, reason=reason,
            )

    async def add_document(
        self,
        guild_id: int,
        extraction: Extraction,
        *,
        actor_id: int,
        note: Mapping[str, Any] | None = None,
        also: IngestHook | None = None,
        decisions: Sequence[Decision] = (),
    ) -> IngestResult:
        """Store a document for ``guild_id`` only, audited in the ingest transaction; an upload
        never replaces a document (its key is chosen free, see ``ingest.plan_upload``).
        ``note`` adds to the audit entry (where the document came from); ``also`` runs in the
        same transaction (the review queue takes the article out there). ``decisions`` made in
        the preview are stored in that transaction too, so no answer or alert ever shows the
        document without them."""

        described = document_fields(extraction.document)

        async def audited(tx: Transaction, result: IngestResult) -> None:
            after = {
                "status": result.status, "figures": result.figures, "events": result.events,
                "document": described,
            }
            await audit.record(
                tx, guild_id, actor_id, "ingest", result.key, after={**after, **(note or {})}
            )
            for decision in decisions:
                await self._decide(tx, guild_id, decision, actor_id=actor_id)
            if also is not None:
                await also(tx, result)

        return await self.store.ingest(
            extraction, guild_id=guild_id, origin="upload", replace=False, also=audited
        )

    async def _decide(
        self, tx: Transaction, guild_id: int, decision: Decision, *, actor_id: int
    ) -> None:
        """One preview decision, written as the /admin command making it would write it; a
        field set to what it already is changes nothing."""
        current = await self._current(tx, guild_id, decision.figure_id)
        reason = decision.reason
        if decision.hide:
            await self._apply(
                tx, guild_id, current, "hide", {"hidden": 1}, actor_id=actor_id, reason=reason
            )
            return
        fields = dict(decision.corrections)
        if "low" in fields or "high" in fields:
            low, high = fields.pop("low", current.low), fields.pop("high", current.high)
            if not isinstance(low, int) or not isinstance(high, int):
                raise ModerationError("A value must be whole numbers of people.")
            if low > high:
                raise ModerationError(f"The low value ({low:,}) is above the high ({high:,}).")
            if (low, high) != (current.low, current.high):
                current = await self._apply(
                    tx, guild_id, current, "correct value", {"low": low, "high": high},
                    actor_id=actor_id, reason=reason,
                )
        for field, value in fields.items():
            if correction_values(current).get(field) == value:
                continue
            current = await self._apply(
                tx, guild_id, current, f"correct {field}", _correction_columns(field, value),
                actor_id=actor_id, reason=reason,
            )

    async def remove_document(
        self, guild_id: int | None, key: str, *, actor_id: int, reason: str | None
    ) -> DocumentInfo:
        """Delete a document of ``guild_id`` (None: the shared base), audited in the same
        transaction. A key of another owner is reported as not found: it is not theirs to know."""
        info = await self.store.document(guild_id, key)
        if info is None or info.guild_id != guild_id:
            raise ModerationError(f"No document {key!r} of this server.")
        before = {
            "figures": info.figures, "events": info.events, "sha256": info.digest,
            "document": document_fields(info),
        }

        async def audited(tx: Transaction) -> None:
            await audit.record(
                tx, guild_id, actor_id, "remove document", key, before=before, reason=reason
            )

        if not await self.store.remove_document(key, guild_id=guild_id, also=audited):
            raise ModerationError(f"No document {key!r} of this server.")
        return info

    async def set_moderator_role(
        self, guild_id: int, role_id: int | None, *, actor_id: int
    ) -> int | None:
        """Set (or clear, with None) the guild's moderator role; returns the previous one."""
        async with self.store.write() as tx:
            row = await tx.fetchone(
                "SELECT role_id FROM moderator_roles WHERE guild_id = ?", (guild_id,)
            )
            previous = int(row["role_id"]) if row is not None else None
            if previous == role_id:
                raise ModerationError("The moderator role is already set that way.")
            if role_id is None:
                await tx.execute("DELETE FROM moderator_roles WHERE guild_id = ?", (guild_id,))
            else:
                await tx.execute(
                    "INSERT INTO moderator_roles (guild_id, role_id) VALUES (?, ?)"
                    " ON CONFLICT (guild_id) DO UPDATE SET role_id = excluded.role_id",
                    (guild_id, role_id),
                )
            await audit.record(
                tx, guild_id, actor_id, "modrole", "moderator role", before=previous, after=role_id
            )
            return previous

    async def record(
        self,
        guild_id: int | None,
        actor_id: int,
        action: str,
        target: str,
        *,
        after: Any = None,
        reason: str | None = None,
    ) -> None:
        """Audit an action that is not an overlay change (a reload of the seeds)."""
        async with self.store.write() as tx:
            await audit.record(tx, guild_id, actor_id, action, target, after=after, reason=reason)


def _is_point(figure: Figure) -> bool:
    """A single number ("at least 300"): correcting either end moves both."""
    return figure.low == figure.high and figure.qualifier is not Qualifier.RANGE


def _value_columns(current: Figure, field: str, value: int) -> dict[str, int]:
    """Both ends of the corrected value, checked against the figure as it is now."""
    if _is_point(current):
        return {"low": value, "high": value}
    low = value if field == "low" else current.low
    high = value if field == "high" else current.high
    if low > high:
        raise ModerationError(
            f"The low value ({low:,}) would be above the high value ({high:,});"
            " correct the other end first."
        )
    return {"low": low, "high": high}


def _unchanged_message(figure: Figure, action: str) -> str:
    """Why a change left the figure as it was, in words a moderator can act on."""
    if action == "verify" and figure.status is Status.HIDDEN:
        return f"Figure {figure.id} is hidden in this server; unhide it before verifying it."
    if action == "verify" and figure.status is Status.CORRECTED:
        return (
            f"Figure {figure.id} already shows this server's correction, which a moderator"
            " made; there is nothing left to verify."
        )
    return f"Figure {figure.id} is already {_said(action)}."


def _said(action: str) -> str:
    return {"hide": "hidden", "unhide": "visible", "verify": "verified"}.get(
        action, "set to that value"
    )


def _correction_columns(field: str, value: CorrectionValue) -> dict[str, Any]:
    if field in ("low", "high"):
        if not isinstance(value, int) or value < 0:
            raise ModerationError(f"{field} must be a whole number of people.")
        return {field: value}
    if field in ("metric", "qualifier", "subject"):
        if not isinstance(value, str) or not value:
            raise ModerationError(f"{field} needs a value.")
        return {field: value}
    if field == "source":
        if not isinstance(value, str | None):
            raise ModerationError("source must be a name, or none.")
        return {"source_set": 1, "source": value}
    if field == "date":
        if value is not None and not isinstance(value, DateSpan):
            raise ModerationError("date must be a date, or none.")
        keys = ("date_text", "date_start", "date_end", "date_precision", "date_inferred")
        return {"date_set": 1, **dict(zip(keys, date_columns(value), strict=True))}
    if field == "period":
        if value is not None and not isinstance(value, Period):
            raise ModerationError("period must be a rate or a window, or none.")
        return {"period_set": 1, **dict(zip(PERIOD_COLUMNS, period_columns(value), strict=True))}
    fields = ", ".join(CORRECTABLE_FIELDS)
    raise ModerationError(f"{field!r} cannot be corrected; fields: {fields}.")
