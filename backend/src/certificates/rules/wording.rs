//! The text of each certificate, in the wording Italian municipal certificates use:
//! who certifies, "CERTIFICA", one "che …" clause per fact, the family table, the
//! usage line, place and date, and the notes of art. 40 and 41 D.P.R. 445/2000.
//! Certificates are Italian public documents, so this text is Italian only; the PDF
//! layer prints it as it is.

use chrono::NaiveDate;

use crate::registry::rules::sex::Sex;
use crate::registry::rules::vocabulary::CivilStatus;

use super::format_date;
use super::stamp::CheckedUsage;
use super::types::CertificateType;
use super::usages::Usage;
use crate::document::printable::date_article;
use crate::registry::facts::{FamilyMemberFacts, SubjectFacts, UnionFacts};
use crate::registry::rules::place_labels;

pub use crate::document::printable::{Paragraph, Run, Table};

/// Everything printed on the certificate except the municipal header and the stamp.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CertificateText {
    pub title: String,
    /// Who certifies and on what basis: "L'UFFICIALE D'ANAGRAFE", "Visti gli atti d'ufficio,".
    pub preamble: Vec<String>,
    /// "CERTIFICA", centred on its own line.
    pub keyword: String,
    pub paragraphs: Vec<Paragraph>,
    pub table: Option<Table>,
    pub usage_line: String,
    /// "MANTOVA, 12/11/2026".
    pub place_date: String,
    /// Printed above the signature.
    pub officer_title: String,
    pub legal_notes: Vec<String>,
}

pub const NOTE_ART_40: &str = "Il presente certificato non può essere prodotto agli organi della pubblica amministrazione o ai privati gestori di pubblici servizi (art. 40 D.P.R. 445/2000).";
pub const NOTE_ART_41: &str = "Il presente certificato ha validità di sei mesi dalla data di rilascio (art. 41 D.P.R. 445/2000).";

/// The Italian text of a certificate of `kind` about `facts`, issued on `issue_date`
/// in `place` (the municipality's name) for an already checked usage.
pub fn compose(
    kind: CertificateType,
    usage: &CheckedUsage,
    facts: &SubjectFacts,
    issue_date: NaiveDate,
    place: &str,
) -> CertificateText {
    let electoral = kind == CertificateType::ListeElettorali;
    let (preamble, officer_title) = if electoral {
        (
            vec![
                "L'UFFICIALE ELETTORALE".to_owned(),
                "Viste le liste elettorali di questo Comune,".to_owned(),
            ],
            "L'Ufficiale elettorale",
        )
    } else {
        (
            vec![
                "L'UFFICIALE D'ANAGRAFE".to_owned(),
                "Visti gli atti d'ufficio,".to_owned(),
            ],
            "L'Ufficiale d'anagrafe",
        )
    };
    let (paragraphs, table) = body(kind, facts);
    CertificateText {
        title: kind.spec().name.0.to_uppercase(),
        preamble,
        keyword: "CERTIFICA".to_owned(),
        paragraphs,
        table,
        usage_line: usage_line(usage),
        place_date: format!("{place}, {}", format_date(issue_date)),
        officer_title: officer_title.to_owned(),
        legal_notes: vec![NOTE_ART_40.to_owned(), NOTE_ART_41.to_owned()],
    }
}

