"""HTML -> the article's main text and metadata, with trafilatura.

trafilatura (a maintained boilerplate remover) drops navigation, footers, related links, comments
and scripts, and reads title, site name, author and date from ``<meta>``, Open Graph and JSON-LD.
The date is taken only from the page's metadata (no guessing from its text or links), because a
wrong publication date would date every figure of the article.

Hostile pages are bounded before and inside the parser: the input size (``MAX_HTML_BYTES``), the
number of elements (``MAX_ELEMENTS``, counted on the parsed tree before any extraction work), and
the nesting depth (libxml2's HTML parser stops descending at 256 levels).
"""

from __future__ import annotations

import re

import trafilatura
from lxml import etree, html

from bot.intake.errors import NotAnArticleError, TooLargeError
from bot.intake.reduced import Reduced

MAX_HTML_BYTES = 5 * 1024 * 1024
MAX_ELEMENTS = 25_000
#: Main text shorter than this is not an article (a login wall, a page of links).
MIN_ARTICLE_CHARS = 200

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_SPACES = re.compile(r"[^\S\n]+")


def read_html(data: bytes | str, *, url: str | None = None) -> Reduced:
    """The article in ``data``; raises :class:`NotAnArticleError` when it holds none."""
    size = len(data.encode("utf-8", "replace") if isinstance(data, str) else data)
    if size > MAX_HTML_BYTES:
        raise TooLargeError(f"too large: the page is over {MAX_HTML_BYTES // (1024 * 1024)} MB")
    tree = _parse(data)
    elements = sum(1 for _ in tree.iter())
    if elements > MAX_ELEMENTS:
        raise TooLargeError(
            f"too large: the page has {elements:,} HTML elements (the limit is {MAX_ELEMENTS:,})"
        )
    result = trafilatura.bare_extraction(
        tree,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        favor_precision=True,
        deduplicate=False,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    text = (getattr(result, "text", None) or "") if result is not None else ""
    fields = _fields(result) if result is not None else {}
    body = _paragraphs(text, fields.get("title"))
    if len(body) < MIN_ARTICLE_CHARS:
        raise NotAnArticleError(
            "not an article: the page has no main text (a page of links, a login or cookie"
            " wall, or content drawn by scripts)"
        )
    return Reduced(body, fields)


def _parse(data: bytes | str) -> html.HtmlElement:
    parser = html.HTMLParser(
        collect_ids=False, remove_comments=True, remove_pis=True, default_doctype=False
    )
    if isinstance(data, bytes):
        data = _decoded(data)
    try:
        tree = html.document_fromstring(data, parser=parser)
    except (etree.ParserError, ValueError) as exc:
        raise NotAnArticleError(f"not an article: the HTML cannot be parsed ({exc})") from None
    return tree


def _decoded(data: bytes) -> str:
    """Bytes to text by the page's declared charset (BOM, then ``<meta charset>``), else UTF-8
    with replacement characters where bytes are not UTF-8."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", "replace")
    head = data[:2048].lower()
    match = re.search(rb"charset\s*=\s*[\"']?([a-z0-9_.:-]{1,40})", head)
    if match:
        try:
            return data.decode(match.group(1).decode("ascii"), "replace")
        except LookupError:
            pass
    return data.decode("utf-8", "replace")


def _fields(result: object) -> dict[str, str]:
    fields: dict[str, str] = {}
    for name, attribute in (
        ("title", "title"),
        ("publisher", "sitename"),
        ("author", "author"),
        ("url", "url"),
    ):
        value = getattr(result, attribute, None)
        if isinstance(value, str) and value.strip():
            fields[name] = value.strip()
    hostname = getattr(result, "hostname", None)
    if isinstance(hostname, str) and fields.get("publisher", "").lower().removeprefix(
        "www."
    ) == hostname.lower().removeprefix("www."):
        del fields["publisher"]  # trafilatura's fallback, not the page's: hints may know better
    date = getattr(result, "date", None)
    if isinstance(date, str) and _DATE.fullmatch(date.strip()):
        fields["published"] = date.strip()
    return fields


def _paragraphs(text: str, title: str | None) -> str:
    """One paragraph per block the extractor kept, separated by blank lines; a first line that
    repeats the title is the page's headline, already in the title field."""
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    lines = [line for line in lines if line]
    if lines and title and lines[0].casefold() == title.strip().casefold():
        lines = lines[1:]
    return "\n\n".join(lines)
