"""A fact base built from the seeds once, copied for each test so tests stay independent."""

from __future__ import annotations

import asyncio
import dataclasses
import shutil
from dataclasses import dataclass
from pathlib import Path

from bot.client import seed_extractor
from bot.config import Settings
from bot.facts.ingest import sync_folder
from bot.facts.store import FactStore


@dataclass(frozen=True)
class SeededBase:
    seeds_dir: Path
    template_db: Path

    def settings(self, workdir: Path, **changes: object) -> Settings:
        """Settings for a bot whose database is a fresh copy of the seeded template."""
        db_path = workdir / "facts.sqlite3"
        shutil.copyfile(self.template_db, db_path)
        base = Settings(db_path=db_path, seeds_dir=self.seeds_dir, sync="off", log_level="WARNING")
        return dataclasses.replace(base, **changes)  # type: ignore[arg-type]


def build_seeded_base(repo_seeds: Path, workdir: Path) -> SeededBase:
    seeds_dir = workdir / "seeds"
    shutil.copytree(repo_seeds, seeds_dir)
    template_db = workdir / "template.sqlite3"

    async def build() -> None:
        settings = Settings(db_path=template_db, seeds_dir=seeds_dir)
        store = await FactStore.open(template_db)
        try:
            summary = await sync_folder(store, seeds_dir, seed_extractor(settings))
            if not summary.ok:
                raise RuntimeError("seeds refused: " + "; ".join(summary.lines()))
        finally:
            await store.close()

    asyncio.run(build())
    return SeededBase(seeds_dir, template_db)
