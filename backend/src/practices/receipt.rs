//! The receipt of a submitted practice ("ricevuta"), and the blank templates of the
//! document checklist: forms of the document engine, with the municipality's letterhead.

use chrono::{DateTime, Utc};

use crate::document::form::{Block, FormDocument};
use crate::document::model::{Align, Column, Metadata, Paragraph, Run, Table};
use crate::document::printable::format_date;
use crate::platform::db::DbConnection;
use crate::platform::settings::Settings;
use crate::practices::drafts;
use crate::practices::rules::catalogue::{self, Template};
use crate::practices::rules::declaration::{
    Citizenship, MoveKind, OccupancyTitle, ResidenceDeclaration,
};
use crate::practices::store::attachments;
use crate::practices::store::practices::PracticeRow;
use crate::practices::Error;
use crate::registry::places;

fn text(content: impl Into<String>) -> Block {
    Block::Paragraph(Paragraph {
        runs: vec![Run::normal(content)],
        align: Align::Left,
    })
}

fn labelled(label: &str, value: impl Into<String>) -> Block {
    Block::Paragraph(Paragraph {
        runs: vec![Run::bold(format!("{label}: ")), Run::normal(value)],
        align: Align::Left,
    })
}

fn place_name(code: &str) -> String {
    places::by_code(code.trim()).map_or_else(
        || code.to_owned(),
        |p| match &p.province {
            Some(province) => format!("{} ({province})", p.name),
            None => p.name.clone(),
        },
    )
}

fn kind_label(kind: Option<MoveKind>) -> &'static str {
    match kind {
        Some(MoveKind::FromOtherMunicipality) => "Trasferimento di residenza da altro Comune",
        Some(MoveKind::FromAbroad) => "Trasferimento di residenza dall'estero",
        Some(MoveKind::WithinMunicipality) => "Cambio di indirizzo nell'ambito del Comune",
        Some(MoveKind::Other) => "Altro caso",
        None => "-",
    }
}

pub fn occupancy_label(title: Option<OccupancyTitle>) -> &'static str {
    match title {
        Some(OccupancyTitle::Owner) => "Proprietà",
        Some(OccupancyTitle::RegisteredLease) => "Locazione con contratto registrato",
        Some(OccupancyTitle::FreeLoan) => "Comodato d'uso registrato",
        Some(OccupancyTitle::Usufruct) => "Usufrutto",
        Some(OccupancyTitle::PublicHousing) => "Alloggio di edilizia residenziale pubblica",
        Some(OccupancyTitle::Other) => "Altro titolo",
        None => "-",
    }
}

fn citizenship_label(citizenship: Option<Citizenship>) -> &'static str {
    match citizenship {
        Some(Citizenship::It) => "IT",
        Some(Citizenship::Eu) => "UE",
        Some(Citizenship::NonEu) => "Extra UE",
        None => "-",
    }
}

