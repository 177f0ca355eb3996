"""The pipeline as a whole: invariants on any text, and ids that stay put."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.facts.documents import parse_document
from bot.facts.extract import extract
from bot.facts.model import Extraction, Metric, Qualifier

SEED = Path(__file__).resolve().parents[2] / "seeds" / "000_4501267d33e9c1d5.txt"

# Words that make the rules fire, so that random text reaches every branch.
_VOCABULARY = (
    "North Korean", "Russian", "Ukrainian", "soldiers", "troops", "killed", "wounded", "captured",
    "missing", "sent", "deployed", "at least", "about", "between", "and", "to", "more than",
    "dozens of", "thousands", "according to", "the NIS", "said", "he", "Zelenskyy", "in January",
    "2024", "June 2024", "last month", "on Thursday", "$", "%", "km", "days", "1,000", "300",
    "12,000", "1.5 million", "two", "twenty-five", "-", "–", ",", ".", "\n", "\n\n", ":", "Q:",
    "MR. KIRBY:", "(", ")", "additional", "while", "U.S.", "not", "civilians", "casualties",
)


_NUMBERS = [word for word in _VOCABULARY if word[0].isdigit()] + ["two", "twenty-five"]


def _check(text: str) -> Extraction:
    document = parse_document(text.encode("utf-8"), "prop.txt")
    extraction = extract(document)
    ids = [f.id for f in extraction.figures] + [e.id for e in extraction.events]
    assert len(ids) == len(set(ids))
    for figure in extraction.figures:
        start, end = figure.span
        assert document.text[start:end] == figure.quote
        assert 0 < figure.low <= figure.high
        assert (figure.voice is None) == (figure.source is None)
        if figure.date is not None:
            assert figure.date.start <= figure.date.end
    for event in extraction.events:
        start, end = event.span
        assert document.text[start:end] == event.quote
        assert event.date.start <= event.date.end
    return extraction


# A paragraph of its own that states a figure, whatever text surrounds it.
_FIGURE = "At least 300 North Korean soldiers were killed, the NIS said."
# Any text a document may hold (control characters make it binary and it is refused).
_ANY_TEXT = st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=400)


@settings(max_examples=200, deadline=None)
@given(_ANY_TEXT, _ANY_TEXT)
def test_arbitrary_text_never_breaks_the_invariants(before: str, after: str) -> None:
    extraction = _check(f"Report.\n\n{before}\n\n{_FIGURE}\n\n{after}")
    figure = (Metric.KILLED, "North Korea", 300, Qualifier.AT_LEAST, "NIS")
    read = [(f.metric, f.subject, f.low, f.qualifier, f.source) for f in extraction.figures]
    assert figure in read


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_VOCABULARY), min_size=1, max_size=60), st.sampled_from(_NUMBERS))
def test_story_like_text_never_breaks_the_invariants(words: list[str], number: str) -> None:
    words.insert(len(words) // 2, number)  # every text holds at least one number
    _check(" ".join(words))


def test_a_repeated_sentence_gets_distinct_ids() -> None:
    seed = SEED.read_text(encoding="utf-8")
    extraction = extract(parse_document((seed + "\n\n" + seed).encode(), "twice.txt"))
    assert len(extraction.figures) == 12
    ids = [f.id for f in extraction.figures] + [e.id for e in extraction.events]
    assert len(ids) == len(set(ids))


def test_ids_survive_edits_elsewhere_in_the_document() -> None:
    seed = SEED.read_text(encoding="utf-8")
    before = extract(parse_document(seed.encode(), "seed.txt"))
    edited = "A new first paragraph about something else entirely.\n\n" + seed.replace(
        "at least 300", "at least 400"
    )
    after = extract(parse_document(edited.encode(), "seed.txt"))
    kept = {f.id for f in before.figures} & {f.id for f in after.figures}
    changed = [f for f in before.figures if f.id not in kept]
    # Only the figures of the edited sentence (300 killed and 2,700 wounded) get new ids.
    assert sorted(f.low for f in changed) == [300, 2700]
    assert len(kept) == 4
    assert all(f.span != g.span for f in before.figures for g in after.figures if f.id == g.id)
