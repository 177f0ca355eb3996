"""Per-server moderation: overlays on figures, moderator roles and the audit log.

An overlay is what one guild's moderators decided about one figure (hidden, verified, corrected
fields), keyed by (guild id, figure id); only queries for that guild apply it. Every change is
written to the audit log in the same transaction as the change itself.
"""

from __future__ import annotations

import dataclasses
import json
import sqlite3
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

import aiosqlite

from bot.facts.model import DateSpan, Extraction, Figure, Metric, Qualifier, Status
from bot.facts.store.rows import DocumentInfo, IngestResult, date_columns, figure_from_row

if TYPE_CHECKING:
    from bot.facts.store.fact_store import FactStore

CORRECTABLE_FIELDS = ("metric", "low", "high", "qualifier", "subject", "source", "date")

_CORRECTED = (
    "(o.metric IS NOT NULL OR o.low IS NOT NULL OR o.high IS NOT NULL OR o.qualifier IS NOT NULL"
    " OR o.subject IS NOT NULL OR o.source_set = 1 OR o.date_set = 1)"
)
_STATUS = (
    "CASE WHEN o.hidden = 1 THEN 'hidden'"
    f" WHEN {_CORRECTED} THEN 'corrected'"
    " WHEN o.verified = 1 THEN 'verified' ELSE 'auto' END"
)


def _date_column(name: str) -> str:
    return f"CASE WHEN o.date_set = 1 THEN o.{name} ELSE f.{name} END AS {name}"


_SEEN_COLUMNS = ", ".join(
    [
        "f.id",
        "f.document",
        "f.position",
        "COALESCE(o.metric, f.metric) AS metric",
        "COALESCE(o.subject, f.subject) AS subject",
        "COALESCE(o.low, f.low) AS low",
        "COALESCE(o.high, f.high) AS high",
        "COALESCE(o.qualifier, f.qualifier) AS qualifier",
        "f.additional",
        "CASE WHEN o.source_set = 1 THEN o.source ELSE f.source END AS source",
        *(
            _date_column(c)
            for c in ("date_text", "date_start", "date_end", "date_precision", "date_inferred")
        ),
        "f.quote",
        "f.span_start",
        "f.span_end",
        f"{_STATUS} AS status",
    ]
)


def figure_filters(
    params: dict[str, Any],
    *,
    metrics: Iterable[Metric | str] | None = None,
    subject: str | None = None,
    source: str | None = None,
) -> list[str] | None:
    """WHERE terms on ``seen_figures()`` rows (alias ``f``) for the filters users give, their
    values added to ``params``; None when ``metrics`` is empty (nothing can match). Subject and
    source match canonical names ignoring case."""
    where: list[str] = []
    if metrics is not None:
        wanted = sorted({Metric(m).value for m in metrics})
        if not wanted:
            return None
        where.append(f"f.metric IN ({', '.join(f':m{i}' for i in range(len(wanted)))})")
        params.update({f"m{i}": m for i, m in enumerate(wanted)})
    if subject is not None:
        where.append("f.subject = :subject COLLATE NOCASE")
        params["subject"] = subject
    if source is not None:
        where.append("f.source = :source COLLATE NOCASE")
        params["source"] = source
    return where


def seen_figures(*, all_guilds: bool = False) -> str:
    """A subquery (use as ``FROM <this> f``) of the figures guild ``:guild`` may see, with its
    overlay applied and a ``status`` column; hidden ones included, so callers filter them.

    ``all_guilds`` lists every owner's figures without any overlay (the operator's export).
    """
    visible = "1" if all_guilds else "(d.guild_id IS NULL OR d.guild_id = :guild)"
    guild = "NULL" if all_guilds else ":guild"
    return (
        f"(SELECT {_SEEN_COLUMNS} FROM figures f JOIN documents d ON d.key = f.document"
        f" LEFT JOIN overlays o ON o.guild_id = {guild} AND o.figure_id = f.id"
        f" WHERE {visible})"
    )


def seen_figure_from_row(row: sqlite3.Row) -> Figure:
    return dataclasses.replace(figure_from_row(row), status=Status(row["status"]))


class ModerationError(Exception):
    """A moderator action was refused; the message says why in one sentence."""


