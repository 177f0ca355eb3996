"""Who claims a figure the document states itself: speaker labels and their turns, the voice
the title, standfirst or front matter gives the document, "we"/"our"; named claimants the rules
find ("citing X that", "allegations by X that", "X's claim that", "the assessment shared by X");
and the "as of" date every figure gets."""

from __future__ import annotations

from datetime import date

import pytest

from bot.facts.documents import parse_document
from bot.facts.extract import extract
from bot.facts.model import Extraction, Figure, Voice


def extraction(text: str, **front: str) -> Extraction:
    block = "".join(f"{key}: {value}\n" for key, value in front.items())
    raw = f"---\n{block}---\n{text}" if front else text
    return extract(parse_document(raw.encode(), "voice-test.txt"))


def claimants(text: str, **front: str) -> list[tuple[int, str | None, Voice | None]]:
    return [(f.low, f.source, f.voice) for f in extraction(text, **front).figures]


def only(text: str, **front: str) -> Figure:
    (figure,) = extraction(text, **front).figures
    return figure


STATEMENT = "Russia has lost more than 900,000 soldiers killed or wounded since 2022."


@pytest.mark.parametrize(
    ("front", "voice"),
    [
        ({"title": "Statement by Ambassador Lena Berg at the Security Council"},
         "Ambassador Lena Berg"),
        ({"title": "Remarks by the Minister for Foreign Affairs on the war"},
         "Minister for Foreign Affairs"),
        ({"title": "Written answer from the Secretary of State - troops in Russia"},
         "Secretary of State"),
        ({"title": "Russia's war goes on: Dutch statement to the OSCE"}, "Dutch"),
        ({"title": "Ministry update", "speaker": "Ambassador Ana Ruiz"}, "Ambassador Ana Ruiz"),
        ({"title": "A column", "author": "Paula Meyer", "publisher": "Daily Planet"},
         "Paula Meyer"),
        ({"title": "Weekly update", "publisher": "Ministry of Defence (via example.org)"},
         "Ministry of Defence"),
    ],
)  # fmt: skip
def test_a_bare_statement_is_the_documents_own_voice(front: dict[str, str], voice: str) -> None:
    assert claimants(STATEMENT, **front) == [(900_000, voice, Voice.DOCUMENT)]


def test_a_standfirst_names_who_speaks() -> None:
    text = (
        "Sweden's statement to the OSCE\n\nUK Military Adviser, Jon Reed, says the war has"
        f" failed.\n\nThank you, Mr Chair. {STATEMENT}"
    )
    assert claimants(text, publisher="Mission") == [
        (900_000, "UK Military Adviser Jon Reed", Voice.DOCUMENT)
    ]
    made = "The Defence Secretary made a statement to Parliament on the war.\n\n" + STATEMENT
    assert claimants(made, title="Oral statement on Ukraine") == [
        (900_000, "Defence Secretary", Voice.DOCUMENT)
    ]
    lede = "President Lee says 3,000 North Korean troops were killed.\n\n" + STATEMENT
    assert claimants(lede, publisher="Wire")[-1] == (900_000, "Wire", Voice.DOCUMENT)


def test_without_anyone_named_a_figure_has_no_claimant() -> None:
    assert claimants(STATEMENT) == [(900_000, None, None)]


def test_we_and_our_are_the_speakers_and_a_named_claimant_wins() -> None:
    text = (
        "We assess that 11,000 North Korean soldiers are in Russia. Our estimate is that 3,000"
        " of them have been killed or wounded. The UN estimates that 43,000 Ukrainian soldiers"
        " have been killed."
    )
    assert claimants(text, title="Statement by Ambassador Lena Berg") == [
        (11_000, "Ambassador Lena Berg", Voice.DOCUMENT),
        (3_000, "Ambassador Lena Berg", Voice.DOCUMENT),
        (43_000, "UN", Voice.CITED),
    ]


TRANSCRIPT = """MODERATOR: Welcome. Minister, over to you. MINISTER ANNA NOWAK: Thank you.
Roughly 11,500 North Korean troops are in Kursk.

DEPUTY SPOKESPERSON LEE JIN-HO
We estimate that 300 North Korean soldiers have been killed.

Q (Yonhap): Kyiv says 1,000 North Koreans have been wounded. Is that right?

Q: Some say 5,000 more will come.

DEPUTY SPOKESPERSON LEE: I will not speculate. About 100 North Korean soldiers are missing.
"""


