//! Online registration: checks, the mailed password, identification at the counter.

use diesel::prelude::*;
use portale::accounts::rules::proof_of_work;
use portale::registry::rules::fiscal_code::{FiscalCode, PersonalData};
use portale::registry::rules::sex::Sex;
use serde_json::{json, Value};

use crate::helpers::{problem, spawn_app_with, spawn_demo_app, staff_token, TestApp};

fn code_for(surname: &str, name: &str, sex: Sex, birth: &str, place: &str) -> String {
    let birth_date = chrono::NaiveDate::parse_from_str(birth, "%Y-%m-%d").unwrap();
    FiscalCode::compute(&PersonalData {
        surname,
        name,
        sex,
        birth_date,
        birth_place_code: place,
    })
    .unwrap()
    .as_str()
    .to_owned()
}

async fn solved_challenge(app: &TestApp) -> Value {
    let challenge: Value = app
        .get("/api/v1/registrations/challenge")
        .await
        .json()
        .await
        .unwrap();
    let text = challenge["challenge"].as_str().unwrap();
    let nonce = proof_of_work::solve(text, challenge["difficulty"].as_u64().unwrap() as u32);
    json!({"challenge": text, "nonce": nonce})
}

async fn registration(app: &TestApp) -> Value {
    json!({
        "surname": "D'Angelo", "name": "Nicolò", "sex": "M", "birth_date": "1990-04-15",
        "birth_country": "IT", "birth_place_code": "F205",
        "fiscal_code": code_for("D'Angelo", "Nicolò", Sex::M, "1990-04-15", "F205"),
        "email": "nicolo.dangelo@example.org",
        "residence": {"province": "VD", "municipality": "Valdoria", "street": "Via Roma", "number": "1"},
        "proof_of_work": solved_challenge(app).await,
    })
}

pub fn outbox_body(app: &TestApp, recipient: &str) -> String {
    use portale::platform::db::schema::mail_outbox;
    let mut conn = app.db.connection().unwrap();
    let rows: Vec<(String, String)> = mail_outbox::table
        .select((mail_outbox::recipients, mail_outbox::body_text))
        .load(&mut *conn)
        .unwrap();
    rows.into_iter()
        .find(|(to, _)| to.contains(recipient))
        .map(|(_, body)| body)
        .expect("a mail to the registrant")
}

#[tokio::test]
async fn a_citizen_registers_gets_the_password_by_mail_and_is_identified_at_the_counter() {
    let (app, credentials) = spawn_demo_app().await;
    let body = registration(&app).await;
    let response = app.post_json("/api/v1/registrations", &body).await;
    assert_eq!(response.status(), 201);
    let accepted: Value = response.json().await.unwrap();
    assert_eq!(accepted["status"], "pending_identification");
    assert!(accepted["next_steps"]
        .as_str()
        .unwrap()
        .contains("Sportello Unico"));

    let mail = outbox_body(&app, "nicolo.dangelo@example.org");
    assert!(mail.contains("Gentile Nicolò D'Angelo"), "{mail}");
    let password = mail
        .lines()
        .find_map(|l| l.strip_prefix("Password provvisoria: "))
        .unwrap()
        .trim()
        .to_owned();

    let login = json!({"fiscal_code": body["fiscal_code"], "password": password});
    let (status, _, refused) = problem(app.login(login.clone()).await).await;
    assert_eq!(
        (status, refused["code"].as_str()),
        (403, Some("account_pending_identification"))
    );

    let operator = &staff_token(&app, &credentials, "operator").await;
    let activation = json!({"document_type": "carta_identita_elettronica", "document_number": "CA00000AA", "document_expiry": "2099-12-31"});
    let activated = app
        .post_as(
            &format!(
                "/api/v1/admin/accounts/{}/activate",
                accepted["id"].as_str().unwrap()
            ),
            operator,
            &activation,
        )
        .await;
    assert_eq!(activated.status(), 200);

    let session: Value = app.login(login).await.json().await.unwrap();
    assert_eq!(session["must_change_password"], true);
    let me = app
        .get_as("/api/v1/me", session["access_token"].as_str().unwrap())
        .await;
    assert_eq!(me.status(), 403, "the password must be changed first");
}

#[tokio::test]
async fn the_fiscal_code_must_match_the_person_and_omocodia_is_accepted() {
    let app = spawn_app_with(|_| {}).await;
    let mut body = registration(&app).await;
    body["fiscal_code"] = json!(code_for("D'Angelo", "Nicolò", Sex::M, "1990-04-16", "F205"));
    let (status, _, refused) = problem(app.post_json("/api/v1/registrations", &body).await).await;
    assert_eq!(status, 422);
    assert_eq!(refused["errors"][0]["field"], "fiscal_code");
    assert!(refused["errors"][0]["message"]
        .as_str()
        .unwrap()
        .contains("non corrisponde"));

    let base = FiscalCode::parse(&code_for(
        "D'Angelo",
        "Nicolò",
        Sex::M,
        "1990-04-15",
        "F205",
    ))
    .unwrap();
    body["fiscal_code"] = json!(base.with_omocodia(2).as_str());
    body["proof_of_work"] = solved_challenge(&app).await;
    assert_eq!(
        app.post_json("/api/v1/registrations", &body).await.status(),
        201
    );
}

