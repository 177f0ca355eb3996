"""HTML, PDF and feeds reduced to documents: boilerplate gone, metadata taken, the same figures
as the text version, and hostile inputs refused or bounded."""

from __future__ import annotations

import contextlib
import io
import time
from pathlib import Path

import pytest

from bot.facts.documents import parse_document
from bot.facts.extract import extract
from bot.facts.model import Document
from bot.facts.vocabulary.forces import DEFAULT_SUBJECTS
from bot.intake.article import document_from_bytes, key_for_url, read_file
from bot.intake.errors import NotAnArticleError, TooLargeError, UnsupportedTypeError
from bot.intake.feeds import discover_feeds, parse_feed
from bot.intake.fetch import Kind
from bot.intake.pdf import MAX_PAGES, read_pdf
from bot.intake.webpage import MAX_ELEMENTS, read_html
from tests.intake.articles import (
    AUTHOR,
    BODY,
    CANONICAL,
    EXPECTED,
    PARAGRAPHS,
    PUBLISHER,
    TITLE,
    article_page,
    article_pdf,
    atom,
    rss,
    text_document,
)


def figures(document: Document) -> set[tuple[object, ...]]:
    return {
        (f.metric.value, f.subject, f.low, f.high, f.qualifier.value, f.source)
        for f in extract(document, DEFAULT_SUBJECTS).figures
    }


def full_figures(document: Document) -> list[dict[str, object]]:
    return [f.to_json() for f in extract(document, DEFAULT_SUBJECTS).figures]


def test_a_page_is_reduced_to_its_article_and_metadata() -> None:
    document = document_from_bytes(article_page().encode(), Kind.HTML, "a")
    assert document.text == BODY
    for boilerplate in ("Home", "Related stories", "marathon", "comments", "rights", "visitors"):
        assert boilerplate not in document.text
    assert (document.title, document.publisher, document.url) == (TITLE, PUBLISHER, CANONICAL)
    assert document.published is not None and document.published.isoformat() == "2025-03-14"
    assert dict(document.meta)["author"] == AUTHOR
    assert figures(document) == EXPECTED


def test_the_moderator_values_win_over_the_page_metadata() -> None:
    document = document_from_bytes(
        article_page().encode(),
        Kind.HTML,
        "a",
        overrides={"title": "My title", "published": "2025-03-15"},
        hints={"title": "Feed title", "publisher": "Feed"},
    )
    assert (document.title, document.publisher) == ("My title", PUBLISHER)
    assert document.published is not None and document.published.isoformat() == "2025-03-15"


def test_a_page_without_metadata_takes_the_hints_then_the_address() -> None:
    page = article_page(metadata=False).encode()
    url = "https://www.chronicle.example/world/kursk"
    bare = document_from_bytes(page, Kind.HTML, "a", url=url)
    assert (bare.publisher, bare.url) == ("chronicle.example", url)
    # the byline's date is markup the page shows, not a guess from its text
    assert str(bare.published) == "2025-03-14"
    undated = page.replace(b" \xc2\xb7 14 March 2025", b"")
    assert document_from_bytes(undated, Kind.HTML, "a", url=url).published is None
    hinted = document_from_bytes(
        undated,
        Kind.HTML,
        "a",
        url=url,
        hints={"publisher": "Chronicle", "published": "2025-03-13"},
    )
    assert hinted.publisher == "Chronicle" and str(hinted.published) == "2025-03-13"


def test_a_page_of_links_is_not_an_article() -> None:
    links = "".join(f'<li><a href="/s{i}">Story {i}</a></li>' for i in range(40))
    page = f"<html><head><title>Index</title></head><body><ul>{links}</ul></body></html>"
    with pytest.raises(NotAnArticleError, match="no main text"):
        read_html(page.encode())


def test_a_pdf_gives_back_its_paragraphs_and_document_information() -> None:
    document = document_from_bytes(article_pdf(), Kind.PDF, "a")
    assert document.text == BODY
    assert document.title == TITLE and dict(document.meta)["author"] == AUTHOR
    assert document.published is None, "a PDF's creation date is not its publication date"


