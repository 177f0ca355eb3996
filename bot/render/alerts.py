"""The alert posted when a document is ingested: its new figures, grouped like /casualties, each
contradiction (another claimant's figure about the same time that it does not fit) called out
beside the figures it contradicts, and the earlier figure it revises named with the change, all
in one message, in the server's language (its preferred locale). What conflicts and what
revises is :func:`bot.facts.contradictions.relation`'s rule, the answers' too."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import discord

from bot.facts.contradictions import Contradiction, Relation, later_first
from bot.facts.model import Figure, Metric
from bot.i18n import t
from bot.render import text
from bot.render.answers import (
    METRIC_ORDER,
    Documents,
    figure_entry,
    figure_line,
    metric_words,
)
from bot.render.listing import deployment_heading
from bot.render.naming import document_name
from bot.render.pages import (
    CONTENT_LIMIT,
    EMBEDS_PER_MESSAGE,
    MESSAGE_EMBEDS_TOTAL,
    Entry,
    paginate,
)

ALERT_COLOUR = discord.Colour(0xC27C0E)
ALERT_QUOTE_LIMIT = 200
#: Held figures shown beside one contradicting figure; the rest are counted.
SHOWN_CONTRADICTED = 3


@dataclass(frozen=True, slots=True)
class AlertMessage:
    """One message: a short content line and the embeds (within Discord's per-message limits)."""

    content: str
    embeds: list[discord.Embed]


def _heading(figure: Figure, lang: str) -> str:
    if figure.metric is Metric.DEPLOYED:
        return deployment_heading(figure.subject, figure.additional, lang)
    return f"{text.subject_name(figure.subject, lang)} · {metric_words(figure.metric, lang)}"


def _contradiction_entry(
    new: Figure, found: Sequence[Contradiction], documents: Documents, group: str, lang: str
) -> Entry:
    lines: list[str] = []
    conflicts = [c.held for c in found if c.kind is Relation.CONFLICT]
    if conflicts:
        lines.append(t(lang, "alert.conflict"))
        lines += [f"↳ {figure_line(f, documents, lang)}" for f in conflicts[:SHOWN_CONTRADICTED]]
        if len(conflicts) > SHOWN_CONTRADICTED:
            more = len(conflicts) - SHOWN_CONTRADICTED
            lines.append("↳ " + t(lang, "alert.and_more", n=more))
    for revised in (c.held for c in found if c.kind is Relation.REVISION):
        lines.append(text.revision(*later_first(revised, new), lang))
        lines.append(f"↳ {figure_line(revised, documents, lang)}")
    inferred = any(text.is_inferred(c.held.date) for c in found)
    return Entry("\n".join(lines), group=group, inferred=inferred)


def _fit(embeds: Sequence[discord.Embed]) -> list[discord.Embed]:
    """The leading embeds that fit in one message together."""
    kept: list[discord.Embed] = []
    total = 0
    for embed in embeds[:EMBEDS_PER_MESSAGE]:
        if total + len(embed) > MESSAGE_EMBEDS_TOTAL:
            break
        kept.append(embed)
        total += len(embed)
    return kept


def alert_message(
    document_key: str,
    figures: Sequence[Figure],
    found: Mapping[str, Sequence[Contradiction]],
    documents: Documents,
    lang: str = "en",
) -> AlertMessage:
    """The alert for one document's new ``figures`` (as the receiving server sees them);
    ``found`` maps a figure id to what it contradicts; ``documents`` holds every document
    cited (the new one and those of the contradicted figures)."""
    contradicted_groups = {_heading(f, lang) for f in figures if f.id in found}
    ordered = sorted(
        figures,
        key=lambda f: (
            _heading(f, lang) not in contradicted_groups, f.subject, METRIC_ORDER[f.metric]
        ),
    )
    entries: list[Entry] = []
    for figure in ordered:
        group = _heading(figure, lang)
        entries.append(figure_entry(figure, documents, group, ALERT_QUOTE_LIMIT, lang))
        if figure.id in found:
            entries.append(_contradiction_entry(figure, found[figure.id], documents, group, lang))
    name = document_name(documents.get(document_key), lang)
    count = t(lang, "alert.new_figures", n=len(figures))
    pages = paginate(
        entries,
        title=t(lang, "alert.title", name=name),
        footer=t(
            lang,
            "listing.figures_footer",
            figures=count,
            command=text.command_name("figure", lang),
        ),
        per_page=8,
        colour=ALERT_COLOUR,
        lang=lang,
    )
    embeds = _fit(pages)
    lines = [t(lang, "alert.content", count=count, name=name)]
    disagreeing = sum(
        any(c.kind is Relation.CONFLICT for c in of_figure) for of_figure in found.values()
    )
    if disagreeing:
        lines.append(t(lang, "alert.disagreeing", n=disagreeing))
    if len(embeds) < len(pages):
        lines.append(
            t(
                lang,
                "alert.more_pages",
                n=len(pages) - len(embeds),
                casualties=text.command_name("casualties", lang),
                deployments=text.command_name("deployments", lang),
            )
        )
    return AlertMessage("\n".join(lines)[:CONTENT_LIMIT], embeds)
