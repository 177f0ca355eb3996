"""Modals through the stand-in: the callback (type 9) checked against Discord's modal limits, the
MODAL_SUBMIT interaction (type 5) built from the modal's fields, and the rules around them."""

from __future__ import annotations

import asyncio
from typing import Any

import discord
import pytest
from discord import app_commands

from bot.standin.limits import modal_problems


class Note(discord.ui.Modal):
    """One labelled field (the current form) and one in an action row (the older form)."""

    def __init__(self, *, title: str = "A note", reply: str = "message") -> None:
        super().__init__(title=title, timeout=60)
        self.reply = reply
        self.subject: discord.ui.TextInput[Any] = discord.ui.TextInput(
            custom_id="subject", max_length=20, required=False
        )
        self.body: discord.ui.TextInput[Any] = discord.ui.TextInput(
            label="Body", custom_id="body", style=discord.TextStyle.paragraph, min_length=3
        )
        self.add_item(discord.ui.Label(text="Subject", component=self.subject))
        self.add_item(self.body)

    async def on_submit(self, interaction: discord.Interaction[Any]) -> None:
        text = f"{self.subject.value or '-'}: {self.body.value}"
        if self.reply == "update":
            await interaction.response.edit_message(content=text)
        else:
            await interaction.response.send_message(text, ephemeral=True)


async def _add(e2e, name: str, modal: Any, *, then_followup: bool = False) -> None:
    @app_commands.command(name=name, description="Opens a form")
    async def command(interaction: discord.Interaction[Any]) -> None:
        await interaction.response.send_modal(modal())
        if then_followup:
            await interaction.followup.send("and more")

    e2e.bot.tree.add_command(command)
    await e2e.refresh_commands()


async def test_a_modal_is_recorded_and_its_submission_reaches_the_bot(e2e):
    await _add(e2e, "note", Note)
    handle = await e2e.invoke("note")
    [form] = await handle.responses()
    assert form.is_modal and form.body["type"] == 9 and form.text().startswith("A note")
    assert [c["type"] for c in form.message["components"]] == [18, 1]
    submitted = await e2e.standin.submit_modal(
        handle, {"subject": "Kursk", "Body": "three words here"}
    )
    replies = await submitted.responses()
    assert [r.content for r in replies] == ["Kursk: three words here"]
    assert submitted.payload["type"] == 5
    assert submitted.payload["data"]["custom_id"] == form.message["custom_id"]
    components = submitted.payload["data"]["components"]
    assert components[0]["type"] == 18 and components[0]["component"]["value"] == "Kursk"
    assert components[1]["type"] == 1 and components[1]["components"][0]["custom_id"] == "body"
    assert submitted.payload["member"]["user"]["id"] == handle.payload["member"]["user"]["id"]


async def test_what_the_client_would_not_send_is_refused(e2e):
    await _add(e2e, "note", Note)
    handle = await e2e.invoke("note")
    await handle.responses()
    with pytest.raises(ValueError, match="'Body' is required"):
        await e2e.standin.submit_modal(handle, {"subject": "x"})
    with pytest.raises(ValueError, match="'Body' takes 3-4000 characters"):
        await e2e.standin.submit_modal(handle, {"body": "no"})
    with pytest.raises(ValueError, match="'Subject' takes 0-20 characters"):
        await e2e.standin.submit_modal(handle, {"subject": "s" * 21, "body": "long enough"})
    with pytest.raises(LookupError, match="no field 'colour'"):
        await e2e.standin.submit_modal(handle, {"colour": "red"})
    (plain,) = await e2e.ask("about")
    with pytest.raises(LookupError, match="not answered with a modal"):
        await e2e.standin.submit_modal(plain, {"body": "abc"})


async def test_a_modal_over_the_limits_is_refused_as_discord_would(e2e):
    await _add(e2e, "long", lambda: Note(title="t" * 46))
    e2e.expect_violation("invalid callback")
    e2e.expect_error("interaction")
    (reply,) = await e2e.ask("long")
    assert not reply.is_modal and reply.content.startswith("Sorry")


async def test_a_followup_after_a_modal_and_an_update_without_a_message_are_refused(e2e):
    await _add(e2e, "chatty", Note, then_followup=True)
    # the command's followup, then the error handler's: both go to a spent token
    e2e.expect_violation("followup after a modal")
    e2e.expect_violation("followup after a modal")
    e2e.expect_error("interaction")
    handle = await e2e.invoke("chatty")
    await handle.responses()
    await _add(e2e, "updating", lambda: Note(reply="update"))
    e2e.expect_violation("invalid callback")
    e2e.expect_error("modal")
    handle = await e2e.invoke("updating")
    await handle.responses()
    submitted = await e2e.standin.submit_modal(handle, {"body": "abc"})
    for _ in range(100):
        if any(v.interaction_id == submitted.id for v in e2e.standin.violations):
            break
        await asyncio.sleep(0.02)
    [refused] = [v for v in e2e.standin.violations if v.interaction_id == submitted.id]
    assert "callback type 7 only answers a component" in refused.detail
    assert submitted.replies == []


def test_modal_limits():
    field = {"type": 4, "custom_id": "t", "style": 2}
    label = {"type": 18, "label": "Text", "component": field}
    good = {"custom_id": "m", "title": "Paste", "components": [label]}
    assert modal_problems(good) == []
    assert modal_problems(good | {"title": "t" * 46})
    assert modal_problems(good | {"components": [label] * 6})
    assert modal_problems(good | {"components": []})
    assert modal_problems(good | {"components": [label | {"label": "l" * 46}]})
    assert modal_problems(good | {"components": [label | {"description": "d" * 101}]})
    labelled = label | {"component": field | {"label": "twice"}}
    assert "no label of its own" in modal_problems(good | {"components": [labelled]})[0]
    for bad in ({"max_length": 4001}, {"min_length": 5, "max_length": 4}, {"value": "v" * 4001},
                {"placeholder": "p" * 101}, {"style": 3}):
        assert modal_problems(good | {"components": [label | {"component": field | bad}]}), bad
    row = {"type": 1, "components": [field]}
    assert "label must be 1-45" in modal_problems(good | {"components": [row]})[0]
    assert modal_problems(good | {"components": [label, label]}) == [
        "custom_id 't' is used twice in the modal"
    ]
    assert modal_problems(good | {"components": [{"type": 2, "label": "a button"}]})
