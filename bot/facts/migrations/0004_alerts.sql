-- Alerts: the channel where a server wants new figures posted when a document is ingested, and
-- what went wrong the last time posting there failed (a deleted channel, a missing permission),
-- so that its moderators can see it. One row per server; no row means no alerts.

CREATE TABLE alert_subscriptions (
    guild_id     INTEGER PRIMARY KEY,
    channel_id   INTEGER NOT NULL,
    enabled      INTEGER NOT NULL DEFAULT 1,
    updated_by   INTEGER NOT NULL,
    updated_at   TEXT NOT NULL,
    problem      TEXT,
    problem_at   TEXT,
    delivered_at TEXT
);
CREATE INDEX alert_subscriptions_enabled ON alert_subscriptions (enabled, guild_id);
