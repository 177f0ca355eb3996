"""Settings read from the environment: defaults, every variable, and one clear error each."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.config import DEFAULT_SUBJECTS, Settings, SettingsError
from bot.facts.store import GuildQuota


def test_an_empty_environment_gives_the_documented_defaults() -> None:
    settings = Settings.from_env({})
    assert settings.token is None
    assert settings.db_path == Path("data/facts.sqlite3")
    assert settings.seeds_dir == Path("seeds")
    assert settings.subjects == DEFAULT_SUBJECTS
    assert settings.owner_ids == frozenset()
    assert settings.sync == "off"
    assert settings.guild_id is None
    assert settings.log_level == "INFO"
    assert settings.shard_count is None and settings.shard_ids is None
    assert settings.allow_private_urls is False
    assert settings.guild_quota == GuildQuota(documents=200, bytes=8 * 1024**2, figures=5000)


def test_every_variable_is_read() -> None:
    settings = Settings.from_env(
        {
            "DISCORD_TOKEN": " abc ",
            "FACTBOT_DB": "/tmp/x.sqlite3",
            "FACTBOT_SEEDS": "docs",
            "FACTBOT_SUBJECTS": "North Korea, Russia",
            "FACTBOT_OWNER_IDS": "1, 22;333",
            "FACTBOT_SYNC": "Guild",
            "FACTBOT_GUILD_ID": "42",
            "LOG_LEVEL": "debug",
            "FACTBOT_SHARD_COUNT": "4",
            "FACTBOT_SHARD_IDS": "0-1,3",
            "FACTBOT_ALLOW_PRIVATE_URLS": "1",
            "FACTBOT_GUILD_MAX_DOCUMENTS": "20",
            "FACTBOT_GUILD_MAX_BYTES": "512K",
            "FACTBOT_GUILD_MAX_FIGURES": "900",
        }
    )
    assert settings.token == "abc"
    assert settings.db_path == Path("/tmp/x.sqlite3")
    assert settings.seeds_dir == Path("docs")
    assert settings.subjects == ("North Korea", "Russia")
    assert settings.owner_ids == frozenset({1, 22, 333})
    assert (settings.sync, settings.guild_id) == ("guild", 42)
    assert settings.log_level == "DEBUG"
    assert settings.shard_count == 4
    assert settings.shard_ids == (0, 1, 3)
    assert settings.allow_private_urls is True
    assert settings.guild_quota == GuildQuota(documents=20, bytes=512 * 1024, figures=900)


@pytest.mark.parametrize(
    ("env", "names"),
    [
        ({"FACTBOT_SYNC": "always"}, "FACTBOT_SYNC"),
        ({"FACTBOT_SYNC": "guild"}, "FACTBOT_GUILD_ID"),
        ({"FACTBOT_GUILD_ID": "my server"}, "FACTBOT_GUILD_ID"),
        ({"FACTBOT_OWNER_IDS": "12, bob"}, "FACTBOT_OWNER_IDS"),
        ({"LOG_LEVEL": "loud"}, "LOG_LEVEL"),
        ({"FACTBOT_SHARD_COUNT": "0"}, "FACTBOT_SHARD_COUNT"),
        ({"FACTBOT_SHARD_IDS": "0"}, "FACTBOT_SHARD_IDS"),
        ({"FACTBOT_SHARD_COUNT": "2", "FACTBOT_SHARD_IDS": "5"}, "FACTBOT_SHARD_IDS"),
        ({"FACTBOT_ALLOW_PRIVATE_URLS": "maybe"}, "FACTBOT_ALLOW_PRIVATE_URLS"),
        ({"FACTBOT_GUILD_MAX_DOCUMENTS": "0"}, "FACTBOT_GUILD_MAX_DOCUMENTS"),
        ({"FACTBOT_GUILD_MAX_FIGURES": "\u00b2"}, "FACTBOT_GUILD_MAX_FIGURES"),
        ({"FACTBOT_GUILD_MAX_BYTES": "lots"}, "FACTBOT_GUILD_MAX_BYTES"),
    ],
)
def test_a_bad_value_names_its_variable(env: dict[str, str], names: str) -> None:
    with pytest.raises(SettingsError, match=names):
        Settings.from_env(env)
