"""The fixed words of the answering commands: titles, headings, labels, footers, page turns."""

from __future__ import annotations

from bot.i18n.model import Plural, T

MESSAGES: dict[str, T] = {
    # -- lists of figures and events -------------------------------------------------------
    "quote.see": T("(see {where})", "(див. {where})", "({where} 참고)"),
    "page.continued": T("(continued)", "(продовження)", "(계속)"),
    "page.counter": T("page {n}/{total}", "сторінка {n}/{total}", "{n}/{total}쪽"),
    "page.first": T("« First", "« Перша", "« 처음"),
    "page.previous": T("‹ Prev", "‹ Назад", "‹ 이전"),
    "page.next": T("Next ›", "Далі ›", "다음 ›"),
    "page.last": T("Last »", "Остання »", "끝 »"),
    "page.not_yours": T(
        "Only the person who ran the command can turn these pages.",
        "Гортати ці сторінки може лише той, хто виконав команду.",
        "명령어를 실행한 사람만 이 페이지를 넘길 수 있습니다.",
    ),
    "listing.figures_footer": T(
        "{figures} · /{command} <id> shows one in full",
        "{figures} · /{command} <id> показує одну повністю",
        "{figures} · /{command} <ID>로 하나를 자세히 봅니다",
    ),
    "listing.figure_changed": T(
        "{figure} changed since this answer was made",
        "{figure} змінилася після того, як склали цю відповідь",
        "{figure}: 이 답변을 만든 뒤 바뀌었습니다",
    ),
    "listing.event_changed": T(
        "an event that changed since this answer was made",
        "подія, що змінилася після того, як склали цю відповідь",
        "이 답변을 만든 뒤 바뀐 사건",
    ),
    "nothing.found": T(
        "Nothing found for {searched}.", "Нічого не знайдено: {searched}.",
        "{searched}: 찾은 결과가 없습니다.",
    ),
    "nothing.try": T(
        "Try: {suggestions}.", "Спробуйте: {suggestions}.", "이것을 찾아보세요: {suggestions}."
    ),
    # -- /casualties and /deployments ------------------------------------------------------
    "casualties.title": T("Casualty figures", "Цифри втрат", "사상자 수치"),
    "casualties.everything": T(
        "all subjects, metrics and sources", "усі сторони, показники й джерела",
        "모든 대상, 유형, 출처",
    ),
    "casualties.nothing": T("casualty figures", "цифри втрат", "사상자 수치"),
    "casualties.chart_title": T("Casualty figures", "Цифри втрат", "사상자 수치"),
    "deployments.title": T("Troop deployments", "Розгортання військ", "병력 파병"),
    "deployments.everything": T(
        "all subjects and sources", "усі сторони й джерела", "모든 대상과 출처"
    ),
    "deployments.nothing": T("troop figures", "цифри військ", "병력 수치"),
    "deployments.chart_title": T("Troop deployments", "Розгортання військ", "병력 파병"),
    "searched.subject": T("subject {name}", "сторона {name}", "대상 {name}"),
    "searched.metric": T("metric {name}", "показник {name}", "유형 {name}"),
    "searched.source": T("source {name}", "джерело {name}", "출처 {name}"),
    "figures.none_for": T("{what} for {searched}", "{what} ({searched})", "{searched} · {what}"),
    # -- /timeline -------------------------------------------------------------------------
    "timeline.title": T("Timeline", "Хронологія", "타임라인"),
    "timeline.everything": T("all events", "усі події", "모든 사건"),
    "timeline.since": T("since {date}", "від {date}", "{date}부터"),
    "timeline.until": T("until {date}", "до {date}", "{date}까지"),
    "timeline.about": T("about {words}", "про {words}", "주제 {words}"),
    "timeline.none_for": T("events for {searched}", "події ({searched})", "{searched} · 사건"),
    "timeline.reported_by": T(
        "reported by {sources}", "повідомляють: {sources}", "보도: {sources}"
    ),
    "timeline.more_sources": T("and {n} more", "і ще {n}", "외 {n}곳"),
    "timeline.quotes_hint": T(
        "`/{command} {option}:true` shows the sentence each headline was read from",
        "`/{command} {option}:true` показує речення, з якого взято кожен заголовок",
        "`/{command} {option}:true`를 주면 각 제목의 원문 문장을 보여 줍니다",
    ),
    "timeline.chart_title": T(
        "Timeline · {searched}", "Хронологія · {searched}", "타임라인 · {searched}"
    ),
    # -- /sources --------------------------------------------------------------------------
    "sources.title": T("Sources", "Джерела", "출처"),
    "sources.group": T("Sources", "Джерела", "출처"),
    "documents.group": T("Documents", "Документи", "문서"),
    "sources.intro": T(
        "Use `/{command} {option}:<name>` to list everything one source says.",
        "`/{command} {option}:<назва>` покаже все, що каже одне джерело.",
        "`/{command} {option}:<이름>`으로 한 출처가 말한 모든 것을 봅니다.",
    ),
    "sources.line": T(
        "{name} · {figures} in {documents}", "{name} · {figures} у: {documents}",
        "{name} · {documents}에서 {figures}",
    ),
    "sources.claimed_by": T(
        "Figures claimed by {name}", "Цифри, які наводить {name}", "{name}이(가) 주장한 수치"
    ),
    "sources.empty": T(
        "sources: the fact base is empty", "джерел: база фактів порожня",
        "출처: 팩트 베이스가 비어 있습니다",
    ),
    # -- /search ---------------------------------------------------------------------------
    "search.title": T("Search: {query}", "Пошук: {query}", "검색: {query}"),
    "search.figures": T("Figures", "Цифри", "수치"),
    "search.events": T("Events", "Події", "사건"),
    "search.none_for": T("a search for {query}", "пошук {query}", "{query} 검색"),
    # -- /figure ---------------------------------------------------------------------------
    "figure.title": T("Figure {id}", "Цифра {id}", "수치 {id}"),
    "figure.verbatim": T(
        "quoted verbatim from the document", "дослівна цитата з документа", "문서에서 그대로 인용"
    ),
    "figure.value": T("Value", "Значення", "값"),
    "figure.metric": T("Metric", "Показник", "유형"),
    "figure.subject": T("Subject", "Сторона", "대상"),
    "figure.source": T("Source", "Джерело", "출처"),
    "figure.date": T("Date", "Дата", "날짜"),
    "figure.status": T("Status", "Статус", "상태"),
    "figure.original": T("Original extraction", "Як видобуто спершу", "처음 추출한 값"),
    "figure.document": T("Document", "Документ", "문서"),
    "document.untitled": T("untitled document", "документ без назви", "제목 없는 문서"),
    "document.unknown": T("a document no longer held", "документ, якого вже немає",
                          "더 이상 없는 문서"),
    "figure.text_says": T(
        "(the text says “{date}”)", "(у тексті: «{date}»)", "(본문 표현: “{date}”)"
    ),
    "figure.publication_date": T(
        "(the document's publication date)", "(дата публікації документа)", "(문서 게시일)"
    ),
    "figure.adds": T(
        "(adds to an earlier figure)", "(додається до попередньої цифри)", "(앞선 수치에 더해짐)"
    ),
    # -- the summary that opens /casualties and /deployments --------------------------------
    "summary.latest": T(
        "Latest: {value} · {source} · {date}",
        "Останнє: {value} · {source} · {date}",
        "최신: {value} · {source} · {date}",
    ),
    "summary.range": T(
        Plural(
            one="Range {low}–{high} over {count} claim",
            other="Range {low}–{high} over {count} claims",
        ),
        Plural(
            one="Діапазон {low}–{high}: {count} твердження",
            few="Діапазон {low}–{high}: {count} твердження",
            many="Діапазон {low}–{high}: {count} тверджень",
            other="Діапазон {low}–{high}: {count} твердження",
        ),
        Plural(other="범위 {low}–{high}, 주장 {count}개"),
    ),
    "summary.unattributed": T(
        "{count} unattributed", "без джерела: {count}", "출처 미상 {count}개"
    ),
    "summary.sent_in_addition": T(
        "Sent in addition: {value} · {source} · {date}",
        "Направлено додатково: {value} · {source} · {date}",
        "추가 파병: {value} · {source} · {date}",
    ),
    "summary.in_addition": T(
        "In addition: {value} · {source} · {date}",
        "Додатково: {value} · {source} · {date}",
        "추가: {value} · {source} · {date}",
    ),
    "summary.more_claims": T(
        Plural(one="{count} claim", other="{count} claims"),
        Plural(one="{count} твердження", few="{count} твердження",
               many="{count} тверджень", other="{count} твердження"),
        Plural(other="주장 {count}개"),
    ),
    "revision.up": T(
        "↗ revised up from {old} ({old_date}) to {new} ({new_date})",
        "↗ переглянуто вгору: з {old} ({old_date}) до {new} ({new_date})",
        "↗ 상향 수정: {old}({old_date}) → {new}({new_date})",
    ),
    "revision.down": T(
        "↘ revised down from {old} ({old_date}) to {new} ({new_date})",
        "↘ переглянуто вниз: з {old} ({old_date}) до {new} ({new_date})",
        "↘ 하향 수정: {old}({old_date}) → {new}({new_date})",
    ),
    "revision.changed": T(
        "↔ revised from {old} ({old_date}) to {new} ({new_date})",
        "↔ переглянуто: з {old} ({old_date}) до {new} ({new_date})",
        "↔ 수정: {old}({old_date}) → {new}({new_date})",
    ),
    "summary.conflict": T(
        Plural(
            one="⚠ {count} claim about {what} disagrees ({date})",
            other="⚠ {count} claims about {what} disagree ({date})",
        ),
        Plural(
            one="⚠ {what}: {count} твердження розходиться ({date})",
            few="⚠ {what}: {count} твердження розходяться ({date})",
            many="⚠ {what}: {count} тверджень розходяться ({date})",
            other="⚠ {what}: {count} твердження розходяться ({date})",
        ),
        Plural(other="⚠ {what}: 주장 {count}개가 서로 다릅니다({date})"),
    ),
    "period.rate.day": T("per day", "на добу", "하루당"),
    "period.rate.week": T("per week", "на тиждень", "주당"),
    "period.rate.month": T("per month", "на місяць", "월당"),
    "period.rate.year": T("per year", "на рік", "연간"),
    "period.window.day": T(
        Plural(one="over {count} day", other="over {count} days"),
        Plural(one="за {count} день", few="за {count} дні", many="за {count} днів",
               other="за {count} дня"),
        Plural(other="{count}일간"),
    ),
    "period.window.week": T(
        Plural(one="over {count} week", other="over {count} weeks"),
        Plural(one="за {count} тиждень", few="за {count} тижні", many="за {count} тижнів",
               other="за {count} тижня"),
        Plural(other="{count}주간"),
    ),
    "period.window.month": T(
        Plural(one="over {count} month", other="over {count} months"),
        Plural(one="за {count} місяць", few="за {count} місяці", many="за {count} місяців",
               other="за {count} місяця"),
        Plural(other="{count}개월간"),
    ),
    "period.window.year": T(
        Plural(one="over {count} year", other="over {count} years"),
        Plural(one="за {count} рік", few="за {count} роки", many="за {count} років",
               other="за {count} року"),
        Plural(other="{count}년간"),
    ),
    # -- /about ----------------------------------------------------------------------------
    # -- alerts (posted in a channel, in the server's language) ----------------------------
    "alert.title": T("New figures from {name}", "Нові цифри з: {name}", "{name}의 새 수치"),
    "alert.new_figures": T(
        Plural(one="{count} new figure", other="{count} new figures"),
        Plural(one="{count} нова цифра", few="{count} нові цифри", many="{count} нових цифр",
               other="{count} нової цифри"),
        Plural(other="새 수치 {count}개"),
    ),
    "alert.content": T(
        "📰 {count} from {name}.", "📰 {count} з: {name}.", "📰 {name}에서 {count}.",
    ),
    "alert.disagreeing": T(
        Plural(
            one="⚠ {count} of them disagrees with figures already held; see below.",
            other="⚠ {count} of them disagree with figures already held; see below.",
        ),
        Plural(
            one="⚠ {count} з них розходиться з уже відомими цифрами; див. нижче.",
            few="⚠ {count} з них розходяться з уже відомими цифрами; див. нижче.",
            many="⚠ {count} з них розходяться з уже відомими цифрами; див. нижче.",
            other="⚠ {count} з них розходяться з уже відомими цифрами; див. нижче.",
        ),
        Plural(other="⚠ 그중 {count}개가 이미 있는 수치와 다릅니다. 아래를 보세요."),
    ),
    "alert.more_pages": T(
        Plural(
            one="{count} more page not posted here: /{casualties} and /{deployments} list"
            " every figure.",
            other="{count} more pages not posted here: /{casualties} and /{deployments} list"
            " every figure.",
        ),
        Plural(
            one="Ще {count} сторінку тут не опубліковано: /{casualties} і /{deployments}"
            " показують усі цифри.",
            few="Ще {count} сторінки тут не опубліковано: /{casualties} і /{deployments}"
            " показують усі цифри.",
            many="Ще {count} сторінок тут не опубліковано: /{casualties} і /{deployments}"
            " показують усі цифри.",
            other="Ще {count} сторінки тут не опубліковано: /{casualties} і /{deployments}"
            " показують усі цифри.",
        ),
        Plural(
            other="{count}쪽은 여기에 올리지 않았습니다. /{casualties}과(와)"
            " /{deployments}에서 모든 수치를 볼 수 있습니다."
        ),
    ),
    "alert.conflict": T(
        "⚠ **Contradicts** another source's figure:",
        "⚠ **Суперечить** цифрі іншого джерела:",
        "⚠ 다른 출처의 수치와 **모순됩니다**:",
    ),
    "alert.and_more": T(
        Plural(one="… and {count} more", other="… and {count} more"),
        Plural(one="… і ще {count}", few="… і ще {count}", many="… і ще {count}",
               other="… і ще {count}"),
        Plural(other="… 외 {count}개"),
    ),
    # -- charts (drawn in the reader's language when a font has its script) ------------------
    "chart.no_figures": T("no figures", "немає цифр", "수치 없음"),
    "chart.no_events": T("no events", "немає подій", "사건 없음"),
    "chart.shown_of": T(
        "({shown} most recent of {total} shown)",
        "(показано {shown} найновіших із {total})",
        "({total}개 중 최근 {shown}개 표시)",
    ),
    "chart.legend": T(
        "● exact   ○ about   ▬ range   ┃⇢ at least   ⇠┃ up to   * date inferred",
        "● точно   ○ близько   ▬ діапазон   ┃⇢ щонайменше   ⇠┃ до   * дату виведено",
        "● 정확   ○ 약   ▬ 범위   ┃⇢ 최소   ⇠┃ 최대   * 추정한 날짜",
    ),
    "chart.date_stated": T("date stated", "дату вказано", "명시된 날짜"),
    "chart.date_inferred": T("date inferred (*)", "дату виведено (*)", "추정한 날짜 (*)"),
}
