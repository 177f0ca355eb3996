"""Answers in the reader's language, end to end: interactions from Ukrainian and Korean clients
(``locale`` "uk", "ko") through the stand-in get translated headings, labels, qualifiers,
metric names, dates, refusals and buttons; any other locale gets English."""

from __future__ import annotations

import asyncio
from datetime import date

import pytest

from bot.facts.model import DateSpan, Precision, Qualifier
from bot.periods import parse_period
from bot.render import text
from bot.standin import MANAGE_GUILD, MEMBER_PERMISSIONS
from tests.standin.harness import replies_text

MANAGER = MEMBER_PERMISSIONS | MANAGE_GUILD


async def test_casualties_in_ukrainian(e2e):
    shown = replies_text(await e2e.ask("casualties", {"subject": "кндр"}, locale="uk"))
    assert "Цифри втрат" in shown and "сторона **Північна Корея**" in shown
    assert "**Північна Корея · загиблі**" in shown and "**щонайменше 300**" in shown
    assert "січ. 2025*" in shown and "`/цифра mcit5bib`" in shown
    assert "Останнє: **близько 1\u00a0200** · U.S. assessments · лют. 2025*" in shown
    assert "Діапазон 1\u00a0200–4\u00a0000: 2 твердження" in shown
    assert "⚠ Північна Корея · втрати (загиблі та поранені): 2 твердження розходяться" in shown
    assert "4 цифри · /цифра <id> показує одну повністю · * дату виведено з тексту" in shown
    assert "**at least" not in shown and "casualties (killed" not in shown
    assert "> In January" not in shown  # quotes are behind /figure, verbatim there


async def test_deployments_and_figure_in_korean(e2e):
    shown = replies_text(await e2e.ask("deployments", locale="ko"))
    assert "병력 파병" in shown and "**북한 · 파병 병력**" in shown
    assert "추가 파병: **+1,000–3,000** · JoongAng Ilbo" in shown
    assert "**추가 1,000–3,000**" in shown
    assert "2025년 1월–2월*" in shown
    figure = replies_text(await e2e.ask("figure", {"figure": "4gyfcjyj"}, locale="ko"))
    assert "**값:** 추가 1,000–3,000\n" in figure
    assert "**유형:** 파병 (앞선 수치에 더해짐)" in figure and "**상태:** 자동 추출됨" in figure
    assert "(본문 표현: “between January and February”)" in figure


async def test_pages_turn_with_buttons_in_the_readers_language(e2e):
    replies = await e2e.ask("timeline", locale="uk")
    sent = [r for r in replies if not r.is_deferral][-1]
    message = e2e.standin.messages[sent.message_id]
    labels = [b["label"] for row in message["components"] for b in row["components"]]
    assert labels == ["« Перша", "‹ Назад", "1/2", "Далі ›", "Остання »"]
    assert "сторінка 1/2" in replies_text(replies) and "Хронологія" in replies_text(replies)
    next_id = message["components"][0]["components"][3]["custom_id"]
    other = e2e.standin.default_user.__class__(12345, "someone")
    handle = await e2e.standin.click(sent.message_id, next_id, user=other, locale="ko")
    (refusal,) = await handle.responses()
    assert refusal.content == "명령어를 실행한 사람만 이 페이지를 넘길 수 있습니다."


async def test_refusals_in_the_readers_language(e2e):
    (reply,) = [r for r in await e2e.ask("timeline", {"since": "junk"}, locale="uk")]
    assert reply.ephemeral and reply.content == (
        "від: “junk” не схоже на дату, яку я можу прочитати. Пишіть 2024, 2024-06, червень"
        " 2024, черв. 2024 або 2024-06-15."
    )
    replies = await e2e.ask("admin documents", member_permissions=MEMBER_PERMISSIONS, locale="ko")
    assert "모더레이터(서버 관리하기 권한 또는 모더레이터 역할)만" in replies_text(replies)
    missing = replies_text(await e2e.ask("figure", {"figure": "zzzzzzzz"}, locale="uk"))
    assert missing.startswith("Немає цифри з ідентифікатором “zzzzzzzz”.")
    nothing = replies_text(await e2e.ask("casualties", {"subject": "Russia"}, locale="ko"))
    assert "찾은 결과가 없습니다" in nothing and "**북한**" in nothing


