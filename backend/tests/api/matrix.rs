//! The authorization matrix: every operation of the OpenAPI document, called by every
//! kind of caller, answers as this table says — refused (401 without a session, 403
//! without the right) or let through to the operation itself (any other status: the
//! call carries no meaningful data, so a 404 or a 422 is the operation speaking). An
//! operation that the table does not name fails the test, so a new endpoint cannot
//! escape the review of who may call it.

use std::collections::BTreeSet;

use reqwest::Method;
use serde_json::{json, Value};

use crate::helpers::{spawn_demo_app, staff_token, TestApp};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Caller {
    Anonymous,
    Citizen,
    AnotherCitizen,
    NonResident,
    Operator,
    Admin,
}

const CALLERS: [Caller; 6] = [
    Caller::Anonymous,
    Caller::Citizen,
    Caller::AnotherCitizen,
    Caller::NonResident,
    Caller::Operator,
    Caller::Admin,
];

/// Who gets through to an operation.
#[derive(Debug, Clone, Copy)]
enum Rule {
    /// Anyone, logged in or not.
    Anyone,
    /// Any logged-in account.
    LoggedIn,
    /// Logged-in residents of the municipality (others: 403 not_resident).
    Residents,
    /// Holders of a permission; the demo operator holds it or not.
    Permission { operator: bool },
    /// A smart card's TLS client certificate, which no caller here has: 401 for all.
    SmartCard,
    /// A refresh token, which no call here presents: 401 for all.
    RefreshToken,
    /// A third-party application's token, which no person holds: 401 for all.
    ClientToken,
}

