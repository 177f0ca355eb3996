"""Per-server overlays and the audit log in the store: isolation, atomicity, survival."""

from __future__ import annotations

import asyncio
import shutil
from datetime import date

import pytest

from bot.admin.corrections import correction_shown, correction_value
from bot.client import seed_extractor
from bot.config import Settings
from bot.facts.documents import parse_document
from bot.facts.extract import extract
from bot.facts.ingest import sync_folder
from bot.facts.model import DateSpan, Period, PeriodKind, PeriodUnit, Precision, Status, Voice
from bot.facts.store import FactStore
from bot.facts.store.database import open_database
from bot.facts.store.migrate import bundled_migrations
from bot.facts.store.overlays import Moderation, ModerationError
from tests.conftest import REPO_SEEDS

A, B, ACTOR = 111, 222, 9


async def seeded(tmp_path, db_target):
    seeds = tmp_path / "seeds"
    shutil.copytree(REPO_SEEDS, seeds)
    store = await FactStore.open(db_target)
    summary = await sync_folder(store, seeds, seed_extractor(Settings()))
    assert summary.ok
    return store, seeds


async def test_overlays_apply_to_their_guild_only_and_are_audited(tmp_path, db_target):
    store, _ = await seeded(tmp_path, db_target)
    async with store:
        mod = Moderation(store)
        first, second = (await store.figures(None))[:2]
        version = store.version
        await mod.hide(A, first.id, actor_id=ACTOR, reason="dup")
        assert store.version == version + 1
        june = DateSpan("June 2024", date(2024, 6, 1), date(2024, 6, 30), Precision.MONTH)
        corrected = await mod.correct(A, second.id, "date", june, actor_id=ACTOR, reason="r")
        assert corrected.status is Status.CORRECTED and corrected.date == june
        assert first.id not in {f.id for f in await store.figures(A)}
        assert first.id in {f.id for f in await store.figures(B)}
        assert await store.figure(A, first.id) is None
        assert (await store.figure(A, first.id, include_hidden=True)).status is Status.HIDDEN
        assert await store.figure(B, second.id) == second
        assert (await mod.original(A, second.id)) == second
        assert (await store.stats(A)).figures == (await store.stats(B)).figures - 1
        log = await mod.audit_log(A, limit=10)
        assert [(e.action, e.target, e.reason) for e in log] == [
            ("correct date", second.id, "r"), ("hide", first.id, "dup")
        ]
        assert log[1].before["status"] == "auto" and log[1].after["status"] == "hidden"
        assert await mod.audit_log(B, limit=10) == []


async def test_a_guild_cannot_reach_another_guilds_document(tmp_path, db_target):
    store, _ = await seeded(tmp_path, db_target)
    async with store:
        mod = Moderation(store)
        text = b"The NIS said at least 600 North Korean soldiers had been killed in Kursk."
        extraction = extract(parse_document(text, f"guild-{A}/a.txt"))
        await mod.add_document(A, extraction, actor_id=ACTOR)
        fid = extraction.figures[0].id
        assert await mod.figure(B, fid) is None
        with pytest.raises(ModerationError):
            await mod.hide(B, fid, actor_id=ACTOR, reason="x")
        with pytest.raises(ModerationError):
            await mod.remove_document(B, f"guild-{A}/a.txt", actor_id=ACTOR, reason=None)
        with pytest.raises(ModerationError):
            await mod.remove_document(B, (await store.documents(None))[0].key, actor_id=ACTOR,
                                      reason=None)
        assert await store.figure(A, fid) is not None
        assert [e.action for e in await mod.audit_log(A, limit=5)] == ["ingest"]
        assert await mod.audit_log(B, limit=5) == []


async def test_a_failing_audit_write_stores_nothing(tmp_path, db_target):
    store, _ = await seeded(tmp_path, db_target)
    async with store:
        extraction = extract(parse_document(b"At least 70 North Korean soldiers were killed.",
                                            "guild-1/x.txt"))

        async def broken(db, result):
            await db.execute("INSERT INTO audit_log (actor_id) VALUES (NULL)")

        with pytest.raises(Exception, match=r"NOT NULL|not-null"):
            await store.ingest(extraction, guild_id=1, also=broken)
        assert await store.document(1, "guild-1/x.txt") is None
        assert await Moderation(store).audit_log(1, limit=5) == []


