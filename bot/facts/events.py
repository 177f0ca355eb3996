"""Dated happenings: a sentence that names a date, one of the story's forces and an action
that happened is an event, summed up by its headline (``headlines``)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.facts.dates import DateMention
from bot.facts.headlines import headline
from bot.facts.model import Event, short_id

_STORY_WORDS_RE = re.compile(
    r"\b(?:troops?|soldiers?|deploy\w*|redeploy\w*|killed|wounded|casualt\w+|captured|summit\w*"
    r"|treaty|offensive|Kursk|front|attack\w*|withdr\w+|invad\w+|invasion|war|prisoners?)\b",
    re.IGNORECASE,
)


def events_in_sentence(
    document_key: str,
    sentence: str,
    sentence_start: int,
    dates: Sequence[DateMention],
    mentions_story: bool,
) -> list[Event]:
    """One event per date the sentence places an action at; 'since X' opens a period, no
    event; a date whose clause tells of no action (a forecast, a question, a state) none."""
    if not dates or not (mentions_story and _STORY_WORDS_RE.search(sentence)):
        return []
    texts = [mention.span.text for mention in dates]
    events = []
    seen: set[tuple[str, str]] = set()
    for number, mention in enumerate(dates):
        span = mention.span
        key = (span.start.isoformat(), span.end.isoformat())
        if span.text.lower().startswith("since") or key in seen:
            continue
        found = headline(sentence, span.text, texts[:number] + texts[number + 1 :])
        if found is None:
            continue
        seen.add(key)
        events.append(
            Event(
                id=short_id(document_key, sentence, "event", span.text, *key),
                document=document_key,
                date=span,
                summary=found.text,
                quote=sentence,
                span=(sentence_start, sentence_start + len(sentence)),
            )
        )
    return events
