"""/help and /about: what each command answers (``help.<command path>``; the English is also
the README's command tables), and how to read the answers."""

from __future__ import annotations

from bot.i18n.model import T

MESSAGES: dict[str, T] = {
    # -- what each command answers -----------------------------------------------------------
    "help.about": T(
        "what the bot is, how many documents, figures and events it holds, how to read the"
        " answers",
        "що це за бот, скільки в нього документів, цифр і подій, як читати відповіді",
        "이 봇이 무엇인지, 문서·수치·사건이 몇 건인지, 답변을 읽는 법",
    ),
    "help.casualties": T(
        "killed, wounded, casualties, captured and missing figures by force and metric: first the"
        " latest, the range over all claims, revisions and disagreements, then each figure"
        " newest first, linked to its article; `chart:true` adds a chart",
        "цифри загиблих, поранених, втрат, полонених і зниклих безвісти за сторонами й"
        " показниками: спершу останнє, діапазон усіх тверджень, перегляди й розбіжності, далі"
        " кожна цифра, від найновішої, з посиланням на статтю; `графік:true` додає графік",
        "사망·부상·사상자·포로·실종 수치를 대상과 유형별로: 먼저 최신 수치,"
        " 모든 주장의 범위, 수정과 불일치를 보이고, 이어서 각 수치를 최신순으로"
        " 기사 링크와 함께 보여 줍니다. `차트:true`를 주면 차트가 붙습니다",
    ),
    "help.deployments": T(
        "troop figures by force: the latest, additional deployments as +N beside it, then each"
        " figure newest first; `chart:true` adds a chart",
        "цифри військ за сторонами: останнє, поруч додаткове розгортання як +N, далі кожна цифра,"
        " від найновішої; `графік:true` додає графік",
        "대상별 병력 수치: 최신 수치와 그 옆에 추가 파병(+N), 이어서 각 수치를 최신순으로 보여"
        " 줍니다. `차트:true`를 주면 차트가 붙습니다",
    ),
    "help.timeline": T(
        "dated events in order as headlines (who did what), one per event however many"
        " documents report it, paginated; `since`/`until` take `2024`, `2024-06`, `June 2024`;"
        " `quotes:true` shows each headline's sentence; `chart:true` adds the events on a time"
        " axis",
        "датовані події по порядку як заголовки (хто що зробив), одна подія, скільки б"
        " документів про неї не повідомляли, посторінково; `від`/`до` приймають `2024`,"
        " `2024-06`, `червень 2024`; `цитати:true` показує речення кожного заголовка;"
        " `графік:true` додає події на осі часу",
        "날짜가 있는 사건을 제목(누가 무엇을 했는지)으로 순서대로 보여 줍니다. 여러 문서가 같은"
        " 사건을 보도해도 하나로 묶고, 페이지별로 나눕니다. `시작`/`끝`에는 `2024`, `2024-06`,"
        " `2024년 6월`을 씁니다. `인용문:true`는 각 제목의 원문 문장을, `차트:true`는 시간 축"
        " 그림을 붙입니다",
    ),
    "help.sources": T(
        "who claims what; with a source, all of its figures",
        "хто що стверджує; із джерелом: усі його цифри",
        "누가 무엇을 주장하는지. 출처를 주면 그 출처의 모든 수치",
    ),
    "help.search": T(
        "figures and events by any words or a question (\"how many north korean troops"
        " died\": North Korea, killed), newest first; a number in any form (500,000, 500k,"
        " half a million), a source by its short name (NIS, Pentagon, Zelensky)",
        "цифри й події за будь-якими словами чи питанням («скільки північнокорейських"
        " військових загинули»: Північна Корея, загиблі), спершу найновіші; число в будь-якій"
        " формі (500 000, 500k, half a million), джерело за коротким ім'ям (NIS, Pentagon,"
        " Zelensky)",
        "아무 말이나 질문으로 수치와 사건을 최신순으로 찾습니다(\"북한군 사망자 몇 명\": 북한,"
        " 사망). 숫자는 어떤 형태로 써도 되고(500,000, 500k, half a million), 출처는 짧은"
        " 이름으로도 찾습니다(NIS, Pentagon, Zelensky)",
    ),
    "help.figure": T(
        "one figure in full: quote, document, date, status (`figure` is the id every answer"
        " shows)",
        "одна цифра повністю: цитата, документ, дата, статус (`цифра`: ідентифікатор, який"
        " показує кожна відповідь)",
        "수치 하나의 전체 내용: 인용문, 문서, 날짜, 상태 (`수치`는 모든 답변에 표시되는 ID)",
    ),
    "help.help": T(
        "what each command answers, its options with examples, and how to read qualifiers and"
        " dates",
        "що відповідає кожна команда, її параметри з прикладами, як читати уточнення й дати",
        "각 명령어가 답하는 내용, 옵션과 예시, 수식어와 날짜를 읽는 법",
    ),
    "help.admin": T(
        "for moderators: this server's documents and news feeds, corrections, audit log,"
        " export, moderator role and alerts (`/help command:admin`)",
        "для модераторів: документи й новинні стрічки, виправлення, журнал дій, експорт, роль"
        " модераторів і сповіщення цього сервера (`/довідка команда:адмін`)",
        "모더레이터용: 이 서버의 문서와 뉴스 피드, 수정, 감사 기록, 내보내기, 모더레이터 역할,"
        " 알림 (`/도움말 명령어:관리`)",
    ),
    "help.admin.ingest": T(
        "add a document for this server, a `.txt`, `.md`, `.html` or `.pdf` attachment or an"
        " article's address (one of the two): a preview of its figures and events and of where"
        " it will be stored, then Confirm or Cancel; an upload never replaces another (a second"
        " `message.txt` is stored beside the first), and a text the server already has is not"
        " stored twice",
        "додати документ для цього сервера: вкладення `.txt`, `.md`, `.html` чи `.pdf` або"
        " адресу статті (щось одне): спершу попередній перегляд його цифр, подій і того, де"
        " його буде збережено, потім «Підтвердити» або «Скасувати»; завантаження ніколи не"
        " замінює інше (другий `message.txt` зберігається поруч із першим), а текст, який"
        " сервер уже має, не зберігається двічі",
        "이 서버에 문서를 추가합니다: `.txt`, `.md`, `.html`, `.pdf` 첨부 파일 또는 기사 주소"
        "(둘 중 하나). 수치와 사건, 저장될 위치를 미리 보여 준 뒤 확인 또는 취소를 누릅니다."
        " 업로드는 다른 문서를 덮어쓰지 않고(두 번째 `message.txt`는 첫 번째 옆에 저장됨), 서버에"
        " 이미 있는 텍스트는 두 번 저장하지 않습니다",
    ),
    "help.admin.paste": T(
        "a form (title, publisher, address, date, and the text: at most 4,000 characters,"
        " Discord's limit) that leads to the same preview",
        "форма (назва, видання, адреса, дата і текст: щонайбільше 4 000 символів, межа"
        " Discord), що веде до того самого попереднього перегляду",
        "양식(제목, 발행처, 주소, 날짜, 본문: Discord 한도인 4,000자까지)을 채우면 같은 미리"
        " 보기로 이어집니다",
    ),
    "help.admin.feeds": T(
        "the news feeds this server follows",
        "новинні стрічки, за якими стежить цей сервер",
        "이 서버가 구독하는 뉴스 피드",
    ),
    "help.admin.feeds.add": T(
        "follow an RSS or Atom feed (or the feed a page announces; it is fetched once to check"
        " it); its new articles come in",
        "стежити за стрічкою RSS або Atom (чи стрічкою, яку оголошує сторінка; її один раз"
        " завантажують для перевірки); її нові статті надходитимуть",
        "RSS 또는 Atom 피드(또는 페이지가 알리는 피드, 확인을 위해 한 번 가져옴)를 구독합니다."
        " 새 기사가 들어옵니다",
    ),
    "help.admin.feeds.remove": T(
        "stop following a feed; its articles already in the queue stay",
        "перестати стежити за стрічкою; її статті, що вже в черзі, лишаються",
        "피드 구독을 멈춥니다. 이미 대기열에 있는 기사는 남습니다",
    ),
    "help.admin.feeds.list": T(
        "the feeds with their last and next poll, last error and what became of their entries",
        "стрічки з останньою і наступною перевіркою, останньою помилкою і тим, що сталося з"
        " їхніми записами",
        "피드별 마지막·다음 확인 시각, 마지막 오류, 항목이 어떻게 처리되었는지",
    ),
    "help.admin.feeds.autostore": T(
        "store new feed articles at once (with an alert), or let them wait in the review queue"
        " (the default)",
        "зберігати нові статті зі стрічок одразу (зі сповіщенням) або лишати їх чекати в черзі"
        " на перевірку (типово)",
        "피드의 새 기사를 바로 저장(알림과 함께)하거나, 검토 대기열에서 기다리게 합니다(기본)",
    ),
    "help.admin.queue": T(
        "review the articles fetched from feeds one at a time, with the preview of an upload:"
        " Confirm stores it, Skip drops it from the queue, Stop leaves the rest for later",
        "переглянути статті зі стрічок по одній, з попереднім переглядом, як для"
        " завантаження: «Підтвердити» зберігає, «Пропустити» прибирає з черги, «Зупинити»"
        " лишає решту на потім",
        "피드에서 가져온 기사를 하나씩 업로드와 같은 미리 보기로 검토합니다: 확인은 저장,"
        " 건너뛰기는 대기열에서 제거, 중지는 나머지를 나중으로 미룹니다",
    ),
    "help.admin.hide": T(
        "hide a figure, for this server only",
        "приховати цифру лише на цьому сервері",
        "이 서버에서만 수치를 숨깁니다",
    ),
    "help.admin.unhide": T(
        "show a hidden figure again, for this server only",
        "знову показати приховану цифру на цьому сервері",
        "숨긴 수치를 이 서버에 다시 보여 줍니다",
    ),
    "help.admin.verify": T(
        "mark a figure as checked against its source, for this server only",
        "позначити цифру як звірену з джерелом (лише на цьому сервері)",
        "수치를 출처와 대조해 검증됨으로 표시합니다(이 서버에서만)",
    ),
    "help.admin.correct": T(
        "correct metric, low, high, qualifier, subject, source, date or period (a rate's: per"
        " day, in the last 60 days); the original stays visible to moderators in `/figure`",
        "виправити показник, нижню чи верхню межу, уточнення, сторону, джерело, дату або"
        " період (для темпу: per day, in the last 60 days); модератори й далі бачать оригінал"
        " у `/цифра`",
        "유형, 하한, 상한, 수식어, 대상, 출처, 날짜, 기간(비율의 기간: per day, in the last 60"
        " days)을 수정합니다. 원래 값은 모더레이터에게 `/수치`에서 계속 보입니다",
    ),
    "help.admin.documents": T(
        "this server's documents (operators: the shared ones too)",
        "документи цього сервера (операторам бота: і спільні)",
        "이 서버의 문서 (봇 운영자는 공용 문서도)",
    ),
    "help.admin.remove": T(
        "remove something from this server",
        "видалити щось із цього сервера",
        "이 서버에서 항목을 삭제합니다",
    ),
    "help.admin.remove.document": T(
        "remove one of this server's documents with its figures and events (operators: a"
        " shared one too)",
        "видалити документ цього сервера разом із його цифрами й подіями (операторам бота:"
        " і спільний)",
        "이 서버의 문서를 수치·사건과 함께 삭제합니다 (봇 운영자는 공용 문서도)",
    ),
    "help.admin.audit": T(
        "who did what, when, before and after, and why; decisions that lost their figure when"
        " a seed sentence changed are listed first",
        "хто що зробив, коли, що було до і після, і чому; рішення, що втратили свою цифру після"
        " зміни речення в базовому документі, показано першими",
        "누가 언제 무엇을 했는지, 전후 값과 사유. 기본 문서의 문장이 바뀌어 수치를 잃은 결정이"
        " 먼저 나옵니다",
    ),
    "help.admin.export": T(
        "what this server sees, as a JSON or CSV attachment (zipped when over Discord's"
        " attachment limit; when even that is too large, the reply gives the"
        " `python -m bot export --guild` command)",
        "усе, що бачить цей сервер, вкладенням JSON або CSV (стиснутим у zip, якщо більше за"
        " ліміт Discord; якщо й так завелике, відповідь дає команду"
        " `python -m bot export --guild`)",
        "이 서버에 보이는 내용을 JSON 또는 CSV 첨부 파일로 받습니다(Discord 첨부 한도를 넘으면"
        " zip으로 압축, 그래도 크면 `python -m bot export --guild` 명령을 알려 줌)",
    ),
    "help.admin.modrole": T(
        "set or clear the moderator role (never @everyone)",
        "задати або скинути роль модераторів (ніколи не @everyone)",
        "모더레이터 역할을 지정하거나 해제합니다(@everyone은 불가)",
    ),
    "help.admin.reload": T(
        "operators: re-read `seeds/`; every server's decisions survive",
        "операторам бота: перечитати `seeds/`; рішення всіх серверів зберігаються",
        "봇 운영자용: `seeds/`를 다시 읽습니다. 모든 서버의 결정은 유지됩니다",
    ),
    "help.admin.alerts": T(
        "choose the channel where new figures are posted when documents are added; alone, it"
        " shows the setting and the last delivery problem",
        "вибрати канал, куди публікуються нові цифри, коли додано документи; без параметрів"
        " показує налаштування й останню проблему з доставкою",
        "문서가 추가될 때 새 수치를 게시할 채널을 고릅니다. 옵션 없이 쓰면 현재 설정과 마지막"
        " 전송 문제를 보여 줍니다",
    ),
    # -- the help pages --------------------------------------------------------------------
    "help.title": T("Help", "Довідка", "도움말"),
    "help.intro": T(
        "I answer with every figure the news documents give about the story I follow, each with"
        " who claims it, when, and the sentence it came from.",
        "Я відповідаю всіма цифрами, які наводять новинні документи про історію, за якою"
        " стежу: хто стверджує, коли і в якому реченні.",
        "제가 따라가는 이야기에 대해 뉴스 문서가 제시하는 모든 수치를, 누가 언제 주장했는지와"
        " 출처 문장과 함께 답합니다.",
    ),
    "help.commands": T("Commands", "Команди", "명령어"),
    "help.moderation": T("For moderators", "Для модераторів", "모더레이터용"),
    "help.options": T("Options", "Параметри", "옵션"),
    "help.no_options": T("No options.", "Без параметрів.", "옵션이 없습니다."),
    "help.examples": T("Examples", "Приклади", "예시"),
    "help.required": T("required", "обов'язковий", "필수"),
    "help.optional": T("optional", "необов'язковий", "선택"),
    "help.footer": T(
        "/help command:<name> shows a command's options and examples",
        "/довідка команда:<назва> показує параметри й приклади команди",
        "/도움말 명령어:<이름> 으로 명령어의 옵션과 예시를 봅니다",
    ),
    "help.reading": T("Reading the answers", "Як читати відповіді", "답변 읽는 법"),
    # -- how to read qualifiers and dates (also in /about) ---------------------------------
    "help.qualifiers.title": T("Reading qualifiers", "Уточнення", "수식어 읽는 법"),
    "help.qualifiers": T(
        "A figure keeps the source's wording: *at least*, *up to*, *about* and ranges like"
        " *10,000–12,000* mean what they say. Vague amounts become ranges: *dozens* 24–99,"
        " *hundreds* 200–999, *thousands* 2,000–9,999. *More* marks a number that adds to an"
        " earlier one (*1,000–3,000 more*, shown as *+1,000–3,000* beside the total). ↗ or ↘"
        " marks a revision between claims about different times; ⚠ claims about the same time"
        " from different sources that disagree.",
        "Цифра зберігає формулювання джерела: *щонайменше*, *до*, *близько* і діапазони на"
        " кшталт *10 000–12 000* означають саме це. Розмиті кількості стають діапазонами:"
        " *десятки* 24–99, *сотні* 200–999, *тисячі* 2 000–9 999. *Ще* позначає число, яке"
        " додається до попереднього (*ще 1 000–3 000*, поруч із загальною як *+1 000–3 000*)."
        " ↗ або ↘ позначає перегляд між твердженнями про різний час; ⚠ — твердження різних"
        " джерел про той самий час, що розходяться.",
        "수치는 출처의 표현을 그대로 따릅니다. *최소*, *최대*, *약*과 *10,000–12,000* 같은 범위는"
        " 말 그대로의 뜻입니다. 막연한 양은 범위가 됩니다: *수십* 24–99, *수백* 200–999,"
        " *수천* 2,000–9,999. *추가*는 앞선 수치에 더해지는 수를 뜻합니다(*추가 1,000–3,000*)."
        " 총수 옆에는 *+1,000–3,000*으로 나옵니다. ↗ 또는 ↘는 서로 다른 시점에 관한"
        " 주장 사이의 수정을, ⚠는 같은 시점에 관해 출처끼리 다른 주장을 뜻합니다.",
    ),
    "help.dates.title": T("Reading dates", "Дати", "날짜 읽는 법"),
    "help.dates": T(
        "A date is shown as precisely as the text gives it: a day (*30 Oct 2024*), a month"
        " (*Jan 2025*), a year (*2023*) or a span (*Jan–Feb 2025*). It is the date the figure"
        " refers to, else the document's publication date. A date marked * was worked out"
        " rather than stated: a month read against a publication date the document does not"
        " give, which had to be inferred from its text. *undated*: the document gives no date"
        " for it.",
        "Дату показано так точно, як її дає текст: день (*30 жовт. 2024*), місяць"
        " (*січ. 2025*), рік (*2023*) або проміжок (*січ.–лют. 2025*). Це дата, до якої"
        " належить цифра, інакше дата публікації документа. Дату з позначкою * виведено, а не"
        " прочитано: місяць віднесено до дати публікації, якої документ не вказує і яку"
        " довелося вивести з тексту. *без дати*: документ не дає для неї дати.",
        "날짜는 본문이 주는 만큼 정확하게 보여 줍니다: 일(*2024년 10월 30일*), 월(*2025년 1월*),"
        " 연도(*2023년*), 기간(*2025년 1월–2월*). 수치가 가리키는 날짜이고, 없으면 문서의 발행일"
        "입니다. *가 붙은 날짜는 적혀 있지 않아 추정한 것입니다: 문서에 없는 발행일을 본문에서"
        " 추정하고, 그 날짜에 맞춰 월을 읽었습니다. *날짜 없음*은 문서에 날짜가 없다는 뜻입니다.",
    ),
    # -- /about ----------------------------------------------------------------------------
    "about.title": T("About this bot", "Про цього бота", "이 봇에 대하여"),
    "about.what": T(
        "I answer questions about the news story I follow ({subjects}) with the figures that"
        " news documents give. Every number comes with **who claims it, when, and the sentence"
        " it came from**; when sources disagree, their figures are shown side by side.",
        "Я відповідаю на запитання про новинну історію, за якою стежу ({subjects}), цифрами з"
        " новинних документів. Кожне число подано разом із тим, **хто його наводить, коли і в"
        " якому реченні**; коли джерела розходяться, їхні цифри стоять поруч.",
        "제가 따라가는 뉴스({subjects})에 관한 질문에 뉴스 문서 속 수치로 답합니다. 모든 숫자에는"
        " **누가, 언제 주장했는지와 출처 문장**이 함께 나옵니다. 출처끼리 다르면 수치를 나란히"
        " 보여 줍니다.",
    ),
    "about.extraction.title": T(
        "How figures are extracted", "Як добуваються цифри", "수치를 뽑아내는 방법"
    ),
    "about.extraction": T(
        "Figures are read from the documents by the bot itself; nobody types one in. Each"
        " sentence is checked for counts of people (deployed, killed, wounded, casualties,"
        " captured, missing), whose people they are, and who says so. Years, money, distances,"
        " percentages and unnumbered claims are left out. Moderators can hide, correct or"
        " verify a figure for this server only.",
        "Цифри з документів читає сам бот; ніхто не вводить їх уручну. У кожному реченні"
        " шукаються кількості людей (розгорнуті, загиблі, поранені, втрати, полонені, зниклі"
        " безвісти), чиї це люди і хто це стверджує. Роки, гроші, відстані, відсотки й"
        " твердження без чисел пропускаються. Модератори можуть приховати, виправити або"
        " підтвердити цифру лише для цього сервера.",
        "수치는 봇이 직접 문서에서 읽어 냅니다. 누구도 손으로 입력하지 않습니다. 문장마다 사람 수"
        "(파병, 사망, 부상, 사상자, 포로, 실종)와 누구의 병력인지, 누가 말했는지를 찾습니다."
        " 연도, 금액, 거리, 백분율, 숫자 없는 주장은 제외합니다. 모더레이터는 이 서버에서만"
        " 수치를 숨기거나 수정하거나 검증할 수 있습니다.",
    ),
    "about.fact_base": T("Fact base", "База фактів", "팩트 베이스"),
    "about.last_updated": T("Last updated", "Останнє оновлення", "마지막 업데이트"),
    "about.never": T("never", "ніколи", "없음"),
    "about.commands": T("Commands: {names}", "Команди: {names}", "명령어: {names}"),
}
