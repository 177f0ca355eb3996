"""1,000 interactions at once through the local Discord stand-in: every one answered?

Run from anywhere: ``python bench/load_bench.py [--interactions 1000] [--guilds 20]
[--users 600] [--writes 40] [--shards 1]``. The real bot, in its own process as in production
(all of its commands, its store built from seeds/ in a temporary folder), logs in to the
stand-in, which runs in this process; the stand-in then dispatches the
whole mix of slash commands, autocompletes and moderator writes (hide, correct) from many users
in many servers back to back, as fast as it can send them, and waits for every answer. It prints
how many were answered once within Discord's 3-second window, how many got the cooldown reply
(an answer too), and how many were late, lost, answered twice or failed, with the latency of the
first answer (p50, p99, max) measured from dispatch to the callback's arrival.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.facts.store import FactStore  # noqa: E402
from bot.standin import DiscordStandIn, FakeGuild  # noqa: E402
from bot.standin.load import plan_traffic, run_traffic  # noqa: E402
from bot.standin.processes import remote_bots  # noqa: E402


async def bench(args: argparse.Namespace) -> int:
    guilds = [
        FakeGuild.on_shard(f"Server {i}", i % args.shards, args.shards) for i in range(args.guilds)
    ]
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "facts.sqlite3"
        env = {
            "FACTBOT_DB": str(db),
            "FACTBOT_SEEDS": str(ROOT / "seeds"),
            "FACTBOT_SHARD_COUNT": str(args.shards),
            "LOG_LEVEL": "WARNING",
        }
        async with (
            DiscordStandIn(guilds) as standin,
            remote_bots(standin, [env], log_dir=Path(folder)),
        ):
            async with await FactStore.open(db) as store:
                fact_ids = [f.id for f in await store.figures(None)]
            plan = plan_traffic(
                guilds, fact_ids, args.interactions, users=args.users, writes=args.writes
            )
            report = await run_traffic(standin, plan, timeout=30.0)
            log = (Path(folder) / "bot0.log").read_text("utf-8", "replace")
    print(report.summary())
    errors = [line for line in log.splitlines() if " ERROR " in line]
    print(f"errors logged by the bot: {len(errors)}")
    for line in errors[:5]:
        print(f"  {line[:300]}")
    for outcome in report.outcomes:
        if outcome.verdict not in ("answered", "cooldown"):
            print(f"  {outcome.verdict}: /{outcome.planned.command} {outcome.planned.options}")
    broken = [o for o in report.outcomes if o.verdict not in ("answered", "cooldown")]
    print(f"violations recorded by the stand-in: {len(standin.violations)}")
    for violation in standin.violations[:5]:
        print(f"  {violation.kind}: {violation.detail[:300]}")
    return 1 if broken or errors or standin.violations else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--interactions", type=int, default=1000)
    parser.add_argument("--guilds", type=int, default=20)
    parser.add_argument("--users", type=int, default=600)
    parser.add_argument("--writes", type=int, default=40)
    parser.add_argument("--shards", type=int, default=1)
    args = parser.parse_args()
    logging.basicConfig(level=logging.ERROR)
    return asyncio.run(bench(args))


if __name__ == "__main__":
    sys.exit(main())
