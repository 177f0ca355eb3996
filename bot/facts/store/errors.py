"""What the store refuses. Every message is one line its callers show as it is."""

from __future__ import annotations


class StoreError(Exception):
    """A store operation was refused; the message says why in one line."""


class SchemaError(StoreError):
    """The database file is not one this code may use (not SQLite, another application's,
    or written by a newer version)."""


class OwnershipError(StoreError):
    """The document key belongs to another owner (another guild, or shared vs a guild), or to
    another origin (the seeds folder vs the command line)."""


class DocumentExistsError(StoreError):
    """The key already holds another text, and the write was not allowed to replace it."""


class InvalidExtractionError(StoreError):
    """The extraction breaks a constraint of the schema (e.g. two figures with one id)."""


class QuotaError(StoreError):
    """Storing the document would take a server past one of its limits."""
