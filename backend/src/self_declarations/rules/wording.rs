//! The text of each self-declaration, in the wording Italian forms use: who declares,
//! the art. 76 warning, "DICHIARA", one "di …"/"che …" clause per fact, the GDPR
//! sentence, place and date, the signature, the reminders and notes. Blank forms print
//! a line where each value goes and both genders ("Il/La sottoscritto/a").

mod agreement;
mod form;
mod statements;

use super::catalogue::{Article, DeclarationKind};
use super::values::Values;
use crate::document::printable::{Paragraph, Run, Table};
use crate::registry::rules::sex::Sex;
use agreement::{agree, ending};
use form::{Form, LONG, MEDIUM};

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
    let (statements, table) = statements::of(kind, &form, sex);
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

#[cfg(test)]
#[path = "wording_tests.rs"]
mod tests;
