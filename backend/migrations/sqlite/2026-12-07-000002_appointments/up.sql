-- Appointments at the office's desks (SPEC §7).
CREATE TABLE desks (
    id TEXT PRIMARY KEY NOT NULL,
    name TEXT NOT NULL,
    -- anagrafe, stato_civile, elettorale, carta_identita, …
    area TEXT NOT NULL,
    location TEXT NOT NULL,
    -- JSON: ["Cambio di residenza", …] and [{"weekday": 1, "opens": "08:30", "closes": "12:30"}].
    topics_json TEXT NOT NULL,
    hours_json TEXT NOT NULL,
    slot_minutes INTEGER NOT NULL,
    places_per_slot INTEGER NOT NULL,
    horizon_days INTEGER NOT NULL,
    min_notice_hours INTEGER NOT NULL,
    cancel_notice_hours INTEGER NOT NULL,
    max_active_per_citizen INTEGER NOT NULL,
    active BOOLEAN NOT NULL,
    updated_at TIMESTAMP NOT NULL
);

CREATE TABLE desk_closures (
    id TEXT PRIMARY KEY NOT NULL,
    desk_id TEXT NOT NULL REFERENCES desks (id),
    from_date DATE NOT NULL,
    to_date DATE NOT NULL,
    reason TEXT NOT NULL
);
CREATE INDEX desk_closures_by_desk ON desk_closures (desk_id, from_date);

-- The places taken in each slot: the booking raises the row only while it is under the
-- desk's capacity, so the database itself never lets more bookings in than places.
CREATE TABLE slot_counters (
    desk_id TEXT NOT NULL REFERENCES desks (id),
    starts_at TIMESTAMP NOT NULL,
    booked INTEGER NOT NULL CHECK (booked >= 0),
    PRIMARY KEY (desk_id, starts_at)
);

CREATE TABLE appointments (
    id TEXT PRIMARY KEY NOT NULL,
    -- Shown at the desk: short, unambiguous letters and digits.
    code TEXT NOT NULL UNIQUE,
    desk_id TEXT NOT NULL REFERENCES desks (id),
    starts_at TIMESTAMP NOT NULL,
    ends_at TIMESTAMP NOT NULL,
    topic TEXT NOT NULL,
    notes TEXT NOT NULL,
    -- The citizen's account, if the person has one; the office may book for anyone.
    account_id TEXT REFERENCES accounts (id),
    fiscal_code TEXT NOT NULL,
    surname TEXT NOT NULL,
    name TEXT NOT NULL,
    email TEXT,
    phone TEXT,
    state TEXT NOT NULL CHECK (state IN ('booked', 'cancelled', 'attended', 'missed')),
    booked_by TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    cancelled_at TIMESTAMP,
    cancel_reason TEXT,
    -- iCalendar SEQUENCE: raised by every change the citizen's calendar must follow.
    sequence INTEGER NOT NULL,
    reminder_sent_at TIMESTAMP,
    idempotency_key TEXT,
    UNIQUE (account_id, idempotency_key)
);
CREATE INDEX appointments_by_desk ON appointments (desk_id, starts_at);
CREATE INDEX appointments_by_account ON appointments (account_id, starts_at);
CREATE INDEX appointments_by_fiscal_code ON appointments (fiscal_code);
CREATE INDEX appointments_reminders ON appointments (state, reminder_sent_at, starts_at);