async def test_dates_typed_in_ukrainian_and_korean_are_read(e2e):
    uk = replies_text(await e2e.ask("timeline", {"since": "листопад 2024"}, locale="uk"))
    ko = replies_text(await e2e.ask("timeline", {"since": "2024년 11월"}, locale="ko"))
    assert "від “листопад 2024”" in uk and "лист. 2024*" in uk
    assert "“2024년 11월”부터" in ko and "2024년 11월*" in ko


async def test_autocomplete_names_choices_in_the_readers_language(e2e):
    subjects = await e2e.standin.autocomplete("casualties", {"subject": "pivn"}, "subject",
                                              locale="uk")
    metrics = await e2e.standin.autocomplete("casualties", {"metric": "사"}, "metric",
                                             locale="ko")
    korean = await e2e.standin.autocomplete("casualties", {"subject": "북"}, "subject",
                                            locale="ko")
    assert {"name": "북한", "value": "North Korea"} in korean
    assert {"name": "사망", "value": "killed"} in metrics
    assert all(c["value"] in {"North Korea", "Russia", "Ukraine"} for c in subjects)


async def test_about_in_korean_and_any_other_locale_in_english(e2e):
    korean = replies_text(await e2e.ask("about", locale="ko"))
    assert "이 봇에 대하여" in korean and "문서 1건 · 수치 6개 · 사건 7건" in korean
    assert "/사상자" in korean and "수식어 읽는 법" in korean
    german = replies_text(await e2e.ask("about", locale="de"))
    assert "About this bot" in german and "1 document · 6 figures · 7 events" in german


@pytest.mark.parametrize(
    "when, en, uk, ko",
    [
        (DateSpan("x", date(2024, 10, 30), date(2024, 10, 30), Precision.DAY, False),
         "30 Oct 2024", "30 жовт. 2024", "2024년 10월 30일"),
        (DateSpan("x", date(2025, 1, 1), date(2025, 2, 28), Precision.MONTH, True),
         "Jan–Feb 2025*", "січ.–лют. 2025*", "2025년 1월–2월*"),
        (DateSpan("x", date(2024, 12, 1), date(2025, 1, 31), Precision.MONTH, False),
         "Dec 2024–Jan 2025", "груд. 2024–січ. 2025", "2024년 12월–2025년 1월"),
        (DateSpan("x", date(2024, 10, 3), date(2024, 10, 5), Precision.DAY, False),
         "3–5 Oct 2024", "3–5 жовт. 2024", "2024년 10월 3일–5일"),
        (DateSpan("x", date(2024, 10, 30), date(2024, 11, 2), Precision.DAY, False),
         "30 Oct–2 Nov 2024", "30 жовт.–2 лист. 2024", "2024년 10월 30일–11월 2일"),
        (DateSpan("x", date(2023, 1, 1), date(2023, 12, 31), Precision.YEAR, False),
         "2023", "2023", "2023년"),
        (None, "undated", "без дати", "날짜 없음"),
    ],
)
def test_dates_are_written_as_each_language_writes_them(when, en, uk, ko):
    assert (text.span(when), text.span(when, "uk"), text.span(when, "ko")) == (en, uk, ko)


@pytest.mark.parametrize(
    "low, high, qualifier, en, uk, ko",
    [
        (300, 300, Qualifier.AT_LEAST, "at least 300", "щонайменше 300", "최소 300"),
        (10000, 10000, Qualifier.AT_MOST, "up to 10,000", "до 10\u00a0000", "최대 10,000"),
        (1200, 1200, Qualifier.ABOUT, "about 1,200", "близько 1\u00a0200", "약 1,200"),
        (24, 99, Qualifier.RANGE, "dozens (24–99)", "десятки (24–99)", "수십(24–99)"),
        (10000, 12000, Qualifier.RANGE, "10,000–12,000", "10\u00a0000–12\u00a0000",
         "10,000–12,000"),
    ],
)
def test_amounts_keep_their_qualifier_in_every_language(low, high, qualifier, en, uk, ko):
    assert [text.value(low, high, qualifier, lang) for lang in ("en", "uk", "ko")] == [en, uk, ko]


