"""The command line's ingest of mixed inputs: folders and .txt/.md files as before, plus .html,
.htm and .pdf files and http(s) addresses, all into one summary.

An address is stored under a key made from it (``key_for_url``), so ingesting it again replaces
or keeps that document; a text that is already stored under another key is refused as a
duplicate. Each refusal is one line and stores nothing; the other inputs go on.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path

from bot.facts.documents import DocumentError
from bot.facts.ingest import ExtractFn, IngestSummary, ProgressFn, Refusal, ingest_paths
from bot.facts.model import Document
from bot.facts.store import FactStore, StoreError
from bot.intake.addresses import AddressPolicy
from bot.intake.article import SUFFIX_KINDS, read_file
from bot.intake.download import fetch_article
from bot.intake.errors import IntakeError
from bot.intake.fetch import Fetcher, FetchLimits

log = logging.getLogger(__name__)

_READ_HERE = frozenset(suffix for suffix in SUFFIX_KINDS if suffix not in (".txt", ".md"))


def is_address(value: str) -> bool:
    """An argument that names a URL rather than a path (``scheme://...``)."""
    head, sep, _ = value.partition("://")
    return bool(sep) and head.isalpha() and len(head) <= 10


async def ingest_inputs(
    store: FactStore,
    inputs: Sequence[str],
    extract_fn: ExtractFn,
    *,
    policy: AddressPolicy,
    limits: FetchLimits | None = None,
    progress: ProgressFn | None = None,
) -> IngestSummary:
    addresses = [value for value in inputs if is_address(value)]
    paths = [Path(value) for value in inputs if not is_address(value)]
    files = [p for p in paths if p.suffix.lower() in _READ_HERE and not p.is_dir()]
    others = [p for p in paths if p not in files]
    summary = IngestSummary()
    if others:
        summary = await ingest_paths(store, others, extract_fn, progress=progress)
    documents: list[tuple[str, Document]] = []
    for path in files:
        try:
            documents.append((str(path), read_file(path)))
        except (IntakeError, DocumentError) as exc:
            summary.refused.append(Refusal(str(path), str(exc)))
    if addresses:
        async with Fetcher(policy, limits) as fetcher:
            for address in addresses:
                try:
                    document, _ = await fetch_article(fetcher, address)
                except (IntakeError, DocumentError) as exc:
                    summary.refused.append(Refusal(address, str(exc)))
                    continue
                documents.append((address, document))
    for name, document in documents:
        await _store(store, name, document, extract_fn, summary)
    return summary


async def _store(
    store: FactStore,
    name: str,
    document: Document,
    extract_fn: ExtractFn,
    summary: IngestSummary,
) -> None:
    summary.warnings += [(document.key, warning) for warning in document.warnings]
    for info in await store.documents(None):
        if info.digest == document.digest and info.key != document.key:
            summary.refused.append(Refusal(name, f"same text as the stored document {info.key}"))
            return
    try:
        extraction = extract_fn(document)
    except Exception as exc:
        log.exception("extraction failed for %s", name)
        summary.refused.append(Refusal(name, f"extraction failed ({type(exc).__name__}: {exc})"))
        return
    try:
        summary.results.append(await store.ingest(extraction))
    except StoreError as exc:
        summary.refused.append(Refusal(name, str(exc)))
