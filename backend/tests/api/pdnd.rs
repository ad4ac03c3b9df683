//! PDND vouchers accepted as client tokens: signed by a key the test serves as the
//! issuer's JWKS (a real HTTP server), checked for issuer, audience, time and signature,
//! mapped to the configured scopes, the purpose recorded with the check.

use actix_web::{web, App, HttpResponse, HttpServer};
use serde_json::{json, Value};

use crate::helpers::{audit_entries, spawn_demo_app_with, TestApp};
use portale::platform::jose::rsa_key::{KeyUse, RsaKey};
use portale::platform::settings::pdnd::PdndSettings;

const ISSUER: &str = "uat.interop.pagopa.it";
const AUDIENCE: &str = "https://comune.example/api/v1";

/// Serves `{"keys": [key]}` on a random port; its URL.
fn serve_jwks(key: Value) -> String {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}/jwks.json", listener.local_addr().unwrap());
    let body = json!({"keys": [key]});
    let server = HttpServer::new(move || {
        let body = body.clone();
        App::new().route(
            "/jwks.json",
            web::get().to(move || {
                let body = body.clone();
                async move { HttpResponse::Ok().json(body) }
            }),
        )
    })
    .workers(1)
    .listen(listener)
    .unwrap()
    .run();
    tokio::spawn(server);
    url
}

fn voucher(key: &RsaKey, changes: Value) -> String {
    let now = chrono::Utc::now().timestamp();
    let mut claims = json!({
        "iss": ISSUER, "aud": AUDIENCE, "sub": "consumer-7", "client_id": "consumer-7",
        "purposeId": "purpose-42", "jti": uuid::Uuid::new_v4().to_string(),
        "iat": now, "nbf": now, "exp": now + 600,
    });
    for (name, value) in changes.as_object().unwrap() {
        claims[name] = value.clone();
    }
    key.sign("at+jwt", &claims).unwrap()
}

async fn check(app: &TestApp, token: &str, fiscal_code: &str) -> reqwest::Response {
    app.client
        .post(app.url("/api/v1/registry/checks"))
        .bearer_auth(token)
        .json(&json!({
            "fiscal_code": fiscal_code,
            "purpose": "Verifica della residenza dichiarata per il procedimento 2026/9",
            "declared": {"resident": true}
        }))
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn a_pdnd_voucher_checks_a_declaration_and_bad_ones_are_refused() {
    let key = RsaKey::generate(KeyUse::Signature).unwrap();
    let jwks_url = serve_jwks(key.public_jwk());
    let (app, credentials) = spawn_demo_app_with(move |settings| {
        settings.pdnd = PdndSettings {
            issuer: Some(ISSUER.to_owned()),
            audience: Some(AUDIENCE.to_owned()),
            jwks_url: Some(jwks_url),
            scopes: vec!["registry:check".to_owned()],
            rate_limit_per_minute: Some(10),
        };
    })
    .await;
    let citizen = credentials["citizen"]["fiscal_code"].as_str().unwrap();

    let response = check(&app, &voucher(&key, json!({})), citizen).await;
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["x-ratelimit-limit"], "10");
    let result: Value = response.json().await.unwrap();
    assert_eq!(result["resident"], true);
    let (_, actor, details) = audit_entries(&app)
        .into_iter()
        .find(|(action, _, _)| action == "registry.checked")
        .expect("the check is audited");
    assert!(actor.contains("consumer-7"), "{actor}");
    assert_eq!(details["purpose_id"], "purpose-42");
    assert_eq!(details["client_id"], "pdnd:consumer-7");

    let impostor = RsaKey::generate(KeyUse::Signature).unwrap();
    let forged = {
        // Signed by another key under the issuer's kid.
        let mut claims = serde_json::from_slice::<Value>(
            &portale::platform::jose::b64url_decode(
                voucher(&impostor, json!({})).split('.').nth(1).unwrap(),
            )
            .unwrap(),
        )
        .unwrap();
        claims["jti"] = json!("forged");
        let mut header = jsonwebtoken::Header::new(jsonwebtoken::Algorithm::RS256);
        header.kid = Some(key.kid.clone());
        let der = rsa::pkcs1::EncodeRsaPrivateKey::to_pkcs1_der(impostor.private()).unwrap();
        jsonwebtoken::encode(
            &header,
            &claims,
            &jsonwebtoken::EncodingKey::from_rsa_der(der.as_bytes()),
        )
        .unwrap()
    };
    let now = chrono::Utc::now().timestamp();
    for (bad, why) in [
        (
            voucher(&key, json!({"aud": "https://other.example"})),
            "wrong audience",
        ),
        (
            voucher(&key, json!({"iss": "evil.example"})),
            "wrong issuer",
        ),
        (voucher(&key, json!({"exp": now - 300})), "expired"),
        (forged, "another key's signature"),
    ] {
        let response = check(&app, &bad, citizen).await;
        assert_eq!(response.status(), 401, "{why}");
    }
}
