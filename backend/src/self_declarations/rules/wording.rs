//! The text of each self-declaration, in the wording Italian forms use: who declares,
//! the art. 76 warning, "DICHIARA", one "di …"/"che …" clause per fact, the GDPR
//! sentence, place and date, the signature, the reminders and notes. Blank forms print
//! a line where each value goes and both genders ("Il/La sottoscritto/a").

use chrono::NaiveDate;

use super::catalogue::{Article, DeclarationKind};
use super::fields::CIVIL_STATUSES;
use super::values::Values;
use crate::document::printable::date_article;
use crate::document::printable::format_date;
use crate::document::printable::{Paragraph, Run, Table};
use crate::registry::rules::place_labels;
use crate::registry::rules::sex::Sex;
use crate::registry::rules::vocabulary::CivilStatus;

/// Everything printed on the form except the header and the page footer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeclarationText {
    /// "DICHIARAZIONE SOSTITUTIVA DI CERTIFICAZIONE".
    pub title: String,
    /// "(art. 46 D.P.R. 28 dicembre 2000, n. 445)".
    pub basis: String,
    /// The kind's name: "Dichiarazione di residenza".
    pub subject: String,
    /// "Il sottoscritto … consapevole delle sanzioni penali …".
    pub declarant: Vec<Paragraph>,
    /// "DICHIARA".
    pub keyword: String,
    pub statements: Vec<Paragraph>,
    pub table: Option<Table>,
    /// The GDPR sentence the declarant signs too.
    pub closing: Vec<Paragraph>,
    pub place_and_date: String,
    /// "Il dichiarante", "La dichiarante", "Il/La dichiarante".
    pub signer: String,
    /// What must be done before handing it over: sign it; for art. 47, attach an ID copy.
    pub reminders: Vec<String>,
    /// Stamp duty, obligation to accept, validity.
    pub notes: Vec<String>,
    pub privacy_title: String,
    pub privacy_notice: Vec<String>,
}

/// Who processes the data the form holds (art. 13 GDPR).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PrivacyContacts<'a> {
    pub controller: &'a str,
    pub controller_pec: &'a str,
    pub dpo_email: &'a str,
}

pub const WARNING_ART_76: &str = "consapevole delle sanzioni penali previste dall'art. 76 del D.P.R. 28 dicembre 2000, n. 445, per le ipotesi di falsità in atti e di dichiarazioni mendaci, e della decadenza dai benefici eventualmente conseguiti sulla base di dichiarazioni non veritiere prevista dall'art. 75 del medesimo decreto, sotto la propria responsabilità";

pub const REMINDER_SIGN: &str = "La presente dichiarazione deve essere stampata e firmata dal dichiarante prima di essere consegnata al destinatario.";
pub const REMINDER_IDENTITY_DOCUMENT: &str = "Alla dichiarazione sostitutiva dell'atto di notorietà va allegata copia fotostatica non autenticata di un documento di identità in corso di validità del dichiarante, salvo che sia firmata in presenza del dipendente addetto a riceverla (art. 38, comma 3, D.P.R. 445/2000).";

const NOTES: [&str; 3] = [
    "Esente dall'imposta di bollo (art. 37, comma 1, D.P.R. 445/2000).",
    "Le pubbliche amministrazioni e i gestori di pubblici servizi sono tenuti ad accettare la presente dichiarazione: il rifiuto costituisce violazione dei doveri d'ufficio (art. 74, comma 1, D.P.R. 445/2000); i privati che vi consentono possono accettarla (art. 2). L'amministrazione che la riceve può effettuare controlli sulla veridicità di quanto dichiarato (art. 71).",
    "La dichiarazione ha la stessa validità temporale dell'atto che sostituisce (art. 48, comma 1, D.P.R. 445/2000).",
];

