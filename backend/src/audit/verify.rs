//! Checking the chain: every entry's hash recomputed, every link followed, every id
//! accounted for. Streams in pages, so it runs in constant memory on any log size.

use serde::Serialize;

use super::chain::{entry_hash, GENESIS_HASH};
use crate::audit::store::find;
use crate::audit::store::page_after;
use crate::platform::db::{DbConnection, DbError};

const PAGE: i64 = 1_000;

/// Why an entry breaks the chain.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ChainProblem {
    /// The entry's content no longer matches its hash: it was changed in place.
    Edited,
    /// Entries are missing right before this one (a gap in the ids).
    DeletedBefore,
    /// The entry's `prev_hash` is not the previous entry's hash: entries were removed,
    /// reordered or rewritten together with their hashes.
    BrokenLink,
    /// The anchored entry no longer exists: the tail was cut off.
    Truncated,
    /// The anchored entry has another hash now: the chain was rewritten from there on.
    Rewritten,
}

impl ChainProblem {
    pub fn code(self) -> &'static str {
        match self {
            ChainProblem::Edited => "edited",
            ChainProblem::DeletedBefore => "deleted_before",
            ChainProblem::BrokenLink => "broken_link",
            ChainProblem::Truncated => "truncated",
            ChainProblem::Rewritten => "rewritten",
        }
    }

    pub fn explanation(self) -> &'static str {
        match self {
            ChainProblem::Edited => "its content no longer matches its hash",
            ChainProblem::DeletedBefore => "the entries right before it are missing",
            ChainProblem::BrokenLink => "it does not link to the previous entry's hash",
            ChainProblem::Truncated => "the anchored entry is gone: the tail was cut off",
            ChainProblem::Rewritten => "the anchored entry's hash changed: the chain was rewritten",
        }
    }
}

/// The outcome of a verification.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChainReport {
    /// Entries examined: all of them when intact, up to the first broken one otherwise.
    pub checked: u64,
    /// The first entry found broken, and why.
    pub first_broken: Option<(i64, ChainProblem)>,
    /// The newest entry (id, hash) when the whole chain was walked: note it elsewhere and
    /// pass it back as an anchor to detect a truncated tail later.
    pub head: Option<(i64, String)>,
}

impl ChainReport {
    pub fn intact(&self) -> bool {
        self.first_broken.is_none()
    }
}

/// Walks the log in id order and stops at the first entry that breaks the chain.
#[tracing::instrument(skip_all)]
pub fn verify_chain(conn: &mut DbConnection) -> Result<ChainReport, DbError> {
    let mut checked = 0_u64;
    let mut previous: (i64, String) = (0, GENESIS_HASH.to_owned());
    loop {
        let rows = page_after(conn, previous.0, PAGE)?;
        let Some(last) = rows.last() else { break };
        let last_id = last.id;
        for row in rows {
            checked += 1;
            let problem = if row.id != previous.0 + 1 {
                Some(ChainProblem::DeletedBefore)
            } else if entry_hash(&row.hashed_fields()) != row.hash {
                Some(ChainProblem::Edited)
            } else if row.prev_hash != previous.1 {
                Some(ChainProblem::BrokenLink)
            } else {
                None
            };
            if let Some(problem) = problem {
                tracing::warn!(id = row.id, problem = problem.code(), "audit chain broken");
                return Ok(ChainReport {
                    checked,
                    first_broken: Some((row.id, problem)),
                    head: None,
                });
            }
            previous = (row.id, row.hash);
        }
        debug_assert_eq!(previous.0, last_id);
    }
    let head = (checked > 0).then_some(previous);
    if let Some((id, hash)) = &head {
        tracing::info!(audit_head_id = id, audit_head_hash = %hash, checked, "audit chain intact");
    }
    Ok(ChainReport {
        checked,
        first_broken: None,
        head,
    })
}

/// Verifies the chain and that an entry noted earlier (an anchor) is still the same:
/// this is what reveals a tail cut off after the anchor was taken.
pub fn verify_chain_with_anchor(
    conn: &mut DbConnection,
    anchor_id: i64,
    anchor_hash: &str,
) -> Result<ChainReport, DbError> {
    let mut report = verify_chain(conn)?;
    if report.intact() {
        let problem = match find(conn, anchor_id)? {
            None => Some(ChainProblem::Truncated),
            Some(row) if !row.hash.eq_ignore_ascii_case(anchor_hash) => {
                Some(ChainProblem::Rewritten)
            }
            Some(_) => None,
        };
        if let Some(problem) = problem {
            report.first_broken = Some((anchor_id, problem));
        }
    }
    Ok(report)
}
