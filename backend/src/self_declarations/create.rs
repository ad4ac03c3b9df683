//! Checking, previewing and storing a self-declaration, and the public blank forms.

use chrono::{DateTime, NaiveDate, Utc};
use ring::rand::SecureRandom as _;
use sha2::{Digest as _, Sha256};

use super::layout;
use crate::audit::{self, actions, Actor, AuditEntry, Origin};
use crate::document::document_id;
use crate::document::{self, fonts};
use crate::platform::auth::AccountId;
use crate::platform::creation::{Creation, Fingerprinted};
use crate::platform::db::DbConnection;
use crate::platform::i18n::Text;
use crate::platform::settings::Settings;
use crate::platform::validation::FieldError;
use crate::self_declarations::rules::prefill::reconcile;
use crate::self_declarations::rules::prefill::Prefill;
use crate::self_declarations::rules::values;
use crate::self_declarations::rules::wording::{self, DeclarationText};
use crate::self_declarations::rules::{DeclarationKind, Values};
use crate::self_declarations::store::{
    self as repository, DeclarationRow, InsertOutcome, NewDeclaration,
};
use crate::self_declarations::Error;

/// Who is declaring.
pub struct Declarant<'a> {
    pub account_id: &'a AccountId,
    pub label: &'a str,
}

/// A declaration ready to print: the kind, the values in force, what the registry
/// said and which of its values the declarant changed.
pub struct Checked {
    pub kind: DeclarationKind,
    pub prefill: Prefill,
    pub values: Values,
    pub edited: Vec<&'static str>,
}

pub enum CreateOutcome {
    Created(DeclarationRow),
    /// The same idempotency key and body were seen before: the first declaration.
    Repeated(DeclarationRow),
}

pub fn kind(code: &str) -> Result<DeclarationKind, Error> {
    DeclarationKind::parse(code).ok_or_else(|| {
        Error::Invalid(vec![FieldError::text(
            "type",
            "Tipo di autocertificazione sconosciuto.",
            "Unknown kind of self-declaration.",
        )])
    })
}

fn invalid(issues: Vec<FieldError>) -> Error {
    Error::Invalid(issues)
}

/// Every value must print in the form's Latin alphabet (WinAnsi): better a named field
/// now than a form that cannot be drawn.
fn printable(values: &Values) -> Result<(), Error> {
    let mut issues = Vec::new();
    let mut check = |field: String, value: &str| {
        if let Err(e) = fonts::encode_winansi(value) {
            issues.push(FieldError {
                field,
                message: Text::new(
                    format!("Carattere non stampabile nel modulo: «{}».", e.character),
                    format!(
                        "Character that cannot be printed on the form: “{}”.",
                        e.character
                    ),
                ),
            });
        }
    };
    for (key, value) in &values.fields {
        check(key.clone(), value);
    }
    for (index, m) in values.members.iter().enumerate() {
        for (name, value) in [
            ("surname", &m.surname),
            ("name", &m.name),
            ("birth_place", &m.birth_place),
            ("relationship", &m.relationship),
        ] {
            check(format!("members[{index}].{name}"), value);
        }
    }
    if issues.is_empty() {
        Ok(())
    } else {
        Err(invalid(issues))
    }
}

/// Reconciles the submission with what the portal filled in and checks every field.
pub fn check(
    conn: &mut DbConnection,
    settings: &Settings,
    account_id: &AccountId,
    type_code: &str,
    submitted: &Values,
    today: NaiveDate,
) -> Result<Checked, Error> {
    let kind = kind(type_code)?;
    let prefill = super::prefill::load(conn, settings, account_id, kind, today)?;
    let (merged, edited) = reconcile(&prefill, submitted).map_err(invalid)?;
    let values = values::check(kind, &merged, today).map_err(invalid)?;
    printable(&values)?;
    Ok(Checked {
        kind,
        prefill,
        values,
        edited,
    })
}

pub fn compose(settings: &Settings, checked: &Checked) -> DeclarationText {
    wording::compose(
        checked.kind,
        Some(&checked.values),
        &layout::privacy_contacts(settings),
    )
}

impl Fingerprinted for DeclarationRow {
    fn request_fingerprint(&self) -> Option<&str> {
        self.request_fingerprint.as_deref()
    }
}

fn to_json(value: &impl serde::Serialize) -> Result<String, Error> {
    serde_json::to_string(value).map_err(|e| Error::Document(e.to_string()))
}

