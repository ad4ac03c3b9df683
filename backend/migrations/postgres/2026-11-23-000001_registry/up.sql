-- The municipal registry (anagrafe): families, their addresses over time, persons,
-- memberships and civil status over time, so that any family can be read "at a date".
CREATE TABLE families (
    id TEXT PRIMARY KEY NOT NULL,
    registry_number BIGINT NOT NULL UNIQUE,
    formed_on DATE NOT NULL,
    dissolved_on DATE
);

CREATE TABLE family_addresses (
    id BIGSERIAL PRIMARY KEY,
    family_id TEXT NOT NULL REFERENCES families (id),
    street TEXT NOT NULL,
    house_number TEXT NOT NULL,
    interior TEXT,
    postcode TEXT NOT NULL,
    valid_from DATE NOT NULL,
    valid_to DATE
);
CREATE INDEX family_addresses_by_family ON family_addresses (family_id, valid_from);

CREATE TABLE persons (
    id TEXT PRIMARY KEY NOT NULL,
    fiscal_code TEXT NOT NULL UNIQUE,
    surname TEXT NOT NULL,
    name TEXT NOT NULL,
    sex TEXT NOT NULL CHECK (sex IN ('M', 'F')),
    birth_date DATE NOT NULL,
    birth_place_code TEXT NOT NULL,
    citizenship TEXT NOT NULL,
    is_elector BOOLEAN NOT NULL,
    electoral_section INTEGER,
    registered_on DATE NOT NULL,
    deregistered_on DATE,
    deregistration_reason TEXT,
    death_date DATE
);
CREATE INDEX persons_by_name_and_birth ON persons (surname, name, birth_date);

CREATE TABLE family_memberships (
    id BIGSERIAL PRIMARY KEY,
    person_id TEXT NOT NULL REFERENCES persons (id),
    family_id TEXT NOT NULL REFERENCES families (id),
    relationship TEXT NOT NULL,
    valid_from DATE NOT NULL,
    valid_to DATE
);
CREATE INDEX family_memberships_by_person ON family_memberships (person_id, valid_from);
CREATE INDEX family_memberships_by_family ON family_memberships (family_id, valid_from);

CREATE TABLE civil_status_periods (
    id BIGSERIAL PRIMARY KEY,
    person_id TEXT NOT NULL REFERENCES persons (id),
    status TEXT NOT NULL,
    partner_id TEXT REFERENCES persons (id),
    event_place_code TEXT,
    valid_from DATE NOT NULL,
    valid_to DATE
);
CREATE INDEX civil_status_periods_by_person ON civil_status_periods (person_id, valid_from);

CREATE TABLE accounts (
    id TEXT PRIMARY KEY NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('citizen', 'operator', 'admin')),
    fiscal_code TEXT UNIQUE,
    username TEXT UNIQUE,
    surname TEXT NOT NULL,
    name TEXT NOT NULL,
    email TEXT,
    password_hash TEXT,
    status TEXT NOT NULL CHECK (status IN ('pending_identification', 'active', 'locked', 'rejected')),
    must_change_password BOOLEAN NOT NULL,
    created_at TIMESTAMP NOT NULL,
    CHECK (fiscal_code IS NOT NULL OR username IS NOT NULL)
);
