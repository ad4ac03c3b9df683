use super::*;
use crate::certificates::rules::stamp::{Stamp, StampId};
use crate::registry::facts::fixtures::anna;
use crate::registry::facts::fixtures::date;
use crate::registry::facts::fixtures::mario;
use crate::registry::facts::PersonName;

fn exempt(usage: Usage) -> CheckedUsage {
    CheckedUsage {
        usage,
        usage_text: None,
        stamp: None,
    }
}

fn text(kind: CertificateType, facts: &SubjectFacts) -> CertificateText {
    compose(
        kind,
        &exempt(Usage::Pensione),
        facts,
        date(2026, 11, 12),
        "MANTOVA",
    )
}

fn body(kind: CertificateType, facts: &SubjectFacts) -> Vec<String> {
    text(kind, facts)
        .paragraphs
        .iter()
        .map(Paragraph::plain)
        .collect()
}

#[test]
fn residence_certificate_reads_like_the_counter_prints_it() {
    let certificate = text(CertificateType::Residenza, &mario());
    assert_eq!(certificate.title, "CERTIFICATO DI RESIDENZA");
    assert_eq!(
        certificate.preamble,
        ["L'UFFICIALE D'ANAGRAFE", "Visti gli atti d'ufficio,"]
    );
    assert_eq!(certificate.keyword, "CERTIFICA");
    assert_eq!(
        certificate.paragraphs.iter().map(Paragraph::plain).collect::<Vec<_>>(),
        ["che ROSSI MARIO, nato a MANTOVA (MN) il 12/03/1980, codice fiscale RSSMRA80C12E897X, è residente in questo Comune in CORSO GARIBALDI, 107."]
    );
    assert_eq!(certificate.table, None);
    assert_eq!(certificate.place_date, "MANTOVA, 12/11/2026");
    assert_eq!(certificate.officer_title, "L'Ufficiale d'anagrafe");
    assert_eq!(certificate.legal_notes, [NOTE_ART_40, NOTE_ART_41]);
    assert!(
        NOTE_ART_40.contains("non può essere prodotto agli organi della pubblica amministrazione")
    );
    assert!(NOTE_ART_41.contains("sei mesi"));
}

#[test]
fn names_and_key_facts_are_bold() {
    let certificate = text(CertificateType::Residenza, &mario());
    let bold: Vec<&str> = certificate.paragraphs[0]
        .0
        .iter()
        .filter(|run| run.bold)
        .map(|run| run.text.as_str())
        .collect();
    assert_eq!(bold, ["ROSSI MARIO", "CORSO GARIBALDI, 107"]);
}

#[test]
fn words_agree_with_the_sex() {
    let anna = anna();
    assert_eq!(
        body(CertificateType::Cittadinanza, &anna),
        ["che ROSSI ANNA, nata a MANTOVA (MN) il 05/09/2010, codice fiscale RSSNNA10P45E897T, è cittadina italiana."]
    );
    assert!(body(CertificateType::Cittadinanza, &mario())[0].ends_with("è cittadino italiano."));
    let mut elector = anna.clone();
    elector.is_elector = true;
    elector.electoral_section = Some(3);
    assert!(body(CertificateType::ListeElettorali, &elector)[0]
        .ends_with("è iscritta nelle liste elettorali di questo Comune, sezione n. 3."));
    assert!(body(CertificateType::ListeElettorali, &mario())[0]
        .ends_with("è iscritto nelle liste elettorali di questo Comune, sezione n. 12."));
    assert!(body(CertificateType::StatoLibero, &anna)[0]
        .ends_with("è di stato civile libero (NUBILE)."));
    assert_eq!(
        body(CertificateType::Nascita, &anna),
        ["che ROSSI ANNA, codice fiscale RSSNNA10P45E897T, è nata a MANTOVA (MN) il 05/09/2010."]
    );
}

#[test]
fn foreign_birthplaces_take_in() {
    let mut facts = mario();
    facts.birth_place = "FRANCIA".into();
    assert!(body(CertificateType::EsistenzaInVita, &facts)[0]
        .starts_with("che ROSSI MARIO, nato in FRANCIA il 12/03/1980,"));
    assert!(body(CertificateType::EsistenzaInVita, &facts)[0].ends_with(", è in vita."));
}

#[test]
fn electoral_certificate_is_signed_by_the_electoral_officer() {
    let certificate = text(CertificateType::ListeElettorali, &mario());
    assert_eq!(
        certificate.title,
        "CERTIFICATO DI ISCRIZIONE NELLE LISTE ELETTORALI"
    );
    assert_eq!(certificate.preamble[0], "L'UFFICIALE ELETTORALE");
    assert_eq!(certificate.officer_title, "L'Ufficiale elettorale");
}

#[test]
fn civil_status_certificates() {
    assert!(
        body(CertificateType::StatoCivile, &mario())[0].ends_with("è di stato civile CONIUGATO.")
    );
    let mut facts = anna();
    facts.civil_status = Some(CivilStatus::CivilUnionDissolvedByDeath);
    assert!(body(CertificateType::StatoLibero, &facts)[0]
        .ends_with("è in STATO LIBERO A SEGUITO DI DECESSO DELLA PARTE UNITA CIVILMENTE."));
    facts.civil_status = Some(CivilStatus::Divorced);
    assert!(
        body(CertificateType::StatoCivile, &facts)[0].ends_with("è di stato civile DIVORZIATA.")
    );
}

