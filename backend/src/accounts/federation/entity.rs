//! The portal's entity configuration (OpenID Federation 1.0 §3): who it is, the keys of
//! its federation role and of its relying-party role, where providers send citizens
//! back, and which superiors can vouch for it.

use serde_json::{json, Value};

use super::FederationLogin;
use crate::accounts::rules::federation::acr_uri;
use crate::platform::jose::JoseError;

/// The claims of the configuration at `now` (seconds).
pub fn configuration_claims(login: &FederationLogin, now: i64) -> Value {
    let settings = &login.settings;
    let authority_hints: Vec<&str> = settings
        .trust_anchors
        .iter()
        .map(|a| a.entity_id.as_str())
        .collect();
    let mut federation_entity = json!({
        "organization_name": login.organization_name,
        "homepage_uri": login.entity_id,
        "policy_uri": format!("{}/privacy", login.entity_id),
        "contacts": login.contacts,
    });
    if let Some(ipa_code) = &settings.ipa_code {
        federation_entity["ipa_code"] = ipa_code.clone().into();
    }
    json!({
        "iss": login.entity_id,
        "sub": login.entity_id,
        "iat": now,
        "exp": now + settings.entity_configuration_hours * 3600,
        "jwks": {"keys": [login.federation_key.public_jwk()]},
        "authority_hints": authority_hints,
        "metadata": {
            "federation_entity": federation_entity,
            "openid_relying_party": {
                "client_id": login.entity_id,
                "client_registration_types": ["automatic"],
                "application_type": "web",
                "client_name": login.organization_name,
                "organization_name": login.organization_name,
                "contacts": login.contacts,
                "redirect_uris": [login.redirect_uri()],
                "response_types": ["code"],
                "grant_types": ["authorization_code"],
                "token_endpoint_auth_method": "private_key_jwt",
                "id_token_signed_response_alg": "RS256",
                "userinfo_signed_response_alg": "RS256",
                "userinfo_encrypted_response_alg": "RSA-OAEP",
                "userinfo_encrypted_response_enc": "A256CBC-HS512",
                "default_acr_values": [acr_uri(settings.spid_level)],
                "jwks": {"keys": [login.signing_key.public_jwk(), login.encryption_key.public_jwk()]},
            },
        },
    })
}

/// The signed configuration, served at `/.well-known/openid-federation`.
pub fn configuration_jwt(login: &FederationLogin, now: i64) -> Result<String, JoseError> {
    login
        .federation_key
        .sign("entity-statement+jwt", &configuration_claims(login, now))
}
