-- A change counter for the whole fact base. Every write transaction that changes what a server
-- may see (a document added, replaced or removed, aliases, moderation overlays) adds one to it
-- in the same transaction, so caches built from the fact base (autocomplete and search indexes)
-- can tell they are stale by comparing one integer instead of querying counts.
-- On PostgreSQL every change of it is also announced, at commit, to the other hosts listening
-- on the channel factbot_store_version (the payload is the new version).

CREATE TABLE store_version (
    id      INTEGER PRIMARY KEY CHECK (id = 1),
    version INTEGER NOT NULL
);
INSERT INTO store_version (id, version) VALUES (1, 0);

-- dialect: postgresql
CREATE FUNCTION store_version_announce() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('factbot_store_version', NEW.version::text);
    RETURN NULL;
END;
$$;
CREATE TRIGGER store_version_announce AFTER UPDATE ON store_version
    FOR EACH ROW EXECUTE FUNCTION store_version_announce();
