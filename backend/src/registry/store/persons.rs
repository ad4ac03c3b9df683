//! Reading one person's registry position: by id, by codice fiscale or by name and
//! birth date (third-party look-ups), and their civil status on a date.

use chrono::NaiveDate;
use diesel::prelude::*;

use super::families::PersonRow;
use super::validity::valid_on;
use crate::platform::db::schema::{civil_status_periods, family_memberships, persons};
use crate::platform::db::{DbConnection, DbError};
use crate::registry::PersonId;

use crate::platform::db::lower;

#[tracing::instrument(skip(conn))]
pub fn find(conn: &mut DbConnection, person_id: &PersonId) -> Result<Option<PersonRow>, DbError> {
    Ok(persons::table
        .find(person_id.as_str())
        .select(PersonRow::as_select())
        .first(conn)
        .optional()?)
}

/// A civil status period holding on a date, with the partner and the place of the
/// event (marriage, civil union) when the registry knows them.
#[derive(Debug, Clone, Queryable)]
pub struct CivilStatusAt {
    pub status: String,
    pub partner_id: Option<String>,
    pub event_place_code: Option<String>,
    pub since: NaiveDate,
}

#[tracing::instrument(skip(conn))]
pub fn civil_status_at(
    conn: &mut DbConnection,
    person_id: &PersonId,
    date: NaiveDate,
) -> Result<Option<CivilStatusAt>, DbError> {
    Ok(civil_status_periods::table
        .filter(civil_status_periods::person_id.eq(person_id.as_str()))
        .filter(valid_on(
            civil_status_periods::valid_from,
            civil_status_periods::valid_to,
            date,
        ))
        .order(civil_status_periods::valid_from.desc())
        .select((
            civil_status_periods::status,
            civil_status_periods::partner_id,
            civil_status_periods::event_place_code,
            civil_status_periods::valid_from,
        ))
        .first(conn)
        .optional()?)
}

/// The first marriage or civil union on record up to `date` (what an "estratto di
/// matrimonio" or "di unione civile" reports), the most recent first.
#[tracing::instrument(skip(conn))]
pub fn last_union_until(
    conn: &mut DbConnection,
    person_id: &PersonId,
    status: &str,
    date: NaiveDate,
) -> Result<Option<CivilStatusAt>, DbError> {
    Ok(civil_status_periods::table
        .filter(civil_status_periods::person_id.eq(person_id.as_str()))
        .filter(civil_status_periods::status.eq(status))
        .filter(civil_status_periods::valid_from.le(date))
        .order(civil_status_periods::valid_from.desc())
        .select((
            civil_status_periods::status,
            civil_status_periods::partner_id,
            civil_status_periods::event_place_code,
            civil_status_periods::valid_from,
        ))
        .first(conn)
        .optional()?)
}

/// Persons registered as resident today (not deregistered, alive) — the only ones a
/// third party can ask certificates about. Names compare without case.
#[tracing::instrument(skip(conn))]
pub fn find_residents_by_name(
    conn: &mut DbConnection,
    surname: &str,
    name: &str,
    birth_date: NaiveDate,
    limit: i64,
) -> Result<Vec<PersonRow>, DbError> {
    Ok(persons::table
        .filter(persons::birth_date.eq(birth_date))
        .filter(lower(persons::surname).eq(surname.to_lowercase()))
        .filter(lower(persons::name).eq(name.to_lowercase()))
        .filter(persons::deregistered_on.is_null())
        .filter(persons::death_date.is_null())
        .order(persons::fiscal_code.asc())
        .select(PersonRow::as_select())
        .limit(limit)
        .load(conn)?)
}

/// The id of the family the person belongs to on `date`.
#[tracing::instrument(skip(conn))]
pub fn family_id_at(
    conn: &mut DbConnection,
    person_id: &PersonId,
    date: NaiveDate,
) -> Result<Option<String>, DbError> {
    Ok(family_memberships::table
        .filter(family_memberships::person_id.eq(person_id.as_str()))
        .filter(valid_on(
            family_memberships::valid_from,
            family_memberships::valid_to,
            date,
        ))
        .select(family_memberships::family_id)
        .first(conn)
        .optional()?)
}

/// Surname and name of several persons at once (partners named on certificates).
#[tracing::instrument(skip(conn))]
pub fn names_of(
    conn: &mut DbConnection,
    ids: &[&str],
) -> Result<Vec<(String, String, String)>, DbError> {
    Ok(persons::table
        .filter(persons::id.eq_any(ids))
        .select((persons::id, persons::surname, persons::name))
        .load(conn)?)
}

/// The registry person of an account, matched by codice fiscale (staff accounts without
/// one, and citizens the registry does not know, have none).
#[tracing::instrument(skip(conn))]
pub fn of_account(
    conn: &mut DbConnection,
    account_id: &crate::platform::auth::AccountId,
) -> Result<Option<PersonRow>, DbError> {
    use crate::platform::db::schema::accounts;
    let fiscal_code: Option<Option<String>> = accounts::table
        .find(account_id.as_str())
        .select(accounts::fiscal_code)
        .first(conn)
        .optional()?;
    match fiscal_code.flatten() {
        Some(code) => super::families::find_person_by_fiscal_code(conn, &code),
        None => Ok(None),
    }
}
