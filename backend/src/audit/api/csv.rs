//! The log as CSV for spreadsheets: RFC 4180 (comma, CRLF, double quotes doubled), UTF-8
//! with a byte order mark so that Excel shows Italian accents correctly.

use crate::audit::actions;
use crate::audit::store::AuditRow;
use crate::platform::i18n::Lang;

/// Excel reads a file starting with these bytes as UTF-8.
pub const BYTE_ORDER_MARK: &str = "\u{feff}";

const COLUMNS: [&str; 14] = [
    "id",
    "occurred_at",
    "actor_id",
    "actor_label",
    "action",
    "action_label",
    "subject_type",
    "subject_id",
    "reason",
    "ip",
    "request_id",
    "details",
    "prev_hash",
    "hash",
];

/// The first chunk of the file: the byte order mark and the header row.
pub fn header() -> String {
    let mut out = String::from(BYTE_ORDER_MARK);
    push_record(&mut out, COLUMNS.iter().copied());
    out
}

/// One row per entry; the action's label in the caller's language.
pub fn rows(entries: &[AuditRow], lang: Lang) -> String {
    let mut out = String::with_capacity(entries.len() * 400);
    for row in entries {
        let id = row.id.to_string();
        let occurred_at = super::utc_text(row.occurred_at);
        let label = actions::find(&row.action).map(|a| a.label().get(lang).to_owned());
        let opt = |v: &Option<String>| v.as_deref().unwrap_or("").to_owned();
        let fields = [
            id,
            occurred_at,
            opt(&row.actor_id),
            row.actor_label.clone(),
            row.action.clone(),
            label.unwrap_or_default(),
            opt(&row.subject_type),
            opt(&row.subject_id),
            opt(&row.reason),
            opt(&row.ip),
            opt(&row.request_id),
            row.details.clone(),
            row.prev_hash.clone(),
            row.hash.clone(),
        ];
        push_record(&mut out, fields.iter().map(String::as_str));
    }
    out
}

fn push_record<'a>(out: &mut String, fields: impl Iterator<Item = &'a str>) {
    for (i, field) in fields.enumerate() {
        if i > 0 {
            out.push(',');
        }
        push_field(out, field);
    }
    out.push_str("\r\n");
}

/// Quotes when RFC 4180 requires it. A cell that a spreadsheet would run as a formula
/// (`=`, `+`, `-`, `@`, tab, carriage return first) gets a leading apostrophe: names and
/// reasons are typed by the public, and an export must not become an attack.
fn push_field(out: &mut String, field: &str) {
    let formula = field.starts_with(['=', '+', '-', '@', '\t', '\r']);
    let quote = formula || field.contains([',', '"', '\r', '\n']);
    if quote {
        out.push('"');
    }
    if formula {
        out.push('\'');
    }
    for c in field.chars() {
        if c == '"' {
            out.push('"');
        }
        out.push(c);
    }
    if quote {
        out.push('"');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field(text: &str) -> String {
        let mut out = String::new();
        push_field(&mut out, text);
        out
    }

    #[test]
    fn fields_are_quoted_only_when_needed() {
        assert_eq!(field("Forlì"), "Forlì");
        assert_eq!(field(""), "");
        assert_eq!(field("a,b"), "\"a,b\"");
        assert_eq!(field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(field("two\nlines"), "\"two\nlines\"");
        assert_eq!(field("{\"n\":1}"), "\"{\"\"n\"\":1}\"");
    }

    #[test]
    fn formulas_are_defused() {
        assert_eq!(field("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(field("@SUM(A1)"), "\"'@SUM(A1)\"");
        assert_eq!(field("-1"), "\"'-1\"");
    }

    #[test]
    fn the_header_starts_with_the_byte_order_mark_and_ends_with_crlf() {
        let header = header();
        assert!(header.starts_with('\u{feff}'));
        assert!(header.ends_with("prev_hash,hash\r\n"));
        assert_eq!(header.matches(',').count(), COLUMNS.len() - 1);
    }
}
