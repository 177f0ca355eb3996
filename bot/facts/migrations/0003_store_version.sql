-- A change counter for the whole fact base. Every write transaction that changes what a server
-- may see (a document added, replaced or removed, aliases, moderation overlays) adds one to it
-- in the same transaction, so caches built from the fact base (autocomplete and search indexes)
-- can tell they are stale by comparing one integer instead of querying counts.

CREATE TABLE store_version (
    id      INTEGER PRIMARY KEY CHECK (id = 1),
    version INTEGER NOT NULL
);
INSERT INTO store_version (id, version) VALUES (1, 0);
