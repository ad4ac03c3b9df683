-- SPID/CIE logins through the OpenID Connect Federation. A row is born when the citizen
-- leaves for the identity provider (`state`, PKCE verifier and nonce kept here, never in
-- the browser), is used once when the provider sends the citizen back, and hands the
-- portal session over with a single-use ticket (stored hashed). The provider's access
-- token stays with the session so that logging out can revoke it.
CREATE TABLE federation_logins (
    state TEXT PRIMARY KEY NOT NULL,
    provider_id TEXT NOT NULL,
    nonce TEXT NOT NULL,
    code_verifier TEXT NOT NULL,
    return_to TEXT NOT NULL,
    status TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    expires_at TIMESTAMP NOT NULL,
    account_id TEXT,
    acr TEXT,
    ticket_hash TEXT UNIQUE,
    provider_access_token TEXT,
    revocation_endpoint TEXT,
    session_id TEXT,
    finished_at TIMESTAMP
);
CREATE INDEX federation_logins_by_session ON federation_logins (session_id);
CREATE INDEX federation_logins_by_expiry ON federation_logins (expires_at);
