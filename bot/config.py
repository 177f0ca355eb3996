"""Settings: a frozen dataclass built from a mapping (``os.environ`` after ``.env`` is loaded),
and the reading of ``.env`` itself."""

from __future__ import annotations

import codecs
import io
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from bot.facts.store.location import LocationError, store_location
from bot.facts.store.quota import GuildQuota
from bot.facts.vocabulary.forces import DEFAULT_SUBJECTS

SyncMode = Literal["guild", "global", "off"]

DEFAULT_DB = Path("data/facts.sqlite3")


#: Seconds one document's extraction may take before it is stopped (uploads and seeds).
DEFAULT_EXTRACTION_SECONDS = 30.0
#: Worker processes that extract documents off the event loop.
DEFAULT_EXTRACTION_WORKERS = 2
MAX_EXTRACTION_WORKERS = 32


class SettingsError(ValueError):
    """A setting has a value the bot cannot use; the message names the variable."""


def _is_number(raw: str) -> bool:
    """ASCII digits only: ``"²".isdigit()`` is true, yet ``int("²")`` fails."""
    return raw.isascii() and raw.isdigit()


def _int_list(name: str, raw: str) -> frozenset[int]:
    ids: set[int] = set()
    for part in raw.replace(";", ",").split(","):
        part = part.strip()
        if not part:
            continue
        if not _is_number(part):
            raise SettingsError(f"{name}: {part!r} is not a Discord id (digits only)")
        ids.add(int(part))
    return frozenset(ids)


def _shard_ids(raw: str, count: int | None) -> tuple[int, ...] | None:
    """``0,1``, ``0-3`` or a mix; each id must be below the shard count."""
    if not raw:
        return None
    if count is None:
        raise SettingsError("FACTBOT_SHARD_IDS needs FACTBOT_SHARD_COUNT")
    ids: set[int] = set()
    for part in raw.replace(";", ",").split(","):
        part = part.strip()
        if not part:
            continue
        low, _, high = part.partition("-")
        if not _is_number(low.strip()) or (high and not _is_number(high.strip())):
            raise SettingsError(f"FACTBOT_SHARD_IDS: {part!r} is not a shard id or a range a-b")
        first, last = int(low), int(high) if high else int(low)
        if first > last or last >= count:
            raise SettingsError(
                f"FACTBOT_SHARD_IDS: {part!r} is not within 0-{count - 1}"
                f" (FACTBOT_SHARD_COUNT is {count})"
            )
        ids.update(range(first, last + 1))
    return tuple(sorted(ids)) or None


def _flag(name: str, raw: str) -> bool:
    value = raw.strip().lower()
    if value in ("", "0", "false", "no", "off"):
        return False
    if value in ("1", "true", "yes", "on"):
        return True
    raise SettingsError(f"{name}: {raw!r} is not 1 or 0")
_SIZE = re.compile(r"([0-9]+)\s*([KMG]?)B?", re.IGNORECASE)
_SCALE = {"": 1, "K": 1024, "M": 1024**2, "G": 1024**3}


def _limit(env: Mapping[str, str], name: str, default: int, *, size: bool = False) -> int:
    """A positive whole number (ASCII digits); a size may end in K, M or G (binary units)."""
    raw = env.get(name, "").strip()
    if not raw:
        return default
    match = _SIZE.fullmatch(raw) if size else re.fullmatch(r"([0-9]+)()", raw)
    if match is None or int(match.group(1)) < 1:
        kind = "a size like 8M or 512K" if size else "a positive whole number"
        raise SettingsError(f"{name}: {raw!r} is not {kind}")
    return int(match.group(1)) * _SCALE[match.group(2).upper()]


def _guild_quota(env: Mapping[str, str]) -> GuildQuota:
    default = GuildQuota()
    return GuildQuota(
        documents=_limit(env, "FACTBOT_GUILD_MAX_DOCUMENTS", default.documents),
        bytes=_limit(env, "FACTBOT_GUILD_MAX_BYTES", default.bytes, size=True),
        figures=_limit(env, "FACTBOT_GUILD_MAX_FIGURES", default.figures),
    )


def database_setting(raw: str, name: str = "FACTBOT_DB") -> tuple[Path, str | None]:
    """The SQLite path, and the PostgreSQL URL when ``raw`` is one (the path then unused)."""
    try:
        where = store_location(raw.strip() or str(DEFAULT_DB))
    except LocationError as exc:
        raise SettingsError(f"{name}: {exc}") from None
    if isinstance(where, str):
        return DEFAULT_DB, where
    return where, None


def _shard_count(raw: str) -> int | None:
    if not raw:
        return None
    if not _is_number(raw) or int(raw) < 1:
        raise SettingsError(f"FACTBOT_SHARD_COUNT: {raw!r} is not a positive whole number")
    return int(raw)


def _extraction_seconds(raw: str) -> float:
    if not raw:
        return DEFAULT_EXTRACTION_SECONDS
    try:
        seconds = float(raw) if raw.isascii() else -1.0
    except ValueError:
        seconds = -1.0
    if not 0 < seconds <= 3600:
        raise SettingsError(
            f"FACTBOT_EXTRACTION_SECONDS: {raw!r} is not a number of seconds above 0 (at most 3600)"
        )
    return seconds


