"""Files between the terminal and the local Discord: a path typed for an attachment option is
read as the file a Discord client would upload, and every file the bot sends is written to a
folder, never over an earlier one."""

from __future__ import annotations

import mimetypes
import re
from collections.abc import Sequence
from pathlib import Path

from bot.standin.options import OptionError
from bot.standin.records import RecordedFile

_UNSAFE_NAME = re.compile(r"[^\w.\-]+")
MAX_NAME = 120


def _size(n: int) -> str:
    return f"{n / 1_048_576:.1f} MB" if n >= 1_048_576 else f"{n:,} bytes"


def read_upload(typed: str, limit: int, option: str) -> tuple[str, bytes, str]:
    """The file named by ``typed`` (a path, ``~`` and quotes allowed) as (file name, bytes,
    content type), as a Discord client uploads it; refused as a client would refuse it
    (missing, a folder, over Discord's ``limit``)."""
    text = typed.strip()
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "'\"":
        text = text[1:-1]
    if not text:
        raise OptionError(f"{option}: type the path of a file, e.g. {option}:notes.txt")
    path = Path(text).expanduser()
    try:
        if path.is_dir():
            raise OptionError(f"{option}: {path} is a folder; give the path of one file")
        size = path.stat().st_size
        if size > limit:
            raise OptionError(
                f"{option}: {path} is {_size(size)}; Discord lets you attach at most {_size(limit)}"
            )
        with path.open("rb") as handle:
            data = handle.read(limit + 1)
    except FileNotFoundError:
        raise OptionError(f"{option}: there is no file {path} (from {Path.cwd()})") from None
    except OSError as exc:
        raise OptionError(f"{option}: cannot read {path}: {exc.strerror or exc}") from None
    if len(data) > limit:  # grew while being read
        raise OptionError(f"{option}: {path} is over the {_size(limit)} Discord lets you attach")
    kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    if kind.startswith("text/"):
        kind += "; charset=utf-8"
    return path.name, data, kind


def safe_name(filename: str) -> str:
    """A file name the bot chose, made safe to write: no folders, no odd characters."""
    name = _UNSAFE_NAME.sub("_", Path(filename.replace("\\", "/")).name).strip("._")
    return name[-MAX_NAME:] or "attachment"


def save_files(files: Sequence[RecordedFile], folder: Path) -> list[Path]:
    """Writes each file into ``folder`` under its own name, numbered when the name is taken
    (``chart.png``, ``chart-2.png``); returns where each went."""
    folder.mkdir(parents=True, exist_ok=True)
    saved = []
    for recorded in files:
        name = safe_name(recorded.filename)
        stem, suffix = Path(name).stem, Path(name).suffix
        target = folder / name
        number = 1
        while True:
            try:
                with target.open("xb") as handle:
                    handle.write(recorded.data)
                break
            except FileExistsError:
                number += 1
                target = folder / f"{stem}-{number}{suffix}"
        saved.append(target)
    return saved
