//! `/api/v1/admin/audit-log`: who may read it, the JSON page, the CSV file, the verdict.

use diesel::connection::SimpleConnection;
use portale::audit::actions::{CERTIFICATE_ISSUED, PERSON_VIEWED};
use portale::audit::{self, Actor, AuditEntry, Origin};
use serde_json::{json, Value};

use crate::helpers::{problem, spawn_demo_app, TestApp};

/// Logs the demo operator in and makes the forced password change.
async fn operator_token(app: &TestApp, credentials: &Value) -> String {
    let who = &credentials["operator"];
    let first = app
        .token(json!({"username": who["username"], "password": who["password"]}))
        .await;
    let changed = app
        .post_as(
            "/api/v1/auth/password",
            &first,
            &json!({"current_password": who["password"], "new_password": "Registro2026pw"}),
        )
        .await;
    assert_eq!(changed.status(), 200);
    changed.json::<Value>().await.unwrap()["access_token"]
        .as_str()
        .unwrap()
        .to_owned()
}

async fn citizen_token(app: &TestApp, credentials: &Value) -> String {
    let who = &credentials["citizen"];
    app.token(json!({"fiscal_code": who["fiscal_code"], "password": who["password"]}))
        .await
}

/// Three views of one person by a named operator, and a certificate with a tricky reason.
fn record_sample(app: &TestApp) {
    let mut conn = app.db.connection().unwrap();
    let actor = Actor {
        id: Some("op-test"),
        label: "Annalisa Çelik",
    };
    let origin = Origin {
        ip: Some("198.51.100.4".to_owned()),
        request_id: Some("req-sample".to_owned()),
    };
    for _ in 0..3 {
        let entry = AuditEntry::new(actor, PERSON_VIEWED).subject("person", "subject-audit-1");
        audit::record(&mut conn, &origin, entry).unwrap();
    }
    let entry = AuditEntry {
        reason: Some("=cmd, \"urgente\"\nper l'ufficio di Forlì"),
        details: json!({"type": "residenza"}),
        ..AuditEntry::new(actor, CERTIFICATE_ISSUED).subject("person", "subject-audit-2")
    };
    audit::record(&mut conn, &origin, entry).unwrap();
}

#[tokio::test]
async fn the_audit_log_needs_a_token_and_the_audit_permission() {
    let (app, credentials) = spawn_demo_app().await;
    let citizen = citizen_token(&app, &credentials).await;
    for path in [
        "/api/v1/admin/audit-log",
        "/api/v1/admin/audit-log/verify",
        "/api/v1/admin/audit-log/actions",
    ] {
        let (status, content_type, _) = problem(app.get(path).await).await;
        assert_eq!(
            (status, content_type.as_str()),
            (401, "application/problem+json"),
            "{path}"
        );
        let (status, _, body) = problem(app.get_as(path, &citizen).await).await;
        assert_eq!(
            (status, body["code"].as_str()),
            (403, Some("forbidden")),
            "{path}"
        );
    }
}

