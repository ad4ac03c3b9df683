//! Webhooks: registered by an administrator for an application, written in the
//! transaction of the event, delivered to a real local HTTP receiver with an HMAC-SHA256
//! signature, retried after a 500 with the same event id, failed after the last attempt
//! and sent again on request; never more than the application's scopes allow.

use std::sync::{Arc, Mutex};

use actix_web::{web, App, HttpRequest, HttpResponse, HttpServer};
use chrono::Duration;
use hmac::{Hmac, Mac};
use portale::mail::now_utc;
use portale::webhooks::worker::{Report, WebhookWorker};
use serde_json::{json, Value};
use sha2::Sha256;

use crate::certificates::{demo, issue_residence, Demo};
use crate::helpers::{audit_entries, problem, staff_token};

/// What the receiver got: headers of interest and the body.
#[derive(Debug, Clone)]
struct Received {
    event_id: String,
    event: String,
    timestamp: String,
    signature: String,
    body: Vec<u8>,
}

/// A local HTTP server answering each request with the next scripted status (200 when
/// the script is over), keeping what it received.
struct Receiver {
    url: String,
    received: Arc<Mutex<Vec<Received>>>,
}

struct Script {
    statuses: Mutex<Vec<u16>>,
    received: Arc<Mutex<Vec<Received>>>,
}

async fn receive(req: HttpRequest, body: web::Bytes, script: web::Data<Script>) -> HttpResponse {
    let header = |name: &str| {
        req.headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_owned()
    };
    script.received.lock().unwrap().push(Received {
        event_id: header("x-portale-event-id"),
        event: header("x-portale-event"),
        timestamp: header("x-portale-timestamp"),
        signature: header("x-portale-signature"),
        body: body.to_vec(),
    });
    let mut statuses = script.statuses.lock().unwrap();
    let status = if statuses.is_empty() {
        200
    } else {
        statuses.remove(0)
    };
    HttpResponse::build(actix_web::http::StatusCode::from_u16(status).unwrap())
        .body(format!("risposta {status}"))
}

fn receiver(statuses: Vec<u16>) -> Receiver {
    let received = Arc::new(Mutex::new(Vec::new()));
    let script = web::Data::new(Script {
        statuses: Mutex::new(statuses),
        received: received.clone(),
    });
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}/hook", listener.local_addr().unwrap());
    let server = HttpServer::new(move || {
        App::new()
            .app_data(script.clone())
            .route("/hook", web::post().to(receive))
    })
    .workers(1)
    .listen(listener)
    .unwrap()
    .run();
    tokio::spawn(server);
    Receiver { url, received }
}

impl Receiver {
    fn received(&self) -> Vec<Received> {
        self.received.lock().unwrap().clone()
    }
}

fn verifies(secret: &str, received: &Received) -> bool {
    let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(secret.as_bytes()).unwrap();
    mac.update(received.timestamp.as_bytes());
    mac.update(b".");
    mac.update(&received.body);
    let expected: String = mac
        .finalize()
        .into_bytes()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    received.signature == format!("sha256={expected}")
}

async fn register(demo: &Demo, admin: &str, body: Value) -> reqwest::Response {
    demo.app
        .post_as("/api/v1/admin/webhooks", admin, &body)
        .await
}

async fn webhooks(demo: &Demo, admin: &str) -> Vec<Value> {
    let response = demo.app.get_as("/api/v1/admin/webhooks", admin).await;
    assert_eq!(response.status(), 200);
    let body: Value = response.json().await.unwrap();
    body["items"].as_array().unwrap().clone()
}

fn demo_client(demo: &Demo) -> String {
    demo.credentials["api_client"]["client_id"]
        .as_str()
        .unwrap()
        .to_owned()
}

