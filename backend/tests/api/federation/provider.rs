//! The test identity provider's OAuth endpoints. The authorization endpoint checks the
//! signed request object and grants a code at once (the citizen "consents"); the token
//! endpoint checks the portal's `private_key_jwt` assertion, the PKCE verifier and the
//! redirect URI before it answers, and records what it made of each request; the
//! userinfo is a JWS encrypted to the portal's `enc` key; revocations are recorded.

use std::collections::HashMap;

use actix_web::http::header;
use actix_web::{web, HttpRequest, HttpResponse};
use chrono::Utc;
use rsa::{BigUint, RsaPublicKey};
use serde_json::{json, Value};
use sha2::{Digest, Sha256};

use portale::platform::jose::{b64url, b64url_decode, jwe, jws};

use super::server::{
    keys, Defect, FederationState, Grant, RegisteredPortal, Revocation, Shared, TokenRequest,
};

pub const SPID_L1: &str = "https://www.spid.gov.it/SpidL1";
pub const SPID_L2: &str = "https://www.spid.gov.it/SpidL2";
pub const FISCAL_NUMBER: &str = "https://attributes.eid.gov.it/fiscal_number";
const JWT_BEARER: &str = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

type Form = HashMap<String, String>;

/// The provider's `openid_provider` metadata.
pub fn metadata(id: &str) -> Value {
    json!({
        "issuer": id,
        "authorization_endpoint": format!("{id}/authorize"),
        "token_endpoint": format!("{id}/token"),
        "userinfo_endpoint": format!("{id}/userinfo"),
        "revocation_endpoint": format!("{id}/revoke"),
        "jwks": {"keys": [keys().op_core.public_jwk()]},
        "scopes_supported": ["openid", "offline_access"],
        "response_types_supported": ["code"],
        "grant_types_supported": ["authorization_code", "refresh_token"],
        "acr_values_supported": [SPID_L1, SPID_L2, "https://www.spid.gov.it/SpidL3"],
        "code_challenge_methods_supported": ["S256"],
        "token_endpoint_auth_methods_supported": ["private_key_jwt", "client_secret_basic"],
        "request_object_signing_alg_values_supported": ["RS256"],
        "id_token_signing_alg_values_supported": ["RS256"],
        "userinfo_encryption_alg_values_supported": ["RSA-OAEP", "RSA-OAEP-256"],
        "userinfo_encryption_enc_values_supported": ["A128CBC-HS256", "A256CBC-HS512"],
        "client_registration_types_supported": ["automatic"],
    })
}

fn now() -> i64 {
    Utc::now().timestamp()
}

fn lock(state: &Shared) -> std::sync::MutexGuard<'_, FederationState> {
    state.lock().unwrap_or_else(|e| e.into_inner())
}

fn field<'a>(form: &'a Form, name: &str) -> &'a str {
    form.get(name).map(String::as_str).unwrap_or_default()
}

/// Checks the request (the request object must be the portal's and agree with the
/// query) and sends the browser back with a code.
pub async fn authorize(state: web::Data<Shared>, query: web::Query<Form>) -> HttpResponse {
    let mut state = lock(&state);
    let op = state.entity("op");
    let Some(portal) = state.portal.clone() else {
        return HttpResponse::BadRequest().body("unknown client");
    };
    let grant = match check_authorization(&portal, &query, &op, &state.person) {
        Ok(grant) => grant,
        Err(problem) => return HttpResponse::BadRequest().body(problem),
    };
    let code = uuid::Uuid::new_v4().to_string();
    let mut back = url::Url::parse(&grant.redirect_uri).expect("a URL");
    back.query_pairs_mut()
        .append_pair("code", &code)
        .append_pair("state", field(&query, "state"))
        .append_pair("iss", &op);
    state.codes.insert(code, grant);
    HttpResponse::Found()
        .insert_header((header::LOCATION, back.to_string()))
        .finish()
}

