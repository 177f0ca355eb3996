"""The real discord.py logs in to the stand-in and the bot answers /about within Discord limits."""

from __future__ import annotations

from bot.facts.extract import extract
from bot.facts.model import Document
from bot.render.text import counted
from bot.standin import EPHEMERAL


async def test_bot_logs_in_and_sees_the_stand_in_guilds(e2e):
    standin, bot = e2e
    assert bot.is_ready()
    assert bot.user is not None and bot.user.id == standin.bot_user.id
    assert bot.application_id == standin.application_id
    assert {g.id for g in bot.guilds} == {g.id for g in standin.guilds}
    guild = bot.get_guild(standin.guild.id)
    assert guild is not None and guild.get_channel(standin.guild.default_channel.id) is not None
    assert not bot.intents.message_content and not bot.intents.members
    assert "about" in {c["name"] for c in standin.commands_for(standin.guild.id)}


async def test_about_answers_publicly_within_limits_with_mentions_off(e2e):
    replies = await e2e.ask("about")
    assert len(replies) == 1
    (reply,) = replies
    assert reply.kind == "callback" and reply.type == 4
    assert not reply.flags & EPHEMERAL
    assert reply.allowed_mentions is not None and reply.allowed_mentions["parse"] == []
    (embed,) = reply.embeds
    names = [f["name"] for f in embed["fields"]]
    assert names[:2] == ["Fact base", "Last updated"]
    stats = await e2e.bot.store.stats(e2e.standin.guild.id)
    assert stats.documents >= 1
    assert counted(stats.documents, "document") in embed["fields"][0]["value"]
    assert counted(stats.figures, "figure") in embed["fields"][0]["value"]
    assert "/about" in embed["footer"]["text"]


def _documents(reply) -> str:
    return str(reply.embeds[0]["fields"][0]["value"]).split(" document")[0]


async def test_about_counts_only_what_the_server_can_see(e2e):
    standin, bot = e2e
    here, elsewhere = standin.guilds
    before_here = _documents((await e2e.ask("about", guild_id=here.id))[0])
    before_elsewhere = _documents((await e2e.ask("about", guild_id=elsewhere.id))[0])
    text = "---\npublished: 2024-11-20\n---\nLocal notes on the Kursk fighting.\n"
    await bot.store.ingest(extract(Document(key="local.md", text=text)), guild_id=here.id)
    after_here = _documents((await e2e.ask("about", guild_id=here.id))[0])
    after_elsewhere = _documents((await e2e.ask("about", guild_id=elsewhere.id))[0])
    assert int(after_here.replace(",", "")) == int(before_here.replace(",", "")) + 1
    assert after_elsewhere == before_elsewhere