#[tokio::test]
async fn a_certificate_event_is_signed_retried_after_a_500_with_the_same_id_and_delivered() {
    let demo = demo().await;
    let admin = staff_token(&demo.app, &demo.credentials, "admin").await;
    let hook = receiver(vec![500]);
    let response = register(
        &demo,
        &admin,
        json!({"client_id": demo_client(&demo), "url": hook.url,
               "events": ["certificate.issued", "certificate.revoked"]}),
    )
    .await;
    assert_eq!(response.status(), 201);
    let created: Value = response.json().await.unwrap();
    let secret = created["secret"].as_str().unwrap().to_owned();
    assert!(secret.starts_with("whsec_"));
    let webhook_id = created["webhook"]["id"].as_str().unwrap().to_owned();
    assert!(webhooks(&demo, &admin).await[0].get("secret").is_none());

    let certificate = issue_residence(&demo).await;
    let certificate_id = certificate["id"].as_str().unwrap();
    let worker = WebhookWorker::new(demo.app.db.clone()).unwrap();
    let now = now_utc();
    let first = worker.run_once(now).await.unwrap();
    assert_eq!(
        first,
        Report {
            delivered: 0,
            retried: 1,
            failed: 0
        }
    );
    let listed = &webhooks(&demo, &admin).await[0];
    assert_eq!(listed["pending"], 1);
    assert!(listed["last_error"]
        .as_str()
        .unwrap()
        .starts_with("HTTP 500"));
    assert_eq!(
        worker.run_once(now + Duration::seconds(10)).await.unwrap(),
        Report::default(),
        "not before the backoff"
    );
    let second = worker.run_once(now + Duration::seconds(31)).await.unwrap();
    assert_eq!(second.delivered, 1);

    let received = hook.received();
    assert_eq!(received.len(), 2);
    assert_eq!(
        received[0].event_id, received[1].event_id,
        "a stable event id"
    );
    assert_eq!(received[0].body, received[1].body);
    for attempt in &received {
        assert!(verifies(&secret, attempt), "signature of {attempt:?}");
        assert!(!verifies("whsec_other", attempt));
        assert_eq!(attempt.event, "certificate.issued");
    }
    let body: Value = serde_json::from_slice(&received[0].body).unwrap();
    assert_eq!(body["id"], received[0].event_id.as_str());
    assert_eq!(body["type"], "certificate.issued");
    assert_eq!(body["data"]["certificate_id"], certificate_id);
    assert_eq!(body["data"]["status"], "valid");
    assert!(chrono::DateTime::parse_from_rfc3339(body["occurred_at"].as_str().unwrap()).is_ok());
    // Nothing about the person: verifying still takes the holder's name.
    let text = String::from_utf8_lossy(&received[0].body).to_string();
    let citizen = &demo.credentials["citizen"];
    assert!(!text.contains(citizen["fiscal_code"].as_str().unwrap()));
    assert!(!text.to_lowercase().contains(
        &certificate["subject_surname"]
            .as_str()
            .unwrap_or("§")
            .to_lowercase()
    ));

    let deliveries: Value = demo
        .app
        .get_as(
            &format!("/api/v1/admin/webhooks/{webhook_id}/deliveries"),
            &admin,
        )
        .await
        .json()
        .await
        .unwrap();
    let delivery = &deliveries["items"][0];
    assert_eq!(delivery["status"], "delivered");
    assert_eq!(delivery["attempts"], 2);
    assert_eq!(delivery["last_status_code"], 200);
    assert_eq!(delivery["event_id"], received[0].event_id.as_str());

    // The revocation reaches the receiver too.
    let operator = staff_token(&demo.app, &demo.credentials, "operator").await;
    let response = demo
        .app
        .post_as(
            &format!("/api/v1/certificates/{certificate_id}/revoke"),
            &operator,
            &json!({"reason": "Rilasciato con indirizzo errato"}),
        )
        .await;
    assert_eq!(response.status(), 200);
    assert_eq!(worker.run_once(now_utc()).await.unwrap().delivered, 1);
    let revoked: Value = serde_json::from_slice(&hook.received()[2].body).unwrap();
    assert_eq!(revoked["type"], "certificate.revoked");
    assert_eq!(revoked["data"]["status"], "revoked");
    assert!(revoked["data"]["revoked_at"].is_string());
    assert_ne!(revoked["id"], body["id"]);

    let actions: Vec<String> = audit_entries(&demo.app)
        .into_iter()
        .map(|(a, _, _)| a)
        .collect();
    assert!(actions.contains(&"webhook.registered".to_owned()));
}

