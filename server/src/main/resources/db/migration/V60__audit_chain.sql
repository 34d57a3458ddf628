-- Tamper-evident audit log: every row carries its place in one chain (seq), the previous row's hash and
-- a SHA-256 over its own content and that previous hash. audit_chain holds the head of the chain; writers
-- lock it (SELECT ... FOR UPDATE) in the same transaction as their row, so the chain stays one line even
-- with several nodes writing to one PostgreSQL. Rows written before this migration are chained by
-- db.migration.V61__audit_chain_backfill.
ALTER TABLE audit_log ADD COLUMN seq BIGINT;
ALTER TABLE audit_log ADD COLUMN prev_hash VARCHAR(64);
ALTER TABLE audit_log ADD COLUMN hash VARCHAR(64);
CREATE UNIQUE INDEX audit_log_seq ON audit_log (seq);

CREATE TABLE audit_chain (
    id        INT PRIMARY KEY,
    last_hash VARCHAR(64) NOT NULL,
    row_count BIGINT      NOT NULL
);
INSERT INTO audit_chain (id, last_hash, row_count)
VALUES (1, '0000000000000000000000000000000000000000000000000000000000000000', 0);
