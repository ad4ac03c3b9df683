//! Smart-card login over real TLS: the server listens with rustls and asks for a client
//! certificate; reqwest presents cards made by `pki` for the test.

mod pki;

use serde_json::{json, Value};

use crate::helpers::{
    audit_entries, insert_account, problem, spawn_app, spawn_demo_app_with, TestApp,
};
use pki::{Holder, Pki};

const UNKNOWN: &str = "VRDGFR72L04L219K";
const PENDING: &str = "BNCMRA90C55F205B";
const LOCKED: &str = "RSSMRA85T10H501O";

/// The demo municipality served over HTTPS, trusting the test's smart-card CA.
async fn spawn_tls_app(pki: &Pki, smart_cards: bool) -> (TestApp, Value) {
    let (mut app, credentials) = spawn_demo_app_with(|settings| {
        settings.tls_cert_file = Some(pki.path("server.pem"));
        settings.tls_key_file = Some(pki.path("server.key"));
        if smart_cards {
            settings.tls_client_ca_files = vec![pki.path("cards-ca.pem")];
        }
    })
    .await;
    assert!(app.address.starts_with("https://127.0.0.1:"));
    app.client = pki.client(None);
    (app, credentials)
}

async fn smartcard_login(app: &TestApp, client: &reqwest::Client) -> reqwest::Response {
    client
        .post(app.url("/api/v1/auth/smartcard"))
        .send()
        .await
        .expect("the TLS handshake succeeds")
}

fn fiscal_code<'a>(credentials: &'a Value, who: &str) -> &'a str {
    credentials[who]["fiscal_code"].as_str().unwrap()
}