fn body(kind: CertificateType, facts: &SubjectFacts) -> (Vec<Paragraph>, Option<Table>) {
    let sex = facts.sex;
    let who = Subject(facts);
    let clause = |tail: Vec<Run>| {
        let mut runs = who.introduced();
        runs.extend(tail);
        vec![Paragraph(runs)]
    };
    match kind {
        CertificateType::EsistenzaInVita => (clause(vec![plain(" è in vita.")]), None),
        CertificateType::Residenza => (clause(residence(facts, ".")), None),
        CertificateType::Cittadinanza => (clause(citizenship(sex, ".")), None),
        CertificateType::ListeElettorali => {
            let mut tail = vec![
                plain(" è "),
                plain(gendered(sex, "iscritto", "iscritta")),
                plain(" nelle liste elettorali di questo Comune"),
            ];
            if let Some(section) = facts.electoral_section {
                tail.push(plain(", sezione n. "));
                tail.push(bold(section.to_string()));
            }
            tail.push(plain("."));
            (clause(tail), None)
        }
        CertificateType::Nascita => {
            let mut runs = vec![plain("che "), bold(who.full_name())];
            runs.push(plain(format!(", codice fiscale {}, è ", facts.fiscal_code)));
            runs.push(plain(gendered(sex, "nato", "nata")));
            runs.push(plain(format!(
                " {} ",
                place_labels::preposition(&facts.birth_place)
            )));
            runs.push(bold(facts.birth_place.clone()));
            runs.push(plain(format!(" {}", date_article(facts.birth_date))));
            runs.push(bold(format_date(facts.birth_date)));
            runs.push(plain("."));
            (vec![Paragraph(runs)], None)
        }
        CertificateType::StatoCivile => (clause(civil_status(facts, false)), None),
        CertificateType::StatoLibero => (clause(civil_status(facts, true)), None),
        CertificateType::Matrimonio => (union(&who, UnionKind::Marriage), None),
        CertificateType::UnioneCivile => (union(&who, UnionKind::CivilUnion), None),
        CertificateType::StatoFamiglia => (
            vec![family_clause(facts)],
            Some(family_table(facts, Column::None)),
        ),
        CertificateType::StatoFamigliaParentela => (
            vec![family_clause(facts)],
            Some(family_table(facts, Column::Relationship)),
        ),
        CertificateType::StatoFamigliaStatoCivile => (
            vec![family_clause(facts)],
            Some(family_table(facts, Column::CivilStatus)),
        ),
        CertificateType::Contestuale => {
            let mut tail = residence(facts, "");
            tail.push(plain(" ed"));
            tail.extend(citizenship(sex, ";"));
            let mut paragraphs = clause(tail);
            paragraphs.push(family_clause(facts));
            (paragraphs, Some(family_table(facts, Column::None)))
        }
    }
}

/// The subject as every clause introduces them.
struct Subject<'a>(&'a SubjectFacts);

impl Subject<'_> {
    fn full_name(&self) -> String {
        self.0.person_name().full()
    }

    /// "che ROSSI MARIO, nato a MANTOVA (MN) il 12/03/1980, codice fiscale …,"
    fn introduced(&self) -> Vec<Run> {
        let facts = self.0;
        vec![
            plain("che "),
            bold(self.full_name()),
            plain(format!(
                ", {} {} {} {}{}, codice fiscale {},",
                gendered(facts.sex, "nato", "nata"),
                place_labels::preposition(&facts.birth_place),
                facts.birth_place,
                date_article(facts.birth_date),
                format_date(facts.birth_date),
                facts.fiscal_code
            )),
        ]
    }
}

fn residence(facts: &SubjectFacts, end: &str) -> Vec<Run> {
    let mut runs = vec![plain(" è residente in questo Comune")];
    if let Some(address) = &facts.address {
        runs.push(plain(" in "));
        runs.push(bold(address.clone()));
    }
    runs.push(plain(end));
    runs
}

fn citizenship(sex: Sex, end: &str) -> Vec<Run> {
    vec![
        plain(" è "),
        bold(gendered(sex, "cittadino italiano", "cittadina italiana")),
        plain(end),
    ]
}

fn civil_status(facts: &SubjectFacts, free: bool) -> Vec<Run> {
    // Eligibility guarantees a civil status for both types; the fallback keeps the
    // text truthful should a caller skip it.
    let Some(status) = facts.civil_status else {
        return vec![plain(" non ha stato civile registrato.")];
    };
    let label = status.label_it(facts.sex);
    let after_union = matches!(
        status,
        CivilStatus::CivilUnionDissolved | CivilStatus::CivilUnionDissolvedByDeath
    );
    match (free, after_union) {
        (_, true) => vec![plain(" è in "), bold(label), plain(".")],
        (true, false) => vec![
            plain(" è di stato civile libero ("),
            bold(label),
            plain(")."),
        ],
        (false, false) => vec![plain(" è di stato civile "), bold(label), plain(".")],
    }
}

#[derive(Clone, Copy)]
enum UnionKind {
    Marriage,
    CivilUnion,
}

impl UnionKind {
    fn record(self, facts: &SubjectFacts) -> Option<&UnionFacts> {
        match self {
            UnionKind::Marriage => facts.marriage.as_ref(),
            UnionKind::CivilUnion => facts.civil_union.as_ref(),
        }
    }

