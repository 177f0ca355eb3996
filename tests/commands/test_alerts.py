"""Alerts end to end: /admin alerts, posting new figures after an ingest, contradictions called
out, and a channel that is gone or closed to the bot."""

from __future__ import annotations

import shutil

import pytest

from bot.standin import MANAGE_GUILD, MEMBER_PERMISSIONS, FakeUser
from tests.commands.test_admin import answer, ingest
from tests.standin.harness import replies_text

MOD = MEMBER_PERMISSIONS | MANAGE_GUILD
OWNER = FakeUser(4242, "operator")
#: Two figures about the same time as the seed's (its January 2025), published three days after
#: that month: 100 killed (HUR) conflicts with the seed's "at least 300" (NIS); about 1,000
#: wounded (NIS) revises the NIS's own 2,700. (Dated early February rather than at the end of
#: March: claims about times more than 28 days apart are revisions, not contradictions.)
CONTRADICTING = (
    b"---\ntitle: Kursk update\npublisher: Test Wire\npublished: 2025-02-03\n---\n"
    b"Ukraine's military intelligence said on Monday that 100 North Korean soldiers had been"
    b" killed in Kursk.\n"
    b"South Korea's NIS said that about 1,000 North Korean soldiers had been wounded.\n"
)
#: Two claims about different times: 1,500 killed in early October, then 11,000 by 19 December.
EARLY_OCTOBER = (
    b"---\ntitle: Early report\npublisher: Wire A\npublished: 2024-10-08\n---\n"
    b"Ukraine's military intelligence said that 1,500 North Korean soldiers had been killed in"
    b" early October.\n"
)
MID_DECEMBER = (
    b"---\ntitle: December report\npublisher: Wire B\npublished: 2024-12-20\n---\n"
    b"The Pentagon said that 11,000 North Korean soldiers had been killed as of 19 December.\n"
)
AGREEING = (
    b"---\ntitle: Another update\npublisher: Other Wire\npublished: 2025-04-02\n---\n"
    b"South Korea's NIS said on Tuesday that at least 350 North Korean soldiers had been killed"
    b" in Kursk.\n"
)


@pytest.fixture
def e2e_settings(seeded_base, tmp_path):
    seeds = tmp_path / "seeds"
    shutil.copytree(seeded_base.seeds_dir, seeds)
    return seeded_base.settings(tmp_path, seeds_dir=seeds, owner_ids=frozenset({OWNER.id}))


async def subscribe(e2e, guild, channel=None, **options):
    channel = channel or guild.default_channel
    reply = answer(
        await e2e.ask(
            "admin alerts", {"channel": channel, **options}, member_permissions=MOD,
            guild_id=guild.id,
        )
    )
    assert reply.ephemeral and reply.allowed_mentions == {"parse": []}
    return reply


def posted_to(e2e, channel_id):
    messages = e2e.standin.messages
    return [
        m
        for m in e2e.standin.channel_messages
        if int(messages[m.message_id]["channel_id"]) == channel_id
    ]


async def test_alerts_setting_is_per_server_and_shown(e2e):
    first, second = e2e.standin.guilds
    reply = answer(await e2e.ask("admin alerts", member_permissions=MOD))
    assert "No alert channel is set" in reply.text()
    reply = await subscribe(e2e, first)
    assert f"<#{first.default_channel.id}>" in reply.text()
    shown = answer(await e2e.ask("admin alerts", member_permissions=MOD)).text()
    assert "Alerts are **on**" in shown and "No delivery problem" in shown
    other = answer(await e2e.ask("admin alerts", member_permissions=MOD, guild_id=second.id))
    assert "No alert channel is set" in other.text()
    refused = answer(await e2e.ask("admin alerts", {"channel": first.default_channel}))
    assert "Only this server's moderators" in refused.text()
    await subscribe(e2e, first, enabled=False)
    assert "Alerts are **off**" in answer(
        await e2e.ask("admin alerts", member_permissions=MOD)
    ).text()


async def test_subscribed_server_gets_the_new_figures_and_contradictions(e2e):
    first, second = e2e.standin.guilds
    await subscribe(e2e, first)
    _, stored = await ingest(e2e, CONTRADICTING, "kursk.txt")
    assert "Stored" in stored.text()
    await e2e.bot.alerts.idle()
    messages = posted_to(e2e, first.default_channel.id)
    assert len(messages) == 1, "one message per document per channel"
    alert = messages[0]
    assert alert.allowed_mentions == {"parse": []}
    text = alert.text()
    assert "2 new figures from Kursk update — Test Wire, 3 Feb 2025" in text
    assert "1 of them disagrees" in text
    # the contradiction sits beside the figures it contradicts, in the new figure's group
    killed = text.index("North Korea · killed")
    conflict = text.index("Contradicts")
    assert killed < text.index("**100**") < conflict
    assert "**at least 300** · NIS" in text[conflict:]
    # the NIS's own lower number is a revision, named with both dates, not a contradiction
    assert "↘ revised down from 2,700 (Jan 2025*) to about 1,000 (3 Feb 2025)" in text
    assert "**2,700** · NIS" in text[text.index("revised down"):]
    assert text.count("Contradicts") == 1
    assert not posted_to(e2e, second.default_channel.id)


