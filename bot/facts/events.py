"""Dated happenings: a sentence that names a date and one of the story's forces is an event."""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.facts.dates import DateMention
from bot.facts.model import Event, short_id

_SUMMARY_LIMIT = 140
_LEAD_IN_RE = re.compile(r"^(?:in|on|by|during|since|from|as\s+of|between)\b[^,]{0,40},\s*", re.I)
_STORY_WORDS_RE = re.compile(
    r"\b(?:troops?|soldiers?|deploy\w*|redeploy\w*|killed|wounded|casualt\w+|captured|summit\w*"
    r"|treaty|offensive|Kursk|front|attack\w*|withdr\w+|invad\w+|invasion|war)\b",
    re.IGNORECASE,
)


def summarise(sentence: str) -> str:
    """A short summary: the sentence without its leading date phrase, cut at a word boundary."""
    text = _LEAD_IN_RE.sub("", " ".join(sentence.split()))
    text = text[:1].upper() + text[1:]
    if len(text) <= _SUMMARY_LIMIT:
        return text
    cut = text.rfind(" ", 0, _SUMMARY_LIMIT - 1)
    return text[: cut if cut > 40 else _SUMMARY_LIMIT - 1].rstrip(" ,;:") + "…"


def events_in_sentence(
    document_key: str,
    sentence: str,
    sentence_start: int,
    dates: Sequence[DateMention],
    mentions_story: bool,
) -> list[Event]:
    """One event per date the sentence places something at; 'since X' opens a period, no event."""
    if not dates or not (mentions_story and _STORY_WORDS_RE.search(sentence)):
        return []
    summary = summarise(sentence)
    events = []
    seen: set[tuple[str, str]] = set()
    for mention in dates:
        span = mention.span
        if span.text.lower().startswith("since"):
            continue
        key = (span.start.isoformat(), span.end.isoformat())
        if key in seen:
            continue
        seen.add(key)
        events.append(
            Event(
                id=short_id(document_key, sentence, "event", span.text, *key),
                document=document_key,
                date=span,
                summary=summary,
                quote=sentence,
                span=(sentence_start, sentence_start + len(sentence)),
            )
        )
    return events
