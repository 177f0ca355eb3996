"""/admin's news-in commands in Ukrainian and Korean, end to end: following a feed served on
127.0.0.1, the feed list, the review queue and its buttons, the paste form and the one-source
refusal of /admin ingest, each from a client in that language."""

from __future__ import annotations

import pytest

from bot.standin.limits import modal_problems
from tests.commands.news import FEED, MOD, serve_news
from tests.commands.test_admin import answer, button_id


@pytest.fixture
def e2e_settings(seeded_base, tmp_path):
    return seeded_base.settings(tmp_path, allow_private_urls=True)


async def test_a_feed_followed_listed_and_reviewed_in_ukrainian(e2e, site):
    serve_news(site)
    followed = answer(await e2e.ask("admin feeds add", {"url": site.url(FEED)},
                                    member_permissions=MOD, locale="uk", timeout=15.0))
    assert "Стежимо за **Chronicle: World**" in followed.text()
    assert "поставлено в `/адмін черга` на перевірку" in followed.text()
    await e2e.bot.feed_poller.poll_due()
    listed = answer(await e2e.ask("admin feeds list", member_permissions=MOD, locale="ko"))
    assert "피드 1/20개" in listed.text() and "대기 2건(검토 대기 2건)" in listed.text()
    assert "(정상)" in listed.text()
    assert "`/관리 검토대기`에서 **검토를 기다립니다**" in listed.text()
    first = answer(await e2e.ask("admin queue", member_permissions=MOD, locale="uk",
                                 timeout=15.0))
    assert "**Черга перевірки** · після цієї ще 1." in first.text()
    assert [c["label"] for c in first.components[0]["components"]] == [
        "Підтвердити", "Пропустити", "Зупинити"
    ]
    handle = await e2e.standin.click(first, button_id(first, "Пропустити"),
                                     member_permissions=MOD, locale="uk")
    skipped = answer(await handle.responses(timeout=15.0))
    assert "прибрано з черги, нічого не збережено" in skipped.text()
    handle = await e2e.standin.click(skipped, button_id(skipped, "Зупинити"),
                                     member_permissions=MOD, locale="uk")
    stopped = answer(await handle.responses(timeout=15.0))
    assert stopped.text() == "Перевірку зупинено: у черзі чекає 1 стаття (`/адмін черга`)."


async def test_the_paste_form_speaks_the_moderators_language(e2e):
    (form,) = await e2e.ask("admin paste", member_permissions=MOD, locale="uk")
    assert form.is_modal and modal_problems(form.message) == []
    assert form.message["title"] == "Вставити статтю"
    labels = [c.get("label") for c in form.message["components"]]
    assert labels == ["Назва", "Видання", "Адреса", "Дата публікації", "Текст"]
    (korean,) = await e2e.ask("admin paste", member_permissions=MOD, locale="ko")
    assert korean.message["title"] == "기사 붙여넣기" and modal_problems(korean.message) == []


async def test_ingest_without_a_source_is_refused_in_korean(e2e):
    reply = answer(await e2e.ask("admin ingest", member_permissions=MOD, locale="ko"))
    assert reply.ephemeral and reply.text().startswith("`파일:`(.txt, .md, .html, .pdf 첨부")
    assert "`/관리 붙여넣기`" in reply.text()
    empty = answer(await e2e.ask("admin queue", member_permissions=MOD, locale="uk"))
    assert empty.text().startswith("Жодна стаття не чекає перевірки.")