#[tokio::test]
async fn a_delivery_fails_after_its_last_attempt_and_is_sent_again_on_request() {
    let demo = demo().await;
    let admin = staff_token(&demo.app, &demo.credentials, "admin").await;
    let hook = receiver(vec![503; 12]);
    let created: Value = register(
        &demo,
        &admin,
        json!({"client_id": demo_client(&demo), "url": hook.url, "events": ["certificate.issued"]}),
    )
    .await
    .json()
    .await
    .unwrap();
    let id = created["webhook"]["id"].as_str().unwrap().to_owned();
    issue_residence(&demo).await;
    let worker = WebhookWorker::new(demo.app.db.clone()).unwrap();
    let mut now = now_utc();
    let mut failed = 0;
    for _ in 0..12 {
        failed += worker.run_once(now).await.unwrap().failed;
        now += Duration::hours(1) + Duration::seconds(1);
    }
    assert_eq!(failed, 1);
    assert_eq!(hook.received().len(), 12);
    let listed = &webhooks(&demo, &admin).await[0];
    assert_eq!(
        (listed["pending"].as_i64(), listed["failed"].as_i64()),
        (Some(0), Some(1))
    );
    assert!(listed["last_error"].as_str().unwrap().contains("503"));

    let retry = format!("/api/v1/admin/webhooks/{id}/retry");
    let response = demo.app.post_as(&retry, &admin, &json!({})).await;
    assert_eq!(response.status(), 200);
    assert_eq!(response.json::<Value>().await.unwrap()["queued"], 1);
    assert_eq!(worker.run_once(now_utc()).await.unwrap().delivered, 1);
    assert_eq!(hook.received().len(), 13);
    assert_eq!(hook.received()[0].event_id, hook.received()[12].event_id);

    let disable = format!("/api/v1/admin/webhooks/{id}/disable");
    let response = demo.app.post_as(&disable, &admin, &json!({})).await;
    assert_eq!(response.status(), 200);
    assert!(response.json::<Value>().await.unwrap()["disabled_at"].is_string());
    let (status, _, body) = problem(demo.app.post_as(&disable, &admin, &json!({})).await).await;
    assert_eq!(
        (status, body["code"].as_str()),
        (409, Some("webhook_disabled"))
    );
    issue_residence(&demo).await;
    assert_eq!(
        worker.run_once(now_utc()).await.unwrap(),
        Report::default(),
        "disabled: nothing queued"
    );
    let actions: Vec<String> = audit_entries(&demo.app)
        .into_iter()
        .map(|(a, _, _)| a)
        .collect();
    assert!(actions.contains(&"webhook.retried".to_owned()));
    assert!(actions.contains(&"webhook.disabled".to_owned()));
}

