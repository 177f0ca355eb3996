"""Command names, descriptions, option names and choices in Ukrainian and Korean, keyed by the
English text discord.py registers (a ``locale_str``'s message), as Discord shows them in each
client. Names follow Discord's rule (letters, digits, ``-_'``, lower case, 1-32); descriptions
1-100 characters. The glossary (glossary.py) fixes the terms used here.

When a command, option or description is added or its English changes, add it here: a test
lists every string the command tree has without a translation.
"""

from __future__ import annotations

#: (Ukrainian, Korean)
Pair = tuple[str, str]

#: Commands, subcommands and subcommand groups.
COMMAND_NAMES: dict[str, Pair] = {
    "about": ("про-бота", "정보"),
    "add": ("додати", "추가"),
    "admin": ("адмін", "관리"),
    "alerts": ("сповіщення", "알림"),
    "audit": ("журнал", "감사기록"),
    "autostore": ("автозбереження", "자동저장"),
    "casualties": ("втрати", "사상자"),
    "correct": ("виправити", "수정"),
    "deployments": ("розгортання", "파병"),
    "document": ("документ", "문서"),
    "documents": ("документи", "문서목록"),
    "export": ("експорт", "내보내기"),
    "feeds": ("стрічки", "피드"),
    "figure": ("цифра", "수치"),
    "help": ("довідка", "도움말"),
    "hide": ("приховати", "숨기기"),
    "ingest": ("додати", "추가"),
    "list": ("список", "목록"),
    "modrole": ("роль-модераторів", "관리역할"),
    "paste": ("вставити", "붙여넣기"),
    "queue": ("черга", "검토대기"),
    "reload": ("перечитати", "다시읽기"),
    "remove": ("видалити", "삭제"),
    "search": ("пошук", "검색"),
    "sources": ("джерела", "출처"),
    "timeline": ("хронологія", "타임라인"),
    "unhide": ("показати", "숨김해제"),
    "verify": ("підтвердити", "검증"),
}

OPTION_NAMES: dict[str, Pair] = {
    "about": ("про", "주제"),
    "channel": ("канал", "채널"),
    "chart": ("графік", "차트"),
    "command": ("команда", "명령어"),
    "document": ("документ", "문서"),
    "enabled": ("увімкнено", "켜기"),
    "feed": ("стрічка", "피드"),
    "field": ("поле", "항목"),
    "figure": ("цифра", "수치"),
    "file": ("файл", "파일"),
    "format": ("формат", "형식"),
    "limit": ("кількість", "개수"),
    "metric": ("показник", "유형"),
    "quotes": ("цитати", "인용문"),
    "published": ("дата-публікації", "발행일"),
    "publisher": ("видання", "발행처"),
    "query": ("запит", "검색어"),
    "reason": ("причина", "사유"),
    "role": ("роль", "역할"),
    "since": ("від", "시작"),
    "source": ("джерело", "출처"),
    "subject": ("сторона", "대상"),
    "title": ("назва", "제목"),
    "until": ("до", "끝"),
    "url": ("посилання", "주소"),
    "value": ("значення", "값"),
}

