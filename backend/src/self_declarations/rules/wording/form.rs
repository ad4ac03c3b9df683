//! Reading what the declarant wrote, or, on the blank form, printing the line to write
//! it on: every value of the wording passes through here.

use chrono::NaiveDate;

use super::super::values::Values;
use crate::document::printable::{date_article, format_date, Run};
use crate::registry::rules::place_labels;
use crate::registry::rules::sex::Sex;

/// Reads values, or prints the line to write them on when the form is blank.
pub(super) struct Form<'a> {
    pub(super) values: Option<&'a Values>,
}

pub(super) const SHORT: usize = 12;
pub(super) const MEDIUM: usize = 22;
pub(super) const LONG: usize = 34;

impl Form<'_> {
    pub(super) fn blank(&self) -> bool {
        self.values.is_none()
    }

    pub(super) fn raw(&self, key: &str) -> Option<&str> {
        self.values.and_then(|v| v.get(key))
    }

    /// The value in capitals, as names and places are printed, or a line.
    pub(super) fn upper(&self, key: &str, width: usize) -> Run {
        match self.raw(key) {
            Some(v) => Run::bold(v.to_uppercase()),
            None => line(width),
        }
    }

    /// The value as written (titles, schools, free text), or a line.
    pub(super) fn text(&self, key: &str, width: usize) -> Run {
        match self.raw(key) {
            Some(v) => Run::bold(v),
            None => line(width),
        }
    }

    pub(super) fn date(&self, key: &str) -> Run {
        match self
            .raw(key)
            .and_then(|v| NaiveDate::parse_from_str(v, "%Y-%m-%d").ok())
        {
            Some(d) => Run::bold(format_date(d)),
            None => line(SHORT),
        }
    }

    /// "a" before a municipality, "in" before a foreign state (and on a blank form, "a").
    pub(super) fn prep(&self, key: &str) -> &'static str {
        self.raw(key).map_or("a", place_labels::preposition)
    }

    /// "il " before a date, "l'" before the 8th and the 11th.
    pub(super) fn art(&self, key: &str) -> &'static str {
        self.raw(key)
            .and_then(|v| NaiveDate::parse_from_str(v, "%Y-%m-%d").ok())
            .map_or("il ", date_article)
    }

    pub(super) fn sex(&self, key: &str) -> Option<Sex> {
        self.raw(key).and_then(Sex::parse)
    }

    /// An optional part: printed when given, or on the blank form as a line to fill.
    pub(super) fn optional(&self, key: &str) -> bool {
        self.blank() || self.raw(key).is_some()
    }
}

pub(super) fn line(width: usize) -> Run {
    Run::normal("_".repeat(width))
}