#[tokio::test]
async fn subscriptions_stay_within_the_application_s_scopes() {
    let demo = demo().await;
    let admin = staff_token(&demo.app, &demo.credentials, "admin").await;
    let checker: Value = demo
        .app
        .post_as(
            "/api/v1/admin/clients",
            &admin,
            &json!({"name": "Controlli", "organisation": "Ente di esempio",
                    "contact_email": "api@esempio.gov.it", "scopes": ["registry:check"]}),
        )
        .await
        .json()
        .await
        .unwrap();
    let checker_id = checker["client"]["client_id"].as_str().unwrap();
    let response = register(
        &demo,
        &admin,
        json!({"client_id": checker_id, "url": "https://esempio.gov.it/hook", "events": ["certificate.issued"]}),
    )
    .await;
    let (status, _, body) = problem(response).await;
    assert_eq!(
        (status, body["code"].as_str()),
        (422, Some("validation_failed")),
        "{body}"
    );
    assert!(body.to_string().contains("certificates:verify"), "{body}");

    for (url, events) in [
        ("http://esempio.gov.it/hook", json!(["certificate.issued"])),
        ("https://esempio.gov.it/hook", json!([])),
        (
            "https://esempio.gov.it/hook",
            json!(["certificate.exploded"]),
        ),
    ] {
        let response = register(
            &demo,
            &admin,
            json!({"client_id": demo_client(&demo), "url": url, "events": events}),
        )
        .await;
        assert_eq!(response.status(), 422, "{url} {events}");
    }
    let response = register(
        &demo,
        &admin,
        json!({"client_id": "app-unknown", "url": "https://esempio.gov.it/hook", "events": ["certificate.issued"]}),
    )
    .await;
    assert_eq!(response.status(), 422);
    assert!(
        webhooks(&demo, &admin).await.is_empty(),
        "nothing was written"
    );

    // A citizen or an operator cannot see or register webhooks.
    let operator = staff_token(&demo.app, &demo.credentials, "operator").await;
    for token in [&demo.citizen, &operator] {
        assert_eq!(
            demo.app
                .get_as("/api/v1/admin/webhooks", token)
                .await
                .status(),
            403
        );
    }

    // Once the application is revoked, its webhooks get nothing.
    let hook = receiver(vec![]);
    let response = register(
        &demo,
        &admin,
        json!({"client_id": demo_client(&demo), "url": hook.url, "events": ["certificate.issued"]}),
    )
    .await;
    assert_eq!(response.status(), 201);
    // A delivery pending when the webhook is disabled is not sent.
    let parked = receiver(vec![]);
    let created: Value = register(
        &demo,
        &admin,
        json!({"client_id": demo_client(&demo), "url": parked.url, "events": ["certificate.issued"]}),
    )
    .await
    .json()
    .await
    .unwrap();
    let parked_id = created["webhook"]["id"].as_str().unwrap();
    // Both deliveries are pending when the webhook is disabled and the application revoked.
    issue_residence(&demo).await;
    let response = demo
        .app
        .post_as(
            &format!("/api/v1/admin/webhooks/{parked_id}/disable"),
            &admin,
            &json!({}),
        )
        .await;
    assert_eq!(response.status(), 200);
    let revoke = format!("/api/v1/admin/clients/{}/revoke", demo_client(&demo));
    assert_eq!(
        demo.app.post_as(&revoke, &admin, &json!({})).await.status(),
        200
    );
    issue_residence(&demo).await;
    let worker = WebhookWorker::new(demo.app.db.clone()).unwrap();
    assert_eq!(worker.run_once(now_utc()).await.unwrap(), Report::default());
    let listed = webhooks(&demo, &admin).await;
    assert_eq!(
        listed
            .iter()
            .map(|w| w["pending"].as_i64().unwrap())
            .sum::<i64>(),
        2,
        "parked, not sent"
    );
    assert!(hook.received().is_empty());
    assert!(parked.received().is_empty());
}

#[tokio::test]
async fn practice_events_reach_the_document_management_system() {
    let demo = demo().await;
    let admin = staff_token(&demo.app, &demo.credentials, "admin").await;
    let hook = receiver(vec![]);
    let response = register(
        &demo,
        &admin,
        json!({"client_id": demo_client(&demo), "url": hook.url,
               "events": ["practice.submitted", "practice.changed"]}),
    )
    .await;
    assert_eq!(response.status(), 201);
    let practice = crate::practices::submitted(&demo).await;
    let id = practice["id"].as_str().unwrap();
    let operator = staff_token(&demo.app, &demo.credentials, "operator").await;
    let (status, _) = crate::practices::act(&demo, &operator, id, "take-charge", json!({})).await;
    assert_eq!(status, 200);
    let worker = WebhookWorker::new(demo.app.db.clone()).unwrap();
    assert_eq!(worker.run_once(now_utc()).await.unwrap().delivered, 2);
    let bodies: Vec<Value> = hook
        .received()
        .iter()
        .map(|r| serde_json::from_slice(&r.body).unwrap())
        .collect();
    let types: Vec<&str> = bodies.iter().map(|b| b["type"].as_str().unwrap()).collect();
    assert_eq!(types, ["practice.submitted", "practice.changed"]);
    assert_eq!(bodies[0]["data"]["practice_id"], id);
    assert_eq!(bodies[0]["data"]["protocol"], practice["protocol"]);
    assert_eq!(bodies[0]["data"]["state"], "submitted");
    assert_eq!(bodies[1]["data"]["previous_state"], "submitted");
    assert_eq!(bodies[1]["data"]["state"], "in_progress");
}

