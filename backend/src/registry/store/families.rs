//! Registry queries: persons, families, addresses and memberships with their validity
//! periods (`validity`).

use chrono::NaiveDate;
use diesel::prelude::*;

use crate::registry::PersonId;

use super::validity::valid_on;
use crate::platform::db::schema::{
    civil_status_periods, families, family_addresses, family_memberships, persons,
};
use crate::platform::db::{DbConnection, DbError};

#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = families)]
pub struct NewFamily {
    pub id: String,
    pub registry_number: i64,
    pub formed_on: NaiveDate,
    pub dissolved_on: Option<NaiveDate>,
}

#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = family_addresses)]
pub struct NewAddress {
    pub family_id: String,
    pub street: String,
    pub house_number: String,
    pub interior: Option<String>,
    pub postcode: String,
    pub valid_from: NaiveDate,
    pub valid_to: Option<NaiveDate>,
}

#[derive(Debug, Clone, Insertable, Queryable, Selectable)]
#[diesel(table_name = persons)]
pub struct PersonRow {
    #[diesel(deserialize_as = String)]
    pub id: PersonId,
    pub fiscal_code: String,
    pub surname: String,
    pub name: String,
    pub sex: String,
    pub birth_date: NaiveDate,
    pub birth_place_code: String,
    pub citizenship: String,
    pub is_elector: bool,
    pub electoral_section: Option<i32>,
    pub registered_on: NaiveDate,
    pub deregistered_on: Option<NaiveDate>,
    pub deregistration_reason: Option<String>,
    pub death_date: Option<NaiveDate>,
}

impl PersonRow {
    /// The registry's `M`/`F` as the domain's sex (the column's check allows no other).
    pub fn sex(&self) -> crate::registry::rules::sex::Sex {
        crate::registry::rules::sex::Sex::parse(&self.sex)
            .unwrap_or(crate::registry::rules::sex::Sex::M)
    }
}

#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = family_memberships)]
pub struct NewMembership {
    pub person_id: String,
    pub family_id: String,
    pub relationship: String,
    pub valid_from: NaiveDate,
    pub valid_to: Option<NaiveDate>,
}

#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = civil_status_periods)]
pub struct NewCivilStatus {
    pub person_id: String,
    pub status: String,
    pub partner_id: Option<String>,
    pub event_place_code: Option<String>,
    pub valid_from: NaiveDate,
    pub valid_to: Option<NaiveDate>,
}

/// Rows of a batch, inserted parent tables first so foreign keys hold.
#[derive(Debug, Default)]
pub struct RegistryBatch {
    pub families: Vec<NewFamily>,
    pub addresses: Vec<NewAddress>,
    pub persons: Vec<PersonRow>,
    pub memberships: Vec<NewMembership>,
    pub civil_statuses: Vec<NewCivilStatus>,
}

impl RegistryBatch {
    pub fn is_empty(&self) -> bool {
        self.families.is_empty() && self.persons.is_empty()
    }
}

/// Rows per INSERT statement: under SQLite's 32,766 and PostgreSQL's 65,535 bound
/// parameters for the widest table (14 columns).
const ROWS_PER_STATEMENT: usize = 2_000;

/// Multi-row INSERTs exist only per dialect in diesel (not for `MultiConnection`), so
/// this is the one place that dispatches on the backend for writing.
#[tracing::instrument(skip_all, fields(families = batch.families.len(), persons = batch.persons.len()))]
pub fn insert_batch(conn: &mut DbConnection, batch: &RegistryBatch) -> Result<(), DbError> {
    macro_rules! insert_all {
        ($conn:expr) => {
            $conn.transaction(|conn| {
                for chunk in batch.families.chunks(ROWS_PER_STATEMENT) {
                    diesel::insert_into(families::table)
                        .values(chunk)
                        .execute(conn)?;
                }
                for chunk in batch.addresses.chunks(ROWS_PER_STATEMENT) {
                    diesel::insert_into(family_addresses::table)
                        .values(chunk)
                        .execute(conn)?;
                }
                for chunk in batch.persons.chunks(ROWS_PER_STATEMENT) {
                    diesel::insert_into(persons::table)
                        .values(chunk)
                        .execute(conn)?;
                }
                for chunk in batch.memberships.chunks(ROWS_PER_STATEMENT) {
                    diesel::insert_into(family_memberships::table)
                        .values(chunk)
                        .execute(conn)?;
                }
                for chunk in batch.civil_statuses.chunks(ROWS_PER_STATEMENT) {
                    diesel::insert_into(civil_status_periods::table)
                        .values(chunk)
                        .execute(conn)?;
                }
                Ok::<_, diesel::result::Error>(())
            })
        };
    }
    match conn {
        DbConnection::Sqlite(c) => insert_all!(c)?,
        DbConnection::Postgresql(c) => insert_all!(c)?,
    }
    Ok(())
}

pub fn count_persons(conn: &mut DbConnection) -> Result<i64, DbError> {
    Ok(persons::table.count().get_result(conn)?)
}

pub fn count_families(conn: &mut DbConnection) -> Result<i64, DbError> {
    Ok(families::table.count().get_result(conn)?)
}

