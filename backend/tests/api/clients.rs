//! Third-party applications: registration in the back office, the client-credentials
//! grant with its RFC 6749 errors, scopes enforced from the OpenAPI document, a client
//! kept away from persons' endpoints, rate limits, registry checks audited and shown to
//! the person, renewal and revocation voiding tokens.

use serde_json::{json, Value};

use crate::helpers::{audit_entries, spawn_demo_app, staff_token, TestApp};

async fn token_response(app: &TestApp, form: &[(&str, &str)]) -> reqwest::Response {
    app.client
        .post(app.url("/api/v1/oauth/token"))
        .form(form)
        .send()
        .await
        .unwrap()
}

async fn client_token(app: &TestApp, id: &str, secret: &str, scope: Option<&str>) -> String {
    let mut form = vec![
        ("grant_type", "client_credentials"),
        ("client_id", id),
        ("client_secret", secret),
    ];
    if let Some(scope) = scope {
        form.push(("scope", scope));
    }
    let response = token_response(app, &form).await;
    assert_eq!(response.status(), 200);
    let body: Value = response.json().await.unwrap();
    body["access_token"].as_str().unwrap().to_owned()
}

async fn register(app: &TestApp, admin: &str, body: Value) -> Value {
    let response = app.post_as("/api/v1/admin/clients", admin, &body).await;
    assert_eq!(response.status(), 201);
    response.json().await.unwrap()
}

fn check_body(fiscal_code: &str) -> Value {
    json!({
        "fiscal_code": fiscal_code,
        "purpose": "Controllo della dichiarazione sostitutiva di residenza, art. 71 D.P.R. 445/2000",
        "reference": "2026/77",
        "declared": {"resident": true, "civil_status": "widowed"}
    })
}