async fn provider_ids(app: &TestApp) -> Vec<String> {
    let body: Value = app
        .get("/api/v1/auth/providers")
        .await
        .json()
        .await
        .unwrap();
    body["providers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["id"].as_str().unwrap().to_owned())
        .collect()
}

#[tokio::test]
async fn a_citizen_logs_in_with_the_card_and_uses_the_access_token() {
    let pki = Pki::new();
    let (app, credentials) = spawn_tls_app(&pki, true).await;
    assert_eq!(provider_ids(&app).await, ["password", "smartcard"]);
    let providers: Value = app
        .get("/api/v1/auth/providers")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(providers["providers"][1]["kind"], "smartcard");
    assert_eq!(
        providers["providers"][1]["name"],
        "Carta Nazionale dei Servizi (CNS/CRS)"
    );

    let citizen = fiscal_code(&credentials, "citizen");
    let card = pki.client(Some(pki.card(Holder::SerialNumber(citizen))));
    let response = smartcard_login(&app, &card).await;
    assert_eq!(response.status(), 200);
    let cookie = response.headers()["set-cookie"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(
        cookie.starts_with("portale_refresh=")
            && cookie.contains("HttpOnly")
            && cookie.contains("Secure")
            && cookie.contains("Path=/api/v1/auth"),
        "{cookie}"
    );
    let session: Value = response.json().await.unwrap();
    assert_eq!(session["token_type"], "Bearer");
    assert_eq!(session["must_change_password"], false);
    let token = session["access_token"].as_str().unwrap();
    // The token works like any other, on a connection without the card too.
    let me: Value = app.get_as("/api/v1/me", token).await.json().await.unwrap();
    assert_eq!(me["fiscal_code"], citizen);

    let entries = audit_entries(&app);
    let (_, actor, details) = entries
        .iter()
        .find(|(action, _, _)| action == "auth.login_succeeded")
        .expect("the login is in the audit log");
    assert!(actor.ends_with(&format!("({citizen})")), "{actor}");
    assert_eq!(details["method"], "smartcard");
    let subject = details["certificate"]["subject"].as_str().unwrap();
    assert!(subject.contains(&format!("TINIT-{citizen}")), "{subject}");
    assert!(details["certificate"]["issuer"]
        .as_str()
        .unwrap()
        .contains("Carta Nazionale dei Servizi"));
}

#[tokio::test]
async fn a_card_session_skips_the_forced_password_change_and_a_password_session_does_not() {
    let pki = Pki::new();
    let (app, credentials) = spawn_tls_app(&pki, true).await;
    let outsider = fiscal_code(&credentials, "nonresident");
    let card = pki.client(Some(pki.card(Holder::CommonName(&outsider.to_lowercase()))));
    let session: Value = smartcard_login(&app, &card).await.json().await.unwrap();
    assert_eq!(session["must_change_password"], false);
    let token = session["access_token"].as_str().unwrap();
    assert_eq!(app.get_as("/api/v1/me", token).await.status(), 200);

    // The session keeps its method when renewed.
    let refresh = json!({"refresh_token": session["refresh_token"]});
    let renewed: Value = app
        .post_json("/api/v1/auth/refresh", &refresh)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(renewed["must_change_password"], false);
    let token = renewed["access_token"].as_str().unwrap();
    assert_eq!(app.get_as("/api/v1/me", token).await.status(), 200);

    // The password login, on the same HTTPS port without a card, still forces the change.
    let password =
        json!({"fiscal_code": outsider, "password": credentials["nonresident"]["password"]});
    let response = app.login(password).await;
    assert_eq!(response.status(), 200);
    let session: Value = response.json().await.unwrap();
    assert_eq!(session["must_change_password"], true);
    let token = session["access_token"].as_str().unwrap();
    let (status, _, body) = problem(app.get_as("/api/v1/me", token).await).await;
    assert_eq!(
        (status, body["code"].as_str()),
        (403, Some("password_change_required"))
    );
}

#[tokio::test]
async fn cards_that_name_nobody_usable_are_refused_like_password_logins() {
    let pki = Pki::new();
    let (app, _) = spawn_tls_app(&pki, true).await;
    insert_account(&app, PENDING, "pending_identification");
    insert_account(&app, LOCKED, "locked");

    let (status, content_type, body) = problem(smartcard_login(&app, &app.client).await).await;
    assert_eq!(
        (status, body["code"].as_str()),
        (401, Some("smart_card_required"))
    );
    assert_eq!(content_type, "application/problem+json");
    assert!(body["detail"]
        .as_str()
        .unwrap()
        .contains("inserire la carta nel lettore"));

    for (card, status, code) in [
        (
            pki.card(Holder::SerialNumber(UNKNOWN)),
            401,
            "smart_card_not_registered",
        ),
        (
            pki.card(Holder::NameOnly("Mario Rossi")),
            401,
            "smart_card_unreadable",
        ),
        (
            pki.card(Holder::SerialNumber(PENDING)),
            403,
            "account_pending_identification",
        ),
        (pki.card(Holder::CommonName(LOCKED)), 403, "account_locked"),
    ] {
        let response = smartcard_login(&app, &pki.client(Some(card))).await;
        let (got_status, content_type, body) = problem(response).await;
        assert_eq!((got_status, body["code"].as_str()), (status, Some(code)));
        assert_eq!(content_type, "application/problem+json");
    }

    let failures: Vec<(String, Value)> = audit_entries(&app)
        .into_iter()
        .filter(|(action, _, _)| action == "auth.login_failed")
        .map(|(_, actor, details)| (actor, details))
        .collect();
    assert_eq!(
        failures.len(),
        4,
        "every card presented is recorded: {failures:?}"
    );
    assert!(failures
        .iter()
        .all(|(_, details)| details["method"] == "smartcard"));
    let unknown = &failures[0];
    assert_eq!(unknown.0, UNKNOWN);
    assert_eq!(unknown.1["code"], "smart_card_not_registered");
    let unreadable = &failures[1];
    assert!(unreadable.0.contains("Mario Rossi"), "{}", unreadable.0);
    assert_eq!(unreadable.1["reason"], "no_fiscal_code");
    assert_eq!(failures[3].1["code"], "account_locked");
}

#[tokio::test]
async fn untrusted_and_expired_cards_fail_the_tls_handshake() {
    let pki = Pki::new();
    let (app, credentials) = spawn_tls_app(&pki, true).await;
    let citizen = fiscal_code(&credentials, "citizen");
    for (card, alert) in [
        (pki.foreign_card(Holder::SerialNumber(citizen)), "UnknownCA"),
        (
            pki.expired_card(Holder::SerialNumber(citizen)),
            "CertificateExpired",
        ),
    ] {
        let outcome = pki
            .client(Some(card))
            .post(app.url("/api/v1/auth/smartcard"))
            .send()
            .await;
        // rustls on the server refuses the certificate with a TLS alert.
        let error = format!("{:?}", outcome.expect_err("the handshake fails"));
        assert!(error.contains(alert), "{alert} expected: {error}");
    }
    assert!(
        audit_entries(&app)
            .iter()
            .all(|(action, _, _)| !action.starts_with("auth.login")),
        "no request reached the portal"
    );
    // The same server still serves a trusted card.
    let card = pki.client(Some(pki.card(Holder::SerialNumber(citizen))));
    assert_eq!(smartcard_login(&app, &card).await.status(), 200);
}

#[tokio::test]
async fn smart_card_login_is_offered_only_when_configured() {
    let plain = spawn_app().await;
    assert_eq!(provider_ids(&plain).await, ["password"]);
    let response = plain
        .client
        .post(plain.url("/api/v1/auth/smartcard"))
        .send()
        .await
        .unwrap();
    let (status, _, body) = problem(response).await;
    assert_eq!(
        (status, body["code"].as_str()),
        (401, Some("smart_card_required"))
    );

    // HTTPS without smart-card CAs asks for no certificate: a card is never seen.
    let pki = Pki::new();
    let (app, credentials) = spawn_tls_app(&pki, false).await;
    assert_eq!(provider_ids(&app).await, ["password"]);
    let card = pki.client(Some(
        pki.card(Holder::SerialNumber(fiscal_code(&credentials, "citizen"))),
    ));
    let (status, _, body) = problem(smartcard_login(&app, &card).await).await;
    assert_eq!(
        (status, body["code"].as_str()),
        (401, Some("smart_card_required"))
    );
}
