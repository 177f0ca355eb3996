"""/admin feeds and /admin queue end to end: following a feed served on 127.0.0.1, the poller
the bot runs, the review queue with the preview of an upload, autostore with its alert, and
the audit of every decision."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

import pytest

from bot.facts.store.audit import BOT_ACTOR
from bot.facts.store.intake import Feeds, ReviewQueue
from bot.facts.store.overlays import Moderation
from bot.intake.fetch import FEED_KINDS
from bot.standin import FakeUser
from tests.commands.news import (
    FEED,
    LOSSES,
    MOD,
    PRISONERS,
    own_documents,
    serve_news,
    server_figures,
)
from tests.commands.test_admin import answer, button_id
from tests.intake.articles import EXPECTED, article_page, rss
from tests.site import Page

OTHER_MOD = FakeUser(777, "other moderator")


@pytest.fixture
def e2e_settings(seeded_base, tmp_path):
    return seeded_base.settings(tmp_path, allow_private_urls=True)


async def follow(e2e, url, *, guild_id=None):
    replies = await e2e.ask(
        "admin feeds add", {"url": url}, member_permissions=MOD, guild_id=guild_id, timeout=15.0
    )
    assert replies[0].is_deferral
    return answer(replies)


async def press(e2e, message, label, **kwargs):
    handle = await e2e.standin.click(message, button_id(message, label), **kwargs)
    return answer(await handle.responses(timeout=15.0))


async def test_a_followed_feeds_articles_are_reviewed_one_by_one(e2e, site):
    serve_news(site)
    guild = e2e.standin.guild.id
    reply = await follow(e2e, site.url(FEED))
    assert reply.ephemeral and "Following **Chronicle: World**" in reply.text()
    assert "put in `/admin queue` for review" in reply.text()
    await e2e.bot.feed_poller.poll_due()
    assert await ReviewQueue(e2e.bot.store).count(guild) == 2
    assert await own_documents(e2e.bot, guild) == [], "queued articles are not stored"

    listed = answer(await e2e.ask("admin feeds list", member_permissions=MOD)).text()
    assert "Chronicle: World" in listed and site.url(FEED) in listed
    assert "2 queued (2 waiting for review)" in listed and "(ok)" in listed
    assert "wait for review" in listed

    first = answer(await e2e.ask("admin queue", member_permissions=MOD, timeout=15.0))
    assert first.ephemeral and "1 more after this one" in first.text()
    assert f"<https://news.example{PRISONERS}>" in first.text(), "the newest entry first"
    assert "From **Chronicle: World**" in first.text() and "2 more" in first.text()
    assert [c["label"] for c in first.components[0]["components"]] == ["Confirm", "Skip", "Stop"]
    refused = await press(e2e, first, "Confirm", user=OTHER_MOD, member_permissions=MOD)
    assert "Only the moderator who opened this review" in refused.text()
    second = await press(e2e, first, "Skip", member_permissions=MOD)
    assert "Skipped" in second.text() and "0 more after this one" in second.text()
    assert "about 4,500" in second.text(), "the next article's preview follows"
    done = await press(e2e, second, "Confirm", member_permissions=MOD)
    assert "Stored **" in done.text() and "No articles wait for review" in done.text()
    assert not done.components
    assert await server_figures(e2e.bot, guild) == EXPECTED
    assert await ReviewQueue(e2e.bot.store).count(guild) == 0

    log = await Moderation(e2e.bot.store).audit_log(guild, limit=10)
    actions = [(entry.action, entry.actor_id) for entry in reversed(log)]
    user = e2e.standin.default_user.id
    assert actions == [("follow feed", user), ("skip queued article", user), ("ingest", user)]
    assert log[0].after["via"] == "review queue" and log[0].after["url"].endswith(LOSSES)
    assert log[1].target.endswith(PRISONERS)
    empty = answer(await e2e.ask("admin queue", member_permissions=MOD))
    assert "No articles wait for review" in empty.text()


async def test_autostore_stores_new_articles_at_once_and_posts_the_alert(e2e, site):
    serve_news(site)
    guild = e2e.standin.guild
    await e2e.ask("admin alerts", {"channel": guild.default_channel}, member_permissions=MOD)
    reply = answer(await e2e.ask("admin feeds autostore", {"enabled": True},
                                 member_permissions=MOD))
    assert "stored at once" in reply.text()
    reply = await follow(e2e, site.url(FEED))
    assert "stored at once (autostore is on)" in reply.text()
    await e2e.bot.feed_poller.poll_due()
    await e2e.bot.alerts.idle()
    assert await server_figures(e2e.bot, guild.id) >= EXPECTED
    assert len(await own_documents(e2e.bot, guild.id)) == 2
    alerts = [m.text() for m in e2e.standin.channel_messages]
    assert any("about 4,500" in text for text in alerts), alerts
    log = await Moderation(e2e.bot.store).audit_log(guild.id, limit=10)
    stored = [e for e in log if e.action == "ingest"]
    assert len(stored) == 2 and {e.actor_id for e in stored} == {BOT_ACTOR}
    assert {e.after["via"] for e in stored} == {"feed"}
    listed = answer(await e2e.ask("admin feeds list", member_permissions=MOD)).text()
    assert "2 stored at once" in listed and "new articles are **stored at once**" in listed
    assert "feed autostore" in answer(await e2e.ask("admin audit", member_permissions=MOD)).text()


async def test_adding_a_feed_wakes_the_poller_the_bot_runs(e2e, site):
    serve_news(site)
    await follow(e2e, site.url(FEED))
    queue = ReviewQueue(e2e.bot.store)
    for _ in range(200):
        if await queue.count(e2e.standin.guild.id) == 2:
            break
        await asyncio.sleep(0.05)
    assert await queue.count(e2e.standin.guild.id) == 2


async def test_a_feed_that_changes_is_polled_again_when_due(e2e, site):
    serve_news(site)
    site.pages[FEED] = Page(rss([("l", LOSSES, "Losses")]), "application/rss+xml")
    await follow(e2e, site.url(FEED))
    poller = e2e.bot.feed_poller
    await poller.poll_due()
    assert await poller.poll_due() == [], "nothing is due right after a poll"
    site.pages[FEED] = Page(
        rss([("p", PRISONERS, "Captured"), ("l", LOSSES, "Losses")]), "application/rss+xml"
    )
    later = datetime.now(UTC) + timedelta(minutes=16)
    poller.clock = lambda: later
    [report] = await poller.poll_due()
    assert report.count("queued") == 1
    assert await ReviewQueue(e2e.bot.store).count(e2e.standin.guild.id) == 2


async def test_feeds_are_listed_removed_by_autocomplete_and_kept_per_server(e2e, site):
    serve_news(site)
    first, second = e2e.standin.guilds
    await follow(e2e, site.url(FEED))
    choices = await e2e.standin.autocomplete(
        "admin feeds remove", {"feed": "chron"}, "feed", member_permissions=MOD
    )
    assert [c["name"] for c in choices] == [f"Chronicle: World · {site.url(FEED)}"]
    assert await e2e.standin.autocomplete("admin feeds remove", {"feed": ""}, "feed") == []
    assert await e2e.standin.autocomplete(
        "admin feeds remove", {"feed": ""}, "feed", member_permissions=MOD, guild_id=second.id
    ) == []
    other = answer(await e2e.ask("admin feeds list", member_permissions=MOD, guild_id=second.id))
    assert "follows no feeds yet" in other.text()
    unknown = answer(await e2e.ask("admin feeds remove", {"feed": "nothing like it"},
                                   member_permissions=MOD))
    assert "names none of this server's feeds" in unknown.text()
    reply = answer(await e2e.ask("admin feeds remove", {"feed": choices[0]["value"]},
                                 member_permissions=MOD))
    assert "No longer following **Chronicle: World**" in reply.text()
    assert await Feeds(e2e.bot.store).of_guild(first.id) == []
    log = answer(await e2e.ask("admin audit", member_permissions=MOD)).text()
    assert "**unfollow feed**" in log and "**follow feed**" in log


async def test_a_page_that_announces_a_feed_is_followed_through_it(e2e, site):
    serve_news(site)
    site.pages["/world"] = Page(article_page(feed_link=FEED))
    reply = await follow(e2e, site.url("/world"))
    assert "Following **Chronicle: World**" in reply.text() and "announces it" in reply.text()
    [feed] = await Feeds(e2e.bot.store).of_guild(e2e.standin.guild.id)
    assert feed.url == site.url(FEED)


FEED_FAILURES = [
    ("/plain", Page(article_page()), "not a feed: this address is a web page that announces no"),
    ("/broken.xml", Page("<rss><channel><item><title>x", "application/rss+xml"),
     "not a valid RSS or Atom feed"),
    ("/gone.xml", Page("gone", "text/plain", status=404), "HTTP 404: not found"),
    ("/report.pdf", Page(b"%PDF-1.4 x", "application/pdf"), "not a feed: this address gives pdf"),
]


@pytest.mark.parametrize(("path", "page", "said"), FEED_FAILURES, ids=[f[0] for f in FEED_FAILURES])
async def test_only_a_working_feed_is_followed(e2e, site, path, page, said):
    site.pages[path] = page
    reply = await follow(e2e, site.url(path))
    assert reply.ephemeral and reply.text().startswith("Not followed: ") and said in reply.text()
    assert await Feeds(e2e.bot.store).of_guild(e2e.standin.guild.id) == []


async def test_feeds_and_the_queue_are_for_moderators_only(e2e, site):
    serve_news(site)
    for command, options in (
        ("admin feeds add", {"url": site.url(FEED)}),
        ("admin feeds list", {}),
        ("admin feeds autostore", {"enabled": True}),
        ("admin queue", {}),
    ):
        reply = answer(await e2e.ask(command, options))
        assert "Only this server's moderators" in reply.text(), command
    assert site.hits == []
    await follow(e2e, site.url(FEED))
    await e2e.bot.feed_poller.poll_due()
    preview = answer(await e2e.ask("admin queue", member_permissions=MOD, timeout=15.0))
    demoted = await press(e2e, preview, "Confirm", member_permissions=0)
    assert "Only this server's moderators" in demoted.text()
    stopped = await press(e2e, preview, "Stop", member_permissions=MOD)
    assert "Review stopped: 2 articles wait in the queue" in stopped.text()
    assert await own_documents(e2e.bot, e2e.standin.guild.id) == []


async def test_the_poller_starts_with_the_bot_and_stops_with_it(e2e_settings, site):
    from bot.standin import DiscordStandIn, bot_on_standin

    serve_news(site)
    async with DiscordStandIn() as standin, bot_on_standin(e2e_settings, standin) as bot:
        poller = bot.feed_poller
        assert poller.running
        await bot.fetcher.fetch(site.url(FEED), accept=FEED_KINDS)
        assert bot.fetcher.open
    assert not poller.running
    assert not bot.fetcher.open, "its downloads' connections are closed"
