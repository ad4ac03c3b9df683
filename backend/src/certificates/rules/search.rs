//! What an operator types to find a certificate: the ID printed under the QR (with or
//! without dashes, any case, the usual misreadings forgiven) or a codice fiscale — of
//! the person the certificate is about or of who asked for it. One field for both, as at
//! the counter one reads whichever the person brings.

use crate::document::document_id;
use crate::registry::rules::fiscal_code::FiscalCode;

/// The longest text worth reading: an ID with dashes and spaces around it.
const MAX_LENGTH: usize = 40;

/// A term that reads as a certificate ID, as a codice fiscale, or as both (a codice
/// fiscale is 16 characters, and many are also valid IDs); a certificate matches either.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CertificateSearch {
    /// In canonical form: `7KQF-9XMA-2R4D-HV0C`.
    pub id: Option<String>,
    /// In canonical form: upper case, no spaces.
    pub fiscal_code: Option<String>,
}

/// The text is neither a certificate ID nor a valid codice fiscale.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnrecognizedSearch;

impl CertificateSearch {
    /// `Ok(None)` for a blank text (no search); an error when the text can be neither.
    pub fn parse(text: &str) -> Result<Option<CertificateSearch>, UnrecognizedSearch> {
        let text = text.trim();
        if text.is_empty() {
            return Ok(None);
        }
        if text.chars().count() > MAX_LENGTH {
            return Err(UnrecognizedSearch);
        }
        let id = document_id::normalize(text);
        let fiscal_code = FiscalCode::parse(text)
            .ok()
            .map(|code| code.as_str().to_owned());
        if id.is_none() && fiscal_code.is_none() {
            return Err(UnrecognizedSearch);
        }
        Ok(Some(CertificateSearch { id, fiscal_code }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Option<CertificateSearch>, UnrecognizedSearch> {
        CertificateSearch::parse(text)
    }

    #[test]
    fn a_blank_text_is_no_search() {
        assert_eq!(parse(""), Ok(None));
        assert_eq!(parse("   "), Ok(None));
    }

    #[test]
    fn an_id_is_read_with_or_without_dashes_in_any_case() {
        let expected = Some("7KQF-9XMA-2R4D-HV0C".to_owned());
        for typed in [
            "7KQF-9XMA-2R4D-HV0C",
            "7kqf9xma2r4dhv0c",
            " 7KQF 9XMA 2R4D HVOC ",
        ] {
            let search = parse(typed).ok().flatten();
            assert_eq!(search.map(|s| s.id), Some(expected.clone()), "{typed}");
        }
    }

    #[test]
    fn a_codice_fiscale_is_read_in_any_case() {
        let search = parse(" rssmra85t10a562s ").ok().flatten();
        assert_eq!(
            search.and_then(|s| s.fiscal_code),
            Some("RSSMRA85T10A562S".to_owned())
        );
    }

    #[test]
    fn a_codice_fiscale_may_also_read_as_an_id() {
        // Every character of this one is in the IDs' alphabet: both readings are kept.
        let search = parse("RSSMRA85T10A562S").ok().flatten();
        assert_eq!(
            search,
            Some(CertificateSearch {
                id: Some("RSSM-RA85-T10A-562S".to_owned()),
                fiscal_code: Some("RSSMRA85T10A562S".to_owned()),
            })
        );
    }

    #[test]
    fn anything_else_is_refused() {
        for typed in [
            "Rossi",
            "7KQF-9XMA-2R4D",
            "RSSMRA85T10A562X U",
            "RSSMRU85T10A562S",
            &"7".repeat(41),
        ] {
            assert_eq!(parse(typed), Err(UnrecognizedSearch), "{typed}");
        }
    }
}
