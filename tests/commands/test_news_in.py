"""/admin ingest by address, HTML and PDF attachments, and /admin paste, end to end: the real bot
on the Discord stand-in, articles served by a local news site on 127.0.0.1. Every way gives the
article's figures and nothing else; every failure is a private reply that stores nothing."""

from __future__ import annotations

import asyncio

import pytest
from aiohttp import web

from bot.facts.store.overlays import Moderation
from bot.intake.fetch import FetchLimits
from bot.render.naming import document_label as document_name
from bot.standin import FakeGuild, FakeUser
from tests.commands.news import (
    LOSSES,
    MOD,
    PDF,
    own_documents,
    serve_news,
    server_figures,
)
from tests.commands.test_admin import answer, button_id
from tests.intake.articles import (
    BODY,
    EXPECTED,
    PUBLISHED,
    PUBLISHER,
    TITLE,
    article_page,
    article_pdf,
    text_document,
)
from tests.site import Page

OWNER = FakeUser(4242, "operator")
WAYS = ("text", "markdown", "html file", "pdf file", "html url", "pdf url", "paste")


@pytest.fixture
def allow_private() -> bool:
    """The local news site is on 127.0.0.1: reachable only with FACTBOT_ALLOW_PRIVATE_URLS=1."""
    return True


@pytest.fixture
def e2e_settings(seeded_base, tmp_path, allow_private):
    return seeded_base.settings(
        tmp_path, allow_private_urls=allow_private, owner_ids=frozenset({OWNER.id})
    )


@pytest.fixture
def e2e_guilds():
    return [FakeGuild.make(f"Server {way}") for way in WAYS]


async def confirm(e2e, preview):
    handle = await e2e.standin.click(preview, button_id(preview, "Confirm"), member_permissions=MOD)
    return answer(await handle.responses())


async def ingest_url(e2e, url, *, guild_id=None, **options):
    replies = await e2e.ask(
        "admin ingest", {"url": url, **options}, member_permissions=MOD, guild_id=guild_id,
        timeout=15.0,
    )
    assert replies[0].is_deferral, "a download may take seconds: the command defers first"
    return answer(replies)


async def ingest_file(e2e, filename, data, content_type, *, guild_id=None, **options):
    attachment = e2e.standin.attachment(filename, data, content_type)
    return answer(
        await e2e.ask(
            "admin ingest", {"file": attachment, **options}, member_permissions=MOD,
            guild_id=guild_id, timeout=15.0,
        )
    )


async def paste(e2e, values, *, guild_id=None):
    [form] = await e2e.ask("admin paste", member_permissions=MOD, guild_id=guild_id)
    assert form.is_modal
    return answer(await e2e.submit(form, values, timeout=15.0))


async def stored_key(e2e, reply) -> str:
    """The key of the document the reply says was stored: named for people, never by key."""
    guild = e2e.standin.guild.id
    own = [d for d in await e2e.bot.store.documents(guild) if d.guild_id == guild]
    newest = max(own, key=lambda d: d.ingested_at)
    assert f"Stored **{document_name(newest)}**" in reply.text(), reply.text()
    assert newest.key not in reply.text()
    return str(newest.key)


async def test_an_article_by_address_is_previewed_and_stored_with_its_metadata(e2e, site):
    serve_news(site)
    guild = e2e.standin.guild.id
    preview = await ingest_url(e2e, site.url(LOSSES))
    shown = preview.text()
    assert preview.ephemeral and "Confirm to store it for this server only" in shown
    assert "about 4,500" in shown and "at least 1,200" in shown
    assert "3,000" not in shown and "50,000" not in shown, "no boilerplate figure"
    stored = await confirm(e2e, preview)
    key = await stored_key(e2e, stored)
    assert key.startswith(f"guild-{guild}/127.0.0.1/world-2025-03-kursk-losses-")
    document = await e2e.bot.store.document(guild, key)
    assert document is not None
    assert (document.title, document.publisher) == (TITLE, PUBLISHER)
    assert document.url == site.url(LOSSES) and str(document.published) == PUBLISHED
    assert await server_figures(e2e.bot, guild) == EXPECTED
    [entry] = await Moderation(e2e.bot.store).audit_log(guild, limit=5)
    assert (entry.action, entry.target) == ("ingest", key)

    again = await ingest_url(e2e, site.url(LOSSES) + "?utm_source=feed")
    assert "already stored" in again.text() and "confirming changes nothing" in again.text()
    as_pdf = await ingest_url(e2e, site.url(PDF))
    assert f"This exact text is already stored here as {TITLE}" in as_pdf.text()
    assert "already stored" in (await confirm(e2e, as_pdf)).text()
    assert len(await own_documents(e2e.bot, guild)) == 1, "the same article is stored once"


async def test_the_moderators_fields_override_the_pages_own(e2e, site):
    serve_news(site)
    guild = e2e.standin.guild.id
    preview = await ingest_url(
        e2e, site.url(LOSSES), title="Losses, as reported", publisher="Our Desk",
        published="2025-03-20",
    )
    key = await stored_key(e2e, await confirm(e2e, preview))
    document = await e2e.bot.store.document(guild, key)
    assert (document.title, document.publisher, str(document.published)) == (
        "Losses, as reported", "Our Desk", "2025-03-20",
    )


