//! Who a smart card (CNS, CRS, CIE) says its holder is. The TLS layer has already verified
//! the certificate (chain to a configured CA, validity, client use); this module only
//! reads its subject, where the codice fiscale is written in one of two forms:
//!
//! - the attribute serialNumber (OID 2.5.4.5) as `TINIT-<codice fiscale>`: the ETSI
//!   EN 319 412-1 semantics identifier ("TIN" tax identification number, country "IT"),
//!   used by recent CNS and CIE certificates;
//! - the common name of the CNS profile, `<codice fiscale>/<card serial>.<hash>`.
//!
//! Anything else is refused: a portal account must never be chosen by a guess.

use std::fmt::Write as _;

use x509_cert::der::asn1::ObjectIdentifier;
use x509_cert::der::{Decode, Tag, Tagged};
use x509_cert::name::Name;
use x509_cert::Certificate;

use crate::registry::rules::fiscal_code::{FiscalCode, FiscalCodeError};

const SERIAL_NUMBER: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.5.4.5");
const COMMON_NAME: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.5.4.3");
/// ETSI EN 319 412-1 §5.1.3: tax identification number issued in Italy.
const ITALIAN_TAX_ID_PREFIX: &str = "TINIT-";

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SmartCardError {
    #[error("the client certificate is not a well-formed X.509 certificate")]
    MalformedCertificate,
    #[error("the certificate subject carries no codice fiscale (serialNumber TINIT-… or CN <codice fiscale>/…)")]
    NoFiscalCode,
    #[error("the codice fiscale in the certificate subject is not valid: {0}")]
    InvalidFiscalCode(#[from] FiscalCodeError),
    #[error("the certificate subject carries two different codici fiscali")]
    ConflictingFiscalCodes,
}

impl SmartCardError {
    /// Stable identifier for the audit log.
    pub fn code(&self) -> &'static str {
        match self {
            SmartCardError::MalformedCertificate => "malformed_certificate",
            SmartCardError::NoFiscalCode => "no_fiscal_code",
            SmartCardError::InvalidFiscalCode(_) => "invalid_fiscal_code",
            SmartCardError::ConflictingFiscalCodes => "conflicting_fiscal_codes",
        }
    }
}

/// The parts of a smart card's certificate the portal uses and records.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CardCertificate {
    /// RFC 4514 form, for the audit log.
    pub subject: String,
    pub issuer: String,
    /// Hexadecimal, as certificate viewers show it.
    pub serial: String,
    serial_numbers: Vec<String>,
    common_names: Vec<String>,
}

impl CardCertificate {
    /// Reads a DER certificate (the leaf the client presented).
    pub fn parse(der: &[u8]) -> Result<CardCertificate, SmartCardError> {
        let certificate =
            Certificate::from_der(der).map_err(|_| SmartCardError::MalformedCertificate)?;
        let tbs = certificate.tbs_certificate;
        Ok(CardCertificate {
            subject: tbs.subject.to_string(),
            issuer: tbs.issuer.to_string(),
            serial: tbs
                .serial_number
                .as_bytes()
                .iter()
                .fold(String::new(), |mut hex, byte| {
                    let _ = write!(hex, "{byte:02X}");
                    hex
                }),
            serial_numbers: attribute_values(&tbs.subject, SERIAL_NUMBER),
            common_names: attribute_values(&tbs.subject, COMMON_NAME),
        })
    }

    /// The holder's codice fiscale, from serialNumber `TINIT-…` or the CNS common name.
    /// When both forms are present they must agree.
    pub fn fiscal_code(&self) -> Result<FiscalCode, SmartCardError> {
        let from_serial = self.serial_numbers.iter().filter_map(|value| {
            let prefix = value.get(..ITALIAN_TAX_ID_PREFIX.len())?;
            prefix
                .eq_ignore_ascii_case(ITALIAN_TAX_ID_PREFIX)
                .then(|| &value[ITALIAN_TAX_ID_PREFIX.len()..])
        });
        let from_common_name = self.common_names.iter().filter_map(|value| {
            let (code, card) = value.split_once('/')?;
            let (card_serial, hash) = card.split_once('.')?;
            (!card_serial.is_empty() && !hash.is_empty()).then_some(code)
        });
        let mut found: Option<FiscalCode> = None;
        for candidate in from_serial.chain(from_common_name) {
            let code = parse_strict(candidate)?;
            match &found {
                Some(earlier) if *earlier != code => {
                    return Err(SmartCardError::ConflictingFiscalCodes)
                }
                _ => found = Some(code),
            }
        }
        found.ok_or(SmartCardError::NoFiscalCode)
    }
}

/// A codice fiscale exactly as written: 16 characters, any letter case, no spaces (which
/// [`FiscalCode::parse`] would forgive in typed input, but a certificate has no typos).
fn parse_strict(candidate: &str) -> Result<FiscalCode, FiscalCodeError> {
    if candidate.chars().any(char::is_whitespace) {
        return Err(FiscalCodeError::Length {
            found: candidate.chars().count(),
        });
    }
    FiscalCode::parse(&candidate.to_ascii_uppercase())
}

/// The string values of every attribute `oid` in the name, in order.
fn attribute_values(name: &Name, oid: ObjectIdentifier) -> Vec<String> {
    name.0
        .iter()
        .flat_map(|rdn| rdn.0.iter())
        .filter(|attribute| attribute.oid == oid)
        .filter_map(|attribute| directory_string(attribute.value.tag(), attribute.value.value()))
        .collect()
}

/// X.520 DirectoryString and its ASCII relatives; other encodings are not names.
fn directory_string(tag: Tag, bytes: &[u8]) -> Option<String> {
    match tag {
        Tag::Utf8String | Tag::PrintableString | Tag::Ia5String => {
            std::str::from_utf8(bytes).ok().map(str::to_owned)
        }
        // T.61 agrees with ASCII on the characters a codice fiscale uses.
        Tag::TeletexString => bytes
            .is_ascii()
            .then(|| String::from_utf8_lossy(bytes).into_owned()),
        Tag::BmpString if bytes.len().is_multiple_of(2) => {
            let units: Vec<u16> = bytes
                .chunks_exact(2)
                .map(|pair| u16::from_be_bytes([pair[0], pair[1]]))
                .collect();
            String::from_utf16(&units).ok()
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests;
