"""/admin's news-in replies: one source for /admin ingest, the /admin paste form, feeds and the
review queue."""

from __future__ import annotations

from bot.i18n.model import Plural, T

MESSAGES: dict[str, T] = {
    # -- /admin ingest -----------------------------------------------------------------------
    "news.one_source.both": T(
        "Give either `file:` or `url:`, not both: nothing was stored. (To say where a file was"
        " published, put a `url:` line in its front matter.)",
        "Вкажіть або `{file}:`, або `{url}:`, не обидва: нічого не збережено. (Щоб указати,"
        " де файл опубліковано, додайте рядок `url:` у його заголовок.)",
        "`{file}:`과 `{url}:` 중 하나만 주세요. 아무것도 저장하지 않았습니다. (파일이 게시된"
        " 곳을 밝히려면 파일 머리말에 `url:` 줄을 넣으세요.)",
        extra=("file", "url"),
    ),
    "news.one_source.none": T(
        "Give a `file:` (a .txt, .md, .html or .pdf attachment) or a `url:` (an article's"
        " address): nothing was stored. To paste a text, use `/admin paste`.",
        "Вкажіть `{file}:` (вкладення .txt, .md, .html чи .pdf) або `{url}:` (адресу статті):"
        " нічого не збережено. Щоб вставити текст, скористайтеся `/{admin} {paste}`.",
        "`{file}:`(.txt, .md, .html, .pdf 첨부 파일) 또는 `{url}:`(기사 주소)를 주세요. 아무것도"
        " 저장하지 않았습니다. 텍스트를 붙여 넣으려면 `/{admin} {paste}`를 쓰세요.",
        extra=("file", "url", "admin", "paste"),
    ),
    "news.unsupported": T(
        "unsupported type ({kind}); upload a .txt, .md, .html or .pdf file",
        "непідтримуваний тип ({kind}); завантажте файл .txt, .md, .html або .pdf",
        "지원하지 않는 형식({kind}). .txt, .md, .html, .pdf 파일을 올리세요",
    ),
    "news.text_too_large": T(
        "too large: its text is {size}, a server's document may have {limit}",
        "завеликий: його текст має {size}, документ сервера може мати {limit}",
        "너무 큽니다: 본문이 {size}이고, 서버 문서는 {limit}까지입니다",
    ),
    "news.file_too_large": T(
        "too large: over the limit of {limit}", "завеликий: понад межу {limit}",
        "너무 큽니다: 한도 {limit} 초과",
    ),
    "admin.preview.where_server": T(
        "for this server only", "лише для цього сервера", "이 서버에만",
    ),
    # -- the paste form (labels at most 45 characters) -------------------------------------
    "paste.title": T("Paste an article", "Вставити статтю", "기사 붙여넣기"),
    "paste.not_yours": T(
        "Only the moderator who opened this form can submit it.",
        "Надіслати цю форму може лише модератор, який її відкрив.",
        "이 양식을 연 모더레이터만 보낼 수 있습니다.",
    ),
    "paste.text.placeholder": T(
        "At most 4,000 characters (Discord's limit). Longer: /admin ingest file: or url:",
        "До 4 000 символів (межа Discord). Довший: /адмін додати файл: або посилання:",
        "4,000자까지(Discord 한도). 더 길면: /관리 추가 파일: 또는 주소:",
    ),
    "paste.headline.label": T("Title", "Назва", "제목"),
    "paste.headline.description": T(
        "Optional: the article's headline", "Необов'язково: заголовок статті",
        "선택: 기사 제목",
    ),
    "paste.headline.placeholder": T("The headline", "Заголовок", "제목"),
    "paste.publisher.label": T("Publisher", "Видання", "발행처"),
    "paste.publisher.description": T(
        "Optional: who published it", "Необов'язково: хто опублікував", "선택: 발행한 곳",
    ),
    "paste.address.label": T("Address", "Адреса", "주소"),
    "paste.address.description": T(
        "Optional: where it was published (http or https)",
        "Необов'язково: де опубліковано (http або https)",
        "선택: 게시된 주소 (http 또는 https)",
    ),
    "paste.published.label": T("Published", "Дата публікації", "발행일"),
    "paste.published.description": T(
        "Optional: the date it was published", "Необов'язково: дата публікації",
        "선택: 발행 날짜",
    ),
    "paste.text.label": T("Text", "Текст", "본문"),
    "paste.text.description": T(
        "Discord caps this field at 4,000 characters",
        "Discord обмежує це поле 4 000 символів",
        "Discord는 이 칸을 4,000자로 제한합니다",
    ),
    # -- the review queue ------------------------------------------------------------------
    "queue.not_reviewer": T(
        "Only the moderator who opened this review can confirm or skip its articles.",
        "Підтверджувати чи пропускати статті може лише модератор, який відкрив цей перегляд.",
        "이 검토를 연 모더레이터만 기사를 확인하거나 건너뛸 수 있습니다.",
    ),
    "queue.empty": T(
        "No articles wait for review. Articles from the feeds this server follows wait here"
        " (see `/admin feeds list`).",
        "Жодна стаття не чекає перевірки. Тут чекають статті зі стрічок, за якими стежить"
        " цей сервер (див. `/{admin} {feeds} {list}`).",
        "검토를 기다리는 기사가 없습니다. 이 서버가 구독하는 피드의 기사가 여기서 기다립니다"
        " (`/{admin} {feeds} {list}` 참고).",
        extra=("admin", "feeds", "list"),
    ),
    "queue.head": T(
        Plural(one="**Review queue** · {count} more after this one.",
               other="**Review queue** · {count} more after this one."),
        Plural(one="**Черга перевірки** · після цієї ще {count}.",
               few="**Черга перевірки** · після цієї ще {count}.",
               many="**Черга перевірки** · після цієї ще {count}.",
               other="**Черга перевірки** · після цієї ще {count}."),
        Plural(other="**검토 대기열** · 이 기사 뒤로 {count}건 더."),
    ),
    "queue.too_slow": T(
        "reading its figures took longer than {seconds} seconds",
        "читання її цифр тривало довше за {seconds} с",
        "수치를 읽는 데 {seconds}초가 넘게 걸렸습니다",
    ),
    "queue.cannot_store": T(
        "It cannot be stored: {why}.", "Її не можна зберегти: {why}.",
        "저장할 수 없습니다: {why}.",
    ),
    "queue.cannot_store_skip": T(
        "It cannot be stored: {why}. Skip drops it from the queue.",
        "Її не можна зберегти: {why}. «Пропустити» прибере її з черги.",
        "저장할 수 없습니다: {why}. 건너뛰기를 누르면 대기열에서 빠집니다.",
    ),
    "queue.reviewed_meanwhile": T(
        "Another moderator reviewed that article meanwhile; it is out of the queue.",
        "Тим часом цю статтю переглянув інший модератор; її вже немає в черзі.",
        "그사이 다른 모더레이터가 이 기사를 검토했습니다. 대기열에서 빠졌습니다.",
    ),
    "queue.not_stored": T(
        "Not stored: {why}. It stays in the queue.",
        "Не збережено: {why}. Стаття лишається в черзі.",
        "저장하지 못함: {why}. 대기열에 남습니다.",
    ),
    "queue.skipped": T(
        "Skipped {name}: dropped from the queue, nothing was stored.",
        "Пропущено {name}: прибрано з черги, нічого не збережено.",
        "{name} 건너뜀: 대기열에서 빼고 아무것도 저장하지 않았습니다.",
    ),
    "queue.the_article": T("the article", "статтю", "기사"),
    "queue.confirm": T("Confirm", "Підтвердити", "확인"),
    "queue.skip": T("Skip", "Пропустити", "건너뛰기"),
    "queue.stop": T("Stop", "Зупинити", "중지"),
    "queue.stopped": T(
        Plural(
            one="Review stopped: {count} article waits in the queue (`/admin queue`).",
            other="Review stopped: {count} articles wait in the queue (`/admin queue`).",
        ),
        Plural(
            one="Перевірку зупинено: у черзі чекає {count} стаття (`/{admin} {queue}`).",
            few="Перевірку зупинено: у черзі чекають {count} статті (`/{admin} {queue}`).",
            many="Перевірку зупинено: у черзі чекають {count} статей (`/{admin} {queue}`).",
            other="Перевірку зупинено: у черзі чекають {count} статті (`/{admin} {queue}`).",
        ),
        Plural(other="검토 중지: 대기열에 기사 {count}건이 기다립니다(`/{admin} {queue}`)."),
        extra=("admin", "queue"),
    ),
    "queue.expired": T(
        "Review expired: the article stays in the queue (`/admin queue`).",
        "Час перегляду минув: стаття лишається в черзі (`/{admin} {queue}`).",
        "검토 시간이 지났습니다: 기사는 대기열에 남습니다(`/{admin} {queue}`).",
        extra=("admin", "queue"),
    ),
    # -- feeds -----------------------------------------------------------------------------
    "feeds.no_title": T("(no title yet)", "(ще без назви)", "(아직 제목 없음)"),
    "feeds.not_polled": T(
        "not polled yet · first poll {when}", "ще не перевірялася · перша перевірка {when}",
        "아직 확인 전 · 첫 확인 {when}",
    ),
    "feeds.polled": T(
        "last poll {last} ({state}) · next {next}",
        "остання перевірка {last} ({state}) · наступна {next}",
        "마지막 확인 {last}({state}) · 다음 {next}",
    ),
    "feeds.ok": T("ok", "успішно", "정상"),
    "feeds.failed": T("failed", "невдало", "실패"),
    "feeds.counts": T(
        "{queued} queued ({waiting} waiting for review) · {stored} stored at once ·"
        " {duplicate} already held · {failed} failed · {skipped} older than the first poll",
        "{queued} у черзі ({waiting} чекають перевірки) · {stored} збережено одразу ·"
        " {duplicate} уже були · {failed} не вдалося · {skipped} старші за першу перевірку",
        "대기 {queued}건(검토 대기 {waiting}건) · 바로 저장 {stored}건 · 이미 있음"
        " {duplicate}건 · 실패 {failed}건 · 첫 확인보다 오래됨 {skipped}건",
    ),
    "feeds.last_error": T(
        "⚠ last error: {error} ({row})", "⚠ остання помилка: {error} ({row})",
        "⚠ 마지막 오류: {error} ({row})",
    ),
    "feeds.failures": T(
        Plural(one="{count} failed poll", other="{count} failed polls in a row"),
        Plural(one="{count} невдала перевірка", few="{count} невдалі перевірки поспіль",
               many="{count} невдалих перевірок поспіль",
               other="{count} невдалої перевірки поспіль"),
        Plural(other="연속 실패 {count}회"),
    ),
    "feeds.intro": T(
        "{count} of {limit} feeds; {mode} (change it with `/admin feeds autostore`). Feeds are"
        " polled every 15 minutes, less often after failures.",
        "{count} з {limit} стрічок; {mode} (змінити: `/{admin} {feeds} {autostore}`). Стрічки"
        " перевіряються кожні 15 хвилин, після збоїв рідше.",
        "피드 {count}/{limit}개. {mode} (`/{admin} {feeds} {autostore}`로 바꿈). 피드는 15분"
        "마다 확인하고, 실패한 뒤에는 덜 자주 확인합니다.",
        extra=("admin", "feeds", "autostore"),
    ),
    "feeds.mode.at_once": T(
        "new articles are **stored at once**", "нові статті **зберігаються одразу**",
        "새 기사는 **바로 저장**됩니다",
    ),
    "feeds.mode.review": T(
        "new articles **wait for review** in `/admin queue`",
        "нові статті **чекають перевірки** в `/{admin} {queue}`",
        "새 기사는 `/{admin} {queue}`에서 **검토를 기다립니다**",
        extra=("admin", "queue"),
    ),
    "feeds.queued_from": T(
        "From {origin}, queued {when}{address}", "Зі стрічки {origin}, у черзі з {when}{address}",
        "출처 {origin}, 대기열에 들어온 때 {when}{address}",
    ),
    "feeds.gone": T(
        "a feed no longer followed", "стрічка, за якою вже не стежать", "더 이상 구독하지 않는 피드"
    ),
    "feeds.announced": T(
        " (the page <{page}> announces it)", " (її оголошує сторінка <{page}>)",
        " (<{page}> 페이지가 알리는 피드)",
    ),
    "feeds.fate.at_once": T(
        "stored at once (autostore is on), with an alert",
        "збережено одразу (автозбереження ввімкнено), зі сповіщенням",
        "바로 저장(자동저장 켜짐)되고 알림이 갑니다",
    ),
    "feeds.fate.review": T(
        "put in `/admin queue` for review", "поставлено в `/{admin} {queue}` на перевірку",
        "검토를 위해 `/{admin} {queue}`에 들어갑니다",
        extra=("admin", "queue"),
    ),
    "feeds.fetching_all": T(
        Plural(
            one="It lists {count} article: it is being fetched now and will be {fate}.",
            other="It lists {count} articles: they are being fetched now and will be {fate}.",
        ),
        Plural(
            one="У ній {count} стаття: її зараз завантажують, і її буде {fate}.",
            few="У ній {count} статті: їх зараз завантажують, і їх буде {fate}.",
            many="У ній {count} статей: їх зараз завантажують, і їх буде {fate}.",
            other="У ній {count} статті: їх зараз завантажують, і їх буде {fate}.",
        ),
        Plural(other="기사 {count}건이 있습니다. 지금 가져오는 중이며, {fate}."),
    ),
    "feeds.fetching_newest": T(
        Plural(
            one="It lists {count} articles: the {taken} newest are being fetched now and will"
            " be {fate}; the older ones are left out.",
            other="It lists {count} articles: the {taken} newest are being fetched now and will"
            " be {fate}; the older ones are left out.",
        ),
        Plural(
            one="У ній {count} стаття: {taken} найновіших зараз завантажують, і їх буде {fate};"
            " старіші пропущено.",
            few="У ній {count} статті: {taken} найновіших зараз завантажують, і їх буде {fate};"
            " старіші пропущено.",
            many="У ній {count} статей: {taken} найновіших зараз завантажують, і їх буде"
            " {fate}; старіші пропущено.",
            other="У ній {count} статті: {taken} найновіших зараз завантажують, і їх буде"
            " {fate}; старіші пропущено.",
        ),
        Plural(
            other="기사 {count}건이 있습니다. 최신 {taken}건을 지금 가져오는 중이며, {fate}."
            " 더 오래된 기사는 건너뜁니다."
        ),
    ),
    "feeds.following": T(
        "Following {name}: <{url}>{announced}. {fetching} Then it is checked every 15 minutes"
        " for new ones.",
        "Стежимо за {name}: <{url}>{announced}. {fetching} Далі її перевірятимуть кожні 15"
        " хвилин на нові статті.",
        "{name} 구독 시작: <{url}>{announced}. {fetching} 이후 15분마다 새 기사를 확인합니다.",
    ),
    "feeds.not_followed": T(
        "Not followed: {why}. Nothing was changed.", "Не додано: {why}. Нічого не змінено.",
        "구독하지 못함: {why}. 아무것도 바뀌지 않았습니다.",
    ),
    "feeds.already_removed": T(
        "That feed was already removed.", "Цю стрічку вже прибрано.",
        "그 피드는 이미 삭제되었습니다.",
    ),
    "feeds.removed": T(
        "No longer following {name} (<{url}>).", "Більше не стежимо за {name} (<{url}>).",
        "{name} 구독을 멈췄습니다(<{url}>).",
    ),
    "feeds.still_waiting": T(
        Plural(
            one="{count} of its articles still waits in `/admin queue`.",
            other="{count} of its articles still wait in `/admin queue`.",
        ),
        Plural(
            one="{count} її стаття ще чекає в `/{admin} {queue}`.",
            few="{count} її статті ще чекають в `/{admin} {queue}`.",
            many="{count} її статей ще чекають в `/{admin} {queue}`.",
            other="{count} її статті ще чекають в `/{admin} {queue}`.",
        ),
        Plural(other="이 피드의 기사 {count}건이 아직 `/{admin} {queue}`에서 기다립니다."),
        extra=("admin", "queue"),
    ),
    "feeds.none": T(
        "This server follows no feeds yet. Follow one with `/admin feeds add url:`.",
        "Цей сервер ще не стежить за жодною стрічкою. Додайте: `/{admin} {feeds} {add} {url}:`.",
        "이 서버는 아직 구독하는 피드가 없습니다. `/{admin} {feeds} {add} {url}:`로 구독하세요.",
        extra=("admin", "feeds", "add", "url"),
    ),
    "feeds.title": T("Feeds", "Стрічки", "피드"),
    "feeds.autostore.on": T(
        "New feed articles are now stored at once, with an alert as for any new document."
        " Articles already queued still wait in `/admin queue`.",
        "Нові статті зі стрічок тепер зберігаються одразу, зі сповіщенням, як для будь-якого"
        " нового документа. Статті, що вже в черзі, і далі чекають у `/{admin} {queue}`.",
        "이제 피드의 새 기사를 바로 저장하고, 새 문서처럼 알림을 보냅니다. 이미 대기열에 있는"
        " 기사는 `/{admin} {queue}`에서 계속 기다립니다.",
        extra=("admin", "queue"),
    ),
    "feeds.autostore.off": T(
        "New feed articles now wait for review in `/admin queue`.",
        "Нові статті зі стрічок тепер чекають перевірки в `/{admin} {queue}`.",
        "이제 피드의 새 기사는 `/{admin} {queue}`에서 검토를 기다립니다.",
        extra=("admin", "queue"),
    ),
}
