//! The iCalendar file (RFC 5545) of an appointment: a request when booked or moved, a
//! cancellation when cancelled. The UID stays the same for the appointment's whole life
//! and SEQUENCE grows with each change, so calendars update the entry they hold.

use chrono::{DateTime, NaiveDateTime, Utc};

/// Europe/Rome as the files carry it: the two rules of EU summer time since 1996.
const VTIMEZONE: &str = "BEGIN:VTIMEZONE\r\nTZID:Europe/Rome\r\n\
BEGIN:DAYLIGHT\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nTZNAME:CEST\r\nDTSTART:19700329T020000\r\nRRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\nEND:DAYLIGHT\r\n\
BEGIN:STANDARD\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nTZNAME:CET\r\nDTSTART:19701025T030000\r\nRRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\nEND:STANDARD\r\n\
END:VTIMEZONE\r\n";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    Request,
    Cancel,
}

pub struct Event<'a> {
    /// Unique for ever: the appointment's id and the portal's host.
    pub uid: &'a str,
    pub sequence: i32,
    pub method: Method,
    pub starts: NaiveDateTime,
    pub ends: NaiveDateTime,
    pub summary: &'a str,
    pub description: &'a str,
    pub location: &'a str,
    pub organizer_name: &'a str,
    pub organizer_email: &'a str,
    pub stamp: DateTime<Utc>,
}

/// TEXT values escape backslash, semicolon, comma and new lines (RFC 5545 §3.3.11).
fn text(value: &str) -> String {
    value
        .replace('\\', "\\\\")
        .replace(';', "\\;")
        .replace(',', "\\,")
        .replace("\r\n", "\\n")
        .replace('\n', "\\n")
}

/// Lines longer than 75 octets are folded (RFC 5545 §3.1), never inside a character.
fn fold(line: &str) -> String {
    let mut out = String::new();
    let mut width = 0;
    for c in line.chars() {
        let size = c.len_utf8();
        if width + size > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += size;
    }
    out.push_str("\r\n");
    out
}

fn local(at: NaiveDateTime) -> String {
    at.format("%Y%m%dT%H%M%S").to_string()
}

pub fn calendar(event: &Event<'_>) -> String {
    let (method, status) = match event.method {
        Method::Request => ("REQUEST", "CONFIRMED"),
        Method::Cancel => ("CANCEL", "CANCELLED"),
    };
    let mut ics = String::from("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Portale Servizi Demografici//Appuntamenti//IT\r\nCALSCALE:GREGORIAN\r\n");
    ics.push_str(&format!("METHOD:{method}\r\n"));
    ics.push_str(VTIMEZONE);
    ics.push_str("BEGIN:VEVENT\r\n");
    for line in [
        format!("UID:{}", event.uid),
        format!("SEQUENCE:{}", event.sequence),
        format!("DTSTAMP:{}", event.stamp.format("%Y%m%dT%H%M%SZ")),
        format!("DTSTART;TZID=Europe/Rome:{}", local(event.starts)),
        format!("DTEND;TZID=Europe/Rome:{}", local(event.ends)),
        format!("SUMMARY:{}", text(event.summary)),
        format!("DESCRIPTION:{}", text(event.description)),
        format!("LOCATION:{}", text(event.location)),
        format!(
            "ORGANIZER;CN={}:mailto:{}",
            text(event.organizer_name),
            event.organizer_email
        ),
        format!("STATUS:{status}"),
        "TRANSP:OPAQUE".to_owned(),
    ] {
        ics.push_str(&fold(&line));
    }
    ics.push_str("END:VEVENT\r\nEND:VCALENDAR\r\n");
    ics
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{NaiveDate, TimeZone};

    fn event(method: Method) -> String {
        let day = NaiveDate::from_ymd_opt(2026, 12, 9).unwrap_or_default();
        calendar(&Event {
            uid: "01a2@servizi.comune.valdoria.it",
            sequence: if method == Method::Cancel { 1 } else { 0 },
            method,
            starts: day.and_hms_opt(8, 30, 0).unwrap_or_default(),
            ends: day.and_hms_opt(8, 50, 0).unwrap_or_default(),
            summary: "Appuntamento: Anagrafe, codice K7Q4-2M",
            description: "Cambio di residenza; portare un documento, grazie",
            location: "Piazza del Municipio, 1 - Valdoria",
            organizer_name: "Comune di Valdoria",
            organizer_email: "anagrafe@comune.valdoria.example",
            stamp: Utc
                .with_ymd_and_hms(2026, 12, 6, 10, 0, 0)
                .single()
                .unwrap_or_default(),
        })
    }

    #[test]
    fn a_booking_is_a_request_in_rome_time() {
        let ics = event(Method::Request);
        assert!(ics.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
        assert!(ics.contains("METHOD:REQUEST\r\n"));
        assert!(ics.contains("TZID:Europe/Rome\r\n"));
        assert!(ics.contains("DTSTART;TZID=Europe/Rome:20261209T083000\r\n"));
        assert!(ics.contains("STATUS:CONFIRMED"));
        assert!(ics.contains("DESCRIPTION:Cambio di residenza\\; portare un documento\\, grazie"));
        assert!(ics.lines().all(|l| l.len() <= 75), "{ics}");
        assert!(ics.ends_with("END:VCALENDAR\r\n"));
    }

    #[test]
    fn a_cancellation_keeps_the_uid_and_raises_the_sequence() {
        let ics = event(Method::Cancel);
        assert!(ics.contains("METHOD:CANCEL\r\n") && ics.contains("STATUS:CANCELLED"));
        assert!(ics.contains("UID:01a2@servizi.comune.valdoria.it\r\n"));
        assert!(ics.contains("SEQUENCE:1\r\n"));
    }

    #[test]
    fn long_lines_fold_without_splitting_a_letter() {
        let folded = fold(&format!("DESCRIPTION:{}", "è".repeat(60)));
        assert!(folded.split("\r\n").all(|l| l.len() <= 75));
        assert_eq!(
            folded.replace("\r\n ", "").trim_end(),
            format!("DESCRIPTION:{}", "è".repeat(60))
        );
    }
}
