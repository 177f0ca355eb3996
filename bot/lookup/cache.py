"""Values built once per key and fact-base version (indexes, listings), dropped when it moves."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class VersionedCache(Generic[K, V]):
    """Values built per key and fact-base version; a newer version rebuilds, old ones are dropped.

    ``version`` is the store's change counter (``FactStore.version``), bumped in the transaction
    of every write, so a cached index is never stale and never rebuilt per call.
    """

    def __init__(self, max_keys: int = 64):
        self._max_keys = max_keys
        self._entries: OrderedDict[K, tuple[Hashable, V]] = OrderedDict()

    def peek(self, key: K, version: Hashable) -> V | None:
        """The value cached for ``key`` at ``version``, or None."""
        cached = self._entries.get(key)
        if cached is None or cached[0] != version:
            return None
        self._entries.move_to_end(key)
        return cached[1]

    def get(self, key: K, version: Hashable, build: Callable[[], V]) -> V:
        cached = self._entries.get(key)
        if cached is not None and cached[0] == version:
            self._entries.move_to_end(key)
            return cached[1]
        value = build()
        self._entries[key] = (version, value)
        self._entries.move_to_end(key)
        while len(self._entries) > self._max_keys:
            self._entries.popitem(last=False)
        return value

    def clear(self) -> None:
        self._entries.clear()

