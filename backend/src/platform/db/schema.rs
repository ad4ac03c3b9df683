// One portable schema for both dialects; the migrations under migrations/{sqlite,postgres}
// must produce tables that fit it (a test runs the same queries on both).

diesel::table! {
    families (id) {
        id -> Text,
        registry_number -> BigInt,
        formed_on -> Date,
        dissolved_on -> Nullable<Date>,
    }
}

diesel::table! {
    family_addresses (id) {
        id -> BigInt,
        family_id -> Text,
        street -> Text,
        house_number -> Text,
        interior -> Nullable<Text>,
        postcode -> Text,
        valid_from -> Date,
        valid_to -> Nullable<Date>,
    }
}

diesel::table! {
    persons (id) {
        id -> Text,
        fiscal_code -> Text,
        surname -> Text,
        name -> Text,
        sex -> Text,
        birth_date -> Date,
        birth_place_code -> Text,
        citizenship -> Text,
        is_elector -> Bool,
        electoral_section -> Nullable<Integer>,
        registered_on -> Date,
        deregistered_on -> Nullable<Date>,
        deregistration_reason -> Nullable<Text>,
        death_date -> Nullable<Date>,
    }
}

diesel::table! {
    family_memberships (id) {
        id -> BigInt,
        person_id -> Text,
        family_id -> Text,
        relationship -> Text,
        valid_from -> Date,
        valid_to -> Nullable<Date>,
    }
}

diesel::table! {
    civil_status_periods (id) {
        id -> BigInt,
        person_id -> Text,
        status -> Text,
        partner_id -> Nullable<Text>,
        event_place_code -> Nullable<Text>,
        valid_from -> Date,
        valid_to -> Nullable<Date>,
    }
}

