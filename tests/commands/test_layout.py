"""commands/ holds only cogs, each loadable on its own, and no two commands share a name."""

from __future__ import annotations

import importlib
import pkgutil

import commands
from bot.client import command_extensions, create_bot
from bot.config import Settings


def test_every_module_of_commands_is_a_cog_extension():
    modules = {f"commands.{m.name}" for m in pkgutil.iter_modules(commands.__path__)}
    assert set(command_extensions()) == modules
    for name in modules:
        assert callable(importlib.import_module(name).setup), name


async def test_every_extension_loads_and_command_names_are_unique(tmp_path):
    bot = create_bot(Settings(db_path=tmp_path / "facts.sqlite3", seeds_dir=tmp_path / "none"))
    try:
        await bot.load_commands()
        names = [c.name for c in bot.tree.get_commands()]
        assert len(names) == len(set(names)) and "figure" in names and "fact" not in names
        payloads = await bot.command_payloads()
        options = {p["name"]: {o["name"] for o in p.get("options", [])} for p in payloads}
        assert options["figure"] == {"figure"} and options["sources"] == {"source"}
    finally:
        await bot.close()
