"""Query results -> discord.Embed pages; number, date and quote formatting; Discord's limits.

Pure formatting: nothing here queries the store or talks to Discord.
"""

from bot.render.answers import (
    figure_pages,
    nothing_found,
    search_pages,
)
from bot.render.pages import Entry, limit_problems, paginate

__all__ = [
    "Entry",
    "figure_pages",
    "limit_problems",
    "nothing_found",
    "paginate",
    "search_pages",
]
