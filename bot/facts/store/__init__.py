"""The SQLite fact base: migrations, the ingest transaction and the queries of the commands."""

from bot.facts.store.fact_store import (
    FactStore,
    InvalidExtractionError,
    OwnershipError,
    StoreError,
)
from bot.facts.store.rows import DocumentInfo, IngestResult, IngestStatus, NameCount, StoreStats

__all__ = [
    "DocumentInfo",
    "FactStore",
    "IngestResult",
    "IngestStatus",
    "InvalidExtractionError",
    "NameCount",
    "OwnershipError",
    "StoreError",
    "StoreStats",
]
