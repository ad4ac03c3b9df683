//! The life of an account: registered and waiting for identification at the counter,
//! active, locked by the office, or rejected. Stored as its stable text.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum AccountStatus {
    PendingIdentification,
    Active,
    Locked,
    Rejected,
}

impl AccountStatus {
    pub const ALL: [AccountStatus; 4] = [
        AccountStatus::PendingIdentification,
        AccountStatus::Active,
        AccountStatus::Locked,
        AccountStatus::Rejected,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            AccountStatus::PendingIdentification => "pending_identification",
            AccountStatus::Active => "active",
            AccountStatus::Locked => "locked",
            AccountStatus::Rejected => "rejected",
        }
    }

    pub fn parse(text: &str) -> Option<AccountStatus> {
        AccountStatus::ALL.into_iter().find(|s| s.as_str() == text)
    }

    /// How a stored value reads; anything unknown counts as locked (fail closed).
    pub fn from_stored(text: &str) -> AccountStatus {
        AccountStatus::parse(text).unwrap_or(AccountStatus::Locked)
    }

    /// Only the office's lock and unlock move an account between these two.
    pub fn can_be_locked_or_unlocked(self) -> bool {
        matches!(self, AccountStatus::Active | AccountStatus::Locked)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_text_round_trips_and_matches_serde() {
        for status in AccountStatus::ALL {
            assert_eq!(AccountStatus::parse(status.as_str()), Some(status));
            let json = serde_json::to_string(&status).unwrap_or_default();
            assert_eq!(json, format!("\"{}\"", status.as_str()));
        }
        assert_eq!(AccountStatus::from_stored("unknown"), AccountStatus::Locked);
    }
}
