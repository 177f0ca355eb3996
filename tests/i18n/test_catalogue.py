"""The catalogue: every message in every language, with the same placeholders, and ``t`` picking
the reader's language, plural form and number format."""

from __future__ import annotations

import string

import discord
import pytest

from bot.i18n import (
    CATALOGUE,
    Plural,
    korean_particles,
    language,
    number,
    phrase,
    plural_category,
    render,
    t,
)

FORMATTER = string.Formatter()


def fields(text: str) -> set[str]:
    return {name for _, name, _, _ in FORMATTER.parse(text) if name}


def forms(entry_form: object) -> list[str]:
    if isinstance(entry_form, Plural):
        return list(entry_form.forms().values())
    assert isinstance(entry_form, str)
    return [entry_form]


def test_every_message_is_written_in_every_language_with_the_same_placeholders():
    problems = []
    for key, entry in CATALOGUE.items():
        english = set().union(*(fields(f) for f in forms(entry.en))) | set(entry.extra)
        for lang in ("en", "uk", "ko"):
            form = entry.in_language(lang)
            for text in forms(form):
                if not text.strip():
                    problems.append(f"{key} [{lang}] is empty")
                used = fields(text)
                if isinstance(form, Plural):
                    used.discard("count")
                    english.discard("count")
                if used - english:
                    problems.append(f"{key} [{lang}] uses {used - english}, English does not")
            if isinstance(entry.en, Plural) != isinstance(form, Plural):
                problems.append(f"{key} [{lang}]: plural in one language and not another")
    assert problems == []


def test_plural_messages_have_every_form_their_language_needs():
    for key, entry in CATALOGUE.items():
        if isinstance(entry.uk, Plural):
            assert entry.uk.one and entry.uk.few and entry.uk.many, key
        if isinstance(entry.en, Plural):
            assert entry.en.one, key


def test_the_readers_language_comes_from_the_discord_locale():
    assert language(discord.Locale.ukrainian) == "uk"
    assert language(discord.Locale.korean) == "ko"
    assert language(discord.Locale.american_english) == "en"
    assert language(discord.Locale.german) == "en"
    assert language("en-GB") == "en" and language(None) == "en" and language("ko") == "ko"


def test_english_is_the_fallback_for_every_other_locale():
    assert t(discord.Locale.french, "metric.killed") == "killed"
    assert t("uk", "metric.killed") == "загиблі" and t("ko", "metric.killed") == "사망"


@pytest.mark.parametrize(
    "n, en, uk, ko",
    [
        (1, "1 figure", "1 цифра", "수치 1개"),
        (2, "2 figures", "2 цифри", "수치 2개"),
        (5, "5 figures", "5 цифр", "수치 5개"),
        (11, "11 figures", "11 цифр", "수치 11개"),
        (21, "21 figures", "21 цифра", "수치 21개"),
        (1234, "1,234 figures", "1\u00a0234 цифри", "수치 1,234개"),
    ],
)
def test_counted_nouns_take_the_plural_form_of_their_number(n, en, uk, ko):
    assert (t("en", "count.figure", n=n), t("uk", "count.figure", n=n),
            t("ko", "count.figure", n=n)) == (en, uk, ko)


def test_ukrainian_plural_categories():
    assert [plural_category("uk", n) for n in (1, 2, 4, 5, 11, 12, 14, 21, 22, 25, 101, 111)] == [
        "one", "few", "few", "many", "many", "many", "many", "one", "few", "many", "one", "many"
    ]
    assert plural_category("ko", 1) == "other" and plural_category("en", 0) == "other"


def test_numbers_are_grouped_as_each_language_writes_them():
    assert (number("en", 12000), number("uk", 12000), number("ko", 12000)) == (
        "12,000", "12\u00a0000", "12,000"
    )


def test_a_phrase_is_put_in_the_language_known_later():
    later = phrase("date.as_of", date=phrase("month.1"))
    assert render(later, "en") == "as of Jan" and render(later, "uk") == "станом на січ."
    assert render("plain", "ko") == "plain"
    with pytest.raises(KeyError):
        phrase("no.such.message")
    with pytest.raises(TypeError):
        t("en", "count.figure")


def test_korean_particles_follow_the_last_syllable():
    assert korean_particles("수식어은(는) · 출처은(는) · 날짜이(가) · 문서을(를) · 역할과(와)") == (
        "수식어는 · 출처는 · 날짜가 · 문서를 · 역할과"
    )
    assert korean_particles("`5k2qb47o`을(를) 2024은(는)") == "`5k2qb47o`을(를) 2024은(는)"
    assert t("ko", "refusal.since_after_until", since="시작", until="끝") == (
        "시작은 끝보다 늦을 수 없습니다."
    )


def test_a_refused_write_is_explained_in_the_readers_language():
    from bot.errors import writes_failing_message

    assert "база фактів доступна лише для читання" in writes_failing_message("read-only", "uk")
    assert "디스크 공간이 부족합니다" in writes_failing_message("out of disk space", "ko")
    assert "the fact base is locked by another process" in writes_failing_message(
        "locked by another process"
    )
