"""What the store's SQL becomes on PostgreSQL: parameter markers, and the few pieces each
database spells its own way."""

from __future__ import annotations

import pytest

from bot.facts.store.dialect import SQLITE, postgres_dialect, postgres_query


def test_markers_become_numbers_in_order() -> None:
    assert postgres_query("SELECT * FROM t WHERE a = ? AND b = ?", (1, "x")) == (
        "SELECT * FROM t WHERE a = $1 AND b = $2",
        [1, "x"],
    )


def test_a_name_used_twice_keeps_its_number() -> None:
    sql, args = postgres_query(
        "SELECT :b, :a FROM t WHERE a = :a OR b = :b", {"a": 1, "b": 2, "unused": 3}
    )
    assert sql == "SELECT $1, $2 FROM t WHERE a = $2 OR b = $1"
    assert args == [2, 1]


def test_quotes_comments_and_casts_are_left_alone() -> None:
    sql, args = postgres_query(
        "SELECT 'it''s ? :no', \"col?\", x::text -- what? :none\nFROM t WHERE a = :a",
        {"a": 5},
    )
    assert sql == "SELECT 'it''s ? :no', \"col?\", x::text -- what? :none\nFROM t WHERE a = $1"
    assert args == [5]


def test_wrong_parameters_are_refused() -> None:
    with pytest.raises(ValueError, match="takes 2 parameters, 1 were given"):
        postgres_query("SELECT ?, ?", (1,))
    with pytest.raises(ValueError, match="mapping"):
        postgres_query("SELECT :a", (1,))
    with pytest.raises(ValueError, match="sequence"):
        postgres_query("SELECT ?", {"a": 1})
    with pytest.raises(ValueError, match="mixes"):
        postgres_query("SELECT ?, :a", (1,))
    with pytest.raises(KeyError):
        postgres_query("SELECT :a", {"b": 1})


def test_each_dialect_spells_lists_and_case_insensitive_tests_its_own_way() -> None:
    postgres = postgres_dialect()
    assert "json_each(:ids)" in SQLITE.json_values(":ids")
    assert "jsonb_array_elements_text(CAST(:ids AS jsonb))" in postgres.json_values(":ids")
    assert SQLITE.nocase_equals("f.a", ":b") == "f.a = :b COLLATE NOCASE"
    assert postgres.nocase_equals("f.a", ":b") == "lower(f.a) = lower(:b)"
    assert (SQLITE.like, postgres.like) == ("LIKE", "ILIKE")
