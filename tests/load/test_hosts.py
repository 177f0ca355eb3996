"""Two bot processes that share nothing but the PostgreSQL server (each its own working folder
and seeds folder, each its own shard): an operator's change through one is seen through the
other, and a SIGKILL of either in the middle of moderation writes loses nothing: every write it
acknowledged is stored, and none is stored in part (an overlay without its audit entry, or the
reverse)."""

from __future__ import annotations

import asyncio
import itertools
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from bot.facts.model import Metric
from bot.facts.store import FactStore
from bot.facts.store.overlays import Moderation
from bot.standin import DiscordStandIn, FakeGuild, Reply
from bot.standin.processes import bot_environment, wait_for_shards
from bot.standin.server import InteractionHandle
from tests.databases import fresh_database
from tests.load.test_shards import NEW_SEED, OWNER
from tests.standin.seeded import SeededBase

SHARDS = 2
CASUALTY_METRICS = [m for m in Metric if m is not Metric.DEPLOYED]
#: Moderation writes sent to a process before it is killed, and how many must have been
#: audited when the kill comes (the rest are in flight or not started).
BURST = 60
AUDITED_BEFORE_KILL = 10
#: Odd, so that hides and unhides alternate on every figure.
MODERATED_FIGURES = 3


def text(replies: Sequence[Reply]) -> str:
    return "\n".join(r.text() for r in replies)


def start_host(standin: DiscordStandIn, folder: Path, seeds: Path, url: str, shard: int):
    """A bot process in ``folder`` (its working folder, logs and seeds), speaking for one
    shard, with nothing shared with the other host but ``url``."""
    folder.mkdir()
    shutil.copytree(seeds, folder / "seeds")
    env = bot_environment(
        {
            "FACTBOT_DB": url,
            "FACTBOT_SEEDS": str(folder / "seeds"),
            "FACTBOT_SHARD_COUNT": str(SHARDS),
            "FACTBOT_SHARD_IDS": str(shard),
            "FACTBOT_OWNER_IDS": str(OWNER.id),
            "FACTBOT_SYNC": "global",
            "LOG_LEVEL": "WARNING",
        }
    )
    with (folder / "bot.log").open("wb") as log:
        return subprocess.Popen(
            [sys.executable, "-m", "bot.standin.remote", standin.url],
            cwd=folder, env=env, stdout=log, stderr=subprocess.STDOUT,
        )


async def ask(standin: DiscordStandIn, command: str, guild: FakeGuild, **options: Any) -> str:
    handle = await standin.invoke(command, options, user=OWNER, guild_id=guild.id)
    return text(await handle.responses(timeout=20))


async def audited(store: FactStore, guild: FakeGuild) -> int:
    rows = await store.read("SELECT COUNT(*) FROM audit_log WHERE guild_id = ?", (guild.id,))
    return int(rows[0][0])


async def moderate_then_kill(
    standin: DiscordStandIn, process: subprocess.Popen[bytes], url: str, guild: FakeGuild,
    figures: Sequence[str],
) -> list[InteractionHandle]:
    """Send a burst of hides and unhides to ``guild`` and SIGKILL its process in the middle."""
    async with await FactStore.open(url) as store:
        before = await audited(store, guild)
        handles = await burst(standin, guild, figures)
        deadline = time.monotonic() + 60
        while await audited(store, guild) < before + AUDITED_BEFORE_KILL:
            assert process.poll() is None, "the bot process exited by itself"
            assert time.monotonic() < deadline, "the burst wrote too little in 60 s"
            await asyncio.sleep(0.01)
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert process.returncode == -signal.SIGKILL
    return handles


async def burst(
    standin: DiscordStandIn, guild: FakeGuild, figures: Sequence[str]
) -> list[InteractionHandle]:
    handles = []
    actions = itertools.cycle(["admin hide", "admin unhide"])
    for n, (figure, action) in enumerate(zip(itertools.cycle(figures), actions, strict=False)):
        if n == BURST:
            break
        options = {"figure": figure, "reason": f"burst {n}"}
        handles.append(await standin.invoke(action, options, user=OWNER, guild_id=guild.id))
    return handles


def acknowledged(handles: Sequence[InteractionHandle]) -> int:
    """Writes the bot said it made before it died."""
    return sum(
        1 for h in handles
        if "is now hidden" in text(h.replies) or "is shown again" in text(h.replies)
    )


