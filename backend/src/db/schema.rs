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
    }
}

diesel::joinable!(family_addresses -> families (family_id));
diesel::joinable!(family_memberships -> families (family_id));
diesel::joinable!(family_memberships -> persons (person_id));

diesel::allow_tables_to_appear_in_same_query!(
    families,
    family_addresses,
    persons,
    family_memberships,
    civil_status_periods,
    accounts,
);
