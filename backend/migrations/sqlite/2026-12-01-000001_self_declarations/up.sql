-- Self-declarations (SPEC §5): each form kept as the declarant had it generated, with
-- the values it holds. Never changed, never deleted: the declarant's archive.
CREATE TABLE self_declarations (
    id TEXT PRIMARY KEY NOT NULL,
    account_id TEXT NOT NULL REFERENCES accounts (id),
    type_code TEXT NOT NULL,
    declarant_surname TEXT NOT NULL,
    declarant_name TEXT NOT NULL,
    declarant_fiscal_code TEXT NOT NULL,
    -- Whether the registry knew the declarant as a resident (then it prefilled the form).
    resident BOOLEAN NOT NULL,
    -- JSON: {"field": "value"}, [{"surname": …}], ["field"].
    values_json TEXT NOT NULL,
    members_json TEXT NOT NULL,
    edited_registry_fields TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    pdf_sha256 TEXT NOT NULL,
    pdf BLOB NOT NULL,
    idempotency_key TEXT,
    request_fingerprint TEXT,
    UNIQUE (account_id, idempotency_key)
);
CREATE INDEX self_declarations_by_account ON self_declarations (account_id, created_at);

CREATE TRIGGER self_declarations_are_immutable
BEFORE UPDATE ON self_declarations
BEGIN
    SELECT RAISE(ABORT, 'self-declarations are immutable');
END;
CREATE TRIGGER self_declarations_are_kept
BEFORE DELETE ON self_declarations
BEGIN
    SELECT RAISE(ABORT, 'self-declarations are kept');
END;
