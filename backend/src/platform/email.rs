//! E-mail addresses as the portal accepts them: parsed once, then trusted everywhere.
//!
//! The rule is deliberately narrower than RFC 5321: an unquoted local part (dot-atom)
//! and a DNS domain name in ASCII with at least two labels. Quoted local parts, IP
//! literals and non-ASCII addresses are valid on paper but unusual for citizens and
//! badly supported by relays; refusing them at the form is kinder than a bounce later.

use std::fmt;

use serde::{Deserialize, Serialize};
use utoipa::openapi::schema::{KnownFormat, ObjectBuilder, SchemaFormat, Type};
use utoipa::openapi::{RefOr, Schema};

use crate::platform::i18n::Text;

/// A syntactically sane e-mail address; the domain is stored in lower case.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Email(String);

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum EmailError {
    #[error("the e-mail address is empty")]
    Empty,
    #[error("the e-mail address is longer than 254 characters")]
    TooLong,
    #[error("the e-mail address has no @")]
    MissingAt,
    #[error("the part before the @ is not valid")]
    InvalidLocalPart,
    #[error("the domain after the @ is not valid")]
    InvalidDomain,
}

impl EmailError {
    /// The message for a form field, in both languages.
    pub fn message(self) -> Text {
        match self {
            EmailError::Empty => Text::new(
                "Indicare un indirizzo e-mail.",
                "Please enter an e-mail address.",
            ),
            EmailError::TooLong => Text::new(
                "L'indirizzo e-mail è troppo lungo (massimo 254 caratteri).",
                "The e-mail address is too long (254 characters at most).",
            ),
            EmailError::MissingAt | EmailError::InvalidLocalPart | EmailError::InvalidDomain => {
                Text::new(
                    "Indirizzo e-mail non valido (esempio: mario.rossi@example.it).",
                    "Invalid e-mail address (example: mario.rossi@example.it).",
                )
            }
        }
    }
}

/// RFC 5322 `atext`: what an unquoted local part may contain besides dots.
fn is_atext(c: char) -> bool {
    c.is_ascii_alphanumeric() || "!#$%&'*+-/=?^_`{|}~".contains(c)
}

fn valid_local_part(local: &str) -> bool {
    (1..=64).contains(&local.len())
        && local
            .split('.')
            .all(|atom| !atom.is_empty() && atom.chars().all(is_atext))
}

fn valid_domain(domain: &str) -> bool {
    let labels: Vec<&str> = domain.split('.').collect();
    let label_ok = |label: &&str| {
        (1..=63).contains(&label.len())
            && label.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
            && !label.starts_with('-')
            && !label.ends_with('-')
    };
    domain.len() <= 253
        && labels.len() >= 2
        && labels.iter().all(label_ok)
        // A top-level domain is never all digits: this refuses bare IPv4 addresses.
        && labels
            .last()
            .is_some_and(|tld| tld.chars().any(|c| c.is_ascii_alphabetic()))
}

impl Email {
    pub fn parse(input: &str) -> Result<Email, EmailError> {
        let address = input.trim();
        if address.is_empty() {
            return Err(EmailError::Empty);
        }
        if address.len() > 254 {
            return Err(EmailError::TooLong);
        }
        let (local, domain) = address.rsplit_once('@').ok_or(EmailError::MissingAt)?;
        if !valid_local_part(local) {
            return Err(EmailError::InvalidLocalPart);
        }
        let domain = domain.to_ascii_lowercase();
        if !valid_domain(&domain) {
            return Err(EmailError::InvalidDomain);
        }
        Ok(Email(format!("{local}@{domain}")))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The part after the `@`, in lower case.
    pub fn domain(&self) -> &str {
        self.0.rsplit_once('@').map_or("", |(_, domain)| domain)
    }
}

impl fmt::Display for Email {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::str::FromStr for Email {
    type Err = EmailError;
    fn from_str(s: &str) -> Result<Email, EmailError> {
        Email::parse(s)
    }
}

impl TryFrom<String> for Email {
    type Error = EmailError;
    fn try_from(value: String) -> Result<Email, EmailError> {
        Email::parse(&value)
    }
}

impl From<Email> for String {
    fn from(email: Email) -> String {
        email.0
    }
}

impl utoipa::PartialSchema for Email {
    fn schema() -> RefOr<Schema> {
        ObjectBuilder::new()
            .schema_type(Type::String)
            .format(Some(SchemaFormat::KnownFormat(KnownFormat::Email)))
            .max_length(Some(254))
            .examples(["mario.rossi@example.it"])
            .into()
    }
}

impl utoipa::ToSchema for Email {}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn accepts_ordinary_addresses_and_lowercases_the_domain() {
        for (input, expected) in [
            ("mario.rossi@example.it", "mario.rossi@example.it"),
            (
                "  Mario.Rossi@Comune.Valdoria.IT ",
                "Mario.Rossi@comune.valdoria.it",
            ),
            (
                "anna+certificati@pec.example.com",
                "anna+certificati@pec.example.com",
            ),
            ("o'brien@example.ie", "o'brien@example.ie"),
            ("a@b-c.d1.eu", "a@b-c.d1.eu"),
        ] {
            assert_eq!(Email::parse(input).unwrap().as_str(), expected, "{input}");
        }
        assert_eq!(
            Email::parse("x@Mail.Example.org").unwrap().domain(),
            "mail.example.org"
        );
    }

    #[test]
    fn refuses_what_a_relay_would_bounce() {
        for (input, error) in [
            ("", EmailError::Empty),
            ("   ", EmailError::Empty),
            ("mario.rossi.example.it", EmailError::MissingAt),
            ("@example.it", EmailError::InvalidLocalPart),
            (".mario@example.it", EmailError::InvalidLocalPart),
            ("mario.@example.it", EmailError::InvalidLocalPart),
            ("ma..rio@example.it", EmailError::InvalidLocalPart),
            ("mario rossi@example.it", EmailError::InvalidLocalPart),
            ("\"mario\"@example.it", EmailError::InvalidLocalPart),
            ("a@b@example.it", EmailError::InvalidLocalPart),
            ("niccolò@example.it", EmailError::InvalidLocalPart),
            ("mario@", EmailError::InvalidDomain),
            ("mario@localhost", EmailError::InvalidDomain),
            ("mario@example..it", EmailError::InvalidDomain),
            ("mario@-example.it", EmailError::InvalidDomain),
            ("mario@example-.it", EmailError::InvalidDomain),
            ("mario@192.168.0.1", EmailError::InvalidDomain),
            ("mario@[192.168.0.1]", EmailError::InvalidDomain),
            ("mario@perù.it", EmailError::InvalidDomain),
            (
                "mario@example.it\r\nBcc: x@y.it",
                EmailError::InvalidLocalPart,
            ),
            ("mario@exa\nmple.it", EmailError::InvalidDomain),
        ] {
            assert_eq!(Email::parse(input), Err(error), "{input:?}");
        }
        let long_local = format!("{}@example.it", "a".repeat(65));
        assert_eq!(Email::parse(&long_local), Err(EmailError::InvalidLocalPart));
        let long = format!("{}@{}.it", "a".repeat(60), "b".repeat(200));
        assert_eq!(Email::parse(&long), Err(EmailError::TooLong));
    }

    #[test]
    fn serde_parses_on_the_way_in() {
        let email: Email = serde_json::from_str("\"Anna@Example.IT\"").unwrap();
        assert_eq!(
            serde_json::to_string(&email).unwrap(),
            "\"Anna@example.it\""
        );
        assert!(serde_json::from_str::<Email>("\"not an address\"").is_err());
    }
}
