"""Latency of every slash command and autocomplete through the local Discord stand-in.

Run from anywhere: ``python bench/commands_bench.py [--figures 100000] [--samples 200]``.
See bench/README.md for what is measured.
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import itertools
import logging
import pstats
import random
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import discord  # noqa: E402
from discord import app_commands  # noqa: E402
from factbase import cached_base  # noqa: E402  (bench/ is on the path when run as a script)

from bot.config import Settings  # noqa: E402
from bot.lookup.fact_lookup import FactLookup  # noqa: E402
from bot.standin import DiscordStandIn, FakeGuild, FakeUser, bot_on_standin  # noqa: E402
from bot.standin.payloads import snowflake  # noqa: E402

OUT = ROOT / "bench" / "out"
COMMAND_AIM_MS = 50.0
AUTOCOMPLETE_AIM_MS = 20.0
DISCORD_WINDOW_MS = 3000.0

Options = Mapping[str, object]


@dataclass
class Case:
    """One thing to time: a command (``focused`` None) or one option's autocomplete."""

    label: str
    command: str
    variants: Sequence[Options]
    focused: str | None = None
    samples: list[float] = field(default_factory=list)

    @property
    def is_autocomplete(self) -> bool:
        return self.focused is not None


def command_cases(fact_ids: Sequence[str]) -> list[Case]:
    return [
        Case("/ping (baseline)", "ping", [{}]),
        Case("/about", "about", [{}]),
        Case("/casualties", "casualties", [{}]),
        Case("/casualties subject", "casualties", [
            {"subject": s} for s in ("north korea", "N. Korea", "dprk", "russia", "ukraine")
        ]),
        Case("/casualties subject metric source", "casualties", [
            {"subject": "north korea", "metric": "killed", "source": "nis"},
            {"subject": "russia", "metric": "casualties", "source": "ISW"},
            {"subject": "ukraine", "metric": "captured", "source": "russia's defence ministry"},
        ]),
        Case("/deployments", "deployments", [{}]),
        Case("/deployments subject source", "deployments", [
            {"subject": "north korea"}, {"subject": "north korea", "source": "spy agency"},
            {"source": "pentagon"},
        ]),
        Case("/timeline", "timeline", [{}]),
        Case("/timeline since until", "timeline", [
            {"since": "2024-06", "until": "June 2025"}, {"since": "2025"}, {"until": "Oct 2024"},
        ]),
        Case("/timeline about", "timeline", [
            {"about": a} for a in ("kursk", "treaty", "sudzha", "north korean troops")
        ]),
        Case("/sources", "sources", [{}]),
        Case("/sources source", "sources", [
            {"source": c} for c in ("zelensky", "spy agency", "ISW", "pentagon", "the kremlin")
        ]),
        Case("/search", "search", [
            {"query": q}
            for q in (
                "zelensky killed", "kursk captured", "north korean wounded", "sudzha",
                "how many north korean troops died", "half a million", "nis killed",
            )
        ]),
        Case("/figure", "figure", [{"figure": i} for i in fact_ids]),
        Case("/figure (unknown id)", "figure", [{"figure": "zzzz0000"}, {"figure": "kursk"}]),
    ]


def autocomplete_cases() -> list[Case]:
    def typed(command: str, option: str, values: Sequence[str]) -> Case:
        return Case(
            f"/{command} {option}:", command, [{option: v} for v in values], focused=option
        )

    return [
        typed("ping", "word", ["", "ab"]),
        typed("casualties", "subject", ["", "n kor", "dprk", "rus", "ukr"]),
        typed("casualties", "metric", ["", "dea", "kil", "pow"]),
        typed("casualties", "source", ["", "zelen", "spy agency", "isw", "kov", "minis"]),
        typed("deployments", "subject", ["", "north", "pyongyang"]),
        typed("deployments", "source", ["", "pentag", "jcs", "analyst"]),
        typed("sources", "source", ["", "zelensky", "nato", "shevch"]),
        typed("search", "query", ["", "zelensky ki", "kursk", "north korean sol", "captu"]),
        typed("timeline", "about", ["", "kur", "treat", "sud", "deploy"]),
        typed("figure", "figure", ["", "a", "3f", "kursk", "zelensky killed"]),
    ]


def add_baseline_commands(tree: app_commands.CommandTree[Any]) -> None:
    """A command that answers at once and an autocomplete that returns a fixed list: the
    stand-in's and discord.py's own round trip, with no fact base behind them."""

    async def words(interaction: discord.Interaction[Any], current: str) -> list[
        app_commands.Choice[str]
    ]:
        return [app_commands.Choice(name=w, value=w) for w in ("alpha", "beta", "gamma")]

    @app_commands.command(name="ping", description="Answer at once (benchmark baseline)")
    @app_commands.autocomplete(word=words)
    async def ping(interaction: discord.Interaction[Any], word: str | None = None) -> None:
        await interaction.response.send_message("pong")

    tree.add_command(ping)


