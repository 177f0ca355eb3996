"""Extraction off the event loop: uploads and seeds are extracted in worker processes, each
document within a time budget.

The event loop never extracts: a document whose text makes the extractor slow would otherwise
stall every server's answers. A few worker processes (``FACTBOT_EXTRACTION_WORKERS``) take one
document at a time and run at a lower CPU priority than the bot. Each server's documents are
extracted one after another, so one server's uploads never hold every worker. An extraction
still running when its budget (``FACTBOT_EXTRACTION_SECONDS``) is spent is stopped: its worker
process is killed and a fresh one replaces it, and the caller gets :class:`ExtractionTimeout`.

Workers are started on first use, each a fresh interpreter (``python -m bot.extraction``) that
imports only the fact engine, never discord.py; a bot whose seeds are unchanged starts none.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import pickle
import subprocess
import sys
import weakref
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from bot.facts.model import Document, Extraction

log = logging.getLogger(__name__)

#: How much lower than the bot's the workers' CPU priority is (``os.nice``).
WORKER_NICENESS = 10
#: What a worker says once it has imported the fact engine.
READY = "ready"


class ExtractionTimeout(Exception):
    """The extraction took longer than its budget and was stopped."""

    def __init__(self, budget: float) -> None:
        super().__init__(f"extraction took longer than {budget:g} s and was stopped")
        self.budget = budget


class ExtractionFailed(Exception):
    """The extractor raised, or its worker process died, on one document."""


def serve() -> None:
    """A worker process (``python -m bot.extraction SUBJECT...``): reads pickled documents on
    stdin and writes each one's pickled ``(ok, extraction or error)`` on stdout."""
    subjects = tuple(sys.argv[1:])
    requests = sys.stdin.buffer
    answers = os.fdopen(os.dup(sys.stdout.fileno()), "wb")
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())  # a stray print must not corrupt answers
    with contextlib.suppress(OSError):
        os.nice(WORKER_NICENESS)
    from bot.facts.extract import extract

    def answer(message: object) -> None:
        pickle.dump(message, answers, protocol=pickle.HIGHEST_PROTOCOL)
        answers.flush()

    answer(READY)
    while True:
        try:
            document = pickle.load(requests)
        except EOFError:
            return
        try:
            answer((True, extract(document, subjects)))
        except Exception as exc:
            answer((False, f"{type(exc).__name__}: {exc}"))


class _Worker:
    """One worker process and the parent's ends of its pipes. Its blocking calls run in the
    pool's own threads, never on the event loop."""

    def __init__(self, subjects: tuple[str, ...]) -> None:
        package_root = str(Path(__file__).resolve().parents[1])
        path = os.environ.get("PYTHONPATH")
        env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [package_root, path])))
        self.process = subprocess.Popen(
            [sys.executable, "-m", "bot.extraction", *subjects],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            env=env,
        )
        assert self.process.stdin is not None and self.process.stdout is not None
        self._requests = self.process.stdin
        self._answers = self.process.stdout

    def _read(self) -> Any:
        try:
            return pickle.load(self._answers)
        except Exception as exc:  # EOF or a cut frame: the process died or was killed
            raise ExtractionFailed("the extraction worker stopped before it answered") from exc

    def wait_ready(self) -> None:
        if self._read() != READY:
            raise ExtractionFailed("the extraction worker did not start")

    def run(self, document: Document) -> Extraction:
        try:
            pickle.dump(document, self._requests, protocol=pickle.HIGHEST_PROTOCOL)
            self._requests.flush()
        except OSError as exc:
            raise ExtractionFailed("the extraction worker stopped before it answered") from exc
        ok, result = self._read()
        if not ok:
            raise ExtractionFailed(result)
        if not isinstance(result, Extraction):
            raise ExtractionFailed(f"the extraction worker answered {type(result).__name__}")
        return result

    @property
    def alive(self) -> bool:
        return self.process.poll() is None

    def stop(self) -> None:
        """Kills the process (it may be in the middle of a document) and reaps it; a thread
        still waiting in :meth:`run` then reads the end of the pipe."""
        self.process.kill()
        self.process.wait()
        with contextlib.suppress(OSError):
            self._requests.close()


