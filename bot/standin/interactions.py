"""Interactions the Discord stand-in dispatches to the bot: slash commands (``invoke``),
autocomplete, button presses (``click``), modal submissions (``submit_modal``), each an
INTERACTION_CREATE payload as Discord builds it; :class:`InteractionHandle` waits for what the
bot answers."""

from __future__ import annotations

import asyncio
import copy
import secrets
import time
from collections.abc import Callable, Mapping, Sequence

import discord

from bot.standin.gateway import GatewayPart
from bot.standin.limits import ACTION_ROW, LABEL, modal_fields, submitted_problems
from bot.standin.messages import find_component
from bot.standin.options import build_command_data
from bot.standin.payloads import (
    BOT_PERMISSIONS,
    MEMBER_PERMISSIONS,
    FakeAttachment,
    FakeUser,
    Json,
    member_payload,
    snowflake,
)
from bot.standin.records import (
    APPLICATION_COMMAND,
    AUTOCOMPLETE,
    AUTOCOMPLETE_RESULT,
    MESSAGE_COMPONENT,
    MODAL_SUBMIT,
    InteractionRecord,
    Reply,
)


class InteractionHandle:
    """A dispatched interaction; await its replies."""

    def __init__(self, record: InteractionRecord) -> None:
        self._record = record

    @property
    def id(self) -> int:
        return self._record.id

    @property
    def token(self) -> str:
        return self._record.token

    @property
    def payload(self) -> Json:
        """The INTERACTION_CREATE payload the bot received."""
        return self._record.payload

    @property
    def replies(self) -> list[Reply]:
        """What the bot has sent for this interaction so far."""
        return list(self._record.replies)

    @property
    def latency(self) -> float | None:
        """Seconds from dispatch to the initial callback, once it arrived."""
        if self._record.answered_at is None:
            return None
        return self._record.answered_at - self._record.dispatched_at

    async def callback(self, timeout: float = 5.0) -> Reply:
        """Waits for the initial interaction callback and returns it."""
        await self._wait_for(
            lambda: any(r.kind == "callback" for r in self._record.replies), timeout
        )
        return next(r for r in self._record.replies if r.kind == "callback")

    async def responses(self, timeout: float = 5.0, settle: float = 0.05) -> list[Reply]:
        """Everything the bot sent for this interaction, in order.

        Waits for the callback; after a deferral also for the message that completes it; then
        until the bot has been quiet for ``settle`` seconds.
        """
        record = self._record
        await self.callback(timeout)
        if record.replies[0].is_deferral and record.type != AUTOCOMPLETE:
            await self._wait_for(lambda: len(record.replies) > 1, timeout)
        while True:
            seen = len(record.replies)
            record.changed.clear()
            try:
                await asyncio.wait_for(record.changed.wait(), settle)
            except TimeoutError:
                if len(record.replies) == seen:
                    return list(record.replies)

    async def _wait_for(self, done: Callable[[], bool], timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while not done():
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError(
                    f"interaction {self.id} got no answer within {timeout:.1f}s "
                    f"(replies so far: {[r.kind for r in self._record.replies]})"
                )
            self._record.changed.clear()
            if done():
                return
            try:
                await asyncio.wait_for(self._record.changed.wait(), remaining)
            except TimeoutError:
                continue


class InteractionsPart(GatewayPart):
    """Builds interaction payloads and sends them through the gateway."""

    def attachment(
        self, filename: str, data: bytes, content_type: str = "text/plain; charset=utf-8"
    ) -> FakeAttachment:
        """A file to pass as an attachment option value; the bot can download it."""
        item = FakeAttachment(filename, data, content_type)
        self._attachments[item.id] = item
        return item

    def fail_download(self, attachment: FakeAttachment, status: int | None = None) -> None:
        """From now on, downloading ``attachment`` fails: Discord's CDN answers ``status``, or
        with None the connection drops before any answer."""
        self._failing_downloads[attachment.id] = status

    async def invoke(
        self,
        command: str,
        options: Mapping[str, object] | None = None,
        *,
        user: FakeUser | None = None,
        guild_id: int | None = None,
        channel_id: int | None = None,
        member_permissions: int | discord.Permissions | None = None,
        roles: Sequence[int] = (),
        dm: bool = False,
        locale: str = "en-US",
    ) -> InteractionHandle:
        """Dispatches a slash command; ``command`` may name a subcommand ("admin hide")."""
        where = self._where(guild_id, channel_id, dm)
        data = build_command_data(
            self.commands_for(where[0]), command, options or {}, focused=None, cdn_base=self.url
        )
        payload = self._interaction(
            APPLICATION_COMMAND, data, where, user, member_permissions, roles, locale
        )
        return await self._dispatch(payload)

    async def autocomplete(
        self,
        command: str,
        options: Mapping[str, object],
        focused: str,
        *,
        user: FakeUser | None = None,
        guild_id: int | None = None,
        member_permissions: int | discord.Permissions | None = None,
        roles: Sequence[int] = (),
        locale: str = "en-US",
        timeout: float = 5.0,
    ) -> list[Json]:
        """Sends what a user typed so far in option ``focused``; returns the bot's choices."""
        handle = await self.start_autocomplete(
            command, options, focused, user=user, guild_id=guild_id,
            member_permissions=member_permissions, roles=roles, locale=locale,
        )
        reply = await handle.callback(timeout)
        if reply.type != AUTOCOMPLETE_RESULT:
            raise AssertionError(f"autocomplete answered with callback type {reply.type}")
        return reply.choices

    async def start_autocomplete(
        self,
        command: str,
        options: Mapping[str, object],
        focused: str,
        *,
        user: FakeUser | None = None,
        guild_id: int | None = None,
        member_permissions: int | discord.Permissions | None = None,
        roles: Sequence[int] = (),
        locale: str = "en-US",
    ) -> InteractionHandle:
        """Dispatches an autocomplete interaction without waiting for its answer."""
        where = self._where(guild_id, None, False)
        data = build_command_data(
            self.commands_for(where[0]), command, options, focused=focused, cdn_base=self.url
        )
        payload = self._interaction(
            AUTOCOMPLETE, data, where, user, member_permissions, roles, locale
        )
        return await self._dispatch(payload)

    async def click(
        self,
        message: Reply | int,
        custom_id: str,
        *,
        user: FakeUser | None = None,
        values: Sequence[str] | None = None,
        member_permissions: int | discord.Permissions | None = None,
        roles: Sequence[int] = (),
        locale: str = "en-US",
    ) -> InteractionHandle:
        """Presses the button (or picks ``values`` in the select) ``custom_id`` on a bot message."""
        message_id = message if isinstance(message, int) else message.message_id
        if message_id is None or message_id not in self.messages:
            raise LookupError(f"no message {message_id} from the bot to click on")
        stored = self.messages[message_id]
        component = find_component(stored.get("components") or [], custom_id)
        if component is None:
            raise LookupError(f"message {message_id} has no component {custom_id!r}")
        if component.get("disabled"):
            raise ValueError(f"component {custom_id!r} is disabled")
        data: Json = {"custom_id": custom_id, "component_type": component["type"]}
        if values is not None:
            data["values"] = list(values)
        guild_id = int(stored["guild_id"]) if stored.get("guild_id") else None
        where = self._where(guild_id, int(stored["channel_id"]), guild_id is None)
        payload = self._interaction(
            MESSAGE_COMPONENT, data, where, user, member_permissions, roles, locale
        )
        payload["message"] = stored
        return await self._dispatch(payload)

    async def submit_modal(
        self,
        opened: InteractionHandle | Reply,
        values: Mapping[str, str],
        *,
        member_permissions: int | discord.Permissions | None = None,
    ) -> InteractionHandle:
        """Submits the modal the bot answered ``opened`` with, as its user would: ``values``
        maps a text input's custom_id (or its label) to what was typed; fields left out are
        submitted empty. Raises ValueError where Discord's client would not let the form be
        sent (a required field empty, a value too long or too short).

        ``member_permissions`` changes the member's permissions since the modal was opened.
        """
        record = self._record_of(opened)
        modal = next((r for r in record.replies if r.is_modal), None)
        if modal is None:
            raise LookupError(f"interaction {record.id} was not answered with a modal")
        form = modal.message
        fields = modal_fields(form)
        by_name = {str(f.get("custom_id")): f for f, _ in fields}
        by_name.update({label.lower(): f for f, label in fields if label.lower() not in by_name})
        typed: dict[str, str] = {}
        for name, value in values.items():
            field = by_name.get(name) or by_name.get(name.lower())
            if field is None:
                raise LookupError(f"the modal has no field {name!r}")
            typed[str(field["custom_id"])] = value
        problems = [
            problem
            for field, label in fields
            for problem in submitted_problems(field, label, typed.get(str(field["custom_id"]), ""))
        ]
        if problems:
            raise ValueError("Discord would not send this form: " + "; ".join(problems))
        payload = copy.deepcopy(record.payload)
        payload |= {
            "id": str(snowflake()),
            "type": MODAL_SUBMIT,
            "token": "aW50ZXJhY3Rpb24" + secrets.token_urlsafe(48),
            "data": {
                "custom_id": form["custom_id"],
                "components": _submitted_components(form, typed),
            },
        }
        if member_permissions is not None and "member" in payload:
            if isinstance(member_permissions, discord.Permissions):
                member_permissions = member_permissions.value
            payload["member"]["permissions"] = str(member_permissions)
        return await self._dispatch(payload)

    def _record_of(self, opened: InteractionHandle | Reply) -> InteractionRecord:
        if isinstance(opened, InteractionHandle):
            return self.interactions[opened.id]
        for record in self.interactions.values():
            if any(reply is opened for reply in record.replies):
                return record
        raise LookupError("that reply answers no interaction the stand-in dispatched")

    def _where(
        self, guild_id: int | None, channel_id: int | None, dm: bool
    ) -> tuple[int | None, int]:
        if dm:
            return None, channel_id or snowflake()
        guild = self._guild(guild_id) if guild_id else self.guild
        return guild.id, channel_id or guild.default_channel.id

    def _interaction(
        self,
        kind: int,
        data: Json,
        where: tuple[int | None, int],
        user: FakeUser | None,
        permissions: int | discord.Permissions | None,
        roles: Sequence[int],
        locale: str,
    ) -> Json:
        user = user or self.default_user
        guild_id, channel_id = where
        if isinstance(permissions, discord.Permissions):
            permissions = permissions.value
        payload: Json = {
            "id": str(snowflake()),
            "application_id": str(self.application_id),
            "type": kind,
            "data": data,
            "token": "aW50ZXJhY3Rpb24" + secrets.token_urlsafe(48),
            "version": 1,
            "locale": locale,
            "entitlements": [],
            "attachment_size_limit": self.attachment_size_limit,
            "app_permissions": str(BOT_PERMISSIONS),
        }
        if guild_id is not None:
            guild = self._guild(guild_id)
            channel = next((c for c in guild.channels if c.id == channel_id), guild.default_channel)
            perms = MEMBER_PERMISSIONS if permissions is None else permissions
            payload |= {
                "guild_id": str(guild_id),
                "guild": {"id": str(guild_id), "locale": guild.locale, "features": []},
                "guild_locale": guild.locale,
                "channel_id": str(channel.id),
                "channel": channel.payload(guild_id),
                "member": member_payload(user, roles=tuple(roles), permissions=perms),
                "authorizing_integration_owners": {"0": str(guild_id)},
                "context": 0,
            }
        else:
            payload |= {
                "channel_id": str(channel_id),
                "channel": {"id": str(channel_id), "type": 1, "recipients": [user.payload()]},
                "user": user.payload(),
                "authorizing_integration_owners": {"1": str(user.id)},
                "context": 1,
            }
        return payload

    async def _dispatch(self, payload: Json) -> InteractionHandle:
        guild_id = int(payload["guild_id"]) if payload.get("guild_id") else None
        session = self._session_for(guild_id)
        record = InteractionRecord(
            id=int(payload["id"]), token=payload["token"], type=payload["type"], payload=payload
        )
        self.interactions[record.id] = record
        self._by_token[record.token] = record
        await self._send_event("INTERACTION_CREATE", payload, session)
        return InteractionHandle(record)


def _submitted_components(form: Json, typed: Mapping[str, str]) -> list[Json]:
    """The ``components`` of a MODAL_SUBMIT: each label or row with its text input's value
    (ids numbered as Discord numbers components the bot left unnumbered)."""
    submitted: list[Json] = []
    number = 0

    def numbered(component: Json) -> int:
        nonlocal number
        number += 1
        return int(component.get("id") or number)

    def field(inner: Json) -> Json:
        custom_id = str(inner.get("custom_id"))
        return {
            "type": inner["type"],
            "id": numbered(inner),
            "custom_id": custom_id,
            "value": typed.get(custom_id, ""),
        }

    for component in form.get("components") or []:
        if component.get("type") == LABEL:
            outer = numbered(component)
            submitted.append(
                {"type": LABEL, "id": outer, "component": field(component["component"])}
            )
        elif component.get("type") == ACTION_ROW:
            outer = numbered(component)
            inner = [field(c) for c in component.get("components") or []]
            submitted.append({"type": ACTION_ROW, "id": outer, "components": inner})
    return submitted