#[tokio::test]
async fn operators_read_filtered_pages_and_the_action_catalogue() {
    let (app, credentials) = spawn_demo_app().await;
    let token = operator_token(&app, &credentials).await;
    record_sample(&app);

    let page: Value = app
        .get_as(
            "/api/v1/admin/audit-log?actor=%C3%87elik&per_page=2",
            &token,
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        (page["total"].as_i64(), page["per_page"].as_i64()),
        (Some(4), Some(2))
    );
    let entries = page["entries"].as_array().unwrap();
    assert_eq!(entries.len(), 2);
    assert_eq!(entries[0]["action"], CERTIFICATE_ISSUED, "newest first");
    assert_eq!(entries[0]["details"]["type"], "residenza");
    assert_eq!(entries[0]["ip"], "198.51.100.4");
    assert!(entries[0]["occurred_at"].as_str().unwrap().ends_with('Z'));

    let second: Value = app
        .get_as(
            "/api/v1/admin/audit-log?subject=subject-audit-1&action=person.viewed&page=2&per_page=2&from=&actor=",
            &token,
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(second["total"], 3);
    assert_eq!(second["entries"].as_array().unwrap().len(), 1);

    let folded: Value = app
        .get_as("/api/v1/admin/audit-log?actor=ANNALISA", &token)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(folded["total"], 4, "case-insensitive");

    let future: Value = app
        .get_as(
            "/api/v1/admin/audit-log?from=2099-01-01T00:00:00%2B01:00",
            &token,
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(future["total"], 0);

    let (status, _, body) = problem(
        app.get_as("/api/v1/admin/audit-log?from=ieri&per_page=9999", &token)
            .await,
    )
    .await;
    assert_eq!(status, 400);
    let fields: Vec<&str> = body["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    assert_eq!(fields, ["from"]);

    let actions: Value = app
        .get_as("/api/v1/admin/audit-log/actions", &token)
        .await
        .json()
        .await
        .unwrap();
    let viewed = actions["actions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["code"] == PERSON_VIEWED)
        .unwrap();
    assert_eq!(viewed["label_en"], "Person's data viewed");
}

#[tokio::test]
async fn the_csv_export_opens_in_a_spreadsheet_with_accents_and_no_formulas() {
    let (app, credentials) = spawn_demo_app().await;
    let token = operator_token(&app, &credentials).await;
    record_sample(&app);

    let response = app
        .get_as("/api/v1/admin/audit-log?format=csv&actor=op-test", &token)
        .await;
    assert_eq!(response.status(), 200);
    assert_eq!(
        response.headers()["content-type"],
        "text/csv; charset=utf-8"
    );
    let disposition = response.headers()["content-disposition"].to_str().unwrap();
    assert!(disposition.starts_with("attachment; filename=\"registro-accessi-"));
    let bytes = response.bytes().await.unwrap();
    assert_eq!(&bytes[..3], b"\xEF\xBB\xBF", "UTF-8 byte order mark");
    let text = std::str::from_utf8(&bytes[3..]).unwrap();
    let mut lines = text.split("\r\n");
    assert!(lines
        .next()
        .unwrap()
        .starts_with("id,occurred_at,actor_id,actor_label,action,"));
    assert!(text.contains(",op-test,Annalisa Çelik,certificate.issued,Certificato emesso,"));
    assert!(text.contains("\"'=cmd, \"\"urgente\"\"\nper l'ufficio di Forlì\""));
    assert!(text.contains(",\"{\"\"type\"\":\"\"residenza\"\"}\","));
    assert_eq!(text.matches("person.viewed").count(), 3);
    assert!(text.ends_with("\r\n"));

    let by_accept = app
        .client
        .get(app.url("/api/v1/admin/audit-log?subject=subject-audit-2"))
        .bearer_auth(&token)
        .header("accept", "text/csv")
        .header("accept-language", "en")
        .send()
        .await
        .unwrap();
    assert_eq!(
        by_accept.headers()["content-type"],
        "text/csv; charset=utf-8"
    );
    let text = by_accept.text().await.unwrap();
    assert!(text.contains(",Certificate issued,"), "{text}");
    assert_eq!(
        text.trim_end().split("\r\n").count(),
        2,
        "header and one entry"
    );
}

#[tokio::test]
async fn verification_reports_an_edited_row_and_is_itself_recorded() {
    let (app, credentials) = spawn_demo_app().await;
    let token = operator_token(&app, &credentials).await;
    record_sample(&app);

    let verdict: Value = app
        .get_as("/api/v1/admin/audit-log/verify", &token)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(verdict["intact"], true, "{verdict}");
    assert!(verdict["checked"].as_u64().unwrap() >= 4);
    assert_eq!(verdict["head_hash"].as_str().unwrap().len(), 64);
    assert!(verdict.get("problem").is_none());

    let recorded: Value = app
        .get_as("/api/v1/admin/audit-log?action=audit.verified", &token)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(recorded["total"], 1);
    assert_eq!(
        recorded["entries"][0]["details"]["head_id"],
        verdict["head_id"]
    );

    let target: Value = app
        .get_as("/api/v1/admin/audit-log?subject=subject-audit-2", &token)
        .await
        .json()
        .await
        .unwrap();
    let id = target["entries"][0]["id"].as_i64().unwrap();
    app.db
        .connection()
        .unwrap()
        .batch_execute(&format!(
            "UPDATE audit_log SET reason = 'x' WHERE id = {id}"
        ))
        .unwrap();
    let verdict: Value = app
        .get_as("/api/v1/admin/audit-log/verify", &token)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(verdict["intact"], false);
    assert_eq!(verdict["first_broken_id"], id);
    assert_eq!(verdict["problem"], "edited");
    assert!(verdict.get("head_id").is_none());
}
