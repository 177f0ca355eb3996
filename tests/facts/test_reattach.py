"""Moderator decisions follow a figure whose sentence was edited, and only to the same number."""

from __future__ import annotations

import shutil
from pathlib import Path

from bot.client import seed_extractor
from bot.config import Settings
from bot.facts.ingest import sync_folder
from bot.facts.model import Metric, Status
from bot.facts.store import FactStore
from bot.facts.store.overlays import Moderation
from bot.facts.store.reattach import SIMILARITY, Candidate, successors
from tests.conftest import REPO_SEEDS

A, B, ACTOR = 111, 222, 9
ZELENSKYY = "Ukrainian President Volodymyr Zelenskyy placed"
NIS = "at least 300 North Korean soldiers had been killed"


def candidate(fid: str, quote: str, low: int = 300, metric: str = "killed") -> Candidate:
    return Candidate(fid, metric, low, low, quote)


def test_pairs_are_one_to_one_by_value_metric_and_similar_sentence() -> None:
    sentence = "The agency said at least 300 soldiers had been killed near the border."
    edited = sentence.replace("agency", "agncy")
    rewritten = "Officials now believe that a total of 300 men were killed in the region."
    dropped = [candidate("old1", sentence), candidate("old2", sentence, low=400)]
    new = [
        candidate("new-other-number", edited, low=301),
        candidate("new-other-metric", edited, metric="wounded"),
        candidate("new-rewritten", rewritten),
        candidate("new-edited", edited),
    ]
    assert successors(dropped, new) == {"old1": new[3]}
    # one-to-one: two old figures with one successor between them, the closer one wins
    twin = [candidate("a", sentence), candidate("b", edited)]
    assert successors(twin, [candidate("new", edited)]) == {"b": candidate("new", edited)}
    assert SIMILARITY == 90.0


async def seeded(tmp_path: Path, db_target: Path | str) -> tuple[FactStore, Path]:
    seeds = tmp_path / "seeds"
    shutil.copytree(REPO_SEEDS, seeds)
    store = await FactStore.open(db_target)
    assert (await sync_folder(store, seeds, seed_extractor(Settings()))).ok
    return store, seeds


async def test_decisions_follow_an_edited_seed_sentence_and_are_audited(
    tmp_path: Path, db_target: Path | str
) -> None:
    store, seeds = await seeded(tmp_path, db_target)
    async with store:
        mod = Moderation(store)
        figures = {f.low: f for f in await store.figures(None, metrics=[Metric.CASUALTIES])}
        four, twelve = figures[4000], figures[1200]
        await mod.hide(A, four.id, actor_id=ACTOR, reason="dup")
        await mod.correct(A, twelve.id, "source", "Pentagon", actor_id=ACTOR, reason="r")
        await mod.verify(B, four.id, actor_id=ACTOR)
        seed = next(seeds.glob("*.txt"))
        text = seed.read_text("utf-8")
        assert ZELENSKYY in text
        seed.write_text(text.replace(ZELENSKYY, ZELENSKYY.replace("President", "president")))
        summary = await sync_folder(store, seeds, seed_extractor(Settings()))
        [result] = summary.results
        assert (result.status, result.reattached, result.unattached) == ("replaced", 3, 0)

        moved = {f.low: f for f in await store.figures(B, metrics=[Metric.CASUALTIES])}
        new_four, new_twelve = moved[4000], moved[1200]
        assert new_four.id != four.id and "president Volodymyr" in new_four.quote
        assert new_four.status is Status.VERIFIED
        hidden = await store.figure(A, new_four.id, include_hidden=True)
        assert hidden is not None and hidden.status is Status.HIDDEN
        kept = await store.figure(A, new_twelve.id)
        assert kept is not None and kept.source == "Pentagon"
        assert new_twelve.status is Status.AUTO  # guild B never touched it
        log = await mod.audit_log(A, limit=10)
        assert [(e.action, e.actor_id) for e in log[:2]] == [("decision moved", 0)] * 2
        assert {(e.before["figure"], e.target) for e in log[:2]} == {
            (four.id, new_four.id), (twelve.id, new_twelve.id)
        }
        assert await mod.unattached(A) == []


async def test_a_changed_number_keeps_no_decision_and_is_reported(
    tmp_path: Path, db_target: Path | str
) -> None:
    store, seeds = await seeded(tmp_path, db_target)
    async with store:
        mod = Moderation(store)
        [killed] = await store.figures(None, metrics=[Metric.KILLED])
        await mod.hide(A, killed.id, actor_id=ACTOR, reason="unsourced")
        seed = next(seeds.glob("*.txt"))
        seed.write_text(seed.read_text("utf-8").replace(NIS, NIS.replace("300", "350")))
        [result] = (await sync_folder(store, seeds, seed_extractor(Settings()))).results
        assert (result.reattached, result.unattached) == (0, 1)
        [now] = await store.figures(A, metrics=[Metric.KILLED])
        assert now.low == 350 and now.status is Status.AUTO
        [lost] = await mod.unattached(A)
        assert lost.target == killed.id and lost.action == "decision unattached"
        assert "300" in lost.before["quote"]
        assert await mod.unattached(B) == []
        # the sentence comes back: the decision applies again and is no longer reported
        seed.write_text(seed.read_text("utf-8").replace("at least 350", "at least 300"))
        await sync_folder(store, seeds, seed_extractor(Settings()))
        assert await store.figure(A, killed.id) is None  # hidden again
        assert await mod.unattached(A) == []
