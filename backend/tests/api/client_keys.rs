//! `private_key_jwt`: an application registered with its public keys gets no secret and
//! proves itself with a signed assertion — for this portal's token endpoint, short-lived,
//! used once, signed by a registered key. Replacing the keys voids the old ones and the
//! tokens issued with them.

use std::net::TcpListener;

use portale::platform::jose::rsa_key::{KeyUse, RsaKey};
use serde_json::{json, Value};

use crate::helpers::{audit_entries, problem, spawn_demo_app_on, staff_token, TestApp};

const ASSERTION_TYPE: &str = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

fn assertion(key: &RsaKey, client_id: &str, audience: &str, jti: &str, lifetime: i64) -> String {
    let now = chrono::Utc::now().timestamp();
    let claims = json!({"iss": client_id, "sub": client_id, "aud": audience,
                        "iat": now, "exp": now + lifetime, "jti": jti});
    key.sign("JWT", &claims).unwrap()
}

async fn token_with(app: &TestApp, form: &[(&str, &str)]) -> (u16, Value) {
    let response = app
        .client
        .post(app.url("/api/v1/oauth/token"))
        .form(form)
        .send()
        .await
        .unwrap();
    let status = response.status().as_u16();
    (status, response.json().await.unwrap())
}

async fn with_assertion(app: &TestApp, jwt: &str) -> (u16, Value) {
    token_with(
        app,
        &[
            ("grant_type", "client_credentials"),
            ("client_assertion_type", ASSERTION_TYPE),
            ("client_assertion", jwt),
        ],
    )
    .await
}

#[tokio::test]
async fn an_application_with_registered_keys_signs_in_with_an_assertion_used_once() {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let public = base.clone();
    let (app, credentials) = spawn_demo_app_on(listener, move |s| {
        s.public_base_url = Some(public);
    })
    .await;
    let admin = staff_token(&app, &credentials, "admin").await;
    let key = RsaKey::generate(KeyUse::Signature).unwrap();
    let response = app
        .post_as(
            "/api/v1/admin/clients",
            &admin,
            &json!({"name": "Protocollo informatico", "organisation": "Comune di Valdoria",
                    "contact_email": "protocollo@comune.example.it", "scopes": ["registry:check"],
                    "public_jwks": key.public_jwk()}),
        )
        .await;
    assert_eq!(response.status(), 201);
    let registered: Value = response.json().await.unwrap();
    assert!(
        registered.get("client_secret").is_none(),
        "no secret: {registered}"
    );
    assert_eq!(registered["client"]["auth_method"], "private_key_jwt");
    let id = registered["client"]["client_id"]
        .as_str()
        .unwrap()
        .to_owned();
    let audience = format!("{base}/api/v1/oauth/token");

    let jwt = assertion(&key, &id, &audience, "uno", 60);
    let (status, body) = with_assertion(&app, &jwt).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["scope"], "registry:check");
    let token = body["access_token"].as_str().unwrap().to_owned();
    let (status, body) = with_assertion(&app, &jwt).await;
    assert_eq!(
        (status, body["error"].as_str()),
        (401, Some("invalid_client")),
        "a replay"
    );

    // Each defect is refused: another key, another audience, too long a life, no type.
    let other = RsaKey::generate(KeyUse::Signature).unwrap();
    for (jwt, why) in [
        (assertion(&other, &id, &audience, "due", 60), "another key"),
        (
            assertion(&key, &id, "https://altrove.example.it/token", "tre", 60),
            "another audience",
        ),
        (
            assertion(&key, &id, &audience, "quattro", 3_600),
            "an hour long",
        ),
        (assertion(&key, &id, &audience, "cinque", -300), "expired"),
    ] {
        let (status, body) = with_assertion(&app, &jwt).await;
        assert_eq!(
            (status, body["error"].as_str()),
            (401, Some("invalid_client")),
            "{why}"
        );
    }
    let jwt = assertion(&key, &id, &audience, "sei", 60);
    let (status, body) = token_with(
        &app,
        &[
            ("grant_type", "client_credentials"),
            ("client_assertion_type", "urn:example:other"),
            ("client_assertion", &jwt),
        ],
    )
    .await;
    assert_eq!(
        (status, body["error"].as_str()),
        (400, Some("invalid_request"))
    );
    // The secret route stays closed to a key client.
    let (status, _) = token_with(
        &app,
        &[
            ("grant_type", "client_credentials"),
            ("client_id", &id),
            ("client_secret", "ps_anything"),
        ],
    )
    .await;
    assert_eq!(status, 401);
    let secret = format!("/api/v1/admin/clients/{id}/secret");
    let (status, _, body) = problem(app.post_as(&secret, &admin, &json!({})).await).await;
    assert_eq!(
        (status, body["code"].as_str()),
        (409, Some("client_uses_keys"))
    );

    // New keys: the old key and the tokens issued with it stop working.
    let next = RsaKey::generate(KeyUse::Signature).unwrap();
    let keys = format!("/api/v1/admin/clients/{id}/keys");
    let mut private = next.public_jwk();
    private["d"] = json!("AQAB");
    let response = app
        .post_as(&keys, &admin, &json!({"public_jwks": private}))
        .await;
    assert_eq!(response.status(), 422, "a private key is refused");
    let response = app
        .post_as(
            &keys,
            &admin,
            &json!({"public_jwks": {"keys": [next.public_jwk()]}}),
        )
        .await;
    assert_eq!(response.status(), 200);
    let check = app
        .client
        .post(app.url("/api/v1/registry/checks"))
        .bearer_auth(&token)
        .json(&json!({"fiscal_code": credentials["citizen"]["fiscal_code"],
                      "purpose": "Controllo art. 71 D.P.R. 445/2000", "declared": {"resident": true}}))
        .send()
        .await
        .unwrap();
    assert_eq!(check.status(), 401, "tokens of the old keys are void");
    let (status, _) = with_assertion(&app, &assertion(&key, &id, &audience, "sette", 60)).await;
    assert_eq!(status, 401);
    let (status, body) = with_assertion(&app, &assertion(&next, &id, &audience, "otto", 60)).await;
    assert_eq!(status, 200, "{body}");

    // A secret client cannot be given keys.
    let demo_id = credentials["api_client"]["client_id"].as_str().unwrap();
    let response = app
        .post_as(
            &format!("/api/v1/admin/clients/{demo_id}/keys"),
            &admin,
            &json!({"public_jwks": next.public_jwk()}),
        )
        .await;
    assert_eq!(response.status(), 409);
    let actions: Vec<String> = audit_entries(&app).into_iter().map(|(a, _, _)| a).collect();
    assert!(actions.contains(&"client.keys_replaced".to_owned()));
    assert!(actions.contains(&"client.token_refused".to_owned()));
}
