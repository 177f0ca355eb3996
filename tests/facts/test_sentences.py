from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.facts.documents import read_document
from bot.facts.sentences import MAX_SENTENCE_CHARS, Sentence, split_sentences

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "000_4501267d33e9c1d5.txt"


def texts(text: str) -> list[str]:
    return [s.text for s in split_sentences(text)]


def test_splits_after_terminal_punctuation_before_a_capital_digit_or_quote():
    assert texts('One went. Two came! Three? 4,000 stayed. "Five," he said. (Six.)') == [
        "One went.",
        "Two came!",
        "Three?",
        "4,000 stayed.",
        '"Five," he said.',
        "(Six.)",
    ]


def test_no_split_before_lower_case():
    assert texts("Troops arrived at 3 p.m. yesterday. Then left.") == [
        "Troops arrived at 3 p.m. yesterday.",
        "Then left.",
    ]


def test_closing_quotes_stay_with_their_sentence():
    assert texts('He said "we are ready." Then he left.') == [
        'He said "we are ready."',
        "Then he left.",
    ]


def test_abbreviations_and_titles_do_not_split():
    text = (
        "Lt. Gen. Kyrylo Budanov met Col. Smith, Maj. Lee, Capt. Park, Sgt. Kim and Dr. Ahn. "
        "Mr. Putin, Mrs. Lee, Ms. Cho, Sen. Rubio, Rep. Smith, Gov. Hochul and Pres. Yoon came. "
        "They met on Oct. 30, Jan. 5, Feb. 2, Aug. 9, Sept. 1, Nov. 3 and Dec. 4 at St. Louis. "
        "Item No. 2 vs. approx. 300 troops, est. 1,000 in total."
    )
    assert len(texts(text)) == 4


def test_us_before_lower_case_or_a_name_does_not_split_but_before_a_new_sentence_does():
    assert texts("U.S. assessments were lower, around 1,200.") == [
        "U.S. assessments were lower, around 1,200."
    ]
    assert texts("U.S. President Joe Biden spoke. U.N. officials agreed.") == [
        "U.S. President Joe Biden spoke.",
        "U.N. officials agreed.",
    ]
    assert texts("They flew to the U.S. The next day they returned.") == [
        "They flew to the U.S.",
        "The next day they returned.",
    ]


def test_eg_ie_etc():
    assert texts("Drones, e.g. Shaheds, i.e. Iranian ones, etc. were used.") == [
        "Drones, e.g. Shaheds, i.e. Iranian ones, etc. were used."
    ]
    assert texts("Drones, shells, etc. The list is long.") == [
        "Drones, shells, etc.",
        "The list is long.",
    ]


def test_initials_do_not_split():
    assert texts("Kim J. Un met Donald J. Trump. They spoke.") == [
        "Kim J. Un met Donald J. Trump.",
        "They spoke.",
    ]


def test_am_pm_before_lower_case_does_not_split():
    assert texts("The strike came at 4 a.m. local time and at 9 p.m. again.") == [
        "The strike came at 4 a.m. local time and at 9 p.m. again."
    ]


def test_blank_line_always_splits():
    assert texts("A heading without a stop\n\nthe body starts lower case") == [
        "A heading without a stop",
        "the body starts lower case",
    ]


def test_hard_wrapped_prose_is_joined():
    text = (
        "North Korea has sent additional troops to Russia following heavy casualties among\n"
        "its forces deployed to the front lines, according to South Korea's National\n"
        "Intelligence Service. The agency said so.\n"
    )
    result = split_sentences(text)
    assert [s.text for s in result] == [
        "North Korea has sent additional troops to Russia following heavy casualties among\n"
        "its forces deployed to the front lines, according to South Korea's National\n"
        "Intelligence Service.",
        "The agency said so.",
    ]


def test_line_ending_with_terminal_punctuation_splits():
    assert texts("First line ends here.\nSecond line starts here.") == [
        "First line ends here.",
        "Second line starts here.",
    ]


def test_headings_before_prose_split_when_short():
    text = (
        "Russian invasion of Ukraine\n"
        "North Korean involvement in the war\n"
        "South Korean intelligence claims North Korean troops have suffered around 4,700 "
        "casualties, including about 600 fatalities among 15,000 soldiers. (CBC News)\n"
        "Colombian conflict\n"
        "The Colombian government says fifteen police officers have been killed. (BBC News)\n"
    )
    assert texts(text) == [
        "Russian invasion of Ukraine",
        "North Korean involvement in the war",
        "South Korean intelligence claims North Korean troops have suffered around 4,700 "
        "casualties, including about 600 fatalities among 15,000 soldiers. (CBC News)",
        "Colombian conflict",
        "The Colombian government says fifteen police officers have been killed. (BBC News)",
    ]


def test_source_labels_at_line_end_stay_with_the_sentence():
    assert texts("Kenya confirmed it. (Reuters) (BBC News)\nNext item here.") == [
        "Kenya confirmed it. (Reuters) (BBC News)",
        "Next item here.",
    ]


