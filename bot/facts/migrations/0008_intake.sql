-- News in: the feeds each server follows, the entries already seen in them, the moderation queue
-- of articles fetched from them, and whether a server stores new articles at once.
-- Times are ISO 8601 UTC strings (microseconds, +00:00), so they compare as text.

CREATE TABLE feeds (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    guild_id        INTEGER NOT NULL,
    url             TEXT NOT NULL,
    title           TEXT,
    etag            TEXT,
    last_modified   TEXT,
    failures        INTEGER NOT NULL DEFAULT 0,
    last_error      TEXT,
    last_polled_at  TEXT,
    last_success_at TEXT,
    next_poll_at    TEXT NOT NULL,
    added_by        INTEGER NOT NULL,
    added_at        TEXT NOT NULL,
    UNIQUE (guild_id, url)
);
CREATE INDEX feeds_due ON feeds (next_poll_at);

-- An entry is polled once: 'queued', 'stored', 'duplicate' and 'skipped' are final; 'failed' is
-- tried again on later polls while the feed still lists it, up to a few attempts.
CREATE TABLE feed_entries (
    feed_id   INTEGER NOT NULL REFERENCES feeds (id) ON DELETE CASCADE,
    entry_key TEXT NOT NULL,
    link      TEXT NOT NULL,
    status    TEXT NOT NULL
        CHECK (status IN ('queued', 'stored', 'duplicate', 'skipped', 'failed')),
    attempts  INTEGER NOT NULL DEFAULT 1,
    error     TEXT,
    seen_at   TEXT NOT NULL,
    PRIMARY KEY (feed_id, entry_key)
);

-- Articles waiting for a moderator's Confirm or Cancel, with the whole document (text and
-- fields), so the preview is extracted afresh when it is shown.
CREATE TABLE intake_queue (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    guild_id    INTEGER NOT NULL,
    feed_id     INTEGER REFERENCES feeds (id) ON DELETE SET NULL,
    doc_key     TEXT NOT NULL,
    url         TEXT NOT NULL,
    norm_url    TEXT NOT NULL,
    title       TEXT,
    publisher   TEXT,
    published   TEXT,
    meta        TEXT NOT NULL DEFAULT '[]',
    warnings    TEXT NOT NULL DEFAULT '[]',
    text        TEXT NOT NULL,
    digest      TEXT NOT NULL,
    figures     INTEGER NOT NULL,
    queued_at   TEXT NOT NULL,
    UNIQUE (guild_id, norm_url),
    UNIQUE (guild_id, digest)
);
CREATE INDEX intake_queue_guild ON intake_queue (guild_id, id);

CREATE TABLE intake_settings (
    guild_id      INTEGER PRIMARY KEY,
    store_at_once INTEGER NOT NULL DEFAULT 0,
    updated_by    INTEGER NOT NULL,
    updated_at    TEXT NOT NULL
);

-- "Already stored?" looks documents up by address and by text digest.
CREATE INDEX documents_url ON documents (url);
CREATE INDEX documents_digest ON documents (digest);