def test_labels_glued_or_alone_hold_until_the_next_and_questions_are_nobodys() -> None:
    assert claimants(TRANSCRIPT, publisher="Ministry") == [
        (11_500, "Minister Anna Nowak", Voice.SPEAKER),
        (300, "Deputy Spokesperson Lee Jin-Ho", Voice.SPEAKER),
        (1_000, "Kyiv", Voice.CITED),
        (100, "Deputy Spokesperson Lee", Voice.SPEAKER),
    ]


@pytest.mark.parametrize(
    ("sentence", "claimant"),
    [
        ("The Ministry is aware of reports citing South Korea's Joint Chiefs of Staff that"
         " 3,000 more North Korean troops have been sent.", "JCS"),
        ("We heard again the allegations by the Russian Federation that Ukraine has lost more"
         " than 90,000 soldiers.", "Russian Federation"),
        ("Russia's claim that Ukraine has lost 38,000 soldiers in Kursk is baseless.", "Russia"),
        ("According to the assessment shared by the NIS, about 1,100 North Korean soldiers"
         " have been killed or wounded.", "NIS"),
        ("The General Staff in Kyiv said 1,200 Russian soldiers were killed.",
         "General Staff in Kyiv"),
        ("Ukraine's commissioner for missing persons has said that 50,000 Ukrainian soldiers"
         " are missing.", "Ukraine's commissioner for missing persons"),
        ("Ukraine's military intelligence chief said that 3,000 more North Korean troops"
         " arrived.", "Ukraine's military intelligence chief"),
        ("Independent reports suggest approximately 830,000 Russian casualties.",
         "Independent reports"),
        ("Conservative estimates now assess Russia's casualty figures at over 300,000 killed"
         " and wounded.", "Conservative estimates"),
        ("The official, who said the assessment had been shared with allies, added that 1,000"
         " North Korean soldiers were killed.", "official"),
    ],
)  # fmt: skip
def test_named_claimants(sentence: str, claimant: str) -> None:
    figure = only(sentence, publisher="Some Publisher")
    assert (figure.source, figure.voice) == (claimant, Voice.CITED)


def test_a_claimant_after_a_clause_break_claims_what_follows_not_what_precedes() -> None:
    text = (
        "Russia has been reinforced by thousands of North Korean troops since the autumn, and"
        " Ukrainian military intelligence said last week that 5,000 more are on their way."
    )
    first = extraction(
        text, title="Statement by Ambassador Lena Berg", published="2025-02-05"
    ).figures[0]
    assert (first.low, first.source) == (2_000, "Ambassador Lena Berg")
    assert first.date is not None and first.date.from_publication


def test_the_same_assessment_and_the_ministry_refer_back() -> None:
    text = (
        "According to the assessment shared by the NIS, 1,100 North Korean soldiers were killed"
        " or wounded. The same assessment puts the North Korean dead at around 300. At least"
        " 20 North Korean soldiers are missing, according to the ministry."
    )
    assert [c[1] for c in claimants(text, publisher="Ministry of Defence of Ukraine")] == [
        "NIS", "NIS", "Ministry of Defence of Ukraine"
    ]


def test_a_question_to_parliament_and_a_forecast_state_no_figure() -> None:
    text = (
        "To ask His Majesty's Government what assessment they have made of reports that 3,000"
        " North Korean troops were sent. At the current rate, Russia will have suffered over 1"
        " million casualties by June. Their losses could reach 10,000 by the spring. North"
        " Korean losses are likely to number around 3,000 so far."
    )
    assert [f.low for f in extraction(text).figures] == [3_000]


# -- "as of" dates -------------------------------------------------------------------------


def test_every_figure_is_dated_as_of_the_publication_when_nothing_else_dates_it() -> None:
    figure = only(STATEMENT, published="2024-10-30")
    assert figure.date is not None and figure.date.from_publication
    assert (figure.date.start, figure.date.end, figure.date.inferred) == (
        date(2024, 10, 30), date(2024, 10, 30), False
    )


