"""Buttons, autocomplete, attachments and subcommands through the stand-in."""

from __future__ import annotations

import discord
from discord import app_commands

from bot.standin.limits import choice_problems

SUBJECTS = ["North Korea", "Russia", "Ukraine"]


class Counter(discord.ui.View):
    def __init__(self) -> None:
        super().__init__(timeout=60)
        self.count = 0

    @discord.ui.button(label="More", custom_id="counter:more")
    async def more(
        self, interaction: discord.Interaction, button: discord.ui.Button[Counter]
    ) -> None:
        self.count += 1
        if self.count >= 2:
            button.disabled = True
        await interaction.response.edit_message(content=f"count {self.count}", view=self)


async def subject_choices(interaction: discord.Interaction, current: str):
    return [app_commands.Choice(name=s, value=s) for s in SUBJECTS if current.lower() in s.lower()]


group = app_commands.Group(name="demo", description="Demo commands")


@group.command(name="count", description="A counter with a button")
async def count(interaction: discord.Interaction) -> None:
    await interaction.response.send_message("count 0", view=Counter(), ephemeral=True)


@group.command(name="pick", description="Autocomplete a subject")
@app_commands.autocomplete(subject=subject_choices)
async def pick(interaction: discord.Interaction, subject: str, limit: int = 5) -> None:
    await interaction.response.send_message(f"{subject} {limit}")


@group.command(name="upload", description="Read an attached document")
async def upload(interaction: discord.Interaction, document: discord.Attachment) -> None:
    await interaction.response.defer(ephemeral=True, thinking=True)
    text = (await document.read()).decode()
    await interaction.followup.send(f"{document.filename}: {len(text.split())} words")


async def _with_demo(e2e) -> None:
    e2e.bot.tree.add_command(group)
    await e2e.refresh_commands()


async def test_a_button_updates_its_message_until_disabled(e2e):
    await _with_demo(e2e)
    (first,) = await e2e.ask("demo count")
    assert first.ephemeral and first.components[0]["components"][0]["label"] == "More"
    (update,) = await e2e.click(first, "counter:more")
    assert update.type == 7 and update.content == "count 1"
    (update,) = await e2e.click(first, "counter:more")
    assert update.content == "count 2"
    assert e2e.standin.messages[first.message_id]["components"][0]["components"][0]["disabled"]
    try:
        await e2e.standin.click(first, "counter:more")
    except ValueError as exc:
        assert "disabled" in str(exc)
    else:
        raise AssertionError("a disabled button was clickable")


async def test_autocomplete_returns_choices_within_limits(e2e):
    await _with_demo(e2e)
    choices = await e2e.standin.autocomplete("demo pick", {"subject": "or"}, focused="subject")
    assert [c["name"] for c in choices] == ["North Korea"]
    assert choice_problems(choices) == []
    (reply,) = await e2e.ask("demo pick", {"subject": "Russia", "limit": "3"})
    assert reply.content == "Russia 3"


async def test_an_attachment_option_is_downloadable_and_deferral_is_completed(e2e):
    await _with_demo(e2e)
    document = e2e.standin.attachment("report.txt", b"Some eleven hundred troops were there.")
    replies = await e2e.ask("demo upload", {"document": document})
    assert [(r.kind, r.type) for r in replies] == [("callback", 5), ("followup", None)]
    assert replies[0].body == {"type": 5, "data": {"flags": 64}}
    assert replies[1].content == "report.txt: 6 words" and replies[1].ephemeral
