//! The JSON shapes of desks, availability and appointments.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// One opening range of a weekday, local time (Europe/Rome).
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DeskHours {
    /// 1 = Monday … 7 = Sunday.
    #[schema(minimum = 1, maximum = 7, example = 1)]
    pub weekday: u8,
    #[schema(example = "08:30")]
    pub opens: String,
    #[schema(example = "12:30")]
    pub closes: String,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct DeskClosure {
    pub id: String,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub reason: String,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Desk {
    pub id: String,
    #[schema(example = "Anagrafe")]
    pub name: String,
    /// `anagrafe`, `stato_civile`, `elettorale`, `carta_identita` or `altro`.
    #[schema(example = "anagrafe")]
    pub area: String,
    pub area_label: String,
    #[schema(example = "Piazza del Municipio, 1 - piano terra, sportello 2")]
    pub location: String,
    /// The topics ("argomento") one may book for.
    pub topics: Vec<String>,
    pub hours: Vec<DeskHours>,
    pub slot_minutes: u32,
    pub places_per_slot: u32,
    /// How many days ahead one may book.
    pub horizon_days: u32,
    /// Booking closes this many hours before a slot.
    pub min_notice_hours: u32,
    /// A citizen may cancel until this many hours before.
    pub cancel_notice_hours: u32,
    /// Bookings a citizen may hold at once at this desk.
    pub max_active_per_citizen: u32,
    pub active: bool,
    pub closures: Vec<DeskClosure>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct DeskList {
    pub items: Vec<Desk>,
}

/// A desk as the office sets it up.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DeskInput {
    pub name: String,
    pub area: String,
    pub location: String,
    pub topics: Vec<String>,
    pub hours: Vec<DeskHours>,
    pub slot_minutes: u32,
    pub places_per_slot: u32,
    pub horizon_days: u32,
    pub min_notice_hours: u32,
    pub cancel_notice_hours: u32,
    pub max_active_per_citizen: u32,
    pub active: bool,
}

#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ClosureInput {
    pub from: NaiveDate,
    pub to: NaiveDate,
    #[schema(example = "Chiusura per inventario")]
    pub reason: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct FreeSlot {
    /// The slot's start, RFC 3339 with the offset of Rome that day.
    pub starts_at: String,
    #[schema(example = "08:30")]
    pub time: String,
    #[schema(example = "08:50")]
    pub ends: String,
    pub free: u32,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct AvailabilityDay {
    pub date: NaiveDate,
    /// Some place is free that day ("prenota appuntamento").
    pub bookable: bool,
    pub free: u32,
    /// The desk is closed (holiday, closure, no hours that weekday).
    pub closed: bool,
    pub slots: Vec<FreeSlot>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Availability {
    pub desk_id: String,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub days: Vec<AvailabilityDay>,
}

/// A booking. Citizens book for themselves; the office (`appointments.manage`) books for
/// the person named by `fiscal_code`, `surname` and `name`.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewAppointment {
    pub desk_id: String,
    /// A slot's `starts_at` as availability gives it.
    pub starts_at: DateTime<chrono::FixedOffset>,
    pub topic: String,
    #[serde(default)]
    pub notes: String,
    pub fiscal_code: Option<String>,
    pub surname: Option<String>,
    pub name: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct AppointmentPerson {
    pub fiscal_code: String,
    pub surname: String,
    pub name: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Appointment {
    pub id: String,
    /// To show at the desk.
    #[schema(example = "K7Q4M2")]
    pub code: String,
    pub desk_id: String,
    pub desk_name: String,
    pub location: String,
    pub starts_at: String,
    pub ends_at: String,
    pub date: NaiveDate,
    #[schema(example = "08:30")]
    pub time: String,
    pub topic: String,
    pub notes: String,
    /// `booked`, `cancelled`, `attended` or `missed`.
    pub state: String,
    pub state_label: String,
    pub person: AppointmentPerson,
    pub email: Option<String>,
    pub phone: Option<String>,
    /// `citizen` or `office`.
    pub booked_by: String,
    pub created_at: DateTime<Utc>,
    pub cancelled_at: Option<DateTime<Utc>>,
    pub cancel_reason: Option<String>,
    /// The citizen may still cancel it online.
    pub can_cancel: bool,
    pub cancel_until: String,
    pub ics_url: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct AppointmentList {
    pub items: Vec<Appointment>,
    pub total: i64,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MoveRequest {
    pub starts_at: DateTime<chrono::FixedOffset>,
    /// Told to the citizen.
    pub reason: String,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AttendanceRequest {
    /// Presented (`true`) or not presented (`false`).
    pub attended: bool,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct AgendaSlot {
    pub starts_at: String,
    pub time: String,
    pub places: u32,
    pub appointments: Vec<Appointment>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Agenda {
    pub desk: Desk,
    pub date: NaiveDate,
    pub slots: Vec<AgendaSlot>,
}