@pytest.mark.parametrize(
    ("published", "start", "end", "inferred"),
    [
        ("2025 (approx.; not stated in the excerpt)", date(2025, 1, 1), date(2025, 12, 31), True),
        ("2025-02 (approx.)", date(2025, 2, 1), date(2025, 2, 28), True),
        ("2026-01/02 (approx.; from the text)", date(2026, 1, 1), date(2026, 2, 28), True),
        ("2024-10-30 (day of the meeting; not stated)", date(2024, 10, 30), date(2024, 10, 30),
         True),
        ("2024-03-19 (day of the meeting)", date(2024, 3, 19), date(2024, 3, 19), False),
    ],
)  # fmt: skip
def test_an_annotated_published_value_is_read_at_its_precision(
    published: str, start: date, end: date, inferred: bool
) -> None:
    figure = only(STATEMENT, published=published)
    assert figure.date is not None and figure.date.from_publication
    assert (figure.date.start, figure.date.end, figure.date.inferred) == (start, end, inferred)


def test_relative_dates_resolve_against_an_annotated_month() -> None:
    text = (
        "Russia lost 41,000 soldiers last month. 12,000 North Korean troops were sent last"
        " autumn."
    )
    first, second = extraction(text, published="2025-03 (approx.)").figures
    assert first.date is not None and second.date is not None
    assert (first.date.start, first.date.end) == (date(2025, 2, 1), date(2025, 2, 28))
    assert (second.date.start, second.date.end) == (date(2024, 9, 1), date(2024, 11, 30))


def test_a_date_line_dates_a_document_without_front_matter() -> None:
    text = "EVENING BRIEFING -- Tuesday 4 March 2025\n\nRussia lost 1,200 soldiers last month."
    figure = only(text)
    assert figure.date is not None
    assert (figure.date.start, figure.date.end) == (date(2025, 2, 1), date(2025, 2, 28))
    undated = only("EVENING BRIEFING -- Tuesday 4 March 2025\n\n" + STATEMENT)
    assert undated.date is not None and undated.date.from_publication
    assert (undated.date.start, undated.date.inferred) == (date(2025, 3, 4), True)


def test_the_date_of_a_statement_gives_way_to_the_date_of_the_count() -> None:
    text = (
        "The United States said Wednesday that 3,000 North Korean troops were dispatched to"
        " Russia earlier this month."
    )
    figure = only(text, published="2024-10-24")
    assert figure.date is not None and figure.date.text == "earlier this month"


def test_a_place_labelling_a_headline_does_not_speak_for_the_lines_below() -> None:
    text = (
        "Kyiv: 'More than 1,000' North Korean soldiers killed in Kursk\n\n"
        "Two North Korean prisoners ask to defect to the South\n\n"
        "Poll: most South Koreans oppose sending arms\n\n"
        "Sudan: shelling kills 56 in a market\n"
    )
    assert claimants(text, publisher="Courier") == [
        (1_000, "Kyiv", Voice.CITED),
        (2, "Courier", Voice.DOCUMENT),
    ]


def test_an_answer_label_after_a_question_is_the_briefings_speaker() -> None:
    text = (
        "Q (Daily Star): How many are there?\n\n"
        "A: We assess that about 9,000 North Korean soldiers remain in Russia.\n\n"
        "QUESTION: And the losses?\n\n"
        "ANSWER: Our count is that some 4,000 North Korean soldiers were killed or wounded."
    )
    assert claimants(text, speaker="Colonel Lee Min-ho", published="2025-11-14") == [
        (9_000, "Colonel Lee Min-ho", Voice.DOCUMENT),
        (4_000, "Colonel Lee Min-ho", Voice.DOCUMENT),
    ]
    labelled = (
        "MR. PARK: We assess that 9,000 remain.\n\nQ: And now?\n\n"
        "A: About 8,000 North Korean soldiers remain in Russia."
    )
    assert claimants(labelled)[-1][:2] == (8_000, "Mr. Park")


def test_an_answers_byline_names_who_speaks_for_the_answer_below_it() -> None:
    text = (
        "Question for the Ministry of Defence\n\n"
        "Answered on 3 May 2025 by Jane Holt, Minister for the Armed Forces\n\n"
        "We estimate that around 5,000 North Korean soldiers have been killed or wounded.\n\n"
        "Answered on 3 May 2025 by Tom Reyes, Minister for Europe\n\n"
        "Our estimate is that more than 7,000 Ukrainian soldiers are held as prisoners of war."
    )
    assert [(low, source) for low, source, _ in claimants(text)] == [
        (5_000, "Jane Holt"),
        (7_000, "Tom Reyes"),
    ]


