//! The archive of issued certificates as people look at it: a citizen's own requests or
//! the whole office's, found by ID or codice fiscale, each with who asked for it.

use crate::accounts::{self, AccountHolder};
use crate::certificates::rules::search::CertificateSearch;
use crate::certificates::store::certificates::{self as repository, CertificateMeta, ListFilter};
use crate::certificates::Error;
use crate::platform::db::DbConnection;

/// A certificate with the holder of the account that asked for it (none if that account
/// is gone).
pub struct Archived {
    pub meta: CertificateMeta,
    pub requested_by: Option<AccountHolder>,
}

/// One page, newest first. `requester` limits it to one account's requests; a search
/// matches the certificate's ID, the subject's codice fiscale, or the codice fiscale of
/// the account that asked.
pub fn list(
    conn: &mut DbConnection,
    requester: Option<&str>,
    search: Option<&CertificateSearch>,
    limit: i64,
    offset: i64,
) -> Result<Vec<Archived>, Error> {
    let asking_account = match search.and_then(|s| s.fiscal_code.as_deref()) {
        Some(code) => accounts::account_of_fiscal_code(conn, code)?,
        None => None,
    };
    let filter = ListFilter {
        requester,
        search: search.map(|s| repository::Search {
            id: s.id.as_deref(),
            subject_fiscal_code: s.fiscal_code.as_deref(),
            requester_account_id: asking_account.as_deref(),
        }),
    };
    let metas = repository::list(conn, &filter, limit, offset)?;
    with_requesters(conn, metas)
}

/// Each certificate with who asked for it, in one look-up for all.
pub fn with_requesters(
    conn: &mut DbConnection,
    metas: Vec<CertificateMeta>,
) -> Result<Vec<Archived>, Error> {
    let mut ids: Vec<&str> = metas
        .iter()
        .map(|m| m.requester_account_id.as_str())
        .collect();
    ids.sort_unstable();
    ids.dedup();
    let holders = accounts::account_holders(conn, &ids)?;
    Ok(metas
        .into_iter()
        .map(|meta| {
            let requested_by = holders
                .iter()
                .find(|h| h.id == meta.requester_account_id)
                .cloned();
            Archived { meta, requested_by }
        })
        .collect())
}

/// One certificate with who asked for it.
pub fn with_requester(conn: &mut DbConnection, meta: CertificateMeta) -> Result<Archived, Error> {
    let requested_by = accounts::account_holders(conn, &[meta.requester_account_id.as_str()])?
        .into_iter()
        .next();
    Ok(Archived { meta, requested_by })
}
