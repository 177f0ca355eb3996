"""Bots in their own processes (bot.standin.remote) logged in to a stand-in in this one."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import time
from collections.abc import AsyncIterator, Mapping, Sequence
from contextlib import asynccontextmanager
from pathlib import Path

from bot.standin.server import DiscordStandIn

ROOT = Path(__file__).resolve().parents[2]


def bot_environment(settings: Mapping[str, str]) -> dict[str, str]:
    """This environment without FACTBOT_* and DISCORD_TOKEN, plus ``settings``."""
    env = {
        k: v for k, v in os.environ.items()
        if not k.startswith("FACTBOT_") and k != "DISCORD_TOKEN"
    }
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    return env | dict(settings)


async def wait_for_shards(
    standin: DiscordStandIn,
    shards: Sequence[tuple[int, int]],
    processes: Sequence[subprocess.Popen[bytes]],
    timeout: float = 60.0,
) -> None:
    """Until every (shard id, count) has a connected session and the commands are synced."""
    deadline = time.monotonic() + timeout
    while True:
        live = {
            (s.shard_id, s.shard_count) for s in standin.sessions
            if s.ws is not None and not s.invalid
        }
        if set(shards) <= live and standin.global_commands:
            return
        for process in processes:
            if process.poll() is not None:
                raise RuntimeError(f"a bot process exited with {process.returncode}")
        if time.monotonic() > deadline:
            raise TimeoutError(f"shards {sorted(set(shards) - live)} did not connect")
        await asyncio.sleep(0.05)


@asynccontextmanager
async def remote_bots(
    standin: DiscordStandIn,
    settings: Sequence[Mapping[str, str]],
    *,
    log_dir: Path,
    timeout: float = 60.0,
) -> AsyncIterator[list[subprocess.Popen[bytes]]]:
    """Starts one bot process per settings mapping (FACTBOT_SYNC=global is added so that the
    stand-in learns the commands) and waits until their shards are connected. Each process's
    output goes to ``log_dir/bot<n>.log``. The processes are killed on exit."""
    processes: list[subprocess.Popen[bytes]] = []
    shards: list[tuple[int, int]] = []
    try:
        for n, own in enumerate(settings):
            log = (log_dir / f"bot{n}.log").open("wb")
            env = bot_environment({"FACTBOT_SYNC": "global", **own})
            processes.append(
                subprocess.Popen(
                    [sys.executable, "-m", "bot.standin.remote", standin.url],
                    env=env, stdout=log, stderr=subprocess.STDOUT, cwd=ROOT,
                )
            )
            log.close()
            count = int(own.get("FACTBOT_SHARD_COUNT") or 1)
            ids = own.get("FACTBOT_SHARD_IDS")
            wanted = [int(i) for i in ids.split(",")] if ids else list(range(count))
            shards += [(i, count) for i in wanted]
        await wait_for_shards(standin, shards, processes, timeout)
        yield processes
    finally:
        for process in processes:
            process.kill()
        for process in processes:
            process.wait()
