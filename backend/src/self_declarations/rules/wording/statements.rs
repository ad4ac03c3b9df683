//! What each kind of declaration states after "DICHIARA": one "di …"/"che …" clause per
//! fact, the family's table, the declarant's own lines of text.

use chrono::NaiveDate;

use super::super::catalogue::DeclarationKind;
use super::super::fields::CIVIL_STATUSES;
use super::agreement::{agree, capacity, civil_status_label, ending, relative};
use super::form::{line, Form, LONG, MEDIUM, SHORT};
use crate::document::printable::{format_date, Paragraph, Run, Table};
use crate::registry::rules::sex::Sex;
use crate::registry::rules::vocabulary::CivilStatus;

fn para(runs: Vec<Run>) -> Paragraph {
    Paragraph(runs)
}

fn n(text: impl Into<String>) -> Run {
    Run::normal(text)
}

/// The clauses of `kind`, and the table of the family's members for a family.
pub(super) fn of(
    kind: DeclarationKind,
    f: &Form<'_>,
    sex: Option<Sex>,
) -> (Vec<Paragraph>, Option<Table>) {
    use DeclarationKind as K;
    let e = ending(sex);
    let one = |runs: Vec<Run>| (vec![para(runs)], None);
    match kind {
        K::Birth => one(vec![
            n(format!("di essere nat{e} {} ", f.prep("birth_place"))),
            f.upper("birth_place", MEDIUM),
            n(format!(" {}", f.art("birth_date"))),
            f.date("birth_date"),
            n("."),
        ]),
        K::Residence => one(vec![
            n(format!("di essere residente {} ", f.prep("residence_municipality"))),
            f.upper("residence_municipality", MEDIUM),
            n(" in "),
            f.upper("residence_address", LONG),
            n("."),
        ]),
        K::Citizenship => one(vec![
            n("di possedere la seguente cittadinanza: "),
            f.upper("citizenship", MEDIUM),
            n("."),
        ]),
        K::PoliticalRights => {
            let mut runs = vec![n("di godere dei diritti civili e politici")];
            if f.optional("electoral_municipality") {
                runs.push(n(format!(
                    " e di essere iscritt{e} nelle liste elettorali del Comune di "
                )));
                runs.push(f.upper("electoral_municipality", MEDIUM));
            }
            runs.push(n("."));
            one(runs)
        }
        K::CivilStatus => {
            let status = match f.raw("civil_status").and_then(CivilStatus::parse) {
                Some(status) => Run::bold(civil_status_label(status, sex)),
                None if f.blank() => n(format!(
                    "{} ({})",
                    "_".repeat(MEDIUM),
                    CIVIL_STATUSES
                        .iter()
                        .map(|c| c.label.it)
                        .take(5)
                        .collect::<Vec<_>>()
                        .join(", ")
                )),
                None => line(MEDIUM),
            };
            let mut runs = vec![n("di trovarsi nel seguente stato civile: "), status];
            if f.raw("civil_status_detail").is_some() {
                runs.push(n(", "));
                runs.push(f.text("civil_status_detail", LONG));
            } else if f.blank() {
                runs.push(n(" "));
                runs.push(line(LONG));
            }
            runs.push(n("."));
            one(runs)
        }
        K::Family => {
            let rows = match f.values {
                Some(values) => values
                    .members
                    .iter()
                    .map(|m| {
                        vec![
                            format!("{} {}", m.surname.to_uppercase(), m.name.to_uppercase()),
                            m.birth_place.to_uppercase(),
                            NaiveDate::parse_from_str(&m.birth_date, "%Y-%m-%d")
                                .map(format_date)
                                .unwrap_or_default(),
                            m.relationship.to_uppercase(),
                        ]
                    })
                    .collect(),
                None => vec![vec![String::new(); 4]; 6],
            };
            (
                vec![para(vec![n(
                    "che la propria famiglia anagrafica, compreso il dichiarante, è composta come segue:",
                )])],
                Some(Table {
                    columns: vec![
                        "Cognome e nome".to_owned(),
                        "Luogo di nascita".to_owned(),
                        "Data di nascita".to_owned(),
                        "Rapporto di parentela".to_owned(),
                    ],
                    rows,
                }),
            )
        }
        K::Alive => one(vec![n(
            "di essere in vita alla data di sottoscrizione della presente dichiarazione.",
        )]),
        K::ChildBirth => {
            let child = f.sex("child_sex");
            one(vec![
                n(format!(
                    "che {} ",
                    agree(child, "il proprio figlio", "la propria figlia", "il/la proprio/a figlio/a")
                )),
                f.upper("child_surname", MEDIUM),
                n(" "),
                f.upper("child_name", MEDIUM),
                n(format!(" è nat{} {} ", ending(child), f.prep("child_birth_place"))),
                f.upper("child_birth_place", MEDIUM),
                n(format!(" {}", f.art("child_birth_date"))),
                f.date("child_birth_date"),
                n("."),
            ])
        }
        K::RelativeDeath => {
            let deceased = f.sex("deceased_sex");
            let e2 = ending(deceased);
            let mut runs = vec![
                n(format!("che {} ", relative(f.raw("relative"), deceased))),
                f.upper("deceased_surname", MEDIUM),
                n(" "),
                f.upper("deceased_name", MEDIUM),
            ];
            let born_in = f.optional("deceased_birth_place");
            let born_on = f.optional("deceased_birth_date");
            if born_in || born_on {
                runs.push(n(format!(", nat{e2}")));
                if born_in {
                    runs.push(n(format!(" {} ", f.prep("deceased_birth_place"))));
                    runs.push(f.upper("deceased_birth_place", MEDIUM));
                }
                if born_on {
                    runs.push(n(format!(" {}", f.art("deceased_birth_date"))));
                    runs.push(f.date("deceased_birth_date"));
                }
                runs.push(n(","));
            }
            runs.extend([
                n(format!(" è decedut{e2} {} ", f.prep("death_place"))),
                f.upper("death_place", MEDIUM),
                n(format!(" {}", f.art("death_date"))),
                f.date("death_date"),
                n("."),
            ]);
            one(runs)
        }
        K::Education => {
            let mut runs = vec![
                n("di essere in possesso del seguente titolo di studio: "),
                f.text("degree", LONG),
                n(", conseguito presso "),
                f.text("school", LONG),
                n(" nell'anno "),
                f.text("year", 6),
            ];
            if f.optional("grade") {
                runs.push(n(", con la votazione di "));
                runs.push(f.text("grade", SHORT));
            }
            runs.push(n("."));
            one(runs)
        }
        K::ProfessionalQualification => one(vec![
            n("di essere in possesso della seguente qualifica professionale o del seguente titolo di specializzazione, di abilitazione, di formazione o di qualificazione tecnica: "),
            f.text("qualification", LONG),
            // The noun is the declarant's own ("abilitazione", "diploma"): both endings.
            n(", rilasciato/a da "),
            f.text("issuer", LONG),
            n(" nell'anno "),
            f.text("year", 6),
            n("."),
        ]),
        K::Income => {
            let mut statements = vec![para(vec![
                n("che la propria situazione reddituale o economica relativa all'anno "),
                f.text("year", 6),
                n(" è la seguente:"),
            ])];
            statements.extend(lines_of(f, "situation", 4));
            (statements, None)
        }
        K::FiscalCode => {
            let mut runs = vec![
                n("di essere in possesso del codice fiscale "),
                f.upper("fiscal_code", MEDIUM),
            ];
            if f.optional("vat_number") {
                runs.push(n(if f.blank() {
                    " e (eventuale) della partita IVA n. "
                } else {
                    " e della partita IVA n. "
                }));
                runs.push(f.text("vat_number", MEDIUM));
            }
            runs.push(n("."));
            one(runs)
        }
        K::PublicRegister => {
            let mut runs = vec![
                n(format!("di essere iscritt{e} nel seguente albo, elenco od ordine: ")),
                f.text("register", LONG),
                n(", tenuto da "),
                f.text("authority", LONG),
            ];
            if f.optional("number") {
                runs.push(n(", con il numero "));
                runs.push(f.text("number", SHORT));
            }
            if f.optional("since") {
                runs.push(n(if f.art("since") == "l'" {
                    ", dall'"
                } else {
                    ", dal "
                }));
                runs.push(f.date("since"));
            }
            runs.push(n("."));
            one(runs)
        }
        K::LegalRepresentative => {
            let mut runs = vec![
                n("di essere "),
                match f.raw("capacity") {
                    Some(code) => Run::bold(capacity(code, sex)),
                    None => n(format!(
                        "{} (legale rappresentante, tutore, curatore, amministratore di sostegno)",
                        "_".repeat(MEDIUM)
                    )),
                },
                n(" di "),
                f.upper("represented", LONG),
            ];
            if f.optional("represented_code") {
                runs.push(n(", codice fiscale o partita IVA "));
                runs.push(f.upper("represented_code", MEDIUM));
            }
            if f.optional("represented_seat") {
                runs.push(n(", con sede o residenza in "));
                runs.push(f.upper("represented_seat", LONG));
            }
            runs.push(n("."));
            one(runs)
        }
        K::NoCriminalRecord => one(vec![n(format!(
            "di non aver riportato condanne penali e di non essere destinatari{e} di provvedimenti che riguardano l'applicazione di misure di sicurezza e di misure di prevenzione, di decisioni civili e di provvedimenti amministrativi iscritti nel casellario giudiziale ai sensi della vigente normativa."
        ))]),
        K::NoPendingCharges => one(vec![n(format!(
            "di non essere a conoscenza di essere sottopost{e} a procedimenti penali."
        ))]),
        K::Affidavit => {
            let mut statements = vec![para(vec![n("che:")])];
            statements.extend(lines_of(f, "facts", 10));
            (statements, None)
        }
    }
}

/// A long text as one paragraph per line, or `blank_lines` lines to write on.
fn lines_of(f: &Form<'_>, key: &str, blank_lines: usize) -> Vec<Paragraph> {
    match f.raw(key) {
        Some(text) => text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(|l| para(vec![Run::bold(l)]))
            .collect(),
        None => (0..blank_lines).map(|_| para(vec![line(80)])).collect(),
    }
}
