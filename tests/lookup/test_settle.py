"""Indexes are left out of the garbage collector's full passes once built, and are still freed
when the fact base changes and they are replaced."""

from __future__ import annotations

import gc
import weakref

from tests.commands.test_answers import add_many_figures


async def test_a_built_index_is_frozen_and_a_replaced_one_is_freed(e2e):
    lookup, guild = e2e.bot.lookup, e2e.standin.guild.id
    gc.unfreeze()
    index = await lookup.figure_index(guild)
    assert gc.get_freeze_count() > 0, "what the index holds is out of the full passes"
    words = weakref.ref(index.words)
    del index
    await add_many_figures(e2e.bot, guild, count=3)  # the fact base changes
    assert len((await lookup.figure_index(guild)).figures) == 6 + 3
    assert words() is None, "the replaced index was freed"