def test_bullets_split_and_markers_are_not_part_of_the_sentence():
    text = (
        "Figures\n- 10,000 deployed\n* 300 killed\n• 2,700 injured\n– 1,000 more\n"
        "1. first\n2) second"
    )
    result = split_sentences(text)
    assert [s.text for s in result] == [
        "Figures",
        "10,000 deployed",
        "300 killed",
        "2,700 injured",
        "1,000 more",
        "first",
        "second",
    ]
    for sentence in result:
        assert text[sentence.start : sentence.end] == sentence.text


def test_wrapped_bullet_continues_on_the_next_line():
    assert texts("- North Korea sent troops to\n  the Kursk region.\n- Next.") == [
        "North Korea sent troops to\n  the Kursk region.",
        "Next.",
    ]


def test_markdown_heading_loses_its_markers():
    text = "# North Korean troops ##\nThe NIS said so."
    result = split_sentences(text)
    assert [s.text for s in result] == ["North Korean troops", "The NIS said so."]
    assert result[0].start == 2


def test_speaker_labels_stay_in_the_text():
    text = (
        "Q: How many were killed?\n"
        "MR. KIRBY: We think about 1,200. That is our estimate\n"
        "SPEAKER 1: Thank you."
    )
    assert texts(text) == [
        "Q: How many were killed?",
        "MR. KIRBY: We think about 1,200.",
        "That is our estimate",
        "SPEAKER 1: Thank you.",
    ]


def test_the_seed_splits_into_its_sentences():
    doc = read_document(SEED)
    result = split_sentences(doc.text)
    assert len(result) == 17
    quotes = [s.text for s in result]
    assert (
        "South Korean, U.S., and Ukrainian intelligence agencies estimate that between 10,000 and "
        "12,000 North Korean soldiers were originally deployed to Russia in 2023."
    ) in quotes
    assert (
        "Ukrainian President Volodymyr Zelenskyy placed the total number of killed or wounded "
        "North Koreans at 4,000, while U.S. assessments were lower, around 1,200."
    ) in quotes


def test_offsets_index_the_text():
    text = "  Lead.  Second one!\n\n- Item\n"
    for sentence in split_sentences(text):
        assert text[sentence.start : sentence.end] == sentence.text
    assert split_sentences(text)[0] == Sentence("Lead.", 2, 7)


_ALPHABET = st.sampled_from(
    [*"aAbBzZ019 .!?\"'()[]-*•–#:,\n\t\r\u00a0\u2028", "U.S.", "Dr.", "e.g.", "\n\n", "1. "]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_ALPHABET, max_size=80).map("".join))
def test_property_sentences_index_the_text_and_are_stripped(text):
    previous_end = 0
    for sentence in split_sentences(text):
        assert sentence.text
        assert text[sentence.start : sentence.end] == sentence.text
        assert sentence.text == sentence.text.strip()
        assert sentence.start >= previous_end
        previous_end = sentence.end


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=200))
def test_property_arbitrary_unicode(text):
    for sentence in split_sentences(text):
        assert text[sentence.start : sentence.end] == sentence.text == sentence.text.strip()


def test_a_megabyte_splits_into_every_sentence():
    seed = read_document(SEED).text
    text = "\n\n".join([seed] * (1_000_000 // len(seed) + 1))
    result = split_sentences(text)
    assert len(result) == 17 * (1_000_000 // len(seed) + 1)


@pytest.mark.parametrize("text", ["." * 200_000, "a" * 200_000, "(x)" * 70_000])
def test_pathological_inputs_keep_their_offsets_and_every_character(text):
    sentences = split_sentences(text)
    assert sentences
    for sentence in sentences:
        assert text[sentence.start : sentence.end] == sentence.text
        assert len(sentence.text) <= MAX_SENTENCE_CHARS
    assert "".join(s.text for s in sentences) == text


@pytest.mark.parametrize("text", [" " * 200_000, "\n" * 200_000, " \n\t" * 50_000])
def test_whitespace_alone_is_no_sentence(text):
    assert split_sentences(text) == []


@pytest.mark.parametrize(
    ("unit", "cut_after"),
    [("North Korean troops fought; ", ";"), ("300 soldiers, ", ","), ("word ", "word"),
     ("1-2-3-4-5-6-7-8-9-", None)],
)
def test_an_over_long_run_is_cut_at_a_safe_boundary_and_loses_nothing(unit, cut_after):
    text = unit * (3 * MAX_SENTENCE_CHARS // len(unit))
    sentences = split_sentences(text)
    assert len(sentences) >= 3
    for sentence in sentences:
        assert text[sentence.start : sentence.end] == sentence.text == sentence.text.strip()
        assert MAX_SENTENCE_CHARS // 2 <= len(sentence.text) <= MAX_SENTENCE_CHARS or (
            sentence is sentences[-1]
        )
        if cut_after is not None and sentence is not sentences[-1]:
            assert sentence.text.endswith(cut_after)
    # Only the whitespace at a cut is left out.
    assert "".join(s.text for s in sentences).replace(" ", "") == text.replace(" ", "")


def test_sentences_under_the_limit_are_not_cut():
    sentence = "Officials said " + "that the troops moved on, " * 300 + "and stayed."
    assert len(sentence) < MAX_SENTENCE_CHARS
    assert [s.text for s in split_sentences(sentence + " Next one.")] == [sentence, "Next one."]
