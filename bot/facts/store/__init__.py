"""The fact base (an SQLite file or a PostgreSQL database): migrations, the ingest transaction
and the queries of the commands.

``FactStore`` reads and writes (every write through ``FactStore.write()``, see ``transaction``);
``visibility`` is the SQL of what a server sees; ``document_writes``, ``reattach`` and ``quota``
are the ingest transaction's parts; ``overlays`` (the moderation service), ``audit`` and
``alerts`` are built on the store, which imports none of them.
"""

from bot.facts.store.errors import (
    DocumentExistsError,
    InvalidExtractionError,
    OwnershipError,
    QuotaError,
    SchemaError,
    StoreError,
)
from bot.facts.store.fact_store import FactStore
from bot.facts.store.quota import GuildQuota
from bot.facts.store.rows import (
    DocumentInfo,
    IngestResult,
    IngestStatus,
    NameCount,
    Origin,
    StoreStats,
)

__all__ = [
    "DocumentExistsError",
    "DocumentInfo",
    "FactStore",
    "GuildQuota",
    "IngestResult",
    "IngestStatus",
    "InvalidExtractionError",
    "NameCount",
    "Origin",
    "OwnershipError",
    "QuotaError",
    "SchemaError",
    "StoreError",
    "StoreStats",
]
