//! The office's changes to an appointment: moving it to another slot, recording whether
//! the person came.

use chrono::{DateTime, Duration, FixedOffset, Utc};

use crate::appointments::booking::{audit, bookable_start, invalid, visible, Booker};
use crate::appointments::desks;
use crate::appointments::notices::{notify, Notice};
use crate::appointments::store::appointments::{self as store, AppointmentRow, BOOKED};
use crate::appointments::store::slots;
use crate::appointments::Error;
use crate::audit::{actions, Origin};
use crate::mail;
use crate::platform::db::{self, DbConnection};
use crate::platform::italian_time::{from_local, local};
use crate::platform::settings::Settings;

/// Where an appointment goes, and why (told to the person).
pub struct Move<'a> {
    pub starts_at: DateTime<FixedOffset>,
    pub reason: &'a str,
}

pub fn reschedule(
    conn: &mut DbConnection,
    settings: &Settings,
    origin: &Origin,
    booker: &Booker,
    id: &str,
    to: Move<'_>,
    now: DateTime<Utc>,
) -> Result<AppointmentRow, Error> {
    let Move { starts_at, reason } = to;
    let row = visible(conn, booker, id)?;
    if row.state != BOOKED {
        return Err(Error::Closed(row.state));
    }
    if reason.trim().chars().count() < 5 {
        return Err(invalid(
            "reason",
            "Indicare il motivo dello spostamento (almeno 5 caratteri).",
            "Give the reason for the move (at least 5 characters).",
        ));
    }
    let desk = desks::find(conn, &row.desk_id)?;
    let starts = bookable_start(settings, &desk, starts_at, now)?;
    let starts_utc = from_local(starts).naive_utc();
    let ends_utc = starts_utc + Duration::minutes(i64::from(desk.config.slot_minutes));
    let stamp = mail::now_utc();
    db::transaction(conn, |conn| {
        if !slots::take(conn, &row.desk_id, starts_utc, desk.row.places_per_slot)? {
            return Err(Error::SlotFull);
        }
        slots::release(conn, &row.desk_id, row.starts_at)?;
        if !store::reschedule(conn, &row.id, starts_utc, ends_utc, stamp)? {
            return Err(Error::Closed(row.state.clone()));
        }
        let updated = store::find(conn, &row.id)?.ok_or(Error::NotFound)?;
        audit(
            conn,
            origin,
            booker.actor(),
            actions::APPOINTMENT_MOVED,
            &updated,
            Some(reason.trim()),
        )?;
        notify(
            conn,
            settings,
            &desk,
            &updated,
            Notice::Moved(reason.trim()),
        )?;
        Ok(updated)
    })
}

/// "Presentato" or "non presentato", from the appointment's day on.
pub fn attendance(
    conn: &mut DbConnection,
    origin: &Origin,
    booker: &Booker,
    id: &str,
    attended: bool,
    now: DateTime<Utc>,
) -> Result<AppointmentRow, Error> {
    let row = visible(conn, booker, id)?;
    if local(row.starts_at.and_utc()).date() > local(now).date() {
        return Err(Error::AttendanceTooEarly);
    }
    let state = if attended { "attended" } else { "missed" };
    let stamp = mail::now_utc();
    db::transaction(conn, |conn| {
        let from = if row.state == BOOKED || row.state == "attended" || row.state == "missed" {
            row.state.clone()
        } else {
            return Err(Error::Closed(row.state.clone()));
        };
        if !store::set_state(conn, &row.id, &from, state, None, stamp)? {
            return Err(Error::Closed(row.state.clone()));
        }
        let updated = store::find(conn, &row.id)?.ok_or(Error::NotFound)?;
        audit(
            conn,
            origin,
            booker.actor(),
            actions::APPOINTMENT_ATTENDANCE,
            &updated,
            None,
        )?;
        Ok(updated)
    })
}
