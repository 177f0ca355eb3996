-- The fact base: documents and what was extracted from them.
-- A document belongs to the shared base (guild_id NULL, built from seeds/) or to one Discord
-- server. Figures and events belong to their document and go with it. Moderation overlays keyed
-- by (guild_id, figure id) and an audit log come in a later migration; figure ids are content
-- hashes that survive re-ingestion, so overlays can point at them.

CREATE TABLE documents (
    key           TEXT PRIMARY KEY,
    guild_id      INTEGER,
    title         TEXT,
    publisher     TEXT,
    url           TEXT,
    published     TEXT,
    pub_text      TEXT,
    pub_start     TEXT,
    pub_end       TEXT,
    pub_precision TEXT,
    pub_inferred  INTEGER,
    meta          TEXT NOT NULL DEFAULT '{}',
    digest        TEXT NOT NULL,
    text          TEXT NOT NULL,
    words         INTEGER NOT NULL,
    ingested_at   TEXT NOT NULL,
    updated_at    TEXT NOT NULL
);
CREATE INDEX documents_guild ON documents (guild_id);

CREATE TABLE figures (
    id             TEXT PRIMARY KEY,
    document       TEXT NOT NULL REFERENCES documents (key) ON DELETE CASCADE,
    position       INTEGER NOT NULL,
    metric         TEXT NOT NULL
        CHECK (metric IN ('deployed', 'killed', 'wounded', 'casualties', 'captured', 'missing')),
    subject        TEXT NOT NULL,
    low            INTEGER NOT NULL,
    high           INTEGER NOT NULL CHECK (high >= low),
    qualifier      TEXT NOT NULL
        CHECK (qualifier IN ('exact', 'at_least', 'at_most', 'about', 'range')),
    additional     INTEGER NOT NULL,
    source         TEXT,
    date_text      TEXT,
    date_start     TEXT,
    date_end       TEXT,
    date_precision TEXT CHECK (date_precision IN ('day', 'month', 'year')),
    date_inferred  INTEGER,
    quote          TEXT NOT NULL,
    span_start     INTEGER NOT NULL,
    span_end       INTEGER NOT NULL
);
CREATE INDEX figures_document ON figures (document, position);
CREATE INDEX figures_order ON figures (subject, metric, date_start, low);
CREATE INDEX figures_metric ON figures (metric);
-- dialect: sqlite
CREATE INDEX figures_source ON figures (source COLLATE NOCASE);
-- dialect: postgresql
CREATE INDEX figures_source ON figures (lower(source));
-- dialect: all

CREATE TABLE events (
    id             TEXT PRIMARY KEY,
    document       TEXT NOT NULL REFERENCES documents (key) ON DELETE CASCADE,
    position       INTEGER NOT NULL,
    date_text      TEXT NOT NULL,
    date_start     TEXT NOT NULL,
    date_end       TEXT NOT NULL,
    date_precision TEXT NOT NULL CHECK (date_precision IN ('day', 'month', 'year')),
    date_inferred  INTEGER NOT NULL,
    summary        TEXT NOT NULL,
    quote          TEXT NOT NULL,
    span_start     INTEGER NOT NULL,
    span_end       INTEGER NOT NULL
);
CREATE INDEX events_document ON events (document, position);
CREATE INDEX events_date ON events (date_start, date_end);

-- Canonical subject and claimant names, and what users may type for them. Triggers fill them
-- from the figures as they are inserted (every canonical name is an alias of itself); the alias
-- table of the extractor can add more. Autocomplete lists names from the figures a server sees.
CREATE TABLE names (
    kind TEXT NOT NULL CHECK (kind IN ('subject', 'claimant')),
    name TEXT NOT NULL,
    PRIMARY KEY (kind, name)
);

CREATE TABLE aliases (
    kind      TEXT NOT NULL,
    alias     TEXT NOT NULL COLLATE NOCASE,
    canonical TEXT NOT NULL,
    PRIMARY KEY (kind, alias),
    FOREIGN KEY (kind, canonical) REFERENCES names (kind, name) ON DELETE CASCADE
);

-- dialect: sqlite
CREATE TRIGGER figures_fill_names AFTER INSERT ON figures
BEGIN
    INSERT OR IGNORE INTO names (kind, name) VALUES ('subject', NEW.subject);
    INSERT OR IGNORE INTO names (kind, name)
        SELECT 'claimant', NEW.source WHERE NEW.source IS NOT NULL;
END;

CREATE TRIGGER names_alias_themselves AFTER INSERT ON names
BEGIN
    INSERT OR IGNORE INTO aliases (kind, alias, canonical) VALUES (NEW.kind, NEW.name, NEW.name);
END;

-- dialect: postgresql
CREATE FUNCTION figures_fill_names() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO names (kind, name) VALUES ('subject', NEW.subject) ON CONFLICT DO NOTHING;
    IF NEW.source IS NOT NULL THEN
        INSERT INTO names (kind, name) VALUES ('claimant', NEW.source) ON CONFLICT DO NOTHING;
    END IF;
    RETURN NULL;
END;
$$;
CREATE TRIGGER figures_fill_names AFTER INSERT ON figures
    FOR EACH ROW EXECUTE FUNCTION figures_fill_names();

CREATE FUNCTION names_alias_themselves() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO aliases (kind, alias, canonical) VALUES (NEW.kind, NEW.name, NEW.name)
        ON CONFLICT DO NOTHING;
    RETURN NULL;
END;
$$;
CREATE TRIGGER names_alias_themselves AFTER INSERT ON names
    FOR EACH ROW EXECUTE FUNCTION names_alias_themselves();
