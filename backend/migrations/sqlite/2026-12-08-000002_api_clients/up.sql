-- Third-party applications (OAuth 2.0 client credentials). The secret is stored as its
-- SHA-256 (it is 256 random bits, not a password); it is shown once, at registration
-- and at each renewal. A revoked client keeps its row: the audit log names it.
CREATE TABLE api_clients (
    id TEXT PRIMARY KEY NOT NULL,
    name TEXT NOT NULL,
    organisation TEXT NOT NULL,
    contact_email TEXT NOT NULL,
    scopes TEXT NOT NULL,
    allowed_ips TEXT,
    rate_limit_per_minute INTEGER NOT NULL,
    secret_hash TEXT NOT NULL,
    secret_created_at TIMESTAMP NOT NULL,
    created_at TIMESTAMP NOT NULL,
    created_by TEXT NOT NULL,
    revoked_at TIMESTAMP
);
-- Installations that exist already: their administrators' group may register clients.
INSERT INTO group_permissions (group_id, permission)
SELECT id, 'clients.manage' FROM user_groups WHERE id = 'amministratori';
