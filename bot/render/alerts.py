"""The alert posted when a document is ingested: its new figures, grouped like /casualties, each
contradiction called out beside the figures it contradicts, all in one message."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import discord

from bot.facts.contradictions import Contradiction, Disagreement
from bot.facts.model import Figure, Metric
from bot.render import text
from bot.render.answers import METRIC_ORDER, METRIC_WORDS, Documents, figure_entry, figure_line
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
_SAYS = {
    Disagreement.CONFLICT: "⚠ **Contradicts** another source's figure:",
    Disagreement.JUMP: "⚠ **More than half away from** the same source's earlier figure:",
}


@dataclass(frozen=True, slots=True)
class AlertMessage:
    """One message: a short content line and the embeds (within Discord's per-message limits)."""

    content: str
    embeds: list[discord.Embed]


def _heading(figure: Figure) -> str:
    if figure.metric is Metric.DEPLOYED:
        kind = "additional troops sent" if figure.additional else "troops deployed"
    else:
        kind = METRIC_WORDS[figure.metric]
    return f"{text.clip(figure.subject, 100)} · {kind}"


def _contradiction_entry(
    found: Sequence[Contradiction], documents: Documents, group: str
) -> Entry:
    lines: list[str] = []
    for kind in (Disagreement.CONFLICT, Disagreement.JUMP):
        of_kind = [c.held for c in found if c.kind is kind]
        if not of_kind:
            continue
        lines.append(_SAYS[kind])
        lines += [f"↳ {figure_line(f, documents)}" for f in of_kind[:SHOWN_CONTRADICTED]]
        if len(of_kind) > SHOWN_CONTRADICTED:
            lines.append(f"↳ … and {len(of_kind) - SHOWN_CONTRADICTED:,} more")
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
) -> AlertMessage:
    """The alert for one document's new ``figures`` (as the receiving server sees them);
    ``found`` maps a figure id to what it contradicts; ``documents`` holds every document
    cited (the new one and those of the contradicted figures)."""
    contradicted_groups = {_heading(f) for f in figures if f.id in found}
    ordered = sorted(
        figures,
        key=lambda f: (_heading(f) not in contradicted_groups, f.subject, METRIC_ORDER[f.metric]),
    )
    entries: list[Entry] = []
    for figure in ordered:
        group = _heading(figure)
        entries.append(figure_entry(figure, documents, group, ALERT_QUOTE_LIMIT))
        if figure.id in found:
            entries.append(_contradiction_entry(found[figure.id], documents, group))
    name = text.document_name(documents.get(document_key), document_key)
    count = f"{len(figures):,} new figure" + ("" if len(figures) == 1 else "s")
    pages = paginate(
        entries,
        title=f"New figures from {name}",
        footer=f"{count} · /figure <id> shows one in full",
        per_page=8,
        colour=ALERT_COLOUR,
    )
    embeds = _fit(pages)
    lines = [f"📰 {count} from {name} ({text.clip(document_key, 100)})."]
    disagreeing = len(found)
    if disagreeing:
        lines.append(
            f"⚠ {disagreeing:,} of them disagree with figures already held; see below."
        )
    if len(embeds) < len(pages):
        lines.append(
            f"{len(pages) - len(embeds):,} more page(s) not posted here: /casualties and"
            " /deployments list every figure."
        )
    return AlertMessage("\n".join(lines)[:CONTENT_LIMIT], embeds)