DESCRIPTIONS: dict[str, Pair] = {
    "Add a document for this server: a file or an article's address": (
        "Додати документ для цього сервера: файл або адресу статті",
        "이 서버에 문서 추가: 파일 또는 기사 주소",
    ),
    "Add a document for this server: paste its text": (
        "Додати документ для цього сервера: вставити його текст",
        "이 서버에 문서 추가: 본문 붙여넣기",
    ),
    "News feeds this server follows": (
        "Новинні стрічки, за якими стежить цей сервер",
        "이 서버가 구독하는 뉴스 피드",
    ),
    "Follow an RSS or Atom feed; its new articles come in": (
        "Стежити за стрічкою RSS або Atom: її нові статті надходитимуть",
        "RSS 또는 Atom 피드 구독: 새 기사가 들어옵니다",
    ),
    "The feed's address, or a page that announces one": (
        "Адреса стрічки або сторінки, яка її оголошує",
        "피드 주소 또는 피드를 알리는 페이지 주소",
    ),
    "Stop following a feed (its queued articles stay)": (
        "Перестати стежити за стрічкою (статті в черзі лишаються)",
        "피드 구독 중지 (대기 중인 기사는 남음)",
    ),
    "The feed (type words of its title or address)": (
        "Стрічка (введіть слова з її назви чи адреси)",
        "피드 (제목이나 주소의 단어 입력)",
    ),
    "The feeds this server follows and how they fare": (
        "Стрічки цього сервера і як вони працюють",
        "이 서버가 구독하는 피드와 그 상태",
    ),
    "Store new feed articles at once, or queue them": (
        "Зберігати нові статті зі стрічок одразу чи ставити в чергу",
        "피드의 새 기사를 바로 저장할지, 대기열에 둘지",
    ),
    "Yes: store each new article at once. No: it waits for review in /admin queue": (
        "Так: зберігати кожну нову статтю одразу. Ні: вона чекає перевірки в /адмін черга",
        "예: 새 기사를 바로 저장. 아니요: /관리 검토대기에서 검토를 기다림",
    ),
    "The document: .txt, .md, .html or .pdf": (
        "Документ: .txt, .md, .html або .pdf",
        "문서: .txt, .md, .html 또는 .pdf",
    ),
    "Or an article's address (http or https): a web page, a PDF or a text": (
        "Або адреса статті (http чи https): вебсторінка, PDF чи текст",
        "또는 기사 주소(http 또는 https): 웹 페이지, PDF, 텍스트",
    ),
    "Its title (overrides the file's or page's own)": (
        "Назва (замість указаної у файлі чи на сторінці)",
        "제목 (파일이나 페이지의 제목 대신 사용)",
    ),
    "Review the articles fetched from feeds": (
        "Переглянути статті, отримані зі стрічок",
        "피드에서 가져온 기사 검토",
    ),
    "Also attach a chart of every source's estimates": (
        "Також додати графік оцінок усіх джерел",
        "모든 출처의 추정치를 차트로 함께 첨부",
    ),
    "Also attach a timeline strip of the events": (
        "Також додати стрічку подій на осі часу",
        "사건을 시간 축에 그린 그림도 함께 첨부",
    ),
    "Also show the sentence each headline was read from": (
        "Також показати речення, з якого взято кожен заголовок",
        "각 제목의 원문 문장도 함께 보기",
    ),
    "Correct one field of a figure here": (
        "Виправити одне поле цифри на цьому сервері",
        "이 서버에서 수치의 항목 하나를 수정",
    ),
    "Dated events in order, with their sources": (
        "Датовані події по порядку, з джерелами",
        "날짜가 있는 사건을 순서대로, 출처와 함께",
    ),
    "From this date on: 2024, 2024-06, June 2024, Jun 2024 or 2024-06-15": (
        "Починаючи з дати: 2024, 2024-06, червень 2024 або 2024-06-15",
        "이 날짜부터: 2024, 2024-06, 2024년 6월 또는 2024-06-15",
    ),
    "Up to this date: 2024, 2024-06, June 2024, Jun 2024 or 2024-06-15": (
        "До дати включно: 2024, 2024-06, червень 2024 або 2024-06-15",
        "이 날짜까지: 2024, 2024-06, 2024년 6월 또는 2024-06-15",
    ),
    "Hide a figure in this server": (
        "Приховати цифру на цьому сервері",
        "이 서버에서 수치 숨기기",
    ),
    "How many entries (default 50)": (
        "Скільки записів (типово 50)",
        "표시할 기록 수 (기본 50)",
    ),
    "Its publication date, YYYY-MM-DD": (
        "Дата публікації у форматі YYYY-MM-DD",
        "발행일 (YYYY-MM-DD 형식)",
    ),
    "Killed, wounded, captured and missing figures, with sources": (
        "Цифри загиблих, поранених, полонених і зниклих безвісти, з джерелами",
        "사망·부상·포로·실종 수치와 출처",
    ),
    "List every figure this source gives, e.g. NIS": (
        "Усі цифри, які наводить це джерело, напр. NIS",
        "이 출처가 제시한 모든 수치 (예: NIS)",
    ),
    "Mark a figure as checked against its source": (
        "Позначити цифру як звірену з джерелом",
        "수치를 출처와 대조해 검증됨으로 표시",
    ),
    "Members with this role may use /admin (leave out to clear)": (
        "Учасники з цією роллю можуть користуватися /адмін (без ролі: скинути)",
        "이 역할의 멤버가 /관리 명령을 쓸 수 있음 (비우면 해제)",
    ),
    "Moderators: this server's documents, corrections and audit log": (
        "Для модераторів: документи, виправлення і журнал дій цього сервера",
        "모더레이터용: 이 서버의 문서, 수정, 감사 기록",
    ),
    "One figure in full: its sentence, source, date": (
        "Одна цифра повністю: речення, джерело, дата",
        "수치 하나의 전체 내용: 문장, 출처, 날짜",
    ),
    "Only events about this, e.g. Kursk or treaty": (
        "Лише події про це (слова з документів), напр. Kursk або treaty",
        "이 주제의 사건만 (문서 속 영어 단어, 예: Kursk, treaty)",
    ),
    "Owners: re-read seeds/ (overlays survive)": (
        "Для власників бота: перечитати seeds/ (рішення модераторів лишаються)",
        "봇 소유자용: seeds/ 다시 읽기 (모더레이터 결정은 유지)",
    ),
    "Post alerts in this channel (leave out to see the current setting)": (
        "Публікувати сповіщення в цьому каналі (без каналу: показати налаштування)",
        "이 채널에 알림 게시 (비우면 현재 설정 표시)",
    ),
    "Remove one of this server's documents": (
        "Видалити один із документів цього сервера",
        "이 서버의 문서 하나 삭제",
    ),
    "Remove something from this server": (
        "Видалити щось із цього сервера",
        "이 서버에서 항목 삭제",
    ),
    "Search figures and events by any words or a question": (
        "Пошук цифр і подій за будь-якими словами чи питанням",
        "아무 단어나 질문으로 수치와 사건 검색",
    ),
    "Set or clear this server's moderator role": (
        "Задати або скинути роль модераторів цього сервера",
        "이 서버의 모더레이터 역할 지정 또는 해제",
    ),
    "Show a hidden figure again in this server": (
        "Знову показати приховану цифру на цьому сервері",
        "숨긴 수치를 이 서버에 다시 표시",
    ),
    "The document's id (see /admin documents)": (
        "Ідентифікатор документа (див. /адмін документи)",
        "문서 ID (/관리 문서목록 참고)",
    ),
    "The figure's id (type a value or words of its sentence to find it)": (
        "Ідентифікатор цифри (щоб знайти, введіть число або слова з речення)",
        "수치 ID (찾으려면 값이나 문장 속 단어 입력)",
    ),
    "The figure's id, as shown after /figure in other answers": (
        "Ідентифікатор цифри, як в інших відповідях після /цифра",
        "다른 답변에서 /수치 뒤에 표시된 수치 ID",
    ),
    "The right value (a point value's low or high moves both; source, date: none)": (
        "Правильне значення (межа точного числа змінює обидві; джерело, дата: none)",
        "올바른 값 (단일 값은 하한·상한이 함께 바뀜; 출처·날짜 없음: none)",
    ),
    "This server's own documents": (
        "Власні документи цього сервера",
        "이 서버 자체의 문서",
    ),
    "Troop deployment figures, original and additional": (
        "Цифри розгортання військ, первинного і додаткового",
        "병력 파병 수치, 최초 파병과 추가 파병",
    ),
    "What it was checked against": (
        "З чим звірено",
        "무엇과 대조했는지",
    ),
    "What this bot is and how to read its answers": (
        "Що це за бот і як читати його відповіді",
        "이 봇이 무엇이고 답변을 어떻게 읽는지",
    ),
    "What this server sees, as a file": (
        "Усе, що бачить цей сервер, одним файлом",
        "이 서버에 보이는 내용을 파일로",
    ),
    "Where new figures are posted when documents are added": (
        "Куди публікувати нові цифри, коли додано документи",
        "문서가 추가될 때 새 수치를 게시할 곳",
    ),
    "Whether alerts are posted (default: yes)": (
        "Чи публікувати сповіщення (типово так)",
        "알림 게시 여부 (기본: 예)",
    ),
    "Which field to correct": (
        "Яке поле виправити",
        "수정할 항목",
    ),
    "Who changed what in this server, newest first": (
        "Хто що змінив на цьому сервері, спершу найновіше",
        "이 서버에서 누가 무엇을 바꿨는지, 최신순",
    ),
    "Who claims the figure, e.g. NIS or JoongAng Ilbo": (
        "Хто наводить цифру, напр. NIS або JoongAng Ilbo",
        "수치를 주장한 쪽 (예: NIS, JoongAng Ilbo)",
    ),
    "Who claims the figure, e.g. NIS or Zelenskyy": (
        "Хто наводить цифру, напр. NIS або Zelenskyy",
        "수치를 주장한 쪽 (예: NIS, Zelenskyy)",
    ),
    "Who claims which figures, and the documents": (
        "Хто які цифри наводить, і документи",
        "누가 어떤 수치를 주장하는지와 문서 목록",
    ),
    "Who published it": (
        "Хто опублікував",
        "발행한 곳",
    ),
    "Whose losses, e.g. North Korea": (
        "Чиї втрати, напр. Північна Корея",
        "누구의 손실인지 (예: 북한)",
    ),
    "Whose troops, e.g. North Korea": (
        "Чиї війська, напр. Північна Корея",
        "누구의 병력인지 (예: 북한)",
    ),
    "Why": ("Чому", "사유"),
    "Why (kept in the audit log)": (
        "Чому (зберігається в журналі дій)",
        "사유 (감사 기록에 보관)",
    ),
    "Words or a question, e.g. how many north korean troops died, zelensky, Kursk": (
        "Слова чи питання, напр. скільки північнокорейських військових загинули, zelensky",
        "단어나 질문 (예: 북한군 사망자 몇 명, zelensky, Kursk)",
    ),
    "json (the export contract) or csv (one row per figure)": (
        "json (повний формат експорту) або csv (рядок на кожну цифру)",
        "json(내보내기 표준 형식) 또는 csv(수치당 한 줄)",
    ),
    "killed, wounded, casualties, captured or missing": (
        "загиблі, поранені, втрати, полонені або зниклі безвісти",
        "사망, 부상, 사상자, 포로 또는 실종",
    ),
    "What each command answers, its options with examples": (
        "Що відповідає кожна команда, її параметри з прикладами",
        "각 명령어가 답하는 내용, 옵션과 예시",
    ),
    "The command to explain (leave out for all of them)": (
        "Яку команду пояснити (без команди: усі)",
        "설명할 명령어 (비우면 전체)",
    ),
}

#: Fixed choices of options, keyed by the English choice name.
CHOICES: dict[str, Pair] = {
    "metric": ("показник", "유형"),
    "low": ("нижня межа", "하한"),
    "high": ("верхня межа", "상한"),
    "qualifier": ("уточнення", "수식어"),
    "subject": ("сторона", "대상"),
    "source": ("джерело", "출처"),
    "date": ("дата", "날짜"),
    "period": ("період", "기간"),
    "json": ("json", "json"),
    "csv": ("csv", "csv"),
    # /help command: the commands, named as the client names them
    **{
        name: COMMAND_NAMES[name]
        for name in (
            "about", "admin", "casualties", "deployments", "figure", "help", "search",
            "sources", "timeline",
        )
    },
}
