"""The slash commands: one cog per module, each ending in ``async def setup(bot)``; the bot loads
every module here (bot/client.py). What several cogs share lives in bot/: options in
bot/options.py, lookups in bot/lookup/, replies and views in bot/views.py, errors in
bot/errors.py."""
