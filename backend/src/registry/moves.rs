//! A change of residence written into the registry, with history: periods close on the
//! day of the move and new ones open, so the family read "alla data" before it is the old
//! one and from it the new one. Runs inside the caller's transaction.

use chrono::NaiveDate;
use diesel::prelude::*;

use super::rules::vocabulary::Relationship;
use super::store::families::{NewAddress, NewFamily, NewMembership, PersonRow};
use super::store::validity::valid_on;
use super::PersonId;
use crate::platform::db::schema::{families, family_addresses, family_memberships, persons};
use crate::platform::db::{DbConnection, DbError};

/// A person entering the registry (from another municipality or from abroad).
#[derive(Debug, Clone)]
pub struct Newcomer {
    pub fiscal_code: String,
    pub surname: String,
    pub name: String,
    /// `M` or `F`.
    pub sex: String,
    pub birth_date: NaiveDate,
    pub birth_place_code: String,
    pub citizenship: String,
}

#[derive(Debug, Clone)]
pub enum Who {
    Resident(PersonId),
    Newcomer(Newcomer),
}

#[derive(Debug, Clone)]
pub struct MovingPerson {
    pub who: Who,
    /// To the head of the family the person belongs to after the move.
    pub relationship: Relationship,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Destination {
    /// The whole family moves: only its address changes.
    SameFamily,
    /// The movers join the family already registered at the address.
    JoinFamily(String),
    /// The movers form a new family at the address.
    NewFamily,
}

#[derive(Debug, Clone)]
pub struct Address {
    pub street: String,
    pub house_number: String,
    pub interior: Option<String>,
    pub postcode: String,
}

#[derive(Debug, Clone)]
pub struct Move {
    pub on: NaiveDate,
    pub address: Address,
    /// The family the residents leave.
    pub from_family: Option<String>,
    pub destination: Destination,
    pub movers: Vec<MovingPerson>,
}

#[derive(Debug, thiserror::Error)]
pub enum MoveError {
    /// A mover is no longer in the family the declaration named (the registry changed
    /// since), or a newcomer is already registered.
    #[error("the registry changed since the declaration: {0}")]
    RegistryChanged(String),
    #[error(transparent)]
    Db(#[from] DbError),
}

impl From<diesel::result::Error> for MoveError {
    fn from(error: diesel::result::Error) -> MoveError {
        MoveError::Db(error.into())
    }
}

/// Arbitrary, fixed key of the PostgreSQL advisory lock that serialises registry moves.
const MOVES_LOCK_KEY: i64 = 0x7265_6769_7374_7279; // "registry" in ASCII

/// Writes the move; answers the family the movers belong to afterwards. Must run inside
/// the caller's transaction.
pub fn apply(conn: &mut DbConnection, change: &Move) -> Result<String, MoveError> {
    // Moves read the registry (who is where, the next family number) and then write it;
    // SQLite has one writer already, PostgreSQL takes this lock until the transaction ends.
    if let DbConnection::Postgresql(pg) = conn {
        diesel::sql_query("SELECT pg_advisory_xact_lock($1)")
            .bind::<diesel::sql_types::BigInt, _>(MOVES_LOCK_KEY)
            .execute(pg)?;
    }
    let on = change.on;
    for mover in &change.movers {
        match &mover.who {
            Who::Resident(id) => {
                let family = super::store::persons::family_id_at(conn, id, on)?;
                if family.is_none() || family != change.from_family {
                    return Err(MoveError::RegistryChanged(format!(
                        "{} is not in family {:?}",
                        id.as_str(),
                        change.from_family
                    )));
                }
            }
            Who::Newcomer(newcomer) => {
                let known = persons::table
                    .filter(persons::fiscal_code.eq(&newcomer.fiscal_code))
                    .count()
                    .get_result::<i64>(conn)?;
                if known > 0 {
                    return Err(MoveError::RegistryChanged(format!(
                        "{} is already registered",
                        newcomer.fiscal_code
                    )));
                }
            }
        }
    }
    let family_id = match (&change.destination, &change.from_family) {
        (Destination::SameFamily, Some(family)) => {
            move_address(conn, family, &change.address, on)?;
            return Ok(family.clone());
        }
        (Destination::JoinFamily(family), _) => family.clone(),
        _ => found_family(conn, &change.address, on)?,
    };
    for mover in &change.movers {
        let person_id = match &mover.who {
            Who::Resident(id) => {
                close_membership(conn, id.as_str(), on)?;
                id.as_str().to_owned()
            }
            Who::Newcomer(newcomer) => register(conn, newcomer, on)?,
        };
        diesel::insert_into(family_memberships::table)
            .values(&NewMembership {
                person_id,
                family_id: family_id.clone(),
                relationship: mover.relationship.as_str().to_owned(),
                valid_from: on,
                valid_to: None,
            })
            .execute(conn)?;
    }
    if let Some(left) = &change.from_family {
        settle_family_left(conn, left, on)?;
    }
    Ok(family_id)
}

fn move_address(
    conn: &mut DbConnection,
    family: &str,
    address: &Address,
    on: NaiveDate,
) -> Result<(), MoveError> {
    diesel::update(
        family_addresses::table
            .filter(family_addresses::family_id.eq(family))
            .filter(family_addresses::valid_to.is_null()),
    )
    .set(family_addresses::valid_to.eq(on))
    .execute(conn)?;
    insert_address(conn, family, address, on)
}

fn insert_address(
    conn: &mut DbConnection,
    family: &str,
    address: &Address,
    on: NaiveDate,
) -> Result<(), MoveError> {
    diesel::insert_into(family_addresses::table)
        .values(&NewAddress {
            family_id: family.to_owned(),
            street: address.street.clone(),
            house_number: address.house_number.clone(),
            interior: address.interior.clone(),
            postcode: address.postcode.clone(),
            valid_from: on,
            valid_to: None,
        })
        .execute(conn)?;
    Ok(())
}

fn found_family(
    conn: &mut DbConnection,
    address: &Address,
    on: NaiveDate,
) -> Result<String, MoveError> {
    let last: Option<i64> = families::table
        .select(diesel::dsl::max(families::registry_number))
        .first(conn)?;
    let id = uuid::Uuid::now_v7().to_string();
    diesel::insert_into(families::table)
        .values(&NewFamily {
            id: id.clone(),
            registry_number: last.unwrap_or(0) + 1,
            formed_on: on,
            dissolved_on: None,
        })
        .execute(conn)?;
    insert_address(conn, &id, address, on)?;
    Ok(id)
}

fn close_membership(
    conn: &mut DbConnection,
    person_id: &str,
    on: NaiveDate,
) -> Result<(), MoveError> {
    diesel::update(
        family_memberships::table
            .filter(family_memberships::person_id.eq(person_id))
            .filter(family_memberships::valid_to.is_null()),
    )
    .set(family_memberships::valid_to.eq(on))
    .execute(conn)?;
    Ok(())
}

fn register(
    conn: &mut DbConnection,
    newcomer: &Newcomer,
    on: NaiveDate,
) -> Result<String, MoveError> {
    let id = uuid::Uuid::now_v7().to_string();
    diesel::insert_into(persons::table)
        .values(&PersonRow {
            id: PersonId::new(id.clone()),
            fiscal_code: newcomer.fiscal_code.clone(),
            surname: newcomer.surname.clone(),
            name: newcomer.name.clone(),
            sex: newcomer.sex.clone(),
            birth_date: newcomer.birth_date,
            birth_place_code: newcomer.birth_place_code.clone(),
            citizenship: newcomer.citizenship.clone(),
            // The electoral office registers electors separately (L. 223/1967).
            is_elector: false,
            electoral_section: None,
            registered_on: on,
            deregistered_on: None,
            deregistration_reason: None,
            death_date: None,
        })
        .execute(conn)?;
    Ok(id)
}

/// The family the movers left: dissolved when nobody stayed; when its head left, the
/// oldest member who stayed becomes head (the others keep their recorded relationship;
/// the office corrects it in its registry software if needed).
fn settle_family_left(
    conn: &mut DbConnection,
    family: &str,
    on: NaiveDate,
) -> Result<(), MoveError> {
    let stayed: Vec<(i64, String, String, NaiveDate)> = family_memberships::table
        .inner_join(persons::table)
        .filter(family_memberships::family_id.eq(family))
        .filter(valid_on(
            family_memberships::valid_from,
            family_memberships::valid_to,
            on,
        ))
        .select((
            family_memberships::id,
            family_memberships::person_id,
            family_memberships::relationship,
            persons::birth_date,
        ))
        .order(persons::birth_date.asc())
        .load(conn)?;
    if stayed.is_empty() {
        diesel::update(families::table.find(family))
            .set(families::dissolved_on.eq(Some(on)))
            .execute(conn)?;
        diesel::update(
            family_addresses::table
                .filter(family_addresses::family_id.eq(family))
                .filter(family_addresses::valid_to.is_null()),
        )
        .set(family_addresses::valid_to.eq(on))
        .execute(conn)?;
        return Ok(());
    }
    let head = Relationship::Head.as_str();
    if stayed
        .iter()
        .any(|(_, _, relationship, _)| relationship == head)
    {
        return Ok(());
    }
    let (membership_id, person_id, _, _) = &stayed[0];
    diesel::update(family_memberships::table.find(membership_id))
        .set(family_memberships::valid_to.eq(on))
        .execute(conn)?;
    diesel::insert_into(family_memberships::table)
        .values(&NewMembership {
            person_id: person_id.clone(),
            family_id: family.to_owned(),
            relationship: head.to_owned(),
            valid_from: on,
            valid_to: None,
        })
        .execute(conn)?;
    Ok(())
}
