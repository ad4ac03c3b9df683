//! Staff accounts: the first administrator from the command line, and operators and
//! administrators invited from the back office.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

use serde_json::json;

use crate::helpers::{postgres_admin_url, problem, spawn_app_with, spawn_demo_app, staff_token};
use crate::registrations::outbox_body;

fn admin_create(data_dir: &Path, args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_portale"))
        .env_remove("PORTALE_DATABASE_URL")
        .env("PORTALE_LOG", "warn")
        .args(["admin", "create"])
        .args(args)
        .arg("--data-dir")
        .arg(data_dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    if let Some(text) = stdin {
        input.write_all(text.as_bytes()).unwrap();
    }
    drop(input);
    child.wait_with_output().unwrap()
}

fn one_time_password(output: &Output) -> String {
    let stdout = String::from_utf8_lossy(&output.stdout);
    stdout
        .lines()
        .find_map(|line| line.strip_prefix("One-time password: "))
        .unwrap_or_else(|| panic!("no password in {stdout}"))
        .to_owned()
}

#[tokio::test]
async fn the_first_administrator_logs_in_with_the_printed_password_and_must_change_it() {
    if postgres_admin_url().is_some() {
        return; // The command works on the data directory's SQLite file here.
    }
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().to_path_buf();
    let first = admin_create(
        &data,
        &[
            "--username",
            "m.rossi",
            "--email",
            "ced@comune.example",
            "--surname",
            "Rossi",
        ],
        None,
    );
    assert!(
        first.status.success(),
        "{}",
        String::from_utf8_lossy(&first.stderr)
    );
    let password = one_time_password(&first);

    let second = admin_create(
        &data,
        &["--username", "altro", "--email", "a@comune.example"],
        None,
    );
    assert!(!second.status.success());
    let refusal = String::from_utf8_lossy(&second.stderr);
    assert!(
        refusal.contains("already has 1 active administrator"),
        "{refusal}"
    );

    let weak = admin_create(
        &data,
        &[
            "--username",
            "altro",
            "--email",
            "a@comune.example",
            "--force",
            "--password-stdin",
        ],
        Some("short\n"),
    );
    assert!(!weak.status.success());
    assert!(String::from_utf8_lossy(&weak.stderr).contains("password policy"));
    let forced = admin_create(
        &data,
        &[
            "--username",
            "altro",
            "--email",
            "a@comune.example",
            "--force",
            "--password-stdin",
        ],
        Some("Riserva2026\n"),
    );
    assert!(
        forced.status.success(),
        "{}",
        String::from_utf8_lossy(&forced.stderr)
    );
    assert!(!String::from_utf8_lossy(&forced.stdout).contains("One-time password"));

    let database = data.join("portale.sqlite3");
    let app = spawn_app_with(|s| {
        s.data_dir = data.clone();
        s.database_url = Some(portale::platform::settings::Secret(
            database.to_string_lossy().into_owned(),
        ));
    })
    .await;
    let login = app
        .login(json!({"username": "m.rossi", "password": password}))
        .await;
    assert_eq!(login.status(), 200);
    let session: serde_json::Value = login.json().await.unwrap();
    assert_eq!(session["must_change_password"], true, "{session}");
    let token = session["access_token"].as_str().unwrap();
    let body = json!({"current_password": password, "new_password": "Comune2026ok"});
    let changed = app.post_as("/api/v1/auth/password", token, &body).await;
    assert_eq!(changed.status(), 200);
    let changed: serde_json::Value = changed.json().await.unwrap();
    let admin = changed["access_token"].as_str().unwrap();
    let users = app.get_as("/api/v1/admin/users?role=admin", admin).await;
    assert_eq!(
        users.status(),
        200,
        "the new administrator manages accounts"
    );

    let audit: serde_json::Value = app
        .get_as(
            "/api/v1/admin/audit-log?action=account.administrator_created",
            admin,
        )
        .await
        .json()
        .await
        .unwrap();
    let entries = audit["entries"].as_array().unwrap();
    assert_eq!(entries.len(), 2, "{audit}");
    assert!(
        entries.iter().any(|e| e["details"]["forced"] == true),
        "{audit}"
    );
}

fn operator_body(username: &str) -> serde_json::Value {
    json!({
        "username": username, "name": "Lucia", "surname": "Bianchi",
        "email": format!("{username}@comune.example"), "role": "operator",
    })
}

#[tokio::test]
async fn an_invited_operator_sets_the_password_once_by_the_mailed_link_and_logs_in() {
    let (app, credentials) = spawn_demo_app().await;
    let admin = staff_token(&app, &credentials, "admin").await;
    let created = app
        .post_as("/api/v1/admin/users", &admin, &operator_body("l.bianchi"))
        .await;
    assert_eq!(created.status(), 201);
    let created: serde_json::Value = created.json().await.unwrap();
    assert_eq!(created["username"], "l.bianchi");
    assert_eq!(created["role"], "operator");
    assert_eq!(created["status"], "active");
    assert_eq!(created["groups"], json!(["operatori-anagrafe"]));
    let id = created["id"].as_str().unwrap().to_owned();

    // No password until the link sets one.
    let early = app
        .login(json!({"username": "l.bianchi", "password": "Qualsiasi2026"}))
        .await;
    assert_eq!(early.status(), 401);

    let mail = outbox_body(&app, "l.bianchi@comune.example");
    assert!(mail.contains("Nome utente: l.bianchi"), "{mail}");
    assert!(mail.contains("72 ore"), "{mail}");
    let token = mail
        .split("/reimposta-password?invito=1&token=")
        .nth(1)
        .unwrap()
        .split_whitespace()
        .next()
        .unwrap()
        .to_owned();
    let confirm = json!({"token": token, "new_password": "Sportello2026"});
    let set = app
        .post_json("/api/v1/auth/password-reset/confirm", &confirm)
        .await;
    assert_eq!(set.status(), 204);
    let again = json!({"token": token, "new_password": "Sportello2027"});
    let (status, _, body) = problem(
        app.post_json("/api/v1/auth/password-reset/confirm", &again)
            .await,
    )
    .await;
    assert_eq!(
        (status, body["errors"][0]["field"].as_str()),
        (422, Some("token"))
    );

    let login = app
        .login(json!({"username": "l.bianchi", "password": "Sportello2026"}))
        .await;
    assert_eq!(login.status(), 200);
    let session: serde_json::Value = login.json().await.unwrap();
    assert_eq!(session["must_change_password"], false);
    let operator = session["access_token"].as_str().unwrap();
    let queue = app.get_as("/api/v1/admin/accounts", operator).await;
    assert_eq!(queue.status(), 200, "the operator works at the counter");
    let not_users = app.get_as("/api/v1/admin/users", operator).await;
    assert_eq!(not_users.status(), 403);

    // Disabled and enabled again by the administrator.
    let lock = app
        .post_as(
            &format!("/api/v1/admin/users/{id}/lock"),
            &admin,
            &json!({}),
        )
        .await;
    assert_eq!(lock.status(), 200);
    let refused = app
        .login(json!({"username": "l.bianchi", "password": "Sportello2026"}))
        .await;
    assert_eq!(refused.status(), 403);
    let unlock = app
        .post_as(
            &format!("/api/v1/admin/users/{id}/unlock"),
            &admin,
            &json!({}),
        )
        .await;
    assert_eq!(unlock.status(), 200);

    let audit: serde_json::Value = app
        .get_as(
            "/api/v1/admin/audit-log?action=account.staff_created",
            &admin,
        )
        .await
        .json()
        .await
        .unwrap();
    let entry = &audit["entries"][0];
    assert_eq!(entry["subject_id"], id.as_str(), "{audit}");
    assert_eq!(entry["details"]["username"], "l.bianchi");
}

#[tokio::test]
async fn staff_accounts_are_refused_with_reasons_tied_to_the_fields() {
    let (app, credentials) = spawn_demo_app().await;
    let admin = staff_token(&app, &credentials, "admin").await;
    let bad = json!({
        "username": "L Bianchi", "name": " ", "surname": "Bianchi",
        "email": "non-una-mail", "role": "citizen",
    });
    let (status, _, body) = problem(app.post_as("/api/v1/admin/users", &admin, &bad).await).await;
    assert_eq!(status, 422);
    assert_eq!(body["code"], "validation_failed");
    let mut fields: Vec<&str> = body["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    fields.sort_unstable();
    assert_eq!(fields, ["email", "name", "role", "username"], "{body}");

    let short = app
        .post_as("/api/v1/admin/users", &admin, &operator_body("ab"))
        .await;
    assert_eq!(short.status(), 422);
    let first = app
        .post_as("/api/v1/admin/users", &admin, &operator_body("g.verdi"))
        .await;
    assert_eq!(first.status(), 201);
    let (status, _, taken) = problem(
        app.post_as("/api/v1/admin/users", &admin, &operator_body("g.verdi"))
            .await,
    )
    .await;
    assert_eq!(
        (status, taken["code"].as_str()),
        (409, Some("username_taken"))
    );
    let demo_name = app
        .post_as("/api/v1/admin/users", &admin, &operator_body("operatore"))
        .await;
    assert_eq!(demo_name.status(), 409);

    let mut unknown = operator_body("n.neri");
    unknown["group_ids"] = json!(["nessun-gruppo"]);
    let (status, _, body) =
        problem(app.post_as("/api/v1/admin/users", &admin, &unknown).await).await;
    assert_eq!(
        (status, body["errors"][0]["field"].as_str()),
        (422, Some("group_ids"))
    );

    let mut admin_body = operator_body("a.gialli");
    admin_body["role"] = json!("admin");
    let made: serde_json::Value = app
        .post_as("/api/v1/admin/users", &admin, &admin_body)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(made["groups"], json!(["amministratori"]), "{made}");
}
