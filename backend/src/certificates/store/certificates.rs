//! The repository of issued certificates: each signed PDF kept as issued, with what it
//! certifies, who asked and why. Rows are never updated except their status (the
//! migrations' triggers refuse anything else) and never deleted.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use crate::certificates::rules::status::CertificateStatus;
use crate::certificates::CertificateId;
use crate::registry::PersonId;
use diesel::result::{DatabaseErrorKind, Error as DieselError};

use crate::platform::db::schema::{certificate_verifications, certificates};
use crate::platform::db::{unique_violation_on, DbConnection, DbError};

/// Everything about a certificate except the PDF bytes.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = certificates)]
pub struct CertificateMeta {
    #[diesel(deserialize_as = String)]
    pub id: CertificateId,
    pub type_code: String,
    pub usage_code: String,
    pub usage_text: Option<String>,
    pub person_id: String,
    pub subject_surname: String,
    pub subject_name: String,
    pub subject_fiscal_code: String,
    pub requester_account_id: String,
    pub requester_relation: String,
    pub reason: Option<String>,
    pub stamp_identifier: Option<String>,
    pub stamp_issue_date: Option<NaiveDate>,
    pub situation_date: NaiveDate,
    pub issued_at: NaiveDateTime,
    pub valid_until: NaiveDate,
    pub signing_key_id: String,
    pub content_sha256: String,
    pub pdf_sha256: String,
    pub verify_url: String,
    pub status: String,
    /// When the office revoked it (UTC); none while it is valid.
    pub revoked_at: Option<NaiveDateTime>,
    pub request_fingerprint: Option<String>,
}

#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = certificates)]
pub struct NewCertificate<'a> {
    pub id: &'a str,
    pub type_code: &'a str,
    pub usage_code: &'a str,
    pub usage_text: Option<&'a str>,
    pub person_id: &'a str,
    pub subject_surname: &'a str,
    pub subject_name: &'a str,
    pub subject_fiscal_code: &'a str,
    pub requester_account_id: &'a str,
    pub requester_relation: &'a str,
    pub reason: Option<&'a str>,
    pub stamp_identifier: Option<&'a str>,
    pub stamp_issue_date: Option<NaiveDate>,
    pub situation_date: NaiveDate,
    pub issued_at: NaiveDateTime,
    pub valid_until: NaiveDate,
    pub signing_key_id: &'a str,
    pub content_sha256: &'a str,
    pub pdf_sha256: &'a str,
    pub verify_url: &'a str,
    pub pdf: &'a [u8],
    pub status: &'a str,
    pub idempotency_key: Option<&'a str>,
    pub request_fingerprint: Option<&'a str>,
}

impl NewCertificate<'_> {
    /// What the row says once stored, without reading it back.
    pub fn meta(&self) -> CertificateMeta {
        let owned = |s: Option<&str>| s.map(str::to_owned);
        CertificateMeta {
            id: self.id.to_owned().into(),
            type_code: self.type_code.to_owned(),
            usage_code: self.usage_code.to_owned(),
            usage_text: owned(self.usage_text),
            person_id: self.person_id.to_owned(),
            subject_surname: self.subject_surname.to_owned(),
            subject_name: self.subject_name.to_owned(),
            subject_fiscal_code: self.subject_fiscal_code.to_owned(),
            requester_account_id: self.requester_account_id.to_owned(),
            requester_relation: self.requester_relation.to_owned(),
            reason: owned(self.reason),
            stamp_identifier: owned(self.stamp_identifier),
            stamp_issue_date: self.stamp_issue_date,
            situation_date: self.situation_date,
            issued_at: self.issued_at,
            valid_until: self.valid_until,
            signing_key_id: self.signing_key_id.to_owned(),
            content_sha256: self.content_sha256.to_owned(),
            pdf_sha256: self.pdf_sha256.to_owned(),
            verify_url: self.verify_url.to_owned(),
            status: self.status.to_owned(),
            revoked_at: None,
            request_fingerprint: owned(self.request_fingerprint),
        }
    }
}

/// Why an insert did not happen: the database's unique constraints decide these, so
/// concurrent requests cannot both win.
#[derive(Debug)]
pub enum InsertOutcome {
    Inserted,
    StampAlreadyUsed,
    IdempotencyKeyTaken,
}

#[tracing::instrument(skip_all, fields(id = certificate.id))]
pub fn insert(
    conn: &mut DbConnection,
    certificate: &NewCertificate<'_>,
) -> Result<InsertOutcome, DbError> {
    match diesel::insert_into(certificates::table)
        .values(certificate)
        .execute(conn)
    {
        Ok(_) => Ok(InsertOutcome::Inserted),
        Err(DieselError::DatabaseError(DatabaseErrorKind::UniqueViolation, info)) => {
            if unique_violation_on(info.as_ref(), "stamp_identifier") {
                Ok(InsertOutcome::StampAlreadyUsed)
            } else if unique_violation_on(info.as_ref(), "idempotency_key") {
                Ok(InsertOutcome::IdempotencyKeyTaken)
            } else {
                Err(DbError::Query(DieselError::DatabaseError(
                    DatabaseErrorKind::UniqueViolation,
                    info,
                )))
            }
        }
        Err(other) => Err(other.into()),
    }
}

