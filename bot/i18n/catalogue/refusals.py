"""Refusals and failures: who may not do what, values the bot cannot read, errors."""

from __future__ import annotations

from bot.i18n.model import T

MESSAGES: dict[str, T] = {
    # -- who may do what -------------------------------------------------------------------
    "refusal.not_moderator": T(
        "Only this server's moderators (Manage Server, or the moderator role) may do this.",
        "Це можуть робити лише модератори цього сервера (з правом «Керувати сервером» або з"
        " роллю модераторів).",
        "이 서버의 모더레이터(서버 관리하기 권한 또는 모더레이터 역할)만 할 수 있습니다.",
    ),
    "refusal.not_owner": T(
        "Only the bot's owners may do this: it changes the fact base every server shares.",
        "Це можуть робити лише власники бота: це змінює базу фактів, спільну для всіх"
        " серверів.",
        "봇 소유자만 할 수 있습니다. 모든 서버가 함께 쓰는 팩트 베이스를 바꾸기 때문입니다.",
    ),
    "refusal.not_in_server": T(
        "This command works only in a server.",
        "Ця команда працює лише на сервері.",
        "이 명령어는 서버에서만 쓸 수 있습니다.",
    ),
    "refusal.not_uploader": T(
        "Only the moderator who uploaded this document can confirm or cancel it.",
        "Підтвердити чи скасувати цей документ може лише модератор, який його завантажив.",
        "이 문서를 올린 모더레이터만 확인하거나 취소할 수 있습니다.",
    ),
    "refusal.cooldown": T(
        "Slow down: try again in {seconds} s.",
        "Не так швидко: спробуйте ще раз через {seconds} с.",
        "잠시만요: {seconds}초 뒤에 다시 시도하세요.",
    ),
    "refusal.missing_permissions": T(
        "You need the {names} permission for this.",
        "Для цього потрібен дозвіл {names}.",
        "이 작업에는 {names} 권한이 필요합니다.",
    ),
    "refusal.bot_missing_permissions": T(
        "I am missing the {names} permission here.",
        "У мене тут немає дозволу {names}.",
        "이곳에서 제게 {names} 권한이 없습니다.",
    ),
    "refusal.check_failed": T(
        "You cannot use this command here.",
        "Тут ви не можете користуватися цією командою.",
        "이곳에서는 이 명령어를 쓸 수 없습니다.",
    ),
    # -- values the bot cannot read --------------------------------------------------------
    "refusal.bad_value": T(
        "{value} is not a valid value for that option.",
        "{value} не підходить для цього параметра.",
        "{value}은(는) 이 옵션에 쓸 수 없는 값입니다.",
    ),
    "refusal.period": T(
        "{option}: {value} is not a date I can read. Use {forms}.",
        "{option}: {value} не схоже на дату, яку я можу прочитати. Пишіть {forms}.",
        "{option}: {value}은(는) 읽을 수 있는 날짜가 아닙니다. {forms} 형식으로 쓰세요.",
    ),
    "period.forms": T(
        "2024, 2024-06, June 2024, Jun 2024 or 2024-06-15",
        "2024, 2024-06, червень 2024, черв. 2024 або 2024-06-15",
        "2024, 2024-06, 2024년 6월, 2024년 6월 15일 또는 2024-06-15",
    ),
    "refusal.since_after_until": T(
        "{since} must not be later than {until}.",
        "«{since}» не може бути пізніше за «{until}».",
        "{since}은(는) {until}보다 늦을 수 없습니다.",
    ),
    "refusal.no_figure": T(
        "No figure with id {value}.",
        "Немає цифри з ідентифікатором {value}.",
        "ID가 {value}인 수치가 없습니다.",
    ),
    "refusal.closest_ids": T(
        "Closest ids: {ids}.", "Найближчі ідентифікатори: {ids}.", "가장 가까운 ID: {ids}."
    ),
    "refusal.no_feeds": T(
        "This server follows no feeds. Add one with /admin feeds add.",
        "Цей сервер не стежить за жодною стрічкою. Додайте: /{admin} {feeds} {add}.",
        "이 서버는 구독하는 피드가 없습니다. /{admin} {feeds} {add}로 추가하세요.",
        extra=("admin", "feeds", "add"),
    ),
    "refusal.feed_ambiguous": T(
        "{value} names more than one feed: pick one of {choices} (see /admin feeds list).",
        "{value} підходить до кількох стрічок: виберіть одну з {choices}"
        " (див. /{admin} {feeds} {list}).",
        "{value}에 맞는 피드가 여럿입니다. 다음 중 하나를 고르세요: {choices}"
        " (/{admin} {feeds} {list} 참고).",
        extra=("admin", "feeds", "list"),
    ),
    "refusal.feed_unknown": T(
        "{value} names none of this server's feeds: pick one of {choices} (see /admin feeds"
        " list).",
        "{value} не відповідає жодній стрічці цього сервера: виберіть одну з {choices}"
        " (див. /{admin} {feeds} {list}).",
        "{value}에 맞는 이 서버의 피드가 없습니다. 다음 중 하나를 고르세요: {choices}"
        " (/{admin} {feeds} {list} 참고).",
        extra=("admin", "feeds", "list"),
    ),
    # -- failures --------------------------------------------------------------------------
    "refusal.bug": T(
        "Sorry, something went wrong on my side (reference `{reference}`).",
        "Вибачте, у мене щось пішло не так (код `{reference}`).",
        "죄송합니다. 제 쪽에서 문제가 생겼습니다(참조 번호 `{reference}`).",
    ),
    "writes.failing": T(
        "Changes cannot be saved right now: the fact base is {reason}. Nothing was changed,"
        " and answers keep coming from what is already stored. The bot's operator has been"
        " told (it is in the log); try again later.",
        "Зараз зміни не можна зберегти: база фактів {reason}. Нічого не змінено, відповіді й"
        " далі надходять із того, що вже збережено. Оператора бота повідомлено (це є в"
        " журналі); спробуйте пізніше.",
        "지금은 변경 사항을 저장할 수 없습니다. 팩트 베이스가 {reason}. 아무것도 바뀌지"
        " 않았고, 답변은 이미 저장된 내용으로 계속 나옵니다. 봇 운영자에게 알렸습니다(로그에"
        " 남음). 나중에 다시 시도하세요.",
    ),
    "writes.full": T("out of disk space", "не має місця на диску", "디스크 공간이 부족합니다"),
    "writes.readonly": T("read-only", "доступна лише для читання", "읽기 전용입니다"),
    "writes.ioerr": T(
        "failing to write to disk", "не може записати на диск", "디스크에 쓰지 못하고 있습니다"
    ),
    "writes.cantopen": T(
        "failing to open its files", "не може відкрити свої файли", "파일을 열지 못하고 있습니다"
    ),
    "writes.perm": T(
        "not writable by the bot", "недоступна боту для запису", "봇이 쓸 수 없는 상태입니다"
    ),
    "writes.busy": T(
        "locked by another process", "заблокована іншим процесом",
        "다른 프로세스가 잠그고 있습니다",
    ),
}
