//! Logging out of a SPID/CIE session also ends the provider's tokens, where the provider
//! offers a revocation endpoint (RFC 7009, with `private_key_jwt`).

use chrono::Utc;

use super::{FederationLogin, CLIENT_ASSERTION_TYPE};
use crate::accounts::store::federation_logins;
use crate::platform::db::Database;

/// Revokes, best effort, the provider tokens held for `session_id`; how many the
/// providers accepted. A provider that cannot be reached does not keep the citizen
/// logged in here.
pub async fn revoke_session_tokens(
    login: &FederationLogin,
    db: &Database,
    session_id: String,
) -> usize {
    let rows = match db
        .run(move |conn| federation_logins::take_provider_tokens(conn, &session_id))
        .await
    {
        Ok(rows) => rows,
        Err(error) => {
            tracing::error!(%error, "could not read the session's provider tokens");
            return 0;
        }
    };
    let mut revoked = 0;
    for row in rows {
        let (Some(token), Some(endpoint)) = (row.provider_access_token, row.revocation_endpoint)
        else {
            continue;
        };
        let Ok(assertion) = login.client_assertion(&endpoint, Utc::now().timestamp()) else {
            continue;
        };
        let form = [
            ("token", token.as_str()),
            ("token_type_hint", "access_token"),
            ("client_id", login.entity_id.as_str()),
            ("client_assertion_type", CLIENT_ASSERTION_TYPE),
            ("client_assertion", assertion.as_str()),
        ];
        match login
            .chains
            .client()
            .post(&endpoint)
            .form(&form)
            .send()
            .await
        {
            Ok(response) if response.status().is_success() => revoked += 1,
            Ok(response) => {
                tracing::warn!(status = %response.status(), provider = %row.provider_id, "token revocation refused")
            }
            Err(error) => {
                tracing::warn!(%error, provider = %row.provider_id, "token revocation failed")
            }
        }
    }
    revoked
}
