"""The glossary: the product's terms in each language, so every message uses the same word for
the same thing, and the words answers are built from (metric names, qualifiers, vague amounts,
months and date forms, statuses, the forces the story is about).

Terms (English / Ukrainian / Korean):
- figure (a claimed number of people) / цифра / 수치; event / подія / 사건;
  document / документ / 문서; source (who claims a figure) / джерело / 출처;
  subject (whose people) / сторона / 대상; metric (what is counted) / показник / 유형;
  moderator / модератор / 모더레이터; server / сервер / 서버; audit log / журнал дій / 감사 기록.
- qualifiers: at least / щонайменше / 최소; about / близько / 약; up to / до / 최대;
  more (an additional number) / ще / 추가.
- an inferred date / дата, виведена з тексту / 본문에서 추정한 날짜; as of / станом на / 기준.
"""

from __future__ import annotations

from bot.i18n.model import Plural, T

_UK_MONTHS = (
    "січ.", "лют.", "бер.", "квіт.", "трав.", "черв.",
    "лип.", "серп.", "вер.", "жовт.", "лист.", "груд.",
)
_EN_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

MESSAGES: dict[str, T] = {
    # -- terms -----------------------------------------------------------------------------
    "term.figure": T("figure", "цифра", "수치"),
    "term.event": T("event", "подія", "사건"),
    "term.document": T("document", "документ", "문서"),
    "term.source": T("source", "джерело", "출처"),
    "term.subject": T("subject", "сторона", "대상"),
    "term.metric": T("metric", "показник", "유형"),
    # -- counted nouns ---------------------------------------------------------------------
    "count.figure": T(
        Plural(one="{count} figure", other="{count} figures"),
        Plural(one="{count} цифра", few="{count} цифри", many="{count} цифр",
               other="{count} цифри"),
        Plural(other="수치 {count}개"),
    ),
    "count.event": T(
        Plural(one="{count} event", other="{count} events"),
        Plural(one="{count} подія", few="{count} події", many="{count} подій",
               other="{count} події"),
        Plural(other="사건 {count}건"),
    ),
    "count.document": T(
        Plural(one="{count} document", other="{count} documents"),
        Plural(one="{count} документ", few="{count} документи", many="{count} документів",
               other="{count} документа"),
        Plural(other="문서 {count}건"),
    ),
    "count.source": T(
        Plural(one="{count} source", other="{count} sources"),
        Plural(one="{count} джерело", few="{count} джерела", many="{count} джерел",
               other="{count} джерела"),
        Plural(other="출처 {count}곳"),
    ),
    "count.entry": T(
        Plural(one="{count} entry", other="{count} entries"),
        Plural(one="{count} запис", few="{count} записи", many="{count} записів",
               other="{count} запису"),
        Plural(other="기록 {count}건"),
    ),
    # -- metrics ---------------------------------------------------------------------------
    "metric.deployed": T("deployed", "розгорнуті", "파병"),
    "metric.killed": T("killed", "загиблі", "사망"),
    "metric.wounded": T("wounded", "поранені", "부상"),
    "metric.casualties": T(
        "casualties (killed or wounded)", "втрати (загиблі та поранені)", "사상자(사망·부상)"
    ),
    "metric.captured": T("captured", "полонені", "포로"),
    "metric.missing": T("missing", "зниклі безвісти", "실종"),
    "metric.troops_deployed": T("troops deployed", "розгорнуті війська", "파병 병력"),
    "metric.troops_additional": T(
        "additional troops sent", "додатково направлені війська", "추가 파병"
    ),
    # -- qualifiers and amounts ------------------------------------------------------------
    "qualifier.at_least": T("at least {amount}", "щонайменше {amount}", "최소 {amount}"),
    "qualifier.at_most": T("up to {amount}", "до {amount}", "최대 {amount}"),
    "qualifier.about": T("about {amount}", "близько {amount}", "약 {amount}"),
    "qualifier.name.exact": T("exact", "точно", "정확한 값"),
    "qualifier.name.at_least": T("at least", "щонайменше", "최소"),
    "qualifier.name.at_most": T("at most", "щонайбільше", "최대"),
    "qualifier.name.about": T("about", "приблизно", "약"),
    "qualifier.name.range": T("range", "діапазон", "범위"),
    "amount.additional": T("{amount} more", "ще {amount}", "추가 {amount}"),
    "amount.vague": T("{words} ({low}–{high})", "{words} ({low}–{high})", "{words}({low}–{high})"),
    "vague.dozens": T("dozens", "десятки", "수십"),
    "vague.hundreds": T("hundreds", "сотні", "수백"),
    "vague.thousands": T("thousands", "тисячі", "수천"),
    "vague.tens_of_thousands": T("tens of thousands", "десятки тисяч", "수만"),
    "vague.hundreds_of_thousands": T("hundreds of thousands", "сотні тисяч", "수십만"),
    # -- dates -----------------------------------------------------------------------------
    **{
        f"month.{number}": T(_EN_MONTHS[number - 1], _UK_MONTHS[number - 1], f"{number}월")
        for number in range(1, 13)
    },
    "date.day": T(
        "{day} {month} {year}", "{day} {month} {year}", "{year}년 {m}월 {day}일", extra=("m",)
    ),
    "date.month": T("{month} {year}", "{month} {year}", "{year}년 {m}월", extra=("m",)),
    "date.year": T("{year}", "{year}", "{year}년"),
    "date.years": T("{start}–{end}", "{start}–{end}", "{start}–{end}년"),
    "date.months_in_year": T(
        "{start}–{end} {year}", "{start}–{end} {year}", "{year}년 {m1}월–{m2}월",
        extra=("m1", "m2"),
    ),
    "date.days_in_month": T(
        "{start}–{end} {month} {year}", "{start}–{end} {month} {year}",
        "{year}년 {m}월 {start}일–{end}일", extra=("m",),
    ),
    "date.days_in_year": T(
        "{d1} {month1}–{d2} {month2} {year}", "{d1} {month1}–{d2} {month2} {year}",
        "{year}년 {m1}월 {d1}일–{m2}월 {d2}일", extra=("m1", "m2"),
    ),
    "date.span": T("{start}–{end}", "{start}–{end}", "{start}–{end}"),
    "date.undated": T("undated", "без дати", "날짜 없음"),
    "date.as_of": T("as of {date}", "станом на {date}", "{date} 기준"),
    "date.inferred_legend": T(
        "* date inferred from the text", "* дату виведено з тексту", "* 본문에서 추정한 날짜"
    ),
    # -- claimants and status --------------------------------------------------------------
    "source.unattributed": T("unattributed", "без джерела", "출처 미상"),
    "status.mark.verified": T("✓ verified", "✓ перевірено", "✓ 검증됨"),
    "status.mark.corrected": T(
        "corrected by this server's moderators",
        "виправлено модераторами цього сервера",
        "이 서버 모더레이터가 수정함",
    ),
    "status.mark.hidden": T("hidden", "приховано", "숨김"),
    "status.auto": T(
        "extracted automatically, not yet reviewed",
        "видобуто автоматично, ще не перевірено",
        "자동 추출됨, 아직 검토 전",
    ),
    "status.verified": T(
        "✓ verified by a moderator", "✓ перевірено модератором", "✓ 모더레이터가 검증함"
    ),
    "status.corrected": T(
        "corrected by this server's moderators",
        "виправлено модераторами цього сервера",
        "이 서버 모더레이터가 수정함",
    ),
    "status.hidden": T("hidden by a moderator", "приховано модератором", "모더레이터가 숨김"),
    # -- the forces of the story (shown in the reader's language; typed in any) -------------
    "subject.North Korea": T("North Korea", "Північна Корея", "북한"),
    "subject.South Korea": T("South Korea", "Південна Корея", "한국"),
    "subject.Russia": T("Russia", "Росія", "러시아"),
    "subject.Ukraine": T("Ukraine", "Україна", "우크라이나"),
}
