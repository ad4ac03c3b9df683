//! A desk's configuration as the office gives it: checked field by field, and turned
//! into the schedule the slots are cut from.

use chrono::{Duration, NaiveTime};

use super::slots::{Closure, Opening, Schedule};
use crate::platform::i18n::StaticText;
use crate::platform::italian_calendar::PatronDay;
use crate::platform::validation::FieldError;

pub const AREAS: [(&str, StaticText); 5] = [
    ("anagrafe", StaticText::new("Anagrafe", "Registry")),
    (
        "stato_civile",
        StaticText::new("Stato civile", "Civil status"),
    ),
    (
        "elettorale",
        StaticText::new("Elettorale", "Electoral office"),
    ),
    (
        "carta_identita",
        StaticText::new("Carta d'identità elettronica", "Electronic identity card"),
    ),
    ("altro", StaticText::new("Altro", "Other")),
];

pub fn area_label(code: &str) -> Option<StaticText> {
    AREAS
        .iter()
        .find(|(c, _)| *c == code)
        .map(|(_, label)| *label)
}

/// One opening range as written: weekday 1-7, `HH:MM`.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Hours {
    pub weekday: u8,
    pub opens: String,
    pub closes: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeskConfig {
    pub name: String,
    pub area: String,
    pub location: String,
    pub topics: Vec<String>,
    pub hours: Vec<Hours>,
    pub slot_minutes: u32,
    pub places_per_slot: u32,
    pub horizon_days: u32,
    pub min_notice_hours: u32,
    pub cancel_notice_hours: u32,
    pub max_active_per_citizen: u32,
    pub active: bool,
}

fn parse_time(text: &str) -> Option<NaiveTime> {
    let (h, m) = text.trim().split_once(':')?;
    if h.len() != 2 || m.len() != 2 {
        return None;
    }
    NaiveTime::from_hms_opt(h.parse().ok()?, m.parse().ok()?, 0)
}

fn openings(hours: &[Hours]) -> Vec<Opening> {
    hours
        .iter()
        .filter_map(|h| {
            Some(Opening {
                weekday: u32::from(h.weekday),
                opens: parse_time(&h.opens)?,
                closes: parse_time(&h.closes)?,
            })
        })
        .collect()
}

fn range_error(field: &str, min: u32, max: u32) -> FieldError {
    FieldError::text(
        field,
        &format!("Indicare un valore da {min} a {max}."),
        &format!("Give a value from {min} to {max}."),
    )
}

