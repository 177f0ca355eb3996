"""Messages the bot made in the Discord stand-in: created from a reply's body, updated by edits,
with their attachments."""

from __future__ import annotations

from collections.abc import Sequence

from bot.standin.payloads import FakeAttachment, Json, iso_now, snowflake
from bot.standin.records import LOADING, InteractionRecord, RecordedFile
from bot.standin.responses import Refused, error_response
from bot.standin.state import StandInState


class MessagesPart(StandInState):
    """Stores and updates the messages the bot sends or edits."""

    def _new_message(
        self, record: InteractionRecord, body: Json, files: list[RecordedFile]
    ) -> Json:
        payload = record.payload
        message = self._message_payload(
            int(payload["channel_id"]), payload.get("guild_id"), body, files, interaction=record
        )
        self.messages[int(message["id"])] = message
        return message

    def _update_message(
        self,
        record: InteractionRecord,
        message_id: int | None,
        body: Json,
        files: list[RecordedFile],
    ) -> Json:
        if message_id is None or message_id not in self.messages:
            raise Refused(error_response(404, 10008, "Unknown Message"))
        message = self.messages[message_id]
        for key in ("content", "embeds", "components"):
            if key in body:
                message[key] = (
                    body[key] if body[key] is not None else ([] if key != "content" else "")
                )
        if "attachments" in body or files:
            message["attachments"] = self._attachment_payloads(body, files)
        flags = int(message.get("flags") or 0) & ~LOADING
        message["flags"] = flags | (int(body.get("flags") or 0) & ~LOADING)
        message["edited_timestamp"] = iso_now()
        return message

    def _attachment_payloads(self, body: Json, files: list[RecordedFile]) -> list[Json]:
        result = []
        for index, recorded in enumerate(files):
            item = FakeAttachment(recorded.filename, recorded.data, recorded.content_type or "")
            self._attachments[item.id] = item
            described: Json = next(
                (a for a in body.get("attachments") or [] if str(a.get("id")) == str(index)), {}
            )
            result.append(
                item.payload(self.url)
                | {"description": described.get("description"), "ephemeral": False}
            )
        return result

    def _message_payload(
        self,
        channel_id: int,
        guild_id: str | None,
        body: Json,
        files: list[RecordedFile],
        *,
        interaction: InteractionRecord | None,
    ) -> Json:
        message: Json = {
            "id": str(snowflake()),
            "channel_id": str(channel_id),
            "author": self.bot_user.payload(),
            "content": body.get("content") or "",
            "timestamp": iso_now(),
            "edited_timestamp": None,
            "tts": False,
            "mention_everyone": False,
            "mentions": [],
            "mention_roles": [],
            "attachments": self._attachment_payloads(body, files),
            "embeds": body.get("embeds") or [],
            "components": body.get("components") or [],
            "pinned": False,
            "type": 0 if interaction is None else 20,
            "flags": int(body.get("flags") or 0),
        }
        if guild_id is not None:
            message["guild_id"] = str(guild_id)
        if interaction is not None:
            message["application_id"] = str(self.application_id)
            message["webhook_id"] = str(self.application_id)
            user = interaction.payload.get("member", {}).get("user") or interaction.payload.get(
                "user"
            )
            message["interaction_metadata"] = {
                "id": str(interaction.id),
                "type": interaction.type,
                "user": user,
                "authorizing_integration_owners": interaction.payload.get(
                    "authorizing_integration_owners", {}
                ),
            }
        return message


def find_component(components: Sequence[Json], custom_id: str) -> Json | None:
    for component in components:
        if component.get("custom_id") == custom_id:
            return component
        found = find_component(component.get("components") or [], custom_id)
        if found is not None:
            return found
    return None
