//! The office's desks: reading them with their schedule, setting them up, closing them.

use chrono::NaiveDate;

use crate::appointments::rules::desk::{DeskConfig, Hours};
use crate::appointments::rules::slots::{Closure, Schedule};
use crate::appointments::store::desks::{self as store, ClosureRow, DeskRow};
use crate::appointments::Error;
use crate::platform::db::DbConnection;
use crate::platform::italian_calendar::PatronDay;
use crate::platform::settings::Settings;
use crate::platform::validation::FieldError;

/// A desk with what its slots depend on.
#[derive(Debug, Clone)]
pub struct DeskView {
    pub row: DeskRow,
    pub config: DeskConfig,
    pub closures: Vec<ClosureRow>,
}

impl DeskView {
    pub fn schedule(&self, settings: &Settings) -> Schedule {
        let patron = settings
            .municipality
            .patron_saint_day
            .as_deref()
            .and_then(PatronDay::parse);
        let closures = self
            .closures
            .iter()
            .map(|c| Closure {
                from: c.from_date,
                to: c.to_date,
            })
            .collect();
        self.config.schedule(closures, patron)
    }
}

fn config_of(row: &DeskRow) -> DeskConfig {
    let count = |n: i32| u32::try_from(n).unwrap_or(0);
    DeskConfig {
        name: row.name.clone(),
        area: row.area.clone(),
        location: row.location.clone(),
        topics: serde_json::from_str(&row.topics_json).unwrap_or_default(),
        hours: serde_json::from_str::<Vec<Hours>>(&row.hours_json).unwrap_or_default(),
        slot_minutes: count(row.slot_minutes),
        places_per_slot: count(row.places_per_slot),
        horizon_days: count(row.horizon_days),
        min_notice_hours: count(row.min_notice_hours),
        cancel_notice_hours: count(row.cancel_notice_hours),
        max_active_per_citizen: count(row.max_active_per_citizen),
        active: row.active,
    }
}

pub fn view(conn: &mut DbConnection, row: DeskRow) -> Result<DeskView, Error> {
    let closures = store::closures(conn, &row.id)?;
    Ok(DeskView {
        config: config_of(&row),
        row,
        closures,
    })
}

pub fn find(conn: &mut DbConnection, id: &str) -> Result<DeskView, Error> {
    let row = store::find(conn, id)?.ok_or(Error::NotFound)?;
    view(conn, row)
}

pub fn list(conn: &mut DbConnection, only_active: bool) -> Result<Vec<DeskView>, Error> {
    store::list(conn, only_active)?
        .into_iter()
        .map(|row| view(conn, row))
        .collect()
}

fn row_of(id: String, config: &DeskConfig) -> Result<DeskRow, Error> {
    let signed = |n: u32| i32::try_from(n).unwrap_or(i32::MAX);
    Ok(DeskRow {
        id,
        name: config.name.trim().to_owned(),
        area: config.area.clone(),
        location: config.location.trim().to_owned(),
        topics_json: serde_json::to_string(
            &config.topics.iter().map(|t| t.trim()).collect::<Vec<_>>(),
        )
        .map_err(|e| Error::Internal(e.to_string()))?,
        hours_json: serde_json::to_string(&config.hours)
            .map_err(|e| Error::Internal(e.to_string()))?,
        slot_minutes: signed(config.slot_minutes),
        places_per_slot: signed(config.places_per_slot),
        horizon_days: signed(config.horizon_days),
        min_notice_hours: signed(config.min_notice_hours),
        cancel_notice_hours: signed(config.cancel_notice_hours),
        max_active_per_citizen: signed(config.max_active_per_citizen),
        active: config.active,
        updated_at: crate::mail::now_utc(),
    })
}

/// Creates (no `id`) or replaces a desk.
pub fn save(
    conn: &mut DbConnection,
    id: Option<&str>,
    config: &DeskConfig,
) -> Result<DeskView, Error> {
    let errors = config.check();
    if !errors.is_empty() {
        return Err(Error::Invalid(errors));
    }
    match id {
        None => {
            let row = row_of(uuid::Uuid::now_v7().to_string(), config)?;
            store::insert(conn, &row)?;
            view(conn, row)
        }
        Some(id) => {
            let row = row_of(id.to_owned(), config)?;
            if !store::update(conn, &row)? {
                return Err(Error::NotFound);
            }
            view(conn, row)
        }
    }
}

pub fn close(
    conn: &mut DbConnection,
    desk_id: &str,
    from: NaiveDate,
    to: NaiveDate,
    reason: &str,
) -> Result<DeskView, Error> {
    let desk = find(conn, desk_id)?;
    let mut errors = Vec::new();
    if to < from {
        errors.push(FieldError::text(
            "to",
            "La data finale non può precedere quella iniziale.",
            "The end cannot come before the start.",
        ));
    }
    if !(2..=200).contains(&reason.trim().chars().count()) {
        errors.push(FieldError::text(
            "reason",
            "Indicare il motivo (da 2 a 200 caratteri).",
            "Give the reason (2 to 200 characters).",
        ));
    }
    if !errors.is_empty() {
        return Err(Error::Invalid(errors));
    }
    store::add_closure(
        conn,
        &ClosureRow {
            id: uuid::Uuid::now_v7().to_string(),
            desk_id: desk.row.id.clone(),
            from_date: from,
            to_date: to,
            reason: reason.trim().to_owned(),
        },
    )?;
    find(conn, desk_id)
}

pub fn reopen(conn: &mut DbConnection, desk_id: &str, closure_id: &str) -> Result<(), Error> {
    if store::remove_closure(conn, desk_id, closure_id)? {
        Ok(())
    } else {
        Err(Error::NotFound)
    }
}