async fn check(app: &TestApp, token: &str, body: &Value) -> reqwest::Response {
    app.client
        .post(app.url("/api/v1/registry/checks"))
        .bearer_auth(token)
        .json(body)
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn the_demo_client_checks_a_declaration_and_the_person_sees_it() {
    let (app, credentials) = spawn_demo_app().await;
    let id = credentials["api_client"]["client_id"].as_str().unwrap();
    let secret = credentials["api_client"]["client_secret"].as_str().unwrap();
    let response = token_response(
        &app,
        &[
            ("grant_type", "client_credentials"),
            ("client_id", id),
            ("client_secret", secret),
        ],
    )
    .await;
    assert_eq!(response.headers()["cache-control"], "no-store");
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["token_type"], "Bearer");
    assert_eq!(body["expires_in"], 300);
    assert_eq!(
        body["scope"],
        "certificates:verify registry:check practices:read"
    );
    let token = body["access_token"].as_str().unwrap();

    let citizen = credentials["citizen"]["fiscal_code"].as_str().unwrap();
    let response = check(&app, token, &check_body(citizen)).await;
    assert_eq!(response.status(), 200);
    assert!(response.headers().contains_key("x-ratelimit-limit"));
    assert!(response.headers().contains_key("x-ratelimit-remaining"));
    assert!(response.headers().contains_key("x-ratelimit-reset"));
    let result: Value = response.json().await.unwrap();
    assert_eq!(result["resident"], true);
    assert!(result["civil_status"].is_boolean());
    assert!(
        result.get("address").is_none(),
        "a fact not declared is not answered"
    );

    // The person reads who checked, with the organisation and the purpose.
    let password = credentials["citizen"]["password"].as_str().unwrap();
    let citizen_token = app
        .token(json!({"fiscal_code": citizen, "password": password}))
        .await;
    let log: Value = app
        .get_as("/api/v1/me/access-log", &citizen_token)
        .await
        .json()
        .await
        .unwrap();
    let entry = log["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["action"] == "registry.checked")
        .expect("the check in the citizen's access log");
    assert_eq!(entry["actor_kind"], "client");
    assert!(entry["actor_label"]
        .as_str()
        .unwrap()
        .contains("Ente di prova"));
    assert!(entry["reason"].as_str().unwrap().contains("art. 71"));

    let audited: Vec<String> = audit_entries(&app)
        .into_iter()
        .map(|(action, _, _)| action)
        .collect();
    assert!(audited.contains(&"client.token_issued".to_owned()));
    assert!(audited.contains(&"registry.checked".to_owned()));
}

#[tokio::test]
async fn token_errors_follow_rfc_6749() {
    let (app, credentials) = spawn_demo_app().await;
    let id = credentials["api_client"]["client_id"].as_str().unwrap();
    let secret = credentials["api_client"]["client_secret"].as_str().unwrap();
    type Case<'a> = (&'a [(&'a str, &'a str)], u16, &'a str);
    let cases: [Case; 5] = [
        (
            &[
                ("grant_type", "client_credentials"),
                ("client_id", id),
                ("client_secret", "ps_wrong"),
            ],
            401,
            "invalid_client",
        ),
        (
            &[
                ("grant_type", "client_credentials"),
                ("client_id", "app-unknown"),
                ("client_secret", secret),
            ],
            401,
            "invalid_client",
        ),
        (
            &[
                ("grant_type", "password"),
                ("client_id", id),
                ("client_secret", secret),
            ],
            400,
            "unsupported_grant_type",
        ),
        (
            &[("client_id", id), ("client_secret", secret)],
            400,
            "invalid_request",
        ),
        (
            &[
                ("grant_type", "client_credentials"),
                ("client_id", id),
                ("client_secret", secret),
                ("scope", "webhooks:manage"),
            ],
            400,
            "invalid_scope",
        ),
    ];
    for (form, status, error) in cases {
        let response = token_response(&app, form).await;
        assert_eq!(response.status(), status, "{form:?}");
        let body: Value = response.json().await.unwrap();
        assert_eq!(body["error"], error, "{form:?}");
        assert!(body["error_description"].is_string());
    }
    // HTTP Basic works as well as the form.
    let basic = app
        .client
        .post(app.url("/api/v1/oauth/token"))
        .basic_auth(id, Some(secret))
        .form(&[("grant_type", "client_credentials")])
        .send()
        .await
        .unwrap();
    assert_eq!(basic.status(), 200);
    let refused = audit_entries(&app)
        .into_iter()
        .filter(|(a, _, _)| a == "client.token_refused")
        .count();
    // The wrong secret, the unknown client and the scope not granted; a malformed request
    // names no client.
    assert_eq!(refused, 3);
}

#[tokio::test]
async fn scopes_are_enforced_and_clients_never_reach_persons_endpoints() {
    let (app, credentials) = spawn_demo_app().await;
    let id = credentials["api_client"]["client_id"].as_str().unwrap();
    let secret = credentials["api_client"]["client_secret"].as_str().unwrap();
    let narrow = client_token(&app, id, secret, Some("certificates:verify")).await;
    let citizen = credentials["citizen"]["fiscal_code"].as_str().unwrap();
    let response = check(&app, &narrow, &check_body(citizen)).await;
    assert_eq!(response.status(), 403);
    let problem: Value = response.json().await.unwrap();
    assert_eq!(problem["code"], "insufficient_scope");
    assert!(problem["detail"]
        .as_str()
        .unwrap()
        .contains("registry:check"));

    let full = client_token(&app, id, secret, None).await;
    for path in ["/api/v1/me", "/api/v1/me/family", "/api/v1/admin/clients"] {
        let status = app.get_as(path, &full).await.status();
        assert_eq!(status, 401, "{path} must not open to a client");
    }
    // A person's token does not open a client endpoint either.
    let password = credentials["citizen"]["password"].as_str().unwrap();
    let person = app
        .token(json!({"fiscal_code": citizen, "password": password}))
        .await;
    assert_eq!(
        check(&app, &person, &check_body(citizen)).await.status(),
        401
    );
    // Bad input is a 422 naming the fields, and is not a check.
    let bad = json!({"fiscal_code": "XYZ", "purpose": "x", "declared": {}});
    let response = check(&app, &full, &bad).await;
    assert_eq!(response.status(), 422);
    let problem: Value = response.json().await.unwrap();
    let fields: Vec<&str> = problem["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    assert_eq!(fields, ["fiscal_code", "purpose", "declared"]);
}

#[tokio::test]
async fn the_back_office_registers_renews_and_revokes_and_limits_apply() {
    let (app, credentials) = spawn_demo_app().await;
    let admin = staff_token(&app, &credentials, "admin").await;
    let operator = staff_token(&app, &credentials, "operator").await;
    let body = json!({
        "name": "Verifiche banca",
        "organisation": "Banca di Esempio",
        "contact_email": "api@banca.example",
        "scopes": ["registry:check"],
        "rate_limit_per_minute": 2
    });
    assert_eq!(
        app.post_as("/api/v1/admin/clients", &operator, &body)
            .await
            .status(),
        403
    );
    let created = register(&app, &admin, body).await;
    let id = created["client"]["client_id"].as_str().unwrap().to_owned();
    let secret = created["client_secret"].as_str().unwrap().to_owned();
    assert_eq!(created["client"]["scopes"], json!(["registry:check"]));
    let listed: Value = app
        .get_as("/api/v1/admin/clients", &admin)
        .await
        .json()
        .await
        .unwrap();
    assert!(listed["items"]
        .as_array()
        .unwrap()
        .iter()
        .all(|c| c.get("client_secret").is_none()));

    // Two requests a minute: the third is 429 with Retry-After and the headers.
    let token = client_token(&app, &id, &secret, None).await;
    let citizen = credentials["citizen"]["fiscal_code"].as_str().unwrap();
    for remaining in ["1", "0"] {
        let response = check(&app, &token, &check_body(citizen)).await;
        assert_eq!(response.status(), 200);
        assert_eq!(response.headers()["x-ratelimit-limit"], "2");
        assert_eq!(response.headers()["x-ratelimit-remaining"], remaining);
    }
    let limited = check(&app, &token, &check_body(citizen)).await;
    assert_eq!(limited.status(), 429);
    assert!(limited.headers().contains_key("retry-after"));
    assert_eq!(limited.headers()["x-ratelimit-remaining"], "0");

    // A renewed secret voids the old one and the tokens issued with it.
    let renewed: Value = app
        .post_as(
            &format!("/api/v1/admin/clients/{id}/secret"),
            &admin,
            &json!({}),
        )
        .await
        .json()
        .await
        .unwrap();
    let new_secret = renewed["client_secret"].as_str().unwrap();
    assert_ne!(new_secret, secret);
    let old = token_response(
        &app,
        &[
            ("grant_type", "client_credentials"),
            ("client_id", &id),
            ("client_secret", &secret),
        ],
    )
    .await;
    assert_eq!(old.status(), 401);
    assert_eq!(
        check(&app, &token, &check_body(citizen)).await.status(),
        401
    );
    let token = client_token(&app, &id, new_secret, None).await;

    // Revoked: no token, and the one in hand stops working.
    let revoked = app
        .post_as(
            &format!("/api/v1/admin/clients/{id}/revoke"),
            &admin,
            &json!({}),
        )
        .await;
    assert_eq!(revoked.status(), 200);
    assert_eq!(
        check(&app, &token, &check_body(citizen)).await.status(),
        401
    );
    let again = token_response(
        &app,
        &[
            ("grant_type", "client_credentials"),
            ("client_id", &id),
            ("client_secret", new_secret),
        ],
    )
    .await;
    assert_eq!(again.status(), 401);
    let twice = app
        .post_as(
            &format!("/api/v1/admin/clients/{id}/revoke"),
            &admin,
            &json!({}),
        )
        .await;
    assert_eq!(twice.status(), 409);
    let actions: Vec<String> = audit_entries(&app).into_iter().map(|(a, _, _)| a).collect();
    for expected in [
        "client.registered",
        "client.secret_renewed",
        "client.revoked",
    ] {
        assert!(actions.contains(&expected.to_owned()), "{expected}");
    }
}

#[tokio::test]
async fn a_registration_with_bad_fields_names_each_and_creates_nothing() {
    let (app, credentials) = spawn_demo_app().await;
    let admin = staff_token(&app, &credentials, "admin").await;
    let bad = json!({
        "name": "x", "organisation": "Ente", "contact_email": "nobody",
        "scopes": ["admin"], "allowed_ips": ["300.0.0.1"], "rate_limit_per_minute": 0
    });
    let response = app.post_as("/api/v1/admin/clients", &admin, &bad).await;
    assert_eq!(response.status(), 422);
    let listed: Value = app
        .get_as("/api/v1/admin/clients", &admin)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        listed["items"].as_array().unwrap().len(),
        1,
        "only the demo's client"
    );
}

#[tokio::test]
async fn an_expired_or_forged_client_token_is_refused() {
    use portale::platform::auth::client::{client_claims, ClientGrant};
    use portale::platform::auth::{Scope, TokenKeys};
    let (app, credentials) = spawn_demo_app().await;
    let id = credentials["api_client"]["client_id"].as_str().unwrap();
    let citizen = credentials["citizen"]["fiscal_code"].as_str().unwrap();
    let grant = ClientGrant {
        client_id: id,
        name: "Verifiche demo",
        organisation: "Ente di prova",
        scopes: &[Scope::RegistryCheck],
        rate_limit_per_minute: 10,
        generation: 0,
    };
    // Signed with the server's own key, but an hour old.
    let keys = TokenKeys::load(None, app.data_dir.path()).unwrap();
    let mut old = client_claims(&grant);
    old.iat -= 3600;
    old.exp -= 3600;
    let expired = keys.issue_as(&old).unwrap();
    let response = check(&app, &expired, &check_body(citizen)).await;
    assert_eq!(response.status(), 401);
    let problem: Value = response.json().await.unwrap();
    assert_eq!(problem["code"], "invalid_token");
    // The same claims under another key, and a token of another shape, are not tokens.
    let forged = TokenKeys::from_secret(b"not the portal's secret, 32+ bytes long")
        .issue_as(&client_claims(&grant))
        .unwrap();
    assert_eq!(
        check(&app, &forged, &check_body(citizen)).await.status(),
        401
    );
    assert_eq!(
        check(&app, "not-a-token", &check_body(citizen))
            .await
            .status(),
        401
    );
    let valid = keys.issue_as(&client_claims(&grant)).unwrap();
    assert_eq!(
        check(&app, &valid, &check_body(citizen)).await.status(),
        200
    );
}