def test_a_spokesperson_for_a_body_named_before_speaks_for_it() -> None:
    text = (
        "Ukraine's border guard service said on Monday that the area was quiet. A spokeswoman for"
        " the service said about 2,000 North Korean troops had been killed. Some 3,000 North"
        " Korean soldiers were wounded, the spokeswoman added. A representative of Ukraine's"
        " defence ministry said 400 Russian soldiers were captured. He added that 300 more Russian"
        " soldiers had been killed."
    )
    sources = [source for _, source, _ in claimants(text, publisher="The Daily")]
    assert sources[:2] == ["Ukraine's border guard service"] * 2
    assert sources[2] == sources[3] == "Ukraine's defence ministry"


def test_a_unit_named_before_where_it_fights_is_the_claimant() -> None:
    text = (
        "A Ukrainian assault brigade fighting near Sudzha says it has captured three North"
        " Korean soldiers."
    )
    assert claimants(text, publisher="The Daily") == [(3, "Ukrainian assault brigade", Voice.CITED)]
    placed = "Casualties in Russia were estimated at 5,000 Russian soldiers, the officials said."
    assert claimants(placed)[0][1] == "officials"


def test_which_says_names_the_noun_before_it() -> None:
    text = (
        "Ukraine, which says more than 70,000 of its soldiers are listed as missing, needs men."
    )
    assert claimants(text, author="Ann Lee") == [(70_000, "Ukraine", Voice.CITED)]


def test_a_claimant_reaches_neither_across_a_semicolon_nor_into_an_unnamed_clause() -> None:
    semicolon = (
        "About 11,000 North Korean soldiers were sent to Kursk last autumn; Ukrainian officials"
        " say the North has since replaced its losses."
    )
    assert claimants(semicolon, publisher="Daily Star") == [
        (11_000, "Daily Star", Voice.DOCUMENT)
    ]
    hedged = (
        "Moscow says it holds about 6,000 Ukrainian prisoners of war, while Ukraine is believed"
        " to be holding more than 1,500 Russian soldiers."
    )
    assert [source for _, source, _ in claimants(hedged, publisher="Daily Star")] == [
        "Moscow",
        "Daily Star",
    ]


def test_a_label_line_names_its_claimant_in_brackets() -> None:
    text = "Russian army losses (Ukraine's General Staff, as of 16 July 2025): 1,043,000"
    figure = only(text, publisher="Daily Star", published="2025-07-18")
    assert figure.date is not None
    assert (figure.source, figure.voice, figure.date.start) == (
        "Ukraine's General Staff",
        Voice.CITED,
        date(2025, 7, 16),
    )
    place = "Russian soldiers killed (Kursk, January 2025): 3,000"
    assert claimants(place, publisher="Daily Star")[0][1] == "Daily Star"


def test_a_date_past_a_comma_dates_the_aside_not_the_count() -> None:
    text = (
        "The Ukrainian army said on Monday that it had captured three North Korean soldiers near"
        " Sudzha, its first prisoners since the North's units returned in April."
    )
    figure = only(text, publisher="Daily Star", published="2025-07-18")
    assert figure.date is not None
    assert (figure.date.start, figure.date.end) == (date(2025, 7, 14), date(2025, 7, 14))
    own = "The army said on Monday that 300 North Korean soldiers were killed in April."
    dated = only(own, publisher="Daily Star", published="2025-07-18").date
    assert dated is not None and dated.start == date(2025, 4, 1)


def test_a_claimant_of_a_relative_clause_claims_only_what_follows_it() -> None:
    text = (
        "Three North Korean soldiers captured by Ukraine have asked to go to South Korea, which"
        " says it would take them in."
    )
    assert claimants(text, publisher="Daily Star") == [(3, "Daily Star", Voice.DOCUMENT)]
    cited = (
        "Tens of thousands more Ukrainian soldiers are missing, according to the ombudsman, who"
        " says the count grows."
    )
    assert claimants(cited, publisher="Daily Star")[0][1] == "ombudsman"