fn rule(method: &str, path: &str) -> Option<Rule> {
    use Rule::*;
    let rule = match (method, path) {
        ("GET", "/healthz" | "/readyz" | "/metrics" | "/status") => Anyone,
        ("GET", "/api/v1/municipality" | "/api/v1/services" | "/api/v1/places") => Anyone,
        ("POST", "/api/v1/codice-fiscale/validate") => Anyone,
        ("POST", "/api/v1/auth/login") => Anyone,
        ("POST", "/api/v1/auth/refresh") => RefreshToken,
        ("GET", "/api/v1/auth/providers" | "/api/v1/auth/password-policy") => Anyone,
        ("POST", "/api/v1/auth/smartcard") => SmartCard,
        ("POST", "/api/v1/oauth/token") => Anyone,
        ("POST", "/api/v1/registry/checks") => ClientToken,
        ("GET" | "POST", "/api/v1/admin/clients") => Permission { operator: false },
        (
            "POST",
            "/api/v1/admin/clients/{id}/secret"
            | "/api/v1/admin/clients/{id}/revoke"
            | "/api/v1/admin/clients/{id}/keys",
        ) => Permission { operator: false },
        ("GET" | "POST", "/api/v1/admin/webhooks") => Permission { operator: false },
        ("GET", "/api/v1/admin/webhooks/{id}/deliveries") => Permission { operator: false },
        ("POST", "/api/v1/admin/webhooks/{id}/disable" | "/api/v1/admin/webhooks/{id}/retry") => {
            Permission { operator: false }
        }
        ("GET" | "POST", "/api/v1/webhooks") => ClientToken,
        ("GET", "/api/v1/webhooks/{id}/deliveries") => ClientToken,
        ("POST", "/api/v1/webhooks/{id}/disable" | "/api/v1/webhooks/{id}/retry") => ClientToken,
        ("GET", "/.well-known/openid-federation") => Anyone,
        ("GET", "/api/v1/auth/oidc/{provider}/start" | "/api/v1/auth/oidc/callback") => Anyone,
        ("POST", "/api/v1/auth/oidc/session") => Anyone,
        ("GET", "/api/v1/registrations/challenge") => Anyone,
        ("POST", "/api/v1/registrations") => Anyone,
        ("POST", "/api/v1/auth/password-reset" | "/api/v1/auth/password-reset/confirm") => Anyone,
        ("POST", "/api/v1/auth/logout" | "/api/v1/auth/password") => LoggedIn,
        ("GET" | "PATCH", "/api/v1/me") => LoggedIn,
        ("GET", "/api/v1/me/family") => Residents,
        ("GET", "/api/v1/persons") => Residents,
        ("GET", "/api/v1/persons/{person_id}") => LoggedIn,
        ("GET", "/api/v1/me/access-log") => LoggedIn,
        ("GET", "/api/v1/certificate-types" | "/api/v1/certificate-usages") => Anyone,
        ("GET" | "POST", "/api/v1/certificates") => LoggedIn,
        ("GET", "/api/v1/certificates/{id}" | "/api/v1/certificates/{id}/pdf") => LoggedIn,
        ("POST", "/api/v1/certificates/{id}/email") => LoggedIn,
        ("POST", "/api/v1/certificates/{id}/revoke") => Permission { operator: true },
        ("GET", "/api/v1/self-declaration-types") => Anyone,
        ("GET", "/api/v1/self-declaration-types/{code}/blank.pdf") => Anyone,
        ("GET", "/api/v1/self-declaration-types/{code}/prefill") => LoggedIn,
        ("POST", "/api/v1/self-declarations/preview") => LoggedIn,
        ("GET" | "POST", "/api/v1/self-declarations") => LoggedIn,
        ("GET", "/api/v1/self-declarations/{id}" | "/api/v1/self-declarations/{id}/pdf") => {
            LoggedIn
        }
        ("POST", "/api/v1/self-declarations/{id}/email") => LoggedIn,
        ("GET", "/api/v1/verify" | "/api/v1/verify/{id}/pdf" | "/api/v1/signing-keys") => Anyone,
        ("GET", "/api/v1/admin/accounts") => Permission { operator: true },
        ("POST", "/api/v1/admin/accounts/{id}/activate" | "/api/v1/admin/accounts/{id}/reject") => {
            Permission { operator: true }
        }
        ("GET", "/api/v1/admin/permissions") => Permission { operator: false },
        ("GET" | "POST", "/api/v1/admin/groups") => Permission { operator: false },
        ("PATCH" | "DELETE", "/api/v1/admin/groups/{id}") => Permission { operator: false },
        ("GET" | "POST", "/api/v1/admin/users") => Permission { operator: false },
        ("POST", "/api/v1/admin/users/{id}/lock" | "/api/v1/admin/users/{id}/unlock") => {
            Permission { operator: false }
        }
        ("POST", "/api/v1/admin/users/{id}/reset-password") => Permission { operator: false },
        ("PUT", "/api/v1/admin/users/{id}/groups") => Permission { operator: false },
        (
            "GET",
            "/api/v1/admin/audit-log"
            | "/api/v1/admin/audit-log/actions"
            | "/api/v1/admin/audit-log/verify",
        ) => Permission { operator: true },
        ("GET", "/api/v1/streets" | "/api/v1/practice-types") => Anyone,
        ("GET", "/api/v1/practice-types/{code}/templates/{document}.pdf") => Anyone,
        // A citizen's own practices, or the office's queue: the operation decides which.
        ("GET" | "POST", "/api/v1/practices") => LoggedIn,
        ("GET" | "PATCH", "/api/v1/practices/{id}") => LoggedIn,
        ("GET", "/api/v1/practices/{id}/history" | "/api/v1/practices/{id}/receipt.pdf") => {
            LoggedIn
        }
        ("POST", "/api/v1/practices/{id}/attachments") => LoggedIn,
        ("GET" | "DELETE", "/api/v1/practices/{id}/attachments/{attachment_id}") => LoggedIn,
        ("POST", "/api/v1/practices/{id}/submit" | "/api/v1/practices/{id}/cancel") => LoggedIn,
        (
            "POST",
            "/api/v1/practices/{id}/take-charge"
            | "/api/v1/practices/{id}/request-integration"
            | "/api/v1/practices/{id}/register"
            | "/api/v1/practices/{id}/approve"
            | "/api/v1/practices/{id}/reject",
        ) => Permission { operator: true },
        ("GET", "/api/v1/desks" | "/api/v1/desks/{id}/availability") => Anyone,
        ("POST", "/api/v1/desks") | ("PUT", "/api/v1/desks/{id}") => Permission { operator: true },
        ("POST", "/api/v1/desks/{id}/closures") => Permission { operator: true },
        ("DELETE", "/api/v1/desks/{id}/closures/{closure_id}") => Permission { operator: true },
        ("GET", "/api/v1/desks/{id}/agenda") => Permission { operator: true },
        // A citizen's own bookings, or the office's: the operation decides which.
        ("GET" | "POST", "/api/v1/appointments") => LoggedIn,
        ("GET" | "DELETE", "/api/v1/appointments/{id}") => LoggedIn,
        ("GET", "/api/v1/appointments/{id}/ics") => LoggedIn,
        ("POST", "/api/v1/appointments/{id}/move" | "/api/v1/appointments/{id}/attendance") => {
            Permission { operator: true }
        }
        ("GET", "/api/v1/admin/mail-outbox") => Permission { operator: false },
        ("POST", "/api/v1/admin/mail-outbox/{id}/retry") => Permission { operator: false },
        _ => return None,
    };
    Some(rule)
}

