//! A declaration's values, checked field by field against its kind: every failing field
//! is named, nothing is guessed.

use std::collections::BTreeMap;

use chrono::{Datelike as _, NaiveDate};

use super::catalogue::DeclarationKind;
use super::fields::{FieldKind, FieldSpec};
use crate::platform::i18n::Text;
use crate::platform::validation::FieldError;
use crate::registry::rules::fiscal_code::FiscalCode;
use crate::registry::rules::sex::Sex;

/// One row of a family as the declarant writes it.
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub struct Member {
    pub surname: String,
    pub name: String,
    /// `YYYY-MM-DD`.
    pub birth_date: String,
    pub birth_place: String,
    /// Relationship as printed: "INTESTATARIO SCHEDA", "MOGLIE", "FIGLIO"…
    pub relationship: String,
}

/// What the declarant submitted: one string per field, and the family rows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Values {
    pub fields: BTreeMap<String, String>,
    pub members: Vec<Member>,
}

impl Values {
    pub fn get(&self, key: &str) -> Option<&str> {
        self.fields
            .get(key)
            .map(String::as_str)
            .filter(|v| !v.is_empty())
    }
}

pub const MAX_MEMBERS: usize = 30;

/// Trims every value, drops empty ones, writes dates as `YYYY-MM-DD` and codes in
/// capitals, and checks each against its field; `today` bounds every date.
pub fn check(
    kind: DeclarationKind,
    submitted: &Values,
    today: NaiveDate,
) -> Result<Values, Vec<FieldError>> {
    let mut issues = Vec::new();
    let mut clean = Values::default();
    for key in submitted.fields.keys() {
        if kind.field(key).is_none_or(|f| f.kind == FieldKind::Members) {
            issues.push(FieldError::text(
                key.as_str(),
                "Campo non previsto per questo tipo di dichiarazione.",
                "This field does not belong to this kind of declaration.",
            ));
        }
    }
    for spec in kind.fields() {
        if spec.kind == FieldKind::Members {
            match members(&submitted.members, spec.required, today) {
                Ok(rows) => clean.members = rows,
                Err(mut found) => issues.append(&mut found),
            }
            continue;
        }
        let raw = submitted
            .fields
            .get(spec.key)
            .map(|v| v.trim())
            .unwrap_or("");
        if raw.is_empty() {
            if spec.required {
                issues.push(FieldError::text(
                    spec.key,
                    "Campo obbligatorio.",
                    "Required field.",
                ));
            }
            continue;
        }
        match value(spec, raw, today) {
            Ok(v) => {
                clean.fields.insert(spec.key.to_owned(), v);
            }
            Err(issue) => issues.push(issue),
        }
    }
    if kind.field("members").is_none() && !submitted.members.is_empty() {
        issues.push(FieldError::text(
            "members",
            "Campo non previsto per questo tipo di dichiarazione.",
            "This field does not belong to this kind of declaration.",
        ));
    }
    if issues.is_empty() {
        issues.extend(consistency(&clean, today));
    }
    if issues.is_empty() {
        Ok(clean)
    } else {
        Err(issues)
    }
}

fn value(spec: &FieldSpec, raw: &str, today: NaiveDate) -> Result<String, FieldError> {
    let key = spec.key;
    if let Some(max) = spec.kind.max_length() {
        if raw.chars().count() > max {
            return Err(FieldError {
                field: key.to_owned(),
                message: Text::new(
                    format!("Al massimo {max} caratteri."),
                    format!("At most {max} characters."),
                ),
            });
        }
    }
    let multiline = matches!(spec.kind, FieldKind::LongText { .. });
    if raw
        .chars()
        .any(|c| c.is_control() && !(multiline && (c == '\n' || c == '\r' || c == '\t')))
    {
        return Err(FieldError::text(
            key,
            "Il testo contiene caratteri di controllo.",
            "The text contains control characters.",
        ));
    }
    match spec.kind {
        FieldKind::Text { .. } => Ok(raw.split_whitespace().collect::<Vec<_>>().join(" ")),
        FieldKind::LongText { .. } => Ok(raw.replace("\r\n", "\n").replace('\r', "\n")),
        FieldKind::Date => date(key, raw, today).map(|d| d.to_string()),
        FieldKind::Year => {
            let year: i32 = raw.parse().ok().filter(|_| raw.len() == 4).ok_or_else(|| {
                FieldError::text(key, "Anno di quattro cifre.", "A four-digit year.")
            })?;
            if !(1900..=today.year()).contains(&year) {
                return Err(FieldError::text(
                    key,
                    "Anno non valido: tra il 1900 e l'anno in corso.",
                    "Invalid year: between 1900 and the current year.",
                ));
            }
            Ok(year.to_string())
        }
        FieldKind::Sex => Sex::parse(raw)
            .map(|s| s.as_str().to_owned())
            .ok_or_else(|| FieldError::text(key, "Indicare M oppure F.", "Give M or F.")),
        FieldKind::Choice(choices) => choices
            .iter()
            .find(|c| c.code == raw)
            .map(|c| c.code.to_owned())
            .ok_or_else(|| {
                FieldError::text(key, "Scelta non prevista.", "Not one of the choices.")
            }),
        FieldKind::FiscalCode => FiscalCode::parse(raw)
            .map(|code| code.as_str().to_owned())
            .map_err(|_| {
                FieldError::text(key, "Codice fiscale non valido.", "Invalid fiscal code.")
            }),
        FieldKind::VatNumber => {
            if is_valid_vat_number(raw) {
                Ok(raw.to_owned())
            } else {
                Err(FieldError::text(
                    key,
                    "Partita IVA non valida: 11 cifre con il carattere di controllo corretto.",
                    "Invalid VAT number: 11 digits with the right check digit.",
                ))
            }
        }
        FieldKind::Members => unreachable!("members are checked as rows"),
    }
}

