-- Retention (gallring). A note removed by retention leaves a tombstone: its id and a revision from
-- note_revision, so the search index of every node (also one that was down during the pass, or one
-- rebuilding) follows the deletion through the same revision feed that brings it the notes' changes.
-- Tombstones hold no content.
CREATE TABLE deleted_notes (
    note_id    VARCHAR(36) NOT NULL PRIMARY KEY,
    revision   BIGINT      NOT NULL,
    deleted_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX deleted_notes_revision ON deleted_notes (revision);

-- The daily retention pass: one row per day, inserted in the pass's own transaction. With several nodes on
-- one database the primary key lets exactly one of them run a given day's pass; a pass that fails rolls its
-- row back, so another node (or the next check) can take it.
CREATE TABLE retention_runs (
    run_date   DATE         NOT NULL PRIMARY KEY,
    node       VARCHAR(200) NOT NULL,
    started_at TIMESTAMP WITH TIME ZONE NOT NULL
);
