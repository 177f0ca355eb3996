"""The test article of this package, in every form it may arrive in: text with front matter, a
web page with the boilerplate real news sites carry, a PDF, and RSS/Atom feeds that link to it.
The article is this project's own text."""

from __future__ import annotations

import datetime as dt
from html import escape

TITLE = "Seoul reports fresh North Korean losses near Kursk"
PUBLISHER = "Harbour Street Chronicle"
AUTHOR = "Mina Caldwell"
PUBLISHED = "2025-03-14"
CANONICAL = "https://news.example/world/2025/03/kursk-losses"

PARAGRAPHS = (
    "South Korea's National Intelligence Service told lawmakers on Thursday that about 4,500"
    " North Korean soldiers had been killed or wounded since they joined the fighting in the"
    " Kursk region.",
    "The agency said North Korea had sent an additional 2,000 troops in February to replace"
    " those losses.",
    "Ukraine's military intelligence agency gave its own count of the dead. According to the"
    " HUR, at least 1,200 North Korean soldiers had been killed by the end of February.",
    "Russian officials did not comment on the figures. The Kremlin has never confirmed the"
    " deployment, which Western governments first described in October 2024.",
    "Analysts cautioned that the numbers could not be independently verified, and that losses"
    " among Russian units fighting beside the North Koreans were far larger.",
)
BODY = "\n\n".join(PARAGRAPHS)

#: (metric, subject, low, high, qualifier, source) of every figure the article states.
EXPECTED = {
    ("casualties", "North Korea", 4500, 4500, "about", "NIS"),
    ("deployed", "North Korea", 2000, 2000, "exact", "NIS"),
    ("killed", "North Korea", 1200, 1200, "at_least", "HUR"),
}

SECOND_PARAGRAPHS = (
    "Kyiv said on Monday that its forces had captured two more North Korean soldiers in the"
    " Kursk region, bringing the number held to four.",
    "A Ukrainian commander said the prisoners were being questioned, and that North Korean"
    " units had pulled back from parts of the front after heavy losses in January.",
    "South Korea's spy agency said it was ready to help if any of the soldiers asked to be"
    " sent to the South rather than home.",
)


def text_document(body: str = BODY) -> str:
    return (
        f"---\ntitle: {TITLE}\npublisher: {PUBLISHER}\nurl: {CANONICAL}\n"
        f"published: {PUBLISHED}\nauthor: {AUTHOR}\n---\n{body}\n"
    )


def article_page(
    paragraphs: tuple[str, ...] = PARAGRAPHS,
    *,
    title: str = TITLE,
    metadata: bool = True,
    feed_link: str | None = None,
    canonical: str = CANONICAL,
) -> str:
    """A news page: navigation, a breaking-news bar, the article, related links with numbers
    of their own, reader comments and a footer; metadata in <meta> and JSON-LD."""
    head = f"<title>{escape(title)} | {PUBLISHER}</title>"
    if metadata:
        head += f"""
<meta property="og:title" content="{escape(title)}">
<meta property="og:site_name" content="{PUBLISHER}">
<meta property="og:url" content="{canonical}">
<meta name="author" content="{AUTHOR}">
<meta property="article:published_time" content="{PUBLISHED}T09:30:00+00:00">
<link rel="canonical" href="{canonical}">
<script type="application/ld+json">
{{"@context": "https://schema.org", "@type": "NewsArticle", "headline": "{escape(title)}",
 "datePublished": "{PUBLISHED}T09:30:00+00:00",
 "author": {{"@type": "Person", "name": "{AUTHOR}"}},
 "publisher": {{"@type": "Organization", "name": "{PUBLISHER}"}}}}
</script>"""
    if feed_link:
        head += f'\n<link rel="alternate" type="application/rss+xml" href="{feed_link}">'
    body = "\n".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
{head}
<script>window.analytics = {{track: function () {{}}}}; var visitors = 350000;</script>
<style>body {{ font-family: serif; }}</style>
</head><body>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li><a href="/politics">Politics</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<div class="breaking">Breaking: 3,000 runners finish the city marathon</div></header>
<main><article>
<h1>{escape(title)}</h1>
<p class="byline">By <a href="/authors/mina-caldwell">{AUTHOR}</a> · 14 March 2025</p>
{body}
<figure><img src="/img/map.png" alt="Map"><figcaption>The Kursk region borders Ukraine's
Sumy region.</figcaption></figure>
</article>
<aside class="related"><h2>Related stories</h2><ul>
<li><a href="/world/2024/11/treaty">Pyongyang ratifies its defence treaty with Moscow</a></li>
<li><a href="/world/2025/02/push">Russia claims 10,000 Ukrainian troops pushed back</a></li>
</ul></aside>
<section class="comments"><h3>12 comments</h3><p>Reader: I heard 50,000 troops were sent.</p>
</section></main>
<footer><p>© 2025 {PUBLISHER}. All rights reserved.</p>
<p><a href="/privacy">Privacy</a> · Subscribe for 3 euros a month</p></footer>
</body></html>"""


def article_pdf(paragraphs: tuple[str, ...] = PARAGRAPHS, *, pages: int = 1) -> bytes:
    """The article as a PDF made with fpdf2: title and author in its document information,
    paragraphs wrapped over lines (one copy per page when ``pages`` > 1)."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_title(TITLE)
    pdf.set_author(AUTHOR)
    pdf.set_creation_date(dt.datetime(2025, 3, 14, tzinfo=dt.UTC))
    pdf.set_font("Helvetica", size=11)
    for _ in range(pages):
        pdf.add_page()
        for paragraph in paragraphs:
            pdf.multi_cell(0, 6, paragraph)
            pdf.ln(4)
    return bytes(pdf.output())


def rss(items: list[tuple[str, str, str]], *, title: str = "Chronicle: World") -> str:
    """An RSS 2.0 feed; ``items`` are (guid, link, title), newest first."""
    entries = "".join(
        f"<item><guid>{escape(guid)}</guid><link>{escape(link)}</link>"
        f"<title>{escape(name)}</title><pubDate>Fri, 14 Mar 2025 09:30:00 GMT</pubDate></item>"
        for guid, link, name in items
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>{escape(title)}</title><link>https://news.example/</link>{entries}"
        "</channel></rss>"
    )


def atom(items: list[tuple[str, str, str]], *, title: str = "Chronicle: World") -> str:
    entries = "".join(
        f'<entry><id>{escape(i)}</id><link href="{escape(link)}"/><title>{escape(name)}</title>'
        "<updated>2025-03-14T09:30:00Z</updated></entry>"
        for i, link, name in items
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        f"<title>{escape(title)}</title><id>urn:chronicle</id>"
        f"<updated>2025-03-14T09:30:00Z</updated>{entries}</feed>"
    )
