//! The JSON shapes of the certificate endpoints.

use crate::certificates::rules::status::{CertificateStatus, RequesterRelation};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::names::{type_name, usage_description};
use crate::accounts::AccountHolder;
use crate::certificates::archive::Archived;
use crate::platform::i18n::Lang;

#[derive(Debug, Serialize, ToSchema)]
pub struct CertificateTypeView {
    #[schema(example = "residenza")]
    pub code: String,
    #[schema(example = "Certificato di residenza")]
    pub name: String,
    pub description: String,
    /// `anagrafe` or `stato_civile`.
    #[schema(example = "anagrafe")]
    pub group: String,
    pub group_name: String,
    /// Never subject to stamp duty (stato civile certificates): a `bollo` usage is refused.
    pub always_exempt: bool,
    /// Who may have it, in words ("persone residenti iscritte nelle liste elettorali").
    pub eligibility: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct CertificateTypes {
    pub items: Vec<CertificateTypeView>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct CertificateUsageView {
    #[schema(example = "pensione")]
    pub code: String,
    /// As printed on the certificate.
    pub description: String,
    #[schema(example = "art. 12 Tab. B D.P.R. 642/1972")]
    pub legal_reference: Option<String>,
    /// 1600 for the marca da bollo of 16,00 EUR; 0 for exempt usages.
    #[schema(example = 0)]
    pub stamp_duty_cents: u32,
    /// The marca's identifier and issue date must be given.
    pub requires_stamp: bool,
    /// A free text (at most 256 characters) is required and printed.
    pub requires_text: bool,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct CertificateUsages {
    pub items: Vec<CertificateUsageView>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct StampInput {
    /// The 14-digit identifier printed on the marca da bollo.
    #[schema(example = "01234567890123")]
    pub identifier: String,
    /// The issue date printed on the marca (not in the future).
    pub issue_date: NaiveDate,
}

#[derive(Debug, Clone, Deserialize, Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct IssueCertificate {
    /// A code from `GET /api/v1/certificate-types`.
    #[schema(example = "residenza")]
    pub r#type: String,
    /// The person the certificate is about: oneself, a family member, or a third
    /// person found with `GET /api/v1/persons`.
    pub person_id: String,
    /// A code from `GET /api/v1/certificate-usages`.
    #[schema(example = "bollo")]
    pub usage: String,
    /// For the usage `altro`: the purpose, printed on the certificate.
    pub usage_text: Option<String>,
    /// For the usage `bollo`.
    pub stamp: Option<StampInput>,
    /// Mandatory for a third person: 10 to 500 characters, in words (not one repeated
    /// character, not only digits or symbols); recorded and shown to that person.
    #[schema(example = "Pratica di successione ereditaria")]
    pub reason: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Stamp {
    pub identifier: String,
    pub issue_date: NaiveDate,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Certificate {
    #[schema(example = "7KQF-9XMA-2R4D-HV0C")]
    pub id: String,
    #[schema(example = "residenza")]
    pub r#type: String,
    pub type_name: String,
    pub usage: String,
    pub usage_description: String,
    pub usage_text: Option<String>,
    pub person_id: String,
    pub subject_surname: String,
    pub subject_name: String,
    pub subject_fiscal_code: String,
    pub requester: RequesterRelation,
    /// Who asked: the holder of the account (for a third person's request, the name
    /// and codice fiscale the office needs); absent only if that account no longer exists.
    pub requested_by: Option<RequestedBy>,
    pub reason: Option<String>,
    pub stamp: Option<Stamp>,
    pub issued_at: DateTime<Utc>,
    /// The date the certified data refer to.
    pub situation_date: NaiveDate,
    /// Six months after issue (art. 41 D.P.R. 445/2000).
    pub valid_until: NaiveDate,
    pub status: CertificateStatus,
    pub content_sha256: String,
    pub pdf_sha256: String,
    pub signing_key_id: String,
    /// What the QR code holds: the verification page, with the seal after `#`.
    pub verify_url: String,
}

/// The person behind the account that asked for a certificate.
#[derive(Debug, Serialize, ToSchema)]
pub struct RequestedBy {
    #[schema(example = "BIANCHI")]
    pub surname: String,
    #[schema(example = "ANNA")]
    pub name: String,
    /// A citizen's codice fiscale (staff accounts have none).
    #[schema(example = "BNCNNA80A41H501R")]
    pub fiscal_code: Option<String>,
    /// A staff account's user name (citizens have none).
    pub username: Option<String>,
}

impl From<AccountHolder> for RequestedBy {
    fn from(holder: AccountHolder) -> RequestedBy {
        RequestedBy {
            surname: holder.surname,
            name: holder.name,
            fiscal_code: holder.fiscal_code,
            username: holder.username,
        }
    }
}

impl Certificate {
    pub fn from_archived(archived: Archived, lang: Lang) -> Certificate {
        let Archived { meta, requested_by } = archived;
        let stamp = match (meta.stamp_identifier, meta.stamp_issue_date) {
            (Some(identifier), Some(issue_date)) => Some(Stamp {
                identifier,
                issue_date,
            }),
            _ => None,
        };
        Certificate {
            type_name: type_name(&meta.type_code, lang),
            usage_description: usage_description(&meta.usage_code, lang),
            id: meta.id.to_string(),
            r#type: meta.type_code,
            usage: meta.usage_code,
            usage_text: meta.usage_text,
            person_id: meta.person_id,
            subject_surname: meta.subject_surname,
            subject_name: meta.subject_name,
            subject_fiscal_code: meta.subject_fiscal_code,
            requester: RequesterRelation::from_stored(&meta.requester_relation),
            requested_by: requested_by.map(RequestedBy::from),
            reason: meta.reason,
            stamp,
            issued_at: meta.issued_at.and_utc(),
            situation_date: meta.situation_date,
            valid_until: meta.valid_until,
            status: CertificateStatus::from_stored(&meta.status),
            content_sha256: meta.content_sha256,
            pdf_sha256: meta.pdf_sha256,
            signing_key_id: meta.signing_key_id,
            verify_url: meta.verify_url,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct CertificateList {
    /// Newest first.
    pub items: Vec<Certificate>,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RevokeCertificate {
    /// Why (3–500 characters): recorded in the audit log and shown to the person.
    pub reason: String,
}

impl From<IssueCertificate> for crate::certificates::issue::Request {
    fn from(body: IssueCertificate) -> Self {
        crate::certificates::issue::Request {
            r#type: body.r#type,
            person_id: body.person_id.into(),
            usage: body.usage,
            usage_text: body.usage_text,
            stamp: body
                .stamp
                .map(|s| crate::certificates::issue::RequestedStamp {
                    identifier: s.identifier,
                    issue_date: s.issue_date,
                }),
            reason: body.reason,
        }
    }
}
