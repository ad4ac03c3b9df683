use chrono::NaiveDate;

use super::*;
use crate::registry::rules::fiscal_code::{FiscalCode, PersonalData};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 30).expect("date")
}

/// A valid codice fiscale for a man born in Mantova on 12/03/1980.
fn fiscal_code() -> String {
    FiscalCode::compute(&PersonalData {
        surname: "Rossi",
        name: "Mario",
        sex: Sex::M,
        birth_date: NaiveDate::from_ymd_opt(1980, 3, 12).expect("date"),
        birth_place_code: "E897",
    })
    .expect("computable")
    .as_str()
    .to_owned()
}

fn declarant() -> Values {
    let mut values = Values::default();
    for (key, value) in [
        ("surname", "ROSSI"),
        ("name", "MARIO"),
        ("sex", "M"),
        ("birth_date", "1980-03-12"),
        ("birth_place", "MANTOVA (MN)"),
        ("residence_municipality", "VALDORIA"),
        ("residence_address", "  VIA   ROMA, 12 "),
    ] {
        values.fields.insert(key.into(), value.into());
    }
    values.fields.insert("fiscal_code".into(), fiscal_code());
    values
}

fn fields_of(issues: &[FieldError]) -> Vec<&str> {
    issues.iter().map(|i| i.field.as_str()).collect()
}

#[test]
fn a_complete_residence_declaration_passes_normalised() {
    let clean = check(DeclarationKind::Residence, &declarant(), today()).expect("valid");
    assert_eq!(clean.get("residence_address"), Some("VIA ROMA, 12"));
}

#[test]
fn every_missing_required_field_is_named() {
    let mut values = declarant();
    values.fields.remove("residence_address");
    values.fields.insert("birth_place".into(), "   ".into());
    let issues = check(DeclarationKind::Birth, &values, today()).expect_err("missing");
    assert_eq!(fields_of(&issues), ["birth_place", "residence_address"]);
}

#[test]
fn unknown_fields_and_stray_members_are_refused() {
    let mut values = declarant();
    values.fields.insert("colour".into(), "blue".into());
    values.members.push(Member::default());
    let issues = check(DeclarationKind::Residence, &values, today()).expect_err("unknown");
    assert_eq!(fields_of(&issues), ["colour", "members"]);
}

#[test]
fn dates_years_choices_and_codes_are_checked() {
    let mut values = declarant();
    for (key, value) in [
        ("relative", "cugino"),
        ("deceased_surname", "ROSSI"),
        ("deceased_name", "ANNA"),
        ("deceased_sex", "X"),
        ("death_place", "MANTOVA"),
        ("death_date", "2027-01-01"),
    ] {
        values.fields.insert(key.into(), value.into());
    }
    let issues = check(DeclarationKind::RelativeDeath, &values, today()).expect_err("bad");
    assert_eq!(
        fields_of(&issues),
        ["relative", "deceased_sex", "death_date"]
    );

    let mut values = declarant();
    values.fields.insert("year".into(), "2030".into());
    values
        .fields
        .insert("situation".into(), "Reddito di euro 10.000,00".into());
    let issues = check(DeclarationKind::Income, &values, today()).expect_err("future year");
    assert_eq!(fields_of(&issues), ["year"]);

    let mut values = declarant();
    values
        .fields
        .insert("vat_number".into(), "12345678901".into());
    let issues = check(DeclarationKind::FiscalCode, &values, today()).expect_err("bad VAT");
    assert_eq!(fields_of(&issues), ["vat_number"]);
    values
        .fields
        .insert("vat_number".into(), "00743110157".into());
    assert!(check(DeclarationKind::FiscalCode, &values, today()).is_ok());
}

#[test]
fn particulars_must_agree_with_the_fiscal_code() {
    let mut values = declarant();
    values
        .fields
        .insert("birth_date".into(), "1980-03-13".into());
    values.fields.insert("sex".into(), "F".into());
    let issues = check(DeclarationKind::Birth, &values, today()).expect_err("inconsistent");
    assert_eq!(fields_of(&issues), ["birth_date", "sex"]);
}

#[test]
fn lengths_and_control_characters_are_limited() {
    let mut values = declarant();
    values.fields.insert("facts".into(), "x".repeat(4001));
    let issues = check(DeclarationKind::Affidavit, &values, today()).expect_err("long");
    assert_eq!(fields_of(&issues), ["facts"]);
    values
        .fields
        .insert("facts".into(), "riga uno\r\nriga due".into());
    let clean = check(DeclarationKind::Affidavit, &values, today()).expect("newlines allowed");
    assert_eq!(clean.get("facts"), Some("riga uno\nriga due"));
    values.fields.insert("surname".into(), "ROS\u{7}SI".into());
    let issues = check(DeclarationKind::Affidavit, &values, today()).expect_err("bell");
    assert_eq!(fields_of(&issues), ["surname"]);
}

#[test]
fn family_rows_are_checked_one_by_one() {
    let mut values = declarant();
    let issues = check(DeclarationKind::Family, &values, today()).expect_err("no rows");
    assert_eq!(fields_of(&issues), ["members"]);
    values.members = vec![
        Member {
            surname: "ROSSI".into(),
            name: "MARIO".into(),
            birth_date: "1980-03-12".into(),
            birth_place: "MANTOVA (MN)".into(),
            relationship: "INTESTATARIO SCHEDA".into(),
        },
        Member {
            surname: "ROSSI".into(),
            name: String::new(),
            birth_date: "12/03/2010".into(),
            birth_place: String::new(),
            relationship: "FIGLIA".into(),
        },
    ];
    let issues = check(DeclarationKind::Family, &values, today()).expect_err("bad row");
    assert_eq!(
        fields_of(&issues),
        ["members[1].name", "members[1].birth_date"]
    );
    values.members.truncate(1);
    let clean = check(DeclarationKind::Family, &values, today()).expect("valid");
    assert_eq!(clean.members.len(), 1);
    values.members = vec![values.members[0].clone(); MAX_MEMBERS + 1];
    assert!(check(DeclarationKind::Family, &values, today()).is_err());
}

#[test]
fn vat_numbers_carry_their_check_digit() {
    assert!(is_valid_vat_number("00743110157"));
    assert!(!is_valid_vat_number("00743110158"));
    assert!(!is_valid_vat_number("0074311015"));
    assert!(!is_valid_vat_number("0074311015a"));
}
