-- private_key_jwt (RFC 7523): an application may register its public keys instead of
-- receiving a secret. Its assertions' ids are kept until they expire, so that none is
-- accepted twice.
ALTER TABLE api_clients ADD COLUMN public_jwks TEXT;
CREATE TABLE client_assertions (
    client_id TEXT NOT NULL,
    jti TEXT NOT NULL,
    expires_at TIMESTAMP NOT NULL,
    PRIMARY KEY (client_id, jti)
);
CREATE INDEX client_assertions_expiry ON client_assertions (expires_at);