#[allow(clippy::too_many_arguments)]
pub fn create(
    conn: &mut DbConnection,
    settings: &Settings,
    declarant: &Declarant<'_>,
    origin: &Origin,
    type_code: &str,
    submitted: &Values,
    idempotency_key: Option<&str>,
    now: DateTime<Utc>,
) -> Result<CreateOutcome, Error> {
    // What tells two requests apart: the kind and the submitted values.
    let creation = Creation::new(
        idempotency_key,
        &(type_code, &submitted.fields, &submitted.members),
    );
    let find = |conn: &mut DbConnection, key: &str| {
        repository::find_by_idempotency_key(conn, declarant.account_id, key).map_err(Error::from)
    };
    if let Some(previous) = creation.earlier(conn, find)? {
        return Ok(CreateOutcome::Repeated(previous));
    }
    let today = crate::platform::italian_time::today(now);
    let checked = check(
        conn,
        settings,
        declarant.account_id,
        type_code,
        submitted,
        today,
    )?;
    let mut random = [0u8; 10];
    ring::rand::SystemRandom::new()
        .fill(&mut random)
        .map_err(|_| Error::Document("no system randomness".to_owned()))?;
    let id = document_id::format(random);
    let text = compose(settings, &checked);
    let doc = layout::document(settings, &text, Some(&id), now);
    let pdf = document::form_pdf(&doc, &random).map_err(|e| Error::Document(e.to_string()))?;
    let pdf_sha256 = crate::platform::hex::encode(&Sha256::digest(&pdf));
    let field = |key: &str| checked.values.get(key).unwrap_or_default().to_owned();
    let (surname, name, fiscal_code) = (field("surname"), field("name"), field("fiscal_code"));
    let values_json = to_json(&checked.values.fields)?;
    let members_json = to_json(&checked.values.members)?;
    let edited_json = to_json(&checked.edited)?;
    let row = NewDeclaration {
        id: &id,
        account_id: declarant.account_id,
        type_code: checked.kind.code(),
        declarant_surname: &surname,
        declarant_name: &name,
        declarant_fiscal_code: &fiscal_code,
        resident: checked.prefill.resident,
        values_json: &values_json,
        members_json: &members_json,
        edited_registry_fields: &edited_json,
        // What both databases keep, so the answer equals what a later read gives.
        created_at: crate::audit::chain::truncate_timestamp(now.naive_utc()),
        pdf_sha256: &pdf_sha256,
        pdf: &pdf,
        idempotency_key,
        request_fingerprint: Some(creation.fingerprint()),
    };
    let outcome = crate::platform::db::transaction(conn, |conn| {
        if repository::insert(conn, &row)? == InsertOutcome::IdempotencyKeyTaken {
            return Ok(InsertOutcome::IdempotencyKeyTaken);
        }
        let entry = AuditEntry {
            details: serde_json::json!({
                "self_declaration_id": id,
                "type": checked.kind.code(),
                "edited_registry_fields": checked.edited,
            }),
            ..AuditEntry::new(
                Actor {
                    id: Some(declarant.account_id),
                    label: declarant.label,
                },
                actions::SELF_DECLARATION_CREATED,
            )
        };
        audit::record(conn, origin, entry)?;
        Ok::<_, Error>(InsertOutcome::Inserted)
    })?;
    match outcome {
        InsertOutcome::Inserted => Ok(CreateOutcome::Created(row.row())),
        InsertOutcome::IdempotencyKeyTaken => {
            // A concurrent retry with the same key won the race: answer its declaration.
            let previous = creation.after_race(conn, |conn: &mut DbConnection, key: &str| {
                repository::find_by_idempotency_key(conn, declarant.account_id, key)
                    .map_err(Error::from)
            })?;
            Ok(CreateOutcome::Repeated(previous))
        }
    }
}

/// The blank form of `kind`, for anyone: lines to write on, both genders.
pub fn blank_pdf(
    settings: &Settings,
    kind: DeclarationKind,
    now: DateTime<Utc>,
) -> Result<Vec<u8>, Error> {
    let text = wording::compose(kind, None, &layout::privacy_contacts(settings));
    let doc = layout::document(settings, &text, None, now);
    let file_id = Sha256::digest(kind.code().as_bytes());
    document::form_pdf(&doc, &file_id[..16]).map_err(|e| Error::Document(e.to_string()))
}
