"""FactBot: the discord.py client that owns the fact store, the lookups the commands share and
the extraction workers, and loads the command cogs (every module of ``commands/``)."""

from __future__ import annotations

import functools
import importlib
import logging
import pkgutil
import time
from typing import Any

import discord
from discord import app_commands
from discord.ext import commands

from bot.alerts import AlertPoster
from bot.config import Settings
from bot.errors import handle_error
from bot.extraction import ExtractionWorkers
from bot.facts.ingest import ExtractFn, IngestSummary, sync_folder
from bot.facts.model import Document, Extraction
from bot.facts.store import FactStore, IngestResult
from bot.facts.store.intake import Shards
from bot.i18n.translator import CatalogueTranslator
from bot.intake import AddressPolicy, Fetcher
from bot.intake.poller import FeedPoller
from bot.lookup.fact_lookup import FactLookup

log = logging.getLogger(__name__)

COMMAND_PACKAGE = "commands"
#: How stale another process's change to the store may look here, at most.
VERSION_CHECK_SECONDS = 0.1


def command_extensions() -> list[str]:
    """Every module in ``commands/`` that defines ``async def setup(bot)``."""
    package = importlib.import_module(COMMAND_PACKAGE)
    names = []
    for module in pkgutil.iter_modules(package.__path__):
        name = f"{COMMAND_PACKAGE}.{module.name}"
        if not module.ispkg and hasattr(importlib.import_module(name), "setup"):
            names.append(name)
    return sorted(names)


def seed_extractor(settings: Settings) -> ExtractFn:
    """The extraction pipeline, limited to the subjects the bot follows, run where it is called
    (the bot itself extracts in its worker processes: see :meth:`FactBot.sync_seeds`)."""
    from bot.facts.extract import extract

    return functools.partial(extract, subjects=settings.subjects)


def bot_intents() -> discord.Intents:
    """Default intents without the privileged ones: slash commands need none of them."""
    intents = discord.Intents.default()
    intents.message_content = False
    intents.members = False
    intents.presences = False
    return intents


#: Commands that write to the store and answer only afterwards. A write queues behind the
#: reads on the store's connection and may wait for another process's write (up to the busy
#: timeout), so these acknowledge the interaction first and answer with a followup.
WRITING_COMMANDS = frozenset(
    {
        "admin hide",
        "admin unhide",
        "admin verify",
        "admin correct",
        "admin feeds remove",
        "admin feeds autostore",
    }
)


class FactTree(app_commands.CommandTree["FactBot"]):
    async def interaction_check(self, interaction: discord.Interaction[FactBot], /) -> bool:
        """Before every command and autocomplete: take up changes other processes (other
        shards) committed to the store, so cached indexes keyed on its version are not stale;
        acknowledge a writing command at once, before it can wait behind other work."""
        command = interaction.command
        if (
            interaction.type is discord.InteractionType.application_command
            and command is not None
            and command.qualified_name in WRITING_COMMANDS
            and not interaction.response.is_done()
        ):
            await interaction.response.defer(ephemeral=True, thinking=True)
        await interaction.client.notice_other_writers()
        return True

    async def on_error(
        self, interaction: discord.Interaction[FactBot], error: app_commands.AppCommandError
    ) -> None:
        await handle_error(interaction, error)


