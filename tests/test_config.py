"""Settings read from the environment: defaults, every variable, and one clear error each."""

from __future__ import annotations

import codecs
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot.config import Settings, SettingsError, env_file_text
from bot.facts.store import GuildQuota
from bot.facts.vocabulary.forces import DEFAULT_SUBJECTS


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
    assert settings.extraction_seconds == 30.0 and settings.extraction_workers == 2


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
            "FACTBOT_EXTRACTION_SECONDS": "12.5",
            "FACTBOT_EXTRACTION_WORKERS": "3",
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
    assert settings.extraction_seconds == 12.5 and settings.extraction_workers == 3


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
        # digits that str.isdigit() accepts and int() cannot read
        ({"FACTBOT_GUILD_ID": "²"}, "FACTBOT_GUILD_ID"),
        ({"FACTBOT_OWNER_IDS": "12, 3²"}, "FACTBOT_OWNER_IDS"),
        ({"FACTBOT_SHARD_COUNT": "²"}, "FACTBOT_SHARD_COUNT"),
        ({"FACTBOT_SHARD_COUNT": "4", "FACTBOT_SHARD_IDS": "0-²"}, "FACTBOT_SHARD_IDS"),
        ({"FACTBOT_EXTRACTION_SECONDS": "0"}, "FACTBOT_EXTRACTION_SECONDS"),
        ({"FACTBOT_EXTRACTION_SECONDS": "soon"}, "FACTBOT_EXTRACTION_SECONDS"),
        ({"FACTBOT_EXTRACTION_SECONDS": "nan"}, "FACTBOT_EXTRACTION_SECONDS"),
        ({"FACTBOT_EXTRACTION_SECONDS": "²"}, "FACTBOT_EXTRACTION_SECONDS"),
        ({"FACTBOT_EXTRACTION_WORKERS": "0"}, "FACTBOT_EXTRACTION_WORKERS"),
        ({"FACTBOT_EXTRACTION_WORKERS": "²"}, "FACTBOT_EXTRACTION_WORKERS"),
    ],
)
def test_a_bad_value_names_its_variable(env: dict[str, str], names: str) -> None:
    with pytest.raises(SettingsError, match=names):
        Settings.from_env(env)


ROOT = Path(__file__).resolve().parents[1]


def run_export(workdir: Path, env_file: bytes) -> subprocess.CompletedProcess[str]:
    """``python -m bot export`` in ``workdir``, whose .env holds ``env_file``."""
    (workdir / ".env").write_bytes(env_file)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("FACTBOT_", "DISCORD_"))}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    return subprocess.run(
        [sys.executable, "-m", "bot", "export"], cwd=workdir, env=env, capture_output=True,
        text=True, timeout=120,
    )


def test_a_dotenv_in_latin1_is_refused_with_the_line_it_fails_on(tmp_path: Path) -> None:
    done = run_export(tmp_path, "# Réglages\nFACTBOT_DB=facts.sqlite3\n".encode("latin-1"))
    assert done.returncode == 2
    assert "line 1 is not UTF-8 (byte 0xe9); save the file as UTF-8" in done.stderr
    assert "Traceback" not in done.stderr
    assert not (tmp_path / "facts.sqlite3").exists()


@pytest.mark.parametrize("encoding", ["utf-16", "utf-8-sig", "utf-32"])
def test_a_dotenv_with_a_byte_order_mark_is_read(tmp_path: Path, encoding: str) -> None:
    text = "# Réglages, écrits sous Windows\nFACTBOT_DB=from-dotenv.sqlite3\n"
    done = run_export(tmp_path, text.encode(encoding))
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["figures"] == []
    assert (tmp_path / "from-dotenv.sqlite3").exists()


def test_env_file_text_decodes_utf8_and_refuses_the_rest() -> None:
    assert env_file_text("A=é\n".encode()) == "A=é\n"
    assert env_file_text(codecs.BOM_UTF16_LE + "A=1".encode("utf-16-le")) == "A=1"
    with pytest.raises(SettingsError, match=r"settings.env: line 2 is not UTF-8"):
        env_file_text(b"A=1\nB=\xff\n", "settings.env")


def test_the_fact_base_may_be_a_postgres_url() -> None:
    url = "postgresql://bot:pw@db.internal:5432/factbot"
    settings = Settings.from_env({"FACTBOT_DB": f" {url} "})
    assert settings.db_url == url and settings.database == url
    assert Settings.from_env({"FACTBOT_DB": "postgres://db/factbot"}).db_url is not None
    path = Settings.from_env({"FACTBOT_DB": "/srv/facts.sqlite3"})
    assert path.db_url is None and path.database == Path("/srv/facts.sqlite3")


@pytest.mark.parametrize("value", ["mysql://u:pw@db/f", "https://example.org/f", "redis://x"])
def test_a_url_of_another_kind_is_refused(value: str) -> None:
    with pytest.raises(SettingsError, match=r"^FACTBOT_DB: .* is not a database the bot can use"):
        Settings.from_env({"FACTBOT_DB": value})