#[tracing::instrument(skip(conn))]
pub fn find(
    conn: &mut DbConnection,
    id: &CertificateId,
) -> Result<Option<CertificateMeta>, DbError> {
    Ok(certificates::table
        .find(id.as_str())
        .select(CertificateMeta::as_select())
        .first(conn)
        .optional()?)
}

#[tracing::instrument(skip(conn))]
pub fn find_by_idempotency_key(
    conn: &mut DbConnection,
    account_id: &str,
    key: &str,
) -> Result<Option<CertificateMeta>, DbError> {
    Ok(certificates::table
        .filter(certificates::requester_account_id.eq(account_id))
        .filter(certificates::idempotency_key.eq(key))
        .select(CertificateMeta::as_select())
        .first(conn)
        .optional()?)
}

#[tracing::instrument(skip(conn))]
pub fn pdf(conn: &mut DbConnection, id: &CertificateId) -> Result<Option<Vec<u8>>, DbError> {
    Ok(certificates::table
        .find(id.as_str())
        .select(certificates::pdf)
        .first(conn)
        .optional()?)
}

/// Which certificates a list shows: those one account asked for (a citizen's own), and
/// those matching a search — by ID, by the subject's codice fiscale, or by the account
/// that asked (any of the three given).
#[derive(Debug, Default)]
pub struct ListFilter<'a> {
    pub requester: Option<&'a str>,
    pub search: Option<Search<'a>>,
}

#[derive(Debug, Default)]
pub struct Search<'a> {
    pub id: Option<&'a str>,
    pub subject_fiscal_code: Option<&'a str>,
    pub requester_account_id: Option<&'a str>,
}

/// Newest first, one page.
#[tracing::instrument(skip(conn))]
pub fn list(
    conn: &mut DbConnection,
    filter: &ListFilter<'_>,
    limit: i64,
    offset: i64,
) -> Result<Vec<CertificateMeta>, DbError> {
    let mut query = certificates::table
        .select(CertificateMeta::as_select())
        .order((certificates::issued_at.desc(), certificates::id.desc()))
        .limit(limit)
        .offset(offset)
        .into_boxed();
    if let Some(account) = filter.requester {
        query = query.filter(certificates::requester_account_id.eq(account.to_owned()));
    }
    if let Some(search) = &filter.search {
        // An absent criterion is an empty IN list, which matches nothing.
        let owned = |value: Option<&str>| value.map(str::to_owned).into_iter().collect::<Vec<_>>();
        query = query.filter(
            certificates::id
                .eq_any(owned(search.id))
                .or(certificates::subject_fiscal_code.eq_any(owned(search.subject_fiscal_code)))
                .or(certificates::requester_account_id.eq_any(owned(search.requester_account_id))),
        );
    }
    Ok(query.load(conn)?)
}

/// What was checked: the status, or the stored document itself.
#[derive(Debug, Clone, Copy)]
pub enum VerificationKind {
    Status,
    Document,
}

#[tracing::instrument(skip(conn))]
pub fn record_verification(
    conn: &mut DbConnection,
    certificate_id: &str,
    at: NaiveDateTime,
    ip: Option<&str>,
    kind: VerificationKind,
) -> Result<(), DbError> {
    diesel::insert_into(certificate_verifications::table)
        .values((
            certificate_verifications::certificate_id.eq(certificate_id),
            certificate_verifications::verified_at.eq(at),
            certificate_verifications::ip.eq(ip),
            certificate_verifications::what.eq(match kind {
                VerificationKind::Status => "status",
                VerificationKind::Document => "document",
            }),
        ))
        .execute(conn)?;
    Ok(())
}

/// Verifications of the certificates about a person, newest first: (certificate id,
/// time, what). Addresses are not shown to the subject.
#[tracing::instrument(skip(conn))]
pub fn verifications_about(
    conn: &mut DbConnection,
    person_id: &PersonId,
    limit: i64,
) -> Result<Vec<(String, NaiveDateTime, String)>, DbError> {
    Ok(certificate_verifications::table
        .inner_join(certificates::table)
        .filter(certificates::person_id.eq(person_id.as_str()))
        .order(certificate_verifications::verified_at.desc())
        .select((
            certificate_verifications::certificate_id,
            certificate_verifications::verified_at,
            certificate_verifications::what,
        ))
        .limit(limit)
        .load(conn)?)
}

/// Marks a valid certificate revoked; false when it was not valid (already revoked).
#[tracing::instrument(skip(conn))]
pub fn revoke(
    conn: &mut DbConnection,
    id: &CertificateId,
    at: NaiveDateTime,
) -> Result<bool, DbError> {
    let changed = diesel::update(
        certificates::table
            .filter(certificates::id.eq(id.as_str()))
            .filter(certificates::status.eq(CertificateStatus::Valid.as_str())),
    )
    .set((
        certificates::status.eq(CertificateStatus::Revoked.as_str()),
        certificates::revoked_at.eq(Some(at)),
    ))
    .execute(conn)?;
    Ok(changed == 1)
}