def test_a_running_count_is_dated_by_its_statement_not_by_where_it_starts() -> None:
    text = (
        "The NIS told lawmakers last week that about 300 North Korean soldiers had been killed"
        " since the troops entered combat in December."
    )
    dated = only(text, publisher="Daily Star", published="2025-01-29").date
    assert dated is not None
    assert (dated.start, dated.end) == (date(2025, 1, 20), date(2025, 1, 26))


def test_a_bodys_briefing_names_it_for_the_agencys_count_after_it() -> None:
    text = (
        "The National Intelligence Service's briefing to lawmakers on Thursday ended the debate."
        " By the agency's latest count, some 2,000 North Korean soldiers have died."
    )
    assert claimants(text, publisher="Daily Star") == [(2_000, "NIS", Voice.CITED)]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("The mayor of Russia's town of Rylsk said 200 Russian soldiers were missing.",
         "mayor of Russia's town of Rylsk"),
        ("Some 500 Ukrainian soldiers were wounded there, commanders in the region concede.",
         "commanders in the region"),
        ("A spokesman for the 92nd Brigade, which holds the line near Vovchansk, said 12 Russian"
         " soldiers were captured.", "92nd Brigade"),
        ("Russian forces lost about 900 soldiers near Toretsk, a Western official told reporters.",
         "Western official"),
    ],
)  # fmt: skip
def test_roles_remits_relative_clauses_and_closing_appositives(text: str, source: str) -> None:
    assert claimants(text, publisher="Daily Star")[0][1] == source


def test_a_count_stands_no_later_than_the_day_it_was_written() -> None:
    text = "About 3,800 North Korean soldiers had been killed or wounded by mid-January."
    dated = only(text, publisher="Daily Star", published="2025-01-13").date
    assert dated is not None
    assert (dated.start, dated.end) == (date(2025, 1, 11), date(2025, 1, 13))
    earlier = "About 300 North Korean soldiers were killed in December."
    before = only(earlier, publisher="Daily Star", published="2025-01-13").date
    assert before is not None and before.end == date(2024, 12, 31)


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Losses, which Moscow has not acknowledged, were put at about 9,000 Russian soldiers by"
         " Ukraine's General Staff.", "Ukraine's General Staff"),
        ("The most cautious is the latest assessment by Latvia's defence ministry: about 800,000"
         " Russian soldiers killed or wounded.", "Latvia's defence ministry"),
        ("Ukraine's foreign minister, Ivan Koval, has given the highest estimate: 40,000 Russian"
         " soldiers killed.", "Ivan Koval"),
        ("Our Kyiv correspondent reported that 700 North Korean soldiers had arrived.",
         "Our Kyiv correspondent"),
        ("We judge that the NIS figures are too low and that at least 5,000 North Korean soldiers"
         " have been killed or wounded.", "Anna Berg"),
    ],
)  # fmt: skip
def test_estimates_given_negated_verbs_and_judged_figures(text: str, source: str) -> None:
    assert claimants(text, author="Anna Berg")[0][1] == source


@pytest.mark.parametrize(
    ("title", "voice"),
    [
        ("COUNCIL IMPLEMENTING REGULATION (EU) 2025/398", "Council"),
        ("Commission Delegated Regulation (EU) 2024/77", "Commission"),
        ("COUNCIL DECISION (CFSP) 2025/611", "Council"),
        ("Council conclusions on Ukraine", None),  # not a legal act: no voice from it
    ],
)
def test_a_legal_acts_title_names_the_body_that_adopts_it(
    title: str, voice: str | None
) -> None:
    text = f"{title}\n\nReasons: {STATEMENT}\n"
    (low, source, _) = claimants(text)[0]
    assert low == 900_000
    assert source == voice


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("The best count of the dead comes from the outlet Mediazona, which puts Russian losses"
         " at 90,000 killed.", "outlet Mediazona"),
        ("Most of the 3,000 North Korean soldiers who arrived came from units near Pyongyang.",
         None),
        ("By the count of Ukraine's General Staff, 4,000 North Korean soldiers were killed.",
         "Ukraine's General Staff"),
        ("Russia lost about 1,000 soldiers a day, more than it recruits by most Western"
         " estimates.", None),
        # "identified as" names the soldier: he, not "A soldier identified", says so.
        ("A soldier identified as Ri said 300 North Korean soldiers were killed.", "Ri"),
    ],
)
def test_where_a_count_comes_from_and_what_a_comparison_measures(
    text: str, source: str | None
) -> None:
    assert [s for _, s, _ in claimants(text)][:1] == [source]