async def test_an_html_attachment_goes_through_the_same_reader(e2e):
    guild = e2e.standin.guild.id
    preview = await ingest_file(e2e, "kursk.html", article_page().encode(), "text/html")
    assert "<p>" not in preview.text() and "about 4,500" in preview.text()
    key = await stored_key(e2e, await confirm(e2e, preview))
    assert key == f"guild-{guild}/kursk.html"
    document = await e2e.bot.store.document(guild, key)
    assert document.title == TITLE and document.publisher == PUBLISHER
    stored = await e2e.bot.store.figures(guild, document=key)
    assert stored and all("<" not in f.quote and ">" not in f.quote for f in stored)
    assert await server_figures(e2e.bot, guild) == EXPECTED
    exported = answer(await e2e.ask("admin export", member_permissions=MOD)).files[0].data
    assert b"<p>" not in exported and b"runners" not in exported


async def test_paste_opens_a_form_within_discords_limits_and_previews(e2e):
    guild = e2e.standin.guild.id
    [form] = await e2e.ask("admin paste", member_permissions=MOD)
    assert form.is_modal and form.type == 9
    modal = form.message
    assert modal["title"] == "Paste an article" and len(modal["components"]) == 5
    labels = [c["label"] for c in modal["components"]]
    assert labels == ["Title", "Publisher", "Address", "Published", "Text"]
    text_field = modal["components"][4]["component"]
    assert text_field["style"] == 2 and text_field["max_length"] == 4000
    assert text_field["required"] is True and "4,000" in text_field["placeholder"]
    with pytest.raises(ValueError, match="'Text' is required"):
        await e2e.standin.submit_modal(form, {"Title": "No text"})
    with pytest.raises(ValueError, match="4001"):
        await e2e.standin.submit_modal(form, {"Text": "x" * 4001})

    replies = await e2e.submit(
        form,
        {"Title": TITLE, "Publisher": PUBLISHER, "Address": "https://news.example/kursk",
         "Published": PUBLISHED, "Text": BODY},
        timeout=15.0,
    )
    assert replies[0].is_deferral
    preview = answer(replies)
    assert preview.ephemeral and "about 4,500" in preview.text()
    key = await stored_key(e2e, await confirm(e2e, preview))
    assert key == f"guild-{guild}/seoul-reports-fresh-north-korean-losses-near.txt"
    document = await e2e.bot.store.document(guild, key)
    assert (document.title, document.url) == (TITLE, "https://news.example/kursk")
    assert await server_figures(e2e.bot, guild) == EXPECTED


async def test_a_paste_is_checked_when_it_is_submitted(e2e):
    [form] = await e2e.ask("admin paste", member_permissions=MOD)
    reply = answer(await e2e.submit(form, {"Published": "14/03/2025", "Text": BODY}))
    assert "Refused: published must be a date like 2025-01-31" in reply.text()
    [form] = await e2e.ask("admin paste", member_permissions=MOD)
    reply = answer(await e2e.submit(form, {"Text": BODY}, member_permissions=0))
    assert "Only this server's moderators" in reply.text()
    assert await own_documents(e2e.bot, e2e.standin.guild.id) == []
    [refused] = await e2e.ask("admin paste")
    assert not refused.is_modal and "Only this server's moderators" in refused.text()


async def test_the_same_figures_whichever_way_the_article_arrives(e2e, site):
    serve_news(site)
    guilds = {way: guild.id for way, guild in zip(WAYS, e2e.standin.guilds, strict=True)}
    text = text_document().encode()
    previews = {
        "text": await ingest_file(e2e, "kursk.txt", text, "text/plain", guild_id=guilds["text"]),
        "markdown": await ingest_file(
            e2e, "kursk.md", text, "text/markdown", guild_id=guilds["markdown"]
        ),
        "html file": await ingest_file(
            e2e, "kursk.html", article_page().encode(), "text/html", guild_id=guilds["html file"]
        ),
        "pdf file": await ingest_file(
            e2e, "kursk.pdf", article_pdf(), "application/pdf", guild_id=guilds["pdf file"]
        ),
        "html url": await ingest_url(e2e, site.url(LOSSES), guild_id=guilds["html url"]),
        "pdf url": await ingest_url(e2e, site.url(PDF), guild_id=guilds["pdf url"]),
        "paste": await paste(
            e2e, {"Title": TITLE, "Publisher": PUBLISHER, "Text": BODY}, guild_id=guilds["paste"]
        ),
    }
    for way, preview in previews.items():
        assert "Stored" in (await confirm(e2e, preview)).text(), way
        assert await server_figures(e2e.bot, guilds[way]) == EXPECTED, way
    pdf = await own_documents(e2e.bot, guilds["pdf url"])
    assert pdf[0].url == site.url(PDF) and pdf[0].title == TITLE


