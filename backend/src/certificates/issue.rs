//! Issuing one certificate, from the request to the stored signed PDF.
//!
//! Order matters for correctness under concurrency: everything that can be checked is
//! checked first; the PDF is rendered and signed outside any transaction; then one
//! short transaction inserts it and appends the audit entry. The database's unique
//! indexes decide the races (one marca da bollo, one certificate per idempotency key).

use chrono::Utc;
use ring::rand::SecureRandom;
use serde::Serialize;

use super::keyring::Keyring;
use crate::audit::{self, actions, Actor, AuditEntry, Origin};
use crate::certificates::rules::eligibility;
use crate::certificates::rules::stamp::check_request;
use crate::certificates::rules::stamp::{StampInput, UsageRequest};
use crate::certificates::rules::status::{CertificateStatus, RequesterRelation};
use crate::certificates::rules::types::CertificateType;
use crate::certificates::rules::usages::Usage;
use crate::certificates::rules::valid_until;
use crate::certificates::rules::wording;
use crate::certificates::store::certificates::{
    self as repository, CertificateMeta, InsertOutcome, NewCertificate,
};
use crate::certificates::Error;
use crate::document::document_id;
use crate::document::{self, SealSubject};
use crate::platform::auth::AccountId;
use crate::platform::creation::{Creation, Fingerprinted};
use crate::platform::db::DbConnection;
use crate::platform::settings::Settings;
use crate::platform::validation::FieldError;
use crate::registry;
use crate::registry::rules::third_party::check_reason;
use crate::webhooks::{self, publish::CertificateEvent, EventType};

/// Who asks.
pub struct Requester<'a> {
    pub account_id: &'a AccountId,
    pub label: &'a str,
    /// An operator of the registry office (`registry.read`): issues for anyone.
    pub is_office: bool,
}

/// Where the time of one issue went (exported as a Prometheus histogram).
#[derive(Debug, Clone, Copy)]
pub struct Phases {
    /// Reading the subject and the family, and every check.
    pub registry: std::time::Duration,
    /// Wording, PDF, QR, seal and PAdES signature.
    pub document: std::time::Duration,
    /// The insert and the audit entry.
    pub store: std::time::Duration,
}

/// What is asked, as typed; everything is checked here. Serialized in this field
/// order to fingerprint the request for `Idempotency-Key`.
#[derive(Debug, Clone, Serialize)]
pub struct Request {
    pub r#type: String,
    pub person_id: registry::PersonId,
    pub usage: String,
    pub usage_text: Option<String>,
    pub stamp: Option<RequestedStamp>,
    pub reason: Option<String>,
}

/// The marca da bollo as typed: its identifier and issue date.
#[derive(Debug, Clone, Serialize)]
pub struct RequestedStamp {
    pub identifier: String,
    pub issue_date: chrono::NaiveDate,
}

pub enum IssueOutcome {
    Issued(CertificateMeta, Phases),
    /// The same idempotency key and body were seen before: the first certificate.
    Repeated(CertificateMeta),
}

impl Fingerprinted for CertificateMeta {
    fn request_fingerprint(&self) -> Option<&str> {
        self.request_fingerprint.as_deref()
    }
}

fn field(field: &str, it: &str, en: &str) -> Error {
    Error::field(field, it, en)
}

/// How the requester relates to the subject; `None` when they are a third person.
fn relation(
    conn: &mut DbConnection,
    requester: &Requester<'_>,
    subject: &registry::PersonRow,
    today: chrono::NaiveDate,
) -> Result<Option<RequesterRelation>, Error> {
    let office = requester.is_office.then_some(RequesterRelation::Office);
    let Some(me) = registry::person_of_account(conn, requester.account_id)? else {
        return Ok(office);
    };
    if me.id == subject.id {
        return Ok(Some(RequesterRelation::Subject));
    }
    let mine = registry::family_id_at(conn, &me.id, today)?;
    let theirs = registry::family_id_at(conn, &subject.id, today)?;
    if mine.is_some() && mine == theirs && me.deregistered_on.is_none() {
        return Ok(Some(RequesterRelation::Family));
    }
    Ok(office)
}

