"""The REST API of the Discord stand-in (``/api/v10``): login, gateway info, command sync,
interaction callbacks, followups, webhook message edits and channel messages, each checked
against Discord's rules (limits, one answer per interaction, 3 seconds to answer), and the
attachments the bot downloads."""

from __future__ import annotations

import json
import time
from collections.abc import Awaitable, Callable, Sequence

from aiohttp import BodyPartReader, web

from bot.standin import limits
from bot.standin.faults import Fault
from bot.standin.messages import MessagesPart
from bot.standin.payloads import Json, snowflake
from bot.standin.records import (
    APPLICATION_COMMAND,
    AUTOCOMPLETE,
    AUTOCOMPLETE_RESULT,
    CHANNEL_MESSAGE,
    DEFERRED_CHANNEL_MESSAGE,
    DEFERRED_UPDATE_MESSAGE,
    EPHEMERAL,
    LOADING,
    MESSAGE_COMPONENT,
    MODAL,
    MODAL_SUBMIT,
    UPDATE_MESSAGE,
    InteractionRecord,
    RecordedFile,
    Reply,
    Violation,
)
from bot.standin.responses import Refused, error_response, json_response

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


class RestPart(MessagesPart):
    """Answers the bot's HTTP requests as Discord would, and records them."""

    def inject_faults(self, *faults: Fault) -> None:
        """The next matching requests get these error responses (in order) instead of an answer.

        A refused request is not recorded: Discord did not act on it, so a retry is no repeat.
        """
        self._faults.extend(faults)

    @property
    def double_answers(self) -> list[Violation]:
        return [v for v in self.violations if v.kind == "answered twice"]

    def delete_channel(self, channel_id: int) -> None:
        """From now on, posting to the channel is answered as for a deleted one."""
        self.channel_refusals[channel_id] = (404, 10003, "Unknown Channel")

    def deny_channel(self, channel_id: int) -> None:
        """From now on, the bot lacks the permission to post to the channel."""
        self.channel_refusals[channel_id] = (403, 50013, "Missing Permissions")

    async def _attachment(self, request: web.Request) -> web.StreamResponse:
        attachment_id = int(request.match_info["id"])
        item = self._attachments.get(attachment_id)
        if attachment_id in self._failing_downloads:
            status = self._failing_downloads[attachment_id]
            if status is not None:
                return web.Response(status=status)
            if request.transport is not None:
                request.transport.close()
            return web.Response(status=500)  # never sent: the connection is gone
        if item is None:
            return web.Response(status=404)
        return web.Response(body=item.data, headers={"Content-Type": item.content_type})

    async def _api(self, request: web.Request) -> web.StreamResponse:
        parts = request.match_info["path"].strip("/").split("/")
        method = request.method
        fault = self._take_fault(method, parts)
        if fault is not None:
            self.fault_log.append((fault, f"{method} /{'/'.join(parts)}"))
            return fault.response()
        try:
            return await self._route(method, parts, request)
        except Refused as refused:
            return refused.response

    async def _route(
        self, method: str, parts: list[str], request: web.Request
    ) -> web.StreamResponse:
        match (method, parts):
            case ("GET", ["users", "@me"]):
                me = self.bot_user.payload() | {"verified": True, "mfa_enabled": False}
                return json_response(me)
            case ("GET", ["oauth2", "applications", "@me"]):
                return json_response(self._application())
            case ("GET", ["gateway"]) | ("GET", ["gateway", "bot"]):
                return json_response(self._gateway_info())
            case ("PUT", ["applications", _, "commands"]):
                return json_response(await self._sync(None, request))
            case ("PUT", ["applications", _, "guilds", guild, "commands"]):
                return json_response(await self._sync(int(guild), request))
            case ("GET", ["applications", _, "commands"]):
                return json_response(self.global_commands)
            case ("GET", ["applications", _, "guilds", guild, "commands"]):
                return json_response(self.guild_commands.get(int(guild), []))
            case ("POST", ["interactions", interaction_id, token, "callback"]):
                return await self._callback(int(interaction_id), token, request)
            case ("POST", ["webhooks", _, token]):
                return await self._followup(token, request)
            case (_, ["webhooks", _, token, "messages", message]):
                return await self._webhook_message(method, token, message, request)
            case ("POST", ["channels", channel, "messages"]):
                return await self._channel_message(int(channel), request)
        self.violations.append(Violation("unhandled route", f"{method} /{'/'.join(parts)}"))
        return error_response(404, 0, "404: Not Found")

    def _take_fault(self, method: str, parts: list[str]) -> Fault | None:
        for index, fault in enumerate(self._faults):
            if fault.matches(method, parts):
                return self._faults.pop(index)
        return None

    def _application(self) -> Json:
        return {
            "id": str(self.application_id),
            "name": self.bot_user.name,
            "description": "",
            "icon": None,
            "bot_public": False,
            "bot_require_code_grant": False,
            "owner": {
                "id": str(snowflake()),
                "username": "owner",
                "discriminator": "0",
                "avatar": None,
            },
            "verify_key": "0" * 64,
            "flags": 0,
            "summary": "",
        }

    def _gateway_info(self) -> Json:
        return {
            "url": f"ws://127.0.0.1:{self._port}/gateway",
            "shards": self.recommended_shards,
            "session_start_limit": {
                "total": 1000,
                "remaining": 1000,
                "reset_after": 0,
                "max_concurrency": 1,
            },
        }

    async def _sync(self, guild_id: int | None, request: web.Request) -> list[Json]:
        body = await request.json()
        self.sync_requests.append((guild_id, body))
        problems = limits.command_problems(body)
        if problems:
            self.violations.append(Violation("invalid commands", "; ".join(problems)))
            raise Refused(error_response(400, 50035, "Invalid Form Body", problems))
        self.set_commands(body, guild_id)
        return self.guild_commands[guild_id] if guild_id is not None else self.global_commands

    def _record_for(self, token: str) -> InteractionRecord:
        record = self._by_token.get(token)
        if record is None:
            raise Refused(error_response(404, 10015, "Unknown Webhook"))
        return record

    async def _callback(
        self, interaction_id: int, token: str, request: web.Request
    ) -> web.StreamResponse:
        record = self._by_token.get(token)
        if record is None or record.id != interaction_id:
            raise Refused(error_response(404, 10062, "Unknown interaction"))
        body, files = await _read_body(request)
        elapsed = record.elapsed()
        if record.callback_type is not None:
            self.violations.append(Violation("answered twice", json.dumps(body)[:200], record.id))
            raise Refused(error_response(400, 40060, "Interaction has already been acknowledged."))
        if elapsed > self.answer_deadline:
            self.violations.append(
                Violation("answered late", f"{elapsed:.2f}s after dispatch", record.id)
            )
            raise Refused(error_response(404, 10062, "Unknown interaction"))
        kind = int(body.get("type", 0))
        data = body.get("data") or {}
        self._check_callback(record, kind, data)
        record.callback_type = kind
        record.answered_at = time.monotonic()
        message: Json | None = None
        if kind in (CHANNEL_MESSAGE, DEFERRED_CHANNEL_MESSAGE):
            flags = int(data.get("flags") or 0)
            if kind == DEFERRED_CHANNEL_MESSAGE:
                flags |= LOADING
            message = self._new_message(record, data | {"flags": flags}, files)
            record.original_message_id = int(message["id"])
        elif kind == UPDATE_MESSAGE:
            message = self._update_message(record, _clicked_message_id(record), data, files)
        elif kind == DEFERRED_UPDATE_MESSAGE:
            record.original_message_id = _clicked_message_id(record)
        record.add(
            Reply(
                "callback",
                kind,
                body,
                elapsed,
                int(message["id"]) if message else None,
                tuple(files),
                _flags(message),
            )
        )
        response: Json = {
            "interaction": {
                "id": str(record.id),
                "type": record.type,
                "response_message_loading": kind == DEFERRED_CHANNEL_MESSAGE,
                "response_message_ephemeral": bool(
                    int((message or {}).get("flags") or 0) & EPHEMERAL
                ),
            },
            "resource": {"type": kind},
        }
        if message is not None:
            response["interaction"]["response_message_id"] = message["id"]
            response["resource"]["message"] = message
        if request.query.get("with_response") in ("1", "true", "True"):
            return json_response(response)
        return web.Response(status=204)

    def _check_callback(self, record: InteractionRecord, kind: int, data: Json) -> None:
        problems: list[str] = []
        if record.type == AUTOCOMPLETE and kind != AUTOCOMPLETE_RESULT:
            problems.append(f"autocomplete interaction answered with type {kind}")
        elif kind == AUTOCOMPLETE_RESULT:
            if record.type != AUTOCOMPLETE:
                problems.append("autocomplete result for a non-autocomplete interaction")
            problems += limits.choice_problems(data.get("choices") or [])
        elif kind == DEFERRED_CHANNEL_MESSAGE and set(data) - {"flags"}:
            problems.append(f"a deferred response may carry only flags, got {sorted(data)}")
        elif kind in (UPDATE_MESSAGE, DEFERRED_UPDATE_MESSAGE) and not _on_a_message(record):
            problems.append(
                f"callback type {kind} only answers a component (or a modal opened from one)"
            )
        elif kind == MODAL:
            if record.type not in (APPLICATION_COMMAND, MESSAGE_COMPONENT):
                problems.append("a modal answers only a command or a component interaction")
            problems += limits.modal_problems(data)
        elif kind in (CHANNEL_MESSAGE, UPDATE_MESSAGE):
            problems += limits.message_problems(data)
        if problems:
            self.violations.append(Violation("invalid callback", "; ".join(problems), record.id))
            raise Refused(error_response(400, 50035, "Invalid Form Body", problems))

    def _check_files(self, record: InteractionRecord, files: Sequence[RecordedFile]) -> None:
        large = [f"{f.filename}: {len(f.data):,} bytes" for f in files
                 if len(f.data) > self.attachment_size_limit]
        if large:
            self.violations.append(Violation("file too large", "; ".join(large), record.id))
            raise Refused(error_response(413, 40005, "Request entity too large"))

    def _check_message(self, record: InteractionRecord | None, body: Json) -> None:
        problems = limits.message_problems(body)
        if problems:
            self.violations.append(
                Violation("invalid message", "; ".join(problems), record.id if record else None)
            )
            raise Refused(error_response(400, 50035, "Invalid Form Body", problems))

    async def _followup(self, token: str, request: web.Request) -> web.StreamResponse:
        record = self._record_for(token)
        body, files = await _read_body(request)
        if record.callback_type is None:
            self.violations.append(Violation("followup before answer", "", record.id))
            raise Refused(error_response(404, 10015, "Unknown Webhook"))
        if record.callback_type == MODAL:
            # the answer was the modal; its submission is a new interaction to answer
            self.violations.append(Violation("followup after a modal", "", record.id))
            raise Refused(error_response(404, 10015, "Unknown Webhook"))
        self._check_message(record, body)
        self._check_files(record, files)
        if record.callback_type == DEFERRED_CHANNEL_MESSAGE and _is_loading(
            self.messages.get(record.original_message_id or 0)
        ):
            # A followup to a pending deferral edits the "thinking" message, as Discord does.
            message = self._update_message(record, record.original_message_id, body, files)
        else:
            message = self._new_message(record, body, files)
        record.add(
            Reply(
                "followup",
                None,
                body,
                record.elapsed(),
                int(message["id"]),
                tuple(files),
                _flags(message),
            )
        )
        if request.query.get("wait") in ("1", "true", "True"):
            return json_response(message)
        return web.Response(status=204)

    async def _webhook_message(
        self, method: str, token: str, message: str, request: web.Request
    ) -> web.StreamResponse:
        record = self._record_for(token)
        message_id = record.original_message_id if message == "@original" else int(message)
        if message_id is None or message_id not in self.messages:
            raise Refused(error_response(404, 10008, "Unknown Message"))
        if method == "GET":
            return json_response(self.messages[message_id])
        if method == "DELETE":
            self.messages.pop(message_id)
            record.add(Reply("delete", None, {}, record.elapsed(), message_id))
            return web.Response(status=204)
        if method != "PATCH":
            raise Refused(error_response(405, 0, "405: Method Not Allowed"))
        body, files = await _read_body(request)
        self._check_message(record, body)
        updated = self._update_message(record, message_id, body, files)
        record.add(
            Reply("edit", None, body, record.elapsed(), message_id, tuple(files), _flags(updated))
        )
        return json_response(updated)

    async def _channel_message(self, channel_id: int, request: web.Request) -> web.StreamResponse:
        body, files = await _read_body(request)
        if channel_id in self.channel_refusals:
            return error_response(*self.channel_refusals[channel_id])
        self._check_message(None, body)
        message = self._message_payload(channel_id, None, body, files, interaction=None)
        self.messages[int(message["id"])] = message
        self.channel_messages.append(
            Reply("channel", None, body, 0.0, int(message["id"]), tuple(files))
        )
        return json_response(message)