def test_a_part_of_unnamed_sources_is_not_all_of_them() -> None:
    text = (
        "About 1,500 North Korean soldiers arrived in January, three sources familiar with the"
        " matter said. About 300 of them were killed in February, two of the sources said."
        " One of the sources, a Ukrainian security official, said 40 North Korean soldiers were"
        " captured. South Korea's spy agency briefed reporters. One of the officials said 200"
        " North Korean soldiers were wounded."
    )
    assert [s for _, s, _ in claimants(text)] == [
        "three sources familiar with the matter",
        "two of the sources",
        "Ukrainian security official",
        "NIS",
    ]


def test_an_accounts_handle_heading_an_entry_speaks_for_its_lines_until_the_entry_ends() -> None:
    text = (
        "Posts of the week\n\n"
        "1) @kursk_watch (12K followers)\n"
        "Says about 90 North Korean soldiers were killed near Sudzha.\n"
        "Adds that 300 more North Korean troops arrived.\n\n"
        "Separately, 40 North Korean soldiers were captured.\n"
    )
    assert [s for _, s, _ in claimants(text)] == ["@kursk_watch", "@kursk_watch", None]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("About 4,700 North Korean soldiers were killed (Park and Novak, 2025).", "Park and Novak"),
        ("Russian losses are put at 52,000 [Hale et al. 2025, p. 14].", "Hale et al"),
        ("About 600 North Korean soldiers were killed [12].", None),
        ("About 600 North Korean soldiers were killed (March 2025).", None),
    ],
)
def test_an_author_year_citation_names_the_claimant(text: str, source: str | None) -> None:
    assert [s for _, s, _ in claimants(text)] == [source]


def test_a_body_of_a_kind_of_its_own_is_not_the_last_body_named() -> None:
    text = (
        "Ukraine's Coordination Headquarters said 1,300 Ukrainian servicemen were missing. In"
        " Sumy Oblast, 240 Ukrainian servicemen are missing, the regional military administration"
        " said. The Pentagon said 800 North Korean soldiers were wounded. The department added"
        " that 200 North Korean soldiers were killed."
    )
    assert [s for _, s, _ in claimants(text)] == [
        "Ukraine's Coordination Headquarters",
        "regional military administration",
        "Pentagon",
        "Pentagon",
    ]


def test_reports_in_a_list_or_after_a_preposition_are_a_noun_not_a_claimant() -> None:
    text = (
        "The count by Mediazona has confirmed 118,000 Russian soldiers killed, drawing on"
        " obituaries and regional news reports. Their estimate is that 200,000 Russian soldiers"
        " were killed. About 1,000 Russian soldiers were killed in March, and Ukraine's General"
        " Staff reports that 500 Russian soldiers were wounded."
    )
    assert [s for _, s, _ in claimants(text)] == [
        "Mediazona", "Mediazona", None, "Ukraine's General Staff"
    ]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("He is one of the more than 70,000 Ukrainian servicemen whom the Coordination"
         " Headquarters lists as missing.", "Coordination Headquarters"),
        ("A database of obituaries kept by the volunteer project Book of the Fallen has reached"
         " 91,000 Ukrainian soldiers killed.", "volunteer project Book of the Fallen"),
        ("Western partners estimate that 3,000 North Korean soldiers were wounded.",
         "Western partners"),
    ],
)
def test_who_lists_or_keeps_a_count(text: str, source: str) -> None:
    assert [s for _, s, _ in claimants(text)] == [source]


@pytest.mark.parametrize(
    ("first_line", "voice"),
    [
        ("THE SCROLL - weekly digest of the war's threads", "The Scroll"),
        ("URGENT - North Korea sends more troops", None),
        ("KYIV - a dispatch from the capital", None),
    ],
)
def test_a_masthead_names_the_voice_of_a_document_without_front_matter(
    first_line: str, voice: str | None
) -> None:
    text = f"{first_line}\n\nOur view: 2,000 North Korean soldiers were killed.\n"
    assert [s for _, s, _ in claimants(text)] == [voice]
