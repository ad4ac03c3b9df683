//! What every feature answers when a request's fields break its rules: each failing
//! field, named by its JSON path, with a message in both languages.

use crate::platform::i18n::Text;

/// A field that failed validation, named by its JSON path (`address.street`,
/// `members[2].name`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    pub field: String,
    pub message: Text,
}

impl FieldError {
    pub fn new(field: impl Into<String>, message: Text) -> FieldError {
        FieldError {
            field: field.into(),
            message,
        }
    }

    /// The same, with the message given as its Italian and English text.
    pub fn text(field: impl Into<String>, it: &str, en: &str) -> FieldError {
        FieldError::new(field, Text::new(it, en))
    }
}
