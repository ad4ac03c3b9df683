//! Administrators see the outbox (never the bodies) and put failed mails back in the queue.

use portale::audit::store::AuditFilter;
use portale::mail::worker::MailWorker;
use portale::mail::{enqueue, now_utc};
use portale::platform::metrics::Metrics;
use portale::platform::settings::{Secret, Settings};
use serde_json::{json, Value};

use super::certificate_mail;
use super::sink::SmtpSink;
use crate::helpers::{problem, spawn_demo_app, TestApp};

/// Logs staff in and makes the forced first password change.
async fn staff_token(app: &TestApp, credentials: &Value, who: &str) -> String {
    let password = &credentials[who]["password"];
    let first = app
        .token(json!({"username": credentials[who]["username"], "password": password}))
        .await;
    let body = json!({"current_password": password, "new_password": "Posta2026ok"});
    let changed: Value = app
        .post_as("/api/v1/auth/password", &first, &body)
        .await
        .json()
        .await
        .unwrap();
    changed["access_token"].as_str().unwrap().to_owned()
}

#[tokio::test]
async fn administrators_see_failures_and_retry_them() {
    let (app, credentials) = spawn_demo_app().await;
    let sink = SmtpSink::start(&["--reject", "sconosciuto"]);
    let settings = Settings {
        smtp_url: Some(Secret(sink.url())),
        ..Settings::default()
    };
    let worker = MailWorker::new(&settings, app.db.clone(), Metrics::new().unwrap()).unwrap();
    let failing = app
        .db
        .run(|conn| enqueue(conn, &certificate_mail("sconosciuto@example.it")))
        .await
        .unwrap();
    app.db
        .run(|conn| enqueue(conn, &certificate_mail("mario@example.it")))
        .await
        .unwrap();
    worker.run_once(now_utc()).await.unwrap();

    let admin = staff_token(&app, &credentials, "admin").await;
    let page: Value = app
        .get_as("/api/v1/admin/mail-outbox?status=failed", &admin)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        (page["total"].as_i64(), page["page"].as_i64()),
        (Some(1), Some(1))
    );
    let entry = &page["items"][0];
    assert_eq!(entry["id"], failing.as_str());
    assert_eq!(entry["status"], "failed");
    assert_eq!(entry["recipients"], json!(["sconosciuto@example.it"]));
    assert_eq!(entry["cc"], json!(["anna.bianchi@example.it"]));
    assert_eq!(entry["attempts"], 1);
    assert!(entry["last_error"].as_str().unwrap().contains("550"));
    assert!(entry["next_attempt_at"].is_null());
    assert_eq!(
        entry["attachments"],
        json!([{"file_name": "certificato-residenza-città.pdf", "content_type": "application/pdf", "size": super::pdf().len()}])
    );
    assert!(entry.get("body_text").is_none());
    assert!(entry["created_at"].as_str().unwrap().ends_with('Z'));

    let all: Value = app
        .get_as("/api/v1/admin/mail-outbox?per_page=1&page=2", &admin)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(all["total"], 2);
    assert_eq!(all["items"].as_array().unwrap().len(), 1);

    let retried = app
        .post_as(
            &format!("/api/v1/admin/mail-outbox/{failing}/retry"),
            &admin,
            &json!({}),
        )
        .await;
    assert_eq!(retried.status(), 200);
    let retried: Value = retried.json().await.unwrap();
    assert_eq!(
        (retried["status"].as_str(), retried["attempts"].as_i64()),
        (Some("pending"), Some(0))
    );
    assert!(retried["next_attempt_at"].is_string());
    let filter = AuditFilter {
        action: Some("mail.requeued".to_owned()),
        subject: Some(failing.clone()),
        ..AuditFilter::default()
    };
    let audited = app
        .db
        .run(move |conn| portale::audit::store::search(conn, &filter, 0, 10))
        .await
        .unwrap();
    assert_eq!(audited.len(), 1);
    assert_eq!(audited[0].actor_label, "admin");
    assert!(audited[0].details.contains("550"));

    let (status, _, body) = problem(
        app.post_as(
            &format!("/api/v1/admin/mail-outbox/{failing}/retry"),
            &admin,
            &json!({}),
        )
        .await,
    )
    .await;
    assert_eq!(
        (status, body["code"].as_str()),
        (409, Some("mail_not_failed"))
    );
    let (status, _, _) = problem(
        app.post_as(
            "/api/v1/admin/mail-outbox/no-such-mail/retry",
            &admin,
            &json!({}),
        )
        .await,
    )
    .await;
    assert_eq!(status, 404);
}

#[tokio::test]
async fn the_outbox_is_for_those_with_the_mail_permissions_only() {
    let (app, credentials) = spawn_demo_app().await;
    let (status, content_type, _) = problem(app.get("/api/v1/admin/mail-outbox").await).await;
    assert_eq!(
        (status, content_type.as_str()),
        (401, "application/problem+json")
    );

    let citizen = app
        .token(json!({"fiscal_code": credentials["citizen"]["fiscal_code"], "password": credentials["citizen"]["password"]}))
        .await;
    let operator = staff_token(&app, &credentials, "operator").await;
    for token in [&citizen, &operator] {
        let (status, _, _) = problem(app.get_as("/api/v1/admin/mail-outbox", token).await).await;
        assert_eq!(status, 403);
        let (status, _, _) = problem(
            app.post_as("/api/v1/admin/mail-outbox/x/retry", token, &json!({}))
                .await,
        )
        .await;
        assert_eq!(status, 403);
    }

    let admin = staff_token(&app, &credentials, "admin").await;
    for query in ["status=lost", "page=0", "per_page=500", "colour=red"] {
        let (status, _, body) = problem(
            app.get_as(&format!("/api/v1/admin/mail-outbox?{query}"), &admin)
                .await,
        )
        .await;
        assert_eq!(status, 400, "{query}: {body}");
    }
    let empty: Value = app
        .get_as("/api/v1/admin/mail-outbox", &admin)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        empty,
        json!({"items": [], "page": 1, "per_page": 50, "total": 0})
    );
}
