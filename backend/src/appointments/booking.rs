//! Booking, cancelling, moving and marking appointments; the calendar file and the
//! e-mails that carry it.

use chrono::{DateTime, Duration, FixedOffset, NaiveDateTime, Utc};

use crate::appointments::desks::{self, DeskView};
use crate::appointments::notices::{notify, Notice};
use crate::appointments::rules::code;
use crate::appointments::store::appointments::{self as store, AppointmentRow, BOOKED, CANCELLED};
use crate::appointments::store::slots;
use crate::appointments::Error;
use crate::audit::{actions, Actor, AuditEntry, Origin};
use crate::mail;
use crate::platform::auth::{AccountId, Permission};
use crate::platform::db::{self, DbConnection};
use crate::platform::email::Email;
use crate::platform::italian_time::{from_local, local};
use crate::platform::settings::Settings;
use crate::platform::validation::FieldError;
use crate::registry::rules::fiscal_code::FiscalCode;

/// Who books: a citizen for themselves, or the office (`appointments.manage`).
#[derive(Debug, Clone)]
pub struct Booker {
    pub account_id: AccountId,
    pub label: String,
    pub office: bool,
}

impl Booker {
    pub fn of(user: &crate::platform::auth::AuthUser) -> Booker {
        Booker {
            account_id: user.account_id.clone(),
            label: user.label.clone(),
            office: user.permissions.contains(&Permission::AppointmentsManage),
        }
    }

    pub(crate) fn actor(&self) -> Actor<'_> {
        Actor {
            id: Some(self.account_id.as_str()),
            label: &self.label,
        }
    }
}

/// What a booking asks for.
#[derive(Debug, Clone)]
pub struct Request {
    pub desk_id: String,
    pub starts_at: DateTime<FixedOffset>,
    pub topic: String,
    pub notes: String,
    /// The person, when the office books for someone.
    pub person: Option<Person>,
}

#[derive(Debug, Clone)]
pub struct Person {
    pub fiscal_code: String,
    pub surname: String,
    pub name: String,
    pub email: Option<String>,
    pub phone: Option<String>,
}

pub enum Booked {
    Now(AppointmentRow),
    Before(AppointmentRow),
}

pub(crate) fn invalid(field: &str, it: &str, en: &str) -> Error {
    Error::Invalid(vec![FieldError::text(field, it, en)])
}

fn checked_person(person: &Person) -> Result<Person, Error> {
    let mut errors = Vec::new();
    let code = FiscalCode::parse(person.fiscal_code.trim());
    if code.is_err() {
        errors.push(FieldError::text(
            "fiscal_code",
            "Codice fiscale non valido.",
            "Invalid codice fiscale.",
        ));
    }
    for (field, value) in [("surname", &person.surname), ("name", &person.name)] {
        if !(1..=80).contains(&value.trim().chars().count()) {
            errors.push(FieldError::text(
                field,
                "Campo obbligatorio.",
                "Required field.",
            ));
        }
    }
    let email = person
        .email
        .as_deref()
        .map(str::trim)
        .filter(|e| !e.is_empty());
    if email.is_some_and(|e| Email::parse(e).is_err()) {
        errors.push(FieldError::text(
            "email",
            "Indirizzo e-mail non valido.",
            "Invalid e-mail address.",
        ));
    }
    if !errors.is_empty() {
        return Err(Error::Invalid(errors));
    }
    Ok(Person {
        fiscal_code: code.map(|c| c.as_str().to_owned()).unwrap_or_default(),
        surname: person.surname.trim().to_uppercase(),
        name: person.name.trim().to_uppercase(),
        email: email.map(str::to_owned),
        phone: person
            .phone
            .as_deref()
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .map(str::to_owned),
    })
}

/// The slot's local start, if `starts_at` is one the desk offers now.
pub(crate) fn bookable_start(
    settings: &Settings,
    desk: &DeskView,
    starts_at: DateTime<FixedOffset>,
    now: DateTime<Utc>,
) -> Result<NaiveDateTime, Error> {
    let starts = local(starts_at.with_timezone(&Utc));
    if desk.schedule(settings).bookable(starts, now) {
        Ok(starts)
    } else {
        Err(invalid(
            "starts_at",
            "L'orario scelto non è prenotabile per questo sportello (chiuso, passato, troppo vicino o oltre il periodo prenotabile).",
            "The time chosen cannot be booked at this desk (closed, past, too near or beyond the booking period).",
        ))
    }
}