class FactBot(commands.AutoShardedBot):
    """Opens the store, brings the shared fact base up to date, loads commands, syncs them.

    Sharded: it runs ``settings.shard_ids`` of ``settings.shard_count`` shards (all of Discord's
    recommended count when unset) in one process. Several processes, each with its own shard
    ids, can share one store (one SQLite file on one host, or a PostgreSQL server for several
    hosts): the store serialises their writes and each notices the others'.
    """

    def __init__(self, settings: Settings, **options: Any) -> None:
        if settings.shard_count is not None:
            options.setdefault("shard_count", settings.shard_count)
        if settings.shard_ids is not None:
            options.setdefault("shard_ids", list(settings.shard_ids))
        super().__init__(
            command_prefix=commands.when_mentioned,
            intents=bot_intents(),
            allowed_mentions=discord.AllowedMentions.none(),
            tree_cls=FactTree,
            help_command=None,
            **options,
        )
        self.settings = settings
        self._store: FactStore | None = None
        self._lookup: FactLookup | None = None
        self._version_checked = 0.0
        self.alerts = AlertPoster(self, lambda: self.store)
        self.extraction = ExtractionWorkers(
            settings.subjects,
            workers=settings.extraction_workers,
            budget=settings.extraction_seconds,
        )
        #: Every download (/admin ingest url:, feeds): public addresses only, unless allowed.
        self.fetcher = Fetcher(AddressPolicy(allow_private=settings.allow_private_urls))
        self._feed_poller: FeedPoller | None = None

    @property
    def store(self) -> FactStore:
        if self._store is None:
            raise RuntimeError("the fact store is opened by setup_hook; the bot is not set up")
        return self._store

    @property
    def lookup(self) -> FactLookup:
        """The names, indexes and listings every cog and option shares (cached per guild)."""
        if self._lookup is None:
            raise RuntimeError("the lookups are made by setup_hook; the bot is not set up")
        return self._lookup

    @property
    def feed_poller(self) -> FeedPoller:
        """Polls the feeds of this process's servers; started by setup_hook."""
        if self._feed_poller is None:
            raise RuntimeError("the feed poller is started by setup_hook; the bot is not set up")
        return self._feed_poller

    async def notice_other_writers(self) -> None:
        """Takes up other processes' commits to the store, at most once per
        :data:`VERSION_CHECK_SECONDS`: under a burst the check would otherwise queue one more
        query per interaction in front of the reads that answer them."""
        now = time.monotonic()
        if now - self._version_checked >= VERSION_CHECK_SECONDS:
            self._version_checked = now
            await self.store.refresh_version()

    async def setup_hook(self) -> None:
        self._store = await FactStore.open(
            self.settings.database, quota=self.settings.guild_quota
        )
        self._lookup = FactLookup(self._store, self.settings.subjects)
        await self.tree.set_translator(CatalogueTranslator())
        summary = await self.sync_seeds()
        for line in summary.lines():
            log.info("seeds: %s", line)
        await self.load_commands()
        await self.sync_commands()
        self._feed_poller = FeedPoller(
            self._store,
            self.fetcher,
            self._extract_article,
            on_stored=self._announce_article,
            shards=self._polled_shards(),
        )
        self._feed_poller.start()

    async def _extract_article(self, document: Document, guild_id: int) -> Extraction:
        return await self.extraction.extract(document, guild_id=guild_id)

    def _announce_article(self, guild_id: int, result: IngestResult) -> None:
        self.alerts.announce([result], guild_id=guild_id)

    def _polled_shards(self) -> Shards | None:
        """Only the feeds of the servers this process serves; None when it runs every shard."""
        count, ids = self.settings.shard_count, self.settings.shard_ids
        if count is None or ids is None or set(ids) == set(range(count)):
            return None
        return Shards(count, tuple(ids))

    async def sync_seeds(self) -> IngestSummary:
        """Brings the shared fact base up to date with the seeds folder and announces what it
        added. Extraction runs in the worker processes, within the time budget, so the event
        loop keeps answering meanwhile."""
        summary = await sync_folder(
            self.store, self.settings.seeds_dir, self.extraction.extract
        )
        self.alerts.announce(summary.results, guild_id=None)
        return summary

    async def load_commands(self) -> None:
        for name in command_extensions():
            await self.load_extension(name)

    async def sync_commands(self) -> None:
        mode = self.settings.sync
        if mode == "guild" and self.settings.guild_id is not None:
            guild = discord.Object(id=self.settings.guild_id)
            self.tree.copy_global_to(guild=guild)
            synced = await self.tree.sync(guild=guild)
            log.info("synced %d commands to guild %s", len(synced), guild.id)
        elif mode == "global":
            synced = await self.tree.sync()
            log.info(
                "synced %d global commands (clients may take a while to see them)", len(synced)
            )

    async def command_payloads(self) -> list[dict[str, Any]]:
        """The body a global command sync sends: one application-command payload per command,
        with the names, descriptions and choices in every language the bot speaks (what
        ``tree.sync`` sends, without sending it)."""
        translator = self.tree.translator
        if translator is None:
            translator = CatalogueTranslator()
            await self.tree.set_translator(translator)
        return [
            await command.get_translated_payload(self.tree, translator)
            for command in self.tree._get_all_commands()
        ]

    async def close(self) -> None:
        if not hasattr(self, "_AutoShardedClient__queue"):
            # Never logged in: AutoShardedClient.close needs the event queue login sets up.
            await self._async_setup_hook()
        try:
            if self._feed_poller is not None:
                await self._feed_poller.stop()
            await self.fetcher.close()
            await self.alerts.close()
            await self.extraction.close()
            await super().close()
        finally:
            if self._store is not None:
                store, self._store = self._store, None
                await store.close()


def create_bot(settings: Settings, **options: Any) -> FactBot:
    """The unstarted bot. ``options`` go to :class:`discord.Client` (e.g. guild_ready_timeout)."""
    return FactBot(settings, **options)