impl DeskConfig {
    /// Every field that breaks the rules, by its JSON path.
    pub fn check(&self) -> Vec<FieldError> {
        let mut errors = Vec::new();
        let length = |text: &str| text.trim().chars().count();
        if !(2..=100).contains(&length(&self.name)) {
            errors.push(FieldError::text(
                "name",
                "Indicare il nome dello sportello (da 2 a 100 caratteri).",
                "Give the desk's name (2 to 100 characters).",
            ));
        }
        if area_label(&self.area).is_none() {
            errors.push(FieldError::text(
                "area",
                "Scegliere l'area di servizio.",
                "Choose the service area.",
            ));
        }
        if !(2..=200).contains(&length(&self.location)) {
            errors.push(FieldError::text(
                "location",
                "Indicare dove si trova lo sportello.",
                "Give where the desk is.",
            ));
        }
        if self.topics.is_empty() || self.topics.len() > 30 {
            errors.push(FieldError::text(
                "topics",
                "Indicare da 1 a 30 argomenti.",
                "Give 1 to 30 topics.",
            ));
        }
        for (i, topic) in self.topics.iter().enumerate() {
            if !(2..=100).contains(&length(topic)) {
                errors.push(FieldError::text(
                    format!("topics[{i}]"),
                    "Da 2 a 100 caratteri.",
                    "2 to 100 characters.",
                ));
            }
        }
        if self.hours.is_empty() {
            errors.push(FieldError::text(
                "hours",
                "Indicare almeno una fascia oraria di apertura.",
                "Give at least one opening range.",
            ));
        }
        for (i, hours) in self.hours.iter().enumerate() {
            let (opens, closes) = (parse_time(&hours.opens), parse_time(&hours.closes));
            if !(1..=7).contains(&hours.weekday) {
                errors.push(FieldError::text(
                    format!("hours[{i}].weekday"),
                    "Giorno della settimana da 1 (lunedì) a 7 (domenica).",
                    "Weekday from 1 (Monday) to 7 (Sunday).",
                ));
            }
            match (opens, closes) {
                (Some(o), Some(c)) if o < c => {}
                (None, _) => errors.push(FieldError::text(
                    format!("hours[{i}].opens"),
                    "Orario nel formato HH:MM.",
                    "Time as HH:MM.",
                )),
                _ => errors.push(FieldError::text(
                    format!("hours[{i}].closes"),
                    "L'orario di chiusura deve seguire quello di apertura (HH:MM).",
                    "The closing time must follow the opening time (HH:MM).",
                )),
            }
        }
        let mut ranges = openings(&self.hours);
        ranges.sort_by_key(|o| (o.weekday, o.opens));
        if ranges
            .windows(2)
            .any(|w| w[0].weekday == w[1].weekday && w[1].opens < w[0].closes)
        {
            errors.push(FieldError::text(
                "hours",
                "Due fasce orarie dello stesso giorno si sovrappongono.",
                "Two ranges of the same day overlap.",
            ));
        }
        for (field, value, min, max) in [
            ("slot_minutes", self.slot_minutes, 5, 240),
            ("places_per_slot", self.places_per_slot, 1, 100),
            ("horizon_days", self.horizon_days, 1, 365),
            ("min_notice_hours", self.min_notice_hours, 0, 168),
            ("cancel_notice_hours", self.cancel_notice_hours, 0, 168),
            ("max_active_per_citizen", self.max_active_per_citizen, 1, 20),
        ] {
            if !(min..=max).contains(&value) {
                errors.push(range_error(field, min, max));
            }
        }
        errors
    }

    pub fn schedule(&self, closures: Vec<Closure>, patron: Option<PatronDay>) -> Schedule {
        Schedule {
            openings: openings(&self.hours),
            slot_minutes: self.slot_minutes,
            places: self.places_per_slot,
            closures,
            patron,
            horizon_days: self.horizon_days,
            min_notice: Duration::hours(i64::from(self.min_notice_hours)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn desk() -> DeskConfig {
        DeskConfig {
            name: "Anagrafe".into(),
            area: "anagrafe".into(),
            location: "Piazza del Municipio, 1".into(),
            topics: vec!["Cambio di residenza".into()],
            hours: vec![Hours {
                weekday: 1,
                opens: "08:30".into(),
                closes: "12:30".into(),
            }],
            slot_minutes: 20,
            places_per_slot: 2,
            horizon_days: 60,
            min_notice_hours: 2,
            cancel_notice_hours: 24,
            max_active_per_citizen: 2,
            active: true,
        }
    }

    fn fields(desk: &DeskConfig) -> Vec<String> {
        desk.check().into_iter().map(|e| e.field).collect()
    }

    #[test]
    fn a_good_desk_passes() {
        assert!(fields(&desk()).is_empty());
    }

    #[test]
    fn hours_must_be_times_in_order_and_not_overlap() {
        let mut bad = desk();
        bad.hours = vec![
            Hours {
                weekday: 8,
                opens: "8:30".into(),
                closes: "12:30".into(),
            },
            Hours {
                weekday: 2,
                opens: "14:00".into(),
                closes: "13:00".into(),
            },
        ];
        assert_eq!(
            fields(&bad),
            ["hours[0].weekday", "hours[0].opens", "hours[1].closes"]
        );
        let mut overlapping = desk();
        overlapping.hours.push(Hours {
            weekday: 1,
            opens: "12:00".into(),
            closes: "13:00".into(),
        });
        assert_eq!(fields(&overlapping), ["hours"]);
    }

    #[test]
    fn numbers_stay_in_their_ranges() {
        let mut bad = desk();
        bad.slot_minutes = 0;
        bad.places_per_slot = 0;
        bad.area = "ufficio".into();
        bad.topics.clear();
        assert_eq!(
            fields(&bad),
            ["area", "topics", "slot_minutes", "places_per_slot"]
        );
    }
}