#[test]
fn marriage_names_partner_date_and_place() {
    assert_eq!(
        body(CertificateType::Matrimonio, &mario()),
        ["che ROSSI MARIO, nato a MANTOVA (MN) il 12/03/1980, codice fiscale RSSMRA80C12E897X, ha contratto matrimonio con BIANCHI GIULIA il 14/06/2008 a VERONA (VR)."]
    );
    let mut widower = mario();
    widower.civil_status = Some(CivilStatus::Widowed);
    let paragraphs = body(CertificateType::Matrimonio, &widower);
    assert_eq!(paragraphs.len(), 2);
    assert_eq!(paragraphs[1], "che attualmente è di stato civile VEDOVO.");
}

#[test]
fn civil_union_has_its_own_verb() {
    let mut facts = anna();
    facts.civil_status = Some(CivilStatus::CivilUnion);
    facts.civil_union = Some(UnionFacts {
        partner: PersonName {
            surname: "VERDI".into(),
            name: "LUCIA".into(),
        },
        date: date(2031, 4, 5),
        place: None,
    });
    assert_eq!(
        body(CertificateType::UnioneCivile, &facts),
        ["che ROSSI ANNA, nata a MANTOVA (MN) il 05/09/2010, codice fiscale RSSNNA10P45E897T, ha costituito unione civile con VERDI LUCIA il 05/04/2031."]
    );
    assert_eq!(
        text(CertificateType::UnioneCivile, &facts).title,
        "CERTIFICATO ANAGRAFICO DI UNIONE CIVILE"
    );
}

#[test]
fn family_certificates_list_the_members() {
    let facts = anna();
    let certificate = text(CertificateType::StatoFamiglia, &facts);
    assert_eq!(
        certificate.paragraphs[0].plain(),
        "che la famiglia anagrafica intestata a ROSSI MARIO, residente in questo Comune in CORSO GARIBALDI, 107, è così composta:"
    );
    let table = certificate.table.expect("a family table");
    assert_eq!(
        table.columns,
        [
            "Cognome e nome",
            "Luogo e data di nascita",
            "Codice fiscale"
        ]
    );
    assert_eq!(
        table.rows[2],
        ["ROSSI ANNA", "MANTOVA (MN), 05/09/2010", "RSSNNA10P45E897T"]
    );

    let relations = text(CertificateType::StatoFamigliaParentela, &facts)
        .table
        .expect("a family table");
    assert_eq!(relations.columns[2], "Rapporto con l'intestatario scheda");
    let labels: Vec<&str> = relations.rows.iter().map(|r| r[2].as_str()).collect();
    assert_eq!(labels, ["INTESTATARIO SCHEDA", "MOGLIE", "FIGLIA"]);

    let statuses = text(CertificateType::StatoFamigliaStatoCivile, &facts)
        .table
        .expect("a family table");
    assert_eq!(statuses.columns[2], "Stato civile");
    let labels: Vec<&str> = statuses.rows.iter().map(|r| r[2].as_str()).collect();
    assert_eq!(labels, ["CONIUGATO", "CONIUGATA", "NUBILE"]);
}

#[test]
fn contestuale_joins_residence_citizenship_and_family() {
    let certificate = text(CertificateType::Contestuale, &mario());
    let paragraphs: Vec<String> = certificate
        .paragraphs
        .iter()
        .map(Paragraph::plain)
        .collect();
    assert_eq!(
        paragraphs[0],
        "che ROSSI MARIO, nato a MANTOVA (MN) il 12/03/1980, codice fiscale RSSMRA80C12E897X, è residente in questo Comune in CORSO GARIBALDI, 107 ed è cittadino italiano;"
    );
    assert!(paragraphs[1].starts_with("che la famiglia anagrafica"));
    assert_eq!(certificate.table.map(|t| t.rows.len()), Some(3));
}

#[test]
fn every_type_composes_a_titled_text() {
    let facts = mario();
    for kind in CertificateType::ALL {
        let certificate = text(kind, &facts);
        assert!(certificate.title.starts_with("CERTIFICATO "), "{kind:?}");
        assert!(!certificate.paragraphs.is_empty(), "{kind:?}");
        assert!(
            certificate.paragraphs[0].plain().starts_with("che "),
            "{kind:?}"
        );
    }
}

#[test]
fn usage_lines() {
    let facts = mario();
    let issued = date(2026, 11, 12);
    let stamped = CheckedUsage {
        usage: Usage::Bollo,
        usage_text: None,
        stamp: Some(Stamp {
            identifier: StampId::parse("01234567890123").expect("valid identifier"),
            issue_date: issued,
        }),
    };
    assert_eq!(
        compose(CertificateType::Residenza, &stamped, &facts, issued, "MANTOVA").usage_line,
        "Si rilascia in carta resa legale. Imposta di bollo assolta mediante contrassegno telematico n. 01234567890123 del 12/11/2026."
    );
    assert_eq!(
        text(CertificateType::Residenza, &facts).usage_line,
        "Si rilascia in esenzione dall'imposta di bollo ad uso pensione ai sensi dell'art. 12 della Tabella B allegata al D.P.R. 26 ottobre 1972, n. 642."
    );
    let other = CheckedUsage {
        usage: Usage::Altro,
        usage_text: Some("società sportiva dilettantistica".into()),
        stamp: None,
    };
    assert_eq!(
        compose(CertificateType::Residenza, &other, &facts, issued, "MANTOVA").usage_line,
        "Si rilascia in esenzione dall'imposta di bollo per il seguente uso dichiarato dal richiedente: società sportiva dilettantistica."
    );
}
