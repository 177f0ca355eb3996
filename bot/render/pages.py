"""Turn any list of entries into pages of embeds, each within Discord's limits.

Entries are never silently truncated: an entry too long for one page continues on the next.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import discord

from bot.i18n import t
from bot.render.text import inferred_legend

TITLE_LIMIT = 256
DESCRIPTION_LIMIT = 4_096
FIELDS_LIMIT = 25
FIELD_NAME_LIMIT = 256
FIELD_VALUE_LIMIT = 1_024
FOOTER_LIMIT = 2_048
AUTHOR_LIMIT = 256
MESSAGE_EMBEDS_TOTAL = 6_000
EMBEDS_PER_MESSAGE = 10
CONTENT_LIMIT = 2_000

COLOUR = discord.Colour(0x3B6EA5)
_PAGE_COUNTER_ROOM = len(" · сторінка 99999/99999")
#: Room kept in a footer for the inferred-date legend in any language.
LEGEND_ROOM = 40


def continued(lang: object = "en") -> str:
    """What follows a group's heading when the group began on an earlier page."""
    return " " + t(lang, "page.continued")


def page_counter(number: int, total: int, lang: object = "en") -> str:
    return t(lang, "page.counter", n=number, total=total)


@dataclass(frozen=True, slots=True)
class Entry:
    """One block of a listing. ``text`` is Markdown with document text already escaped.

    ``group`` is shown as a bold heading above the group's first entry on every page it spans;
    ``inferred`` puts the inferred-date legend in the page's footer.
    """

    text: str
    group: str | None = None
    inferred: bool = False


def _split(text: str, size: int) -> list[str]:
    """``text`` in pieces of at most ``size`` characters, cut at line ends, else at spaces."""
    pieces: list[str] = []
    rest = text
    while len(rest) > size:
        cut = rest.rfind("\n", 0, size + 1)
        if cut <= size // 3:
            cut = rest.rfind(" ", 0, size + 1)
        if cut <= size // 3:
            cut = size
        while cut > 1 and rest[cut - 1] == "\\":  # never leave an escape without its character
            cut -= 1
        piece, rest = rest[:cut].rstrip(), rest[cut:].lstrip(" \n")
        if rest and piece.split("\n")[-1].startswith("> ") and not rest.startswith("> "):
            rest = "> " + rest
        pieces.append(piece)
    if rest:
        pieces.append(rest)
    return pieces


class _Packer:
    """Fills pages block by block; a page closes when the next block would overflow it."""

    def __init__(self, room: int, per_page: int, lang: object):
        self.room = room
        self.per_page = per_page
        self.lang = lang
        self.pages: list[tuple[list[str], bool]] = []
        self._start()

    def _start(self) -> None:
        self.blocks: list[str] = []
        self.used = 0
        self.inferred = False
        self.group: str | None = None

    def heading(self, group: str | None, is_continued: bool) -> str:
        if group is None or group == self.group:
            return ""
        return f"**{group}**{continued(self.lang) if is_continued else ''}\n"

    def fits(self, block: str) -> bool:
        needed = len(block) + (2 if self.blocks else 0)
        return len(self.blocks) < self.per_page and self.used + needed <= self.room

    def add(self, block: str, entry: Entry) -> None:
        self.used += len(block) + (2 if self.blocks else 0)
        self.blocks.append(block)
        self.inferred = self.inferred or entry.inferred
        self.group = entry.group

    def flush(self) -> None:
        if self.blocks:
            self.pages.append((self.blocks, self.inferred))
        self._start()


def paginate(
    entries: Sequence[Entry],
    *,
    title: str,
    intro: str = "",
    footer: str = "",
    per_page: int = 10,
    colour: discord.Colour = COLOUR,
    lang: object = "en",
) -> list[discord.Embed]:
    """Pages (one embed each) holding every entry in order, each page within Discord's limits.

    ``intro`` opens every page (keep it short); a page's footer carries ``footer``, the page
    counter and, when a date on it was inferred, the legend for the ``*`` mark (in ``lang``).
    """
    title = title if len(title) <= TITLE_LIMIT else title[: TITLE_LIMIT - 1] + "…"
    footer = footer[: FOOTER_LIMIT - _PAGE_COUNTER_ROOM - LEGEND_ROOM - 6]
    footer_room = len(footer) + LEGEND_ROOM + _PAGE_COUNTER_ROOM + 6
    intro = intro[:1_000]
    room = min(DESCRIPTION_LIMIT, MESSAGE_EMBEDS_TOTAL - len(title) - footer_room)
    room -= len(intro) + 2 if intro else 0

    packer = _Packer(room, per_page, lang)
    previous: str | None = None
    for entry in entries:
        is_continued = entry.group is not None and entry.group == previous
        block = packer.heading(entry.group, is_continued) + entry.text
        if not packer.fits(block):
            packer.flush()
            block = packer.heading(entry.group, is_continued) + entry.text
        if packer.fits(block):
            packer.add(block, entry)
        else:
            head_room = len(f"**{entry.group}**{continued(lang)}\n") if entry.group else 0
            for number, piece in enumerate(_split(entry.text, room - head_room)):
                if number:
                    packer.flush()
                packer.add(
                    packer.heading(entry.group, is_continued or number > 0) + piece, entry
                )
        previous = entry.group
    packer.flush()
    pages = packer.pages

    total = len(pages)
    embeds: list[discord.Embed] = []
    for number, (page_blocks, page_inferred) in enumerate(pages, start=1):
        description = "\n\n".join(page_blocks)
        if intro:
            description = f"{intro}\n\n{description}"
        notes = [footer] if footer else []
        if page_inferred:
            notes.append(inferred_legend(lang))
        if total > 1:
            notes.append(page_counter(number, total, lang))
        embed = discord.Embed(title=title, description=description, colour=colour)
        if notes:
            embed.set_footer(text=" · ".join(notes))
        embeds.append(embed)
    return embeds


def limit_problems(embeds: Sequence[discord.Embed], content: str | None = None) -> list[str]:
    """Every way one message with these embeds breaks Discord's limits (empty when it fits)."""
    problems: list[str] = []
    if content is not None and len(content) > CONTENT_LIMIT:
        problems.append(f"content {len(content)} > {CONTENT_LIMIT}")
    if len(embeds) > EMBEDS_PER_MESSAGE:
        problems.append(f"{len(embeds)} embeds > {EMBEDS_PER_MESSAGE}")
    total = 0
    for i, embed in enumerate(embeds):
        checks = [
            ("title", len(embed.title or ""), TITLE_LIMIT),
            ("description", len(embed.description or ""), DESCRIPTION_LIMIT),
            ("fields", len(embed.fields), FIELDS_LIMIT),
            ("footer", len(embed.footer.text or ""), FOOTER_LIMIT),
            ("author", len(embed.author.name or ""), AUTHOR_LIMIT),
        ]
        for field in embed.fields:
            checks.append(("field name", len(field.name or ""), FIELD_NAME_LIMIT))
            checks.append(("field value", len(field.value or ""), FIELD_VALUE_LIMIT))
        problems.extend(f"embed {i} {what} {n} > {cap}" for what, n, cap in checks if n > cap)
        total += len(embed)
    if total > MESSAGE_EMBEDS_TOTAL:
        problems.append(f"embeds total {total} > {MESSAGE_EMBEDS_TOTAL}")
    return problems
