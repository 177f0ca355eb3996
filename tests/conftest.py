"""Fixtures for end-to-end tests: the real bot on the Discord stand-in (see tests/standin/)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.config import Settings
from bot.standin import DiscordStandIn, FakeGuild
from tests.databases import BACKENDS, store_target
from tests.site import Site, guard_connections, serve_site
from tests.standin.harness import ErrorLogRecorder, Harness
from tests.standin.seeded import SeededBase, build_seeded_base

REPO_SEEDS = Path(__file__).resolve().parents[1] / "seeds"


@pytest.fixture
async def connections(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, int]]:
    """Every address a socket connected to during the test; only loopback is let through."""
    return guard_connections(monkeypatch)


@pytest.fixture
async def site(connections: list[tuple[str, int]]) -> AsyncIterator[Site]:
    """A local news site on 127.0.0.1 (see tests/site.py)."""
    async with serve_site() as served:
        yield served


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    """Each store test runs on SQLite and on PostgreSQL (see tests/databases.py)."""
    return str(request.param)


@pytest.fixture
async def db_target(backend: str, tmp_path: Path) -> AsyncIterator[Path | str]:
    """Where a new, empty fact base goes: an SQLite file, or a fresh PostgreSQL database."""
    async with store_target(backend, tmp_path) as where:
        yield where


@pytest.fixture(scope="session")
def seeded_base(tmp_path_factory: pytest.TempPathFactory) -> SeededBase:
    """A copy of seeds/ and a fact base built from it once per session (copied per test)."""
    return build_seeded_base(REPO_SEEDS, tmp_path_factory.mktemp("seeded"))


@pytest.fixture
def e2e_settings(seeded_base: SeededBase, tmp_path: Path) -> Settings:
    """Settings of the bot under test; override this fixture in a module to change them."""
    return seeded_base.settings(tmp_path)


@pytest.fixture
def e2e_guilds() -> list[FakeGuild]:
    """The servers the stand-in announces; override to add roles or a second server."""
    return [FakeGuild.make("Test Server", roles=("Moderators",)), FakeGuild.make("Other Server")]


@pytest.fixture
async def e2e(e2e_settings: Settings, e2e_guilds: list[FakeGuild]) -> AsyncIterator[Harness]:
    """The real bot logged in to the stand-in and ready; fails on logged errors (see harness)."""
    from bot.standin import bot_on_standin

    with ErrorLogRecorder() as errors:
        async with (
            DiscordStandIn(e2e_guilds) as standin,
            bot_on_standin(e2e_settings, standin) as bot,
        ):
            harness = Harness(standin, bot, errors)
            yield harness
        problems = harness.problems()
    if problems:
        pytest.fail("\n".join(problems), pytrace=False)