async def test_give_a_file_or_an_address_not_both_nor_neither(e2e, site):
    serve_news(site)
    attachment = e2e.standin.attachment("kursk.txt", text_document().encode())
    both = answer(
        await e2e.ask(
            "admin ingest", {"file": attachment, "url": site.url(LOSSES)}, member_permissions=MOD
        )
    )
    assert both.ephemeral and "either `file:` or `url:`, not both" in both.text()
    neither = answer(await e2e.ask("admin ingest", {"title": "x"}, member_permissions=MOD))
    assert "Give a `file:`" in neither.text() and "/admin paste" in neither.text()
    assert site.hits == [] and await own_documents(e2e.bot, e2e.standin.guild.id) == []


async def slow(request: web.Request) -> web.StreamResponse:
    await asyncio.sleep(5)
    return web.Response(text="late")


FAILURES = [
    ("/gone", Page("no such page", "text/plain", status=404), "HTTP 404: not found"),
    ("/slow", slow, "timed out: no complete answer within 0.5 s"),
    ("/huge", Page(b"<html>" + b"x" * (6 * 1024 * 1024), "text/html"), "too large: 6.0 MB"),
    ("/map.png", Page(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "image/png"), "unsupported type"),
    ("/links", Page("<html><body><a href='/a'>A</a> <a href='/b'>B</a></body></html>"),
     "not an article: the page has no main text"),
    ("/feed.xml", Page("<rss version='2.0'><channel><title>t</title></channel></rss>",
                       "application/rss+xml"), "this address is a news feed"),
]


@pytest.mark.parametrize(("path", "page", "said"), FAILURES, ids=[f[0] for f in FAILURES])
async def test_every_failure_of_an_address_is_told_and_stores_nothing(e2e, site, path, page, said):
    site.pages[path] = page
    e2e.bot.fetcher.limits = FetchLimits(total_seconds=0.5)
    reply = await ingest_url(e2e, site.url(path))
    assert reply.ephemeral and not reply.components
    assert reply.text().startswith("Refused: ") and said in reply.text()
    assert reply.text().endswith("Nothing was stored.")
    guild = e2e.standin.guild.id
    assert await own_documents(e2e.bot, guild) == []
    assert await Moderation(e2e.bot.store).audit_log(guild, limit=5) == []


async def test_a_bad_address_is_refused_before_any_download(e2e, site):
    reply = await ingest_url(e2e, "ftp://example.org/report.txt")
    assert "only http:// and https:// addresses are fetched" in reply.text()
    assert site.hits == []


@pytest.mark.parametrize("allow_private", [False])
async def test_a_private_address_is_blocked_without_the_allow_flag(e2e, site, connections):
    serve_news(site)
    for url in (site.url(LOSSES), "http://169.254.169.254/latest/meta-data/", "http://10.0.0.5/a"):
        reply = await ingest_url(e2e, url)
        assert "Refused: blocked address:" in reply.text(), url
        assert "only public addresses are fetched" in reply.text()
    assert site.hits == [], "nothing was asked of a blocked address"
    assert not [c for c in connections if c[1] == int(site.base.rsplit(":", 1)[1])]
    assert await own_documents(e2e.bot, e2e.standin.guild.id) == []


ATTACHMENT_FAILURES = [
    ("scan.pdf", b"%PDF-1.4\n%garbage that is no PDF\n", "application/pdf", "not a readable PDF"),
    ("photo.pdf", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "application/pdf", "not a readable PDF"),
    ("links.html", b"<html><body><a href='/a'>A</a></body></html>", "text/html",
     "not an article: the page has no main text"),
    ("big.html", b"<p>" + b"x" * (6 * 1024 * 1024), "text/html", "too large: 6.0 MB"),
    ("deck.pptx", b"PK\x03\x04", "application/vnd.ms-powerpoint", "unsupported type"),
]


@pytest.mark.parametrize(("filename", "data", "content_type", "said"), ATTACHMENT_FAILURES,
                         ids=[f[0] for f in ATTACHMENT_FAILURES])
async def test_every_failure_of_an_attachment_is_told_and_stores_nothing(
    e2e, filename, data, content_type, said
):
    reply = await ingest_file(e2e, filename, data, content_type)
    assert reply.ephemeral and not reply.components
    assert reply.text().startswith("Refused: ") and said in reply.text()
    assert await own_documents(e2e.bot, e2e.standin.guild.id) == []


async def test_a_servers_slow_address_holds_up_no_other_server(e2e, site):
    serve_news(site)
    site.pages["/slow"] = slow
    e2e.bot.fetcher.limits = FetchLimits(total_seconds=4.0)
    first, second = e2e.standin.guilds[:2]
    waiting = await e2e.invoke(
        "admin ingest", {"url": site.url("/slow")}, member_permissions=MOD, guild_id=first.id
    )
    preview = await ingest_url(e2e, site.url(LOSSES), guild_id=second.id)
    assert "about 4,500" in preview.text()
    assert all(r.is_deferral for r in waiting.replies), "the slow one is still downloading"
    refused = answer(await waiting.responses(timeout=10.0))
    assert "timed out: no complete answer within 4 s" in refused.text()
