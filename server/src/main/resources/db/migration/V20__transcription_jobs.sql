-- Transcriptions of long audio files run in the background. Their state lives in the database so that
-- any node can answer GET /api/transcriptions/{id}; the node running a job refreshes updated_at while it
-- works, so a job whose node died is recognisable as abandoned.
CREATE TABLE transcription_jobs (
    id                 VARCHAR(36)  NOT NULL PRIMARY KEY,
    user_id            BIGINT       NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    status             VARCHAR(10)  NOT NULL CHECK (status IN ('running', 'done', 'failed')),
    progress           DOUBLE PRECISION NOT NULL,
    audio_seconds      DOUBLE PRECISION,
    processing_seconds DOUBLE PRECISION,
    transcript         VARCHAR(1000000),
    words              VARCHAR(10000000),
    error              VARCHAR(500),
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at         TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX transcription_jobs_user ON transcription_jobs (user_id);
