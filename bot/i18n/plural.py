"""Plural categories of the bot's languages (CLDR cardinal rules, whole numbers)."""

from __future__ import annotations


def plural_category(language: str, n: int) -> str:
    n = abs(n)
    if language == "uk":
        if n % 10 == 1 and n % 100 != 11:
            return "one"
        if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
            return "few"
        return "many"
    if language == "ko":
        return "other"
    return "one" if n == 1 else "other"
