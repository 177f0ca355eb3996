"""Files and folders -> the fact store: walking, reading, extracting, storing, summarising.

A refused file (not a news document, vanished, owned by someone else, over a server's quota)
changes nothing and is reported with a one-line reason; the others go on. Only documents whose
text changed are extracted again: the digest of the decoded text is compared with the stored one
first. Each document records its origin: :func:`sync_folder` (the seeds) adds, replaces and
removes only documents that came from the seeds folder; :func:`ingest_paths` (the command line)
adds documents that stay until removed. :func:`plan_upload` chooses the key of a server's upload
so that it never replaces another document.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Awaitable, Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from bot.facts.counts import counted
from bot.facts.documents import DocumentError, read_document
from bot.facts.model import Document, Extraction
from bot.facts.store import DocumentInfo, FactStore, IngestResult, Origin, StoreError

log = logging.getLogger(__name__)

SUFFIXES = frozenset({".txt", ".md"})
_UNSAFE_NAME = re.compile(r"[^\w.-]+")
#: Room in a key for the server's part and a digest, within Discord's 100-character choices.
_NAME_CHARACTERS = 48
_DIGEST_CHARACTERS = 8

ExtractFn = Callable[[Document], Extraction]
#: An ExtractFn, or one that returns an awaitable of the extraction (the bot's worker
#: processes), so that the event loop is free while it runs.
AnyExtractFn = Callable[[Document], Extraction | Awaitable[Extraction]]
ProgressFn = Callable[[int, int, str], None]


@dataclass(frozen=True, slots=True)
class Source:
    """A file to ingest and the document key it is stored under."""

    path: Path
    key: str


@dataclass(frozen=True, slots=True)
class Refusal:
    path: str
    reason: str


@dataclass(slots=True)
class IngestSummary:
    results: list[IngestResult] = field(default_factory=list)
    refused: list[Refusal] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    warnings: list[tuple[str, str]] = field(default_factory=list)

    def _keys(self, status: str) -> list[str]:
        return [r.key for r in self.results if r.status == status]

    @property
    def added(self) -> list[str]:
        return self._keys("added")

    @property
    def replaced(self) -> list[str]:
        return self._keys("replaced")

    @property
    def unchanged(self) -> list[str]:
        return self._keys("unchanged")

    @property
    def figures(self) -> int:
        """Figures written by this run (added and replaced documents)."""
        return sum(r.figures for r in self.results if r.status != "unchanged")

    @property
    def events(self) -> int:
        return sum(r.events for r in self.results if r.status != "unchanged")

    @property
    def ok(self) -> bool:
        return not self.refused

    def lines(self) -> list[str]:
        """The human summary: counts, then each warning and refusal on its own line."""
        lines = [
            f"documents: {len(self.added)} added, {len(self.replaced)} replaced,"
            f" {len(self.unchanged)} unchanged, {len(self.removed)} removed,"
            f" {len(self.refused)} refused",
            f"stored: {counted(self.figures, 'figure')}, {counted(self.events, 'event')}",
        ]
        lines += [f"warning: {key}: {message}" for key, message in self.warnings]
        lines += [f"refused: {r.path}: {r.reason}" for r in self.refused]
        return lines


def _is_candidate(path: Path) -> bool:
    return path.suffix.lower() in SUFFIXES and not path.name.startswith(".")


def collect_sources(paths: Iterable[Path]) -> tuple[list[Source], list[Refusal]]:
    """The .txt/.md files named or found (recursively) under ``paths``.

    A folder's files are keyed by their path relative to it, a named file by its name, so that
    ingesting ``seeds/`` or ``seeds/a.txt`` stores the same key. Entries that are not folders are
    listed even when they cannot be read (a dangling link): reading them refuses them.
    """
    found: list[Source] = []
    refused: list[Refusal] = []
    for path in paths:
        if path.is_dir():
            for entry in sorted(path.rglob("*")):
                relative = entry.relative_to(path)
                hidden = any(part.startswith(".") for part in relative.parts)
                if not hidden and _is_candidate(entry) and not entry.is_dir():
                    found.append(Source(entry, relative.as_posix()))
        elif not path.exists() and not path.is_symlink():
            refused.append(Refusal(str(path), "no such file or folder"))
        elif not _is_candidate(path):
            refused.append(Refusal(str(path), "not a .txt or .md file"))
        else:
            found.append(Source(path, path.name))
    sources: list[Source] = []
    first_path: dict[str, Path] = {}
    for source in found:
        if source.key in first_path:
            reason = f"same document key {source.key!r} as {first_path[source.key]}"
            refused.append(Refusal(str(source.path), reason))
        else:
            first_path[source.key] = source.path
            sources.append(source)
    return sources, refused


def _read(source: Source) -> Document:
    try:
        return read_document(source.path, key=source.key)
    except OSError as exc:
        raise DocumentError(f"cannot read the file: {exc.strerror or exc}") from None


async def ingest_sources(
    store: FactStore,
    sources: Sequence[Source],
    extract_fn: AnyExtractFn,
    *,
    guild_id: int | None = None,
    origin: Origin = "cli",
    progress: ProgressFn | None = None,
    summary: IngestSummary | None = None,
) -> IngestSummary:
    summary = summary if summary is not None else IngestSummary()
    stored: dict[str, DocumentInfo] = {
        info.key: info for info in await store.documents(guild_id) if info.guild_id == guild_id
    }
    for done, source in enumerate(sources, start=1):
        if progress is not None:
            progress(done - 1, len(sources), source.key)
        try:
            document = _read(source)
        except DocumentError as exc:
            summary.refused.append(Refusal(str(source.path), str(exc)))
            continue
        summary.warnings += [(source.key, warning) for warning in document.warnings]
        known = stored.get(source.key)
        if known is not None and known.digest == document.digest:
            unchanged = IngestResult(source.key, "unchanged", known.figures, known.events)
            summary.results.append(unchanged)
            continue
        try:
            extracted = extract_fn(document)
            extraction = extracted if isinstance(extracted, Extraction) else await extracted
        except Exception as exc:
            log.exception("extraction failed for %s", source.path)
            reason = f"extraction failed ({type(exc).__name__}: {exc})"
            summary.refused.append(Refusal(str(source.path), reason))
            continue
        try:
            result = await store.ingest(extraction, guild_id=guild_id, origin=origin)
            summary.results.append(result)
        except StoreError as exc:
            summary.refused.append(Refusal(str(source.path), str(exc)))
    if progress is not None and sources:
        progress(len(sources), len(sources), "")
    return summary


async def ingest_paths(
    store: FactStore,
    paths: Iterable[Path],
    extract_fn: AnyExtractFn,
    *,
    guild_id: int | None = None,
    progress: ProgressFn | None = None,
) -> IngestSummary:
    """Ingest files and folders (recursively); see ``collect_sources`` for the keys."""
    sources, refused = collect_sources(paths)
    summary = IngestSummary(refused=refused)
    return await ingest_sources(
        store, sources, extract_fn, guild_id=guild_id, progress=progress, summary=summary
    )


async def sync_folder(
    store: FactStore,
    folder: Path,
    extract_fn: AnyExtractFn,
    *,
    guild_id: int | None = None,
    progress: ProgressFn | None = None,
) -> IngestSummary:
    """Make ``guild_id``'s documents from the seeds mirror ``folder``: ingest its files, remove
    the seed documents whose file is gone; documents of another origin (the command line,
    uploads) are left alone. A missing folder is refused and removes nothing."""
    if not folder.is_dir():
        return IngestSummary(refused=[Refusal(str(folder), "no such folder")])
    sources, refused = collect_sources([folder])
    summary = await ingest_sources(
        store,
        sources,
        extract_fn,
        guild_id=guild_id,
        origin="seeds",
        progress=progress,
        summary=IngestSummary(refused=refused),
    )
    present = {source.key for source in sources}
    for info in await store.documents(guild_id):
        owned = info.guild_id == guild_id and info.origin == "seeds"
        owned_and_gone = owned and info.key not in present
        if owned_and_gone and await store.remove_document(info.key, guild_id=guild_id):
            summary.removed.append(info.key)
    return summary


# -- a server's uploads ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class UploadPlan:
    """Where an upload goes: its key, whether that key already holds this very text, and the
    server's other documents that came from a file of the same name (kept, never replaced).
    The preview says it in the moderator's language (``plan_summary`` in bot/admin/uploads.py)."""

    key: str
    unchanged: bool
    same_name: tuple[DocumentInfo, ...] = ()
    #: The stored document that already holds this text (when ``unchanged``).
    held: DocumentInfo | None = None


