-- Where each document came from, and its size.
--
-- origin: 'seeds' (the seeds folder: the start-up sync and /admin reload add, replace and
-- remove these), 'cli' (`python -m bot ingest`: kept until removed), 'upload' (a server's
-- /admin ingest). Documents stored before this migration cannot be told apart: the shared ones
-- are taken as seeds (the sync managed them all until now), a server's as uploads.
--
-- bytes: the UTF-8 size of the stored text, so a server's quota is one indexed SUM.

ALTER TABLE documents ADD COLUMN origin TEXT NOT NULL DEFAULT 'seeds'
    CHECK (origin IN ('seeds', 'cli', 'upload'));
UPDATE documents SET origin = 'upload' WHERE guild_id IS NOT NULL;

ALTER TABLE documents ADD COLUMN bytes INTEGER NOT NULL DEFAULT 0;
-- dialect: sqlite
UPDATE documents SET bytes = length(CAST(text AS BLOB));
-- dialect: postgresql
UPDATE documents SET bytes = octet_length(text);
