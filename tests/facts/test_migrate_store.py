"""``python -m bot migrate-store``: an SQLite fact base with everything in it (overlays, audit
log, moderator roles, alerts, feeds, the review queue) copied to PostgreSQL, reported, checked
against the source, and refused into a target that holds anything."""

from __future__ import annotations

import json
import shutil
from datetime import UTC, datetime
from pathlib import Path

from bot.facts.documents import parse_document
from bot.facts.extract import extract
from bot.facts.store import FactStore
from bot.facts.store.alerts import AlertSubscriptions
from bot.facts.store.intake import EntryOutcome, Feeds, ReviewQueue
from bot.facts.store.overlays import Moderation
from bot.facts.store.transfer import TABLES
from tests.databases import fresh_database
from tests.facts.test_ingest_cli import run_cli
from tests.standin.seeded import SeededBase

GUILD, OTHER, ACTOR = 1_234_567_890_123_456_789, 987_654_321_098_765_432, 42
NOW = datetime(2025, 3, 1, 12, 0, tzinfo=UTC)


async def fill(path: Path) -> None:
    """A fact base with a row in every table, and ids as large as Discord's."""
    async with await FactStore.open(path) as store:
        moderation = Moderation(store)
        first, second = (await store.figures(None))[:2]
        await moderation.hide(GUILD, first.id, actor_id=ACTOR, reason="duplicate")
        await moderation.correct(GUILD, second.id, "source", "Wire", actor_id=ACTOR, reason="r")
        await moderation.verify(OTHER, second.id, actor_id=ACTOR)
        await moderation.set_moderator_role(GUILD, 5_555_555_555_555_555_555, actor_id=ACTOR)
        text = b"The NIS said at least 600 North Korean soldiers had been killed in Kursk."
        extraction = extract(parse_document(text, f"guild-{GUILD}/a.txt"))
        await moderation.add_document(GUILD, extraction, actor_id=ACTOR)
        await store.add_aliases("claimant", {"spy agency": "NIS"})
        alerts = AlertSubscriptions(store)
        await alerts.subscribe(GUILD, 7_777_777_777_777_777_777, enabled=True, actor_id=ACTOR)
        await alerts.record_problem(GUILD, 7_777_777_777_777_777_777, "Missing Access")
        feeds = Feeds(store)
        feed = await feeds.add(GUILD, "https://news.example/feed", actor_id=ACTOR, now=NOW)
        outcome = EntryOutcome("entry-1", "https://news.example/a", "queued")
        await feeds.record_success(
            feed.id, now=NOW, next_poll_at=NOW, etag='"v1"', last_modified=None, title="News",
            outcomes=[outcome],
        )
        await feeds.set_store_at_once(OTHER, True, actor_id=ACTOR)
        queued = parse_document(b"Some 900 North Korean troops were captured.", "q.txt")
        await ReviewQueue(store).add(
            GUILD, queued, norm_url="news.example/a", figures=1, feed_id=feed.id, now=NOW
        )


def export(tmp_path: Path, db: Path | str, *args: str) -> object:
    done = run_cli(tmp_path, "export", "--format", "json", *args, db=db)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


async def test_a_whole_fact_base_moves_to_postgres(seeded_base: SeededBase, tmp_path: Path):
    source = tmp_path / "facts.sqlite3"
    shutil.copyfile(seeded_base.template_db, source)
    await fill(source)
    async with fresh_database() as url:
        done = run_cli(tmp_path, "migrate-store", str(source), url)
        assert done.returncode == 0, done.stderr
        lines = done.stdout.splitlines()
        assert lines[0] == f"copied {source} to {url}:"
        counts = {line.split()[0]: line.split()[1] for line in lines[1:-1]}
        assert set(counts) == {*TABLES, "store_version"}
        assert all(int(n.replace(",", "")) > 0 for n in counts.values()), counts
        assert lines[-1].startswith("verified: every table is identical row for row")

        for args in ((), ("--guild", str(GUILD)), ("--guild", str(OTHER))):
            assert export(tmp_path, url, *args) == export(tmp_path, source, *args)

        async with await FactStore.open(url) as copy:
            moderation = Moderation(copy)
            log = await moderation.audit_log(GUILD, limit=100)
            assert [e.action for e in log][-2:] == ["correct source", "hide"]
            assert await moderation.moderator_role(GUILD) == 5_555_555_555_555_555_555
            # new rows get new ids after the copied ones
            [(last,)] = await copy.read("SELECT MAX(id) FROM audit_log", ())
            await moderation.unhide(GUILD, (await copy.figures(None))[0].id, actor_id=ACTOR)
            assert (await moderation.audit_log(GUILD, limit=1))[0].id == last + 1
            [(version,)] = await copy.read("SELECT version FROM store_version", ())
            assert copy.version == version


async def test_a_target_that_holds_anything_is_refused_unless_replaced(
    seeded_base: SeededBase, tmp_path: Path
):
    source = tmp_path / "facts.sqlite3"
    shutil.copyfile(seeded_base.template_db, source)
    async with fresh_database() as url:
        assert run_cli(tmp_path, "migrate-store", str(source), url).returncode == 0
        async with await FactStore.open(url) as target:
            await Moderation(target).hide(GUILD, (await target.figures(None))[0].id,
                                          actor_id=ACTOR, reason="only in the target")
        before = export(tmp_path, url, "--guild", str(GUILD))
        refused = run_cli(tmp_path, "migrate-store", str(source), url)
        assert refused.returncode == 2
        [line] = refused.stderr.splitlines()
        assert "is not empty (" in line and "nothing was copied" in line and "--replace" in line
        assert export(tmp_path, url, "--guild", str(GUILD)) == before
        replaced = run_cli(tmp_path, "migrate-store", str(source), url, "--replace")
        assert replaced.returncode == 0, replaced.stderr
        assert export(tmp_path, url, "--guild", str(GUILD)) == export(
            tmp_path, source, "--guild", str(GUILD)
        )


def test_a_missing_source_or_a_target_that_is_not_postgres_is_refused(tmp_path: Path) -> None:
    done = run_cli(tmp_path, "migrate-store", str(tmp_path / "none.sqlite3"), "postgresql://x/y")
    assert done.returncode == 2 and "is not a file" in done.stderr
    (tmp_path / "a.sqlite3").touch()
    done = run_cli(tmp_path, "migrate-store", str(tmp_path / "a.sqlite3"), "other.sqlite3")
    assert done.returncode == 2 and "must be a postgresql:// URL" in done.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.sqlite3"]


async def test_the_copy_knows_every_table_of_the_schema(tmp_path: Path) -> None:
    async with await FactStore.open(tmp_path / "facts.sqlite3") as store:
        rows = await store.read(
            "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'", ()
        )
    tables = {row["name"] for row in rows} - {"schema_migrations", "store_version"}
    assert tables == set(TABLES), "a table added by a migration must be added to TABLES"