def _safe_name(filename: str) -> tuple[str, str]:
    """The file name made safe for a key, split into stem and suffix (with its dot)."""
    name = _UNSAFE_NAME.sub("_", filename.strip()).strip("._") or "document"
    stem, dot, suffix = name.rpartition(".")
    if not dot or not stem:
        return name[:_NAME_CHARACTERS], ""
    return stem[:_NAME_CHARACTERS], "." + suffix[:10]


def plan_upload(
    guild_id: int, filename: str, digest: str, stored: Iterable[DocumentInfo]
) -> UploadPlan:
    """The key of an upload to ``guild_id``, given the server's ``stored`` documents.

    The first text uploaded under a file name keeps the plain name (``guild-1/report.txt``);
    a different text under the same name (Discord calls every long pasted text
    ``message.txt``) gets the name plus a short digest of its text
    (``guild-1/message-1a2b3c4d.txt``); the same text uploaded again finds the key it has.
    """
    stem, suffix = _safe_name(filename)
    return _plan(guild_id, f"guild-{guild_id}/{stem}", suffix, digest, stored)


def plan_article(
    guild_id: int, key: str, digest: str, stored: Iterable[DocumentInfo]
) -> UploadPlan:
    """The key of an article a server adds from an address, ``key`` being the one made from
    the address: the same text there is unchanged; a different text (the article was edited
    since) is stored beside it under the key plus a short digest, as uploads are."""
    return _plan(guild_id, key, "", digest, stored)