fn date(key: &str, raw: &str, today: NaiveDate) -> Result<NaiveDate, FieldError> {
    let parsed = NaiveDate::parse_from_str(raw, "%Y-%m-%d").map_err(|_| {
        FieldError::text(
            key,
            "Data non valida (formato AAAA-MM-GG).",
            "Invalid date (format YYYY-MM-DD).",
        )
    })?;
    if parsed > today {
        return Err(FieldError::text(
            key,
            "La data non può essere futura.",
            "The date cannot be in the future.",
        ));
    }
    if parsed.year() < 1850 {
        return Err(FieldError::text(key, "Data non valida.", "Invalid date."));
    }
    Ok(parsed)
}

fn members(
    rows: &[Member],
    required: bool,
    today: NaiveDate,
) -> Result<Vec<Member>, Vec<FieldError>> {
    let mut issues = Vec::new();
    if rows.is_empty() && required {
        issues.push(FieldError::text(
            "members",
            "Indicare almeno un componente della famiglia.",
            "List at least one family member.",
        ));
    }
    if rows.len() > MAX_MEMBERS {
        issues.push(FieldError::text(
            "members",
            "Al massimo 30 componenti.",
            "At most 30 members.",
        ));
        return Err(issues);
    }
    let mut clean = Vec::with_capacity(rows.len());
    for (index, row) in rows.iter().enumerate() {
        let mut text = |name: &str, value: &str, required: bool| {
            let value = value.split_whitespace().collect::<Vec<_>>().join(" ");
            let field = format!("members[{index}].{name}");
            if value.is_empty() && required {
                issues.push(FieldError::text(
                    field,
                    "Campo obbligatorio.",
                    "Required field.",
                ));
            } else if value.chars().count() > 80 || value.chars().any(char::is_control) {
                issues.push(FieldError::text(
                    field,
                    "Al massimo 80 caratteri, senza caratteri di controllo.",
                    "At most 80 characters, without control characters.",
                ));
            }
            value
        };
        let surname = text("surname", &row.surname, true);
        let name = text("name", &row.name, true);
        let birth_place = text("birth_place", &row.birth_place, false);
        let relationship = text("relationship", &row.relationship, true);
        let field = format!("members[{index}].birth_date");
        let birth_date = match date(&field, row.birth_date.trim(), today) {
            Ok(d) => d.to_string(),
            Err(issue) => {
                issues.push(issue);
                String::new()
            }
        };
        clean.push(Member {
            surname,
            name,
            birth_date,
            birth_place,
            relationship,
        });
    }
    if issues.is_empty() {
        Ok(clean)
    } else {
        Err(issues)
    }
}

/// Checks across fields: the particulars agree with the codice fiscale, and events
/// come in their order.
fn consistency(values: &Values, today: NaiveDate) -> Vec<FieldError> {
    let mut issues = Vec::new();
    let parsed = |key: &str| {
        values
            .get(key)
            .and_then(|v| NaiveDate::parse_from_str(v, "%Y-%m-%d").ok())
    };
    if let Some(decoded) = values
        .get("fiscal_code")
        .and_then(|c| FiscalCode::parse(c).ok())
        .and_then(|c| c.decode(today).ok())
    {
        if parsed("birth_date").is_some_and(|d| d != decoded.birth_date) {
            issues.push(FieldError::text(
                "birth_date",
                "La data di nascita non corrisponde al codice fiscale.",
                "The date of birth does not match the fiscal code.",
            ));
        }
        if values.get("sex").is_some_and(|s| s != decoded.sex.as_str()) {
            issues.push(FieldError::text(
                "sex",
                "Il sesso non corrisponde al codice fiscale.",
                "The sex does not match the fiscal code.",
            ));
        }
    }
    let ordered = [
        ("birth_date", "child_birth_date"),
        ("deceased_birth_date", "death_date"),
        ("birth_date", "since"),
    ];
    for (earlier, later) in ordered {
        if let (Some(a), Some(b)) = (parsed(earlier), parsed(later)) {
            if b < a {
                issues.push(FieldError::text(
                    later,
                    "La data precede quella della nascita.",
                    "The date comes before the date of birth.",
                ));
            }
        }
    }
    issues
}

/// A partita IVA: 11 digits, the last a Luhn-style check digit.
pub fn is_valid_vat_number(value: &str) -> bool {
    let digits: Vec<u32> = value.chars().filter_map(|c| c.to_digit(10)).collect();
    if value.len() != 11 || digits.len() != 11 {
        return false;
    }
    let sum: u32 = digits[..10]
        .iter()
        .enumerate()
        .map(|(i, &d)| {
            if i % 2 == 0 {
                d
            } else {
                let doubled = d * 2;
                if doubled > 9 {
                    doubled - 9
                } else {
                    doubled
                }
            }
        })
        .sum();
    (10 - sum % 10) % 10 == digits[10]
}

#[cfg(test)]
#[path = "values_tests.rs"]
mod tests;
