-- Accounts as registration creates them (seed 001), counter identification, login
-- throttling, sessions (refresh tokens), password reset, RBAC, mail outbox, audit log.
ALTER TABLE accounts ADD COLUMN sex TEXT;
ALTER TABLE accounts ADD COLUMN birth_date DATE;
ALTER TABLE accounts ADD COLUMN birth_place_code TEXT;
ALTER TABLE accounts ADD COLUMN pec TEXT;
ALTER TABLE accounts ADD COLUMN phone TEXT;
ALTER TABLE accounts ADD COLUMN mobile_phone TEXT;
ALTER TABLE accounts ADD COLUMN address_province TEXT;
ALTER TABLE accounts ADD COLUMN address_municipality TEXT;
ALTER TABLE accounts ADD COLUMN address_street TEXT;
ALTER TABLE accounts ADD COLUMN address_number TEXT;
ALTER TABLE accounts ADD COLUMN identity_document_type TEXT;
ALTER TABLE accounts ADD COLUMN identity_document_number TEXT;
ALTER TABLE accounts ADD COLUMN identity_document_expiry DATE;
ALTER TABLE accounts ADD COLUMN identified_by TEXT;
ALTER TABLE accounts ADD COLUMN identified_at TIMESTAMP;
ALTER TABLE accounts ADD COLUMN password_changed_at TIMESTAMP;
ALTER TABLE accounts ADD COLUMN updated_at TIMESTAMP;

-- Failed logins per account and per client address, in a sliding window; a lock
-- expires by itself (never a permanent denial of service for the victim).
CREATE TABLE login_throttle (
    throttle_key TEXT PRIMARY KEY NOT NULL,
    failures INTEGER NOT NULL,
    window_started_at TIMESTAMP NOT NULL,
    locked_until TIMESTAMP
);

-- Refresh tokens, stored hashed. A rotation marks the old one used; presenting a used
-- token again revokes its whole family (the chain of rotations of one login).
CREATE TABLE refresh_tokens (
    id TEXT PRIMARY KEY NOT NULL,
    account_id TEXT NOT NULL REFERENCES accounts (id),
    family_id TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    created_at TIMESTAMP NOT NULL,
    expires_at TIMESTAMP NOT NULL,
    used_at TIMESTAMP,
    revoked_at TIMESTAMP
);
CREATE INDEX refresh_tokens_by_family ON refresh_tokens (family_id);
CREATE INDEX refresh_tokens_by_account ON refresh_tokens (account_id);

CREATE TABLE password_reset_tokens (
    token_hash TEXT PRIMARY KEY NOT NULL,
    account_id TEXT NOT NULL REFERENCES accounts (id),
    created_at TIMESTAMP NOT NULL,
    expires_at TIMESTAMP NOT NULL,
    used_at TIMESTAMP
);

CREATE TABLE user_groups (
    id TEXT PRIMARY KEY NOT NULL,
    name TEXT NOT NULL UNIQUE,
    description TEXT NOT NULL,
    built_in BOOLEAN NOT NULL
);

CREATE TABLE group_permissions (
    group_id TEXT NOT NULL REFERENCES user_groups (id) ON DELETE CASCADE,
    permission TEXT NOT NULL,
    PRIMARY KEY (group_id, permission)
);

CREATE TABLE account_groups (
    account_id TEXT NOT NULL REFERENCES accounts (id),
    group_id TEXT NOT NULL REFERENCES user_groups (id) ON DELETE CASCADE,
    PRIMARY KEY (account_id, group_id)
);

-- Mail is written here in the same transaction as the action that sends it, and
-- delivered by a worker; nothing is lost if the SMTP server is down.
CREATE TABLE mail_outbox (
    id TEXT PRIMARY KEY NOT NULL,
    created_at TIMESTAMP NOT NULL,
    recipients TEXT NOT NULL,
    cc TEXT,
    subject TEXT NOT NULL,
    body_text TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('pending', 'sent', 'failed')),
    attempts INTEGER NOT NULL,
    next_attempt_at TIMESTAMP NOT NULL,
    last_error TEXT,
    sent_at TIMESTAMP
);
CREATE INDEX mail_outbox_due ON mail_outbox (status, next_attempt_at);

CREATE TABLE mail_attachments (
    id BIGSERIAL PRIMARY KEY,
    mail_id TEXT NOT NULL REFERENCES mail_outbox (id) ON DELETE CASCADE,
    file_name TEXT NOT NULL,
    content_type TEXT NOT NULL,
    content BYTEA NOT NULL
);

-- Append-only and hash-chained: each entry's hash covers its content and the previous
-- entry's hash, so an edited or deleted row breaks the chain.
CREATE TABLE audit_log (
    id BIGSERIAL PRIMARY KEY,
    occurred_at TIMESTAMP NOT NULL,
    actor_id TEXT,
    actor_label TEXT NOT NULL,
    action TEXT NOT NULL,
    subject_type TEXT,
    subject_id TEXT,
    reason TEXT,
    ip TEXT,
    request_id TEXT,
    details TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL UNIQUE
);
CREATE INDEX audit_log_by_time ON audit_log (occurred_at);
CREATE INDEX audit_log_by_actor ON audit_log (actor_id);
CREATE INDEX audit_log_by_subject ON audit_log (subject_id);
