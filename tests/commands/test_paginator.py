"""The paginator view end to end: a timed-out view greys out its buttons on the message."""

from __future__ import annotations

import asyncio
from typing import Any

import discord
from discord import app_commands

from bot.views import send_pages

PAGES = 3
SHORT_TIMEOUT = 0.3


def buttons(message: dict[str, Any]) -> list[dict[str, Any]]:
    return [item for row in message.get("components", []) for item in row.get("components", [])]


async def test_a_timed_out_paginator_disables_its_buttons_by_editing_the_message(e2e):
    standin, bot = e2e

    @app_commands.command(name="pages", description="Three pages that stop turning soon")
    async def pages(interaction: discord.Interaction[Any]) -> None:
        embeds = [discord.Embed(title=f"Page {i + 1}") for i in range(PAGES)]
        await send_pages(interaction, embeds, timeout=SHORT_TIMEOUT)

    bot.tree.add_command(pages)
    e2e.refresh_commands()
    replies = await e2e.ask("pages")
    sent = [r for r in replies if not r.is_deferral][-1]
    live = buttons(standin.messages[sent.message_id])
    assert any(not b.get("disabled") for b in live), "the first page offers Next and Last"

    for _ in range(50):  # the timeout fires after SHORT_TIMEOUT; allow for a slow machine
        await asyncio.sleep(0.1)
        stored = standin.messages[sent.message_id]
        if all(b.get("disabled") for b in buttons(stored)):
            break
    stored = standin.messages[sent.message_id]
    assert len(buttons(stored)) == len(live) == 5
    assert all(b.get("disabled") for b in buttons(stored))
    assert stored["embeds"][0]["title"] == "Page 1"  # only the buttons changed
