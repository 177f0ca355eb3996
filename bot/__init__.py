"""A Discord bot that answers questions about a news story with sourced figures."""

from bot.config import Settings

__all__ = ["Settings", "create_bot"]


def __getattr__(name: str) -> object:
    # create_bot pulls in discord.py; the fact engine and the CLI's offline commands need not.
    if name == "create_bot":
        from bot.client import create_bot

        return create_bot
    raise AttributeError(name)
