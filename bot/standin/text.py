"""Replies as plain text for a terminal: embeds flattened, buttons numbered."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from bot.standin.limits import TEXT_INPUT_VALUE, modal_fields
from bot.standin.payloads import Json
from bot.standin.records import Reply

_TIMESTAMP = re.compile(r"<t:(-?\d+)(?::([tTdDfFR]))?>")
BUTTON = 2


@dataclass(frozen=True, slots=True)
class Button:
    number: int
    label: str
    custom_id: str
    message_id: int
    disabled: bool


#: How Discord's clients write a relative time (``<t:...:R>``): the largest unit that fits.
_UNITS = (("year", 365 * 86_400), ("month", 30 * 86_400), ("day", 86_400), ("hour", 3_600),
          ("minute", 60), ("second", 1))  # fmt: skip


def relative(when: datetime, now: datetime) -> str:
    """``when`` as Discord shows a relative timestamp: "3 hours ago", "in 2 days",
    "a few seconds ago"."""
    seconds = round((when - now).total_seconds())
    size = abs(seconds)
    if size < 45:
        amount = "a few seconds"
    else:
        unit, length = next((u, n) for u, n in _UNITS if size >= n)
        count = max(1, round(size / length))
        amount = f"{'a' if unit != 'hour' else 'an'} {unit}" if count == 1 else f"{count} {unit}s"
    return f"in {amount}" if seconds > 0 else f"{amount} ago"


def _timestamps(text: str, now: datetime | None = None) -> str:
    def show(match: re.Match[str]) -> str:
        when = datetime.fromtimestamp(int(match.group(1)), UTC)
        style = match.group(2) or "f"
        if style == "R":
            return relative(when, now or datetime.now(UTC))
        return when.strftime("%Y-%m-%d %H:%M UTC" if style in "tTfF" else "%Y-%m-%d")

    return _TIMESTAMP.sub(show, text)


def embed_text(embed: Json) -> list[str]:
    lines: list[str] = []
    author = (embed.get("author") or {}).get("name")
    if author:
        lines.append(author)
    if embed.get("title"):
        lines.append(f"== {embed['title']} ==")
    if embed.get("description"):
        lines.append(embed["description"])
    for fld in embed.get("fields") or []:
        lines += ["", f"-- {fld.get('name', '')}", str(fld.get("value", ""))]
    footer = (embed.get("footer") or {}).get("text")
    if footer:
        lines += ["", f"({footer})"]
    return [_timestamps(line) for line in lines]


def buttons(replies: Iterable[Reply], messages: dict[int, Json]) -> list[Button]:
    """Buttons on the messages these replies produced, as they stand now, numbered from 1."""
    found: list[Button] = []
    seen: set[int] = set()
    for reply in replies:
        if reply.message_id is None or reply.message_id in seen:
            continue
        seen.add(reply.message_id)
        message = messages.get(reply.message_id)
        for row in (message or {}).get("components") or []:
            for item in row.get("components") or []:
                if item.get("type") == BUTTON and item.get("custom_id"):
                    label = item.get("label") or (item.get("emoji") or {}).get("name") or "?"
                    found.append(
                        Button(
                            len(found) + 1,
                            label,
                            item["custom_id"],
                            reply.message_id,
                            bool(item.get("disabled")),
                        )
                    )
    return found


def form_text(reply: Reply) -> str:
    """A modal: its title and each field with what it takes."""
    lines = [f"[form] {reply.message.get('title', '')}"]
    for field, label in modal_fields(reply.message):
        need = "required" if field.get("required", True) else "optional"
        most = int(field.get("max_length") or TEXT_INPUT_VALUE)
        kind = "text" if field.get("style") == 2 else "line"
        hint = f": {field['placeholder']}" if field.get("placeholder") else ""
        lines.append(f"  {label} ({need} {kind}, at most {most:,} characters){hint}")
    return "\n".join(lines)


def reply_text(reply: Reply, saved: Sequence[str] = ()) -> str:
    """One reply as text; ``saved`` says where the files it carried were written, in order."""
    if reply.kind == "delete":
        return "[message deleted]"
    if reply.is_modal:
        return form_text(reply)
    if reply.kind == "callback" and reply.type == 8:
        return "choices: " + ", ".join(str(c.get("name")) for c in reply.choices)
    if reply.is_deferral:
        return "[thinking...]" if reply.type == 5 else "[working...]"
    head = {
        "callback": "",
        "followup": "[followup] ",
        "edit": "[edited] ",
        "channel": "[channel message] ",
    }[reply.kind]
    if reply.ephemeral:
        head += "[only you can see this] "
    lines = [head.rstrip()] if head else []
    if reply.content:
        lines.append(_timestamps(reply.content))
    for embed in reply.embeds:
        lines += embed_text(embed)
    for index, attachment in enumerate(reply.attachments):
        where = f" saved as {saved[index]}" if index < len(saved) else ""
        lines.append(f"[attachment: {attachment.get('filename')}{where}]")
    return "\n".join(line for line in lines)


def conversation_text(
    replies: Sequence[Reply],
    messages: dict[int, Json],
    saved: Mapping[int, Sequence[str]] | None = None,
) -> str:
    """The replies as a terminal shows them; ``saved`` maps a reply's position to the paths its
    files were saved at."""
    parts = [reply_text(r, (saved or {}).get(i, ())) for i, r in enumerate(replies)]
    shown = buttons(replies, messages)
    if shown:
        parts.append(
            "buttons: "
            + "  ".join(
                f"[{b.number}] {b.label}" + (" (disabled)" if b.disabled else "") for b in shown
            )
        )
    return "\n\n".join(p for p in parts if p)
