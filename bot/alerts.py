"""Posting alerts: a document's new figures go to the channels of the servers subscribed to them.

Ingestion only calls :meth:`AlertPoster.announce` after its transaction committed; everything else
runs in a background task, so a slow or failing channel never holds up or breaks an ingest. The
task posts one message per document per channel, one channel after another, and discord.py's
HTTP client waits out Discord's rate limits (429) per route and globally. A channel that is gone
or where the bot may not post drops that alert with a log line, and the reason is stored for the
server's moderators (``/admin alerts``). No alert mentions anyone.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Iterable, Sequence

import discord

from bot.facts.contradictions import contradictions_of
from bot.facts.model import Figure
from bot.facts.store import FactStore, IngestResult
from bot.facts.store.alerts import AlertSubscription, AlertSubscriptions
from bot.i18n import ENGLISH, language
from bot.render.alerts import AlertMessage, alert_message

log = logging.getLogger(__name__)

NO_MENTIONS = discord.AllowedMentions.none()
UNKNOWN_CHANNEL = 10003


def delivery_problem(error: discord.HTTPException) -> str:
    """Why Discord refused an alert, in words a moderator can act on."""
    said = f"Discord: {error.status} {error.text or 'no reason given'}"
    if isinstance(error, discord.NotFound) and error.code == UNKNOWN_CHANNEL:
        return f"the channel no longer exists; choose another with /admin alerts ({said})"
    if isinstance(error, discord.Forbidden):
        return (
            "the bot may not post there: it needs View Channel, Send Messages and Embed Links"
            f" in that channel ({said})"
        )
    return f"Discord refused the message ({said})"


class AlertPoster:
    """Owns the background delivery tasks of one bot."""

    def __init__(self, client: discord.Client, store: Callable[[], FactStore]) -> None:
        self._client = client
        self._store = store
        self._tasks: set[asyncio.Task[None]] = set()

    def announce(self, results: Iterable[IngestResult], *, guild_id: int | None) -> None:
        """Queue alerts for the documents that brought new figures: a server's own document
        (``guild_id``) to that server only, a shared one (None) to every subscribed server."""
        changed = [r for r in results if r.status != "unchanged" and r.new_ids]
        if not changed:
            return
        task = asyncio.create_task(self._deliver_all(changed, guild_id), name="factbot-alerts")
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def idle(self) -> None:
        """Wait until every queued alert was posted or dropped."""
        while self._tasks:
            await asyncio.gather(*list(self._tasks), return_exceptions=True)

    async def close(self) -> None:
        for task in list(self._tasks):
            task.cancel()
        await asyncio.gather(*list(self._tasks), return_exceptions=True)

    async def _deliver_all(self, results: Sequence[IngestResult], guild_id: int | None) -> None:
        try:
            subscriptions = AlertSubscriptions(self._store())
            wanted = None if guild_id is None else [guild_id]
            targets = await subscriptions.enabled(wanted)
            for result in results:
                for target in targets:
                    await self._deliver(subscriptions, result, target)
        except asyncio.CancelledError:
            raise
        except Exception:
            log.exception("alerts for %s stopped", ", ".join(r.key for r in results))

    async def message_for(self, guild_id: int, result: IngestResult) -> AlertMessage | None:
        """The alert as ``guild_id`` sees it (its overlay applied); None when every new figure
        is hidden there."""
        store = self._store()
        figures = await store.figures_by_id(guild_id, result.new_ids)
        if not figures:
            return None
        held: list[Figure] = []
        for subject, metric in sorted({(f.subject, f.metric) for f in figures}):
            held += await store.figures(guild_id, metrics=[metric], subject=subject)
        found = contradictions_of(figures, held)
        cited = {result.key} | {c.held.document for found_of in found.values() for c in found_of}
        documents = await store.documents_by_key(guild_id, cited)
        guild = self._client.get_guild(guild_id)
        lang = language(guild.preferred_locale) if guild is not None else ENGLISH
        return alert_message(result.key, figures, found, documents, lang)

    async def _deliver(
        self,
        subscriptions: AlertSubscriptions,
        result: IngestResult,
        target: AlertSubscription,
    ) -> None:
        message = await self.message_for(target.guild_id, result)
        if message is None:
            return
        channel = self._client.get_partial_messageable(
            target.channel_id, guild_id=target.guild_id
        )
        try:
            await channel.send(
                content=message.content, embeds=message.embeds, allowed_mentions=NO_MENTIONS
            )
        except discord.HTTPException as error:
            problem = delivery_problem(error)
            log.warning(
                "alert for %s to channel %s of guild %s dropped: %s",
                result.key, target.channel_id, target.guild_id, problem,
            )
            await subscriptions.record_problem(target.guild_id, target.channel_id, problem)
            return
        if target.failing:
            await subscriptions.record_delivery(target.guild_id, target.channel_id)