def test_the_same_figures_come_out_of_text_html_pdf_and_a_feed_entry() -> None:
    overrides = {"published": "2025-03-14", "publisher": PUBLISHER, "url": CANONICAL}
    text = parse_document(text_document().encode(), "a")
    html = document_from_bytes(article_page().encode(), Kind.HTML, "a")
    pdf = document_from_bytes(article_pdf(), Kind.PDF, "a", overrides=overrides)
    entry = parse_feed(rss([("1", "/kursk", TITLE)]).encode(), "https://news.example/feed")
    hints = entry.entries[0].hints(PUBLISHER)
    from_feed = document_from_bytes(
        article_page(metadata=False).encode(), Kind.HTML, "a", url=CANONICAL, hints=hints
    )
    assert figures(text) == EXPECTED
    expected = full_figures(text)
    for document in (html, pdf, from_feed):
        assert document.digest == text.digest
        assert full_figures(document) == expected


def test_files_are_read_by_their_suffix(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_text(article_page())
    (tmp_path / "a.pdf").write_bytes(article_pdf())
    (tmp_path / "a.docx").write_bytes(b"PK\x03\x04")
    assert read_file(tmp_path / "a.html").text == read_file(tmp_path / "a.pdf").text == BODY
    with pytest.raises(UnsupportedTypeError, match=r"\.docx; use \.txt, \.md, \.html or \.pdf"):
        read_file(tmp_path / "a.docx")


def test_keys_for_addresses_are_readable_stable_and_distinct() -> None:
    key = key_for_url("https://www.news.example/world/2025/03/kursk-losses?id=1")
    assert key.startswith("news.example/world-2025-03-kursk-losses-") and len(key) < 100
    assert key == key_for_url("https://www.news.example/world/2025/03/kursk-losses?id=1")
    assert key != key_for_url("https://www.news.example/world/2025/03/kursk-losses?id=2")
    assert len(key_for_url("https://a.example/" + "x" * 500)) <= 89


# -- hostile HTML ---------------------------------------------------------------------------------


def _seconds(run) -> float:
    start = time.perf_counter()
    with contextlib.suppress(NotAnArticleError, TooLargeError):
        run()
    return time.perf_counter() - start


def _deep(size: int) -> bytes:
    depth = size // 11
    return (b"<html><body>" + b"<div><span>" * depth + b"x" + b"</span></div>" * depth)[:size]


def _wide(size: int) -> bytes:
    return b"<html><body>" + b"<p>a</p>" * (size // 8)


def _wall(size: int) -> bytes:
    words = b"soldiers " * (size // 9)
    return b"<html><body><p>" + words + b"</p></body></html>"


def _attributes(size: int) -> bytes:
    return b'<html><body><p class="' + b"x " * (size // 2) + b'">text</p></body></html>'


@pytest.mark.parametrize("shape", [_deep, _wide, _wall, _attributes])
def test_hostile_pages_cost_time_in_proportion_to_their_size(shape) -> None:
    """16 KB to 128 KB: eight times the input may cost at most about eight times the time (with
    room for noise on a shared machine)."""
    small = min(_seconds(lambda: read_html(shape(16 * 1024))) for _ in range(2))
    large = min(_seconds(lambda: read_html(shape(128 * 1024))) for _ in range(2))
    assert large < 3.0
    assert large < max(small, 0.002) * 8 * 3


def test_the_largest_page_accepted_is_read_within_seconds() -> None:
    """The worst shape measured (one short paragraph per element) at the element limit."""
    page = b"<html><body>" + b"<p>a</p>" * (MAX_ELEMENTS - 10) + b"</body></html>"
    assert _seconds(lambda: read_html(page)) < 6.0


def test_too_many_elements_are_refused_before_extraction() -> None:
    page = b"<html><body>" + b"<i></i>" * (MAX_ELEMENTS + 10) + b"</body></html>"
    with pytest.raises(TooLargeError, match="HTML elements"):
        read_html(page)


def test_deep_nesting_is_cut_by_the_parser() -> None:
    depth = 100_000
    page = b"<html><body>" + b"<div>" * depth + b"deep" + b"</div>" * depth
    assert _seconds(lambda: read_html(page)) < 3.0


# -- hostile PDFs ---------------------------------------------------------------------------------


def test_a_long_pdf_is_read_up_to_the_page_limit_with_a_warning() -> None:
    reduced = read_pdf(article_pdf(pages=MAX_PAGES + 5))
    assert reduced.text.count(PARAGRAPHS[0]) == MAX_PAGES
    assert reduced.warnings == (f"only the first {MAX_PAGES} of {MAX_PAGES + 5} pages were read",)


def _pdf_with_stream(content: bytes, *, filters: str = "/FlateDecode") -> bytes:
    """A one-page PDF whose content stream is ``content`` (already encoded for ``filters``)."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
        b" /Resources << /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >>"
        b" >> >>",
        b"<< /Length %d /Filter %s >>\nstream\n" % (len(content), filters.encode())
        + content
        + b"\nendstream",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(
        b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    )
    return out.getvalue()


def test_a_pdf_decompression_bomb_is_refused_quickly() -> None:
    import zlib

    bomb = zlib.compress(b"0 0 m " * (60 * 1024 * 1024 // 6), 9)
    assert len(bomb) < 1024 * 1024
    start = time.perf_counter()
    with pytest.raises(NotAnArticleError):
        read_pdf(_pdf_with_stream(bomb))
    assert time.perf_counter() - start < 5.0


def test_a_pdf_of_many_operators_is_bounded() -> None:
    import zlib

    content = zlib.compress(b"BT /F1 12 Tf 72 712 Td (x) Tj ET\n" * 200_000, 9)
    start = time.perf_counter()
    with pytest.raises(NotAnArticleError):
        read_pdf(_pdf_with_stream(content))
    assert time.perf_counter() - start < 10.0


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"%PDF-1.4\n garbage that is no PDF", "not a readable PDF"),
        (b"not a pdf at all", "not a readable PDF"),
    ],
)
def test_a_broken_pdf_is_one_clear_line(data: bytes, message: str) -> None:
    with pytest.raises(NotAnArticleError, match=message):
        read_pdf(data)


def test_a_password_protected_pdf_is_refused() -> None:
    import pypdf

    writer = pypdf.PdfWriter(clone_from=io.BytesIO(article_pdf()))
    writer.encrypt("secret", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    with pytest.raises(NotAnArticleError, match="password-protected"):
        read_pdf(out.getvalue())


def test_a_pdf_without_text_is_not_an_article() -> None:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.rect(10, 10, 50, 50)
    with pytest.raises(NotAnArticleError, match="no text layer"):
        read_pdf(bytes(pdf.output()))


# -- feeds ----------------------------------------------------------------------------------------


def test_rss_and_atom_entries_with_their_links_and_dates() -> None:
    base = "https://news.example/feeds/world.xml"
    items = [("id-2", "/b", "Second"), ("id-1", "https://news.example/a", "First")]
    for feed in (rss(items), atom(items)):
        parsed = parse_feed(feed.encode(), base)
        assert parsed.title == "Chronicle: World"
        assert [(e.link, e.title, e.published) for e in parsed.entries] == [
            ("https://news.example/b", "Second", "2025-03-14"),
            ("https://news.example/a", "First", "2025-03-14"),
        ]


def test_entries_without_a_web_link_are_skipped() -> None:
    parsed = parse_feed(rss([("1", "ftp://x/a", "A"), ("2", "/b", "B")]).encode(), "http://n/f")
    assert [e.link for e in parsed.entries] == ["http://n/b"] and parsed.skipped == 1


@pytest.mark.parametrize(
    "data",
    [b"<rss><channel><item><title>cut off", b"plain words, not a feed", b"", b"<html></html>"],
)
def test_a_malformed_feed_is_refused_with_the_reason(data: bytes) -> None:
    with pytest.raises(NotAnArticleError, match="not a valid RSS or Atom feed"):
        parse_feed(data, "http://n/f")


@pytest.mark.parametrize(
    "declarations",
    [
        '<!ENTITY l0 "lol">'
        + "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10)),
        '<!ENTITY l9 SYSTEM "file:///etc/passwd">',
    ],
)
def test_entity_bombs_and_external_entities_are_refused_before_parsing(declarations: str) -> None:
    feed = (
        f'<?xml version="1.0"?><!DOCTYPE r [{declarations}]>'
        '<rss version="2.0"><channel><title>&l9;</title>'
        "<item><link>http://n/a</link></item></channel></rss>"
    ).encode()
    start = time.perf_counter()
    with pytest.raises(NotAnArticleError, match="declares XML entities"):
        parse_feed(feed, "http://n/f")
    assert time.perf_counter() - start < 0.1


def test_a_page_announces_its_feed() -> None:
    page = article_page(feed_link="/feeds/world.xml").encode()
    assert discover_feeds(page, "https://news.example/world/x") == [
        "https://news.example/feeds/world.xml"
    ]
