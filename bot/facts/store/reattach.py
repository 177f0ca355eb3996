"""Moderator decisions follow a figure whose sentence was edited when its document is extracted
again.

A figure's id hashes its sentence, so fixing one letter of a sentence gives the figure a new id
and would leave every server's hide/verify/correct on it pointing at nothing. When a document is
replaced, each figure that disappeared and carried a decision is paired with a new figure of the
same document that has the same metric and the same value (low and high) and whose sentence is
at least :data:`SIMILARITY` similar (rapidfuzz's ``fuzz.ratio``, 0-100: one letter changed in a
short sentence scores about 97, a rewritten clause well under 90). Pairs are one-to-one, the
most similar first; a different number never inherits a decision. Each move, and each decision
that found no successor, is written to the audit log of its server, in the ingest transaction.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from bot.facts.model import Figure
from bot.facts.store.audit import BOT_ACTOR, record
from bot.facts.store.transaction import Transaction

#: The least ``fuzz.ratio`` between an old and a new sentence for a decision to follow.
SIMILARITY = 90.0
#: How much of a sentence the audit entry keeps.
QUOTE_IN_LOG = 300


@dataclass(frozen=True, slots=True)
class Candidate:
    """What pairing needs of a figure."""

    id: str
    metric: str
    low: int
    high: int
    quote: str

    @classmethod
    def of(cls, figure: Figure) -> Candidate:
        return cls(figure.id, figure.metric.value, figure.low, figure.high, figure.quote)


def successors(
    dropped: Sequence[Candidate], new: Sequence[Candidate], *, similarity: float = SIMILARITY
) -> dict[str, Candidate]:
    """Old id -> the new figure that takes over its decisions, one-to-one, best match first."""
    pairs: list[tuple[float, int, int]] = []
    for i, old in enumerate(dropped):
        for j, candidate in enumerate(new):
            if (old.metric, old.low, old.high) != (candidate.metric, candidate.low, candidate.high):
                continue
            score = fuzz.ratio(old.quote, candidate.quote, score_cutoff=similarity)
            if score:
                pairs.append((score, i, j))
    pairs.sort(key=lambda p: (-p[0], p[1], p[2]))
    found: dict[str, Candidate] = {}
    taken: set[int] = set()
    for _, i, j in pairs:
        if dropped[i].id not in found and j not in taken:
            found[dropped[i].id] = new[j]
            taken.add(j)
    return found


def _logged(candidate: Candidate) -> dict[str, str]:
    return {"figure": candidate.id, "quote": candidate.quote[:QUOTE_IN_LOG]}


async def reattach_decisions(
    tx: Transaction, document: str, dropped: Sequence[Candidate], new: Sequence[Candidate]
) -> tuple[int, int]:
    """Move the decisions on ``dropped`` figures to their successors among ``new``; the number
    moved and the number left without a figure (both audited in their server's log)."""
    if not dropped:
        return 0, 0
    decided = await tx.fetch(
        "SELECT guild_id, figure_id FROM overlays"
        f" WHERE figure_id IN {tx.dialect.json_values('?')} ORDER BY guild_id, figure_id",
        (json.dumps([c.id for c in dropped]),),
    )
    if not decided:
        return 0, 0
    by_id = {c.id: c for c in dropped}
    decided_ids = {row["figure_id"] for row in decided}
    following = successors([c for c in dropped if c.id in decided_ids], new)
    moved = 0
    for row in decided:
        guild, old = row["guild_id"], by_id[row["figure_id"]]
        successor = following.get(old.id)
        if successor is not None and not await tx.fetchone(
            "SELECT 1 FROM overlays WHERE guild_id = ? AND figure_id = ?", (guild, successor.id)
        ):
            await tx.execute(
                "UPDATE overlays SET figure_id = ? WHERE guild_id = ? AND figure_id = ?",
                (successor.id, guild, old.id),
            )
            await record(
                tx, guild, BOT_ACTOR, "decision moved", successor.id,
                before=_logged(old), after=_logged(successor),
                reason=f"the sentence was edited in {document}",
            )
            moved += 1
        else:
            await record(
                tx, guild, BOT_ACTOR, "decision unattached", old.id, before=_logged(old),
                reason=f"no figure with the same metric and value and a similar sentence is"
                f" left in {document}",
            )
    return moved, len(decided) - moved