#[tracing::instrument(skip(conn))]
pub fn find_person_by_fiscal_code(
    conn: &mut DbConnection,
    code: &str,
) -> Result<Option<PersonRow>, DbError> {
    Ok(persons::table
        .filter(persons::fiscal_code.eq(code))
        .select(PersonRow::as_select())
        .first(conn)
        .optional()?)
}

#[derive(Debug, Clone, Queryable)]
pub struct AddressRow {
    pub street: String,
    pub house_number: String,
    pub interior: Option<String>,
    pub postcode: String,
    pub valid_from: NaiveDate,
}

#[derive(Debug, Clone)]
pub struct MemberAtDate {
    pub person: PersonRow,
    pub relationship: String,
    pub civil_status: Option<String>,
}

#[derive(Debug, Clone)]
pub struct FamilyAtDate {
    pub family_id: String,
    pub registry_number: i64,
    pub situation_date: NaiveDate,
    pub address: Option<AddressRow>,
    /// The head first, then by birth date.
    pub members: Vec<MemberAtDate>,
}

/// The family the person belonged to on `date`, as it was composed on that date.
#[tracing::instrument(skip(conn))]
pub fn family_of_person_at(
    conn: &mut DbConnection,
    person_id: &PersonId,
    date: NaiveDate,
) -> Result<Option<FamilyAtDate>, DbError> {
    let membership: Option<(String, i64)> = family_memberships::table
        .inner_join(families::table)
        .filter(family_memberships::person_id.eq(person_id.as_str()))
        .filter(valid_on(
            family_memberships::valid_from,
            family_memberships::valid_to,
            date,
        ))
        .select((families::id, families::registry_number))
        .first(conn)
        .optional()?;
    let Some((family_id, registry_number)) = membership else {
        return Ok(None);
    };
    let address = family_addresses::table
        .filter(family_addresses::family_id.eq(&family_id))
        .filter(valid_on(
            family_addresses::valid_from,
            family_addresses::valid_to,
            date,
        ))
        .order(family_addresses::valid_from.desc())
        .select((
            family_addresses::street,
            family_addresses::house_number,
            family_addresses::interior,
            family_addresses::postcode,
            family_addresses::valid_from,
        ))
        .first::<AddressRow>(conn)
        .optional()?;
    let rows: Vec<(PersonRow, String)> = family_memberships::table
        .inner_join(persons::table)
        .filter(family_memberships::family_id.eq(&family_id))
        .filter(valid_on(
            family_memberships::valid_from,
            family_memberships::valid_to,
            date,
        ))
        .select((PersonRow::as_select(), family_memberships::relationship))
        .load(conn)?;
    let ids: Vec<&str> = rows.iter().map(|(p, _)| p.id.as_str()).collect();
    let statuses: Vec<(String, String)> = civil_status_periods::table
        .filter(civil_status_periods::person_id.eq_any(&ids))
        .filter(valid_on(
            civil_status_periods::valid_from,
            civil_status_periods::valid_to,
            date,
        ))
        .select((
            civil_status_periods::person_id,
            civil_status_periods::status,
        ))
        .load(conn)?;
    let mut members: Vec<MemberAtDate> = rows
        .into_iter()
        .map(|(person, relationship)| {
            let civil_status = statuses
                .iter()
                .find(|(id, _)| *id == person.id.as_str())
                .map(|(_, s)| s.clone());
            MemberAtDate {
                person,
                relationship,
                civil_status,
            }
        })
        .collect();
    members.sort_by(|a, b| {
        (a.relationship != "head", a.person.birth_date)
            .cmp(&(b.relationship != "head", b.person.birth_date))
    });
    Ok(Some(FamilyAtDate {
        family_id,
        registry_number,
        situation_date: date,
        address,
        members,
    }))
}

/// Living, adult, Italian heads of the current families with at least three members, in
/// registry order: the demo's citizens (API.md wants a family of three or more).
#[tracing::instrument(skip(conn))]
pub fn demo_account_candidates(
    conn: &mut DbConnection,
    how_many: i64,
) -> Result<Vec<PersonRow>, DbError> {
    use diesel::dsl::count_star;
    let family_ids: Vec<String> = family_memberships::table
        .filter(family_memberships::valid_to.is_null())
        .group_by(family_memberships::family_id)
        .having(count_star().ge(3))
        .select(family_memberships::family_id)
        .load(conn)?;
    let heads: Vec<(PersonRow, i64)> = family_memberships::table
        .inner_join(persons::table)
        .inner_join(families::table)
        .filter(family_memberships::family_id.eq_any(&family_ids))
        .filter(family_memberships::relationship.eq("head"))
        .filter(family_memberships::valid_to.is_null())
        .filter(persons::citizenship.eq(crate::registry::rules::vocabulary::ITALIAN_CITIZENSHIP))
        .filter(persons::death_date.is_null())
        .order(families::registry_number.asc())
        .select((PersonRow::as_select(), families::registry_number))
        .limit(how_many)
        .load(conn)?;
    Ok(heads.into_iter().map(|(person, _)| person).collect())
}