fn check_authorization(
    portal: &RegisteredPortal,
    query: &Form,
    op: &str,
    person: &super::server::Person,
) -> Result<Grant, String> {
    let request = jws::verify(field(query, "request"), &portal.rp_jwks)
        .map_err(|e| format!("request object: {e}"))?;
    for name in [
        "client_id",
        "redirect_uri",
        "state",
        "nonce",
        "code_challenge",
        "code_challenge_method",
        "response_type",
        "scope",
        "acr_values",
    ] {
        if request[name].as_str() != Some(field(query, name)) {
            return Err(format!("{name}: the request object and the query differ"));
        }
    }
    let client_id = field(query, "client_id");
    if client_id != portal.entity_id || request["iss"] != client_id {
        return Err("client_id".into());
    }
    if !audience_contains(&request["aud"], op) {
        return Err("request object audience".into());
    }
    let redirect_uri = field(query, "redirect_uri");
    if !portal.redirect_uris.iter().any(|u| u == redirect_uri) {
        return Err("redirect_uri not registered".into());
    }
    if field(query, "response_type") != "code" || field(query, "code_challenge_method") != "S256" {
        return Err("response_type or code_challenge_method".into());
    }
    Ok(Grant {
        client_id: client_id.to_owned(),
        redirect_uri: redirect_uri.to_owned(),
        nonce: field(query, "nonce").to_owned(),
        code_challenge: field(query, "code_challenge").to_owned(),
        person: person.clone(),
    })
}

fn audience_contains(aud: &Value, who: &str) -> bool {
    match aud {
        Value::String(one) => one == who,
        Value::Array(many) => many.iter().any(|a| a.as_str() == Some(who)),
        _ => false,
    }
}

/// `private_key_jwt` (RFC 7523): signed by a key of the portal's relying-party key set,
/// issued by and about the client, for this endpoint, current.
fn check_client_assertion(
    form: &Form,
    portal: &RegisteredPortal,
    endpoint: &str,
) -> Result<(), String> {
    if field(form, "client_assertion_type") != JWT_BEARER {
        return Err("client_assertion_type".into());
    }
    let client_id = field(form, "client_id");
    if client_id != portal.entity_id {
        return Err("client_id".into());
    }
    let claims = jws::verify(field(form, "client_assertion"), &portal.rp_jwks)
        .map_err(|e| format!("client_assertion: {e}"))?;
    if claims["iss"] != client_id || claims["sub"] != client_id {
        return Err("client_assertion: iss and sub must be the client".into());
    }
    if !audience_contains(&claims["aud"], endpoint) {
        return Err("client_assertion: audience".into());
    }
    let now = now();
    let current = claims["exp"].as_i64().is_some_and(|exp| exp > now)
        && claims["iat"].as_i64().is_some_and(|iat| iat <= now + 60);
    if !current {
        return Err("client_assertion: not current".into());
    }
    Ok(())
}

pub async fn token(state: web::Data<Shared>, form: web::Form<Form>) -> HttpResponse {
    let mut state = lock(&state);
    let outcome = exchange(&mut state, &form);
    state.token_requests.push(TokenRequest {
        problem: outcome.as_ref().err().cloned(),
    });
    match outcome {
        Ok(body) => HttpResponse::Ok()
            .insert_header((header::CACHE_CONTROL, "no-store"))
            .json(body),
        Err(problem) => HttpResponse::BadRequest()
            .json(json!({"error": "invalid_grant", "error_description": problem})),
    }
}

fn exchange(state: &mut FederationState, form: &Form) -> Result<Value, String> {
    let portal = state.portal.clone().ok_or("unknown client")?;
    let op = state.entity("op");
    if field(form, "grant_type") != "authorization_code" {
        return Err("grant_type".into());
    }
    check_client_assertion(form, &portal, &format!("{op}/token"))?;
    let grant = state
        .codes
        .remove(field(form, "code"))
        .ok_or("unknown or used code")?;
    if grant.client_id != field(form, "client_id") {
        return Err("the code was issued to another client".into());
    }
    if grant.redirect_uri != field(form, "redirect_uri") {
        return Err("redirect_uri".into());
    }
    if b64url(&Sha256::digest(field(form, "code_verifier").as_bytes())) != grant.code_challenge {
        return Err("code_verifier does not match the code_challenge".into());
    }
    let id_token = id_token(state.defect, &op, &grant);
    let access_token = uuid::Uuid::new_v4().to_string();
    state.access_tokens.insert(access_token.clone(), grant);
    Ok(json!({
        "access_token": access_token,
        "id_token": id_token,
        "token_type": "Bearer",
        "expires_in": 300,
    }))
}

