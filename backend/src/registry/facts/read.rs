//! Reads what a certificate needs about its subject from the registry, as of the issue
//! date, into the domain's plain `SubjectFacts`.

use chrono::NaiveDate;

use crate::platform::db::{DbConnection, DbError};
use crate::registry::facts::{FamilyMemberFacts, PersonName, SubjectFacts, UnionFacts};
use crate::registry::rules::place_labels;
use crate::registry::rules::vocabulary::{CivilStatus, Relationship};
use crate::registry::store::families::{self, PersonRow};
use crate::registry::store::persons;
use crate::registry::PersonId;

/// The facts about `person` on `date`; `municipality_city` is the name of the issuing
/// comune ("Valdoria").
pub fn load(
    conn: &mut DbConnection,
    person: &PersonRow,
    date: NaiveDate,
    municipality_city: &str,
) -> Result<SubjectFacts, DbError> {
    let family = families::family_of_person_at(conn, &person.id, date)?;
    let civil = persons::civil_status_at(conn, &person.id, date)?;
    let marriage = union(conn, &person.id, CivilStatus::Married, date)?;
    let civil_union = union(conn, &person.id, CivilStatus::CivilUnion, date)?;
    let resident = person.deregistered_on.is_none_or(|d| d > date) && person.death_date.is_none();
    let members = family
        .as_ref()
        .map(|f| {
            f.members
                .iter()
                .map(|m| FamilyMemberFacts {
                    surname: m.person.surname.to_uppercase(),
                    name: m.person.name.to_uppercase(),
                    sex: m.person.sex(),
                    birth_date: m.person.birth_date,
                    birth_place: place_labels::birth_place(
                        &m.person.birth_place_code,
                        m.person.birth_date,
                    ),
                    fiscal_code: m.person.fiscal_code.clone(),
                    relationship: Relationship::parse(&m.relationship)
                        .unwrap_or(Relationship::OtherRelative),
                    civil_status: m.civil_status.as_deref().and_then(CivilStatus::parse),
                })
                .collect()
        })
        .unwrap_or_default();
    let address = family
        .as_ref()
        .and_then(|f| f.address.as_ref())
        .map(|a| place_labels::street_line(&a.street, &a.house_number, a.interior.as_deref()));
    Ok(SubjectFacts {
        fiscal_code: person.fiscal_code.clone(),
        surname: person.surname.to_uppercase(),
        name: person.name.to_uppercase(),
        sex: person.sex(),
        birth_date: person.birth_date,
        birth_place: place_labels::birth_place(&person.birth_place_code, person.birth_date),
        citizenship_code: person.citizenship.clone(),
        is_elector: person.is_elector,
        electoral_section: person.electoral_section,
        alive: person.death_date.is_none(),
        resident,
        deceased_on: person.death_date,
        civil_status: civil.as_ref().and_then(|c| CivilStatus::parse(&c.status)),
        civil_status_since: civil.map(|c| c.since),
        marriage,
        civil_union,
        address: if resident { address } else { None },
        family: if resident { members } else { Vec::new() },
        municipality_name: municipality_city.to_uppercase(),
    })
}

/// The latest marriage or civil union begun by `date`, with the partner's name.
fn union(
    conn: &mut DbConnection,
    person_id: &PersonId,
    status: CivilStatus,
    date: NaiveDate,
) -> Result<Option<UnionFacts>, DbError> {
    let Some(period) = persons::last_union_until(conn, person_id, status.as_str(), date)? else {
        return Ok(None);
    };
    let partner = match &period.partner_id {
        Some(id) => persons::names_of(conn, &[id.as_str()])?
            .into_iter()
            .next()
            .map(|(_, surname, name)| PersonName {
                surname: surname.to_uppercase(),
                name: name.to_uppercase(),
            }),
        None => None,
    };
    let Some(partner) = partner else {
        return Ok(None);
    };
    Ok(Some(UnionFacts {
        partner,
        date: period.since,
        place: period
            .event_place_code
            .as_deref()
            .map(|code| place_labels::birth_place(code, period.since)),
    }))
}
