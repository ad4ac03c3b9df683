//! What the person is told: the calendar file of an appointment and the e-mails that
//! carry it (booked, moved, cancelled, the reminder the day before).

use crate::appointments::desks::DeskView;
use crate::appointments::rules::ics::{self, Method};
use crate::appointments::store::appointments::{AppointmentRow, CANCELLED};
use crate::appointments::Error;
use crate::mail::{self, Attachment, NewMail};
use crate::platform::db::DbConnection;
use crate::platform::email::Email;
use crate::platform::italian_time::local;
use crate::platform::settings::Settings;

/// The calendar file of the appointment as it is now.
pub fn calendar(settings: &Settings, desk: &DeskView, row: &AppointmentRow) -> String {
    let base = settings.effective_public_base_url();
    let host = base
        .split("://")
        .nth(1)
        .unwrap_or(&base)
        .split(['/', ':'])
        .next()
        .unwrap_or("portale");
    let uid = format!("{}@{host}", row.id);
    let summary = format!("Appuntamento: {} (codice {})", desk.config.name, row.code);
    let description = format!(
        "Argomento: {}. Codice di prenotazione da presentare allo sportello: {}.{}",
        row.topic,
        row.code,
        if row.notes.is_empty() {
            String::new()
        } else {
            format!(" Note: {}", row.notes)
        }
    );
    let municipality = &settings.municipality;
    ics::calendar(&ics::Event {
        uid: &uid,
        sequence: row.sequence,
        method: if row.state == CANCELLED {
            Method::Cancel
        } else {
            Method::Request
        },
        starts: local(row.starts_at.and_utc()),
        ends: local(row.ends_at.and_utc()),
        summary: &summary,
        description: &description,
        location: &format!("{} - {}", desk.config.location, municipality.name),
        organizer_name: &municipality.office.name,
        organizer_email: &municipality.office.email,
        stamp: row.updated_at.and_utc(),
    })
}

pub enum Notice<'a> {
    Booked,
    Moved(&'a str),
    Cancelled,
    Reminder,
}

/// E-mails the person, with the calendar file, when an address is known.
pub fn notify(
    conn: &mut DbConnection,
    settings: &Settings,
    desk: &DeskView,
    row: &AppointmentRow,
    notice: Notice<'_>,
) -> Result<(), Error> {
    let Some(address) = row.email.as_deref().and_then(|e| Email::parse(e).ok()) else {
        return Ok(());
    };
    let when = local(row.starts_at.and_utc());
    let day = crate::document::printable::format_date(when.date());
    let time = when.format("%H:%M");
    let (subject, opening) = match notice {
        Notice::Booked => (format!("Conferma appuntamento del {day} ore {time}"), "è confermato il Suo appuntamento".to_owned()),
        Notice::Moved(reason) => (format!("Appuntamento spostato al {day} ore {time}"), format!("il Suo appuntamento è stato spostato dall'Ufficio (motivo: {reason}); il nuovo appuntamento è")),
        Notice::Cancelled => (format!("Appuntamento del {day} ore {time} annullato"), format!("è stato annullato il Suo appuntamento{}", row.cancel_reason.as_deref().map(|r| format!(" (motivo: {r})")).unwrap_or_default())),
        Notice::Reminder => (format!("Promemoria: appuntamento domani, {day} ore {time}"), "Le ricordiamo il Suo appuntamento".to_owned()),
    };
    let body = format!(
        "Gentile {} {},\n\n{}:\n\n  sportello: {}\n  luogo: {}\n  giorno: {day}, ore {time}\n  argomento: {}\n  codice di prenotazione: {}\n\nPresenti il codice allo sportello con un documento d'identità. Il file allegato aggiorna il Suo calendario.\nPuò consultare e annullare i Suoi appuntamenti in «I miei appuntamenti»: {}/appuntamenti\n\n{}\n{}\n",
        row.name, row.surname, opening, desk.config.name, desk.config.location, row.topic, row.code,
        settings.effective_public_base_url().trim_end_matches('/'),
        settings.municipality.office.name, settings.municipality.name,
    );
    let method = if row.state == CANCELLED {
        "CANCEL"
    } else {
        "REQUEST"
    };
    let mut mail = NewMail::new(address, subject, body);
    mail.attachments.push(Attachment {
        file_name: format!("appuntamento-{}.ics", row.code),
        content_type: format!("text/calendar; method={method}; charset=UTF-8"),
        content: calendar(settings, desk, row).into_bytes(),
    });
    mail::enqueue(conn, &mail)?;
    Ok(())
}
