//! From the domain's wording to the form renderer's input: letterhead, footer and
//! metadata come from the settings.

use chrono::{DateTime, Utc};

use crate::document::form::{Block, FormDocument};
use crate::document::model::{Align, Column, Metadata, Paragraph, Run, Table};
use crate::document::printable::format_date;
use crate::document::printable::sentence_case;
use crate::document::printable::{self};
use crate::platform::italian_time;
use crate::platform::settings::Settings;
use crate::self_declarations::rules::wording::{DeclarationText, PrivacyContacts};

pub fn privacy_contacts(settings: &Settings) -> PrivacyContacts<'_> {
    let municipality = &settings.municipality;
    PrivacyContacts {
        controller: &municipality.privacy.controller,
        controller_pec: &municipality.privacy.controller_pec,
        dpo_email: &municipality.privacy.dpo_email,
    }
}

/// Justified like any form; a blank form is set flush left, since its long lines to write
/// on would stretch the spaces beyond reading.
fn paragraph(p: &printable::Paragraph, align: Align) -> Paragraph {
    Paragraph {
        runs: p
            .0
            .iter()
            .map(|r| Run {
                text: r.text.clone(),
                bold: r.bold,
            })
            .collect(),
        align,
    }
}

/// The printed form; `id` is `None` for the blank form.
pub fn document(
    settings: &Settings,
    text: &DeclarationText,
    id: Option<&str>,
    now: DateTime<Utc>,
) -> FormDocument {
    let municipality = &settings.municipality;
    let align = if id.is_some() {
        Align::Justify
    } else {
        Align::Left
    };
    let paragraphs = |list: &[printable::Paragraph]| -> Vec<Block> {
        list.iter()
            .map(|p| Block::Paragraph(paragraph(p, align)))
            .collect()
    };
    let mut blocks = paragraphs(&text.declarant);
    blocks.push(Block::Keyword(text.keyword.clone()));
    blocks.extend(paragraphs(&text.statements));
    if let Some(table) = &text.table {
        blocks.push(Block::Table(Table {
            columns: table
                .columns
                .iter()
                .enumerate()
                .map(|(i, title)| Column {
                    title: title.clone(),
                    weight: if i == 0 { 3.0 } else { 2.0 },
                })
                .collect(),
            rows: table.rows.clone(),
        }));
    }
    blocks.extend(paragraphs(&text.closing));
    blocks.push(Block::Signature {
        place_and_date: text.place_and_date.clone(),
        signer: text.signer.clone(),
    });
    blocks.push(Block::Boxed(text.reminders.clone()));
    blocks.extend(text.notes.iter().map(|n| Block::SmallPrint(n.clone())));
    blocks.push(Block::Heading(text.privacy_title.clone()));
    blocks.extend(
        text.privacy_notice
            .iter()
            .map(|n| Block::SmallPrint(n.clone())),
    );

    let today = format_date(italian_time::today(now));
    let footer = match id {
        Some(id) => format!(
            "Modulo n. {id} predisposto il {today} dal portale dei servizi demografici del {}",
            municipality.name
        ),
        None => format!(
            "Modulo in bianco del portale dei servizi demografici del {}",
            municipality.name
        ),
    };
    FormDocument {
        letterhead: format!(
            "{} - {}",
            municipality.name.to_uppercase(),
            municipality.office.name
        ),
        title: text.title.clone(),
        // The affidavit's subject is its title already.
        subtitles: std::iter::once(text.basis.clone())
            .chain((text.subject.to_uppercase() != text.title).then(|| text.subject.to_uppercase()))
            .collect(),
        blocks,
        footer,
        metadata: Metadata {
            title: match id {
                Some(id) => format!("{} n. {id}", text.subject),
                None => format!("{} (modulo in bianco)", text.subject),
            },
            author: municipality.name.clone(),
            subject: format!("{} {}", sentence_case(&text.title), text.basis),
            creation_date: now,
        },
    }
}