/// The form of `kind`; `values` is `None` for the public blank form.
pub fn compose(
    kind: DeclarationKind,
    values: Option<&Values>,
    privacy: &PrivacyContacts<'_>,
) -> DeclarationText {
    let form = Form { values };
    let sex = form.sex("sex");
    let article = kind.article();
    let (title, basis) = match article {
        Article::Art46 => (
            "DICHIARAZIONE SOSTITUTIVA DI CERTIFICAZIONE",
            format!(
                "(art. 46, comma 1, lett. {}, D.P.R. 28 dicembre 2000, n. 445)",
                kind.info().letter.unwrap_or_default()
            ),
        ),
        Article::Art47 => (
            "DICHIARAZIONE SOSTITUTIVA DELL'ATTO DI NOTORIETÀ",
            "(art. 47 D.P.R. 28 dicembre 2000, n. 445)".to_owned(),
        ),
    };
    let (statements, table) = statements(kind, &form, sex);
    let mut reminders = vec![REMINDER_SIGN.to_owned()];
    if article == Article::Art47 {
        reminders.push(REMINDER_IDENTITY_DOCUMENT.to_owned());
    }
    DeclarationText {
        title: title.to_owned(),
        basis,
        subject: kind.info().name.it.to_owned(),
        declarant: declarant(&form, sex),
        keyword: "DICHIARA".to_owned(),
        statements,
        table,
        closing: vec![Paragraph(vec![Run::normal(format!(
            "Dichiara inoltre di essere {} che i dati personali raccolti saranno trattati, anche con strumenti informatici, esclusivamente nell'ambito del procedimento per il quale la presente dichiarazione viene resa (art. 13 del Regolamento (UE) 2016/679).",
            agree(sex, "informato", "informata", "informato/a")
        ))])],
        place_and_date: "Luogo e data ______________________________".to_owned(),
        signer: agree(sex, "Il dichiarante", "La dichiarante", "Il/La dichiarante").to_owned(),
        reminders,
        notes: NOTES.iter().map(|n| (*n).to_owned()).collect(),
        privacy_title: "Informativa sul trattamento dei dati personali (art. 13 del Regolamento (UE) 2016/679)".to_owned(),
        privacy_notice: privacy_notice(privacy),
    }
}

fn privacy_notice(p: &PrivacyContacts<'_>) -> Vec<String> {
    vec![
        format!(
            "Titolare del trattamento dei dati inseriti in questo modulo tramite il portale: {} (PEC {}). I dati sono trattati per predisporre la dichiarazione, conservarla nell'archivio personale del dichiarante e, se questi lo chiede, inviarla per posta elettronica, nell'esecuzione di un compito di interesse pubblico (art. 6, par. 1, lett. e, del Regolamento) di semplificazione della documentazione amministrativa (D.P.R. 445/2000).",
            p.controller, p.controller_pec
        ),
        "I dati sono trattati con strumenti informatici dal personale autorizzato, non sono diffusi né comunicati ad altri se non ai destinatari indicati dal dichiarante, e sono conservati per il tempo previsto dalle norme sulla conservazione dei documenti amministrativi. Chi riceve la dichiarazione tratta i dati come titolare autonomo, per il procedimento per il quale è resa.".to_owned(),
        format!(
            "L'interessato può chiedere l'accesso ai dati, la rettifica, la cancellazione o la limitazione del trattamento, e opporsi al trattamento (artt. 15-22 del Regolamento), rivolgendosi al titolare o al responsabile della protezione dei dati ({}); può proporre reclamo al Garante per la protezione dei dati personali (art. 77).",
            p.dpo_email
        ),
    ]
}

/// Reads values, or prints the line to write them on when the form is blank.
struct Form<'a> {
    values: Option<&'a Values>,
}

const SHORT: usize = 12;
const MEDIUM: usize = 22;
const LONG: usize = 34;

impl Form<'_> {
    fn blank(&self) -> bool {
        self.values.is_none()
    }

    fn raw(&self, key: &str) -> Option<&str> {
        self.values.and_then(|v| v.get(key))
    }

    /// The value in capitals, as names and places are printed, or a line.
    fn upper(&self, key: &str, width: usize) -> Run {
        match self.raw(key) {
            Some(v) => Run::bold(v.to_uppercase()),
            None => line(width),
        }
    }

    /// The value as written (titles, schools, free text), or a line.
    fn text(&self, key: &str, width: usize) -> Run {
        match self.raw(key) {
            Some(v) => Run::bold(v),
            None => line(width),
        }
    }

    fn date(&self, key: &str) -> Run {
        match self
            .raw(key)
            .and_then(|v| NaiveDate::parse_from_str(v, "%Y-%m-%d").ok())
        {
            Some(d) => Run::bold(format_date(d)),
            None => line(SHORT),
        }
    }

    /// "a" before a municipality, "in" before a foreign state (and on a blank form, "a").
    fn prep(&self, key: &str) -> &'static str {
        self.raw(key).map_or("a", place_labels::preposition)
    }

    /// "il " before a date, "l'" before the 8th and the 11th.
    fn art(&self, key: &str) -> &'static str {
        self.raw(key)
            .and_then(|v| NaiveDate::parse_from_str(v, "%Y-%m-%d").ok())
            .map_or("il ", date_article)
    }

    fn sex(&self, key: &str) -> Option<Sex> {
        self.raw(key).and_then(Sex::parse)
    }

    /// An optional part: printed when given, or on the blank form as a line to fill.
    fn optional(&self, key: &str) -> bool {
        self.blank() || self.raw(key).is_some()
    }
}

