//! From the domain's wording to the document engine's input: the municipal header and
//! metadata come from the settings, the text from `domain::certificates::wording`.

use chrono::{DateTime, Utc};

use crate::certificates::rules::wording::{self, CertificateText};
use crate::document::model::{
    Align, CertificateDocument, CoatOfArms, Column, DocumentHeader, Metadata, Paragraph, Run, Table,
};
use crate::document::printable::sentence_case;
use crate::platform::settings::Settings;

/// Relative widths of the family table's columns: names and places need the room.
fn column_weight(index: usize, count: usize) -> f32 {
    match (count, index) {
        (_, 0) => 3.0,
        (c, i) if i + 1 == c => 2.0,
        _ => 2.5,
    }
}

pub fn document(
    settings: &Settings,
    text: &CertificateText,
    certificate_id: &str,
    now: DateTime<Utc>,
) -> CertificateDocument {
    let municipality = &settings.municipality;
    let office = &municipality.office;
    let header_name = municipality.name.to_uppercase();
    CertificateDocument {
        header: DocumentHeader {
            coat_of_arms: CoatOfArms::placeholder_for(&header_name),
            municipality: header_name,
            subtitle_lines: vec![municipality.province.clone()],
            office: office.name.clone(),
            office_address: format!("{} - {} {}", office.address, office.postcode, office.city),
        },
        title: text.title.clone(),
        preamble: text.preamble.clone(),
        keyword: text.keyword.clone(),
        paragraphs: text
            .paragraphs
            .iter()
            .map(|p| Paragraph {
                runs: p
                    .0
                    .iter()
                    .map(|r| Run {
                        text: r.text.clone(),
                        bold: r.bold,
                    })
                    .collect(),
                align: Align::Justify,
            })
            .collect(),
        table: text.table.as_ref().map(|t: &wording::Table| Table {
            columns: t
                .columns
                .iter()
                .enumerate()
                .map(|(i, title)| Column {
                    title: title.clone(),
                    weight: column_weight(i, t.columns.len()),
                })
                .collect(),
            rows: t.rows.clone(),
        }),
        usage_line: text.usage_line.clone(),
        place_and_date: text.place_date.clone(),
        officer_title: text.officer_title.clone(),
        officer_name: None,
        legal_notes: text.legal_notes.clone(),
        certificate_id: certificate_id.to_owned(),
        metadata: Metadata {
            title: format!("{} n. {certificate_id}", sentence_case(&text.title)),
            author: municipality.name.clone(),
            subject: format!("{} - {}", text.title, office.name),
            creation_date: now,
        },
    }
}
