"""Quantities in a sentence: digits, words, scales, vague amounts, ranges and qualifiers.

``find_quantities`` reads a sentence and returns every amount it states, with the qualifier
words around it folded in. It does not decide what is counted; ``claims`` does.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.facts.model import Qualifier
from bot.facts.vocabulary.approximators import (
    ABOUT_AFTER,
    ABOUT_BEFORE,
    AT_LEAST_AFTER,
    AT_LEAST_BEFORE,
    AT_MOST_BEFORE,
    PHRASAL_OVER_VERBS,
)
from bot.facts.vocabulary.build import alternation, phrase_pattern, trie_pattern
from bot.facts.vocabulary.numbers import (
    NUMBER_WORDS,
    SCALES,
    SHORT_SCALES,
    TENS,
    UNITS,
    VAGUE_AMOUNTS,
)


@dataclass(frozen=True, slots=True)
class Quantity:
    """An amount stated in a sentence. ``start``/``end`` cover qualifier and number(s)."""

    low: int
    high: int
    qualifier: Qualifier
    start: int
    end: int
    num_start: int
    num_end: int
    vague: bool = False
    scaled: bool = False
    spelled: bool = False
    has_decimal: bool = False


# As a trie: from one position the longest word is tried first ("seventeen" before "seven").
_WORD = trie_pattern([*UNITS, *TENS])
_SCALE_WORD = r"(?:" + "|".join(SCALES) + r")"
# "twenty-five", "two hundred and fifty", "three thousand", "a hundred"
_SPELLED = (
    rf"(?:(?:a|an|{_WORD}(?:[-\s]{_WORD})?)\s+{_SCALE_WORD}"
    rf"(?:(?:\s+and)?\s+{_WORD}(?:[-\s]{_WORD})?(?:\s+{_SCALE_WORD})?)*"
    rf"|{_WORD}(?:-{_WORD})?)"
)
_DIGITS = r"(?:\d{1,3}(?:,\d{3})+|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d,])|\d+)(?:\.\d+)?"
_SHORT_SCALE = r"(?:" + "|".join(SHORT_SCALES) + r")"
_SCALED = rf"{_DIGITS}(?:\s*{_SCALE_WORD}\b|{_SHORT_SCALE}\b)?(?![\w])"
# A spelled number starts with a unit or tens word, or "a"/"an": skip other words at once.
_SPELLED_FIRST = "".join(sorted({word[0] for word in (*UNITS, *TENS, "a")}))
_NUMBER = (
    rf"(?:(?=\d)(?<![\w.,$€£₩¥@&#<:/])(?<![A-Za-z]-){_SCALED}"
    rf"|\b(?=[{_SPELLED_FIRST}]){_SPELLED}\b)"
)

_VAGUE = VAGUE_AMOUNTS
_VAGUE_RE = re.compile(
    r"\b(?:" + "|".join(f"(?P<v{i}>{p})" for i, (p, _, _) in enumerate(_VAGUE)) + r")\b",
    re.IGNORECASE,
)
_SPECIAL_RE = re.compile(
    r"\b(?:(?P<couple>a\s+couple(?:\s+of)?\s+thousand)|(?P<half>half\s+a\s+million)"
    r"|(?P<quarter>(?:a|one)\s+quarter(?:\s+of\s+a)?\s+million)"
    r"|(?P<quarters>three\s+quarters\s+of\s+a\s+million)|(?P<dozen>a\s+dozen))\b",
    re.IGNORECASE,
)
# "just under, or perhaps well over, 100,000": a bound each way is an estimate.
_EITHER_WAY_RE = re.compile(
    r"(?:just\s+|a\s+little\s+|slightly\s+|well\s+)?(?:under|below|over|above|more\s+than"
    r"|less\s+than|fewer\s+than),?\s+or\s+(?:\w+\s+){0,2}?(?:under|below|over|above"
    r"|more\s+than|less\s+than|fewer\s+than),?\s*$",
    re.IGNORECASE,
)

_RANGE_GAP_RE = re.compile(r"\s*(?:-|–|—)\s*|\s+(?:to|and)\s+", re.IGNORECASE)
_BETWEEN_BEFORE_RE = re.compile(r"\b(?:between|from)\s+$", re.IGNORECASE)
_NUMBER_RE = re.compile(_NUMBER, re.IGNORECASE)
# Most sentences hold only digits: these skip the number-word alternatives entirely.
_DIGIT_NUMBER = rf"(?=\d)(?<![\w.,$€£₩¥@&#<:/])(?<![A-Za-z]-){_SCALED}"
_DIGIT_NUMBER_RE = re.compile(_DIGIT_NUMBER, re.IGNORECASE)
_LOWER_WORD_RE = re.compile(r"[a-z]+")

_BEFORE_QUALIFIERS: tuple[tuple[tuple[str, ...], Qualifier], ...] = (
    (AT_LEAST_BEFORE, Qualifier.AT_LEAST),
    (AT_MOST_BEFORE, Qualifier.AT_MOST),
    (ABOUT_BEFORE, Qualifier.ABOUT),
)
# The last word of every qualifier phrase above: a number preceded by anything else has none.
_QUALIFIER_LAST_WORDS = frozenset(
    phrase.split()[-1] for phrases, _ in _BEFORE_QUALIFIERS for phrase in phrases
)


def _before_patterns() -> dict[str, re.Pattern[str]]:
    """Last word -> a pattern over the qualifier phrases that can end with it ("than": "more
    than", "fewer than" ...), each in the group of its qualifier, in the order listed. The first
    phrase of each group must not follow a letter."""
    patterns = {}
    for last in _QUALIFIER_LAST_WORDS:
        groups = []
        for i, (phrases, _) in enumerate(_BEFORE_QUALIFIERS):
            alternatives = [
                ("(?<![\\w])" if phrase == phrases[0] else "") + phrase_pattern(phrase)
                for phrase in phrases
                if last.endswith(phrase.split()[-1])
            ]
            if alternatives:
                groups.append(f"(?P<q{i}>{'|'.join(alternatives)})")
        patterns[last] = re.compile(r"(?:" + "|".join(groups) + r")\s*$", re.IGNORECASE)
    return patterns


# A qualifier ends right before its number; only the phrases ending in the word found there
# are tried.
_BEFORE_BY_LAST_WORD = _before_patterns()
_AFTER_ABOUT_RE = re.compile(rf"\s+(?:{alternation(ABOUT_AFTER)})\b", re.IGNORECASE)
_AFTER_AT_LEAST_RE = re.compile(
    rf"(?:\s*(?:\+|-plus\b|(?:{alternation(AT_LEAST_AFTER)})\b))", re.IGNORECASE
)


_PHRASAL_OVER_RE = re.compile(rf"\b(?:{alternation(PHRASAL_OVER_VERBS)})\s+$", re.IGNORECASE)
# "have taken over 650 Ukrainian soldiers prisoner": "taken ... prisoner", so "over 650".
_TAKEN_PRISONER_AFTER_RE = re.compile(r"[^.;]*?\b(?:prisoners?|captive)\b", re.IGNORECASE)


_DIGITS_AND_SCALE_RE = re.compile(r"([\d,  \u00a0\u202f]+(?:\.\d+)?)\s*([a-z]*)$")
_GROUP_SEPARATORS_RE = re.compile(r"[, \u00a0\u202f]")
_WORD_SPLIT_RE = re.compile(r"[\s-]+")
_DATE_LIKE_RE = re.compile(r"\d{4}-\d{2}(?:-\d{2})?$")


def parse_number(text: str) -> tuple[int, bool, bool] | None:
    """``text`` -> (value, scaled, has_decimal), or None when it is not a whole count."""
    raw = text.strip().lower()
    if not raw:
        return None
    if raw[0].isdigit():
        return _parse_digits(raw)
    value = _parse_words(raw)
    return None if value is None else (value, False, False)


def _parse_digits(raw: str) -> tuple[int, bool, bool] | None:
    m = _DIGITS_AND_SCALE_RE.match(raw)
    if not m:
        return None
    digits, scale_word = m.group(1), m.group(2)
    digits = _GROUP_SEPARATORS_RE.sub("", digits)
    scale = SCALES.get(scale_word) or SHORT_SCALES.get(scale_word) if scale_word else 1
    if scale is None:
        return None
    has_decimal = "." in digits
    try:
        if has_decimal:
            whole, frac = digits.split(".")
            value_num = int(whole + frac) * scale
            denom = 10 ** len(frac)
            if value_num % denom:
                return None
            value = value_num // denom
        else:
            value = int(digits) * scale
    except ValueError:
        return None
    return value, scale != 1, has_decimal


def _parse_words(raw: str) -> int | None:
    tokens = _WORD_SPLIT_RE.split(raw.replace(" and ", " "))
    total = 0
    current = 0
    seen = False
    for tok in tokens:
        if tok in ("a", "an"):
            current = 1
        elif tok in UNITS:
            current += UNITS[tok]
        elif tok in TENS:
            current += TENS[tok]
        elif tok == "hundred":
            current = max(current, 1) * 100
        elif tok in ("thousand", "million", "billion"):
            total += max(current, 1) * SCALES[tok]
            current = 0
        else:
            return None
        seen = True
    return total + current if seen else None


def _qualifier_before(sentence: str, start: int) -> tuple[Qualifier | None, int]:
    """The qualifier phrase that ends right before ``start``, and where it begins."""
    if " or " in sentence[max(0, start - 40) : start]:
        either = _EITHER_WAY_RE.search(sentence, max(0, start - 60), start)
        if either is not None:
            return Qualifier.ABOUT, either.start()
    end = start
    while end > 0 and sentence[end - 1].isspace():
        end -= 1
    if end == 0 or not (sentence[end - 1].isalpha() or sentence[end - 1] in ".~"):
        return None, start
    word_start = end - 1
    while word_start > 0 and not sentence[word_start - 1].isspace():
        word_start -= 1
    pattern = _BEFORE_BY_LAST_WORD.get(sentence[word_start:end].lstrip("\"“‘'([*_").lower())
    if pattern is None:
        return None, start
    m = pattern.search(sentence, max(0, end - 24), start)
    if not m or (
        m.group(0).strip().lower() == "over"
        and _PHRASAL_OVER_RE.search(sentence, max(0, m.start() - 12), m.start())
        and not _TAKEN_PRISONER_AFTER_RE.match(sentence, start, start + 60)
    ):
        return None, start  # "hand over two soldiers" is no "over two"
    group = m.lastgroup
    if group is None:
        return None, start
    return _BEFORE_QUALIFIERS[int(group[1:])][1], m.start()


def lower_words(sentence: str) -> frozenset[str]:
    """The sentence's words in lower case: computed once, shared by the readers of a sentence."""
    return frozenset(_LOWER_WORD_RE.findall(sentence.lower()))


def may_hold_quantity(sentence: str, words: frozenset[str] | None = None) -> bool:
    """A cheap test: a digit or a number word, without which there is nothing to read."""
    if _DIGIT_RE.search(sentence) is not None:
        return True
    return not NUMBER_WORDS.isdisjoint(lower_words(sentence) if words is None else words)


_DIGIT_RE = re.compile(r"\d")


def find_quantities(sentence: str, words: frozenset[str] | None = None) -> list[Quantity]:
    """Every amount in ``sentence``, left to right, without overlaps: set phrases ("a couple
    thousand"), vague amounts ("dozens"), then the numbers and ranges outside them."""
    spelled = not NUMBER_WORDS.isdisjoint(lower_words(sentence) if words is None else words)
    found: list[Quantity] = []
    if spelled:
        found.extend(_set_phrases(sentence))
        found.extend(_vague_amounts(sentence, [(q.num_start, q.num_end) for q in found]))
    numbers = list((_NUMBER_RE if spelled else _DIGIT_NUMBER_RE).finditer(sentence))
    if found:
        taken = [(q.num_start, q.num_end) for q in found]
        numbers = [m for m in numbers if _free(m.start(), m.end(), taken)]
    found.extend(_numbers_and_ranges(sentence, numbers))
    found.sort(key=lambda q: q.num_start)
    return found


def _free(start: int, end: int, taken: list[tuple[int, int]]) -> bool:
    return all(end <= s or start >= e for s, e in taken)


def _set_phrases(sentence: str) -> list[Quantity]:
    """'a couple thousand' (about 2,000), 'half a million', 'a dozen'."""
    found = []
    for m in _SPECIAL_RE.finditer(sentence):
        if m.group("couple"):
            low = high = 2_000
            qual = Qualifier.ABOUT
        elif m.group("half"):
            low = high = 500_000
            qual = Qualifier.EXACT
        elif m.group("quarter") or m.group("quarters"):
            low = high = 250_000 if m.group("quarter") else 750_000
            qual = Qualifier.EXACT
        else:
            low = high = 12
            qual = Qualifier.EXACT
        before, qstart = _qualifier_before(sentence, m.start())
        found.append(Quantity(low, high, before or qual, qstart, m.end(), m.start(), m.end(),
                              vague=qual is Qualifier.ABOUT, spelled=True))
    return found


def _vague_amounts(sentence: str, taken: list[tuple[int, int]]) -> list[Quantity]:
    """'dozens', 'hundreds', 'tens of thousands' outside the set phrases already read."""
    found = []
    for m in _VAGUE_RE.finditer(sentence):
        if not _free(m.start(), m.end(), taken):
            continue
        low, high = next((lo, hi) for i, (_, lo, hi) in enumerate(_VAGUE) if m.group(f"v{i}"))
        found.append(Quantity(low, high, Qualifier.RANGE, m.start(), m.end(), m.start(),
                              m.end(), vague=True))
    return found


def _numbers_and_ranges(sentence: str, numbers: list[re.Match[str]]) -> list[Quantity]:
    """Each number with its qualifier, or two neighbours joined as a range."""
    found = []
    index = 0
    while index < len(numbers):
        m = numbers[index]
        if index + 1 < len(numbers):
            paired = _range(sentence, m, numbers[index + 1])
            if paired is not None:
                found.append(paired)
                index += 2
                continue
        index += 1
        quantity = _number(sentence, m)
        if quantity is not None:
            found.append(quantity)
    return found


def _number(sentence: str, m: re.Match[str]) -> Quantity | None:
    """One number, with the qualifier before it ("at least") or after it ("4,000-plus")."""
    parsed = parse_number(m.group(0))
    if parsed is None:
        return None
    value, scaled, has_decimal = parsed
    before, qstart = _qualifier_before(sentence, m.start())
    qualifier = before or Qualifier.EXACT
    end = m.end()
    after = _AFTER_AT_LEAST_RE.match(sentence, end)
    if after and before is None:
        qualifier = Qualifier.AT_LEAST
        end = after.end()
    about = _AFTER_ABOUT_RE.match(sentence, m.end())
    if about and before is None:
        qualifier = Qualifier.ABOUT  # "another 3,000 or so"
        end = about.end()
    return Quantity(value, value, qualifier, qstart, end, m.start(), m.end(),
                    scaled=scaled, has_decimal=has_decimal, spelled=not m.group(0)[0].isdigit())


def _range(sentence: str, a_match: re.Match[str], b_match: re.Match[str]) -> Quantity | None:
    """Two neighbouring numbers joined as a range: 'between X and Y', 'X to Y', 'X-Y'."""
    sep = _RANGE_GAP_RE.fullmatch(sentence, a_match.end(), b_match.start())
    if sep is None:
        return None
    between = _BETWEEN_BEFORE_RE.search(sentence, max(0, a_match.start() - 9), a_match.start())
    if sep.group(0).strip().lower() == "and" and between is None:
        return None
    a_text, b_text = a_match.group(0), b_match.group(0)
    b = parse_number(b_text)
    scale_word = _trailing_scale_word(b_text)
    # "between 1.5 and 2 million": the second number's scale applies to the first too.
    if b is not None and scale_word and _trailing_scale_word(a_text) is None:
        scaled_a = parse_number(f"{a_text} {scale_word}")
        a = scaled_a if scaled_a and scaled_a[0] <= b[0] else parse_number(a_text)
    else:
        a = parse_number(a_text)
    if a is None or b is None or a[0] >= b[0]:
        return None
    start = between.start() if between else a_match.start()
    if sentence[a_match.start() - 1 : a_match.start()] == "-":
        return None  # the tail of "2024-10-30" or "Su-25-30"
    if _looks_like_identifier(sentence[a_match.start():b_match.end()]):
        return None
    return Quantity(a[0], b[0], Qualifier.RANGE, start, b_match.end(), a_match.start(),
                    b_match.end(), scaled=a[1] or b[1], has_decimal=a[2] or b[2],
                    spelled=not a_text[0].isdigit())


def _trailing_scale_word(text: str) -> str | None:
    m = _TRAILING_SCALE_RE.search(text.strip())
    return (m.group(1) or m.group(2)).lower() if m else None


# A range's second number lends its scale to the first: "between 1.5 and 2 million".
_LENT_SCALES = "|".join(word for word, value in SCALES.items() if value >= 1_000)
_TRAILING_SCALE_RE = re.compile(
    rf"(?:\d\s*|\s)({_LENT_SCALES})$|\d\s*({'|'.join(SHORT_SCALES)})$", re.IGNORECASE
)


def _looks_like_identifier(text: str) -> bool:
    """'F-16', '2024-10-30', 'Su-25' style tokens are not ranges."""
    return bool(_DATE_LIKE_RE.search(text.strip()))