#[tokio::test]
async fn every_wrong_field_is_named_and_nothing_is_stored() {
    let app = spawn_app_with(|_| {}).await;
    let body = json!({
        "surname": " ", "name": "Anna", "sex": "F", "birth_date": "2999-01-01",
        "birth_country": "IT", "birth_place_code": "Q999", "fiscal_code": "ABC",
        "email": "not-mail", "pec": "also@bad", "proof_of_work": {"challenge": "forged.1.abc", "nonce": "1"},
    });
    let (status, _, refused) = problem(app.post_json("/api/v1/registrations", &body).await).await;
    assert_eq!(status, 422);
    let mut fields: Vec<&str> = refused["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    fields.sort_unstable();
    assert_eq!(
        fields,
        [
            "birth_date",
            "birth_place_code",
            "email",
            "fiscal_code",
            "pec",
            "proof_of_work",
            "surname"
        ]
    );
    let count: i64 = portale::platform::db::schema::accounts::table
        .count()
        .get_result(&mut *app.db.connection().unwrap())
        .unwrap();
    assert_eq!(count, 0);
}

#[tokio::test]
async fn one_account_per_fiscal_code_and_registration_can_be_switched_off() {
    let app = spawn_app_with(|_| {}).await;
    let body = registration(&app).await;
    assert_eq!(
        app.post_json("/api/v1/registrations", &body).await.status(),
        201
    );
    let mut again = registration(&app).await;
    again["email"] = json!("someone.else@example.org");
    let (status, _, conflict) = problem(app.post_json("/api/v1/registrations", &again).await).await;
    assert_eq!(
        (status, conflict["code"].as_str()),
        (409, Some("account_exists"))
    );
    assert!(
        !conflict.to_string().contains("nicolo.dangelo"),
        "reveals nothing about the existing account"
    );

    let open_body = registration(&app).await;
    let closed = spawn_app_with(|s| s.registration_enabled = false).await;
    let (status, _, body) =
        crate::helpers::problem(closed.post_json("/api/v1/registrations", &open_body).await).await;
    assert_eq!(
        (status, body["code"].as_str()),
        (403, Some("registration_closed"))
    );
    assert!(
        body["detail"].as_str().unwrap().contains("Come accedere"),
        "{body}"
    );
    let (status, _, body) =
        crate::helpers::problem(closed.get("/api/v1/registrations/challenge").await).await;
    assert_eq!(
        (status, body["code"].as_str()),
        (403, Some("registration_closed"))
    );
    let providers: serde_json::Value = closed
        .get("/api/v1/auth/providers")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(providers["password_registration"], false);
    let providers: serde_json::Value = app
        .get("/api/v1/auth/providers")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(providers["password_registration"], true);
}

#[tokio::test]
async fn a_person_born_abroad_registers_with_the_state_code() {
    let app = spawn_app_with(|_| {}).await;
    let body = json!({
        "surname": "Popescu", "name": "Ioana", "sex": "F", "birth_date": "1988-07-02", "birth_country": "Z129",
        "fiscal_code": code_for("Popescu", "Ioana", Sex::F, "1988-07-02", "Z129"),
        "email": "ioana@example.org", "proof_of_work": solved_challenge(&app).await,
    });
    assert_eq!(
        app.post_json("/api/v1/registrations", &body).await.status(),
        201
    );
}

#[tokio::test]
async fn a_forgotten_password_is_reset_by_a_single_use_mailed_link() {
    let (app, credentials) = spawn_demo_app().await;
    let token = app.token(json!({"fiscal_code": credentials["citizen"]["fiscal_code"], "password": credentials["citizen"]["password"]})).await;
    let set_email = json!({"email": "titolare@example.org"});
    let patched = app
        .client
        .patch(app.url("/api/v1/me"))
        .bearer_auth(&token)
        .json(&set_email)
        .send()
        .await
        .unwrap();
    assert_eq!(patched.status(), 200);
    let session: Value = app
        .login(json!({"fiscal_code": credentials["citizen"]["fiscal_code"], "password": credentials["citizen"]["password"]}))
        .await
        .json()
        .await
        .unwrap();

    let ask = |email: &str| {
        let body = json!({"fiscal_code": credentials["citizen"]["fiscal_code"], "email": email});
        let app = &app;
        async move { app.post_json("/api/v1/auth/password-reset", &body).await }
    };
    let wrong_email = ask("someone@example.org").await;
    let right_email = ask("TITOLARE@example.org").await;
    assert_eq!(
        (wrong_email.status().as_u16(), right_email.status().as_u16()),
        (202, 202)
    );
    let (a, b): (Value, Value) = (
        wrong_email.json().await.unwrap(),
        right_email.json().await.unwrap(),
    );
    assert_eq!(a, b, "the same answer whether or not the data match");

    let mail = outbox_body(&app, "titolare@example.org");
    let link_token = mail
        .split("token=")
        .nth(1)
        .unwrap()
        .split_whitespace()
        .next()
        .unwrap()
        .to_owned();
    let confirm = |new_password: &str| {
        let body = json!({"token": link_token, "new_password": new_password});
        let app = &app;
        async move {
            app.post_json("/api/v1/auth/password-reset/confirm", &body)
                .await
        }
    };
    let (status, _, weak) = problem(confirm("debole").await).await;
    assert_eq!(
        (status, weak["errors"][0]["field"].as_str()),
        (422, Some("new_password"))
    );
    assert_eq!(confirm("Ritrovata2026").await.status(), 204);
    let (status, _, reused) = problem(confirm("Ancora2026x").await).await;
    assert_eq!(
        (status, reused["errors"][0]["field"].as_str()),
        (422, Some("token")),
        "single use"
    );

    let refreshed = app
        .post_json(
            "/api/v1/auth/refresh",
            &json!({"refresh_token": session["refresh_token"]}),
        )
        .await;
    assert_eq!(refreshed.status(), 401, "every session ended");
    let new_login =
        json!({"fiscal_code": credentials["citizen"]["fiscal_code"], "password": "Ritrovata2026"});
    assert_eq!(app.login(new_login).await.status(), 200);
}