fn declaration_blocks(declaration: &ResidenceDeclaration) -> Vec<Block> {
    let mut blocks = vec![labelled(
        "Tipo di dichiarazione",
        kind_label(declaration.kind),
    )];
    if !declaration.previous_place_code.trim().is_empty() {
        blocks.push(labelled(
            "Provenienza",
            place_name(&declaration.previous_place_code),
        ));
    }
    blocks.push(Block::Heading(
        "Persone che trasferiscono la residenza".to_owned(),
    ));
    let rows = declaration
        .movers()
        .map(|p| {
            vec![
                format!(
                    "{} {}",
                    p.surname.trim().to_uppercase(),
                    p.name.trim().to_uppercase()
                ),
                p.fiscal_code.trim().to_uppercase(),
                p.birth_date.map(format_date).unwrap_or_default(),
                citizenship_label(p.citizenship).to_owned(),
                if p.applicant {
                    "Richiedente".to_owned()
                } else {
                    p.relationship
                        .map(|r| {
                            r.label_it(p.sex.unwrap_or(crate::registry::rules::sex::Sex::M))
                                .to_owned()
                        })
                        .unwrap_or_default()
                },
            ]
        })
        .collect();
    let column = |title: &str, weight: f32| Column {
        title: title.to_owned(),
        weight,
    };
    blocks.push(Block::Table(Table {
        columns: vec![
            column("Cognome e nome", 3.0),
            column("Codice fiscale", 2.6),
            column("Nato/a il", 1.5),
            column("Cittad.", 1.1),
            column("Rapporto", 1.8),
        ],
        rows,
    }));
    for person in declaration.movers() {
        if let Some(licence) = person
            .driving_licence
            .as_ref()
            .filter(|_| person.has_driving_licence)
        {
            blocks.push(text(format!(
                "Patente di {} {}: n. {}, categoria {}, rilasciata da {} il {}.",
                person.surname.trim().to_uppercase(),
                person.name.trim().to_uppercase(),
                licence.number,
                licence.category,
                licence.issued_by,
                licence.issued_on.map(format_date).unwrap_or_default()
            )));
        }
        for vehicle in person.vehicles.iter().filter(|_| person.has_vehicles) {
            blocks.push(text(format!(
                "Veicolo intestato a {} {}: targa {}.",
                person.surname.trim().to_uppercase(),
                person.name.trim().to_uppercase(),
                vehicle.plate.trim().to_uppercase()
            )));
        }
    }
    let address = &declaration.address;
    let mut line = format!(
        "{} n. {}",
        address.street.trim(),
        address.house_number.trim()
    );
    for (label, value) in [
        ("scala", &address.staircase),
        ("piano", &address.floor),
        ("interno", &address.interior),
    ] {
        if !value.trim().is_empty() {
            line.push_str(&format!(", {label} {}", value.trim()));
        }
    }
    blocks.push(Block::Heading("Nuova abitazione".to_owned()));
    blocks.push(labelled("Indirizzo", line));
    let occupancy = &declaration.occupancy;
    let mut title = occupancy_label(occupancy.title).to_owned();
    if occupancy.title.is_some_and(|t| t.needs_registration()) {
        title.push_str(&format!(
            " (registrato presso l'Agenzia delle Entrate di {} al n. {} il {})",
            occupancy.registration_office.trim(),
            occupancy.registration_number.trim(),
            occupancy
                .registration_date
                .map(format_date)
                .unwrap_or_default()
        ));
    }
    if occupancy.title.is_some_and(|t| t.needs_cadastre()) {
        title.push_str(&format!(
            " (catasto: sezione {}, foglio {}, particella {}, subalterno {})",
            occupancy.cadastral_section.trim(),
            occupancy.cadastral_sheet.trim(),
            occupancy.cadastral_parcel.trim(),
            occupancy.cadastral_subparcel.trim()
        ));
    }
    blocks.push(labelled("Titolo di occupazione", title));
    if let Some(resident) = &declaration.existing_resident {
        blocks.push(labelled(
            "Persone già residenti nell'abitazione",
            format!(
                "{} {}{}",
                resident.surname.trim().to_uppercase(),
                resident.name.trim().to_uppercase(),
                match resident.bond {
                    Some(bond) => format!(
                        " (vincolo del richiedente: {})",
                        bond.label_it(crate::registry::rules::sex::Sex::M)
                            .to_lowercase()
                    ),
                    None => " (nessun vincolo di parentela o affettivo)".to_owned(),
                }
            ),
        ));
    }
    let contacts = &declaration.contacts;
    let listed: Vec<String> = [
        ("e-mail", &contacts.email),
        ("PEC", &contacts.pec),
        ("tel.", &contacts.phone),
        ("cell.", &contacts.mobile),
    ]
    .iter()
    .filter(|(_, v)| !v.trim().is_empty())
    .map(|(l, v)| format!("{l} {}", v.trim()))
    .collect();
    blocks.push(labelled("Recapiti", listed.join(", ")));
    blocks
}

const LEGAL_NOTES: [&str; 4] = [
    "Entro due giorni lavorativi dalla presentazione l'Ufficio registra la dichiarazione, con effetto dalla data della stessa (art. 18 D.P.R. 223/1989).",
    "Entro 45 giorni l'Ufficio accerta quanto dichiarato; in mancanza di comunicazione dell'esito negativo entro tale termine la dichiarazione si intende accolta (art. 5 D.L. 5/2012, conv. L. 35/2012).",
    "Chi rende dichiarazioni mendaci è punito ai sensi del codice penale e delle leggi speciali (art. 76 D.P.R. 445/2000) e decade dai benefici eventualmente conseguiti (art. 75 D.P.R. 445/2000); l'iscrizione anagrafica è annullata con ripristino della posizione precedente.",
    "I dati sono trattati dal Comune per le finalità anagrafiche previste dalla legge (art. 6, par. 1, lett. e, Regolamento UE 2016/679); l'informativa completa è nella pagina Privacy del portale.",
];

