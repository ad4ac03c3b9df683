//! Staff accounts: the first administrator from the command line, and operators and
//! administrators invited from the back office.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

use serde_json::json;

use crate::helpers::{postgres_admin_url, spawn_app_with};

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
