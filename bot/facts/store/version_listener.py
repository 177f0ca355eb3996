"""Hears the store's change counter move on PostgreSQL: LISTEN on one connection of its own,
reconnecting whenever that connection is lost.

Every committed change updates ``store_version``, and a trigger there (migration 0003) sends the
new number with ``pg_notify`` on :data:`CHANNEL`; PostgreSQL delivers it at commit to every
listening connection of every host. A notification sent while this listener was disconnected is
lost, so the database that owns the listener also reads the counter itself after a reconnect and
every few seconds (see ``PostgresDatabase.newer_version``).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import asyncpg

log = logging.getLogger(__name__)

#: The notification channel of the store's change counter (the trigger of migration 0003).
CHANNEL = "factbot_store_version"
FIRST_RETRY_SECONDS = 0.2
LAST_RETRY_SECONDS = 30.0
PROBE_SECONDS = 5.0

Connect = Callable[[], Awaitable["asyncpg.Connection"]]


class VersionListener:
    """Calls ``heard(version)`` for every notification, and ``reconnected()`` after each new
    connection (notifications may have been missed before it)."""

    def __init__(
        self, connect: Connect, heard: Callable[[int], None], reconnected: Callable[[], None]
    ) -> None:
        self._connect = connect
        self._heard = heard
        self._reconnected = reconnected
        self._conn: asyncpg.Connection | None = None
        self._retry: asyncio.Task[None] | None = None
        self._probe: asyncio.Task[None] | None = None
        self._closed = False
        #: Connections made so far (the first one included), for diagnostics and tests.
        self.connections = 0

    @property
    def connected(self) -> bool:
        return self._conn is not None and not self._conn.is_closed()

    @property
    def backend_pid(self) -> int | None:
        """The server process of the listening connection (for diagnostics and tests)."""
        return self._conn.get_server_pid() if self.connected and self._conn else None

    async def start(self) -> None:
        """Listen now; when that fails, keep trying in the background."""
        try:
            await self._listen()
        except Exception as exc:
            log.warning("store notifications: cannot listen yet (%s); retrying", exc)
            self._schedule_retry()

    async def _listen(self) -> None:
        conn = await self._connect()
        try:
            await conn.add_listener(CHANNEL, self._notified)
        except BaseException:
            await conn.close()
            raise
        conn.add_termination_listener(self._lost)
        self._conn = conn
        self.connections += 1
        self._reconnected()

    def _notified(self, conn: Any, pid: int, channel: str, payload: object) -> None:
        try:
            version = int(str(payload))
        except ValueError:
            log.warning("store notifications: ignored a payload that is not a number")
            return
        self._heard(version)

    def _lost(self, conn: Any) -> None:
        if conn is self._conn:
            self._conn = None
        if not self._closed:
            log.warning("store notifications: the listening connection was lost; reconnecting")
            self._schedule_retry()

    def _schedule_retry(self) -> None:
        if self._closed or (self._retry is not None and not self._retry.done()):
            return
        self._retry = asyncio.get_running_loop().create_task(self._reconnect())

    async def _reconnect(self) -> None:
        delay = FIRST_RETRY_SECONDS
        while not self._closed:
            try:
                await self._listen()
            except Exception as exc:
                log.warning("store notifications: reconnect failed (%s); next in %.1f s",
                            exc, delay)
                await asyncio.sleep(delay)
                delay = min(delay * 2, LAST_RETRY_SECONDS)
            else:
                log.info("store notifications: listening again")
                return

    def probe(self) -> None:
        """Check in the background that the listening connection still answers; a connection
        that does not (a peer gone without closing it) is dropped and made anew."""
        if self._closed or (self._probe is not None and not self._probe.done()):
            return
        self._probe = asyncio.get_running_loop().create_task(self._check())

    async def _check(self) -> None:
        conn = self._conn
        if conn is None or conn.is_closed():
            self._schedule_retry()
            return
        try:
            await asyncio.wait_for(conn.execute("SELECT 1"), PROBE_SECONDS)
        except Exception as exc:
            log.warning("store notifications: the listening connection does not answer (%s)",
                        exc)
            conn.terminate()
            self._lost(conn)

    async def close(self) -> None:
        self._closed = True
        for task in (self._retry, self._probe):
            if task is not None:
                task.cancel()
                with contextlib.suppress(asyncio.CancelledError, Exception):
                    await task
        conn, self._conn = self._conn, None
        if conn is not None and not conn.is_closed():
            conn.remove_termination_listener(self._lost)
            with contextlib.suppress(Exception):
                await asyncio.wait_for(conn.close(), PROBE_SECONDS)
