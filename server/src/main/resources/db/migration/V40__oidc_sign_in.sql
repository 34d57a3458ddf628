-- Single sign-on (OpenID Connect). A sign-in in progress lives in the database, not in one node's memory,
-- so the provider may send the browser back to any node. Single use (deleted when consumed), short-lived.
CREATE TABLE oidc_signins (
    state_hash    VARCHAR(64)   NOT NULL PRIMARY KEY,
    browser_hash  VARCHAR(64)   NOT NULL,
    nonce         VARCHAR(100)  NOT NULL,
    code_verifier VARCHAR(128)  NOT NULL,
    next_path     VARCHAR(2000),
    expires_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX oidc_signins_expires ON oidc_signins (expires_at);

-- Whether a session began with single sign-on (sign-out then also offers the provider's sign-out).
ALTER TABLE sessions ADD COLUMN sso BOOLEAN NOT NULL DEFAULT FALSE;
