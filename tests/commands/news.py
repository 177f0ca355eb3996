"""What the news-in tests share: the local news site's articles and feeds, and the figures a
server ends up with."""

from __future__ import annotations

from bot.facts.store.rows import DocumentInfo
from bot.standin import MANAGE_GUILD, MEMBER_PERMISSIONS
from tests.intake.articles import (
    SECOND_PARAGRAPHS,
    article_page,
    article_pdf,
    rss,
)
from tests.site import Page, Site

MOD = MEMBER_PERMISSIONS | MANAGE_GUILD
LOSSES = "/world/2025/03/kursk-losses"
PRISONERS = "/world/2025/03/prisoners"
PDF = "/reports/kursk-losses.pdf"
FEED = "/feeds/world.xml"


def serve_news(site: Site) -> None:
    """Two articles as web pages, the first also as a PDF, and a feed linking to both."""
    site.pages[LOSSES] = Page(article_page())
    site.pages[PRISONERS] = Page(
        article_page(
            SECOND_PARAGRAPHS,
            title="Kyiv says two more North Koreans captured",
            canonical="https://news.example/world/2025/03/prisoners",
        )
    )
    site.pages[PDF] = Page(article_pdf(), "application/pdf")
    site.pages[FEED] = Page(
        rss([("p", PRISONERS, "Two more captured"), ("l", LOSSES, "Losses near Kursk")]),
        "application/rss+xml",
    )


def figure_tuple(figure) -> tuple[object, ...]:
    return (
        figure.metric.value,
        figure.subject,
        figure.low,
        figure.high,
        figure.qualifier.value,
        figure.source,
    )


async def server_figures(bot, guild_id: int) -> set[tuple[object, ...]]:
    """The figures of every document the server stored itself."""
    found: set[tuple[object, ...]] = set()
    for document in await bot.store.documents(guild_id):
        if document.guild_id == guild_id:
            figures = await bot.store.figures(guild_id, document=document.key)
            found |= {figure_tuple(f) for f in figures}
    return found


async def own_documents(bot, guild_id: int) -> list[DocumentInfo]:
    return [d for d in await bot.store.documents(guild_id) if d.guild_id == guild_id]