diesel::table! {
    accounts (id) {
        id -> Text,
        role -> Text,
        fiscal_code -> Nullable<Text>,
        username -> Nullable<Text>,
        surname -> Text,
        name -> Text,
        email -> Nullable<Text>,
        password_hash -> Nullable<Text>,
        status -> Text,
        must_change_password -> Bool,
        created_at -> Timestamp,
        sex -> Nullable<Text>,
        birth_date -> Nullable<Date>,
        birth_place_code -> Nullable<Text>,
        pec -> Nullable<Text>,
        phone -> Nullable<Text>,
        mobile_phone -> Nullable<Text>,
        address_province -> Nullable<Text>,
        address_municipality -> Nullable<Text>,
        address_street -> Nullable<Text>,
        address_number -> Nullable<Text>,
        identity_document_type -> Nullable<Text>,
        identity_document_number -> Nullable<Text>,
        identity_document_expiry -> Nullable<Date>,
        identified_by -> Nullable<Text>,
        identified_at -> Nullable<Timestamp>,
        password_changed_at -> Nullable<Timestamp>,
        updated_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    login_throttle (throttle_key) {
        throttle_key -> Text,
        failures -> Integer,
        window_started_at -> Timestamp,
        locked_until -> Nullable<Timestamp>,
    }
}

diesel::table! {
    refresh_tokens (id) {
        id -> Text,
        account_id -> Text,
        family_id -> Text,
        token_hash -> Text,
        created_at -> Timestamp,
        expires_at -> Timestamp,
        used_at -> Nullable<Timestamp>,
        revoked_at -> Nullable<Timestamp>,
        login_method -> Text,
    }
}

diesel::table! {
    password_reset_tokens (token_hash) {
        token_hash -> Text,
        account_id -> Text,
        created_at -> Timestamp,
        expires_at -> Timestamp,
        used_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    user_groups (id) {
        id -> Text,
        name -> Text,
        description -> Text,
        built_in -> Bool,
    }
}

diesel::table! {
    group_permissions (group_id, permission) {
        group_id -> Text,
        permission -> Text,
    }
}

diesel::table! {
    account_groups (account_id, group_id) {
        account_id -> Text,
        group_id -> Text,
    }
}

diesel::table! {
    mail_outbox (id) {
        id -> Text,
        created_at -> Timestamp,
        recipients -> Text,
        cc -> Nullable<Text>,
        subject -> Text,
        body_text -> Text,
        status -> Text,
        attempts -> Integer,
        next_attempt_at -> Timestamp,
        last_error -> Nullable<Text>,
        sent_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    mail_attachments (id) {
        id -> BigInt,
        mail_id -> Text,
        file_name -> Text,
        content_type -> Text,
        content -> Binary,
    }
}

diesel::table! {
    audit_log (id) {
        id -> BigInt,
        occurred_at -> Timestamp,
        actor_id -> Nullable<Text>,
        actor_label -> Text,
        action -> Text,
        subject_type -> Nullable<Text>,
        subject_id -> Nullable<Text>,
        reason -> Nullable<Text>,
        ip -> Nullable<Text>,
        request_id -> Nullable<Text>,
        details -> Text,
        prev_hash -> Text,
        hash -> Text,
    }
}

diesel::table! {
    signing_keys (id) {
        id -> Text,
        private_key_pkcs8 -> Binary,
        certificate_der -> Binary,
        created_at -> Timestamp,
        retired_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    certificates (id) {
        id -> Text,
        type_code -> Text,
        usage_code -> Text,
        usage_text -> Nullable<Text>,
        person_id -> Text,
        subject_surname -> Text,
        subject_name -> Text,
        subject_fiscal_code -> Text,
        requester_account_id -> Text,
        requester_relation -> Text,
        reason -> Nullable<Text>,
        stamp_identifier -> Nullable<Text>,
        stamp_issue_date -> Nullable<Date>,
        situation_date -> Date,
        issued_at -> Timestamp,
        valid_until -> Date,
        signing_key_id -> Text,
        content_sha256 -> Text,
        pdf_sha256 -> Text,
        verify_url -> Text,
        pdf -> Binary,
        status -> Text,
        revoked_at -> Nullable<Timestamp>,
        idempotency_key -> Nullable<Text>,
        request_fingerprint -> Nullable<Text>,
    }
}

diesel::table! {
    certificate_verifications (id) {
        id -> BigInt,
        certificate_id -> Text,
        verified_at -> Timestamp,
        ip -> Nullable<Text>,
        what -> Text,
    }
}

diesel::table! {
    self_declarations (id) {
        id -> Text,
        account_id -> Text,
        type_code -> Text,
        declarant_surname -> Text,
        declarant_name -> Text,
        declarant_fiscal_code -> Text,
        resident -> Bool,
        values_json -> Text,
        members_json -> Text,
        edited_registry_fields -> Text,
        created_at -> Timestamp,
        pdf_sha256 -> Text,
        pdf -> Binary,
        idempotency_key -> Nullable<Text>,
        request_fingerprint -> Nullable<Text>,
    }
}

diesel::joinable!(certificates -> persons (person_id));
diesel::joinable!(self_declarations -> accounts (account_id));
diesel::joinable!(certificates -> signing_keys (signing_key_id));
diesel::joinable!(certificate_verifications -> certificates (certificate_id));
diesel::joinable!(family_addresses -> families (family_id));
diesel::joinable!(family_memberships -> families (family_id));
diesel::joinable!(family_memberships -> persons (person_id));
diesel::joinable!(refresh_tokens -> accounts (account_id));
diesel::joinable!(account_groups -> accounts (account_id));
diesel::joinable!(account_groups -> user_groups (group_id));
diesel::joinable!(group_permissions -> user_groups (group_id));
diesel::joinable!(mail_attachments -> mail_outbox (mail_id));

diesel::table! {
    federation_logins (state) {
        state -> Text,
        provider_id -> Text,
        nonce -> Text,
        code_verifier -> Text,
        return_to -> Text,
        status -> Text,
        created_at -> Timestamp,
        expires_at -> Timestamp,
        account_id -> Nullable<Text>,
        acr -> Nullable<Text>,
        ticket_hash -> Nullable<Text>,
        provider_access_token -> Nullable<Text>,
        revocation_endpoint -> Nullable<Text>,
        session_id -> Nullable<Text>,
        finished_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    api_clients (id) {
        id -> Text,
        name -> Text,
        organisation -> Text,
        contact_email -> Text,
        scopes -> Text,
        allowed_ips -> Nullable<Text>,
        rate_limit_per_minute -> Integer,
        secret_hash -> Text,
        secret_created_at -> Timestamp,
        created_at -> Timestamp,
        created_by -> Text,
        revoked_at -> Nullable<Timestamp>,
        public_jwks -> Nullable<Text>,
    }
}

diesel::table! {
    client_assertions (client_id, jti) {
        client_id -> Text,
        jti -> Text,
        expires_at -> Timestamp,
    }
}

diesel::table! {
    session_revocations (id) {
        id -> BigInt,
        account_id -> Text,
        generation -> Nullable<BigInt>,
        family_id -> Nullable<Text>,
        created_at -> Timestamp,
    }
}

pub use super::schema_services::*;

diesel::joinable!(webhooks -> api_clients (client_id));

diesel::allow_tables_to_appear_in_same_query!(
    families,
    family_addresses,
    persons,
    family_memberships,
    civil_status_periods,
    accounts,
    login_throttle,
    refresh_tokens,
    password_reset_tokens,
    user_groups,
    group_permissions,
    account_groups,
    mail_outbox,
    mail_attachments,
    audit_log,
    signing_keys,
    certificates,
    certificate_verifications,
    self_declarations,
    session_revocations,
    federation_logins,
    api_clients,
    client_assertions,
    webhooks,
    webhook_events,
    webhook_deliveries,
    practices,
    practice_events,
    practice_attachments,
    protocol_counters,
    streets,
    desks,
    desk_closures,
    slot_counters,
    appointments,
);
