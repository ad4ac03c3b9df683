-- Issued certificates (SPEC §4): the keys that sign them, the documents kept immutable
-- for later verification, and every verification made by anyone.

-- One key signs both the QR seal (COSE) and the PDF (PAdES). Retired keys stay, so that
-- what they signed keeps verifying. The private key is PKCS#8 DER.
CREATE TABLE signing_keys (
    id TEXT PRIMARY KEY NOT NULL,
    private_key_pkcs8 BYTEA NOT NULL,
    certificate_der BYTEA NOT NULL,
    created_at TIMESTAMP NOT NULL,
    retired_at TIMESTAMP
);
-- At most one current key.
CREATE UNIQUE INDEX signing_keys_one_current ON signing_keys ((retired_at IS NULL)) WHERE retired_at IS NULL;

CREATE TABLE certificates (
    id TEXT PRIMARY KEY NOT NULL,
    type_code TEXT NOT NULL,
    usage_code TEXT NOT NULL,
    usage_text TEXT,
    person_id TEXT NOT NULL REFERENCES persons (id),
    subject_surname TEXT NOT NULL,
    subject_name TEXT NOT NULL,
    subject_fiscal_code TEXT NOT NULL,
    requester_account_id TEXT NOT NULL REFERENCES accounts (id),
    requester_relation TEXT NOT NULL CHECK (requester_relation IN ('self', 'family', 'third_party', 'office')),
    reason TEXT,
    -- Each marca da bollo pays for one certificate in the whole system: the unique
    -- index decides between concurrent requests.
    stamp_identifier TEXT UNIQUE,
    stamp_issue_date DATE,
    situation_date DATE NOT NULL,
    issued_at TIMESTAMP NOT NULL,
    valid_until DATE NOT NULL,
    signing_key_id TEXT NOT NULL REFERENCES signing_keys (id),
    content_sha256 TEXT NOT NULL,
    pdf_sha256 TEXT NOT NULL,
    -- What the QR holds: the verification page with the seal after '#'.
    verify_url TEXT NOT NULL,
    pdf BYTEA NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('valid', 'revoked')),
    revoked_at TIMESTAMP,
    idempotency_key TEXT,
    request_fingerprint TEXT,
    UNIQUE (requester_account_id, idempotency_key)
);
CREATE INDEX certificates_by_requester ON certificates (requester_account_id, issued_at);
CREATE INDEX certificates_by_person ON certificates (person_id, issued_at);

-- The document and what it says never change; only the status may (revocation).
CREATE FUNCTION certificates_guard() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'issued certificates are kept';
    END IF;
    IF (NEW.id, NEW.type_code, NEW.usage_code, NEW.usage_text, NEW.person_id,
        NEW.subject_surname, NEW.subject_name, NEW.subject_fiscal_code,
        NEW.requester_account_id, NEW.requester_relation, NEW.reason,
        NEW.stamp_identifier, NEW.stamp_issue_date, NEW.situation_date, NEW.issued_at,
        NEW.valid_until, NEW.signing_key_id, NEW.content_sha256, NEW.pdf_sha256, NEW.verify_url, NEW.pdf)
       IS DISTINCT FROM
       (OLD.id, OLD.type_code, OLD.usage_code, OLD.usage_text, OLD.person_id,
        OLD.subject_surname, OLD.subject_name, OLD.subject_fiscal_code,
        OLD.requester_account_id, OLD.requester_relation, OLD.reason,
        OLD.stamp_identifier, OLD.stamp_issue_date, OLD.situation_date, OLD.issued_at,
        OLD.valid_until, OLD.signing_key_id, OLD.content_sha256, OLD.pdf_sha256, OLD.verify_url, OLD.pdf) THEN
        RAISE EXCEPTION 'issued certificates are immutable';
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER certificates_are_immutable BEFORE UPDATE OR DELETE ON certificates
    FOR EACH ROW EXECUTE FUNCTION certificates_guard();

CREATE TABLE certificate_verifications (
    id BIGSERIAL PRIMARY KEY,
    certificate_id TEXT NOT NULL REFERENCES certificates (id),
    verified_at TIMESTAMP NOT NULL,
    ip TEXT,
    what TEXT NOT NULL CHECK (what IN ('status', 'document'))
);
CREATE INDEX certificate_verifications_by_certificate ON certificate_verifications (certificate_id, verified_at);

-- Installations whose built-in groups exist already get the new permission too.
INSERT INTO group_permissions (group_id, permission)
SELECT id, 'certificates.revoke' FROM user_groups WHERE id IN ('operatori-anagrafe', 'amministratori');