fn id_token(defect: Defect, op: &str, grant: &Grant) -> String {
    let now = now();
    let mut claims = json!({
        "iss": op, "sub": grant.person.sub, "aud": [grant.client_id],
        "iat": now, "exp": now + 300, "nonce": grant.nonce, "acr": SPID_L2,
        "jti": uuid::Uuid::new_v4().to_string(),
    });
    match defect {
        Defect::IdTokenAudience => claims["aud"] = json!(["https://another-rp.example"]),
        Defect::IdTokenExpired => {
            claims["iat"] = (now - 420).into();
            claims["exp"] = (now - 120).into();
        }
        Defect::IdTokenNonce => claims["nonce"] = "not-the-nonce-sent".into(),
        Defect::IdTokenLevel1 => claims["acr"] = SPID_L1.into(),
        _ => {}
    }
    let key = match defect {
        Defect::IdTokenForeignKey => &keys().rogue,
        _ => &keys().op_core,
    };
    key.sign("JWT", &claims).expect("signs")
}

/// The userinfo: a JWS of the provider, in a JWE to the portal's `enc` key.
pub async fn userinfo(state: web::Data<Shared>, req: HttpRequest) -> HttpResponse {
    let state = lock(&state);
    let presented = req
        .headers()
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "));
    let (Some(grant), Some(portal)) = (
        presented.and_then(|t| state.access_tokens.get(t)),
        &state.portal,
    ) else {
        return HttpResponse::Unauthorized().finish();
    };
    let person = &grant.person;
    let now = now();
    let mut claims = json!({
        "iss": state.entity("op"), "aud": grant.client_id, "iat": now, "exp": now + 300,
        "sub": person.sub, "given_name": person.given_name,
        "family_name": person.family_name, "email": person.email,
    });
    if let Some(fiscal_number) = &person.fiscal_number {
        claims[FISCAL_NUMBER] = fiscal_number.clone().into();
    }
    let signed = keys().op_core.sign("JWT", &claims).expect("signs");
    let body = match state.defect {
        Defect::UserinfoNotEncrypted => signed,
        Defect::UserinfoWrongKey => {
            let other = &keys().rogue_encryption;
            encrypt(&signed, &other.private().to_public_key(), &other.kid)
        }
        _ => {
            let (recipient, kid) = encryption_key(&portal.rp_jwks);
            encrypt(&signed, &recipient, &kid)
        }
    };
    HttpResponse::Ok()
        .content_type("application/jwt")
        .body(body)
}

fn encrypt(signed: &str, recipient: &RsaPublicKey, kid: &str) -> String {
    jwe::encrypt(
        signed.as_bytes(),
        recipient,
        "RSA-OAEP",
        "A256CBC-HS512",
        json!({"cty": "JWT", "kid": kid}),
    )
    .expect("encrypts")
}

/// The portal's `use: enc` key from its relying-party key set.
fn encryption_key(jwks: &Value) -> (RsaPublicKey, String) {
    let jwk = jws::key_list(jwks)
        .into_iter()
        .find(|k| k["use"] == "enc")
        .expect("the portal publishes an encryption key");
    let number = |name: &str| {
        BigUint::from_bytes_be(
            &b64url_decode(jwk[name].as_str().expect("RSA JWK")).expect("base64url"),
        )
    };
    let key = RsaPublicKey::new(number("n"), number("e")).expect("an RSA public key");
    (key, jwk["kid"].as_str().unwrap_or_default().to_owned())
}

/// RFC 7009 with the same client authentication as the token endpoint.
pub async fn revoke(state: web::Data<Shared>, form: web::Form<Form>) -> HttpResponse {
    let mut state = lock(&state);
    let endpoint = format!("{}/revoke", state.entity("op"));
    let problem = match &state.portal {
        Some(portal) => check_client_assertion(&form, portal, &endpoint).err(),
        None => Some("unknown client".to_owned()),
    };
    let token = form.get("token").cloned();
    if problem.is_none() {
        if let Some(token) = &token {
            state.access_tokens.remove(token);
        }
    }
    state.revocations.push(Revocation {
        token,
        token_type_hint: form.get("token_type_hint").cloned(),
        problem: problem.clone(),
    });
    match problem {
        None => HttpResponse::Ok().finish(),
        Some(_) => HttpResponse::Unauthorized().json(json!({"error": "invalid_client"})),
    }
}
