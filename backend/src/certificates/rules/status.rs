//! A certificate's standing, and how its requester relates to its subject. Both are
//! stored as their stable text and answered as enums.

use chrono::NaiveDate;
use serde::Serialize;
use utoipa::ToSchema;

/// What the repository keeps: a certificate stays valid until the office revokes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum CertificateStatus {
    Valid,
    Revoked,
}

impl CertificateStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            CertificateStatus::Valid => "valid",
            CertificateStatus::Revoked => "revoked",
        }
    }

    /// How a stored value reads; anything unknown counts as revoked (fail closed).
    pub fn from_stored(text: &str) -> CertificateStatus {
        match text {
            "valid" => CertificateStatus::Valid,
            _ => CertificateStatus::Revoked,
        }
    }
}

/// What a verifier is told: authentic and usable, authentic but older than its six
/// months (art. 41 D.P.R. 445/2000), or revoked by the office.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Validity {
    Valid,
    Expired,
    Revoked,
}

impl Validity {
    pub fn on(status: CertificateStatus, valid_until: NaiveDate, today: NaiveDate) -> Validity {
        match status {
            CertificateStatus::Revoked => Validity::Revoked,
            CertificateStatus::Valid if today > valid_until => Validity::Expired,
            CertificateStatus::Valid => Validity::Valid,
        }
    }
}

/// Who asked, as seen from the subject: the subject, a member of the same family, the
/// office, or a third person (who must give a reason; seed 001 "certificazione libera").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
pub enum RequesterRelation {
    #[serde(rename = "self")]
    Subject,
    #[serde(rename = "family")]
    Family,
    #[serde(rename = "office")]
    Office,
    #[serde(rename = "third_party")]
    ThirdParty,
}

impl RequesterRelation {
    pub const ALL: [RequesterRelation; 4] = [
        RequesterRelation::Subject,
        RequesterRelation::Family,
        RequesterRelation::Office,
        RequesterRelation::ThirdParty,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            RequesterRelation::Subject => "self",
            RequesterRelation::Family => "family",
            RequesterRelation::Office => "office",
            RequesterRelation::ThirdParty => "third_party",
        }
    }

    /// How a stored value reads; anything unknown counts as a third person (the most
    /// guarded relation).
    pub fn from_stored(text: &str) -> RequesterRelation {
        RequesterRelation::ALL
            .into_iter()
            .find(|r| r.as_str() == text)
            .unwrap_or(RequesterRelation::ThirdParty)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, d).unwrap_or_default()
    }

    #[test]
    fn a_certificate_expires_the_day_after_its_last_valid_day() {
        let valid = CertificateStatus::Valid;
        assert_eq!(Validity::on(valid, day(10), day(10)), Validity::Valid);
        assert_eq!(Validity::on(valid, day(10), day(11)), Validity::Expired);
        let revoked = CertificateStatus::Revoked;
        assert_eq!(Validity::on(revoked, day(10), day(1)), Validity::Revoked);
    }

    #[test]
    fn stored_texts_round_trip_and_match_serde() {
        for relation in RequesterRelation::ALL {
            assert_eq!(RequesterRelation::from_stored(relation.as_str()), relation);
            let json = serde_json::to_string(&relation).unwrap_or_default();
            assert_eq!(json, format!("\"{}\"", relation.as_str()));
        }
        for status in [CertificateStatus::Valid, CertificateStatus::Revoked] {
            assert_eq!(CertificateStatus::from_stored(status.as_str()), status);
        }
    }
}
