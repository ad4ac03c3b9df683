//! The JSON shapes of the family record and of a person's registry position, built
//! from registry rows with the wording the registry prints (labels in capitals).

use chrono::NaiveDate;
use serde::Serialize;
use utoipa::ToSchema;

use crate::platform::i18n::Lang;
use crate::registry::rules::place_labels;
use crate::registry::rules::sex::Sex;
use crate::registry::rules::vocabulary::{CivilStatus, Relationship};
use crate::registry::store::families::{AddressRow, FamilyAtDate, MemberAtDate, PersonRow};

#[derive(Debug, Serialize, ToSchema)]
pub struct Address {
    #[schema(example = "VIA ROMA")]
    pub street: String,
    #[schema(example = "12")]
    pub house_number: String,
    pub interior: Option<String>,
    #[schema(example = "00099")]
    pub postcode: String,
    #[schema(example = "VALDORIA")]
    pub municipality: String,
    /// The whole address as printed: "VIA ROMA, 12 - 00099 VALDORIA".
    pub formatted: String,
}

impl Address {
    pub fn from_row(row: &AddressRow, city: &str) -> Address {
        Address {
            street: row.street.to_uppercase(),
            house_number: row.house_number.to_uppercase(),
            interior: row.interior.clone(),
            postcode: row.postcode.clone(),
            municipality: city.to_uppercase(),
            formatted: place_labels::full_address(
                &row.street,
                &row.house_number,
                row.interior.as_deref(),
                &row.postcode,
                city,
            ),
        }
    }
}

/// One member of a family as the family record lists them.
#[derive(Debug, Serialize, ToSchema)]
pub struct FamilyMember {
    pub person_id: String,
    pub fiscal_code: String,
    pub surname: String,
    pub name: String,
    #[schema(example = "F")]
    pub sex: String,
    pub birth_date: NaiveDate,
    /// As printed: "MANTOVA (MN)", or the foreign state.
    #[schema(example = "MANTOVA (MN)")]
    pub birth_place: String,
    /// Relationship to the head of the family: `head`, `spouse`, `child`, …
    #[schema(example = "head")]
    pub relationship: String,
    /// In Italian as printed on a stato di famiglia ("INTESTATARIO SCHEDA", "FIGLIA", …);
    /// in English when the request asks for it (`Accept-Language: en`).
    #[schema(example = "INTESTATARIO SCHEDA")]
    pub relationship_label: String,
    #[schema(example = "married")]
    pub civil_status: Option<String>,
    /// Like `relationship_label`: "CONIUGATA", or "Married" in English.
    #[schema(example = "CONIUGATA")]
    pub civil_status_label: Option<String>,
    /// The member is the signed-in user.
    pub is_self: bool,
}

pub fn relationship_label(code: &str, sex: Sex, lang: Lang) -> String {
    Relationship::parse(code)
        .map(|r| r.label(sex, lang).to_owned())
        .unwrap_or_else(|| code.to_uppercase())
}

pub fn civil_status_label(code: &str, sex: Sex, lang: Lang) -> String {
    CivilStatus::parse(code)
        .map(|s| s.label(sex, lang).to_owned())
        .unwrap_or_else(|| code.to_uppercase())
}

impl FamilyMember {
    pub fn from_member(member: &MemberAtDate, self_id: Option<&str>, lang: Lang) -> FamilyMember {
        let person = &member.person;
        let sex = person.sex();
        FamilyMember {
            person_id: person.id.to_string(),
            fiscal_code: person.fiscal_code.clone(),
            surname: person.surname.to_uppercase(),
            name: person.name.to_uppercase(),
            sex: person.sex.clone(),
            birth_date: person.birth_date,
            birth_place: place_labels::birth_place(&person.birth_place_code, person.birth_date),
            relationship: member.relationship.clone(),
            relationship_label: relationship_label(&member.relationship, sex, lang),
            civil_status: member.civil_status.clone(),
            civil_status_label: member
                .civil_status
                .as_deref()
                .map(|code| civil_status_label(code, sex, lang)),
            is_self: self_id == Some(person.id.as_str()),
        }
    }
}

/// The family record (scheda di famiglia) as it stood on `situation_date`.
#[derive(Debug, Serialize, ToSchema)]
pub struct FamilyRecord {
    /// "Situazione alla data": the date the record describes.
    pub situation_date: NaiveDate,
    pub family_id: String,
    /// The family's number in the registry (numero di famiglia / scheda).
    pub registry_number: i64,
    pub address: Option<Address>,
    /// The head first, then by birth date.
    pub members: Vec<FamilyMember>,
}

impl FamilyRecord {
    pub fn from_family(
        family: &FamilyAtDate,
        self_id: Option<&str>,
        city: &str,
        lang: Lang,
    ) -> FamilyRecord {
        FamilyRecord {
            situation_date: family.situation_date,
            family_id: family.family_id.clone(),
            registry_number: family.registry_number,
            address: family.address.as_ref().map(|a| Address::from_row(a, city)),
            members: family
                .members
                .iter()
                .map(|m| FamilyMember::from_member(m, self_id, lang))
                .collect(),
        }
    }
}

/// A person's whole registry position (scheda individuale).
#[derive(Debug, Serialize, ToSchema)]
pub struct PersonRecord {
    #[serde(flatten)]
    pub member: FamilyMember,
    /// `IT` or the Belfiore code of the foreign state.
    #[schema(example = "IT")]
    pub citizenship: String,
    #[schema(example = "ITALIANA")]
    pub citizenship_name: String,
    pub is_elector: bool,
    pub electoral_section: Option<i32>,
    /// Registered in this municipality's registry since.
    pub registered_on: NaiveDate,
    pub civil_status_since: Option<NaiveDate>,
    pub address: Option<Address>,
    pub family_registry_number: Option<i64>,
    /// `resident`, `deregistered` (moved away, AIRE, …) or `deceased`.
    #[schema(example = "resident")]
    pub status: String,
    pub death_date: Option<NaiveDate>,
}

/// What a third-party look-up reveals: enough to pick the person, nothing more.
#[derive(Debug, Serialize, ToSchema)]
pub struct PersonMatch {
    pub person_id: String,
    pub surname: String,
    pub name: String,
    #[schema(example = "M")]
    pub sex: String,
    pub birth_date: NaiveDate,
    #[schema(example = "MANTOVA (MN)")]
    pub birth_place: String,
}

impl From<&PersonRow> for PersonMatch {
    fn from(person: &PersonRow) -> PersonMatch {
        PersonMatch {
            person_id: person.id.to_string(),
            surname: person.surname.to_uppercase(),
            name: person.name.to_uppercase(),
            sex: person.sex.clone(),
            birth_date: person.birth_date,
            birth_place: place_labels::birth_place(&person.birth_place_code, person.birth_date),
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct PersonMatches {
    pub items: Vec<PersonMatch>,
}
