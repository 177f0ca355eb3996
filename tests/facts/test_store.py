"""FactStore against a real SQLite file and a real PostgreSQL database: round trip, no-op
re-ingest, stable ids, atomicity, guild isolation, migrations."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from bot.facts.model import (
    DateSpan,
    Document,
    Event,
    Extraction,
    Figure,
    Metric,
    Period,
    PeriodKind,
    PeriodUnit,
    Precision,
    Qualifier,
    Voice,
    short_id,
)
from bot.facts.store import FactStore, InvalidExtractionError, OwnershipError
from bot.facts.store.migrate import bundled_migrations

SENTENCES = [
    "In January, the NIS reported that at least 300 North Korean soldiers had been killed.",
    "Zelenskyy placed the number of killed or wounded North Koreans at 4,000.",
    "About 11,000 North Korean troops were deployed to Kursk in 2024.",
]

JAN = DateSpan("In January", date(2025, 1, 1), date(2025, 1, 31), Precision.MONTH, True)


def make_figure(key: str, text: str, sentence: str, **changes: object) -> Figure:
    start = text.index(sentence)
    value = str(changes.get("low", 300))
    figure = Figure(
        id=short_id(key, sentence, value),
        document=key,
        metric=Metric.KILLED,
        subject="North Korea",
        low=300,
        high=300,
        qualifier=Qualifier.AT_LEAST,
        additional=False,
        source="NIS",
        date=JAN,
        quote=sentence,
        span=(start, start + len(sentence)),
    )
    return replace(figure, **changes)  # type: ignore[arg-type]


def make_extraction(key: str, sentences: list[str], *, title: str = "Kursk") -> Extraction:
    text = "\n".join(sentences)
    doc = Document(
        key=key,
        text=text,
        title=title,
        publisher="Example News",
        url="https://example.org/a",
        published=date(2025, 2, 14),
        meta=(("lang", "en"),),
    )
    figures: list[Figure] = []
    for sentence in sentences:
        if "300" in sentence:
            figures.append(make_figure(key, text, sentence))
        elif "4,000" in sentence:
            figures.append(
                make_figure(
                    key,
                    text,
                    sentence,
                    metric=Metric.CASUALTIES,
                    low=4000,
                    high=4000,
                    qualifier=Qualifier.EXACT,
                    source="Volodymyr Zelenskyy",
                    date=None,
                )
            )
        elif "11,000" in sentence:
            figures.append(
                make_figure(
                    key,
                    text,
                    sentence,
                    metric=Metric.DEPLOYED,
                    low=11000,
                    high=11000,
                    qualifier=Qualifier.ABOUT,
                    source=None,
                    date=DateSpan("in 2024", date(2024, 1, 1), date(2024, 12, 31), Precision.YEAR),
                )
            )
    events = tuple(
        Event(
            id=short_id(key, "event", f.quote),
            document=key,
            date=f.date,
            summary=f.quote[:40],
            quote=f.quote,
            span=f.span,
        )
        for f in figures
        if f.date is not None
    )
    publication = DateSpan("2025-02-14", date(2025, 2, 14), date(2025, 2, 14), Precision.DAY)
    return Extraction(doc, tuple(figures), events, publication)


#: What a constraint that refused a duplicate row says, on either database.
DUPLICATE = "UNIQUE constraint failed|duplicate key value"


@pytest.fixture
async def store(db_target: Path | str):
    if isinstance(db_target, Path):
        db_target = db_target.parent / "sub" / db_target.name
    async with await FactStore.open(db_target) as opened:
        yield opened


async def raw(
    store: FactStore, sql: str, params: tuple[object, ...] = ()
) -> list[tuple[object, ...]]:
    return [tuple(row) for row in await store.read(sql, params)]


async def test_round_trip_maps_rows_back_to_the_model(store: FactStore) -> None:
    extraction = make_extraction("a.txt", SENTENCES)
    result = await store.ingest(extraction)
    assert result.status == "added"
    assert (result.figures, result.events) == (3, 2)
    assert result.new_ids == tuple(f.id for f in extraction.figures)

    stored = await store.figures(None, document="a.txt")
    assert sorted(stored, key=lambda f: f.id) == sorted(extraction.figures, key=lambda f: f.id)
    events = await store.events(None)
    assert events == sorted(extraction.events, key=lambda e: e.date.start)
    assert await store.document_text("a.txt") == extraction.document.text

    exported = await store.export(None)
    assert exported["figures"] == [f.to_json() for f in extraction.figures]
    assert exported["events"] == [e.to_json() for e in extraction.events]
    expected_doc = extraction.to_json()["document"]
    assert {k: exported["documents"][0][k] for k in expected_doc} == expected_doc

    infos = await store.documents(None)
    assert [(i.key, i.figures, i.events, i.words) for i in infos] == [("a.txt", 3, 2, 38)]
    assert infos[0].publication == extraction.publication


async def test_figures_are_ordered_and_filtered(store: FactStore) -> None:
    await store.ingest(make_extraction("a.txt", SENTENCES))
    figures = await store.figures(None)
    assert [(f.subject, f.metric.value) for f in figures] == [
        ("North Korea", "casualties"),
        ("North Korea", "deployed"),
        ("North Korea", "killed"),
    ]
    killed = await store.figures(None, metrics=[Metric.KILLED, Metric.WOUNDED])
    assert [f.low for f in killed] == [300]
    assert await store.figures(None, metrics=[]) == []
    assert [f.low for f in await store.figures(None, source="nis")] == [300]
    assert len(await store.figures(None, subject="north korea")) == 3
    assert await store.figures(None, subject="Russia") == []
    assert len(await store.figures(None, limit=2)) == 2
    first = figures[0]
    assert await store.figure(None, first.id.upper()) == first
    assert await store.figure(None, "zzzzzzzz") is None


async def test_events_filter_by_date_and_text(store: FactStore) -> None:
    await store.ingest(make_extraction("a.txt", SENTENCES))
    assert [e.date.start.year for e in await store.events(None)] == [2024, 2025]
    assert [e.date.start.year for e in await store.events(None, since=date(2025, 1, 15))] == [2025]
    assert [e.date.start.year for e in await store.events(None, until=date(2024, 12, 31))] == [2024]
    assert len(await store.events(None, about="KURSK")) == 1
    assert await store.events(None, about="100%") == []
    assert len(await store.events(None, limit=1)) == 1


async def test_identical_reingest_writes_nothing(store: FactStore) -> None:
    extraction = make_extraction("a.txt", SENTENCES)
    await store.ingest(extraction)
    before = await raw(store, "SELECT updated_at, ingested_at FROM documents")
    version = await raw(store, "SELECT version FROM store_version")
    again = await store.ingest(extraction)
    assert await raw(store, "SELECT version FROM store_version") == version
    assert again.status == "unchanged"
    assert (again.kept_ids, again.new_ids, again.dropped_ids) == ((), (), ())
    assert (
        await raw(store, "SELECT updated_at, ingested_at FROM documents WHERE key = 'a.txt'")
        == before
    )
    assert await raw(store, "SELECT COUNT(*) FROM figures WHERE document = 'a.txt'") == [(3,)]


async def test_identical_reingest_commits_nothing_to_the_file(tmp_path: Path) -> None:
    async with await FactStore.open(tmp_path / "facts.sqlite3") as store:
        extraction = make_extraction("a.txt", SENTENCES)
        await store.ingest(extraction)
        # data_version, read twice on one connection, changes when another connection commits
        with closing(sqlite3.connect(tmp_path / "facts.sqlite3")) as watcher:
            version = watcher.execute("PRAGMA data_version").fetchone()
            await store.ingest(extraction)
            assert watcher.execute("PRAGMA data_version").fetchone() == version
            await store.ingest(make_extraction("b.txt", SENTENCES))
            assert watcher.execute("PRAGMA data_version").fetchone() != version


async def test_changed_text_keeps_ids_of_unchanged_sentences(store: FactStore) -> None:
    first = make_extraction("a.txt", SENTENCES)
    await store.ingest(first)
    edited = [
        "A new opening sentence moves every offset.",
        SENTENCES[0],
        SENTENCES[1].replace("4,000", "4,000 at least"),
    ]
    second = make_extraction("a.txt", edited, title="Kursk, updated")
    second = replace(
        second,
        figures=tuple(
            replace(f, id=short_id("a.txt", f.quote, "4001")) if "4,000" in f.quote else f
            for f in second.figures
        ),
    )
    result = await store.ingest(second)
    assert result.status == "replaced"
    kept = first.figures[0].id
    assert result.kept_ids == (kept,)
    assert set(result.dropped_ids) == {first.figures[1].id, first.figures[2].id}
    assert result.new_ids == (second.figures[1].id,)
    stored = {f.id: f for f in await store.figures(None)}
    assert set(stored) == {f.id for f in second.figures}
    assert stored[kept].span != first.figures[0].span
    assert stored[kept].span == second.figures[0].span
    infos = await store.documents(None)
    assert infos[0].title == "Kursk, updated"
    assert infos[0].updated_at > infos[0].ingested_at


async def test_failing_insert_rolls_back_the_whole_document(store: FactStore) -> None:
    good = make_extraction("a.txt", SENTENCES)
    duplicate = replace(good, figures=(*good.figures, good.figures[0]))
    with pytest.raises(InvalidExtractionError, match=DUPLICATE):
        await store.ingest(duplicate)
    assert await raw(store, "SELECT COUNT(*) FROM documents") == [(0,)]
    assert await raw(store, "SELECT COUNT(*) FROM figures") == [(0,)]
    assert await raw(store, "SELECT COUNT(*) FROM events") == [(0,)]
    assert await raw(store, "SELECT COUNT(*) FROM names") == [(0,)]
    # the connection is usable afterwards and the good extraction goes in whole
    assert (await store.ingest(good)).status == "added"


async def test_failing_replacement_keeps_the_previous_version(store: FactStore) -> None:
    first = make_extraction("a.txt", SENTENCES)
    await store.ingest(first)
    second = make_extraction("a.txt", [*SENTENCES[:2], "Some 900 were captured in 2024."])
    broken = replace(second, events=(*second.events, second.events[0]))
    with pytest.raises(InvalidExtractionError, match=DUPLICATE):
        await store.ingest(broken)
    assert await store.document_text("a.txt") == first.document.text
    assert {f.id for f in await store.figures(None)} == {f.id for f in first.figures}
    assert len(await store.events(None)) == 2


async def test_an_exception_raised_mid_transaction_rolls_back(store: FactStore) -> None:
    async def fail_after_the_rows(db, result):
        # Runs inside the write transaction, after the document's rows went in.
        assert result.figures > 0
        raise RuntimeError("disk on fire")

    with pytest.raises(RuntimeError):
        await store.ingest(make_extraction("a.txt", SENTENCES), also=fail_after_the_rows)
    assert await store.documents(None) == []
    assert await raw(store, "SELECT COUNT(*) FROM figures") == [(0,)]
    version = store.version
    await store.ingest(make_extraction("a.txt", SENTENCES))
    assert store.version == version + 1


async def test_guilds_see_shared_and_own_documents_only(store: FactStore) -> None:
    await store.ingest(make_extraction("shared.txt", SENTENCES))
    await store.ingest(make_extraction("g1.txt", SENTENCES[:1]), guild_id=1)
    await store.ingest(make_extraction("g2.txt", SENTENCES[1:2]), guild_id=2)

    def docs(figures: list[Figure]) -> set[str]:
        return {f.document for f in figures}

    assert docs(await store.figures(None)) == {"shared.txt"}
    assert docs(await store.figures(1)) == {"shared.txt", "g1.txt"}
    assert docs(await store.figures(2)) == {"shared.txt", "g2.txt"}
    assert {d.key for d in await store.documents(1)} == {"shared.txt", "g1.txt"}
    assert {e.document for e in await store.events(2)} == {"shared.txt"}
    g1_figure = (await store.figures(1, document="g1.txt"))[0]
    assert await store.figure(2, g1_figure.id) is None
    assert await store.figure(1, g1_figure.id) == g1_figure
    assert await store.document(2, "g1.txt") is None
    assert [(c.name, c.figures, c.documents) for c in await store.claimants(1)] == [
        ("NIS", 2, 2),
        ("Volodymyr Zelenskyy", 1, 1),
    ]
    assert [(s.name, s.figures) for s in await store.subjects(2)] == [("North Korea", 4)]
    assert (await store.stats(None)).documents == 1
    stats = await store.stats(1)
    assert (stats.documents, stats.figures, stats.events) == (2, 4, 3)
    assert stats.last_updated is not None
    exported = await store.export(2)
    assert {d["id"] for d in exported["documents"]} == {"shared.txt", "g2.txt"}
    everything = await store.export(None, all_guilds=True)
    assert len(everything["documents"]) == 3


async def test_keys_of_other_owners_are_refused(store: FactStore) -> None:
    await store.ingest(make_extraction("shared.txt", SENTENCES))
    await store.ingest(make_extraction("g1.txt", SENTENCES[:1]), guild_id=1)
    other = make_extraction("shared.txt", SENTENCES[:1])
    with pytest.raises(OwnershipError, match="shared fact base"):
        await store.ingest(other, guild_id=1)
    with pytest.raises(OwnershipError, match="guild 1"):
        await store.ingest(make_extraction("g1.txt", SENTENCES), guild_id=2)
    with pytest.raises(OwnershipError):
        await store.ingest(make_extraction("g1.txt", SENTENCES))
    with pytest.raises(OwnershipError):
        await store.remove_document("shared.txt", guild_id=1)
    assert len(await store.figures(None, document="shared.txt")) == 3
    assert len(await store.figures(1, document="g1.txt")) == 1


async def test_remove_document_cascades(store: FactStore) -> None:
    await store.ingest(make_extraction("a.txt", SENTENCES), guild_id=7)
    assert await store.remove_document("a.txt", guild_id=7) is True
    assert await store.remove_document("a.txt", guild_id=7) is False
    assert await raw(store, "SELECT COUNT(*) FROM figures") == [(0,)]
    assert await raw(store, "SELECT COUNT(*) FROM events") == [(0,)]
    assert await store.claimants(7) == []


async def test_names_and_aliases_fill_from_figures(store: FactStore) -> None:
    await store.ingest(make_extraction("a.txt", SENTENCES))
    await store.add_aliases("claimant", {"National Intelligence Service": "NIS"})
    claimants = await store.aliases("claimant")
    assert claimants == {
        "NIS": "NIS",
        "National Intelligence Service": "NIS",
        "Volodymyr Zelenskyy": "Volodymyr Zelenskyy",
    }
    assert await store.aliases("subject") == {"North Korea": "North Korea"}


async def test_open_sets_wal_and_foreign_keys(tmp_path: Path) -> None:
    path = tmp_path / "facts.sqlite3"
    async with await FactStore.open(path) as store:
        assert await store.pragma("journal_mode") == "wal"
        assert await store.pragma("foreign_keys") == 1
        assert await store.pragma("synchronous") == 1  # NORMAL
        assert await store.pragma("busy_timeout") > 0


async def test_migrations_apply_once(db_target: Path | str) -> None:
    records = "SELECT version, name, applied_at FROM schema_migrations ORDER BY version"
    async with await FactStore.open(db_target) as store:
        await store.ingest(make_extraction("a.txt", SENTENCES))
        first = await raw(store, records)
    assert [row[:2] for row in first] == [(m.version, m.name) for m in bundled_migrations()]
    async with await FactStore.open(db_target) as store:
        assert len(await store.figures(None)) == 3
        assert await raw(store, records) == first


async def test_pragma_refuses_anything_but_a_name(tmp_path: Path) -> None:
    async with await FactStore.open(tmp_path / "facts.sqlite3") as store:
        with pytest.raises(ValueError):
            await store.pragma("journal_mode = DELETE")


async def test_a_rate_and_the_voice_of_its_claimant_survive_the_store(store: FactStore) -> None:
    sentences = [*SENTENCES, "Russia now loses about 1,500 soldiers a day, the minister said."]
    extraction = make_extraction("a.txt", sentences)
    text = extraction.document.text
    rate = make_figure(
        "a.txt", text, sentences[-1], metric=Metric.CASUALTIES, subject="Russia", low=1500,
        high=1500, qualifier=Qualifier.ABOUT, source="minister", voice=Voice.CITED, date=None,
        period=Period("a day", PeriodKind.RATE, PeriodUnit.DAY),
    )  # fmt: skip
    window = replace(
        rate, id=short_id("a.txt", "window"), low=70_000, high=70_000, source="Ben Wallace",
        voice=Voice.SPEAKER,
        period=Period("in the last 60 days", PeriodKind.WINDOW, PeriodUnit.DAY, 60),
    )  # fmt: skip
    extraction = replace(extraction, figures=(*extraction.figures, rate, window))
    await store.ingest(extraction)
    stored = {f.id: f for f in await store.figures(None, document="a.txt")}
    assert stored[rate.id] == rate and stored[window.id] == window
    assert stored[rate.id].voice is Voice.CITED and stored[window.id].period == window.period
    totals = [f for f in stored.values() if f.id not in (rate.id, window.id)]
    assert all(f.period is None for f in totals)
    exported = {f["id"]: f for f in (await store.export(None))["figures"]}
    assert exported[window.id]["period"] == {
        "text": "in the last 60 days", "kind": "window", "unit": "day", "count": 60
    }
    assert "voice" not in exported[rate.id]
    assert all(exported[f.id]["period"] is None for f in totals)


async def test_the_period_columns_refuse_what_no_period_is(store: FactStore) -> None:
    await store.ingest(make_extraction("a.txt", SENTENCES))
    for column, value in (("period_kind", "hourly"), ("period_unit", "fortnight"),
                          ("voice", "rumour"), ("period_count", 0)):  # fmt: skip
        with pytest.raises(store.dialect.integrity_errors, match=r"CHECK|check constraint"):
            async with store.write() as tx:
                await tx.execute(f"UPDATE figures SET {column} = ?", (value,))
