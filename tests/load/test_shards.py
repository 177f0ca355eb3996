"""Two bot processes, one shard each, over one store: each hears and answers only its own
servers, and a change to the shared fact base made through one is seen through the other."""

from __future__ import annotations

import shutil
from collections.abc import Sequence
from pathlib import Path

from bot.standin import DiscordStandIn, FakeGuild, FakeUser, Reply
from bot.standin.processes import remote_bots
from tests.standin.seeded import SeededBase

OWNER = FakeUser(4242, "operator")
NEW_SEED = (
    "---\ntitle: Kursk update\npublisher: Test Wire\npublished: 2025-03-30\n---\n"
    "South Korea's NIS said on Monday that at least 613 North Korean soldiers had been killed"
    " in Kursk.\n"
)


def text(replies: Sequence[Reply]) -> str:
    return "\n".join(r.text() for r in replies)


async def test_two_processes_two_shards_one_store(seeded_base: SeededBase, tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    shutil.copytree(seeded_base.seeds_dir, seeds)
    settings = seeded_base.settings(tmp_path)
    common = {
        "FACTBOT_DB": str(settings.db_path),
        "FACTBOT_SEEDS": str(seeds),
        "FACTBOT_SHARD_COUNT": "2",
        "FACTBOT_OWNER_IDS": str(OWNER.id),
        "LOG_LEVEL": "WARNING",
    }
    first, second = FakeGuild.on_shard("Zero", 0, 2), FakeGuild.on_shard("One", 1, 2)
    async with (
        DiscordStandIn([first, second]) as standin,
        remote_bots(
            standin,
            [common | {"FACTBOT_SHARD_IDS": "0"}, common | {"FACTBOT_SHARD_IDS": "1"}],
            log_dir=tmp_path,
        ),
    ):
        sessions = {s.shard_id: s for s in standin.sessions}
        assert set(sessions) == {0, 1}
        for shard, guild in ((0, first), (1, second)):
            announced = [
                int(e["d"]["id"]) for e in sessions[shard].backlog if e["t"] == "GUILD_CREATE"
            ]
            assert announced == [guild.id]

        before = text(await (await standin.invoke("search", {"query": "killed Kursk"},
                                                  guild_id=second.id)).responses(timeout=10))
        assert "613" not in before
        for shard, guild in ((0, first), (1, second)):
            handle = await standin.invoke("about", guild_id=guild.id)
            assert "documents" in text(await handle.responses(timeout=10))
            delivered = [
                e for e in sessions[shard].backlog
                if e["t"] == "INTERACTION_CREATE" and int(e["d"]["id"]) == handle.id
            ]
            assert len(delivered) == 1
            other = sessions[1 - shard]
            assert all(int(e["d"]["id"]) != handle.id for e in other.backlog
                       if e["t"] == "INTERACTION_CREATE")

        (seeds / "zz_update.txt").write_text(NEW_SEED, "utf-8")
        reloaded = await (await standin.invoke("admin reload", user=OWNER,
                                               guild_id=first.id)).responses(timeout=20)
        assert "zz_update" in text(reloaded) or "1" in text(reloaded)

        after = await (await standin.invoke("search", {"query": "killed Kursk"},
                                            guild_id=second.id)).responses(timeout=10)
        assert "613" in text(after)
        listing = await (await standin.invoke("casualties", {"metric": "killed"},
                                              guild_id=second.id)).responses(timeout=10)
        assert "613" in text(listing)
        assert standin.violations == []
    for log in ("bot0.log", "bot1.log"):
        assert " ERROR " not in (tmp_path / log).read_text("utf-8", "replace")
