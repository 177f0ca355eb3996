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
    await e2e.refresh_commands()
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


class FailingPages:
    """Three pages; the second cannot be rendered."""

    page_count = 3

    async def page(self, index: int) -> discord.Embed:
        if index == 1:
            raise RuntimeError("page two is broken")
        return discord.Embed(title=f"Page {index + 1}")


async def test_a_failing_button_gets_the_central_handlers_apology(e2e):
    """Views answer their failures as commands do: a short private apology with a reference
    that is also in the log (before, the click went unanswered and Discord showed a failure)."""
    standin, bot = e2e

    @app_commands.command(name="brokenpages", description="Pages whose second page fails")
    async def brokenpages(interaction: discord.Interaction[Any]) -> None:
        await send_pages(interaction, FailingPages())

    bot.tree.add_command(brokenpages)
    await e2e.refresh_commands()
    sent = [r for r in await e2e.ask("brokenpages") if not r.is_deferral][-1]
    next_button = next(b for b in buttons(standin.messages[sent.message_id])
                       if b.get("label") == "Next ›")
    e2e.expect_error("page two is broken")
    [reply] = await e2e.click(sent, next_button["custom_id"])
    assert reply.ephemeral and reply.content is not None
    assert reply.content.startswith("Sorry, something went wrong on my side (reference `")
