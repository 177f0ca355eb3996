"""``python -m bot run`` with a token talks to Discord itself: it never imports the local
stand-in, and discord.py's REST and gateway addresses stay Discord's."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

#: Runs the real command line in a fresh interpreter. Only discord.py's login is replaced (it
#: refuses the token at once), so that no request leaves the machine; then the cogs are
#: imported as setup_hook would once logged in, and the modules and addresses are reported.
SCRIPT = """
import importlib, json, sys
import discord, discord.gateway, discord.http

base = discord.http.Route.BASE
gateway = str(discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY)

async def refuse(self, token):
    raise discord.LoginFailure("refused before any request")

discord.Client.login = refuse

from bot.__main__ import main

status = main(["run"])
from bot.client import command_extensions

for name in command_extensions():
    importlib.import_module(name)
print(json.dumps({
    "status": status,
    "standin": sorted(m for m in sys.modules if m.startswith("bot.standin")),
    "console": "bot.console" in sys.modules,
    "base": discord.http.Route.BASE == base and base.startswith("https://discord.com/"),
    "gateway": str(discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY) == gateway,
}))
"""


def test_run_with_a_token_never_imports_the_standin(tmp_path: Path) -> None:
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
        "DISCORD_TOKEN": "not.a.real-token",
        "FACTBOT_DB": str(tmp_path / "facts.sqlite3"),
        "FACTBOT_SEEDS": str(ROOT / "seeds"),
    }
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT], cwd=tmp_path, env=env, capture_output=True, text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report["status"] == 1 and "Discord refused the token" in done.stderr
    assert report["standin"] == [] and not report["console"]
    assert report["base"] and report["gateway"]
