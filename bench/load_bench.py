"""1,000 interactions at once through the local Discord stand-in: every one answered?

Run from anywhere: ``python bench/load_bench.py [--interactions 1000] [--guilds 20]
[--users 600] [--writes 40] [--shards 1] [--processes 1] [--postgres URL]``. The real bot, in
its own process as in production (all of its commands, its store built from seeds/ in a
temporary folder; with ``--processes`` several, the shards split between them), logs in to the
stand-in, which runs in this process; the stand-in then dispatches the
whole mix of slash commands, autocompletes and moderator writes (hide, correct) from many users
in many servers back to back, as fast as it can send them, and waits for every answer. It prints
how many were answered once within Discord's 3-second window, how many got the cooldown reply
(an answer too), and how many were late, lost, answered twice or failed, with the latency of the
first answer (p50, p99, max) measured from dispatch to the callback's arrival. With
``--postgres`` (a server URL; ``.ci/postgres start`` runs one) the same traffic is then sent to
bots whose store is a new database on that server, and both reports are printed.
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
from tests.databases import fresh_database  # noqa: E402


def host_settings(args: argparse.Namespace, db: str) -> list[dict[str, str]]:
    """One settings mapping per process, each with its share of the shards."""
    common = {
        "FACTBOT_DB": db,
        "FACTBOT_SEEDS": str(ROOT / "seeds"),
        "FACTBOT_SHARD_COUNT": str(args.shards),
        "LOG_LEVEL": "WARNING",
    }
    if args.processes == 1:
        return [common]
    return [
        common | {"FACTBOT_SHARD_IDS": ",".join(map(str, range(n, args.shards, args.processes)))}
        for n in range(args.processes)
    ]


async def run_load(args: argparse.Namespace, db: str, folder: Path) -> int:
    guilds = [
        FakeGuild.on_shard(f"Server {i}", i % args.shards, args.shards) for i in range(args.guilds)
    ]
    async with (
        DiscordStandIn(guilds) as standin,
        remote_bots(standin, host_settings(args, db), log_dir=folder),
    ):
        async with await FactStore.open(db) as store:
            fact_ids = [f.id for f in await store.figures(None)]
        plan = plan_traffic(
            guilds, fact_ids, args.interactions, users=args.users, writes=args.writes
        )
        report = await run_traffic(standin, plan, timeout=30.0)
    print(report.summary())
    logs = [(folder / f"bot{n}.log").read_text("utf-8", "replace") for n in range(args.processes)]
    errors = [line for log in logs for line in log.splitlines() if " ERROR " in line]
    print(f"errors logged by the bot: {len(errors)}")
    for line in errors[:5]:
        print(f"  {line[:300]}")
    if errors:
        log = next(log for log in logs if errors[0] in log)
        print("the first one in full:", *log[log.index(errors[0]):].splitlines()[1:40], sep="\n")
    for outcome in report.outcomes:
        if outcome.verdict not in ("answered", "cooldown"):
            print(f"  {outcome.verdict}: /{outcome.planned.command} {outcome.planned.options}")
    broken = [o for o in report.outcomes if o.verdict not in ("answered", "cooldown")]
    print(f"violations recorded by the stand-in: {len(standin.violations)}")
    for violation in standin.violations[:5]:
        print(f"  {violation.kind}: {violation.detail[:300]}")
    return 1 if broken or errors or standin.violations else 0


async def bench(args: argparse.Namespace) -> int:
    hosts = f"{args.processes} process(es), {args.shards} shard(s)"
    with tempfile.TemporaryDirectory() as folder:
        print(f"== SQLite file, {hosts} ==")
        failed = await run_load(args, str(Path(folder) / "facts.sqlite3"), Path(folder))
    if args.postgres:
        with tempfile.TemporaryDirectory() as folder:
            async with fresh_database("factbot_load", args.postgres) as url:
                print(f"== PostgreSQL, {hosts} ==")
                failed |= await run_load(args, url, Path(folder))
    return failed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--interactions", type=int, default=1000)
    parser.add_argument("--guilds", type=int, default=20)
    parser.add_argument("--users", type=int, default=600)
    parser.add_argument("--writes", type=int, default=40)
    parser.add_argument("--shards", type=int, default=1)
    parser.add_argument("--processes", type=int, default=1, help="bot processes (<= shards)")
    parser.add_argument("--postgres", metavar="URL", help="also run on this PostgreSQL server")
    args = parser.parse_args()
    if not 1 <= args.processes <= args.shards:
        parser.error("--processes must be between 1 and --shards")
    logging.basicConfig(level=logging.ERROR)
    return asyncio.run(bench(args))


if __name__ == "__main__":
    sys.exit(main())
