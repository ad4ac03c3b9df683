-- Ends access tokens before their expiry. An event either raises the account's session
-- generation (every token issued before is void: lock, password change or reset, change
-- of groups, "log out everywhere") or ends one session (its refresh family: "log out").
-- Each instance reads the new events every second into memory, so checking a token
-- costs no query; events older than an access token's life no longer matter.
CREATE TABLE session_revocations (
    id INTEGER PRIMARY KEY NOT NULL,
    account_id TEXT NOT NULL,
    generation BIGINT,
    family_id TEXT,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX session_revocations_by_account ON session_revocations (account_id, generation);
CREATE INDEX session_revocations_by_time ON session_revocations (created_at);
