"""/admin's replies to moderators: uploads and their preview, moderation, the audit log,
exports, the moderator role, alerts."""

from __future__ import annotations

from bot.i18n.model import Plural, T

MESSAGES: dict[str, T] = {
    # -- uploads ---------------------------------------------------------------------------
    "admin.refused": T(
        "Refused: {why}. Nothing was stored.",
        "Відмовлено: {why}. Нічого не збережено.",
        "거부됨: {why}. 아무것도 저장하지 않았습니다.",
    ),
    "admin.too_large": T("too large: {size}", "завеликий: {size}", "너무 큽니다: {size}"),
    "admin.too_large_limit": T(
        "too large: {size}, the limit is {limit}",
        "завеликий: {size}, межа {limit}",
        "너무 큽니다: {size}, 한도는 {limit}",
    ),
    "admin.too_many_lines": T(
        "too many lines ({lines}; a document may have {limit})",
        "забагато рядків ({lines}; документ може мати {limit})",
        "줄이 너무 많습니다({lines}줄, 문서는 {limit}줄까지)",
    ),
    "admin.not_text": T(
        "not text ({kind}); upload a .txt or .md file",
        "це не текст ({kind}); завантажте файл .txt або .md",
        "텍스트가 아닙니다({kind}). .txt 또는 .md 파일을 올리세요",
    ),
    "admin.bad_published": T(
        "published must be a date like 2025-01-31",
        "дата публікації має бути датою на кшталт 2025-01-31",
        "발행일은 2025-01-31 같은 날짜여야 합니다",
    ),
    "admin.too_slow": T(
        "Refused: reading the figures of this document took longer than {seconds} seconds, so"
        " it was stopped. Nothing was stored. Split it into shorter documents, or ask the"
        " bot's operator to raise `FACTBOT_EXTRACTION_SECONDS`.",
        "Відмовлено: читання цифр цього документа тривало довше за {seconds} с, тож його"
        " зупинено. Нічого не збережено. Розділіть його на коротші документи або попросіть"
        " оператора бота збільшити `FACTBOT_EXTRACTION_SECONDS`.",
        "거부됨: 이 문서의 수치를 읽는 데 {seconds}초가 넘게 걸려 중단했습니다. 아무것도 저장하지"
        " 않았습니다. 더 짧은 문서로 나누거나, 봇 운영자에게 `FACTBOT_EXTRACTION_SECONDS`를"
        " 늘려 달라고 하세요.",
    ),
    "admin.download_failed": T(
        "Could not download the file: {what}. Nothing was stored; upload it again with"
        " /{admin} {ingest}.",
        "Не вдалося завантажити файл: {what}. Нічого не збережено; завантажте його ще раз"
        " через /{admin} {ingest}.",
        "파일을 내려받지 못했습니다: {what}. 아무것도 저장하지 않았습니다. /{admin} {ingest}로"
        " 다시 올리세요.",
    ),
    "admin.download.status": T(
        "Discord answered {status}", "Discord відповів {status}", "Discord가 {status}로 응답함"
    ),
    "admin.download.gone": T(
        "Discord answered {status}: the file is gone or its link expired",
        "Discord відповів {status}: файлу вже немає або посилання застаріло",
        "Discord가 {status}로 응답함: 파일이 없거나 링크가 만료됨",
    ),
    "admin.download.timeout": T(
        "Discord did not send it in time", "Discord не надіслав його вчасно",
        "Discord가 제때 보내지 않음",
    ),
    "admin.download.connection": T(
        "the connection to Discord failed ({error})",
        "з'єднання з Discord обірвалося ({error})",
        "Discord 연결 실패({error})",
    ),
    # -- the preview -----------------------------------------------------------------------
    "admin.preview.title": T("Preview", "Попередній перегляд", "미리 보기"),
    "admin.preview.figures": T("Figures", "Цифри", "수치"),
    "admin.preview.more": T(
        Plural(one="… and {count} more figure", other="… and {count} more figures"),
        Plural(one="… і ще {count} цифра", few="… і ще {count} цифри", many="… і ще {count} цифр",
               other="… і ще {count} цифри"),
        Plural(other="… 외 수치 {count}개"),
    ),
    "admin.preview.empty": T(
        "No figures and no events found: storing it adds nothing to answers.",
        "Не знайдено ні цифр, ні подій: якщо зберегти, відповіді не зміняться.",
        "수치도 사건도 없습니다. 저장해도 답변에 더해지는 것이 없습니다.",
    ),
    "admin.preview.intro": T(
        "{name} · {figures}, {events}. Confirm to store it {where}. {plan}",
        "{name} · {figures}, {events}. Підтвердьте, щоб зберегти {where}. {plan}",
        "{name} · {figures}, {events}. 확인을 누르면 {where} 저장됩니다. {plan}",
    ),
    "admin.preview.no_figures": T(
        "No figures found in this document. ",
        "У цьому документі не знайдено цифр. ",
        "이 문서에서 수치를 찾지 못했습니다. ",
    ),
    "admin.preview.page": T(
        "Preview of page 1 of {pages}.", "Попередній перегляд, сторінка 1 з {pages}.",
        "미리 보기 {pages}쪽 중 1쪽.",
    ),
    "admin.plan.unchanged": T(
        "This exact text is already stored here as {name}: confirming changes nothing.",
        "Саме цей текст уже збережено тут як {name}: підтвердження нічого не змінить.",
        "같은 텍스트가 이미 이 서버에 저장되어 있습니다({name}). 확인해도 바뀌는 것이 없습니다.",
    ),
    "admin.plan.beside": T(
        "This server already has a document from a file of this name: {kept}. Nothing is"
        " replaced: this one is stored beside it.",
        "На цьому сервері вже є документ із файлу з такою назвою: {kept}. Нічого не"
        " замінюється: цей буде збережено поруч.",
        "이 서버에 같은 이름의 파일에서 온 문서가 이미 있습니다: {kept}. 아무것도 바꾸지 않고,"
        " 이 문서는 그 옆에 따로 저장됩니다.",
    ),
    "admin.plan.more": T(
        Plural(one="{count} more", other="{count} more"),
        Plural(one="ще {count}", few="ще {count}", many="ще {count}", other="ще {count}"),
        Plural(other="외 {count}건"),
    ),
    # -- leaving out and fixing figures in the preview -------------------------------------
    "preview.edit.hint": T(
        "Check each figure; **Leave out…** and **Fix a figure…** take the numbers shown before"
        " them, and are stored with the document as this server's decisions.",
        "Перевірте кожну цифру; **Пропустити…** і **Виправити цифру…** приймають номери перед"
        " ними, а рішення буде збережено разом із документом як рішення цього сервера.",
        "각 수치를 확인하세요. **제외…**와 **수치 수정…**은 앞에 표시된 번호를 받으며, 결정은"
        " 문서와 함께 이 서버의 결정으로 저장됩니다.",
    ),
    "preview.left_out": T("left out", "пропущено", "제외됨"),
    "preview.fixed": T("fixed", "виправлено", "수정됨"),
    "preview.left_out_reason": T(
        "left out in the preview", "пропущено в попередньому перегляді", "미리 보기에서 제외함"
    ),
    "preview.fixed_reason": T(
        "fixed in the preview", "виправлено в попередньому перегляді", "미리 보기에서 수정함"
    ),
    "preview.leave_out": T("Leave out…", "Пропустити…", "제외…"),
    "preview.fix": T("Fix a figure…", "Виправити цифру…", "수치 수정…"),
    "preview.edit.refused": T(
        "Not changed: {why} The preview is as it was; try again.",
        "Не змінено: {why} Попередній перегляд лишився як був; спробуйте ще раз.",
        "바꾸지 않았습니다: {why} 미리 보기는 그대로입니다. 다시 해 보세요.",
    ),
    "preview.edit.bad_number": T(
        "“{value}” is not a figure of this preview: give numbers from 1 to {n}.",
        "«{value}» — не цифра з цього перегляду: вкажіть номери від 1 до {n}.",
        "“{value}”은(는) 이 미리 보기의 수치가 아닙니다. 1부터 {n}까지의 번호를 주세요.",
    ),
    "preview.edit.low_above_high": T(
        "in “{low}” the first number is above the second.",
        "у «{low}» перше число більше за друге.",
        "“{low}”에서 앞의 수가 뒤의 수보다 큽니다.",
    ),
    "preview.edit.nothing_to_fix": T(
        "fill in at least one field to change (value, metric, subject or claimant).",
        "заповніть хоча б одне поле, яке треба змінити (значення, показник, сторона чи джерело).",
        "바꿀 칸을 하나 이상 채우세요(값, 유형, 대상, 출처).",
    ),
    "preview.form.leave_out_title": T("Leave out figures", "Пропустити цифри", "수치 제외"),
    "preview.form.fix_title": T("Fix a figure", "Виправити цифру", "수치 수정"),
    "preview.form.numbers.label": T("Figures to leave out", "Які цифри пропустити", "제외할 수치"),
    "preview.form.numbers.description": T(
        "Their numbers in the preview, e.g. 2, 5; empty: keep them all",
        "Їхні номери в перегляді, напр. 2, 5; порожньо: лишити всі",
        "미리 보기의 번호(예: 2, 5). 비우면 모두 남깁니다",
    ),
    "preview.form.numbers.placeholder": T("2, 5", "2, 5", "2, 5"),
    "preview.form.number.label": T("Figure", "Цифра", "수치"),
    "preview.form.number.description": T(
        "Its number in the preview", "Її номер у перегляді", "미리 보기의 번호"
    ),
    "preview.form.number.placeholder": T("1", "1", "1"),
    "preview.form.value.label": T("Value", "Значення", "값"),
    "preview.form.value.description": T(
        "One number or a range; empty: unchanged",
        "Одне число або діапазон; порожньо: без змін",
        "하나의 수 또는 범위. 비우면 그대로",
    ),
    "preview.form.value.placeholder": T("4,500 or 1,000-3,000", "4500 або 1000-3000",
                                        "4,500 또는 1,000-3,000"),
    "preview.form.metric.label": T("Metric", "Показник", "유형"),
    "preview.form.metric.description": T(
        "killed, wounded, casualties, captured, missing, deployed; empty: unchanged",
        "загиблі, поранені, втрати, полонені, зниклі, розгорнуті; порожньо: без змін",
        "사망, 부상, 사상자, 포로, 실종, 파병. 비우면 그대로",
    ),
    "preview.form.metric.placeholder": T("killed", "загиблі", "사망"),
    "preview.form.subject.label": T("Subject", "Сторона", "대상"),
    "preview.form.subject.description": T(
        "Whose troops: North Korea, Russia…; empty: unchanged",
        "Чиї війська: Північна Корея, Росія…; порожньо: без змін",
        "어느 쪽 병력인지: 북한, 러시아… 비우면 그대로",
    ),
    "preview.form.subject.placeholder": T("North Korea", "Північна Корея", "북한"),
    "preview.form.source.label": T("Claimant", "Джерело", "출처"),
    "preview.form.source.description": T(
        "Who says so; none: unattributed; empty: unchanged",
        "Хто це стверджує; none: без джерела; порожньо: без змін",
        "누가 말했는지. none: 출처 미상. 비우면 그대로",
    ),
    "preview.form.source.placeholder": T("NIS", "NIS", "NIS"),
    "admin.confirm": T("Confirm", "Підтвердити", "확인"),
    "admin.cancel": T("Cancel", "Скасувати", "취소"),
    "admin.cancelled": T(
        "Cancelled: nothing was stored.", "Скасовано: нічого не збережено.",
        "취소됨: 아무것도 저장하지 않았습니다.",
    ),
    "admin.expired": T(
        "Preview expired: nothing was stored.",
        "Час попереднього перегляду минув: нічого не збережено.",
        "미리 보기 시간이 지났습니다: 아무것도 저장하지 않았습니다.",
    ),
    "admin.not_stored": T("Not stored: {why}", "Не збережено: {why}", "저장하지 못함: {why}"),
    "admin.unchanged": T(
        "**{name}** is already stored with this text; nothing changed.",
        "**{name}**: уже збережено з цим текстом; нічого не змінилося.",
        "**{name}**은(는) 이미 이 텍스트로 저장되어 있어 바뀐 것이 없습니다.",
    ),
    "admin.stored": T(
        "Stored **{name}** for this server ({status}): {figures}, {events}.",
        "Збережено для цього сервера ({status}): **{name}**; {figures}, {events}.",
        "이 서버에 **{name}**을(를) 저장했습니다({status}): {figures}, {events}.",
    ),
    "admin.status.added": T("added", "додано", "추가됨"),
    "admin.status.replaced": T("replaced", "замінено", "교체됨"),
    "admin.status.unchanged": T("unchanged", "без змін", "변경 없음"),
    # -- documents -------------------------------------------------------------------------
    "admin.no_documents": T(
        "This server has no documents of its own yet.",
        "У цього сервера ще немає власних документів.",
        "이 서버에는 아직 자체 문서가 없습니다.",
    ),
    "admin.documents.title": T("Documents", "Документи", "문서"),
    "admin.documents.shared": T("Shared", "Спільні", "공용"),
    "admin.documents.this_server": T("This server", "Цей сервер", "이 서버"),
    "admin.removed": T(
        "Removed **{name}** with {figures} and {events}.",
        "Видалено **{name}** разом із: {figures}, {events}.",
        "**{name}**을(를) {figures}, {events}과(와) 함께 삭제했습니다.",
    ),
    # -- figures ---------------------------------------------------------------------------
    "admin.hidden": T(
        "Figure `{id}` is now hidden in this server.",
        "Цифру `{id}` тепер приховано на цьому сервері.",
        "수치 `{id}`을(를) 이 서버에서 숨겼습니다.",
    ),
    "admin.shown": T(
        "Figure `{id}` is shown again in this server.",
        "Цифру `{id}` знову показано на цьому сервері.",
        "수치 `{id}`을(를) 이 서버에 다시 표시합니다.",
    ),
    "admin.verified": T(
        "Figure `{id}` is marked verified in this server.",
        "Цифру `{id}` позначено як перевірену на цьому сервері.",
        "수치 `{id}`을(를) 이 서버에서 검증됨으로 표시했습니다.",
    ),
    "admin.corrected": T(
        "Figure `{id}` corrected in this server: {field} is now {value}.",
        "Цифру `{id}` виправлено на цьому сервері: {field} тепер {value}.",
        "이 서버에서 수치 `{id}`을(를) 수정했습니다: {field}은(는) 이제 {value}.",
    ),
    "admin.correction.empty": T(
        "The value is empty.", "Значення порожнє.", "값이 비어 있습니다."
    ),
    "admin.correction.whole_number": T(
        "{field} must be a whole number, like 1,500.",
        "{field}: потрібне ціле число, наприклад 1500.",
        "{field}은(는) 1,500 같은 정수여야 합니다.",
    ),
    "admin.correction.metric": T(
        "metric must be one of {metrics}", "показник має бути одним із: {metrics}",
        "유형은 다음 중 하나여야 합니다: {metrics}",
    ),
    "admin.correction.qualifier": T(
        "qualifier must be one of exact, at least, up to, about, range.",
        "уточнення має бути одним із: exact, at least, up to, about, range.",
        "수식어는 exact, at least, up to, about, range 중 하나여야 합니다.",
    ),
    "admin.correction.date": T(
        "date must be like 2024, 2024-06, June 2024 or 2024-06-15 (or none).",
        "дата має бути на кшталт 2024, 2024-06, червень 2024 або 2024-06-15 (або none).",
        "날짜는 2024, 2024-06, 2024년 6월, 2024-06-15 같은 형식이어야 합니다(없으면 none).",
    ),
    "admin.correction.period": T(
        "period must be like per day, a month, daily or in the last 60 days (or none: a total).",
        "період пишіть англійською, як-от per day, a month, daily чи in the last 60 days (або"
        " none: загальна кількість).",
        "기간은 per day, a month, daily, in the last 60 days처럼 영어로 쓰세요(누적 합계면"
        " none).",
    ),
    "admin.correction.total": T(
        "none (a cumulative total)", "немає (загальна кількість)", "없음(누적 합계)"
    ),
    "admin.correction.field": T(
        "{field} cannot be corrected.", "{field} не можна виправити.",
        "{field}은(는) 수정할 수 없습니다.",
    ),
    # -- the log, the export, the role, the seeds, alerts ----------------------------------
    "admin.audit.empty": T(
        "Nothing in this server's audit log yet.",
        "У журналі дій цього сервера ще нічого немає.",
        "이 서버의 감사 기록이 아직 비어 있습니다.",
    ),
    "admin.audit.title": T("Audit log", "Журнал дій", "감사 기록"),
    "admin.audit.footer": T(
        "{entries}, newest first", "{entries}, спершу найновіші", "{entries}, 최신순"
    ),
    "admin.audit.shared": T("(shared fact base)", "(спільна база фактів)", "(공용 팩트 베이스)"),
    "admin.audit.by": T("by {actor}", "виконав: {actor}", "실행: {actor}"),
    "admin.audit.the_bot": T("the bot", "бот", "봇"),
    "admin.audit.reason": T("reason: {reason}", "причина: {reason}", "사유: {reason}"),
    "admin.audit.none": T("none", "немає", "없음"),
    "admin.audit.unattached": T(
        Plural(
            one="⚠ {count} decision of this server points at no figure since its sentence"
            " changed: {ids}{more} (see the entries marked **decision unattached**).",
            other="⚠ {count} decisions of this server point at no figure since their sentence"
            " changed: {ids}{more} (see the entries marked **decision unattached**).",
        ),
        Plural(
            one="⚠ {count} рішення цього сервера не вказує на жодну цифру, відколи змінилося"
            " речення: {ids}{more} (див. записи **decision unattached**).",
            few="⚠ {count} рішення цього сервера не вказують на жодну цифру, відколи змінилися"
            " речення: {ids}{more} (див. записи **decision unattached**).",
            many="⚠ {count} рішень цього сервера не вказують на жодну цифру, відколи змінилися"
            " речення: {ids}{more} (див. записи **decision unattached**).",
            other="⚠ {count} рішення цього сервера не вказують на жодну цифру, відколи"
            " змінилися речення: {ids}{more} (див. записи **decision unattached**).",
        ),
        Plural(
            other="⚠ 이 서버의 결정 {count}건이 문장이 바뀐 뒤로 가리키는 수치가 없습니다:"
            " {ids}{more} (**decision unattached** 기록 참고)."
        ),
    ),
    "admin.audit.unattached_more": T(" and {n} more", " і ще {n}", " 외 {n}건"),
    "admin.export.moderated": T(
        Plural(one="{count} moderated", other="{count} moderated"),
        Plural(one="{count} змінена модераторами", few="{count} змінені модераторами",
               many="{count} змінених модераторами", other="{count} зміненої модераторами"),
        Plural(other="모더레이터가 바꾼 것 {count}개"),
    ),
    "admin.export.zipped": T(
        " (zipped to fit Discord's attachment limit)",
        " (стиснуто в zip, щоб умістилося в ліміт вкладень Discord)",
        " (Discord 첨부 한도에 맞게 zip으로 압축)",
    ),
    "admin.export.too_large": T(
        "{counts}: the export is {size}, and even zipped it is over the {limit} Discord lets me"
        " attach here. The bot's operator can write it on the bot's host with `{command}`.",
        "{counts}: експорт має {size} і навіть у zip перевищує {limit}, які Discord дозволяє"
        " мені тут прикріпити. Оператор бота може записати його на сервері бота командою"
        " `{command}`.",
        "{counts}: 내보낸 파일이 {size}이고, zip으로 압축해도 이곳에서 Discord가 허용하는"
        " 첨부 한도({limit})를 넘습니다. 봇 운영자가 봇 호스트에서 `{command}`로 만들 수"
        " 있습니다.",
    ),
    "admin.modrole.everyone": T(
        "Refused: @everyone cannot be the moderator role, it would make every member a"
        " moderator. Choose a role only moderators have. Nothing was changed.",
        "Відмовлено: @everyone не може бути роллю модераторів, бо тоді кожен учасник став би"
        " модератором. Виберіть роль, яку мають лише модератори. Нічого не змінено.",
        "거부됨: @everyone은 모더레이터 역할이 될 수 없습니다. 모든 멤버가 모더레이터가 되기"
        " 때문입니다. 모더레이터만 가진 역할을 고르세요. 아무것도 바뀌지 않았습니다.",
    ),
    "admin.modrole.cleared": T(
        "Moderator role cleared: Manage Server is needed now.",
        "Роль модераторів скинуто: тепер потрібен дозвіл «Керувати сервером».",
        "모더레이터 역할을 해제했습니다. 이제 서버 관리하기 권한이 필요합니다.",
    ),
    "admin.modrole.set": T(
        "Members with <@&{role}> may now use /{admin}.",
        "Учасники з <@&{role}> тепер можуть користуватися /{admin}.",
        "이제 <@&{role}> 역할의 멤버가 /{admin}을(를) 쓸 수 있습니다.",
    ),
    "admin.reloaded": T(
        "Seeds reloaded.", "Базові документи перечитано.", "기본 문서를 다시 읽었습니다."
    ),
    "admin.alerts.on": T(
        "New figures will be posted in <#{channel}> when documents are added (this server's"
        " own, and shared ones).",
        "Нові цифри публікуватимуться в <#{channel}>, коли додаються документи (власні"
        " документи цього сервера і спільні).",
        "문서가 추가되면(이 서버의 문서와 공용 문서) 새 수치를 <#{channel}>에 게시합니다.",
    ),
    "admin.alerts.off": T(
        "Alerts are off (the channel <#{channel}> is kept for later).",
        "Сповіщення вимкнено (канал <#{channel}> збережено на потім).",
        "알림이 꺼졌습니다(채널 <#{channel}>은(는) 나중을 위해 남겨 둡니다).",
    ),
    "admin.alerts.none": T(
        "No alert channel is set. Choose one with `/{admin} {alerts} {channel}:#channel`.",
        "Канал для сповіщень не задано. Виберіть його: `/{admin} {alerts} {channel}:#канал`.",
        "알림 채널이 없습니다. `/{admin} {alerts} {channel}:#채널`로 고르세요.",
    ),
    "admin.alerts.setting": T(
        "Alerts are **{state}**, channel <#{channel}>, set by <@{user}> on {day}.",
        "Сповіщення **{state}**, канал <#{channel}>, налаштував(-ла) <@{user}> {day}.",
        "알림: **{state}**, 채널 <#{channel}>, <@{user}>이(가) {day}에 설정.",
    ),
    "admin.alerts.state_on": T("on", "увімкнено", "켜짐"),
    "admin.alerts.state_off": T("off", "вимкнено", "꺼짐"),
    "admin.alerts.no_problem": T(
        "No delivery problem so far.", "Проблем із доставкою поки не було.",
        "아직 전송 문제가 없었습니다.",
    ),
    "admin.alerts.problem": T(
        "Last delivery problem ({when}): {problem}",
        "Остання проблема з доставкою ({when}): {problem}",
        "마지막 전송 문제({when}): {problem}",
    ),
    "admin.alerts.delivered_since": T(
        "Alerts have been delivered since then.", "Відтоді сповіщення доставляються.",
        "그 뒤로는 알림이 전송되었습니다.",
    ),
}
