-- Online practices (SPEC §6): a request the citizen prepares in steps, submits and
-- follows while the office works it. The declaration is kept as JSON (`data_json`); the
-- columns are what the queue sorts, filters and enforces.
CREATE TABLE practices (
    id TEXT PRIMARY KEY NOT NULL,
    type_code TEXT NOT NULL,
    account_id TEXT NOT NULL REFERENCES accounts (id),
    state TEXT NOT NULL,
    data_json TEXT NOT NULL,
    step TEXT NOT NULL,
    -- Raised by every save: a draft saved meanwhile on another device is not overwritten.
    version BIGINT NOT NULL,
    applicant_surname TEXT NOT NULL,
    applicant_name TEXT NOT NULL,
    applicant_fiscal_code TEXT NOT NULL,
    -- The registry family the movers leave (none for newcomers), set at submission;
    -- `open_family_id` holds it only while the practice is open, so the unique index
    -- allows one open declaration per family, whatever the concurrency.
    family_id TEXT,
    open_family_id TEXT UNIQUE,
    protocol_year INTEGER,
    protocol_number BIGINT,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    submitted_at TIMESTAMP,
    registration_due DATE,
    decision_due DATE,
    registered_at TIMESTAMP,
    decided_at TIMESTAMP,
    assignee_id TEXT REFERENCES accounts (id),
    assignee_label TEXT,
    decision_note TEXT,
    submit_idempotency_key TEXT,
    receipt_pdf BYTEA,
    UNIQUE (protocol_year, protocol_number)
);
CREATE INDEX practices_by_account ON practices (account_id, created_at);
CREATE INDEX practices_queue ON practices (state, submitted_at);
-- The office's first page: the oldest submissions, walked in order until 50 match.
CREATE INDEX practices_by_submission ON practices (submitted_at, id);
CREATE INDEX practices_by_fiscal_code ON practices (applicant_fiscal_code);

-- The history of each practice: every transition, by whom, when, with the note.
CREATE TABLE practice_events (
    id BIGSERIAL PRIMARY KEY,
    practice_id TEXT NOT NULL REFERENCES practices (id),
    at TIMESTAMP NOT NULL,
    actor_kind TEXT NOT NULL CHECK (actor_kind IN ('citizen', 'office', 'system')),
    actor_id TEXT,
    actor_label TEXT NOT NULL,
    action TEXT NOT NULL,
    from_state TEXT,
    to_state TEXT NOT NULL,
    note TEXT
);
CREATE INDEX practice_events_by_practice ON practice_events (practice_id, id);

-- Attached files, kept in the database with their row (one transaction: never a file
-- without its row or a row without its file; backups carry them).
CREATE TABLE practice_attachments (
    id TEXT PRIMARY KEY NOT NULL,
    practice_id TEXT NOT NULL REFERENCES practices (id),
    document_code TEXT NOT NULL,
    file_name TEXT NOT NULL,
    kind TEXT NOT NULL,
    size_bytes BIGINT NOT NULL,
    sha256 TEXT NOT NULL,
    content BYTEA NOT NULL,
    uploaded_at TIMESTAMP NOT NULL,
    -- Sent to the office (with the submission or an integration): kept for good.
    sent BOOLEAN NOT NULL
);
CREATE INDEX practice_attachments_by_practice ON practice_attachments (practice_id, uploaded_at);

-- The protocol register's numbering: one row per year, raised in the submission's
-- transaction.
CREATE TABLE protocol_counters (
    year INTEGER PRIMARY KEY NOT NULL,
    last_number BIGINT NOT NULL
);

-- The municipality's street list (stradario).
CREATE TABLE streets (
    name TEXT PRIMARY KEY NOT NULL,
    postcode TEXT NOT NULL
);
