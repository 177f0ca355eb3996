"""What the stand-in saw the bot send: replies to interactions and broken rules."""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field
from typing import Any, Literal

Json = dict[str, Any]
EPHEMERAL = 1 << 6
LOADING = 1 << 7

ReplyKind = Literal["callback", "followup", "edit", "delete", "channel"]

# Interaction types (Discord's InteractionType) the stand-in dispatches.
APPLICATION_COMMAND = 2
MESSAGE_COMPONENT = 3
AUTOCOMPLETE = 4
MODAL_SUBMIT = 5

# Interaction callback types (Discord's InteractionResponseType).
CHANNEL_MESSAGE = 4
DEFERRED_CHANNEL_MESSAGE = 5
DEFERRED_UPDATE_MESSAGE = 6
UPDATE_MESSAGE = 7
AUTOCOMPLETE_RESULT = 8
MODAL = 9


@dataclass(frozen=True, slots=True)
class RecordedFile:
    filename: str
    content_type: str | None
    data: bytes


@dataclass(frozen=True, slots=True)
class Reply:
    """One request the bot made about an interaction, in the order the stand-in received it.

    ``kind`` says which endpoint: the interaction callback, a followup message, an edit of a
    message, a deletion, or a plain channel message. ``type`` is the callback type (4 message,
    5 deferred, 6 deferred update, 7 update message, 8 autocomplete result, 9 modal) for
    callbacks and None otherwise. ``body`` is the exact JSON body Discord would have received.
    """

    kind: ReplyKind
    type: int | None
    body: Json
    elapsed: float
    message_id: int | None = None
    files: tuple[RecordedFile, ...] = ()
    message_flags: int | None = None

    @property
    def message(self) -> Json:
        """The message part of the body (``data`` for callbacks, the body itself otherwise)."""
        if self.kind == "callback":
            data = self.body.get("data")
            return data if isinstance(data, dict) else {}
        return self.body

    @property
    def flags(self) -> int:
        """The flags of the message as shown (a deferral's flags carry over to its followup)."""
        if self.message_flags is not None:
            return self.message_flags
        return int(self.message.get("flags") or 0)

    @property
    def ephemeral(self) -> bool:
        return bool(self.flags & EPHEMERAL)

    @property
    def content(self) -> str | None:
        content = self.message.get("content")
        return None if content is None else str(content)

    @property
    def embeds(self) -> list[Json]:
        return list(self.message.get("embeds") or [])

    @property
    def components(self) -> list[Json]:
        return list(self.message.get("components") or [])

    @property
    def attachments(self) -> list[Json]:
        return list(self.message.get("attachments") or [])

    @property
    def allowed_mentions(self) -> Json | None:
        value = self.message.get("allowed_mentions")
        return value if isinstance(value, dict) else None

    @property
    def choices(self) -> list[Json]:
        return list(self.message.get("choices") or [])

    @property
    def is_modal(self) -> bool:
        return self.kind == "callback" and self.type == MODAL

    @property
    def is_deferral(self) -> bool:
        return self.kind == "callback" and self.type in (
            DEFERRED_CHANNEL_MESSAGE,
            DEFERRED_UPDATE_MESSAGE,
        )

    def text(self) -> str:
        """Content plus every embed's visible text (a modal's title and labels), for loose
        assertions."""
        if self.is_modal:
            labels = [c.get("label") or "" for c in self.components]
            return "\n".join([str(self.message.get("title") or ""), *labels])
        parts = [self.content or ""]
        for embed in self.embeds:
            parts += [embed.get("title") or "", embed.get("description") or ""]
            for fld in embed.get("fields") or []:
                parts += [fld.get("name") or "", fld.get("value") or ""]
            parts += [(embed.get("footer") or {}).get("text") or ""]
            parts += [(embed.get("author") or {}).get("name") or ""]
        return "\n".join(p for p in parts if p)


@dataclass(frozen=True, slots=True)
class Violation:
    """Something Discord would have refused or that breaks its interaction rules."""

    kind: str
    detail: str
    interaction_id: int | None = None


@dataclass(slots=True)
class InteractionRecord:
    """Server-side state of one dispatched interaction."""

    id: int
    token: str
    type: int
    payload: Json
    dispatched_at: float = field(default_factory=time.monotonic)
    answered_at: float | None = None
    callback_type: int | None = None
    original_message_id: int | None = None
    replies: list[Reply] = field(default_factory=list)
    changed: asyncio.Event = field(default_factory=asyncio.Event)

    def add(self, reply: Reply) -> None:
        self.replies.append(reply)
        self.changed.set()

    def elapsed(self) -> float:
        return time.monotonic() - self.dispatched_at
