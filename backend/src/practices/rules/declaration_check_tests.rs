use chrono::NaiveDate;

use super::*;
use crate::practices::rules::declaration::{
    Citizenship, Contacts, DeclaredPerson, ExistingResident, NewAddress, OccupancyTitle,
};
use crate::registry::rules::sex::Sex;
use crate::registry::rules::vocabulary::Relationship;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 6).unwrap_or_default()
}

fn person(surname: &str, name: &str, applicant: bool) -> DeclaredPerson {
    let birth_date = NaiveDate::from_ymd_opt(1985, 3, 14).unwrap_or_default();
    let fiscal_code = FiscalCode::compute(&PersonalData {
        surname,
        name,
        sex: Sex::F,
        birth_date,
        birth_place_code: "H501",
    })
    .map(|c| c.as_str().to_owned())
    .unwrap_or_default();
    DeclaredPerson {
        applicant,
        moves: true,
        surname: surname.to_owned(),
        name: name.to_owned(),
        sex: Some(Sex::F),
        birth_date: Some(birth_date),
        birth_place_code: "H501".to_owned(),
        fiscal_code,
        citizenship: Some(Citizenship::It),
        relationship: (!applicant).then_some(Relationship::Sibling),
        ..DeclaredPerson::default()
    }
}

fn complete() -> ResidenceDeclaration {
    ResidenceDeclaration {
        kind: Some(MoveKind::FromOtherMunicipality),
        previous_place_code: "F205".to_owned(),
        persons: vec![
            person("Bianchi", "Laura", true),
            person("Bianchi", "Marta", false),
        ],
        address: NewAddress {
            street: "Via Roma".to_owned(),
            house_number: "12A".to_owned(),
            ..NewAddress::default()
        },
        occupancy: Occupancy {
            title: Some(OccupancyTitle::RegisteredLease),
            registration_office: "Milano 2".to_owned(),
            registration_number: "4455".to_owned(),
            registration_date: NaiveDate::from_ymd_opt(2026, 11, 2),
            ..Occupancy::default()
        },
        contacts: Contacts {
            email: "laura@example.org".to_owned(),
            ..Contacts::default()
        },
        ..ResidenceDeclaration::default()
    }
}

fn fields(declaration: &ResidenceDeclaration) -> Vec<String> {
    let street_exists = |name: &str| name == "Via Roma";
    check(
        declaration,
        &Context {
            today: today(),
            street_exists: &street_exists,
        },
    )
    .into_iter()
    .map(|i| i.field)
    .collect()
}

#[test]
fn a_complete_declaration_has_no_issues() {
    assert_eq!(fields(&complete()), Vec::<String>::new());
}

#[test]
fn an_empty_draft_lists_what_each_step_needs() {
    let found = fields(&ResidenceDeclaration::default());
    for expected in [
        "kind",
        "persons",
        "address.street",
        "address.house_number",
        "occupancy.title",
        "contacts.email",
    ] {
        assert!(
            found.contains(&expected.to_owned()),
            "{expected} in {found:?}"
        );
    }
}

#[test]
fn a_codice_fiscale_must_match_the_particulars_declared() {
    let mut declaration = complete();
    declaration.persons[1].birth_date = NaiveDate::from_ymd_opt(1986, 3, 14);
    assert_eq!(fields(&declaration), vec!["persons[1].fiscal_code"]);
    declaration.persons[1].fiscal_code = "RSSMRA80A01H501X".to_owned();
    assert_eq!(fields(&declaration), vec!["persons[1].fiscal_code"]);
}

#[test]
fn the_places_must_fit_the_kind_of_move() {
    let mut declaration = complete();
    declaration.kind = Some(MoveKind::FromAbroad);
    assert_eq!(
        fields(&declaration),
        vec!["previous_place_code", "previous_address_abroad"]
    );
    declaration.previous_place_code = "Z110".to_owned();
    declaration.previous_address_abroad = "12 rue de la Paix, Paris".to_owned();
    assert_eq!(fields(&declaration), Vec::<String>::new());
}

#[test]
fn the_whole_family_means_every_registry_member() {
    let mut declaration = complete();
    declaration.whole_family = true;
    declaration.persons[1].registry_person_id = Some("p2".to_owned());
    declaration.persons[1].moves = false;
    assert_eq!(fields(&declaration), vec!["whole_family"]);
}

#[test]
fn titles_ask_for_their_own_proof() {
    let mut declaration = complete();
    declaration.occupancy = Occupancy {
        title: Some(OccupancyTitle::Owner),
        ..Occupancy::default()
    };
    assert_eq!(
        fields(&declaration),
        vec!["occupancy.cadastral_sheet", "occupancy.cadastral_parcel"]
    );
    declaration.occupancy.title = Some(OccupancyTitle::PublicHousing);
    assert_eq!(fields(&declaration), Vec::<String>::new());
}

#[test]
fn streets_come_from_the_list_and_numbers_are_house_numbers() {
    let mut declaration = complete();
    declaration.address.street = "Via Immaginaria".to_owned();
    declaration.address.house_number = "dodici".to_owned();
    assert_eq!(
        fields(&declaration),
        vec!["address.street", "address.house_number"]
    );
    for good in ["1", "12/3", "7bis"] {
        declaration.address = NewAddress {
            street: "Via Roma".to_owned(),
            house_number: good.to_owned(),
            ..NewAddress::default()
        };
        assert_eq!(fields(&declaration), Vec::<String>::new(), "{good}");
    }
}

#[test]
fn licences_vehicles_and_contacts_are_checked() {
    let mut declaration = complete();
    declaration.persons[1].has_driving_licence = true;
    declaration.persons[1].has_vehicles = true;
    declaration.contacts.phone = "chiamami".to_owned();
    declaration.existing_resident = Some(ExistingResident::default());
    let found = fields(&declaration);
    for expected in [
        "persons[1].driving_licence.number",
        "persons[1].driving_licence.category",
        "persons[1].vehicles",
        "contacts.phone",
        "existing_resident.surname",
    ] {
        assert!(
            found.contains(&expected.to_owned()),
            "{expected} in {found:?}"
        );
    }
}

#[test]
fn the_same_person_twice_is_named() {
    let mut declaration = complete();
    let twin = declaration.persons[1].clone();
    declaration.persons.push(twin);
    assert_eq!(fields(&declaration), vec!["persons[2].fiscal_code"]);
}