class ExtractionWorkers:
    """A small pool of extraction processes shared by the bot's uploads and seed syncs."""

    def __init__(
        self, subjects: Sequence[str], *, workers: int = 2, budget: float = 30.0
    ) -> None:
        if workers < 1:
            raise ValueError("at least one extraction worker is needed")
        self.subjects = tuple(subjects)
        self.budget = budget
        self._slots = asyncio.Semaphore(workers)
        self._idle: list[_Worker] = []
        self._busy: set[_Worker] = set()
        self._threads = ThreadPoolExecutor(
            max_workers=2 * workers, thread_name_prefix="factbot-extraction"
        )
        self._per_guild: weakref.WeakValueDictionary[int | None, asyncio.Lock] = (
            weakref.WeakValueDictionary()
        )
        self._spares: set[asyncio.Task[None]] = set()
        #: Documents being extracted now (for tests and logs).
        self.running = 0
        #: Worker processes killed because a document outlived its budget.
        self.stopped = 0
        self._closed = False

    async def extract(self, document: Document, *, guild_id: int | None = None) -> Extraction:
        """``document``'s extraction, from a worker process, within the budget.

        Raises :class:`ExtractionTimeout` when the budget is spent (the worker is replaced) and
        :class:`ExtractionFailed` when the extractor raised or its process died.
        """
        if self._closed:
            raise ExtractionFailed("the bot is shutting down")
        lock = self._per_guild.get(guild_id)
        if lock is None:
            lock = self._per_guild[guild_id] = asyncio.Lock()
        async with lock, self._slots:
            worker = await self._worker()
            loop = asyncio.get_running_loop()
            self.running += 1
            self._busy.add(worker)
            try:
                job = loop.run_in_executor(self._threads, worker.run, document)
                result = await asyncio.wait_for(job, self.budget)
            except TimeoutError:
                self.stopped += 1
                log.warning(
                    "extraction of %s stopped after %g s (guild %s); its worker is replaced",
                    document.key, self.budget, guild_id,
                )
                await self._discard(worker, replace=True)
                raise ExtractionTimeout(self.budget) from None
            except BaseException:
                await self._discard(worker, replace=False)
                raise
            finally:
                self.running -= 1
                self._busy.discard(worker)
            self._idle.append(worker)
            return result

    async def _worker(self) -> _Worker:
        while self._idle:
            worker = self._idle.pop()
            if worker.alive:
                return worker
            await self._discard(worker, replace=False)
        return await asyncio.get_running_loop().run_in_executor(self._threads, self._start)

    def _start(self) -> _Worker:
        worker = _Worker(self.subjects)
        try:
            worker.wait_ready()
        except BaseException:
            worker.stop()
            raise
        return worker

    async def _discard(self, worker: _Worker, *, replace: bool) -> None:
        await asyncio.get_running_loop().run_in_executor(self._threads, worker.stop)
        if replace and not self._closed:
            spare = asyncio.create_task(self._add_spare(), name="factbot-extraction-spare")
            self._spares.add(spare)
            spare.add_done_callback(self._spares.discard)

    async def _add_spare(self) -> None:
        try:
            worker = await asyncio.get_running_loop().run_in_executor(self._threads, self._start)
        except Exception:
            log.warning("could not start a replacement extraction worker", exc_info=True)
            return
        if self._closed:
            worker.stop()
        else:
            self._idle.append(worker)

    @property
    def processes(self) -> list[int]:
        """The process ids of the idle workers (for tests)."""
        return [w.process.pid for w in self._idle]

    async def close(self) -> None:
        """Stops every worker; extractions still running fail with ExtractionFailed."""
        self._closed = True
        for spare in list(self._spares):
            with contextlib.suppress(Exception):
                await spare
        workers = [*self._idle, *self._busy]
        self._idle = []
        loop = asyncio.get_running_loop()
        for worker in workers:
            await loop.run_in_executor(self._threads, worker.stop)
        self._threads.shutdown(wait=False)


if __name__ == "__main__":
    serve()