fn line(width: usize) -> Run {
    Run::normal("_".repeat(width))
}

fn agree<'s>(sex: Option<Sex>, male: &'s str, female: &'s str, either: &'s str) -> &'s str {
    match sex {
        Some(Sex::M) => male,
        Some(Sex::F) => female,
        None => either,
    }
}

/// "o", "a" or "o/a": the ending of a participle that agrees with `sex`.
fn ending(sex: Option<Sex>) -> &'static str {
    agree(sex, "o", "a", "o/a")
}

fn declarant(form: &Form<'_>, sex: Option<Sex>) -> Vec<Paragraph> {
    let runs = vec![
        Run::normal(format!(
            "{} ",
            agree(
                sex,
                "Il sottoscritto",
                "La sottoscritta",
                "Il/La sottoscritto/a"
            )
        )),
        form.upper("surname", MEDIUM),
        Run::normal(" "),
        form.upper("name", MEDIUM),
        Run::normal(format!(
            ", nat{} {} ",
            ending(sex),
            form.prep("birth_place")
        )),
        form.upper("birth_place", MEDIUM),
        Run::normal(format!(" {}", form.art("birth_date"))),
        form.date("birth_date"),
        Run::normal(format!(
            ", residente {} ",
            form.prep("residence_municipality")
        )),
        form.upper("residence_municipality", MEDIUM),
        Run::normal(" in "),
        form.upper("residence_address", LONG),
        Run::normal(", codice fiscale "),
        form.upper("fiscal_code", MEDIUM),
        Run::normal(","),
    ];
    vec![
        Paragraph(runs),
        Paragraph(vec![Run::normal(WARNING_ART_76)]),
    ]
}

fn para(runs: Vec<Run>) -> Paragraph {
    Paragraph(runs)
}

fn n(text: impl Into<String>) -> Run {
    Run::normal(text)
}

fn statements(
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

fn civil_status_label(status: CivilStatus, sex: Option<Sex>) -> String {
    match sex {
        Some(sex) => status.label_it(sex).to_owned(),
        None => CIVIL_STATUSES
            .iter()
            .find(|c| c.code == status.as_str())
            .map(|c| c.label.it.to_uppercase())
            .unwrap_or_default(),
    }
}

/// "il proprio padre", "la propria coniuge", …
fn relative(code: Option<&str>, sex: Option<Sex>) -> String {
    let own = agree(sex, "il proprio", "la propria", "il/la proprio/a");
    match code {
        Some("coniuge") => format!("{own} coniuge"),
        Some("parte_unione_civile") => "la parte dell'unione civile".to_owned(),
        Some("padre") => "il proprio padre".to_owned(),
        Some("madre") => "la propria madre".to_owned(),
        Some("nonno") => "il proprio nonno".to_owned(),
        Some("nonna") => "la propria nonna".to_owned(),
        Some("figlio") => "il proprio figlio".to_owned(),
        Some("figlia") => "la propria figlia".to_owned(),
        Some("nipote") => format!("{own} nipote"),
        _ => format!("{own} {}", "_".repeat(SHORT)),
    }
}

fn capacity(code: &str, sex: Option<Sex>) -> String {
    let female = sex == Some(Sex::F);
    match code {
        "legale_rappresentante" => "legale rappresentante",
        "tutore" if female => "tutrice",
        "tutore" => "tutore",
        "curatore" if female => "curatrice",
        "curatore" => "curatore",
        "amministratore_sostegno" if female => "amministratrice di sostegno",
        "amministratore_sostegno" => "amministratore di sostegno",
        other => other,
    }
    .to_owned()
}

#[cfg(test)]
#[path = "wording_tests.rs"]
mod tests;