def _extraction_workers(raw: str) -> int:
    if not raw:
        return DEFAULT_EXTRACTION_WORKERS
    if not _is_number(raw) or not 1 <= int(raw) <= MAX_EXTRACTION_WORKERS:
        raise SettingsError(
            f"FACTBOT_EXTRACTION_WORKERS: {raw!r} is not a whole number"
            f" from 1 to {MAX_EXTRACTION_WORKERS}"
        )
    return int(raw)


@dataclass(frozen=True, slots=True)
class Settings:
    token: str | None = None
    db_path: Path = DEFAULT_DB
    #: A ``postgresql://`` URL when the fact base is on a server (several hosts share it);
    #: ``db_path`` is then unused.
    db_url: str | None = None
    seeds_dir: Path = Path("seeds")
    subjects: tuple[str, ...] = DEFAULT_SUBJECTS
    owner_ids: frozenset[int] = field(default_factory=frozenset)
    sync: SyncMode = "off"
    guild_id: int | None = None
    log_level: str = "INFO"
    #: Total shards; None asks Discord for its recommendation when the bot connects.
    shard_count: int | None = None
    #: The shards this process runs; None runs all of them.
    shard_ids: tuple[int, ...] | None = None
    #: Let URL and feed ingest reach loopback and private addresses (tests and local setups).
    allow_private_urls: bool = False
    #: What each server's moderators may store at most (documents, bytes of text, figures).
    guild_quota: GuildQuota = field(default_factory=GuildQuota)
    #: Seconds one document's extraction may take before it is stopped.
    extraction_seconds: float = DEFAULT_EXTRACTION_SECONDS
    #: Worker processes extracting documents (uploads, seeds) off the event loop.
    extraction_workers: int = DEFAULT_EXTRACTION_WORKERS

    @property
    def database(self) -> Path | str:
        """Where the fact base is: the PostgreSQL URL when there is one, else the file."""
        return self.db_url or self.db_path

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Settings:
        env = os.environ if env is None else env
        sync = env.get("FACTBOT_SYNC", "off").strip().lower() or "off"
        if sync not in ("guild", "global", "off"):
            raise SettingsError(f"FACTBOT_SYNC: {sync!r} is not one of guild, global, off")
        guild_raw = env.get("FACTBOT_GUILD_ID", "").strip()
        if guild_raw and not _is_number(guild_raw):
            raise SettingsError(f"FACTBOT_GUILD_ID: {guild_raw!r} is not a Discord id")
        guild_id = int(guild_raw) if guild_raw else None
        if sync == "guild" and guild_id is None:
            raise SettingsError("FACTBOT_SYNC=guild needs FACTBOT_GUILD_ID")
        subjects = tuple(
            s.strip() for s in env.get("FACTBOT_SUBJECTS", ",".join(DEFAULT_SUBJECTS)).split(",")
        )
        subjects = tuple(s for s in subjects if s) or DEFAULT_SUBJECTS
        level = env.get("LOG_LEVEL", "INFO").strip().upper() or "INFO"
        if level not in ("CRITICAL", "ERROR", "WARNING", "INFO", "DEBUG"):
            raise SettingsError(f"LOG_LEVEL: {level!r} is not a logging level")
        shard_count = _shard_count(env.get("FACTBOT_SHARD_COUNT", "").strip())
        shard_ids = _shard_ids(env.get("FACTBOT_SHARD_IDS", "").strip(), shard_count)
        db_path, db_url = database_setting(env.get("FACTBOT_DB", ""))
        return cls(
            token=env.get("DISCORD_TOKEN", "").strip() or None,
            db_path=db_path,
            db_url=db_url,
            seeds_dir=Path(env.get("FACTBOT_SEEDS", "").strip() or "seeds"),
            subjects=subjects,
            owner_ids=_int_list("FACTBOT_OWNER_IDS", env.get("FACTBOT_OWNER_IDS", "")),
            sync=sync,  # type: ignore[arg-type]
            guild_id=guild_id,
            log_level=level,
            shard_count=shard_count,
            shard_ids=shard_ids,
            allow_private_urls=_flag(
                "FACTBOT_ALLOW_PRIVATE_URLS", env.get("FACTBOT_ALLOW_PRIVATE_URLS", "")
            ),
            guild_quota=_guild_quota(env),
            extraction_seconds=_extraction_seconds(
                env.get("FACTBOT_EXTRACTION_SECONDS", "").strip()
            ),
            extraction_workers=_extraction_workers(
                env.get("FACTBOT_EXTRACTION_WORKERS", "").strip()
            ),
        )


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def env_file_text(data: bytes, name: str = ".env") -> str:
    """The text of an env file: UTF-8, or UTF-16/32 with a byte-order mark (as Windows editors
    save it). Anything else (Latin-1, say) is refused with the line it fails on."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                break
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise SettingsError(
            f"{name}: line {line} is not UTF-8 (byte 0x{data[exc.start]:02x});"
            " save the file as UTF-8"
        ) from None


def load_env_file(path: str | os.PathLike[str]) -> None:
    """Sets the variables ``path`` defines that the environment does not already set. An empty
    path (no .env found) does nothing."""
    if not str(path):
        return
    from dotenv import load_dotenv

    with open(path, "rb") as file:
        text = env_file_text(file.read(), os.fspath(path))
    load_dotenv(stream=io.StringIO(text))
