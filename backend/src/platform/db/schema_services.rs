//! The tables of the services built on the registry (practices, appointments, webhooks), kept apart
//! from the registry's and the accounts' so that neither file grows past reading; `schema`
//! re-exports them and lets every table appear in one query.

diesel::table! {
    practices (id) {
        id -> Text,
        type_code -> Text,
        account_id -> Text,
        state -> Text,
        data_json -> Text,
        step -> Text,
        version -> BigInt,
        applicant_surname -> Text,
        applicant_name -> Text,
        applicant_fiscal_code -> Text,
        family_id -> Nullable<Text>,
        open_family_id -> Nullable<Text>,
        protocol_year -> Nullable<Integer>,
        protocol_number -> Nullable<BigInt>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        submitted_at -> Nullable<Timestamp>,
        registration_due -> Nullable<Date>,
        decision_due -> Nullable<Date>,
        registered_at -> Nullable<Timestamp>,
        decided_at -> Nullable<Timestamp>,
        assignee_id -> Nullable<Text>,
        assignee_label -> Nullable<Text>,
        decision_note -> Nullable<Text>,
        submit_idempotency_key -> Nullable<Text>,
        receipt_pdf -> Nullable<Binary>,
    }
}

diesel::table! {
    practice_events (id) {
        id -> BigInt,
        practice_id -> Text,
        at -> Timestamp,
        actor_kind -> Text,
        actor_id -> Nullable<Text>,
        actor_label -> Text,
        action -> Text,
        from_state -> Nullable<Text>,
        to_state -> Text,
        note -> Nullable<Text>,
    }
}

diesel::table! {
    practice_attachments (id) {
        id -> Text,
        practice_id -> Text,
        document_code -> Text,
        file_name -> Text,
        kind -> Text,
        size_bytes -> BigInt,
        sha256 -> Text,
        content -> Binary,
        uploaded_at -> Timestamp,
        sent -> Bool,
    }
}

diesel::table! {
    protocol_counters (year) {
        year -> Integer,
        last_number -> BigInt,
    }
}

diesel::table! {
    streets (name) {
        name -> Text,
        postcode -> Text,
    }
}

diesel::joinable!(practice_events -> practices (practice_id));
diesel::joinable!(practice_attachments -> practices (practice_id));

diesel::table! {
    desks (id) {
        id -> Text,
        name -> Text,
        area -> Text,
        location -> Text,
        topics_json -> Text,
        hours_json -> Text,
        slot_minutes -> Integer,
        places_per_slot -> Integer,
        horizon_days -> Integer,
        min_notice_hours -> Integer,
        cancel_notice_hours -> Integer,
        max_active_per_citizen -> Integer,
        active -> Bool,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    desk_closures (id) {
        id -> Text,
        desk_id -> Text,
        from_date -> Date,
        to_date -> Date,
        reason -> Text,
    }
}

diesel::table! {
    slot_counters (desk_id, starts_at) {
        desk_id -> Text,
        starts_at -> Timestamp,
        booked -> Integer,
    }
}

diesel::table! {
    appointments (id) {
        id -> Text,
        code -> Text,
        desk_id -> Text,
        starts_at -> Timestamp,
        ends_at -> Timestamp,
        topic -> Text,
        notes -> Text,
        account_id -> Nullable<Text>,
        fiscal_code -> Text,
        surname -> Text,
        name -> Text,
        email -> Nullable<Text>,
        phone -> Nullable<Text>,
        state -> Text,
        booked_by -> Text,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        cancelled_at -> Nullable<Timestamp>,
        cancel_reason -> Nullable<Text>,
        sequence -> Integer,
        reminder_sent_at -> Nullable<Timestamp>,
        idempotency_key -> Nullable<Text>,
    }
}

diesel::joinable!(appointments -> desks (desk_id));
diesel::joinable!(desk_closures -> desks (desk_id));

diesel::table! {
    webhooks (id) {
        id -> Text,
        client_id -> Text,
        url -> Text,
        events -> Text,
        secret -> Text,
        created_at -> Timestamp,
        created_by -> Text,
        disabled_at -> Nullable<Timestamp>,
        last_success_at -> Nullable<Timestamp>,
        last_failure_at -> Nullable<Timestamp>,
        last_error -> Nullable<Text>,
    }
}

diesel::table! {
    webhook_events (id) {
        id -> Text,
        event_type -> Text,
        occurred_at -> Timestamp,
        payload -> Text,
    }
}

diesel::table! {
    webhook_deliveries (id) {
        id -> Text,
        webhook_id -> Text,
        event_id -> Text,
        status -> Text,
        attempts -> Integer,
        next_attempt_at -> Timestamp,
        last_status_code -> Nullable<Integer>,
        last_error -> Nullable<Text>,
        delivered_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
    }
}

diesel::joinable!(webhook_deliveries -> webhooks (webhook_id));
diesel::joinable!(webhook_deliveries -> webhook_events (event_id));
