"""The audit log: who did what, when, before and after, and why.

An entry is written with :func:`record` inside the transaction of the change it describes, so a
change and its entry are stored together or not at all. ``guild_id`` NULL is an action on the
shared fact base; :data:`BOT_ACTOR` is the bot itself (decisions re-attached after a document
changed, migrations).
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from bot.facts.store.dialect import Row
from bot.facts.store.rows import utc_now
from bot.facts.store.transaction import Transaction

#: The actor of the bot's own entries (no Discord user has id 0).
BOT_ACTOR = 0

Read = Callable[[str, dict[str, Any]], Awaitable[list[Row]]]


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


def _dumps(value: Any) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False)


def _loads(value: str | None) -> Any:
    return None if value is None else json.loads(value)


async def record(
    tx: Transaction,
    guild_id: int | None,
    actor_id: int,
    action: str,
    target: str,
    *,
    before: Any = None,
    after: Any = None,
    reason: str | None = None,
) -> None:
    """Add one entry, inside the transaction of the change it describes."""
    await tx.execute(
        "INSERT INTO audit_log (guild_id, actor_id, action, target, before, after, reason, at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (guild_id, actor_id, action, target, _dumps(before), _dumps(after), reason, utc_now()),
    )


def entry_from_row(row: Row) -> AuditEntry:
    return AuditEntry(
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


async def entries(
    read: Read, guild_id: int, *, limit: int, include_shared: bool = False
) -> list[AuditEntry]:
    """The newest ``limit`` entries of ``guild_id`` (and of the shared base if asked)."""
    shared = " OR guild_id IS NULL" if include_shared else ""
    rows = await read(
        f"SELECT * FROM audit_log WHERE (guild_id = :guild{shared}) ORDER BY id DESC"
        " LIMIT :limit",
        {"guild": guild_id, "limit": limit},
    )
    return [entry_from_row(row) for row in rows]
