//! Issue 4 end to end over HTTP: the family record, persons and third-party look-ups,
//! issuing certificates, the repository, delivery, public verification, the keys and
//! the offline verifier.

mod family;
mod issue;
mod large_family;
mod office_search;
mod third_party;
mod verification;

use serde_json::{json, Value};

use crate::helpers::{spawn_demo_app, TestApp};

pub struct Demo {
    pub app: TestApp,
    pub credentials: Value,
    pub citizen: String,
    pub citizen2: String,
}

/// The demo app with the two resident citizens logged in.
pub async fn demo() -> Demo {
    let (app, credentials) = spawn_demo_app().await;
    let citizen = login(&app, &credentials["citizen"]).await;
    let citizen2 = login(&app, &credentials["citizen2"]).await;
    Demo {
        app,
        credentials,
        citizen,
        citizen2,
    }
}

pub async fn login(app: &TestApp, who: &Value) -> String {
    app.token(json!({"fiscal_code": who["fiscal_code"], "password": who["password"]}))
        .await
}

/// The demo non-resident, logged in after the password change the first login asks for.
pub async fn nonresident(demo: &Demo) -> String {
    let who = &demo.credentials["nonresident"];
    let first = login(&demo.app, who).await;
    let body = json!({"current_password": who["password"], "new_password": "Residenza2026x"});
    let changed: Value = demo
        .app
        .post_as("/api/v1/auth/password", &first, &body)
        .await
        .json()
        .await
        .unwrap();
    changed["access_token"].as_str().unwrap().to_owned()
}

pub async fn family(demo: &Demo, token: &str) -> Value {
    let response = demo.app.get_as("/api/v1/me/family", token).await;
    assert_eq!(response.status(), 200);
    response.json().await.unwrap()
}

/// Issues a certificate and returns the answer's status and body.
pub async fn issue(demo: &Demo, token: &str, body: Value) -> (u16, Value) {
    let response = demo.app.post_as("/api/v1/certificates", token, &body).await;
    let status = response.status().as_u16();
    (status, response.json().await.unwrap())
}

/// A certificate of residence for oneself, exempt (pension).
pub async fn issue_residence(demo: &Demo) -> Value {
    let person_id = demo.credentials["citizen"]["person_id"].as_str().unwrap();
    let (status, body) = issue(
        demo,
        &demo.citizen,
        json!({"type": "residenza", "person_id": person_id, "usage": "pensione"}),
    )
    .await;
    assert_eq!(status, 201, "{body}");
    body
}

pub async fn pdf_of(demo: &Demo, token: &str, id: &str) -> Vec<u8> {
    let response = demo
        .app
        .get_as(&format!("/api/v1/certificates/{id}/pdf"), token)
        .await;
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["content-type"], "application/pdf");
    response.bytes().await.unwrap().to_vec()
}

/// Fourteen digits not used before in this process.
pub fn fresh_stamp() -> String {
    use std::sync::atomic::{AtomicU64, Ordering};
    static NEXT: AtomicU64 = AtomicU64::new(1);
    let n = NEXT.fetch_add(1, Ordering::Relaxed);
    format!("{:014}", 1_234_500_000_000 + n)
}

pub fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}
