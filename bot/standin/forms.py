"""Filling in a modal at a terminal: one prompt per field, a paragraph field read up to a line
holding only a dot (``.``)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence

from bot.standin.limits import modal_fields
from bot.standin.records import Reply

END_OF_TEXT = "."
#: Reads one line after showing a prompt; EOFError ends the input.
ReadLine = Callable[[str], Awaitable[str]]


def pending_form(replies: Sequence[Reply]) -> Reply | None:
    """The modal among ``replies``, if the bot answered with one."""
    return next((r for r in replies if r.is_modal), None)


async def fill_in(form: Reply, read_line: ReadLine) -> dict[str, str]:
    """What the user types for each field of ``form``, by custom_id."""
    values: dict[str, str] = {}
    for field, label in modal_fields(form.message):
        custom_id = str(field["custom_id"])
        if field.get("style") == 2:
            print(f"{label}: type or paste the text; end it with a line holding only '.'")
            lines: list[str] = []
            while True:
                try:
                    line = await read_line("... ")
                except EOFError:
                    break
                if line.strip() == END_OF_TEXT:
                    break
                lines.append(line)
            values[custom_id] = "\n".join(lines).strip()
        else:
            try:
                values[custom_id] = (await read_line(f"{label}> ")).strip()
            except EOFError:
                values[custom_id] = ""
    return values
