//! How a certificate request settles the stamp duty: the usage, its free text, and the
//! marca da bollo. Every broken rule names the request field it concerns, so that the
//! API can answer 422 with the failing fields.
//!
//! The marca da bollo is today the contrassegno telematico printed by a tobacconist
//! (provvedimento Agenzia delle Entrate 5 May 2005, sole form since 1 September 2007):
//! it carries a 14-digit identifier and the date and time it was printed. The oldest
//! accepted issue date is 26 June 2013, the day the duty became 16,00 EUR (art. 7-bis
//! c. 3 D.L. 43/2013, L. 71/2013): an older contrassegno was printed for 14,62 EUR and
//! cannot pay today's duty. A contrassegno must be dated on or before the document it
//! pays for, so its date may not be after the day of issue.

use chrono::NaiveDate;

use crate::platform::i18n::Text;

use super::types::CertificateType;
use super::usages::Usage;

/// The first day a contrassegno could carry the 16,00 EUR duty.
pub const OLDEST_STAMP_DATE: NaiveDate = match NaiveDate::from_ymd_opt(2013, 6, 26) {
    Some(date) => date,
    None => panic!("26 June 2013 is a date"),
};

/// Longest free text of the `altro` usage (the limit ANPR applies too).
pub const USAGE_TEXT_MAX_CHARS: usize = 256;

/// A rule of the request that is broken, with the field it concerns.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{field}: {code}")]
pub struct UsageError {
    /// JSON path of the request field: `usage`, `usage_text`, `stamp`,
    /// `stamp.identifier` or `stamp.issue_date`.
    pub field: &'static str,
    pub code: &'static str,
    pub message: Text,
}

impl UsageError {
    fn new(field: &'static str, code: &'static str, it: &str, en: &str) -> UsageError {
        UsageError {
            field,
            code,
            message: Text::new(it, en),
        }
    }
}

/// The identifier of a marca da bollo: exactly 14 digits.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct StampId(String);

impl StampId {
    /// Spaces are dropped, wherever they are: people copy the number in groups.
    pub fn parse(raw: &str) -> Result<StampId, UsageError> {
        let digits: String = raw.chars().filter(|c| *c != ' ').collect();
        if digits.is_empty() {
            return Err(missing_identifier());
        }
        if digits.len() != 14 || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(UsageError::new(
                "stamp.identifier",
                "invalid_stamp_identifier",
                "Il codice identificativo della marca da bollo è formato da 14 cifre.",
                "The identifier of the revenue stamp is made of 14 digits.",
            ));
        }
        Ok(StampId(digits))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

fn missing_identifier() -> UsageError {
    UsageError::new(
        "stamp.identifier",
        "stamp_identifier_required",
        "Indicare il codice identificativo della marca da bollo (14 cifre).",
        "Enter the identifier of the revenue stamp (14 digits).",
    )
}

/// A validated marca da bollo.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stamp {
    pub identifier: StampId,
    pub issue_date: NaiveDate,
}

/// The stamp as the request carries it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StampInput<'a> {
    pub identifier: &'a str,
    pub issue_date: NaiveDate,
}

/// What the request says about the usage, before checking.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UsageRequest<'a> {
    pub usage: Usage,
    pub usage_text: Option<&'a str>,
    pub stamp: Option<StampInput<'a>>,
}

/// The usage of a certificate once its rules hold.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckedUsage {
    pub usage: Usage,
    /// The trimmed free text of `altro`; `None` for every other usage.
    pub usage_text: Option<String>,
    /// Present exactly when the usage is `bollo`.
    pub stamp: Option<Stamp>,
}

fn check_issue_date(date: NaiveDate, today: NaiveDate) -> Result<NaiveDate, UsageError> {
    if date > today {
        return Err(UsageError::new(
            "stamp.issue_date",
            "stamp_date_in_future",
            "La data di emissione della marca da bollo non può essere successiva alla data odierna.",
            "The issue date of the revenue stamp cannot be later than today.",
        ));
    }
    if date < OLDEST_STAMP_DATE {
        return Err(UsageError::new(
            "stamp.issue_date",
            "stamp_date_too_old",
            "La marca da bollo è anteriore al 26/06/2013, quando l'imposta è divenuta di 16,00 euro: non è valida per questo certificato.",
            "The revenue stamp predates 26/06/2013, when the duty became 16.00 euro: it cannot pay for this certificate.",
        ));
    }
    Ok(date)
}

