"""Values cached per key and fact-base version."""

from __future__ import annotations

from bot.lookup.cache import VersionedCache


def test_versioned_cache_rebuilds_only_for_a_new_version():
    cache: VersionedCache[int, list[int]] = VersionedCache(max_keys=2)
    builds = []

    def build() -> list[int]:
        builds.append(1)
        return [len(builds)]

    assert cache.get(1, "v1", build) == [1]
    assert cache.get(1, "v1", build) == [1]
    assert cache.get(1, "v2", build) == [2]
    assert cache.peek(1, "v1") is None
    cache.get(2, "v1", build)
    cache.get(3, "v1", build)  # evicts key 1, the least recently used
    assert cache.peek(1, "v2") is None
    assert len(builds) == 4
