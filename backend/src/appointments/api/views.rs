//! From rows to the JSON the API answers.

use chrono::{DateTime, NaiveDateTime, Utc};

use super::shapes::*;
use crate::appointments::booking;
use crate::appointments::desks::DeskView;
use crate::appointments::rules::desk::area_label;
use crate::appointments::store::appointments::{AppointmentRow, BOOKED};
use crate::platform::i18n::Lang;
use crate::platform::italian_time::{local, offset_hours};

/// RFC 3339 with the offset Rome had at that instant, e.g. `2026-12-09T08:30:00+01:00`.
pub fn rome(at: NaiveDateTime) -> String {
    let utc = at.and_utc();
    chrono::FixedOffset::east_opt((offset_hours(utc) * 3600) as i32).map_or_else(
        || utc.to_rfc3339(),
        |offset| utc.with_timezone(&offset).to_rfc3339(),
    )
}

pub fn desk(view: &DeskView, lang: Lang) -> Desk {
    let config = &view.config;
    Desk {
        id: view.row.id.clone(),
        name: config.name.clone(),
        area: config.area.clone(),
        area_label: area_label(&config.area)
            .map_or_else(|| config.area.clone(), |l| l.get(lang).to_owned()),
        location: config.location.clone(),
        topics: config.topics.clone(),
        hours: config
            .hours
            .iter()
            .map(|h| DeskHours {
                weekday: h.weekday,
                opens: h.opens.clone(),
                closes: h.closes.clone(),
            })
            .collect(),
        slot_minutes: config.slot_minutes,
        places_per_slot: config.places_per_slot,
        horizon_days: config.horizon_days,
        min_notice_hours: config.min_notice_hours,
        cancel_notice_hours: config.cancel_notice_hours,
        max_active_per_citizen: config.max_active_per_citizen,
        active: config.active,
        closures: view
            .closures
            .iter()
            .map(|c| DeskClosure {
                id: c.id.clone(),
                from: c.from_date,
                to: c.to_date,
                reason: c.reason.clone(),
            })
            .collect(),
    }
}

fn state_label(state: &str, lang: Lang) -> String {
    let (it, en) = match state {
        "booked" => ("Prenotato", "Booked"),
        "cancelled" => ("Annullato", "Cancelled"),
        "attended" => ("Presentato", "Attended"),
        "missed" => ("Non presentato", "Did not attend"),
        other => (other, other),
    };
    if lang == Lang::En { en } else { it }.to_owned()
}

pub fn appointment(
    row: AppointmentRow,
    desk: &DeskView,
    now: DateTime<Utc>,
    lang: Lang,
) -> Appointment {
    let until = booking::cancel_until(&row, desk);
    let starts = local(row.starts_at.and_utc());
    Appointment {
        can_cancel: row.state == BOOKED && now.naive_utc() <= until,
        cancel_until: rome(until),
        ics_url: format!("/api/v1/appointments/{}/ics", row.id),
        desk_name: desk.config.name.clone(),
        location: desk.config.location.clone(),
        starts_at: rome(row.starts_at),
        ends_at: rome(row.ends_at),
        date: starts.date(),
        time: starts.format("%H:%M").to_string(),
        state_label: state_label(&row.state, lang),
        person: AppointmentPerson {
            fiscal_code: row.fiscal_code,
            surname: row.surname,
            name: row.name,
        },
        created_at: row.created_at.and_utc(),
        cancelled_at: row.cancelled_at.map(|at| at.and_utc()),
        id: row.id,
        code: row.code,
        desk_id: row.desk_id,
        topic: row.topic,
        notes: row.notes,
        state: row.state,
        email: row.email,
        phone: row.phone,
        booked_by: row.booked_by,
        cancel_reason: row.cancel_reason,
    }
}
