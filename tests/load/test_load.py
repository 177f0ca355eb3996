"""Many users in many servers at once: every interaction answered once, within 3 s, and the
moderator writes mixed into the traffic all land, each with its audit entry."""

from __future__ import annotations

import pytest

from bot.facts.model import Status
from bot.facts.store.overlays import Moderation
from bot.standin import FakeGuild, FakeUser
from bot.standin.load import Planned, plan_traffic, run_traffic
from tests.standin.harness import Harness

INTERACTIONS = 200
WRITES = 12
BURST = 8


@pytest.fixture
def e2e_guilds() -> list[FakeGuild]:
    return [FakeGuild.make(f"Server {i}") for i in range(6)]


async def test_200_interactions_each_answered_once_within_the_window(e2e: Harness) -> None:
    standin, bot = e2e
    figures = await bot.store.figures(None)
    plan = plan_traffic(
        standin.guilds, [f.id for f in figures], INTERACTIONS, users=120, writes=WRITES
    )
    hot = FakeUser(77, "impatient")
    plan += [Planned("search", {"query": "killed"}, hot, standin.guild.id)] * BURST
    report = await run_traffic(standin, plan)
    print(report.summary())

    assert len(report.outcomes) == INTERACTIONS + BURST
    # the cooldown allows 5 searches in 10 s; the rest get the polite reply, not an error
    assert report.count("cooldown") == BURST - 5
    bad = [(o.planned.command, o.verdict, o.latency) for o in report.outcomes
           if o.verdict not in ("answered", "cooldown")]
    assert bad == []
    assert report.count("answered") >= INTERACTIONS * 0.9
    assert max(report.latencies) <= standin.answer_deadline
    assert standin.violations == []

    # every write landed: its overlay is in place and the audit log has exactly one entry for it
    moderation = Moderation(bot.store)
    for planned in (p for p in plan if p.is_write):
        fact = str(planned.options["figure"])
        seen = await moderation.figure(planned.guild_id, fact)
        assert seen is not None
        if planned.command == "admin hide":
            assert seen.status is Status.HIDDEN
        else:
            assert seen.low == int(str(planned.options["value"]))
        entries = [
            e for e in await moderation.audit_log(planned.guild_id, limit=100)
            if e.target == fact and e.actor_id == planned.user.id
        ]
        assert len(entries) == 1, (planned.command, fact, entries)
        assert entries[0].action.split()[0] == planned.command.split()[1]