async def test_overlays_survive_reopen_and_reingestion_of_changed_seed_text(tmp_path, db_target):
    store, seeds = await seeded(tmp_path, db_target)
    async with store:
        mod = Moderation(store)
        first, second = (await store.figures(None))[:2]
        await mod.hide(A, first.id, actor_id=ACTOR, reason="dup")
        await mod.correct(A, second.id, "subject", "Russia", actor_id=ACTOR, reason="r")
        await mod.set_moderator_role(A, 77, actor_id=ACTOR)
    seed = next(seeds.glob("*.txt"))
    seed.write_text("Editor's note: this story was updated.\n\n" + seed.read_text("utf-8"))
    async with await FactStore.open(db_target) as store:
        summary = await sync_folder(store, seeds, seed_extractor(Settings()))
        assert summary.replaced == [seed.name]
        mod = Moderation(store)
        hidden = await store.figure(A, first.id, include_hidden=True)
        assert hidden is not None and hidden.status is Status.HIDDEN
        moved = await store.figure(A, second.id)
        assert moved is not None and moved.subject == "Russia" and moved.span != second.span
        assert first.id in {f.id for f in await store.figures(B)}
        assert await mod.moderator_role(A) == 77
        assert [e.action for e in await mod.audit_log(A, limit=10)] == [
            "modrole", "correct subject", "hide"
        ]


async def test_verifying_a_hidden_or_corrected_figure_says_why_nothing_changes(tmp_path, db_target):
    store, _ = await seeded(tmp_path, db_target)
    async with store:
        mod = Moderation(store)
        first, second = (await store.figures(None))[:2]
        await mod.hide(A, first.id, actor_id=ACTOR, reason="dup")
        await mod.correct(A, second.id, "low", second.low + 1, actor_id=ACTOR, reason="typo")
        with pytest.raises(ModerationError, match="unhide it before verifying"):
            await mod.verify(A, first.id, actor_id=ACTOR)
        with pytest.raises(ModerationError, match="already shows this server's correction"):
            await mod.verify(A, second.id, actor_id=ACTOR)
        assert len(await mod.audit_log(A, limit=10)) == 2


async def test_two_corrections_at_once_never_leave_low_above_high(tmp_path, db_target):
    store, _ = await seeded(tmp_path, db_target)
    other = await FactStore.open(db_target)  # a second process, in effect
    async with store, other:
        [ranged] = [f for f in await store.figures(None) if f.low == 10_000]
        assert ranged.high == 12_000
        outcomes = await asyncio.gather(
            Moderation(store).correct(A, ranged.id, "low", 11_500, actor_id=1, reason="a"),
            Moderation(other).correct(A, ranged.id, "high", 10_500, actor_id=2, reason="b"),
            return_exceptions=True,
        )
        refused = [o for o in outcomes if isinstance(o, ModerationError)]
        assert len(refused) == 1 and "above the high value" in str(refused[0])
        seen = await store.figure(A, ranged.id)
        assert seen.low <= seen.high
        assert len(await Moderation(store).audit_log(A, limit=5)) == 1


async def test_the_overlay_table_refuses_low_above_high(tmp_path, db_target):
    store, _ = await seeded(tmp_path, db_target)
    async with store:
        fid = (await store.figures(None))[0].id
        with pytest.raises(store.dialect.integrity_errors, match=r"CHECK|check constraint"):
            async with store.write() as tx:
                await tx.execute(
                    "INSERT INTO overlays (guild_id, figure_id, low, high, updated_at)"
                    " VALUES (1, ?, 5, 3, 'now')",
                    (fid,),
                )