def _plan(
    guild_id: int, stem: str, suffix: str, digest: str, stored: Iterable[DocumentInfo]
) -> UploadPlan:
    plain = f"{stem}{suffix}"
    pattern = re.compile(
        re.escape(stem) + rf"(-[0-9a-f]{{{_DIGEST_CHARACTERS}}})?" + re.escape(suffix)
    )
    same = tuple(d for d in stored if d.guild_id == guild_id and pattern.fullmatch(d.key))
    for document in same:
        if document.digest == digest:
            others = tuple(d for d in same if d is not document)
            return UploadPlan(document.key, unchanged=True, same_name=others, held=document)
    if not any(d.key == plain for d in same):
        return UploadPlan(plain, unchanged=False, same_name=same)
    return UploadPlan(
        f"{stem}-{digest[:_DIGEST_CHARACTERS]}{suffix}", unchanged=False, same_name=same
    )


def with_same_text(
    plan: UploadPlan, guild_id: int, digest: str, stored: Iterable[DocumentInfo]
) -> UploadPlan:
    """``plan``, unless the server already has this exact text under another key (uploaded
    as another file, fetched from another address, pasted): then that key, unchanged, so the
    same article is never stored twice however it arrives. Text the shared fact base holds
    is refused with :class:`DocumentError` (every answer in the server already includes it)."""
    if plan.unchanged:
        return plan
    for document in stored:
        if document.digest != digest:
            continue
        if document.guild_id is None:
            raise DocumentError(
                f"the shared fact base already holds this exact text as {document.key};"
                " this server's answers include it already"
            )
        if document.guild_id == guild_id:
            return UploadPlan(document.key, unchanged=True, held=document)
    return plan