async def assert_whole(url: str, guild: FakeGuild, figures: Sequence[str], said: int) -> int:
    """Every acknowledged write is stored, and every stored change has its audit entry and
    the reverse: the audit chain of each figure is unbroken and ends in what the server sees.
    Returns the number of changes stored."""
    async with await FactStore.open(url) as store:
        moderation = Moderation(store)
        entries = sorted(await moderation.audit_log(guild.id, limit=10_000), key=lambda e: e.id)
        assert len(entries) >= said
        assert {e.action for e in entries} <= {"hide", "unhide"}
        for figure in figures:
            history = [e for e in entries if e.target == figure]
            seen = await moderation.figure(guild.id, figure)
            assert seen is not None
            status = seen.status.value
            if not history:
                assert status == "auto"
                continue
            assert history[0].before["status"] == "auto"
            for previous, entry in itertools.pairwise(history):
                assert entry.before == previous.after
            assert history[-1].after["status"] == status
        return len(entries)


async def test_two_hosts_share_only_the_postgres_server(
    seeded_base: SeededBase, tmp_path: Path
) -> None:
    zero, one = FakeGuild.on_shard("Zero", 0, SHARDS), FakeGuild.on_shard("One", 1, SHARDS)
    async with fresh_database() as url, DiscordStandIn([zero, one]) as standin:
        hosts = [
            start_host(standin, tmp_path / f"host{n}", seeded_base.seeds_dir, url, n)
            for n in range(SHARDS)
        ]
        try:
            await wait_for_shards(standin, [(n, SHARDS) for n in range(SHARDS)], hosts)
            await check_hosts(standin, hosts, url, zero, one, tmp_path)
        finally:
            for host in hosts:
                host.kill()
                host.wait()
        for n in range(SHARDS):
            log = (tmp_path / f"host{n}" / "bot.log").read_text("utf-8", "replace")
            assert " ERROR " not in log, log


async def check_hosts(
    standin: DiscordStandIn, hosts: list[subprocess.Popen[bytes]], url: str,
    zero: FakeGuild, one: FakeGuild, tmp_path: Path,
) -> None:
    # both hosts synced the same seeds at start, one after the other: stored once
    async with await FactStore.open(url) as store:
        assert len(await store.documents(None)) == 1
        [(version,)] = await store.read("SELECT version FROM store_version", ())
        casualties = await store.figures(None, metrics=CASUALTY_METRICS)
        figures = [f.id for f in casualties][:MODERATED_FIGURES]
        assert len(figures) == MODERATED_FIGURES

    # host 1 warms its caches, host 0's operator adds a document, host 1 sees it
    assert "613" not in await ask(standin, "search", one, query="killed Kursk")
    (tmp_path / "host0" / "seeds" / "zz_update.txt").write_text(NEW_SEED, "utf-8")
    reloaded = await ask(standin, "admin reload", zero)
    assert "zz_update" in reloaded or "1 added" in reloaded, reloaded
    assert "613" in await ask(standin, "search", one, query="killed Kursk")
    assert "613" in await ask(standin, "casualties", one, metric="killed")

    # a moderator's decision through host 0 is stored for its server, not for host 1's
    hidden = await ask(standin, "admin hide", zero, figure=figures[0], reason="duplicate")
    assert "is now hidden" in hidden
    assert figures[0] not in await ask(standin, "casualties", zero)
    assert figures[0] in await ask(standin, "casualties", one)
    assert "is shown again" in await ask(standin, "admin unhide", zero, figure=figures[0])
    async with await FactStore.open(url) as store:
        [(version,)] = await store.read("SELECT version FROM store_version", ())

    # kill host 0 in the middle of moderation: host 1 keeps answering and writing
    handles = await moderate_then_kill(standin, hosts[0], url, zero, figures)
    stored = await assert_whole(url, zero, figures, acknowledged(handles)) - 2
    assert stored < BURST, "the kill came after the burst was over"
    assert "613" in await ask(standin, "search", one, query="killed Kursk")
    handles = await moderate_then_kill(standin, hosts[1], url, one, figures)
    stored_one = await assert_whole(url, one, figures, acknowledged(handles))
    assert stored_one < BURST

    # one version step per committed decision: nothing else was written half-way
    async with await FactStore.open(url) as store:
        [(after,)] = await store.read("SELECT version FROM store_version", ())
    assert after - version == stored + stored_one