pub fn issue(
    conn: &mut DbConnection,
    settings: &Settings,
    keyring: &Keyring,
    requester: &Requester<'_>,
    origin: &Origin,
    request: &Request,
    idempotency_key: Option<&str>,
) -> Result<IssueOutcome, Error> {
    let started = std::time::Instant::now();
    let creation = Creation::new(idempotency_key, request);
    let find = |conn: &mut DbConnection, key: &str| {
        repository::find_by_idempotency_key(conn, requester.account_id, key).map_err(Error::from)
    };
    if let Some(previous) = creation.earlier(conn, find)? {
        return Ok(IssueOutcome::Repeated(previous));
    }
    let now = Utc::now();
    let today = crate::platform::italian_time::today(now);
    let kind = CertificateType::parse(&request.r#type).ok_or_else(|| {
        field(
            "type",
            "Tipo di certificato sconosciuto.",
            "Unknown certificate type.",
        )
    })?;
    let usage = Usage::parse(&request.usage).ok_or_else(|| {
        field(
            "usage",
            "Uso del certificato sconosciuto.",
            "Unknown usage.",
        )
    })?;
    let checked = check_request(
        kind,
        UsageRequest {
            usage,
            usage_text: request.usage_text.as_deref(),
            stamp: request.stamp.as_ref().map(|s| StampInput {
                identifier: &s.identifier,
                issue_date: s.issue_date,
            }),
        },
        today,
    )
    .map_err(|errors| {
        Error::Invalid(
            errors
                .into_iter()
                .map(|e| FieldError::new(e.field, e.message))
                .collect(),
        )
    })?;
    let subject = registry::find_person(conn, &request.person_id)?.ok_or(Error::PersonNotFound)?;
    let relation = match relation(conn, requester, &subject, today)? {
        Some(relation) => relation,
        None => {
            // A third person: only residents are found by the look-up, so only they
            // can be asked about; anyone else answers as unknown.
            if subject.deregistered_on.is_some() || subject.death_date.is_some() {
                return Err(Error::PersonNotFound);
            }
            RequesterRelation::ThirdParty
        }
    };
    let reason = if relation == RequesterRelation::ThirdParty {
        // The online service for third persons is the look-up's sequel (seed 001 §7):
        // for residents, with a reason in words, on the same quota.
        registry::third_party::resident_requester(conn, requester.account_id)?;
        let reason = check_reason(request.reason.as_deref()).map_err(|problem| {
            Error::Invalid(vec![FieldError::new("reason", problem.message())])
        })?;
        registry::third_party::charge_quota(conn, requester.account_id)?;
        Some(reason)
    } else {
        request
            .reason
            .as_deref()
            .map(str::trim)
            .filter(|r| !r.is_empty())
            .map(str::to_owned)
    };
    let city = &settings.municipality.office.city;
    let facts = crate::registry::facts::read::load(conn, &subject, today, city)?;
    eligibility::check(kind, &facts).map_err(|ineligible| Error::NotEligible {
        code: ineligible.code,
        reason: ineligible.reason,
    })?;

    let checked_at = std::time::Instant::now();
    let mut random = [0u8; 10];
    ring::rand::SystemRandom::new()
        .fill(&mut random)
        .map_err(|_| Error::Document("no system randomness".to_owned()))?;
    let id = document_id::format(random);
    let text = wording::compose(kind, &checked, &facts, today, city);
    let doc = super::layout::document(settings, &text, &id, now);
    let signer = keyring.current(conn, &super::keyring::Issuer::of(settings))?;
    let subject_of_seal = SealSubject {
        issuer: settings.municipality.istat_code.clone(),
        certificate_id: id.clone(),
        type_code: kind.code().to_owned(),
        surname: facts.surname.clone(),
        name: facts.name.clone(),
        issued_on: today.format("%Y-%m-%d").to_string(),
    };
    let issued = document::issue(
        &doc,
        &subject_of_seal,
        &signer,
        &settings.effective_public_base_url(),
    )
    .map_err(|e| Error::Document(e.to_string()))?;

    let rendered_at = std::time::Instant::now();
    let content_sha256 = crate::platform::hex::encode(&issued.content_sha256);
    let pdf_sha256 = crate::platform::hex::encode(&issued.pdf_sha256);
    let row = NewCertificate {
        id: &id,
        type_code: kind.code(),
        usage_code: usage.code(),
        usage_text: checked.usage_text.as_deref(),
        person_id: &subject.id,
        subject_surname: &facts.surname,
        subject_name: &facts.name,
        subject_fiscal_code: &subject.fiscal_code,
        requester_account_id: requester.account_id,
        requester_relation: relation.as_str(),
        reason: reason.as_deref(),
        stamp_identifier: checked.stamp.as_ref().map(|s| s.identifier.as_str()),
        stamp_issue_date: checked.stamp.as_ref().map(|s| s.issue_date),
        situation_date: today,
        // What both databases keep, so the answer equals what a later read gives.
        issued_at: crate::audit::chain::truncate_timestamp(now.naive_utc()),
        valid_until: valid_until(today),
        signing_key_id: &signer.key_id,
        content_sha256: &content_sha256,
        pdf_sha256: &pdf_sha256,
        verify_url: &issued.verify_url,
        pdf: &issued.pdf,
        status: CertificateStatus::Valid.as_str(),
        idempotency_key,
        request_fingerprint: Some(creation.fingerprint()),
    };
    let inserted = crate::platform::db::transaction(conn, |conn| {
        match repository::insert(conn, &row)? {
            InsertOutcome::Inserted => {}
            other => return Ok(other),
        }
        let entry = AuditEntry {
            reason: reason.as_deref(),
            details: serde_json::json!({
                "certificate_id": id,
                "type": kind.code(),
                "usage": usage.code(),
                "requester": relation.as_str(),
            }),
            ..AuditEntry::new(
                Actor {
                    id: Some(requester.account_id),
                    label: requester.label,
                },
                actions::CERTIFICATE_ISSUED,
            )
            .subject("person", &subject.id)
        };
        audit::record(conn, origin, entry)?;
        let event = CertificateEvent {
            certificate_id: id.clone(),
            certificate_type: kind.code().to_owned(),
            status: CertificateStatus::Valid.as_str().to_owned(),
            issued_at: row.issued_at.and_utc(),
            valid_until: row.valid_until,
            revoked_at: None,
        };
        webhooks::publish::certificate(conn, EventType::CertificateIssued, &event, row.issued_at)?;
        Ok::<_, Error>(InsertOutcome::Inserted)
    })?;
    match inserted {
        InsertOutcome::Inserted => {
            let meta = row.meta();
            let phases = Phases {
                registry: checked_at - started,
                document: rendered_at - checked_at,
                store: rendered_at.elapsed(),
            };
            Ok(IssueOutcome::Issued(meta, phases))
        }
        InsertOutcome::StampAlreadyUsed => Err(Error::StampAlreadyUsed),
        InsertOutcome::IdempotencyKeyTaken => {
            // A concurrent retry with the same key won the race: answer its certificate.
            let previous = creation.after_race(conn, |conn: &mut DbConnection, key: &str| {
                repository::find_by_idempotency_key(conn, requester.account_id, key)
                    .map_err(Error::from)
            })?;
            Ok(IssueOutcome::Repeated(previous))
        }
    }
}