pub fn render(
    conn: &mut DbConnection,
    settings: &Settings,
    practice: &PracticeRow,
    now: DateTime<Utc>,
) -> Result<Vec<u8>, Error> {
    let declaration = drafts::declaration_of(practice);
    let files = attachments::of_practice(conn, &practice.id)?;
    let municipality = &settings.municipality;
    let protocol = practice.protocol().unwrap_or_default();
    let submitted = practice
        .submitted_at
        .map(|at| crate::platform::italian_time::local(at.and_utc()))
        .unwrap_or_default();
    let kind = catalogue::find(&practice.type_code).ok_or(Error::NotFound)?;
    let mut blocks = vec![text(format!(
        "Si attesta che in data {} alle ore {} è stata presentata al {} - {}, tramite il portale dei servizi demografici, la dichiarazione sotto riepilogata, registrata al protocollo con il n. {}.",
        format_date(submitted.date()),
        submitted.format("%H:%M"),
        municipality.name,
        municipality.office.name,
        protocol
    ))];
    blocks.push(labelled(
        "Dichiarante",
        format!(
            "{} {} (codice fiscale {})",
            practice.applicant_surname, practice.applicant_name, practice.applicant_fiscal_code
        ),
    ));
    blocks.extend(declaration_blocks(&declaration));
    blocks.push(Block::Heading("Documenti allegati".to_owned()));
    if files.is_empty() {
        blocks.push(text("Nessun documento allegato."));
    }
    for file in &files {
        let label = kind
            .document(&file.document_code)
            .map_or(file.document_code.as_str(), |d| d.label.it);
        blocks.push(labelled(
            &file.file_name,
            format!("{label} ({} byte)", file.size_bytes),
        ));
        blocks.push(Block::SmallPrint(format!("SHA-256 {}", file.sha256)));
    }
    blocks.push(Block::Heading("Note".to_owned()));
    blocks.extend(
        LEGAL_NOTES
            .iter()
            .map(|n| Block::SmallPrint((*n).to_owned())),
    );
    let document = FormDocument {
        letterhead: format!("{} - {}", municipality.name.to_uppercase(), municipality.office.name),
        title: "RICEVUTA DI PRESENTAZIONE".to_owned(),
        subtitles: vec![
            format!("{} (art. 13 D.P.R. 223/1989)", kind.name.it),
            format!("Protocollo n. {protocol}"),
        ],
        blocks,
        footer: format!("Ricevuta della pratica prot. n. {protocol} rilasciata dal portale dei servizi demografici del {}", municipality.name),
        metadata: Metadata {
            title: format!("Ricevuta prot. n. {protocol}"),
            author: municipality.name.clone(),
            subject: kind.name.it.to_owned(),
            creation_date: now,
        },
    };
    crate::document::form_pdf(&document, practice.id.as_bytes())
        .map_err(|e| Error::Document(e.to_string()))
}

/// A checklist document's blank template.
pub fn template(
    settings: &Settings,
    document_code: &str,
    template: &Template,
    now: DateTime<Utc>,
) -> Result<Vec<u8>, Error> {
    let municipality = &settings.municipality;
    let document = FormDocument {
        letterhead: format!(
            "{} - {}",
            municipality.name.to_uppercase(),
            municipality.office.name
        ),
        title: template.title.to_owned(),
        subtitles: vec!["(art. 47 D.P.R. 445/2000)".to_owned()],
        blocks: template.paragraphs.iter().map(|p| text(*p)).collect(),
        footer: format!(
            "Modulo in bianco del portale dei servizi demografici del {}",
            municipality.name
        ),
        metadata: Metadata {
            title: template.title.to_owned(),
            author: municipality.name.clone(),
            subject: document_code.to_owned(),
            creation_date: now,
        },
    };
    crate::document::form_pdf(&document, document_code.as_bytes())
        .map_err(|e| Error::Document(e.to_string()))
}