/// The statuses `caller` may get: `None` means "anything but 401 and 403".
fn expected(rule: Rule, caller: Caller) -> Option<u16> {
    use Caller::*;
    match (rule, caller) {
        (Rule::Anyone, _) => None,
        (Rule::SmartCard | Rule::RefreshToken | Rule::ClientToken, _) => Some(401),
        (_, Anonymous) => Some(401),
        (Rule::LoggedIn, _) => None,
        (Rule::Residents, Citizen | AnotherCitizen) => None,
        (Rule::Residents, _) => Some(403),
        (Rule::Permission { .. }, Admin) => None,
        (Rule::Permission { operator: true }, Operator) => None,
        (Rule::Permission { .. }, _) => Some(403),
    }
}

/// Every (method, path template) of the document.
fn operations(document: &Value) -> Vec<(String, String)> {
    let mut found = Vec::new();
    for (path, item) in document["paths"].as_object().unwrap() {
        for method in ["get", "post", "put", "patch", "delete"] {
            if item.get(method).is_some() {
                found.push((method.to_uppercase(), path.clone()));
            }
        }
    }
    found
}

/// A citizen's session, past the first-login password change where there is one.
async fn citizen_token(app: &TestApp, credentials: &Value, who: &str) -> String {
    let password = &credentials[who]["password"];
    let login = json!({"fiscal_code": credentials[who]["fiscal_code"], "password": password});
    let session: Value = app.login(login).await.json().await.unwrap();
    let token = session["access_token"].as_str().unwrap().to_owned();
    if session["must_change_password"] != true {
        return token;
    }
    let change = json!({"current_password": password, "new_password": "Cittadino2026"});
    let changed: Value = app
        .post_as("/api/v1/auth/password", &token, &change)
        .await
        .json()
        .await
        .unwrap();
    changed["access_token"].as_str().unwrap().to_owned()
}

async fn call(app: &TestApp, method: &str, path: &str, token: Option<&str>) -> u16 {
    let mut concrete = path
        .replace("{person_id}", "NO-SUCH-PERSON")
        .replace("{code}", "residenza")
        .replace("{id}", "NO-SUCH-ID");
    if path == "/api/v1/persons" {
        // A well-formed look-up, so that only the caller decides the answer.
        concrete
            .push_str("?fiscal_code=RSSMRA80A01H501U&reason=Verifica%20per%20una%20successione");
    }
    let method = Method::from_bytes(method.as_bytes()).unwrap();
    let mut request = app.client.request(method.clone(), app.url(&concrete));
    if let Some(token) = token {
        request = request.bearer_auth(token);
    }
    if [Method::POST, Method::PUT, Method::PATCH].contains(&method) {
        request = request.json(&json!({}));
    }
    request.send().await.unwrap().status().as_u16()
}

#[tokio::test]
async fn every_operation_answers_every_kind_of_caller_as_the_matrix_says() {
    let (app, credentials) = spawn_demo_app().await;
    let document: Value = app.get("/api/openapi.json").await.json().await.unwrap();
    let mut operations = operations(&document);
    let unnamed: Vec<_> = operations
        .iter()
        .filter(|(method, path)| rule(method, path).is_none())
        .collect();
    assert!(
        unnamed.is_empty(),
        "operations the matrix does not name: {unnamed:?}"
    );
    // Logging out ends the session the other calls use: it goes last.
    operations.sort_by_key(|(_, path)| path == "/api/v1/auth/logout");

    let mut tokens = vec![(Caller::Anonymous, None)];
    for (caller, who) in [
        (Caller::Citizen, "citizen"),
        (Caller::AnotherCitizen, "citizen2"),
        (Caller::NonResident, "nonresident"),
    ] {
        tokens.push((caller, Some(citizen_token(&app, &credentials, who).await)));
    }
    tokens.push((
        Caller::Operator,
        Some(staff_token(&app, &credentials, "operator").await),
    ));
    tokens.push((
        Caller::Admin,
        Some(staff_token(&app, &credentials, "admin").await),
    ));
    assert_eq!(
        tokens.iter().map(|(c, _)| *c).collect::<BTreeSet<_>>(),
        CALLERS.into_iter().collect()
    );

    let mut wrong = Vec::new();
    for (method, path) in &operations {
        let rule = rule(method, path).unwrap();
        for (caller, token) in &tokens {
            let status = call(&app, method, path, token.as_deref()).await;
            let fine = match expected(rule, *caller) {
                Some(refused) => status == refused,
                None => status != 401 && status != 403,
            };
            if !fine {
                wrong.push(format!("{method} {path} as {caller:?}: {status}"));
            }
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
}
