"""Load through the stand-in: many users in many servers at once, every answer accounted for.

:func:`plan_traffic` draws a reproducible mix of slash commands and autocompletes (and, when
asked, moderator writes); :func:`run_traffic` dispatches it as fast as the stand-in can send
and sorts every interaction into answered (once, within Discord's window), cooldown (the polite
"slow down" reply, which is an answer), error, late, lost or answered twice.
"""

from __future__ import annotations

import asyncio
import random
import statistics
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from bot.standin.payloads import MANAGE_GUILD, MEMBER_PERMISSIONS, FakeGuild, FakeUser
from bot.standin.records import Reply
from bot.standin.server import DiscordStandIn, InteractionHandle

MODERATOR = MEMBER_PERMISSIONS | MANAGE_GUILD
COOLDOWN_TEXT = "Slow down"
ERROR_TEXT = "something went wrong"

#: (command, options) a member runs; ``{figure}`` is replaced with a figure id.
COMMANDS: tuple[tuple[str, dict[str, str]], ...] = (
    ("about", {}),
    ("casualties", {}),
    ("casualties", {"subject": "north korea"}),
    ("casualties", {"metric": "killed"}),
    ("deployments", {}),
    ("timeline", {"since": "2024"}),
    ("sources", {}),
    ("sources", {"source": "nis"}),
    ("search", {"query": "wounded"}),
    ("figure", {"figure": "{figure}"}),
)
#: (command, options so far, focused option).
AUTOCOMPLETES: tuple[tuple[str, dict[str, str], str], ...] = (
    ("casualties", {"subject": "dpr"}, "subject"),
    ("casualties", {"metric": "dea"}, "metric"),
    ("deployments", {"source": "joon"}, "source"),
    ("sources", {"source": "zel"}, "source"),
    ("timeline", {"about": "trea"}, "about"),
    ("figure", {"figure": "{figure3}"}, "figure"),
)


@dataclass(frozen=True)
class Planned:
    """One interaction to send. ``focused`` makes it an autocomplete."""

    command: str
    options: dict[str, object]
    user: FakeUser
    guild_id: int
    focused: str | None = None
    permissions: int | None = None

    @property
    def is_write(self) -> bool:
        return self.command.startswith("admin ")


@dataclass
class Outcome:
    planned: Planned
    verdict: str
    latency: float | None
    replies: list[Reply] = field(default_factory=list)


@dataclass
class LoadReport:
    outcomes: list[Outcome]
    wall_seconds: float

    def count(self, verdict: str) -> int:
        return sum(1 for o in self.outcomes if o.verdict == verdict)

    @property
    def verdicts(self) -> Counter[str]:
        return Counter(o.verdict for o in self.outcomes)

    @property
    def latencies(self) -> list[float]:
        return sorted(o.latency for o in self.outcomes if o.latency is not None)

    def percentile(self, q: float) -> float:
        values = self.latencies
        if not values:
            return float("nan")
        if len(values) == 1:
            return values[0]
        return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1]

    def summary(self) -> str:
        kinds = ", ".join(f"{k} {n}" for k, n in sorted(self.verdicts.items()))
        return (
            f"{len(self.outcomes)} interactions in {self.wall_seconds:.2f} s: {kinds};"
            f" first answer p50 {self.percentile(50) * 1000:.0f} ms,"
            f" p99 {self.percentile(99) * 1000:.0f} ms, max {max(self.latencies) * 1000:.0f} ms"
        )


def plan_traffic(
    guilds: Sequence[FakeGuild],
    figure_ids: Sequence[str],
    count: int,
    *,
    users: int = 300,
    autocomplete_share: float = 0.4,
    writes: int = 0,
    seed: int = 6,
) -> list[Planned]:
    """``count`` interactions from ``users`` people spread over ``guilds``.

    Each person keeps to one server; people are drawn at random, so some run several commands
    close together (and may meet the cooldown). ``writes`` moderator hides and corrections, each
    on a different (server, figure) pair while there are enough, are spread through the traffic.
    """
    rng = random.Random(seed)
    people = [
        (FakeUser(10_000 + i, f"user{i}"), guilds[i % len(guilds)].id) for i in range(users)
    ]
    plan: list[Planned] = []
    for _ in range(count - writes):
        user, guild_id = rng.choice(people)
        figure = rng.choice(figure_ids)
        if rng.random() < autocomplete_share:
            command, options, focused = rng.choice(AUTOCOMPLETES)
            filled = {k: v.replace("{figure3}", figure[:3]) for k, v in options.items()}
            plan.append(Planned(command, dict(filled), user, guild_id, focused=focused))
        else:
            command, options = rng.choice(COMMANDS)
            filled = {k: v.replace("{figure}", figure) for k, v in options.items()}
            plan.append(Planned(command, dict(filled), user, guild_id))
    targets = list(figure_ids)
    rng.shuffle(targets)
    for i in range(writes):
        guild_id = guilds[i % len(guilds)].id
        moderator = FakeUser(90_000 + i, f"moderator{i}")
        figure = targets[(i // len(guilds)) % len(targets)]
        if i % 2 == 0:
            write = Planned(
                "admin hide", {"figure": figure, "reason": f"load {i}"}, moderator, guild_id,
                permissions=MODERATOR,
            )
        else:
            write = Planned(
                "admin correct",
                {"figure": figure, "field": "low", "value": str(7000 + i), "reason": f"load {i}"},
                moderator, guild_id, permissions=MODERATOR,
            )
        plan.insert((i + 1) * len(plan) // (writes + 1), write)
    return plan


async def dispatch(standin: DiscordStandIn, planned: Planned) -> InteractionHandle:
    if planned.focused is not None:
        return await standin.start_autocomplete(
            planned.command, planned.options, planned.focused, user=planned.user,
            guild_id=planned.guild_id, member_permissions=planned.permissions,
        )
    return await standin.invoke(
        planned.command, planned.options, user=planned.user, guild_id=planned.guild_id,
        member_permissions=planned.permissions,
    )


async def _settle(
    standin: DiscordStandIn, planned: Planned, handle: InteractionHandle, timeout: float
) -> Outcome:
    try:
        replies = await handle.responses(timeout=timeout)
    except TimeoutError:
        late = any(
            v.kind == "answered late" and v.interaction_id == handle.id
            for v in standin.violations
        )
        return Outcome(planned, "late" if late else "lost", handle.latency, handle.replies)
    twice = any(
        v.kind == "answered twice" and v.interaction_id == handle.id for v in standin.violations
    )
    latency = handle.latency
    text = "\n".join(r.text() for r in replies)
    if twice:
        verdict = "twice"
    elif latency is None or latency > standin.answer_deadline:
        verdict = "late"
    elif ERROR_TEXT in text:
        verdict = "error"
    elif COOLDOWN_TEXT in text:
        verdict = "cooldown"
    else:
        verdict = "answered"
    return Outcome(planned, verdict, latency, replies)


async def run_traffic(
    standin: DiscordStandIn, plan: Sequence[Planned], *, timeout: float = 10.0
) -> LoadReport:
    """Sends every planned interaction back to back, then waits for all of them."""
    started = time.monotonic()
    handles = [(planned, await dispatch(standin, planned)) for planned in plan]
    outcomes = await asyncio.gather(
        *(_settle(standin, planned, handle, timeout) for planned, handle in handles)
    )
    return LoadReport(list(outcomes), time.monotonic() - started)