@dataclass(frozen=True, slots=True)
class AuditEntry:
    """One moderator action. ``before``/``after`` are JSON values (None when not applicable)."""

    id: int
    guild_id: int | None
    actor_id: int
    action: str
    target: str
    before: Any
    after: Any
    reason: str | None
    at: datetime

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "guild_id": self.guild_id,
            "actor_id": self.actor_id,
            "action": self.action,
            "target": self.target,
            "before": self.before,
            "after": self.after,
            "reason": self.reason,
            "at": self.at.isoformat(),
        }


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


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
    }


def _state(figure: Figure) -> dict[str, Any]:
    return {"status": figure.status.value, **correction_values(figure)}


async def _audit(
    db: aiosqlite.Connection,
    guild_id: int | None,
    actor_id: int,
    action: str,
    target: str,
    before: Any,
    after: Any,
    reason: str | None,
) -> None:
    await db.execute(
        "INSERT INTO audit_log (guild_id, actor_id, action, target, before, after, reason, at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (
            guild_id,
            actor_id,
            action,
            target,
            None if before is None else json.dumps(before, ensure_ascii=False),
            None if after is None else json.dumps(after, ensure_ascii=False),
            reason,
            _now(),
        ),
    )


def _loads(value: str | None) -> Any:
    return None if value is None else json.loads(value)


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
            "SELECT f.* FROM figures f JOIN documents d ON d.key = f.document"
            " WHERE f.id = :id AND (d.guild_id IS NULL OR d.guild_id = :guild)",
            {"id": figure_id.strip().lower(), "guild": guild_id},
        )
        return figure_from_row(rows[0]) if rows else None

    async def audit_log(
        self, guild_id: int, *, limit: int, include_shared: bool = False
    ) -> list[AuditEntry]:
        """The newest ``limit`` entries of ``guild_id`` (and of the shared base if asked)."""
        shared = " OR guild_id IS NULL" if include_shared else ""
        rows = await self.store.read(
            f"SELECT * FROM audit_log WHERE (guild_id = :guild{shared}) ORDER BY id DESC"
            " LIMIT :limit",
            {"guild": guild_id, "limit": limit},
        )
        return [
            AuditEntry(
                id=row["id"],
                guild_id=row["guild_id"],
                actor_id=row["actor_id"],
                action=row["action"],
                target=row["target"],
                before=_loads(row["before"]),
                after=_loads(row["after"]),
                reason=row["reason"],
                at=datetime.fromisoformat(row["at"]),
            )
            for row in rows
        ]

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
            " WHERE o.guild_id = :guild AND (d.guild_id IS NULL OR d.guild_id = :guild)"
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

    async def _change(
        self,
        guild_id: int,
        figure_id: str,
        action: str,
        columns: Mapping[str, Any],
        *,
        actor_id: int,
        reason: str | None,
        target: str | None = None,
    ) -> Figure:
        """Upsert ``columns`` of the overlay and audit the figure's state before and after."""
        async with self.store.write_transaction() as db:
            before = await self.figure(guild_id, figure_id)
            if before is None:
                raise ModerationError(f"No figure with id {figure_id!r} in this server.")
            names = ["guild_id", "figure_id", *columns, "updated_at"]
            values = [guild_id, before.id, *columns.values(), _now()]
            updates = ", ".join(f"{n} = excluded.{n}" for n in [*columns, "updated_at"])
            await db.execute(
                f"INSERT INTO overlays ({', '.join(names)})"
                f" VALUES ({', '.join('?' * len(names))})"
                f" ON CONFLICT (guild_id, figure_id) DO UPDATE SET {updates}",
                values,
            )
            after = await self.figure(guild_id, figure_id)
            assert after is not None
            if after == before:
                raise ModerationError(_unchanged_message(before, action))
            await _audit(
                db, guild_id, actor_id, action, target or before.id, _state(before), _state(after),
                reason,
            )
            return after

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
        value: str | int | DateSpan | None,
        *,
        actor_id: int,
        reason: str,
    ) -> Figure:
        """Set one field of the figure as ``guild_id`` sees it (``value`` already validated:
        an int for low/high, a DateSpan or None for date, a str or None for source). A point
        value stays a point: correcting its low or high sets both."""
        current = await self.figure(guild_id, figure_id)
        if current is None:
            raise ModerationError(f"No figure with id {figure_id!r} in this server.")
        columns = _correction_columns(field, value)
        if field in ("low", "high") and _is_point(current):
            columns = {"low": value, "high": value}
        low = columns.get("low", current.low)
        high = columns.get("high", current.high)
        if low > high:
            raise ModerationError(
                f"The low value ({low:,}) would be above the high value ({high:,});"
                " correct the other end first."
            )
        return await self._change(
            guild_id, figure_id, f"correct {field}", columns, actor_id=actor_id, reason=reason
        )

    async def add_document(
        self, guild_id: int, extraction: Extraction, *, actor_id: int
    ) -> IngestResult:
        """Store a document for ``guild_id`` only, audited in the ingest transaction."""

        async def audit(db: aiosqlite.Connection, result: IngestResult) -> None:
            after = {"status": result.status, "figures": result.figures, "events": result.events}
            await _audit(db, guild_id, actor_id, "ingest", result.key, None, after, None)

        return await self.store.ingest(extraction, guild_id=guild_id, also=audit)

    async def remove_document(
        self, guild_id: int | None, key: str, *, actor_id: int, reason: str | None
    ) -> DocumentInfo:
        """Delete a document of ``guild_id`` (None: the shared base), audited in the same
        transaction. A key of another owner is reported as not found: it is not theirs to know."""
        info = await self.store.document(guild_id, key)
        if info is None or info.guild_id != guild_id:
            raise ModerationError(f"No document {key!r} of this server.")
        before = {"figures": info.figures, "events": info.events, "sha256": info.digest}

        async def audit(db: aiosqlite.Connection) -> None:
            await _audit(db, guild_id, actor_id, "remove document", key, before, None, reason)

        if not await self.store.remove_document(key, guild_id=guild_id, also=audit):
            raise ModerationError(f"No document {key!r} of this server.")
        return info

    async def set_moderator_role(
        self, guild_id: int, role_id: int | None, *, actor_id: int
    ) -> int | None:
        """Set (or clear, with None) the guild's moderator role; returns the previous one."""
        async with self.store.write_transaction() as db:
            previous = await self.moderator_role(guild_id)
            if previous == role_id:
                raise ModerationError("The moderator role is already set that way.")
            if role_id is None:
                await db.execute("DELETE FROM moderator_roles WHERE guild_id = ?", (guild_id,))
            else:
                await db.execute(
                    "INSERT INTO moderator_roles (guild_id, role_id) VALUES (?, ?)"
                    " ON CONFLICT (guild_id) DO UPDATE SET role_id = excluded.role_id",
                    (guild_id, role_id),
                )
            await _audit(
                db, guild_id, actor_id, "modrole", "moderator role", previous, role_id, None
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
        async with self.store.write_transaction() as db:
            await _audit(db, guild_id, actor_id, action, target, None, after, reason)


def _is_point(figure: Figure) -> bool:
    """A single number ("at least 300"): correcting either end moves both."""
    return figure.low == figure.high and figure.qualifier is not Qualifier.RANGE


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


def _correction_columns(field: str, value: str | int | DateSpan | None) -> dict[str, Any]:
    if field in ("low", "high"):
        if not isinstance(value, int) or value < 0:
            raise ModerationError(f"{field} must be a whole number of people.")
        return {field: value}
    if field in ("metric", "qualifier", "subject"):
        if not isinstance(value, str) or not value:
            raise ModerationError(f"{field} needs a value.")
        return {field: value}
    if field == "source":
        if isinstance(value, DateSpan | int):
            raise ModerationError("source must be a name, or none.")
        return {"source_set": 1, "source": value}
    if field == "date":
        if value is not None and not isinstance(value, DateSpan):
            raise ModerationError("date must be a date, or none.")
        keys = ("date_text", "date_start", "date_end", "date_precision", "date_inferred")
        return {"date_set": 1, **dict(zip(keys, date_columns(value), strict=True))}
    fields = ", ".join(CORRECTABLE_FIELDS)
    raise ModerationError(f"{field!r} cannot be corrected; fields: {fields}.")
