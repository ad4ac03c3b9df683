//! What a certificate says, in printable form: the input of the document engine. Generic on
//! purpose (no registry types): the caller words it, the engine lays it out and signs it.

use chrono::{DateTime, Utc};

#[derive(Debug, Clone, PartialEq)]
pub struct CertificateDocument {
    pub header: DocumentHeader,
    /// "CERTIFICATO DI RESIDENZA".
    pub title: String,
    /// Centred lines before the keyword: "L'UFFICIALE D'ANAGRAFE", "Visti gli atti d'ufficio,".
    pub preamble: Vec<String>,
    /// The centred verb of the certificate: "CERTIFICA".
    pub keyword: String,
    pub paragraphs: Vec<Paragraph>,
    pub table: Option<Table>,
    /// What the certificate may be used for and its stamp duty.
    pub usage_line: String,
    /// "Valdoria, 30/11/2026".
    pub place_and_date: String,
    /// "L'UFFICIALE D'ANAGRAFE".
    pub officer_title: String,
    pub officer_name: Option<String>,
    /// Small print: art. 40 D.P.R. 445/2000, the six-month validity, …
    pub legal_notes: Vec<String>,
    /// Printed under the QR: "7KQF-9XMA-2R4D-HV0C".
    pub certificate_id: String,
    pub metadata: Metadata,
}

#[derive(Debug, Clone, PartialEq)]
pub struct DocumentHeader {
    /// "COMUNE DI VALDORIA".
    pub municipality: String,
    /// "Provincia di Verona".
    pub subtitle_lines: Vec<String>,
    /// "Ufficio Anagrafe".
    pub office: String,
    /// "Piazza del Municipio, 1 - 37000 Valdoria (VR)".
    pub office_address: String,
    pub coat_of_arms: CoatOfArms,
}

/// What stands above the municipality's name.
#[derive(Debug, Clone, PartialEq)]
pub enum CoatOfArms {
    /// A drawn shield outline with initials, until the real arms are configured.
    Placeholder { initials: String },
}

impl CoatOfArms {
    /// Initials of the significant words: "COMUNE DI VALDORIA" → "V", "San Giorgio" → "SG".
    pub fn placeholder_for(municipality: &str) -> Self {
        const SKIP: [&str; 8] = ["COMUNE", "DI", "DEL", "DELLA", "DEI", "DE", "D'", "E"];
        let initials: String = municipality
            .split_whitespace()
            .filter(|word| !SKIP.contains(&word.to_uppercase().as_str()))
            .filter_map(|word| word.chars().find(|c| c.is_alphabetic()))
            .flat_map(char::to_uppercase)
            .take(3)
            .collect();
        CoatOfArms::Placeholder { initials }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Align {
    Left,
    Center,
    /// Justified, the last line left-aligned.
    #[default]
    Justify,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Paragraph {
    pub runs: Vec<Run>,
    pub align: Align,
}

impl Paragraph {
    pub fn new(runs: Vec<Run>) -> Self {
        Self {
            runs,
            align: Align::Justify,
        }
    }
}

/// A stretch of text in one weight.
#[derive(Debug, Clone, PartialEq)]
pub struct Run {
    pub text: String,
    pub bold: bool,
}

impl Run {
    pub fn normal(text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            bold: false,
        }
    }

    pub fn bold(text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            bold: true,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub columns: Vec<Column>,
    pub rows: Vec<Vec<String>>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    pub title: String,
    /// Share of the text width; the shares are normalised.
    pub weight: f32,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Metadata {
    pub title: String,
    /// The municipality.
    pub author: String,
    pub subject: String,
    pub creation_date: DateTime<Utc>,
}