def test_ukrainian_and_korean_dates_are_read_like_english_ones():
    june = (date(2024, 6, 1), date(2024, 6, 30))
    for typed in ("June 2024", "червень 2024", "черв. 2024", "червня 2024 року", "2024년 6월"):
        assert parse_period(typed) == june, typed
    assert parse_period("2024년 6월 15일") == (date(2024, 6, 15), date(2024, 6, 15))
    assert parse_period("2024년") == (date(2024, 1, 1), date(2024, 12, 31))
    for junk in ("2024년 13월", "червенб 2024", "15 червня", "2024 червень"):
        assert parse_period(junk) is None, junk


async def test_a_chart_follows_the_listing_in_the_readers_language(e2e):
    handle = await e2e.invoke("casualties", {"chart": "true"}, locale="uk")
    for _ in range(600):  # the chart is drawn after the listing is sent
        files = [f for r in handle.replies for f in r.files]
        if files:
            break
        await asyncio.sleep(0.05)
    assert [f.filename for f in files] == ["casualties.png"]
    assert files[0].data.startswith(b"\x89PNG")
    assert "Цифри втрат" in replies_text(handle.replies)


async def test_moderator_replies_in_the_readers_language(e2e):
    fid = "qrbhrs4h"
    hidden = replies_text(await e2e.ask("admin hide", {"figure": fid, "reason": "перевірка"},
                                        member_permissions=MANAGER,
                                        locale="uk"))
    assert f"Цифру `{fid}` тепер приховано на цьому сервері." in hidden
    corrected = replies_text(await e2e.ask(
        "admin correct", {"figure": fid, "field": "qualifier", "value": "about", "reason": "x"},
        member_permissions=MANAGER, locale="ko"))
    assert f"이 서버에서 수치 `{fid}`을(를) 수정했습니다: 수식어는 이제 약 4,000." in corrected
    audit = replies_text(
        await e2e.ask("admin audit", member_permissions=MANAGER, locale="uk")
    )
    assert "Журнал дій" in audit and "причина: перевірка" in audit


@pytest.mark.parametrize(
    "lang, figure_gone, event_gone",
    [
        ("en", "`/figure abc12345` changed since this answer was made",
         "an event that changed since this answer was made"),
        ("uk", "`/цифра abc12345` змінилася після того, як склали цю відповідь",
         "подія, що змінилася після того, як склали цю відповідь"),
    ],
)
async def test_rows_that_changed_after_planning_say_so_in_the_listings_language(
    lang, figure_gone, event_gone
):
    from bot.render.listing import Item, Listing, ListingPages, Rows

    async def nothing(figure_ids, event_ids):
        return Rows({}, {}, {})

    listing = Listing([Item("figure", "abc12345", "g"), Item("event", "e1", "g")], [0],
                      title="T", lang=lang)
    page = await ListingPages(listing, nothing).page(0)
    assert figure_gone in (page.description or "") and event_gone in (page.description or "")


class TestAServersAlertsInItsLanguage:
    @pytest.fixture
    def e2e_guilds(self):
        from dataclasses import replace

        from bot.standin import FakeGuild

        return [replace(FakeGuild.make("Сервер", roles=("Moderators",)), locale="uk")]

    async def test_alerts_are_posted_in_the_servers_preferred_locale(self, e2e):
        from tests.commands.test_admin import ingest

        guild = e2e.standin.guild
        await e2e.ask("admin alerts", {"channel": guild.default_channel},
                      member_permissions=MANAGER)
        # dated just after the seed's January figure: the same time, so a contradiction
        await ingest(e2e, b"---\ntitle: T\npublisher: Test Wire\npublished: 2025-02-03\n---\n"
                          b"Ukraine's military intelligence said on Monday that 100 North Korean"
                          b" soldiers had been killed in Kursk.\n", "kursk.txt")
        await e2e.bot.alerts.idle()
        (alert,) = e2e.standin.channel_messages
        text = alert.text()
        assert "📰 1 нова цифра з: T — Test Wire, 3 лют. 2025" in text
        assert "Нові цифри з: T — Test Wire" in text
        assert "**Північна Корея · загиблі**" in text and "**Суперечить** цифрі" in text