async fn token_of(demo: &Demo, id: &str, secret: &str) -> String {
    let response = demo
        .app
        .client
        .post(demo.app.url("/api/v1/oauth/token"))
        .form(&[
            ("grant_type", "client_credentials"),
            ("client_id", id),
            ("client_secret", secret),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let body: Value = response.json().await.unwrap();
    body["access_token"].as_str().unwrap().to_owned()
}

#[tokio::test]
async fn an_application_manages_its_own_webhooks_and_no_one_else_s() {
    let demo = demo().await;
    let admin = staff_token(&demo.app, &demo.credentials, "admin").await;
    let registered: Value = demo
        .app
        .post_as(
            "/api/v1/admin/clients",
            &admin,
            &json!({"name": "Protocollo", "organisation": "Comune di Valdoria",
                    "contact_email": "protocollo@comune.example.it",
                    "scopes": ["practices:read", "webhooks:manage"]}),
        )
        .await
        .json()
        .await
        .unwrap();
    let own_id = registered["client"]["client_id"].as_str().unwrap();
    let token = token_of(&demo, own_id, registered["client_secret"].as_str().unwrap()).await;
    let others: Value = register(
        &demo,
        &admin,
        json!({"client_id": demo_client(&demo), "url": "https://esempio.gov.it/hook", "events": ["certificate.issued"]}),
    )
    .await
    .json()
    .await
    .unwrap();
    let others_id = others["webhook"]["id"].as_str().unwrap();

    let post = |path: &str, body: Value| {
        demo.app
            .client
            .post(demo.app.url(path))
            .bearer_auth(&token)
            .json(&body)
            .send()
    };
    let response = post(
        "/api/v1/webhooks",
        json!({"url": "https://protocollo.comune.example.it/hook", "events": ["practice.changed"]}),
    )
    .await
    .unwrap();
    assert_eq!(response.status(), 201);
    let mine: Value = response.json().await.unwrap();
    assert_eq!(mine["webhook"]["client_id"], own_id);
    let response = post(
        "/api/v1/webhooks",
        json!({"url": "https://protocollo.comune.example.it/hook", "events": ["certificate.issued"]}),
    )
    .await
    .unwrap();
    assert_eq!(response.status(), 422, "not within its scopes");

    let listed: Value = demo
        .app
        .get_as("/api/v1/webhooks", &token)
        .await
        .json()
        .await
        .unwrap();
    let ids: Vec<&str> = listed["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, [mine["webhook"]["id"].as_str().unwrap()]);
    for path in [
        format!("/api/v1/webhooks/{others_id}/disable"),
        format!("/api/v1/webhooks/{others_id}/retry"),
    ] {
        assert_eq!(
            post(&path, json!({})).await.unwrap().status(),
            404,
            "{path}"
        );
    }
    let response = demo
        .app
        .get_as(&format!("/api/v1/webhooks/{others_id}/deliveries"), &token)
        .await;
    assert_eq!(response.status(), 404);
    assert_eq!(
        demo.app
            .get_as("/api/v1/admin/webhooks", &token)
            .await
            .status(),
        401,
        "not the back office"
    );

    // The demo client has no webhooks:manage.
    let credentials = &demo.credentials["api_client"];
    let reader = token_of(
        &demo,
        credentials["client_id"].as_str().unwrap(),
        credentials["client_secret"].as_str().unwrap(),
    )
    .await;
    let (status, _, body) = problem(demo.app.get_as("/api/v1/webhooks", &reader).await).await;
    assert_eq!(status, 403);
    assert!(body.to_string().contains("webhooks:manage"), "{body}");
    let entries = audit_entries(&demo.app);
    assert!(entries.iter().any(
        |(action, _, details)| action == "webhook.registered" && details["client_id"] == own_id
    ));
}
