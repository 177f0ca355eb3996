"""Every figure key a guild sees, indexed by metric, subject and source, so that the filters of
/casualties and /deployments are look-ups and merges rather than scans."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import chain
from typing import Any

from bot.facts.model import Metric
from bot.facts.store.fact_store import FigureKey


@dataclass(frozen=True)
class FigureKeys:
    """Every figure key a guild sees, in the store's order, with the positions of each metric,
    subject and claimant (names as the store compares them), so that a new filter is a look-up
    and a merge of position lists rather than a scan of every key."""

    keys: Sequence[FigureKey]
    by_metric: Mapping[Metric, list[int]]
    by_subject: Mapping[tuple[str, Metric], list[int]]
    by_source: Mapping[tuple[str, Metric], list[int]]

    @classmethod
    def build(cls, keys: Sequence[FigureKey]) -> FigureKeys:
        by_metric: dict[Metric, list[int]] = {}
        by_subject: dict[tuple[str, Metric], list[int]] = {}
        by_source: dict[tuple[str, Metric], list[int]] = {}
        for position, key in enumerate(keys):
            by_metric.setdefault(key.metric, []).append(position)
            by_subject.setdefault((nocase(key.subject), key.metric), []).append(position)
            if key.source is not None:
                by_source.setdefault((nocase(key.source), key.metric), []).append(position)
        return cls(keys, by_metric, by_subject, by_source)

    def select(
        self,
        *,
        metrics: Iterable[Metric] | None = None,
        subject: str | None = None,
        source: str | None = None,
    ) -> list[FigureKey]:
        """What :func:`select_figures` gives over :attr:`keys`."""
        wanted = tuple(dict.fromkeys(metrics if metrics is not None else self.by_metric))
        if subject is None and source is None:
            return self._at(self._merged(self.by_metric, wanted))
        named = [
            (table, nocase(name))
            for table, name in ((self.by_subject, subject), (self.by_source, source))
            if name is not None
        ]
        lists = [self._merged(table, [(name, m) for m in wanted]) for table, name in named]
        if len(lists) == 1:
            return self._at(lists[0])
        # both names: the shorter list, checked for the other name
        fewer = min(lists, key=len)
        chosen = self._at(fewer)
        if fewer is lists[0]:
            return select_figures(chosen, source=source)
        return select_figures(chosen, subject=subject)

    @staticmethod
    def _merged(table: Mapping[Any, list[int]], wanted: Iterable[Any]) -> list[int]:
        return sorted(chain.from_iterable(table.get(key, ()) for key in wanted))

    def _at(self, positions: Iterable[int]) -> list[FigureKey]:
        keys = self.keys
        return [keys[p] for p in positions]


_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def nocase(value: str) -> str:
    """``value`` as SQLite's NOCASE collation compares it (ASCII letters folded only)."""
    return value.translate(_ASCII_LOWER)


def select_figures(
    keys: Iterable[FigureKey],
    *,
    metrics: Iterable[Metric] | None = None,
    subject: str | None = None,
    source: str | None = None,
) -> list[FigureKey]:
    """The keys matching the options, in their order; names compare as the store's do."""
    wanted = frozenset(metrics) if metrics is not None else None
    subject_key = nocase(subject) if subject is not None else None
    source_key = nocase(source) if source is not None else None
    return [
        k
        for k in keys
        if (wanted is None or k.metric in wanted)
        and (subject_key is None or nocase(k.subject) == subject_key)
        and (source_key is None or (k.source is not None and nocase(k.source) == source_key))
    ]
