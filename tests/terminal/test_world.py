"""The console's server file: ids kept, completed when incomplete, set aside when unreadable; and
the names of the files the bot sends, made safe to write."""

from __future__ import annotations

import json

from bot.standin.records import RecordedFile
from bot.terminal.files import safe_name, save_files
from bot.terminal.world import PERSONAS, load_world, world_path


def test_a_world_is_made_once_and_read_back_the_same(tmp_path):
    first = load_world(tmp_path)
    again = load_world(tmp_path)
    assert again.to_json() == first.to_json()
    assert {c.name for c in first.guild.channels} == {"general", "news"}
    assert set(first.users) == {p.name for p in PERSONAS}
    assert first.owner_ids == {first.users["owner"].user.id}
    moderators = first.role("@moderators")
    assert moderators is not None and first.users["moderator"].roles == (moderators.id,)
    assert first.channel("#News") is first.guild.channels[1]


def test_an_older_file_is_completed_and_its_ids_kept(tmp_path):
    path = world_path(tmp_path)
    path.write_text(
        json.dumps(
            {
                "format": 1,
                "application_id": "77",
                "guild": {"id": "42", "name": "Our Server", "channels": {"general": "43"}},
                "users": {"manager": "44"},
            }
        ),
        encoding="utf-8",
    )
    world = load_world(tmp_path)
    assert (world.guild.id, world.guild.name, world.application_id) == (42, "Our Server", 77)
    general = world.channel("general")
    assert general is not None and general.id == 43 and world.users["manager"].user.id == 44
    assert world.channel("news") is not None and world.role("Moderators") is not None
    saved = json.loads(path.read_text(encoding="utf-8"))
    assert saved["guild"]["channels"]["general"] == "43" and "news" in saved["guild"]["channels"]


def test_a_file_with_bad_ids_is_set_aside(tmp_path):
    path = world_path(tmp_path)
    path.write_text(json.dumps({"format": 1, "guild": {"id": "-5"}}), encoding="utf-8")
    world = load_world(tmp_path)
    assert world.set_aside is not None and "names no server id" in world.set_aside
    assert world.guild.id > 0


def test_files_from_the_bot_get_safe_names_and_never_overwrite(tmp_path):
    assert safe_name("../../etc/passwd") == "passwd"
    assert safe_name("chart png?.png") == "chart_png_.png"
    assert safe_name("..") == "attachment"
    files = [RecordedFile("a.csv", "text/csv", b"1"), RecordedFile("a.csv", "text/csv", b"2")]
    first, second = save_files(files, tmp_path / "out")
    assert (first.name, second.name) == ("a.csv", "a-2.csv")
    assert (first.read_bytes(), second.read_bytes()) == (b"1", b"2")
