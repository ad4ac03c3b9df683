//! The appointments.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::platform::db::schema::appointments;
use crate::platform::db::{lower, DbConnection, DbError, MultiBackend};

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = appointments)]
pub struct AppointmentRow {
    pub id: String,
    pub code: String,
    pub desk_id: String,
    pub starts_at: NaiveDateTime,
    pub ends_at: NaiveDateTime,
    pub topic: String,
    pub notes: String,
    pub account_id: Option<String>,
    pub fiscal_code: String,
    pub surname: String,
    pub name: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub state: String,
    pub booked_by: String,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    pub cancelled_at: Option<NaiveDateTime>,
    pub cancel_reason: Option<String>,
    pub sequence: i32,
    pub reminder_sent_at: Option<NaiveDateTime>,
    pub idempotency_key: Option<String>,
}

pub const BOOKED: &str = "booked";
pub const CANCELLED: &str = "cancelled";

pub fn insert(conn: &mut DbConnection, row: &AppointmentRow) -> Result<(), DbError> {
    diesel::insert_into(appointments::table)
        .values(row)
        .execute(conn)?;
    Ok(())
}

pub fn find(conn: &mut DbConnection, id: &str) -> Result<Option<AppointmentRow>, DbError> {
    Ok(appointments::table
        .find(id)
        .select(AppointmentRow::as_select())
        .first(conn)
        .optional()?)
}

pub fn find_by_key(
    conn: &mut DbConnection,
    account_id: &str,
    key: &str,
) -> Result<Option<AppointmentRow>, DbError> {
    Ok(appointments::table
        .filter(appointments::account_id.eq(account_id))
        .filter(appointments::idempotency_key.eq(key))
        .select(AppointmentRow::as_select())
        .first(conn)
        .optional()?)
}

/// Booked appointments of a person at a desk that are still to come.
pub fn active_count(
    conn: &mut DbConnection,
    fiscal_code: &str,
    desk_id: &str,
    now: NaiveDateTime,
) -> Result<i64, DbError> {
    Ok(appointments::table
        .filter(appointments::fiscal_code.eq(fiscal_code))
        .filter(appointments::desk_id.eq(desk_id))
        .filter(appointments::state.eq(BOOKED))
        .filter(appointments::starts_at.gt(now))
        .count()
        .get_result(conn)?)
}

#[derive(Debug, Clone, Default)]
pub struct Filter {
    pub account_id: Option<String>,
    pub code: Option<String>,
    pub fiscal_code: Option<String>,
    /// The start of the person's surname, any case.
    pub surname: Option<String>,
    pub desk_id: Option<String>,
    /// UTC bounds of a day.
    pub between: Option<(NaiveDateTime, NaiveDateTime)>,
}

fn filtered(filter: &Filter) -> appointments::BoxedQuery<'static, MultiBackend> {
    let mut query = appointments::table.into_boxed();
    if let Some(account) = &filter.account_id {
        query = query.filter(appointments::account_id.eq(account.clone()));
    }
    match (&filter.code, &filter.surname) {
        // Six letters may be a booking code or a surname: either matches.
        (Some(code), Some(surname)) => {
            let pattern = format!("{}%", surname.replace(['%', '_', '\\'], "").to_lowercase());
            query = query.filter(
                appointments::code
                    .eq(code.clone())
                    .or(lower(appointments::surname).like(pattern)),
            );
        }
        (Some(code), None) => query = query.filter(appointments::code.eq(code.clone())),
        (None, Some(surname)) => {
            let pattern = format!("{}%", surname.replace(['%', '_', '\\'], "").to_lowercase());
            query = query.filter(lower(appointments::surname).like(pattern));
        }
        (None, None) => {}
    }
    if let Some(code) = &filter.fiscal_code {
        query = query.filter(appointments::fiscal_code.eq(code.clone()));
    }
    if let Some(desk) = &filter.desk_id {
        query = query.filter(appointments::desk_id.eq(desk.clone()));
    }
    if let Some((from, to)) = filter.between {
        query = query
            .filter(appointments::starts_at.ge(from))
            .filter(appointments::starts_at.lt(to));
    }
    query
}

pub fn search(
    conn: &mut DbConnection,
    filter: &Filter,
    limit: i64,
    offset: i64,
) -> Result<(Vec<AppointmentRow>, i64), DbError> {
    let total = filtered(filter).count().get_result(conn)?;
    let query = filtered(filter);
    let query = if filter.account_id.is_some() {
        query.order(appointments::starts_at.desc())
    } else {
        query.order(appointments::starts_at.asc())
    };
    let rows = query
        .select(AppointmentRow::as_select())
        .limit(limit)
        .offset(offset)
        .load(conn)?;
    Ok((rows, total))
}

/// Moves an appointment from `from_state` on; false when it was not in it any more.
pub fn set_state(
    conn: &mut DbConnection,
    id: &str,
    from_state: &str,
    state: &str,
    reason: Option<&str>,
    now: NaiveDateTime,
) -> Result<bool, DbError> {
    let cancelled = state == CANCELLED;
    Ok(diesel::update(
        appointments::table
            .filter(appointments::id.eq(id))
            .filter(appointments::state.eq(from_state)),
    )
    .set((
        appointments::state.eq(state),
        appointments::updated_at.eq(now),
        appointments::cancelled_at.eq(cancelled.then_some(now)),
        appointments::cancel_reason.eq(reason),
        appointments::sequence.eq(appointments::sequence + i32::from(cancelled)),
    ))
    .execute(conn)?
        == 1)
}

pub fn reschedule(
    conn: &mut DbConnection,
    id: &str,
    starts_at: NaiveDateTime,
    ends_at: NaiveDateTime,
    now: NaiveDateTime,
) -> Result<bool, DbError> {
    Ok(diesel::update(
        appointments::table
            .filter(appointments::id.eq(id))
            .filter(appointments::state.eq(BOOKED)),
    )
    .set((
        appointments::starts_at.eq(starts_at),
        appointments::ends_at.eq(ends_at),
        appointments::updated_at.eq(now),
        appointments::sequence.eq(appointments::sequence + 1),
        appointments::reminder_sent_at.eq(None::<NaiveDateTime>),
    ))
    .execute(conn)?
        == 1)
}

/// Booked appointments starting in `[from, to)` whose reminder has not gone.
pub fn due_reminders(
    conn: &mut DbConnection,
    from: NaiveDateTime,
    to: NaiveDateTime,
) -> Result<Vec<String>, DbError> {
    Ok(appointments::table
        .filter(appointments::state.eq(BOOKED))
        .filter(appointments::reminder_sent_at.is_null())
        .filter(appointments::starts_at.ge(from))
        .filter(appointments::starts_at.lt(to))
        .select(appointments::id)
        .limit(500)
        .load(conn)?)
}

/// Claims the reminder of an appointment; false when another instance claimed it.
pub fn claim_reminder(
    conn: &mut DbConnection,
    id: &str,
    now: NaiveDateTime,
) -> Result<bool, DbError> {
    Ok(diesel::update(
        appointments::table
            .filter(appointments::id.eq(id))
            .filter(appointments::reminder_sent_at.is_null())
            .filter(appointments::state.eq(BOOKED)),
    )
    .set(appointments::reminder_sent_at.eq(now))
    .execute(conn)?
        == 1)
}
