"""What the /admin cog (commands/admin.py) needs beyond Discord: upload checks, correction
values, the buttons under an ingest preview. (Exports are in bot/facts/export.py.)"""
