"""What differs between the two databases the store runs on, kept in one place.

The store's SQL is written once, in the common part of SQLite's and PostgreSQL's SQL, with
SQLite's parameter markers (``?`` in order, or ``:name`` from a mapping). A few things cannot
be written once, and the queries ask their :class:`Dialect` for them:

- a list passed as one parameter (a JSON array): :meth:`Dialect.json_values`;
- case-insensitive comparisons: :attr:`Dialect.like` (SQLite's LIKE ignores ASCII case,
  PostgreSQL's does not; ILIKE does) and :meth:`Dialect.nocase_equals`;
- the errors that mean a constraint refused a row: :attr:`Dialect.integrity_errors`.

For PostgreSQL, :func:`postgres_query` turns the parameter markers into ``$1, $2 ...`` and the
parameters into the list asyncpg takes.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Literal, Protocol

DialectName = Literal["sqlite", "postgresql"]
Params = Mapping[str, Any] | Sequence[Any]


class Row(Protocol):
    """A result row of either database (``sqlite3.Row``, ``asyncpg.Record``): by column
    position or by name."""

    def __getitem__(self, key: int | str, /) -> Any: ...

    def __iter__(self) -> Iterator[Any]: ...

    def __len__(self) -> int: ...


@dataclass(frozen=True, slots=True)
class Dialect:
    name: DialectName
    #: The case-insensitive LIKE operator.
    like: str
    #: Exceptions raised when a row breaks a constraint (UNIQUE, CHECK, FOREIGN KEY).
    integrity_errors: tuple[type[Exception], ...]

    def json_values(self, param: str) -> str:
        """A subquery of the strings in the JSON array bound to ``param`` (``:ids`` or ``?``),
        for ``x IN <this>``."""
        if self.name == "sqlite":
            return f"(SELECT value FROM json_each({param}))"
        return f"(SELECT jsonb_array_elements_text(CAST({param} AS jsonb)))"

    def nocase_equals(self, column: str, param: str) -> str:
        """``column`` equals ``param`` ignoring case (SQLite's NOCASE folds ASCII letters;
        PostgreSQL, without a case-insensitive collation in every build, compares lower())."""
        if self.name == "sqlite":
            return f"{column} = {param} COLLATE NOCASE"
        return f"lower({column}) = lower({param})"


SQLITE = Dialect("sqlite", "LIKE", (sqlite3.IntegrityError,))


def postgres_dialect() -> Dialect:
    """The PostgreSQL dialect; asyncpg is imported only when a store runs on PostgreSQL."""
    return _postgres()


@lru_cache(maxsize=1)
def _postgres() -> Dialect:
    import asyncpg

    return Dialect("postgresql", "ILIKE", (asyncpg.IntegrityConstraintViolationError,))


def postgres_query(sql: str, params: Params) -> tuple[str, list[Any]]:
    """``sql`` with ``$n`` markers and the parameters in their order."""
    text, names = _translated(sql)
    if isinstance(params, Mapping):
        if names and isinstance(names[0], int):
            raise ValueError("a query with ? markers takes a sequence of parameters")
        return text, [params[str(name)] for name in names]
    if names and not isinstance(names[0], int):
        raise ValueError("a query with :name markers takes a mapping of parameters")
    values = list(params)
    if len(values) != len(names):
        raise ValueError(f"the query takes {len(names)} parameters, {len(values)} were given")
    return text, values


@lru_cache(maxsize=1024)
def _translated(sql: str) -> tuple[str, tuple[int | str, ...]]:
    """Markers outside quotes and comments become ``$n``; a ``:name`` used twice keeps one
    number. Returns the text and, per number, the position (``?``) or name it takes."""
    out: list[str] = []
    order: list[int | str] = []
    numbers: dict[str, int] = {}
    i, n = 0, len(sql)
    while i < n:
        c = sql[i]
        if c in "'\"":
            end = sql.find(c, i + 1)
            while end != -1 and sql[end + 1 : end + 2] == c:
                end = sql.find(c, end + 2)
            end = n if end == -1 else end + 1
            out.append(sql[i:end])
            i = end
        elif sql.startswith("--", i):
            end = sql.find("\n", i)
            end = n if end == -1 else end
            out.append(sql[i:end])
            i = end
        elif c == "?":
            order.append(len(order))
            out.append(f"${len(order)}")
            i += 1
        elif c == ":" and sql.startswith("::", i):
            out.append("::")
            i += 2
        elif c == ":" and i + 1 < n and (sql[i + 1].isalpha() or sql[i + 1] == "_"):
            j = i + 1
            while j < n and (sql[j].isalnum() or sql[j] == "_"):
                j += 1
            name = sql[i + 1 : j]
            if name not in numbers:
                order.append(name)
                numbers[name] = len(order)
            out.append(f"${numbers[name]}")
            i = j
        else:
            out.append(c)
            i += 1
    kinds = {isinstance(o, int) for o in order}
    if len(kinds) > 1:
        raise ValueError("a query mixes ? and :name markers")
    return "".join(out), tuple(order)
