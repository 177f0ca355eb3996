-- Moderation: what each server's moderators decided about figures, who may moderate, and the
-- audit log. Overlays are keyed by (guild id, figure id) and have no foreign key to figures: a
-- figure row is replaced when its document is re-ingested, but its id (a content hash) stays, so
-- the decision keeps pointing at it. A corrected column is NULL when that field is not corrected;
-- source and date may be corrected to "none", hence their *_set flags.

CREATE TABLE overlays (
    guild_id       INTEGER NOT NULL,
    figure_id      TEXT NOT NULL,
    hidden         INTEGER NOT NULL DEFAULT 0,
    verified       INTEGER NOT NULL DEFAULT 0,
    metric         TEXT
        CHECK (metric IN ('deployed', 'killed', 'wounded', 'casualties', 'captured', 'missing')),
    low            INTEGER,
    high           INTEGER,
    qualifier      TEXT
        CHECK (qualifier IN ('exact', 'at_least', 'at_most', 'about', 'range')),
    subject        TEXT,
    source_set     INTEGER NOT NULL DEFAULT 0,
    source         TEXT,
    date_set       INTEGER NOT NULL DEFAULT 0,
    date_text      TEXT,
    date_start     TEXT,
    date_end       TEXT,
    date_precision TEXT CHECK (date_precision IN ('day', 'month', 'year')),
    date_inferred  INTEGER,
    updated_at     TEXT NOT NULL,
    PRIMARY KEY (guild_id, figure_id)
);

CREATE TABLE moderator_roles (
    guild_id INTEGER PRIMARY KEY,
    role_id  INTEGER NOT NULL
);

-- guild_id NULL: an action on the shared fact base (by an owner). before/after are JSON.
CREATE TABLE audit_log (
    id       INTEGER PRIMARY KEY AUTOINCREMENT,
    guild_id INTEGER,
    actor_id INTEGER NOT NULL,
    action   TEXT NOT NULL,
    target   TEXT NOT NULL,
    before   TEXT,
    after    TEXT,
    reason   TEXT,
    at       TEXT NOT NULL
);
CREATE INDEX audit_log_guild ON audit_log (guild_id, id);
