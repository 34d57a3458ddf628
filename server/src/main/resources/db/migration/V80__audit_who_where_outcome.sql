-- Who, from where and with what outcome, on every audit row written from now on: the actor's role and unit
-- (id and name as they were at the time), the client address (through trusted proxies) and the outcome
-- (allowed, denied, failed), and the case a note belongs to so a case's trail is one filter. Rows written before this migration keep NULL here and keep their hash; a row
-- with an outcome is hashed over the new fields too (AuditRow), so no one can strip or change them unseen.
ALTER TABLE audit_log ADD COLUMN role VARCHAR(20);
ALTER TABLE audit_log ADD COLUMN unit_id BIGINT;
ALTER TABLE audit_log ADD COLUMN unit VARCHAR(200);
ALTER TABLE audit_log ADD COLUMN address VARCHAR(100);
ALTER TABLE audit_log ADD COLUMN case_id VARCHAR(100);
ALTER TABLE audit_log ADD COLUMN outcome VARCHAR(10);
CREATE INDEX audit_log_user ON audit_log (user_id);
CREATE INDEX audit_log_action ON audit_log (action);
CREATE INDEX audit_log_case ON audit_log (case_id);