fn check_text(text: Option<&str>) -> Result<String, UsageError> {
    let text = text.map(str::trim).unwrap_or("");
    if text.is_empty() {
        return Err(UsageError::new(
            "usage_text",
            "usage_text_required",
            "Indicare l'uso del certificato e la norma che ne prevede l'esenzione.",
            "Describe the use of the certificate and the law that exempts it.",
        ));
    }
    if text.chars().count() > USAGE_TEXT_MAX_CHARS {
        return Err(UsageError::new(
            "usage_text",
            "usage_text_too_long",
            "Il testo dell'uso non può superare 256 caratteri.",
            "The usage text cannot exceed 256 characters.",
        ));
    }
    if text.chars().any(char::is_control) {
        return Err(UsageError::new(
            "usage_text",
            "usage_text_invalid",
            "Il testo dell'uso deve stare su una riga, senza caratteri di controllo.",
            "The usage text must be a single line without control characters.",
        ));
    }
    Ok(text.to_owned())
}

/// Checks the usage, its text and the stamp of a request for a certificate of `kind`
/// issued on `today`; answers every broken rule at once.
pub fn check_request(
    kind: CertificateType,
    request: UsageRequest<'_>,
    today: NaiveDate,
) -> Result<CheckedUsage, Vec<UsageError>> {
    check_usage(kind.always_exempt(), request, today)
}

fn check_usage(
    always_exempt: bool,
    request: UsageRequest<'_>,
    today: NaiveDate,
) -> Result<CheckedUsage, Vec<UsageError>> {
    let usage = request.usage;
    let mut errors = Vec::new();

    if always_exempt && usage.requires_stamp() {
        errors.push(UsageError::new(
            "usage",
            "certificate_always_exempt",
            "Questo certificato è esente dall'imposta di bollo: scegliere un uso esente.",
            "This certificate is exempt from stamp duty: choose an exempt use.",
        ));
    }

    let mut stamp = None;
    match (usage.requires_stamp(), request.stamp) {
        (true, Some(input)) => {
            let identifier = StampId::parse(input.identifier).map_err(|e| errors.push(e));
            let date = check_issue_date(input.issue_date, today).map_err(|e| errors.push(e));
            if let (Ok(identifier), Ok(issue_date)) = (identifier, date) {
                stamp = Some(Stamp {
                    identifier,
                    issue_date,
                });
            }
        }
        (true, None) => {
            errors.push(missing_identifier());
            errors.push(UsageError::new(
                "stamp.issue_date",
                "stamp_issue_date_required",
                "Indicare la data di emissione della marca da bollo.",
                "Enter the issue date of the revenue stamp.",
            ));
        }
        (false, Some(_)) => errors.push(UsageError::new(
            "stamp",
            "stamp_not_allowed",
            "L'uso scelto è esente dall'imposta di bollo: non va indicata alcuna marca da bollo.",
            "The chosen use is exempt from stamp duty: no revenue stamp must be given.",
        )),
        (false, None) => {}
    }

    let mut usage_text = None;
    if usage.requires_text() {
        match check_text(request.usage_text) {
            Ok(text) => usage_text = Some(text),
            Err(error) => errors.push(error),
        }
    } else if request.usage_text.is_some_and(|t| !t.trim().is_empty()) {
        errors.push(UsageError::new(
            "usage_text",
            "usage_text_not_allowed",
            "Il testo dell'uso si indica soltanto per «altro motivo di esenzione».",
            "A usage text is given only with “other exemption”.",
        ));
    }

    if errors.is_empty() {
        Ok(CheckedUsage {
            usage,
            usage_text,
            stamp,
        })
    } else {
        Err(errors)
    }
}

#[cfg(test)]
#[path = "stamp_tests.rs"]
mod tests;
