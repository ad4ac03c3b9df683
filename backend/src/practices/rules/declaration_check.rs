//! What a residence declaration still lacks or gets wrong, field by field, with the step
//! of the form where the field is. A draft may have issues; a submission may not.

use chrono::NaiveDate;

use super::declaration::{DeclaredPerson, MoveKind, Occupancy, ResidenceDeclaration};
use super::steps::Step;
use crate::platform::email::Email;
use crate::platform::i18n::Text;
use crate::registry::places;
use crate::registry::rules::fiscal_code::{describe, FiscalCode, PersonalData};

/// One thing to mend: the field's JSON path in the declaration, the step that shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Issue {
    pub field: String,
    pub step: Step,
    pub message: Text,
}

/// What the check needs to know besides the declaration.
pub struct Context<'a> {
    pub today: NaiveDate,
    /// Whether a street is on the municipality's street list.
    pub street_exists: &'a dyn Fn(&str) -> bool,
}

pub(super) struct Issues(pub(super) Vec<Issue>);

impl Issues {
    pub(super) fn add(&mut self, field: impl Into<String>, step: Step, it: &str, en: &str) {
        self.0.push(Issue {
            field: field.into(),
            step,
            message: Text::new(it, en),
        });
    }

    pub(super) fn required(&mut self, value: &str, field: impl Into<String>, step: Step) {
        if value.trim().is_empty() {
            self.add(field, step, "Campo obbligatorio.", "Required field.");
        }
    }
}

pub fn check(declaration: &ResidenceDeclaration, context: &Context<'_>) -> Vec<Issue> {
    let mut issues = Issues(Vec::new());
    check_kind(declaration, &mut issues);
    check_persons(declaration, context, &mut issues);
    check_address(declaration, context, &mut issues);
    check_occupancy(&declaration.occupancy, context.today, &mut issues);
    if let Some(resident) = &declaration.existing_resident {
        issues.required(
            &resident.surname,
            "existing_resident.surname",
            Step::Dwelling,
        );
        issues.required(&resident.name, "existing_resident.name", Step::Dwelling);
        if !resident.fiscal_code.trim().is_empty() {
            if let Err(error) = FiscalCode::parse(&resident.fiscal_code) {
                let text = describe(&error);
                issues.add(
                    "existing_resident.fiscal_code",
                    Step::Dwelling,
                    &text.it,
                    &text.en,
                );
            }
        }
    }
    check_contacts(declaration, &mut issues);
    issues.0
}

fn check_kind(declaration: &ResidenceDeclaration, issues: &mut Issues) {
    let step = Step::Applicant;
    let Some(kind) = declaration.kind else {
        issues.add(
            "kind",
            step,
            "Indicare il tipo di dichiarazione.",
            "Choose the kind of declaration.",
        );
        return;
    };
    let place = places::by_code(declaration.previous_place_code.trim());
    match kind {
        MoveKind::Other => issues.required(&declaration.other_kind, "other_kind", step),
        MoveKind::FromOtherMunicipality
            if !place.is_some_and(|p| p.code.starts_with(|c| c != 'Z')) =>
        {
            issues.add(
                "previous_place_code",
                step,
                "Indicare il Comune di provenienza.",
                "Give the municipality you come from.",
            )
        }
        MoveKind::FromAbroad => {
            if !place.is_some_and(|p| p.code.starts_with('Z')) {
                issues.add(
                    "previous_place_code",
                    step,
                    "Indicare lo Stato estero di provenienza.",
                    "Give the country you come from.",
                );
            }
            issues.required(
                &declaration.previous_address_abroad,
                "previous_address_abroad",
                step,
            );
        }
        _ => {}
    }
}

fn check_persons(declaration: &ResidenceDeclaration, context: &Context<'_>, issues: &mut Issues) {
    let applicants = declaration.persons.iter().filter(|p| p.applicant).count();
    if applicants != 1 {
        issues.add(
            "persons",
            Step::Applicant,
            "La dichiarazione ha un solo richiedente.",
            "The declaration has exactly one applicant.",
        );
    }
    if declaration.movers().next().is_none() {
        issues.add(
            "persons",
            Step::Movers,
            "Indicare almeno una persona che trasferisce la residenza.",
            "Choose at least one person who moves.",
        );
    }
    if declaration.whole_family
        && declaration
            .persons
            .iter()
            .any(|p| p.registry_person_id.is_some() && !p.moves)
    {
        issues.add(
            "whole_family",
            Step::Movers,
            "Con «intero nucleo familiare» si trasferiscono tutti i componenti.",
            "With \"whole family\" every member moves.",
        );
    }
    for (index, person) in declaration.persons.iter().enumerate() {
        let path = format!("persons[{index}]");
        let step = if person.applicant {
            Step::Applicant
        } else {
            Step::Movers
        };
        if person.applicant || person.moves {
            check_person(person, &path, step, context.today, issues);
        }
        if person.moves {
            super::licences::check(person, &path, context.today, issues);
        }
        let duplicate = declaration.persons[..index].iter().any(|other| {
            !person.fiscal_code.trim().is_empty()
                && other
                    .fiscal_code
                    .trim()
                    .eq_ignore_ascii_case(person.fiscal_code.trim())
        });
        if duplicate {
            issues.add(
                format!("{path}.fiscal_code"),
                step,
                "Questa persona è già nella dichiarazione.",
                "This person is already in the declaration.",
            );
        }
    }
}

