"""Audit-log entries as /admin audit lists them: who, what, when, before -> after, and why."""

from __future__ import annotations

from typing import Any

from bot.facts.store.audit import BOT_ACTOR
from bot.facts.store.overlays import AuditEntry
from bot.render import text


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
