"""/casualties, /deployments and /timeline with chart:true attach a PNG after the listing."""

from __future__ import annotations

import asyncio
import io
import time

import pytest
from PIL import Image

from tests.commands.test_admin import answer
from tests.standin.limits import assert_valid_message


def png_of(replies, filename):
    files = [f for r in replies for f in r.files if f.filename == filename]
    assert len(files) == 1, [f.filename for r in replies for f in r.files]
    picture = Image.open(io.BytesIO(files[0].data))
    picture.load()
    assert picture.format == "PNG"
    return picture


@pytest.mark.parametrize(
    ("command", "filename"),
    [("casualties", "casualties.png"), ("deployments", "deployments.png"),
     ("timeline", "timeline.png")],
)
async def test_chart_option_attaches_a_readable_png(e2e, command, filename):
    handle = await e2e.invoke(command, {"chart": True})
    deadline = time.monotonic() + 15.0
    while not any(r.files for r in handle.replies) and time.monotonic() < deadline:
        await asyncio.sleep(0.05)
    replies = handle.replies
    for reply in replies:
        assert_valid_message(reply)
    assert replies[0].is_deferral
    picture = png_of(replies, filename)
    assert picture.width == 800 and 150 <= picture.height <= 3_000
    listing = [r for r in replies if r.embeds]
    assert listing, "the listing is still sent"


async def test_without_chart_no_file_is_sent(e2e):
    replies = await e2e.ask("casualties")
    assert not [f for r in replies for f in r.files]
    assert answer(replies).embeds
