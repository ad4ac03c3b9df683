use super::*;
use crate::self_declarations::rules::values::Member;

fn privacy() -> PrivacyContacts<'static> {
    PrivacyContacts {
        controller: "Comune di Valdoria, Piazza del Municipio 1",
        controller_pec: "protocollo@pec.comune.valdoria.it",
        dpo_email: "rpd@comune.valdoria.it",
    }
}

fn values(pairs: &[(&str, &str)]) -> Values {
    let mut values = Values::default();
    for (key, value) in pairs {
        values.fields.insert((*key).into(), (*value).into());
    }
    values
}

fn giulia(extra: &[(&str, &str)]) -> Values {
    let mut v = values(&[
        ("surname", "BIANCHI"),
        ("name", "GIULIA"),
        ("sex", "F"),
        ("birth_date", "1982-07-01"),
        ("birth_place", "MANTOVA (MN)"),
        ("fiscal_code", "BNCGLI82L41E897Q"),
        ("residence_municipality", "VALDORIA"),
        ("residence_address", "via Roma, 12"),
    ]);
    for (key, value) in extra {
        v.fields.insert((*key).into(), (*value).into());
    }
    v
}

fn plain(paragraphs: &[Paragraph]) -> String {
    paragraphs
        .iter()
        .map(Paragraph::plain)
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn a_residence_declaration_reads_like_the_usual_form() {
    let text = compose(DeclarationKind::Residence, Some(&giulia(&[])), &privacy());
    assert_eq!(text.title, "DICHIARAZIONE SOSTITUTIVA DI CERTIFICAZIONE");
    assert_eq!(
        text.basis,
        "(art. 46, comma 1, lett. b, D.P.R. 28 dicembre 2000, n. 445)"
    );
    let declarant = plain(&text.declarant);
    assert!(declarant.starts_with("La sottoscritta BIANCHI GIULIA, nata a MANTOVA (MN) il 01/07/1982, residente a VALDORIA in VIA ROMA, 12, codice fiscale BNCGLI82L41E897Q,"), "{declarant}");
    assert!(declarant.contains("art. 76 del D.P.R. 28 dicembre 2000, n. 445"));
    assert_eq!(text.keyword, "DICHIARA");
    assert_eq!(
        plain(&text.statements),
        "di essere residente a VALDORIA in VIA ROMA, 12."
    );
    assert_eq!(text.signer, "La dichiarante");
    assert_eq!(text.reminders, [REMINDER_SIGN]);
    assert!(plain(&text.closing).contains("di essere informata"));
    assert!(text.privacy_notice[0].starts_with("Titolare del trattamento dei dati inseriti in questo modulo tramite il portale: Comune di Valdoria, Piazza del Municipio 1 (PEC protocollo@pec.comune.valdoria.it)."));
    assert!(text.privacy_notice[2].contains("rpd@comune.valdoria.it"));
}

#[test]
fn the_affidavit_asks_for_an_identity_document_and_prints_each_line() {
    let v = giulia(&[(
        "facts",
        "che l'immobile è abitato dal 2019\n\ncome seconda casa",
    )]);
    let text = compose(DeclarationKind::Affidavit, Some(&v), &privacy());
    assert_eq!(
        text.title,
        "DICHIARAZIONE SOSTITUTIVA DELL'ATTO DI NOTORIETÀ"
    );
    assert_eq!(text.basis, "(art. 47 D.P.R. 28 dicembre 2000, n. 445)");
    assert_eq!(text.statements.len(), 3);
    assert!(text
        .reminders
        .iter()
        .any(|r| r.contains("documento di identità")));
}

#[test]
fn blank_forms_print_lines_and_both_genders() {
    for kind in DeclarationKind::ALL {
        let text = compose(kind, None, &privacy());
        let declarant = plain(&text.declarant);
        assert!(
            declarant.starts_with("Il/La sottoscritto/a ____"),
            "{declarant}"
        );
        assert!(declarant.contains("nato/a a ____"));
        assert_eq!(text.signer, "Il/La dichiarante");
        assert!(!text.statements.is_empty());
    }
    let family = compose(DeclarationKind::Family, None, &privacy());
    assert_eq!(family.table.expect("table").rows.len(), 6);
}

#[test]
fn participles_agree_with_the_person_they_describe() {
    let v = giulia(&[
        ("relative", "padre"),
        ("deceased_surname", "BIANCHI"),
        ("deceased_name", "LUIGI"),
        ("deceased_sex", "M"),
        ("death_place", "VERONA (VR)"),
        ("death_date", "2020-02-03"),
    ]);
    let text = compose(DeclarationKind::RelativeDeath, Some(&v), &privacy());
    assert_eq!(
        plain(&text.statements),
        "che il proprio padre BIANCHI LUIGI è deceduto a VERONA (VR) il 03/02/2020."
    );
    let v = giulia(&[
        ("relative", "madre"),
        ("deceased_surname", "ROSSI"),
        ("deceased_name", "MARIA"),
        ("deceased_sex", "F"),
        ("deceased_birth_place", "Francia"),
        ("death_place", "Valdoria"),
        ("death_date", "2025-02-11"),
    ]);
    let text = compose(DeclarationKind::RelativeDeath, Some(&v), &privacy());
    assert_eq!(
        plain(&text.statements),
        "che la propria madre ROSSI MARIA, nata in FRANCIA, è deceduta a VALDORIA l'11/02/2025."
    );
    let v = giulia(&[("capacity", "tutore"), ("represented", "Verdi Carlo")]);
    let text = compose(DeclarationKind::LegalRepresentative, Some(&v), &privacy());
    assert_eq!(plain(&text.statements), "di essere tutrice di VERDI CARLO.");
    let v = giulia(&[
        ("civil_status", "married"),
        ("civil_status_detail", "con ROSSI MARIO dal 14/06/2008"),
    ]);
    let text = compose(DeclarationKind::CivilStatus, Some(&v), &privacy());
    assert_eq!(
        plain(&text.statements),
        "di trovarsi nel seguente stato civile: CONIUGATA, con ROSSI MARIO dal 14/06/2008."
    );
}

#[test]
fn optional_parts_are_left_out_when_not_given() {
    let text = compose(
        DeclarationKind::PoliticalRights,
        Some(&giulia(&[])),
        &privacy(),
    );
    assert_eq!(
        plain(&text.statements),
        "di godere dei diritti civili e politici."
    );
    let v = giulia(&[("electoral_municipality", "Valdoria")]);
    let text = compose(DeclarationKind::PoliticalRights, Some(&v), &privacy());
    assert_eq!(
        plain(&text.statements),
        "di godere dei diritti civili e politici e di essere iscritta nelle liste elettorali del Comune di VALDORIA."
    );
}

#[test]
fn the_family_table_lists_every_member() {
    let mut v = giulia(&[]);
    v.members = vec![Member {
        surname: "Rossi".into(),
        name: "Anna".into(),
        birth_date: "2010-09-05".into(),
        birth_place: "Mantova (MN)".into(),
        relationship: "figlia".into(),
    }];
    let text = compose(DeclarationKind::Family, Some(&v), &privacy());
    let table = text.table.expect("table");
    assert_eq!(
        table.rows,
        [["ROSSI ANNA", "MANTOVA (MN)", "05/09/2010", "FIGLIA"]]
    );
}

#[test]
fn a_qualification_keeps_both_endings_since_its_noun_is_typed() {
    let v = giulia(&[
        (
            "qualification",
            "abilitazione all'esercizio della professione di ingegnere",
        ),
        ("issuer", "Università degli Studi di Brescia"),
        ("year", "2021"),
    ]);
    let text = compose(
        DeclarationKind::ProfessionalQualification,
        Some(&v),
        &privacy(),
    );
    assert!(plain(&text.statements).ends_with(
        "abilitazione all'esercizio della professione di ingegnere, rilasciato/a da Università degli Studi di Brescia nell'anno 2021."
    ));
}

/// Every key the wording reads is a field of its form: with every field filled in, no
/// line to write on is left in what the declarant states.
#[test]
fn a_form_filled_in_full_leaves_no_line_to_write_on() {
    use crate::self_declarations::rules::fields::FieldKind;
    for kind in DeclarationKind::ALL {
        let mut v = Values::default();
        for field in kind.fields() {
            let sample = match field.kind {
                FieldKind::Text { .. } | FieldKind::LongText { .. } => "VALDORIA",
                FieldKind::Date => "2001-02-03",
                FieldKind::Year => "2001",
                FieldKind::Sex => "F",
                FieldKind::Choice(options) => options[0].code,
                FieldKind::FiscalCode => "BNCGLI82L41E897Q",
                FieldKind::VatNumber => "12345678903",
                FieldKind::Members => continue,
            };
            v.fields.insert(field.key.into(), sample.into());
        }
        let text = compose(kind, Some(&v), &privacy());
        let written = format!("{}\n{}", plain(&text.declarant), plain(&text.statements));
        assert!(!written.contains("__"), "{}: {written}", kind.code());
    }
}