fn check_person(
    person: &DeclaredPerson,
    path: &str,
    step: Step,
    today: NaiveDate,
    issues: &mut Issues,
) {
    issues.required(&person.surname, format!("{path}.surname"), step);
    issues.required(&person.name, format!("{path}.name"), step);
    if person.sex.is_none() {
        issues.add(
            format!("{path}.sex"),
            step,
            "Indicare il sesso.",
            "Give the sex.",
        );
    }
    match person.birth_date {
        None => issues.add(
            format!("{path}.birth_date"),
            step,
            "Indicare la data di nascita.",
            "Give the date of birth.",
        ),
        Some(date) if date > today => issues.add(
            format!("{path}.birth_date"),
            step,
            "La data di nascita non può essere futura.",
            "The date of birth cannot be in the future.",
        ),
        Some(_) => {}
    }
    if places::by_code(person.birth_place_code.trim()).is_none() {
        issues.add(
            format!("{path}.birth_place_code"),
            step,
            "Indicare il Comune o lo Stato di nascita.",
            "Give the municipality or country of birth.",
        );
    }
    if person.citizenship.is_none() {
        issues.add(
            format!("{path}.citizenship"),
            step,
            "Indicare la cittadinanza.",
            "Give the citizenship.",
        );
    }
    if !person.applicant && person.relationship.is_none() {
        issues.add(
            format!("{path}.relationship"),
            step,
            "Indicare il rapporto con il richiedente.",
            "Give the relationship to the applicant.",
        );
    }
    let field = format!("{path}.fiscal_code");
    match FiscalCode::parse(person.fiscal_code.trim()) {
        Err(error) => {
            let text = describe(&error);
            issues.add(field, step, &text.it, &text.en);
        }
        Ok(code) => {
            let (Some(sex), Some(birth_date)) = (person.sex, person.birth_date) else {
                return;
            };
            let data = PersonalData {
                surname: &person.surname,
                name: &person.name,
                sex,
                birth_date,
                birth_place_code: person.birth_place_code.trim(),
            };
            if person.registry_person_id.is_none() && !code.matches(&data) {
                issues.add(
                    field,
                    step,
                    "Il codice fiscale non corrisponde a cognome, nome, sesso, data e luogo di nascita indicati.",
                    "The codice fiscale does not match the surname, name, sex, date and place of birth given.",
                );
            }
        }
    }
}

fn check_address(declaration: &ResidenceDeclaration, context: &Context<'_>, issues: &mut Issues) {
    let step = Step::Dwelling;
    let address = &declaration.address;
    if address.street.trim().is_empty() {
        issues.required("", "address.street", step);
    } else if !(context.street_exists)(address.street.trim()) {
        issues.add(
            "address.street",
            step,
            "La via non è nello stradario del Comune: sceglierla dall'elenco.",
            "The street is not in the municipality's street list: choose it from the list.",
        );
    }
    let number = address.house_number.trim();
    let valid_number = number
        .split_once('/')
        .map_or(number, |(n, _)| n)
        .trim_end_matches(|c: char| c.is_ascii_alphabetic())
        .parse::<u32>()
        .is_ok_and(|n| n > 0)
        && number.len() <= 10;
    if !valid_number {
        issues.add(
            "address.house_number",
            step,
            "Indicare il numero civico (ad esempio 12, 12A o 12/3).",
            "Give the house number (e.g. 12, 12A or 12/3).",
        );
    }
}

fn check_occupancy(occupancy: &Occupancy, today: NaiveDate, issues: &mut Issues) {
    let step = Step::Dwelling;
    let Some(title) = occupancy.title else {
        issues.add(
            "occupancy.title",
            step,
            "Indicare il titolo di occupazione dell'abitazione.",
            "Give the title by which you occupy the dwelling.",
        );
        return;
    };
    if title == super::declaration::OccupancyTitle::Other {
        issues.required(&occupancy.other_title, "occupancy.other_title", step);
    }
    if title.needs_registration() {
        issues.required(
            &occupancy.registration_office,
            "occupancy.registration_office",
            step,
        );
        issues.required(
            &occupancy.registration_number,
            "occupancy.registration_number",
            step,
        );
        if occupancy.registration_date.is_none_or(|d| d > today) {
            issues.add(
                "occupancy.registration_date",
                step,
                "Indicare la data di registrazione del contratto (non futura).",
                "Give the date the contract was registered (not in the future).",
            );
        }
    }
    if title.needs_cadastre() {
        issues.required(
            &occupancy.cadastral_sheet,
            "occupancy.cadastral_sheet",
            step,
        );
        issues.required(
            &occupancy.cadastral_parcel,
            "occupancy.cadastral_parcel",
            step,
        );
    }
}

fn check_contacts(declaration: &ResidenceDeclaration, issues: &mut Issues) {
    let step = Step::Applicant;
    let contacts = &declaration.contacts;
    if Email::parse(contacts.email.trim()).is_err() {
        issues.add(
            "contacts.email",
            step,
            "Indicare un indirizzo e-mail valido: vi arriveranno le comunicazioni sulla pratica.",
            "Give a valid e-mail address: news about the practice are sent there.",
        );
    }
    if !contacts.pec.trim().is_empty() && Email::parse(contacts.pec.trim()).is_err() {
        issues.add(
            "contacts.pec",
            step,
            "Indirizzo PEC non valido.",
            "Invalid PEC address.",
        );
    }
    for (field, value) in [
        ("contacts.phone", &contacts.phone),
        ("contacts.mobile", &contacts.mobile),
    ] {
        let digits = value.chars().filter(char::is_ascii_digit).count();
        let allowed = value
            .chars()
            .all(|c| c.is_ascii_digit() || " +-/().".contains(c));
        if !value.trim().is_empty() && (!allowed || !(6..=15).contains(&digits)) {
            issues.add(
                field,
                step,
                "Numero di telefono non valido.",
                "Invalid telephone number.",
            );
        }
    }
}

#[cfg(test)]
#[path = "declaration_check_tests.rs"]
mod tests;