class ErrorCounter(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(f"{record.name}: {record.getMessage()}")


async def time_command(
    standin: DiscordStandIn, case: Case, options: Options, user: FakeUser
) -> float:
    """Milliseconds from dispatch until the answer is complete (after a deferral: its
    followup)."""
    started = time.perf_counter()
    handle = await standin.invoke(case.command, options, user=user)
    replies = await handle.responses(timeout=30.0, settle=0.0)
    elapsed = (time.perf_counter() - started) * 1000
    if not replies or (replies[0].is_deferral and len(replies) < 2):
        raise RuntimeError(f"{case.label} {dict(options)}: no complete answer")
    return elapsed


async def time_autocomplete(
    standin: DiscordStandIn, case: Case, options: Options, user: FakeUser
) -> float:
    assert case.focused is not None
    started = time.perf_counter()
    await standin.autocomplete(case.command, options, case.focused, user=user, timeout=30.0)
    return (time.perf_counter() - started) * 1000


async def run_case(
    standin: DiscordStandIn,
    case: Case,
    samples: int,
    users: itertools.cycle[FakeUser],
    budget: float,
) -> None:
    """``samples`` timed calls after 3 untimed ones, fewer (at least 5) when they take longer
    than ``budget`` seconds in all; the report prints how many there were."""
    timer = time_autocomplete if case.is_autocomplete else time_command
    variants = itertools.cycle(case.variants)
    for _ in range(3):  # warm-up, not counted
        await timer(standin, case, next(variants), next(users))
    deadline = time.perf_counter() + budget
    for _ in range(samples):
        case.samples.append(await timer(standin, case, next(variants), next(users)))
        if len(case.samples) >= 5 and time.perf_counter() > deadline:
            break


def _button(message: Mapping[str, Any], label: str) -> str:
    for row in message.get("components") or []:
        for component in row.get("components") or []:
            if component.get("label") == label:
                return str(component["custom_id"])
    raise LookupError(f"no {label!r} button")


async def time_page_turns(
    standin: DiscordStandIn, command: str, samples: int, users: itertools.cycle[FakeUser]
) -> dict[str, list[float]]:
    """Milliseconds from pressing "Next ›" and "Last »" under a fresh answer of ``command`` to
    the edited page (pages are rendered when turned to)."""
    timings: dict[str, list[float]] = {"Next ›": [], "Last »": []}
    for _ in range(samples):
        user = next(users)
        handle = await standin.invoke(command, {}, user=user)
        replies = await handle.responses(timeout=30.0, settle=0.0)
        answer = replies[-1]
        assert answer.message_id is not None
        for label, found in timings.items():
            message = standin.messages[answer.message_id]
            started = time.perf_counter()
            click = await standin.click(answer, _button(message, label), user=user)
            await click.callback(timeout=30.0)
            found.append((time.perf_counter() - started) * 1000)
    return timings


def percentile(values: Sequence[float], pct: int) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[pct - 1]


def report(title: str, cases: Sequence[Case], aim: float) -> list[str]:
    baseline = percentile(cases[0].samples, 50)
    print(f"\n{title} (ms; ratio = p50 / p50 of {cases[0].label}; aim p99 <= {aim:g} ms)")
    print(f"{'':40} {'n':>5} {'p50':>8} {'p99':>8} {'max':>8} {'ratio':>7}")
    missed = []
    for case in cases:
        p50, p99 = percentile(case.samples, 50), percentile(case.samples, 99)
        flag = "" if p99 <= aim else "  MISSES AIM"
        if p99 > aim:
            missed.append(case.label)
        print(
            f"{case.label:40} {len(case.samples):5} {p50:8.2f} {p99:8.2f}"
            f" {max(case.samples):8.2f} {p50 / baseline:7.1f}{flag}"
        )
    return missed


async def cold_build(settings: Settings, guild_id: int) -> dict[str, float]:
    """Seconds to build each autocomplete index from scratch (what the first keystroke after a
    start would wait for without warming)."""
    from bot.facts.store import FactStore

    timings: dict[str, float] = {}
    async with await FactStore.open(settings.db_path) as store:
        lookup = FactLookup(store, settings.subjects)
        for name, build in (
            ("names", lookup.names),
            ("figure index", lookup.figure_index),
            ("event index", lookup.event_index),
            ("figure keys", lookup.figure_keys),
            ("event keys", lookup.event_keys),
            ("event groups", lookup.event_groups),
            ("documents", lookup.documents),
        ):
            started = time.perf_counter()
            await build(guild_id)
            timings[name] = (time.perf_counter() - started) * 1000
    return timings


async def main(args: argparse.Namespace) -> int:
    base = await cached_base(OUT, args.figures, rebuild=args.rebuild)
    workdir = Path(tempfile.mkdtemp(prefix="commands-bench-"))
    errors = ErrorCounter()
    logging.getLogger().addHandler(errors)
    try:
        db_path = workdir / "facts.sqlite3"
        shutil.copyfile(base, db_path)
        # a seeds folder that does not exist: start-up syncs nothing and removes nothing
        settings = Settings(
            db_path=db_path, seeds_dir=workdir / "no-seeds", sync="off", log_level="WARNING"
        )
        guild = FakeGuild.make("Bench Server")
        cold = await cold_build(settings, guild.id)
        print("cold index builds (ms): " + ", ".join(f"{k} {v:.0f}" for k, v in cold.items()))
        users = itertools.cycle([FakeUser(snowflake(), f"bench{i}") for i in range(500)])
        async with DiscordStandIn([guild]) as standin:
            started = time.perf_counter()
            async with bot_on_standin(settings, standin) as bot:
                ready_ms = (time.perf_counter() - started) * 1000
                add_baseline_commands(bot.tree)
                standin.set_commands(await bot.command_payloads())
                stats = await bot.store.stats(guild.id)
                print(
                    f"fact base: {stats.documents:,} documents, {stats.figures:,} figures,"
                    f" {stats.events:,} events; bot ready in {ready_ms:.0f} ms"
                )
                first: dict[str, float] = {}
                for command, option, value in (
                    ("figure", "figure", "a"),
                    ("timeline", "about", "kur"),
                    ("casualties", "subject", "n kor"),
                ):
                    case = Case("", command, [], focused=option)
                    try:
                        first[f"/{command} {option}"] = await time_autocomplete(
                            standin, case, {option: value}, next(users)
                        )
                    except TimeoutError:  # answered after 3 s: the stand-in refused it
                        first[f"/{command} {option}"] = float("inf")
                await bot.lookup.warm(guild.id)  # steady state from here on
                print(
                    "first autocomplete right after start (ms; inf = no answer within 3 s): "
                    + ", ".join(f"{k} {v:.0f}" for k, v in first.items())
                )
                rng = random.Random(7)
                figures = await bot.store.figures(guild.id)
                fact_ids = [f.id for f in rng.sample(figures, min(500, len(figures)))]
                del figures
                commands = command_cases(fact_ids)
                completions = autocomplete_cases()
                profiler = cProfile.Profile() if args.profile else None
                for case in [*commands, *completions]:
                    profiling = profiler is not None and args.profile in case.label
                    if profiling and profiler is not None:
                        profiler.enable()
                    count = args.samples if not case.is_autocomplete else args.samples * 2
                    await run_case(standin, case, count, users, args.budget)
                    if profiling and profiler is not None:
                        profiler.disable()
                turns = {
                    f"/{command} {label}": values
                    for command in ("casualties", "timeline")
                    for label, values in (
                        await time_page_turns(standin, command, 20, users)
                    ).items()
                }
                late = [v for v in standin.violations if v.kind == "answered late"]
                other = [v for v in standin.violations if v.kind != "answered late"]
        missed = report("Commands", commands, COMMAND_AIM_MS)
        missed += report("Autocomplete", completions, AUTOCOMPLETE_AIM_MS)
        print(f"\nPage turns (ms; aim p99 <= {COMMAND_AIM_MS:g} ms)")
        for label, values in turns.items():
            p50, p99 = percentile(values, 50), percentile(values, 99)
            flag = "" if p99 <= COMMAND_AIM_MS else "  MISSES AIM"
            print(f"{label:40} {len(values):5} {p50:8.2f} {p99:8.2f} {max(values):8.2f}{flag}")
            if p99 > COMMAND_AIM_MS:
                missed.append(label)
        worst_first = max(first.values())
        print(
            f"\nfirst autocomplete after start: {worst_first:.0f} ms"
            f" ({'inside' if worst_first < DISCORD_WINDOW_MS else 'OUTSIDE'} Discord's 3 s window)"
        )
        print(f"late answers (> 3 s): {len(late)}; other Discord rule violations: {len(other)}")
        for violation in other[:5]:
            print(f"  {violation.kind}: {violation.detail}")
        print(f"error logs: {len(errors.messages)}")
        for message in errors.messages[:5]:
            print(f"  {message}")
        if profiler is not None:
            print(f"\nprofile of {args.profile!r} (cumulative, top 25):")
            pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)
        print("all within the aim" if not missed else "missed the aim: " + ", ".join(missed))
        return 1 if errors.messages or other or late else 0
    finally:
        logging.getLogger().removeHandler(errors)
        shutil.rmtree(workdir, ignore_errors=True)


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--figures", type=int, default=100_000, help="size of the fact base")
    parser.add_argument(
        "--samples", type=int, default=200, help="timed calls per command (twice that per"
        " autocomplete option)"
    )
    parser.add_argument(
        "--budget", type=float, default=20.0, help="seconds of timed calls per case at most"
        " (a slow case gets fewer samples, never under 5)"
    )
    parser.add_argument("--rebuild", action="store_true", help="rebuild the cached fact base")
    parser.add_argument(
        "--profile", metavar="LABEL", help="cProfile the cases whose label contains LABEL"
    )
    return parser.parse_args(argv)


if __name__ == "__main__":
    raise SystemExit(asyncio.run(main(parse_args())))