pub fn book(
    conn: &mut DbConnection,
    settings: &Settings,
    origin: &Origin,
    booker: &Booker,
    request: &Request,
    key: Option<&str>,
    now: DateTime<Utc>,
) -> Result<Booked, Error> {
    if let Some(key) = key {
        if let Some(done) = store::find_by_key(conn, booker.account_id.as_str(), key)? {
            return Ok(Booked::Before(done));
        }
    }
    let desk = desks::find(conn, &request.desk_id)?;
    if !desk.config.active {
        return Err(Error::NotFound);
    }
    let topic = request.topic.trim();
    if !desk.config.topics.iter().any(|t| t.trim() == topic) {
        return Err(invalid(
            "topic",
            "Scegliere un argomento dello sportello.",
            "Choose one of the desk's topics.",
        ));
    }
    if request.notes.chars().count() > 500 {
        return Err(invalid(
            "notes",
            "Le note possono avere al massimo 500 caratteri.",
            "Notes may have at most 500 characters.",
        ));
    }
    let (person, account_id) = match (&request.person, booker.office) {
        (Some(person), true) => {
            let person = checked_person(person)?;
            let account = crate::accounts::account_of_fiscal_code(conn, &person.fiscal_code)?;
            (person, account)
        }
        _ => {
            let account = crate::accounts::find_account(conn, booker.account_id.as_str())?
                .ok_or(Error::NotFound)?;
            let Some(fiscal_code) = account.fiscal_code.clone() else {
                return Err(invalid(
                    "fiscal_code",
                    "Indicare la persona per cui si prenota.",
                    "Name the person the booking is for.",
                ));
            };
            (
                Person {
                    fiscal_code,
                    surname: account.surname,
                    name: account.name,
                    email: account.email,
                    phone: None,
                },
                Some(account.id),
            )
        }
    };
    let starts = bookable_start(settings, &desk, request.starts_at, now)?;
    let starts_utc = from_local(starts).naive_utc();
    let ends_utc = starts_utc + Duration::minutes(i64::from(desk.config.slot_minutes));
    let stamp = mail::now_utc();
    let row = db::transaction(conn, |conn| {
        if !booker.office
            && store::active_count(conn, &person.fiscal_code, &desk.row.id, now.naive_utc())?
                >= i64::from(desk.config.max_active_per_citizen)
        {
            return Err(Error::TooManyBookings(desk.config.max_active_per_citizen));
        }
        if !slots::take(conn, &desk.row.id, starts_utc, desk.row.places_per_slot)? {
            return Err(Error::SlotFull);
        }
        let row = AppointmentRow {
            id: uuid::Uuid::now_v7().to_string(),
            code: code::generate().ok_or_else(|| Error::Internal("no randomness".into()))?,
            desk_id: desk.row.id.clone(),
            starts_at: starts_utc,
            ends_at: ends_utc,
            topic: topic.to_owned(),
            notes: request.notes.trim().to_owned(),
            account_id: account_id.clone(),
            fiscal_code: person.fiscal_code.clone(),
            surname: person.surname.clone(),
            name: person.name.clone(),
            email: person.email.clone(),
            phone: person.phone.clone(),
            state: BOOKED.to_owned(),
            booked_by: if booker.office { "office" } else { "citizen" }.to_owned(),
            created_at: stamp,
            updated_at: stamp,
            cancelled_at: None,
            cancel_reason: None,
            sequence: 0,
            reminder_sent_at: None,
            idempotency_key: key.map(str::to_owned),
        };
        store::insert(conn, &row)?;
        audit(
            conn,
            origin,
            booker.actor(),
            actions::APPOINTMENT_BOOKED,
            &row,
            None,
        )?;
        notify(conn, settings, &desk, &row, Notice::Booked)?;
        Ok(row)
    })?;
    Ok(Booked::Now(row))
}

/// The appointment if the caller may see it: its person's account, or the office.
pub fn visible(
    conn: &mut DbConnection,
    booker: &Booker,
    id: &str,
) -> Result<AppointmentRow, Error> {
    let row = store::find(conn, id)?.ok_or(Error::NotFound)?;
    if booker.office || row.account_id.as_deref() == Some(booker.account_id.as_str()) {
        Ok(row)
    } else {
        Err(Error::NotFound)
    }
}

/// Until when the citizen may cancel online.
pub fn cancel_until(row: &AppointmentRow, desk: &DeskView) -> NaiveDateTime {
    row.starts_at - Duration::hours(i64::from(desk.config.cancel_notice_hours))
}

pub fn cancel(
    conn: &mut DbConnection,
    settings: &Settings,
    origin: &Origin,
    booker: &Booker,
    id: &str,
    reason: Option<&str>,
    now: DateTime<Utc>,
) -> Result<AppointmentRow, Error> {
    let row = visible(conn, booker, id)?;
    let desk = desks::find(conn, &row.desk_id)?;
    if row.state != BOOKED {
        return Err(Error::Closed(row.state));
    }
    let own = row.account_id.as_deref() == Some(booker.account_id.as_str());
    let reason = reason.map(str::trim).filter(|r| !r.is_empty());
    if !own && reason.is_none_or(|r| r.chars().count() < 5) {
        return Err(invalid("reason", "Indicare il motivo dell'annullamento (almeno 5 caratteri): sarà comunicato al cittadino.", "Give the reason (at least 5 characters): the citizen is told."));
    }
    if own && !booker.office && now.naive_utc() > cancel_until(&row, &desk) {
        return Err(Error::TooLateToCancel);
    }
    let stamp = mail::now_utc();
    db::transaction(conn, |conn| {
        if !store::set_state(conn, &row.id, BOOKED, CANCELLED, reason, stamp)? {
            return Err(Error::Closed(CANCELLED.to_owned()));
        }
        slots::release(conn, &row.desk_id, row.starts_at)?;
        let updated = store::find(conn, &row.id)?.ok_or(Error::NotFound)?;
        audit(
            conn,
            origin,
            booker.actor(),
            actions::APPOINTMENT_CANCELLED,
            &updated,
            reason,
        )?;
        notify(conn, settings, &desk, &updated, Notice::Cancelled)?;
        Ok(updated)
    })
}

pub(crate) fn audit(
    conn: &mut DbConnection,
    origin: &Origin,
    actor: Actor<'_>,
    action: &str,
    row: &AppointmentRow,
    reason: Option<&str>,
) -> Result<(), Error> {
    let mut entry = AuditEntry::new(actor, action).subject("appointment", &row.id);
    entry.reason = reason;
    entry.details = serde_json::json!({
        "code": row.code,
        "desk": row.desk_id,
        "starts_at": row.starts_at.and_utc().to_rfc3339(),
        "fiscal_code": row.fiscal_code,
        "state": row.state,
    });
    crate::audit::record(conn, origin, entry)?;
    Ok(())
}
