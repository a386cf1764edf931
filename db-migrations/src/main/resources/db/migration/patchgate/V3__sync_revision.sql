-- What a sync read, so that the next sync of an unchanged source can skip reading it
-- (docs/catalog.md, "Unchanged sources").
ALTER TABLE sync_run
    -- For people: e.g. 'git commit 1103d4db… (clean working tree)' or 'sha256 … of the file';
    -- NULL when the source has no revision (a plain folder) or the sync failed.
    ADD COLUMN source_revision     VARCHAR(300),
    -- SHA-256 (hex) over Patchgate's build, the source's format and location and source_revision:
    -- equal keys mean the catalog this run left is still what reading the source would give.
    ADD COLUMN read_key            CHAR(64),
    -- Set when the sync read nothing because the source was unchanged: the run whose result stands.
    ADD COLUMN unchanged_since_run BIGINT REFERENCES sync_run (id) ON DELETE SET NULL;