async def test_a_claim_about_a_later_time_is_a_revision_not_a_contradiction(e2e):
    first, _ = e2e.standin.guilds
    await ingest(e2e, EARLY_OCTOBER, "october.txt")
    await subscribe(e2e, first)
    await ingest(e2e, MID_DECEMBER, "december.txt")
    await e2e.bot.alerts.idle()
    (alert,) = posted_to(e2e, first.default_channel.id)
    text = alert.text()
    assert "**11,000** · Pentagon" in text
    assert "↗ revised up from 1,500 (Oct 2024) to 11,000 (19 Dec 2024)" in text
    assert "**1,500** · HUR" in text[text.index("revised up"):]
    assert "disagree" not in text and "Contradicts" not in text


async def test_agreeing_figure_is_posted_without_a_contradiction(e2e):
    first, _ = e2e.standin.guilds
    await subscribe(e2e, first)
    await ingest(e2e, AGREEING, "agree.txt")
    await e2e.bot.alerts.idle()
    (alert,) = posted_to(e2e, first.default_channel.id)
    assert "at least 350" in alert.text()
    assert "disagree" not in alert.text() and "Contradicts" not in alert.text()


async def test_unsubscribed_or_disabled_servers_get_nothing(e2e):
    _, second = e2e.standin.guilds
    await subscribe(e2e, second, enabled=False)
    await ingest(e2e, CONTRADICTING, "kursk.txt")
    await ingest(e2e, AGREEING, "agree.txt", guild_id=second.id)
    await e2e.bot.alerts.idle()
    assert e2e.standin.channel_messages == []


async def test_a_deleted_channel_breaks_nothing_and_moderators_see_why(e2e):
    first, _ = e2e.standin.guilds
    await subscribe(e2e, first)
    e2e.standin.delete_channel(first.default_channel.id)
    _, stored = await ingest(e2e, CONTRADICTING, "kursk.txt")
    assert "Stored `kursk.txt`" in stored.text() or "Stored" in stored.text()
    await e2e.bot.alerts.idle()
    assert e2e.standin.channel_messages == []
    figures = await e2e.bot.store.figures(first.id, metrics=["killed"], source="HUR")
    assert [f.low for f in figures] == [100]
    shown = answer(await e2e.ask("admin alerts", member_permissions=MOD)).text()
    assert "Last delivery problem" in shown and "no longer exists" in shown
    assert "Unknown Channel" in shown


async def test_missing_permission_is_recorded_and_cleared_by_a_later_delivery(e2e):
    first, _ = e2e.standin.guilds
    channel = first.default_channel
    await subscribe(e2e, first)
    e2e.standin.deny_channel(channel.id)
    await ingest(e2e, CONTRADICTING, "kursk.txt")
    await e2e.bot.alerts.idle()
    shown = answer(await e2e.ask("admin alerts", member_permissions=MOD)).text()
    assert "may not post there" in shown and "Missing Permissions" in shown
    del e2e.standin.channel_refusals[channel.id]
    await ingest(e2e, AGREEING, "agree.txt")
    await e2e.bot.alerts.idle()
    assert len(posted_to(e2e, channel.id)) == 1
    shown = answer(await e2e.ask("admin alerts", member_permissions=MOD)).text()
    assert "delivered since then" in shown


async def test_a_new_shared_seed_goes_to_every_subscribed_server(e2e):
    first, second = e2e.standin.guilds
    await subscribe(e2e, first)
    await subscribe(e2e, second)
    e2e.bot.settings.seeds_dir.joinpath("zz_update.txt").write_bytes(CONTRADICTING)
    reply = answer(await e2e.ask("admin reload", user=OWNER))
    assert "1 added" in replies_text([reply])
    await e2e.bot.alerts.idle()
    for guild in (first, second):
        (alert,) = posted_to(e2e, guild.default_channel.id)
        assert "2 new figures from Kursk update — Test Wire, 3 Feb 2025" in alert.text()
    # unchanged on the next reload: nothing is posted again
    answer(await e2e.ask("admin reload", user=OWNER))
    await e2e.bot.alerts.idle()
    assert len(e2e.standin.channel_messages) == 2