async def test_migration_0005_keeps_decisions_and_drops_only_inverted_ranges(db_target):
    db = await open_database(db_target, [m for m in bundled_migrations() if m.version <= 4])
    try:
        async with db.transaction() as tx:
            await tx.execute(
                "INSERT INTO documents (key, digest, text, words, ingested_at, updated_at)"
                " VALUES ('a.txt', 'x', 'text', 1, 'now', 'now')"
            )
            await tx.execute(
                "INSERT INTO figures (id, document, position, metric, subject, low, high,"
                " qualifier, additional, quote, span_start, span_end) VALUES"
                " ('fig1', 'a.txt', 0, 'killed', 'Russia', 100, 200, 'range', 0, 'q', 0, 1)"
            )
            await tx.executemany(
                "INSERT INTO overlays (guild_id, figure_id, hidden, low, high, updated_at)"
                " VALUES (?, ?, ?, ?, ?, 'then')",
                [(1, "fig1", 0, 150, None), (2, "fig1", 1, 300, 250), (3, "gone", 1, None, None)],
            )
    finally:
        await db.close()
    async with await FactStore.open(db_target) as store:
        rows = await store.read("SELECT guild_id, hidden, low, high FROM overlays ORDER BY 1", ())
        expected = [(1, 0, 150, 200), (2, 1, None, None), (3, 1, None, None)]
        assert [tuple(r) for r in rows] == expected
        [entry] = await Moderation(store).audit_log(2, limit=5)
        assert entry.action == "correction dropped" and entry.before == {"low": 300, "high": 250}
        indexes = await store.read(
            "SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'overlays'"
            if store.dialect.name == "sqlite"
            else "SELECT indexname AS name FROM pg_indexes WHERE tablename = 'overlays'",
            (),
        )
        assert "overlays_figure" in {row["name"] for row in indexes}


async def test_a_period_is_corrected_for_one_guild_and_audited(tmp_path, db_target):
    store, _ = await seeded(tmp_path, db_target)
    async with store:
        mod = Moderation(store)
        figure = (await store.figures(None))[0]
        assert figure.period is None
        daily = correction_value("period", "per day")
        corrected = await mod.correct(A, figure.id, "period", daily, actor_id=ACTOR, reason="r")
        assert corrected.status is Status.CORRECTED
        assert corrected.period == Period("per day", PeriodKind.RATE, PeriodUnit.DAY)
        assert correction_shown(corrected, "period") == "per day"
        untouched = await store.figure(B, figure.id)
        assert untouched is not None and untouched.period is None
        original = await mod.original(A, figure.id)
        assert original is not None and original.period is None
        [entry] = await mod.audit_log(A, limit=5)
        assert entry.action == "correct period" and entry.before["period"] is None
        assert entry.after["period"] == {"text": "per day", "kind": "rate", "unit": "day",
                                         "count": 1}  # fmt: skip
        [change] = await mod.corrections(A)
        assert set(change["fields"]) == {"period"}
        total = await mod.correct(
            A, figure.id, "period", correction_value("period", "none"), actor_id=ACTOR,
            reason="a total after all",
        )  # fmt: skip
        assert total.period is None
        with pytest.raises(ModerationError, match="period must be like"):
            correction_value("period", "per fortnight")


async def test_a_corrected_claimant_has_a_voice_and_none_has_none(tmp_path, db_target):
    store, _ = await seeded(tmp_path, db_target)
    async with store:
        mod = Moderation(store)
        cited = next(f for f in await store.figures(None) if f.source is not None)
        assert cited.voice is Voice.CITED
        cleared = await mod.correct(A, cited.id, "source", None, actor_id=ACTOR, reason="r")
        assert (cleared.source, cleared.voice) == (None, None)
        named = await mod.correct(A, cited.id, "source", "NIS", actor_id=ACTOR, reason="r")
        assert (named.source, named.voice) == ("NIS", Voice.CITED)
        assert (await store.figure(B, cited.id)).voice is Voice.CITED
        other = next(f for f in await store.figures(None) if f.id != cited.id)
        async with store.write() as tx:  # stored before figures had a voice
            await tx.execute("UPDATE figures SET voice = NULL WHERE id = ?", (other.id,))
        added = await mod.correct(A, other.id, "source", "HUR", actor_id=ACTOR, reason="r")
        assert (added.source, added.voice) == ("HUR", Voice.CITED)
