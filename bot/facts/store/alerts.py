"""Per-server alert subscriptions: which channel gets new figures, and the last delivery problem.

A subscription names one channel per server. Delivery problems are written only when something
changes (a failure, or the first success after one), so posting an alert costs no write when
all is well.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from bot.facts.store import audit
from bot.facts.store.dialect import Row
from bot.facts.store.fact_store import FactStore
from bot.facts.store.rows import utc_now

PROBLEM_LIMIT = 300


@dataclass(frozen=True, slots=True)
class AlertSubscription:
    guild_id: int
    channel_id: int
    enabled: bool
    updated_by: int
    updated_at: datetime
    problem: str | None = None
    problem_at: datetime | None = None
    delivered_at: datetime | None = None

    @property
    def failing(self) -> bool:
        """Whether the last delivery attempt failed (a problem newer than any delivery)."""
        if self.problem_at is None:
            return False
        return self.delivered_at is None or self.delivered_at < self.problem_at


def _when(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def _subscription(row: Row) -> AlertSubscription:
    return AlertSubscription(
        guild_id=int(row["guild_id"]),
        channel_id=int(row["channel_id"]),
        enabled=bool(row["enabled"]),
        updated_by=int(row["updated_by"]),
        updated_at=datetime.fromisoformat(row["updated_at"]),
        problem=row["problem"],
        problem_at=_when(row["problem_at"]),
        delivered_at=_when(row["delivered_at"]),
    )


def _setting(subscription: AlertSubscription | None) -> dict[str, object] | None:
    """What the audit log records of a subscription."""
    if subscription is None:
        return None
    return {"channel": subscription.channel_id, "enabled": subscription.enabled}


class AlertSubscriptions:
    """Reads and writes ``alert_subscriptions`` through the fact store's connection."""

    def __init__(self, store: FactStore) -> None:
        self.store = store

    async def get(self, guild_id: int) -> AlertSubscription | None:
        rows = await self.store.read(
            "SELECT * FROM alert_subscriptions WHERE guild_id = ?", (guild_id,)
        )
        return _subscription(rows[0]) if rows else None

    async def enabled(self, guild_ids: Iterable[int] | None = None) -> list[AlertSubscription]:
        """Enabled subscriptions, by guild id; only those of ``guild_ids`` when given."""
        rows = await self.store.read(
            "SELECT * FROM alert_subscriptions WHERE enabled = 1 ORDER BY guild_id", ()
        )
        found = [_subscription(row) for row in rows]
        if guild_ids is None:
            return found
        wanted = set(guild_ids)
        return [s for s in found if s.guild_id in wanted]

    async def subscribe(
        self, guild_id: int, channel_id: int, *, enabled: bool, actor_id: int
    ) -> AlertSubscription | None:
        """Set the guild's alert channel (a new channel starts with no problem recorded) and
        audit it, in one transaction; returns the previous subscription."""
        async with self.store.write() as tx:
            row = await tx.fetchone(
                "SELECT * FROM alert_subscriptions WHERE guild_id = ?", (guild_id,)
            )
            previous = _subscription(row) if row is not None else None
            await tx.execute(
                "INSERT INTO alert_subscriptions"
                " (guild_id, channel_id, enabled, updated_by, updated_at)"
                " VALUES (:guild, :channel, :enabled, :actor, :now)"
                " ON CONFLICT (guild_id) DO UPDATE SET"
                "  problem = CASE WHEN alert_subscriptions.channel_id = excluded.channel_id"
                "   THEN alert_subscriptions.problem END,"
                "  problem_at = CASE WHEN alert_subscriptions.channel_id = excluded.channel_id"
                "   THEN alert_subscriptions.problem_at END,"
                "  delivered_at = CASE WHEN alert_subscriptions.channel_id = excluded.channel_id"
                "   THEN alert_subscriptions.delivered_at END,"
                "  channel_id = excluded.channel_id, enabled = excluded.enabled,"
                "  updated_by = excluded.updated_by, updated_at = excluded.updated_at",
                {
                    "guild": guild_id,
                    "channel": channel_id,
                    "enabled": int(enabled),
                    "actor": actor_id,
                    "now": utc_now(),
                },
            )
            await audit.record(
                tx, guild_id, actor_id, "alerts", "alerts",
                before=_setting(previous), after={"channel": channel_id, "enabled": enabled},
            )
        return previous

    async def record_problem(self, guild_id: int, channel_id: int, problem: str) -> None:
        """Remember why posting to ``channel_id`` failed, unless the guild has moved on to
        another channel meanwhile."""
        async with self.store.write() as tx:
            await tx.execute(
                "UPDATE alert_subscriptions SET problem = ?, problem_at = ?"
                " WHERE guild_id = ? AND channel_id = ?",
                (problem[:PROBLEM_LIMIT], utc_now(), guild_id, channel_id),
            )

    async def record_delivery(self, guild_id: int, channel_id: int) -> None:
        """Note a successful post (call it only after a failure: the problem stays readable,
        marked as solved)."""
        async with self.store.write() as tx:
            await tx.execute(
                "UPDATE alert_subscriptions SET delivered_at = ?"
                " WHERE guild_id = ? AND channel_id = ?",
                (utc_now(), guild_id, channel_id),
            )
