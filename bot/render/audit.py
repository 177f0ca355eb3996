"""Audit-log entries as /admin audit lists them: who, what, when, before -> after, and why."""

from __future__ import annotations

from typing import Any

from bot.facts.store.audit import BOT_ACTOR
from bot.facts.store.overlays import AuditEntry
from bot.i18n import number, t
from bot.render import text
from bot.render.naming import described, document_name

#: Where an audit entry about a document records what names it (see ``document_fields``).
DOCUMENT_FIELD = "document"


def _shown(value: Any, lang: str) -> str:
    if value is None:
        return t(lang, "admin.audit.none")
    if isinstance(value, dict) and "start" in value and "precision" in value:
        return f"{value['start']}..{value['end']}"
    return str(value)


def _recorded_document(entry: AuditEntry) -> dict[str, Any] | None:
    """The fields naming the document an entry is about, where it recorded them."""
    for side in (entry.after, entry.before):
        if isinstance(side, dict) and isinstance(side.get(DOCUMENT_FIELD), dict):
            return dict(side[DOCUMENT_FIELD])
    return None


def _without_document(value: Any) -> Any:
    if isinstance(value, dict) and DOCUMENT_FIELD in value:
        return {k: v for k, v in value.items() if k != DOCUMENT_FIELD}
    return value


def _target(entry: AuditEntry, lang: str) -> str:
    """A document by its name; anything else (a figure id, a feed's address) as typed. Entries
    written before documents were recorded by name show their key."""
    fields = _recorded_document(entry)
    if fields is not None:
        return f"“{document_name(described(fields), lang)}”"
    return text.code(entry.target, 120)


def change_summary(before: Any, after: Any, lang: str = "en") -> str:
    """``field: old → new`` for every field that differs (JSON values from the audit log)."""
    before, after = _without_document(before), _without_document(after)
    if isinstance(before, dict) and isinstance(after, dict):
        keys = [k for k in after if before.get(k) != after.get(k)]
        return "; ".join(
            f"{k}: {_shown(before.get(k), lang)} → {_shown(after.get(k), lang)}" for k in keys
        )
    if isinstance(after, dict):
        return ", ".join(f"{k} {_shown(v, lang)}" for k, v in after.items())
    return f"{_shown(before, lang)} → {_shown(after, lang)}"


def audit_line(entry: AuditEntry, lang: str = "en") -> str:
    """Who, what, when, before → after, and why; everything from users made inert. The action
    and field names are the log's own words, the same in every language."""
    when = f"<t:{int(entry.at.timestamp())}:f>"
    scope = " " + t(lang, "admin.audit.shared") if entry.guild_id is None else ""
    bot = entry.actor_id == BOT_ACTOR
    actor = t(lang, "admin.audit.the_bot") if bot else f"<@{entry.actor_id}>"
    line = (
        f"**{text.clip(entry.action, 40)}** {_target(entry, lang)}{scope}"
        f" · {t(lang, 'admin.audit.by', actor=actor)} · {when}"
    )
    change = change_summary(entry.before, entry.after, lang)
    if change:
        line += f"\n{text.clip(change, 600)}"
    if entry.reason:
        line += "\n" + t(lang, "admin.audit.reason", reason=text.clip(entry.reason, 300))
    return line


def unattached_note(lost: list[AuditEntry], lang: str = "en") -> str:
    """The decisions that lost their figure when a sentence was edited, for the audit's top."""
    if not lost:
        return ""
    ids = ", ".join(text.code(e.target, 20) for e in lost[:5])
    more = ""
    if len(lost) > 5:
        more = t(lang, "admin.audit.unattached_more", n=number(lang, len(lost) - 5))
    return t(lang, "admin.audit.unattached", n=len(lost), ids=ids, more=more)
