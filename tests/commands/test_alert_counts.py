"""An alert counts one new figure and one disagreement in the singular, in every language."""

from __future__ import annotations

import pytest

from bot.i18n import t
from tests.commands.test_admin import ingest
from tests.commands.test_alerts import e2e_settings, posted_to, subscribe

__all__ = ["e2e_settings"]  # the fixture: the seeds copied, an operator set

#: One figure, 100 killed (HUR), that disagrees with the seed's "at least 300" (NIS): dated
#: early February, the same time as the seed's January (a claim two months later would revise
#: it, not contradict it).
ONE_CONTRADICTING = (
    b"---\ntitle: Kursk update\npublisher: Test Wire\npublished: 2025-02-03\n---\n"
    b"Ukraine's military intelligence said on Monday that 100 North Korean soldiers had been"
    b" killed in Kursk.\n"
)


async def test_one_new_figure_that_disagrees_is_counted_in_the_singular(e2e):
    first = e2e.standin.guilds[0]
    await subscribe(e2e, first)
    await ingest(e2e, ONE_CONTRADICTING, "kursk.txt")
    await e2e.bot.alerts.idle()
    (alert,) = posted_to(e2e, first.default_channel.id)
    text = alert.text()
    assert "1 new figure from Kursk update" in text
    assert "1 of them disagrees with figures already held" in text


@pytest.mark.parametrize(
    ("lang", "one", "two", "five"),
    [
        ("en", "1 of them disagrees", "2 of them disagree", "5 of them disagree"),
        ("uk", "1 з них розходиться", "2 з них розходяться", "5 з них розходяться"),
        ("ko", "그중 1개가", "그중 2개가", "그중 5개가"),
    ],
)
def test_the_disagreement_count_takes_each_languages_plural(lang, one, two, five):
    assert one in t(lang, "alert.disagreeing", n=1)
    assert two in t(lang, "alert.disagreeing", n=2)
    assert five in t(lang, "alert.disagreeing", n=5)
