//! The way out to the identity provider: the provider's trust chain resolved, the login
//! kept server-side (state, nonce, PKCE verifier), and the authorization request signed
//! as a request object.

use chrono::{Duration, Utc};
use serde_json::json;

use super::{FederationLogin, LoginFailure};
use crate::accounts::rules::federation::{acr_uri, pkce_challenge, FISCAL_NUMBER_CLAIM};
use crate::accounts::store::federation_logins::{self, status, FederationLoginRow};
use crate::platform::auth::tokens::random_token;
use crate::platform::db::Database;
use crate::platform::settings::federation::ProviderKind;

/// How long a citizen may stay at the identity provider.
pub const LOGIN_LIFETIME_MINUTES: i64 = 10;

/// The provider's authorization address to send the browser to.
pub async fn start(
    login: &FederationLogin,
    db: &Database,
    provider_id: &str,
    return_to: &str,
) -> Result<String, LoginFailure> {
    let provider = login
        .provider(provider_id)
        .ok_or(LoginFailure::UnknownProvider)?;
    let now = Utc::now();
    let resolved = login
        .chains
        .resolve(&provider.entity_id, "openid_provider", now.timestamp())
        .await?;
    let endpoint = resolved.metadata["authorization_endpoint"]
        .as_str()
        .ok_or_else(|| LoginFailure::Unreachable("no authorization_endpoint".into()))?;
    let row = FederationLoginRow {
        state: random_token(),
        provider_id: provider.id.clone(),
        nonce: random_token(),
        code_verifier: random_token(),
        return_to: safe_return_path(return_to),
        status: status::STARTED.to_owned(),
        created_at: now.naive_utc(),
        expires_at: now.naive_utc() + Duration::minutes(LOGIN_LIFETIME_MINUTES),
        account_id: None,
        acr: None,
        ticket_hash: None,
        provider_access_token: None,
        revocation_endpoint: None,
        session_id: None,
        finished_at: None,
    };
    let level = login.min_level(provider.kind);
    let challenge = pkce_challenge(&row.code_verifier);
    let acr = acr_uri(level);
    let request_object = login
        .signing_key
        .sign(
            "oauth-authz-req+jwt",
            &json!({
                "iss": login.entity_id,
                "aud": [provider.entity_id, endpoint],
                "iat": now.timestamp(),
                "exp": now.timestamp() + 300,
                "jti": uuid::Uuid::new_v4().to_string(),
                "client_id": login.entity_id,
                "response_type": "code",
                "scope": "openid",
                "redirect_uri": login.redirect_uri(),
                "state": row.state,
                "nonce": row.nonce,
                "code_challenge": challenge,
                "code_challenge_method": "S256",
                "acr_values": acr,
                "prompt": "consent login",
                "claims": requested_claims(provider.kind),
            }),
        )
        .map_err(|e| LoginFailure::Internal(e.to_string()))?;
    let mut url =
        url::Url::parse(endpoint).map_err(|e| LoginFailure::Unreachable(e.to_string()))?;
    // The parameters go outside the request object too, as OAuth 2.0 requires.
    url.query_pairs_mut()
        .append_pair("client_id", &login.entity_id)
        .append_pair("response_type", "code")
        .append_pair("scope", "openid")
        .append_pair("code_challenge", &challenge)
        .append_pair("code_challenge_method", "S256")
        .append_pair("nonce", &row.nonce)
        .append_pair("state", &row.state)
        .append_pair("redirect_uri", &login.redirect_uri())
        .append_pair("acr_values", &acr)
        .append_pair("prompt", "consent login")
        .append_pair("request", &request_object);
    db.run(move |conn| federation_logins::insert(conn, &row))
        .await?;
    Ok(url.into())
}

/// The claims the portal asks for: the codice fiscale it needs, and the names and e-mail
/// a new account is created with. Providers answer claims by their exact names; CIE
/// providers may use the short `fiscal_number`, so CIE is asked for both.
fn requested_claims(kind: ProviderKind) -> serde_json::Value {
    let mut userinfo = json!({
        FISCAL_NUMBER_CLAIM: {"essential": true},
        "given_name": null,
        "family_name": null,
        "email": null,
    });
    if kind == ProviderKind::Cie {
        userinfo["fiscal_number"] = json!({"essential": true});
    }
    json!({
        "userinfo": userinfo,
        "id_token": {
            "given_name": {"essential": true},
            "family_name": {"essential": true},
        },
    })
}

/// Only a path of the SPA itself may be where the citizen lands: never another site.
pub fn safe_return_path(requested: &str) -> String {
    let ok = requested.starts_with('/')
        && !requested.starts_with("//")
        && !requested.contains('\\')
        && !requested.contains("://")
        && requested.len() <= 512;
    if ok {
        requested.to_owned()
    } else {
        "/".to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::safe_return_path;

    #[test]
    fn only_own_paths_are_kept() {
        assert_eq!(
            safe_return_path("/area-personale?x=1"),
            "/area-personale?x=1"
        );
        for bad in [
            "https://evil.example",
            "//evil.example",
            "/\\evil",
            "evil",
            "",
        ] {
            assert_eq!(safe_return_path(bad), "/", "{bad}");
        }
    }
}