def _flags(message: Json | None) -> int | None:
    return None if message is None else int(message.get("flags") or 0) & ~LOADING


def _is_loading(message: Json | None) -> bool:
    return message is not None and bool(int(message.get("flags") or 0) & LOADING)


def _on_a_message(record: InteractionRecord) -> bool:
    """A component interaction, or a modal submitted from a component's modal."""
    if record.type == MESSAGE_COMPONENT:
        return True
    return record.type == MODAL_SUBMIT and bool(record.payload.get("message"))


def _clicked_message_id(record: InteractionRecord) -> int | None:
    message = record.payload.get("message")
    return int(message["id"]) if message else None


async def _read_body(request: web.Request) -> tuple[Json, list[RecordedFile]]:
    """Reads a JSON body, or a multipart one (``payload_json`` plus ``files[n]``)."""
    if not request.content_type.startswith("multipart/"):
        if not request.can_read_body:
            return {}, []
        return await request.json(), []
    body: Json = {}
    files: list[RecordedFile] = []
    reader = await request.multipart()
    while True:
        part = await reader.next()
        if part is None:
            break
        if not isinstance(part, BodyPartReader):
            continue
        raw = await part.read(decode=False)
        if part.name == "payload_json":
            body = json.loads(raw)
        else:
            files.append(
                RecordedFile(
                    part.filename or part.name or "file",
                    part.headers.get("Content-Type"),
                    bytes(raw),
                )
            )
    return body, files
