-- Live dictation into a draft: the sequence number of the last audio frame whose text is stored in the
-- draft. A stream resumed after a dropped connection re-sends unacknowledged frames; their text is only
-- appended when its sequence number is above this one, so every acknowledged word is stored exactly once.
-- A fresh stream (no resumeFrom) starts numbering at 1 again and resets it to 0.
ALTER TABLE notes ADD COLUMN stream_seq BIGINT DEFAULT 0 NOT NULL;