    /// (verb, what to say when none is on record, the status while it lasts)
    fn wording(self) -> (&'static str, &'static str, CivilStatus) {
        match self {
            UnionKind::Marriage => (
                "ha contratto matrimonio con",
                "non risulta aver contratto matrimonio.",
                CivilStatus::Married,
            ),
            UnionKind::CivilUnion => (
                "ha costituito unione civile con",
                "non risulta aver costituito unione civile.",
                CivilStatus::CivilUnion,
            ),
        }
    }
}

/// The union, then the current civil status when the union has since ended.
fn union(who: &Subject<'_>, kind: UnionKind) -> Vec<Paragraph> {
    let facts = who.0;
    let (verb, missing, still_in_it) = kind.wording();
    let mut runs = who.introduced();
    match kind.record(facts) {
        Some(record) => {
            runs.push(plain(format!(" {verb} ")));
            runs.push(bold(record.partner.full()));
            runs.push(plain(format!(" {}", date_article(record.date))));
            runs.push(bold(format_date(record.date)));
            if let Some(place) = &record.place {
                runs.push(plain(format!(" {} ", place_labels::preposition(place))));
                runs.push(bold(place.clone()));
            }
            runs.push(plain("."));
        }
        None => runs.push(plain(format!(" {missing}"))),
    }
    let mut paragraphs = vec![Paragraph(runs)];
    if facts.civil_status.is_some_and(|s| s != still_in_it) {
        let mut now = vec![plain("che attualmente")];
        now.extend(civil_status(facts, false));
        paragraphs.push(Paragraph(now));
    }
    paragraphs
}

fn family_clause(facts: &SubjectFacts) -> Paragraph {
    let mut runs = vec![plain("che la famiglia anagrafica")];
    if let Some(head) = facts.head_of_family() {
        runs.push(plain(" intestata a "));
        runs.push(bold(format!("{} {}", head.surname, head.name)));
        runs.push(plain(","));
    }
    runs.push(plain(" residente in questo Comune"));
    if let Some(address) = &facts.address {
        runs.push(plain(" in "));
        runs.push(bold(address.clone()));
        runs.push(plain(","));
    }
    runs.push(plain(" è così composta:"));
    Paragraph(runs)
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Column {
    None,
    Relationship,
    CivilStatus,
}

fn family_table(facts: &SubjectFacts, extra: Column) -> Table {
    let mut columns = vec!["Cognome e nome", "Luogo e data di nascita"];
    match extra {
        Column::None => {}
        Column::Relationship => columns.push("Rapporto con l'intestatario scheda"),
        Column::CivilStatus => columns.push("Stato civile"),
    }
    columns.push("Codice fiscale");
    let row = |m: &FamilyMemberFacts| {
        let mut cells = vec![
            format!("{} {}", m.surname, m.name),
            format!("{}, {}", m.birth_place, format_date(m.birth_date)),
        ];
        match extra {
            Column::None => {}
            Column::Relationship => cells.push(m.relationship.label_it(m.sex).to_owned()),
            Column::CivilStatus => cells.push(
                m.civil_status
                    .map(|s| s.label_it(m.sex).to_owned())
                    .unwrap_or_else(|| "-".to_owned()),
            ),
        }
        cells.push(m.fiscal_code.clone());
        cells
    };
    Table {
        columns: columns.into_iter().map(str::to_owned).collect(),
        rows: facts.family.iter().map(row).collect(),
    }
}

fn usage_line(checked: &CheckedUsage) -> String {
    let printed = checked.usage.spec().description.0;
    match (checked.usage, &checked.stamp, &checked.usage_text) {
        (Usage::Bollo, Some(stamp), _) => format!(
            "{printed}. Imposta di bollo assolta mediante contrassegno telematico n. {} del {}.",
            stamp.identifier.as_str(),
            format_date(stamp.issue_date)
        ),
        (Usage::Altro, _, Some(text)) => format!("{printed}: {text}."),
        _ => format!("{printed}."),
    }
}

fn gendered(sex: Sex, masculine: &'static str, feminine: &'static str) -> &'static str {
    match sex {
        Sex::M => masculine,
        Sex::F => feminine,
    }
}

fn plain(text: impl Into<String>) -> Run {
    Run {
        text: text.into(),
        bold: false,
    }
}

fn bold(text: impl Into<String>) -> Run {
    Run {
        text: text.into(),
        bold: true,
    }
}

#[cfg(test)]
#[path = "wording_tests.rs"]
mod tests;
