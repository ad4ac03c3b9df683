//! The profile (only contact fields change) and counter identification of pending accounts.

use serde_json::{json, Value};

use crate::helpers::{problem, spawn_demo_app, staff_token, TestApp};

async fn citizen_token(app: &TestApp, credentials: &Value) -> String {
    app.token(json!({"fiscal_code": credentials["citizen"]["fiscal_code"], "password": credentials["citizen"]["password"]}))
        .await
}

async fn patch_me(app: &TestApp, token: &str, body: Value) -> reqwest::Response {
    app.client
        .patch(app.url("/api/v1/me"))
        .bearer_auth(token)
        .json(&body)
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn only_contact_details_can_be_changed() {
    let (app, credentials) = spawn_demo_app().await;
    let token = citizen_token(&app, &credentials).await;
    let updated = patch_me(
        &app,
        &token,
        json!({"email": "mario@example.org", "phone": "+39 0999 55 11 22", "address": {"street": "Via Roma", "number": "3", "municipality": "Valdoria", "province": "VD"}}),
    )
    .await;
    assert_eq!(updated.status(), 200);
    let me: Value = app.get_as("/api/v1/me", &token).await.json().await.unwrap();
    assert_eq!(me["email"], "mario@example.org");
    assert_eq!(me["address"]["street"], "Via Roma");
    // The identity the profile shows is the registry's, as the family record shows it.
    let person_id = credentials["citizen"]["person_id"].as_str().unwrap();
    let person: Value = app
        .get_as(&format!("/api/v1/persons/{person_id}"), &token)
        .await
        .json()
        .await
        .unwrap();
    for field in ["sex", "birth_date"] {
        assert!(me[field].is_string(), "{field} in {me}");
        assert_eq!(me[field], person[field], "{field}");
    }
    assert!(me["birth_place_code"].is_string(), "{me}");

    let (status, _, body) = problem(
        patch_me(
            &app,
            &token,
            json!({"surname": "Bianchi", "birth_date": "1990-01-01"}),
        )
        .await,
    )
    .await;
    assert_eq!(status, 422);
    let mut fields: Vec<&str> = body["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    fields.sort_unstable();
    assert_eq!(fields, ["birth_date", "surname"]);
    assert!(body["errors"][0]["message"]
        .as_str()
        .unwrap()
        .contains("non può essere modificato"));

    let (status, _, body) = problem(
        patch_me(
            &app,
            &token,
            json!({"email": "not-an-address", "phone": "abc"}),
        )
        .await,
    )
    .await;
    assert_eq!(status, 422);
    assert_eq!(body["errors"].as_array().unwrap().len(), 2);

    let cleared = patch_me(&app, &token, json!({"phone": null}))
        .await
        .json::<Value>()
        .await
        .unwrap();
    assert!(cleared["phone"].is_null());
    assert_eq!(
        cleared["email"], "mario@example.org",
        "fields left out stay"
    );
}

/// A citizen who registered online and waits at the counter.
fn insert_pending(app: &TestApp) -> (String, String) {
    let password = "Attesa2026x";
    let id = uuid::Uuid::now_v7().to_string();
    let account = portale::accounts::store::accounts::AccountRow {
        id: id.clone(),
        role: "citizen".to_owned(),
        fiscal_code: Some("BNCLRA90A41F205E".to_owned()),
        username: None,
        surname: "Bianchi".to_owned(),
        name: "Laura".to_owned(),
        email: Some("laura@example.org".to_owned()),
        password_hash: Some(portale::accounts::password::hash(password).unwrap()),
        status: "pending_identification".to_owned(),
        must_change_password: true,
        created_at: chrono::Utc::now().naive_utc(),
    };
    portale::accounts::store::accounts::insert(&mut app.db.connection().unwrap(), &account)
        .unwrap();
    (id, password.to_owned())
}

#[tokio::test]
async fn an_operator_identifies_a_pending_account_at_the_counter() {
    let (app, credentials) = spawn_demo_app().await;
    let (id, password) = insert_pending(&app);
    let login = json!({"fiscal_code": "BNCLRA90A41F205E", "password": password});
    let (status, _, body) = problem(app.login(login.clone()).await).await;
    assert_eq!(
        (status, body["code"].as_str()),
        (403, Some("account_pending_identification"))
    );
    assert!(body["detail"].as_str().unwrap().contains("Sportello Unico"));

    let operator = staff_token(&app, &credentials, "operator").await;
    let pending: Value = app
        .get_as("/api/v1/admin/accounts?q=BNCL", &operator)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(pending["accounts"][0]["id"], id.as_str());

    let path = format!("/api/v1/admin/accounts/{id}/activate");
    let activate = |body: Value| {
        let (app, path, operator) = (&app, path.clone(), operator.clone());
        async move { app.post_as(&path, &operator, &body).await }
    };
    let (status, _, body) =
        problem(activate(json!({"document_type": "passaporto", "document_number": "YA1234567", "document_expiry": "2020-01-01"})).await).await;
    assert_eq!(
        (status, body["errors"][0]["field"].as_str()),
        (422, Some("document_expiry"))
    );
    let (status, _, body) =
        problem(activate(json!({"document_type": "tessera", "document_number": "??", "document_expiry": "2099-01-01"})).await).await;
    assert_eq!(status, 422);
    assert_eq!(body["errors"].as_array().unwrap().len(), 2);

    let done = activate(json!({"document_type": "carta_identita_elettronica", "document_number": "ca12345ab", "document_expiry": "2099-01-01"})).await;
    assert_eq!(done.status(), 200);
    let done: Value = done.json().await.unwrap();
    assert_eq!(done["status"], "active");
    assert_eq!(done["identity_document_number"], "CA12345AB");
    // The citizen learns by e-mail that the account is active and how to sign in.
    use diesel::prelude::*;
    use portale::platform::db::schema::mail_outbox;
    let mails: Vec<(String, String, String)> = mail_outbox::table
        .select((
            mail_outbox::recipients,
            mail_outbox::subject,
            mail_outbox::body_text,
        ))
        .load(&mut *app.db.connection().unwrap())
        .unwrap();
    let notice = mails
        .iter()
        .find(|(to, _, _)| to.contains("laura@example.org"))
        .expect("an activation mail to the citizen");
    assert!(notice.1.contains("account attivato"), "{}", notice.1);
    assert!(
        notice.2.contains("BNCLRA90A41F205E") && notice.2.contains("/accedi"),
        "{}",
        notice.2
    );

    let again = activate(json!({"document_type": "passaporto", "document_number": "YA1234567", "document_expiry": "2099-01-01"})).await;
    let (status, _, body) = problem(again).await;
    assert_eq!(
        (status, body["code"].as_str()),
        (409, Some("account_not_pending"))
    );

    let first: Value = app.login(login).await.json().await.unwrap();
    assert_eq!(
        first["must_change_password"], true,
        "a new account chooses its password at first login"
    );
}

#[tokio::test]
async fn a_rejected_account_cannot_log_in() {
    let (app, credentials) = spawn_demo_app().await;
    let (id, password) = insert_pending(&app);
    let operator = staff_token(&app, &credentials, "operator").await;
    let rejected = app
        .post_as(
            &format!("/api/v1/admin/accounts/{id}/reject"),
            &operator,
            &json!({}),
        )
        .await;
    assert_eq!(rejected.status(), 200);
    let (status, _, body) = problem(
        app.login(json!({"fiscal_code": "BNCLRA90A41F205E", "password": password}))
            .await,
    )
    .await;
    assert_eq!(
        (status, body["code"].as_str()),
        (403, Some("account_rejected"))
    );
    let missing = app
        .post_as("/api/v1/admin/accounts/nope/reject", &operator, &json!({}))
        .await;
    assert_eq!(missing.status(), 404);
}

/// action, actor label, subject id, ip, request id
type AuditRow = (
    String,
    String,
    Option<String>,
    Option<String>,
    Option<String>,
);

#[tokio::test]
async fn logins_identification_and_profile_changes_are_in_the_audit_chain() {
    use diesel::prelude::*;
    use portale::platform::db::schema::audit_log;

    let (app, credentials) = spawn_demo_app().await;
    let wrong =
        json!({"fiscal_code": credentials["citizen"]["fiscal_code"], "password": "Sbagliata99"});
    assert_eq!(app.login(wrong).await.status(), 401);
    let token = citizen_token(&app, &credentials).await;
    assert_eq!(
        patch_me(&app, &token, json!({"mobile_phone": "333 1234567"}))
            .await
            .status(),
        200
    );
    let (id, _) = insert_pending(&app);
    let operator = staff_token(&app, &credentials, "operator").await;
    let body = json!({"document_type": "passaporto", "document_number": "YA1234567", "document_expiry": "2099-01-01"});
    assert_eq!(
        app.post_as(
            &format!("/api/v1/admin/accounts/{id}/activate"),
            &operator,
            &body
        )
        .await
        .status(),
        200
    );

    let mut conn = app.db.connection().unwrap();
    let rows: Vec<AuditRow> = audit_log::table
        .order(audit_log::id)
        .select((
            audit_log::action,
            audit_log::actor_label,
            audit_log::subject_id,
            audit_log::ip,
            audit_log::request_id,
        ))
        .load(&mut *conn)
        .unwrap();
    let actions: Vec<&str> = rows.iter().map(|r| r.0.as_str()).collect();
    for expected in [
        "auth.login_failed",
        "auth.login_succeeded",
        "account.updated",
        "auth.password_changed",
        "account.activated",
    ] {
        assert!(
            actions.contains(&expected),
            "{expected} missing from {actions:?}"
        );
    }
    let activation = rows.iter().find(|r| r.0 == "account.activated").unwrap();
    assert_eq!(activation.1, "operatore");
    assert_eq!(activation.2.as_deref(), Some(id.as_str()));
    assert_eq!(activation.3.as_deref(), Some("127.0.0.1"));
    assert!(activation.4.is_some(), "the request id is recorded");
    let report = portale::audit::verify_chain(&mut conn).unwrap();
    assert!(report.first_broken.is_none());
    assert_eq!(report.checked, rows.len() as u64);
}
