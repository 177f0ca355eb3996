-- A corrected figure can no longer show a low above its high. Correcting the low or the high
-- now stores both ends in the overlay, so a CHECK on the overlay row covers what a server sees;
-- the correction itself checks inside its write transaction, and this CHECK is the last guard
-- (two corrections of the two ends, made at once, each checked against the state before the
-- other, could store low > high before).
--
-- SQLite adds a CHECK only by rebuilding the table. Existing one-sided corrections get their
-- other end from the figure (what the server saw); a pair that is already inverted loses its
-- low and high (the figure's extracted value shows again) and the audit log of its server says
-- so. Every other column and decision is kept. The new index serves the look-up of a figure's
-- decisions across servers when its document is extracted again. PostgreSQL adds the CHECKs
-- to the table as it is.

UPDATE overlays
SET high = (SELECT f.high FROM figures f WHERE f.id = overlays.figure_id)
WHERE low IS NOT NULL AND high IS NULL
  AND EXISTS (SELECT 1 FROM figures f WHERE f.id = overlays.figure_id);

UPDATE overlays
SET low = (SELECT f.low FROM figures f WHERE f.id = overlays.figure_id)
WHERE high IS NOT NULL AND low IS NULL
  AND EXISTS (SELECT 1 FROM figures f WHERE f.id = overlays.figure_id);

-- dialect: sqlite
INSERT INTO audit_log (guild_id, actor_id, action, target, before, after, reason, at)
SELECT guild_id, 0, 'correction dropped', figure_id,
       json_object('low', low, 'high', high), json_object('low', NULL, 'high', NULL),
       'the corrected low was above the corrected high; the extracted value shows again',
       strftime('%Y-%m-%dT%H:%M:%f', 'now') || '000+00:00'
FROM overlays
WHERE low IS NOT NULL AND high IS NOT NULL AND low > high;

-- dialect: postgresql
INSERT INTO audit_log (guild_id, actor_id, action, target, before, after, reason, at)
SELECT guild_id, 0, 'correction dropped', figure_id,
       json_build_object('low', low, 'high', high)::text,
       json_build_object('low', NULL, 'high', NULL)::text,
       'the corrected low was above the corrected high; the extracted value shows again',
       to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') || '+00:00'
FROM overlays
WHERE low IS NOT NULL AND high IS NOT NULL AND low > high;

UPDATE overlays SET low = NULL, high = NULL
WHERE low IS NOT NULL AND high IS NOT NULL AND low > high;

ALTER TABLE overlays ADD CHECK (low >= 0);
ALTER TABLE overlays ADD CHECK (low IS NULL OR high IS NULL OR low <= high);

-- dialect: sqlite

CREATE TABLE overlays_checked (
    guild_id       INTEGER NOT NULL,
    figure_id      TEXT NOT NULL,
    hidden         INTEGER NOT NULL DEFAULT 0,
    verified       INTEGER NOT NULL DEFAULT 0,
    metric         TEXT
        CHECK (metric IN ('deployed', 'killed', 'wounded', 'casualties', 'captured', 'missing')),
    low            INTEGER CHECK (low >= 0),
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
    PRIMARY KEY (guild_id, figure_id),
    CHECK (low IS NULL OR high IS NULL OR low <= high)
);

INSERT INTO overlays_checked
SELECT guild_id, figure_id, hidden, verified, metric,
       CASE WHEN low > high THEN NULL ELSE low END,
       CASE WHEN low > high THEN NULL ELSE high END,
       qualifier, subject, source_set, source, date_set, date_text, date_start, date_end,
       date_precision, date_inferred, updated_at
FROM overlays;

DROP TABLE overlays;
ALTER TABLE overlays_checked RENAME TO overlays;

-- dialect: all
CREATE INDEX overlays_figure ON overlays (figure_id);
