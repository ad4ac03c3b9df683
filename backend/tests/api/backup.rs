//! `portale backup` while the server issues certificates, then `portale restore` into a
//! new data directory that serves the same certificates and an intact audit log.

use std::path::Path;
use std::process::{Command, Output};

use serde_json::{json, Value};

use crate::certificates::{demo, issue, login, pdf_of, Demo};
use crate::helpers::{postgres_admin_url, spawn_app_with};

fn portale(args: &[&str], data_dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_portale"))
        .env_remove("PORTALE_DATABASE_URL")
        .env("PORTALE_LOG", "warn")
        .args(args)
        .arg("--data-dir")
        .arg(data_dir)
        .output()
        .unwrap()
}

fn text(output: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

async fn issue_one(demo: &Demo) -> String {
    let person_id = demo.credentials["citizen"]["person_id"].as_str().unwrap();
    let (status, body) = issue(
        demo,
        &demo.citizen,
        json!({"type": "residenza", "person_id": person_id, "usage": "pensione"}),
    )
    .await;
    assert_eq!(status, 201, "{body}");
    body["id"].as_str().unwrap().to_owned()
}

async fn certificate_ids(app: &crate::helpers::TestApp, token: &str) -> Vec<String> {
    let list: Value = app
        .get_as("/api/v1/certificates?per_page=100", token)
        .await
        .json()
        .await
        .unwrap();
    let items = list["items"].as_array().unwrap();
    items
        .iter()
        .map(|c| c["id"].as_str().unwrap().to_owned())
        .collect()
}

#[tokio::test]
async fn a_backup_taken_while_certificates_are_issued_restores_the_same_certificates() {
    if postgres_admin_url().is_some() {
        // PostgreSQL is backed up with pg_dump: see the refusal test below.
        return;
    }
    let demo = demo().await;
    let before = [issue_one(&demo).await, issue_one(&demo).await];
    let backups = tempfile::tempdir().unwrap();
    let target = backups.path().join("backup");
    let data_dir = demo.app.data_dir.path().to_path_buf();
    let backup = {
        let target = target.clone();
        tokio::task::spawn_blocking(move || {
            portale(&["backup", &target.to_string_lossy()], &data_dir)
        })
    };
    // Writes while the copy is made: each lands wholly in it or wholly after it.
    let mut during = Vec::new();
    while !backup.is_finished() {
        during.push(issue_one(&demo).await);
    }
    let backup = backup.await.unwrap();
    assert!(backup.status.success(), "{}", text(&backup));
    assert!(
        !during.is_empty(),
        "no certificate was issued during the backup"
    );

    let manifest: Value =
        serde_json::from_str(&std::fs::read_to_string(target.join("manifest.json")).unwrap())
            .unwrap();
    let files: Vec<&str> = manifest["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap())
        .collect();
    assert!(files.contains(&"portale.sqlite3"), "{files:?}");
    assert!(files.contains(&"jwt-secret.key"), "{files:?}");
    assert!(files.contains(&"demo-credentials.json"), "{files:?}");
    let created_at = manifest["created_at"].as_str().unwrap();
    chrono::DateTime::parse_from_rfc3339(created_at).unwrap();

    let restored_dir = backups.path().join("restored");
    let restore = portale(&["restore", &target.to_string_lossy()], &restored_dir);
    assert!(restore.status.success(), "{}", text(&restore));
    let again = portale(&["restore", &target.to_string_lossy()], &restored_dir);
    assert!(!again.status.success());
    assert!(text(&again).contains("is not empty"), "{}", text(&again));
    let verify = portale(&["audit", "verify"], &restored_dir);
    assert!(verify.status.success(), "{}", text(&verify));
    assert!(
        text(&verify).contains("Audit log intact"),
        "{}",
        text(&verify)
    );

    let restored_db = restored_dir.join("portale.sqlite3");
    let restored = spawn_app_with(|s| {
        s.data_dir = restored_dir.clone();
        s.database_url = Some(portale::platform::settings::Secret(
            restored_db.to_string_lossy().into_owned(),
        ));
    })
    .await;
    let token = login(&restored, &demo.credentials["citizen"]).await;
    let ids = certificate_ids(&restored, &token).await;
    for id in &before {
        assert!(ids.contains(id), "{id} issued before the backup is missing");
    }
    let original = certificate_ids(&demo.app, &demo.citizen).await;
    assert!(ids.iter().all(|id| original.contains(id)));
    let restored_demo = Demo {
        app: restored,
        credentials: demo.credentials.clone(),
        citizen: token.clone(),
        citizen2: token,
    };
    for id in &ids {
        let original_pdf = pdf_of(&demo, &demo.citizen, id).await;
        let restored_pdf = pdf_of(&restored_demo, &restored_demo.citizen, id).await;
        assert!(original_pdf == restored_pdf, "certificate {id} differs");
    }
}

#[test]
fn a_damaged_backup_is_refused_before_anything_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let migrate = portale(&["migrate"], &data);
    assert!(migrate.status.success(), "{}", text(&migrate));
    std::fs::write(data.join("jwt-secret.key"), "x".repeat(64)).unwrap();
    let target = dir.path().join("backup");
    let backup = portale(&["backup", &target.to_string_lossy()], &data);
    assert!(backup.status.success(), "{}", text(&backup));
    let into_itself = portale(&["backup", &target.to_string_lossy()], &data);
    assert!(
        text(&into_itself).contains("not empty"),
        "{}",
        text(&into_itself)
    );

    std::fs::write(target.join("jwt-secret.key"), "y".repeat(64)).unwrap();
    let restored = dir.path().join("restored");
    let restore = portale(&["restore", &target.to_string_lossy()], &restored);
    assert!(!restore.status.success());
    assert!(
        text(&restore).contains("jwt-secret.key does not match the manifest"),
        "{}",
        text(&restore)
    );
    assert!(!restored.exists(), "a refused restore wrote files");
}

#[test]
fn postgresql_is_refused_with_pg_dump_instructions() {
    let dir = tempfile::tempdir().unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_portale"))
        .env("PORTALE_LOG", "warn")
        .args([
            "backup",
            "--database-url",
            "postgres://portale:s3cret@127.0.0.1:1/portale",
        ])
        .arg(dir.path().join("backup"))
        .output()
        .unwrap();
    assert!(!output.status.success());
    let said = text(&output);
    assert!(said.contains("pg_dump --format=custom"), "{said}");
    assert!(!said.contains("s3cret"), "{said}");
}
