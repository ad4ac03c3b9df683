use portale::platform::ip_range::IpRange;
use portale::platform::settings::Secret;

use crate::helpers::{problem, repository_root, spawn_app, spawn_app_with, TestApp};

#[tokio::test]
async fn health_and_readiness_answer() {
    let app = spawn_app().await;
    let health = app.get("/healthz").await;
    assert_eq!(health.status(), 200);
    assert_eq!(
        health.json::<serde_json::Value>().await.unwrap()["status"],
        "ok"
    );

    // Ready or not, and nothing more: not the database engine, not a version.
    let ready = app.get("/readyz").await;
    assert_eq!(ready.status(), 200);
    let ready: serde_json::Value = ready.json().await.unwrap();
    assert_eq!(ready, serde_json::json!({"status": "ready"}));
}

#[tokio::test]
async fn every_response_carries_a_request_id_and_an_incoming_one_is_kept() {
    let app = spawn_app().await;
    let generated = app.get("/healthz").await;
    let id = generated.headers()["x-request-id"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(uuid::Uuid::parse_str(&id).is_ok(), "{id}");

    let echoed = app
        .client
        .get(app.url("/healthz"))
        .header("x-request-id", "proxy-42")
        .send()
        .await
        .unwrap();
    assert_eq!(echoed.headers()["x-request-id"], "proxy-42");
    let rejected = app
        .client
        .get(app.url("/healthz"))
        .header("x-request-id", "bad id with spaces")
        .send()
        .await
        .unwrap();
    assert_ne!(rejected.headers()["x-request-id"], "bad id with spaces");
}

#[tokio::test]
async fn metrics_count_requests_by_route_and_status() {
    let app = spawn_app().await;
    app.get("/api/v1/services").await;
    app.get("/api/v1/services").await;
    app.get("/api/v1/nowhere").await;
    let text = app.get("/metrics").await.text().await.unwrap();
    assert!(
        text.contains(
            r#"portale_http_requests_total{method="GET",route="/api/v1/services",status="200"} 2"#
        ),
        "{text}"
    );
    assert!(text.contains(r#"route="unmatched",status="404""#), "{text}");
    assert!(text.contains("portale_http_request_duration_seconds_bucket"));
}

const METRICS_TOKEN: &str = "monitoraggio-0123456789abcdef";

/// `GET /metrics` with these headers.
async fn metrics_with(app: &TestApp, headers: &[(&str, &str)]) -> reqwest::Response {
    let mut request = app.client.get(app.url("/metrics"));
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    request.send().await.unwrap()
}

async fn assert_refused(response: reqwest::Response, status: u16, code: &str) {
    let (got, content_type, body) = problem(response).await;
    assert_eq!((got, body["code"].as_str()), (status, Some(code)), "{body}");
    assert_eq!(content_type, "application/problem+json");
    assert!(
        !body.to_string().contains("portale_http_requests_total"),
        "{body}"
    );
}

#[tokio::test]
async fn metrics_are_for_loopback_clients_only_when_nothing_is_configured() {
    let app = spawn_app().await;
    assert_eq!(metrics_with(&app, &[]).await.status(), 200);

    // Relayed by a proxy whose headers are not believed: the client is unknown.
    let relayed = metrics_with(&app, &[("x-forwarded-for", "203.0.113.9")]).await;
    assert_refused(relayed, 403, "metrics_address_not_allowed").await;

    // Believed headers: the address the proxy saw, not the one the client wrote first.
    let behind_proxy = spawn_app_with(|s| s.trust_proxy_headers = true).await;
    for forwarded in ["203.0.113.9", "127.0.0.1, 203.0.113.9"] {
        let response = metrics_with(&behind_proxy, &[("x-forwarded-for", forwarded)]).await;
        assert_refused(response, 403, "metrics_address_not_allowed").await;
    }
    let english = metrics_with(
        &behind_proxy,
        &[
            ("x-forwarded-for", "203.0.113.9"),
            ("accept-language", "en"),
        ],
    )
    .await;
    let (_, _, body) = problem(english).await;
    assert!(
        body["detail"].as_str().unwrap().contains("monitoring"),
        "{body}"
    );
    let local = metrics_with(&behind_proxy, &[("x-forwarded-for", "127.0.0.1")]).await;
    assert_eq!(local.status(), 200);
}

#[tokio::test]
async fn a_configured_token_opens_the_metrics_and_nothing_else_does() {
    let app = spawn_app_with(|s| {
        s.metrics_token = Some(Secret(METRICS_TOKEN.to_owned()));
    })
    .await;
    // Not even loopback without the token, once a token is configured.
    let response = metrics_with(&app, &[]).await;
    assert_eq!(response.headers()["www-authenticate"], "Bearer");
    assert_refused(response, 401, "metrics_token_required").await;
    let wrong = format!("Bearer {METRICS_TOKEN}x");
    let response = metrics_with(&app, &[("authorization", &wrong)]).await;
    assert_refused(response, 401, "metrics_token_required").await;

    let right = format!("Bearer {METRICS_TOKEN}");
    let response = metrics_with(&app, &[("authorization", &right)]).await;
    assert_eq!(response.status(), 200);
    assert!(response
        .text()
        .await
        .unwrap()
        .contains("portale_http_requests_total"));
}

#[tokio::test]
async fn configured_addresses_read_the_metrics_without_a_token() {
    let app = spawn_app_with(|s| {
        s.trust_proxy_headers = true;
        s.metrics_allowed_ips = vec![IpRange::parse("192.0.2.0/24").unwrap()];
    })
    .await;
    let allowed = metrics_with(&app, &[("x-forwarded-for", "192.0.2.10")]).await;
    assert_eq!(allowed.status(), 200);
    let other = metrics_with(&app, &[("x-forwarded-for", "198.51.100.1")]).await;
    assert_refused(other, 403, "metrics_address_not_allowed").await;
    // The loopback default gives way to the configured list.
    assert_refused(
        metrics_with(&app, &[]).await,
        403,
        "metrics_address_not_allowed",
    )
    .await;
}

#[tokio::test]
async fn the_served_openapi_document_is_the_committed_one() {
    let app = spawn_app().await;
    let served: serde_json::Value = app.get("/api/openapi.json").await.json().await.unwrap();
    let committed_text =
        std::fs::read_to_string(repository_root().join("openapi/openapi.json")).unwrap();
    let generated_text = portale::routes::openapi_json().unwrap();
    if std::env::var("UPDATE_OPENAPI").is_ok_and(|v| v == "1") {
        std::fs::write(
            repository_root().join("openapi/openapi.json"),
            &generated_text,
        )
        .unwrap();
        return;
    }
    assert_eq!(
        committed_text, generated_text,
        "openapi/openapi.json is out of date: run `UPDATE_OPENAPI=1 cargo test --test api openapi` \
         (or `portale openapi > openapi/openapi.json`) and commit it"
    );
    let committed: serde_json::Value = serde_json::from_str(&committed_text).unwrap();
    assert_eq!(served, committed);
    assert_eq!(committed["openapi"], "3.1.0");
}

#[tokio::test]
async fn every_operation_documents_its_responses_and_errors_are_problems() {
    let document: serde_json::Value =
        serde_json::from_str(&portale::routes::openapi_json().unwrap()).unwrap();
    for (path, item) in document["paths"].as_object().unwrap() {
        for (method, operation) in item.as_object().unwrap() {
            let responses = operation["responses"].as_object().unwrap();
            // A browser's way through a login succeeds with a redirect (302).
            assert!(
                responses
                    .keys()
                    .any(|s| s.starts_with('2') || s.as_str() == "302"),
                "{method} {path} has no success response"
            );
            for (status, response) in responses {
                if status.starts_with('4') || status.starts_with('5') {
                    let reference = response
                        .get("$ref")
                        .and_then(|r| r.as_str())
                        .unwrap_or_default();
                    let inline = response["content"]
                        .get("application/problem+json")
                        .is_some();
                    assert!(
                        inline || reference.starts_with("#/components/responses/"),
                        "{method} {path} {status}"
                    );
                }
            }
            assert!(
                operation["tags"].as_array().is_some_and(|t| !t.is_empty()),
                "{method} {path} has no tag"
            );
        }
    }
    assert!(document["components"]["securitySchemes"]["bearer"].is_object());
    assert_references_resolve(&document, &document);
}

/// Every `$ref` points at something the document defines (openapi-typescript refuses
/// a document where one does not).
fn assert_references_resolve(document: &serde_json::Value, node: &serde_json::Value) {
    match node {
        serde_json::Value::Object(map) => {
            if let Some(reference) = map.get("$ref").and_then(|r| r.as_str()) {
                let pointer = reference.trim_start_matches('#');
                assert!(
                    document.pointer(pointer).is_some(),
                    "dangling reference {reference}"
                );
            }
            map.values()
                .for_each(|v| assert_references_resolve(document, v));
        }
        serde_json::Value::Array(items) => items
            .iter()
            .for_each(|v| assert_references_resolve(document, v)),
        _ => {}
    }
}

#[tokio::test]
async fn swagger_ui_is_served_without_internet() {
    let app = spawn_app().await;
    let bare = app.get("/api/docs").await;
    assert_eq!(bare.status(), 308);
    assert_eq!(bare.headers()["location"], "/api/docs/");
    let page = app.get("/api/docs/").await;
    assert_eq!(page.status(), 200);
    assert!(page.text().await.unwrap().contains("swagger-ui"));
    let bundle = app.get("/api/docs/swagger-ui-bundle.js").await;
    assert_eq!(bundle.status(), 200);
    assert!(bundle.bytes().await.unwrap().len() > 100_000);
    let initializer = app
        .get("/api/docs/swagger-initializer.js")
        .await
        .text()
        .await
        .unwrap();
    assert!(initializer.contains("/api/openapi.json"));
}

/// The rules of the Italian interoperability guidelines' ruleset ("Italian Guidelines
/// Full", italia/api-oas-checker-rules) this document relies on, checked here so that a
/// change cannot bring an error back; docs/api.md explains the warnings left.
#[tokio::test]
async fn the_document_keeps_the_interoperability_guidelines_rules() {
    let document: serde_json::Value =
        serde_json::from_str(&portale::routes::openapi_json().unwrap()).unwrap();
    assert!(
        document["info"]["contact"]["email"].is_string(),
        "has-contact"
    );
    assert!(document["info"]["x-summary"].is_string(), "has-x-summary");
    let status = &document["paths"]["/status"]["get"]["responses"]["200"]["content"];
    assert!(
        status.get("application/problem+json").is_some(),
        "paths-status"
    );
    let mut integers_without_format = Vec::new();
    walk(&document, "", &mut |path, value| {
        let integer = value.get("type") == Some(&serde_json::json!("integer"))
            || value["type"]
                .as_array()
                .is_some_and(|t| t.contains(&serde_json::json!("integer")));
        if integer && value.get("format").is_none() {
            integers_without_format.push(path.to_owned());
        }
    });
    assert!(
        integers_without_format.is_empty(),
        "integer-format: {integers_without_format:?}"
    );
    for (path, item) in document["paths"].as_object().unwrap() {
        if let Some(patch) = item.get("patch") {
            let content = patch["requestBody"]["content"].as_object().unwrap();
            assert!(
                content
                    .keys()
                    .all(|media| media == "application/merge-patch+json"),
                "patch-media-type: {path}"
            );
        }
    }
    // With an HTTPS address the token URL is absolute (sec-securitySchemes-oauth-http).
    let published: serde_json::Value = serde_json::from_str(
        &portale::routes::openapi_json_for(Some("https://servizi.comune.example")).unwrap(),
    )
    .unwrap();
    assert_eq!(
        published["components"]["securitySchemes"]["oauth2"]["flows"]["clientCredentials"]
            ["tokenUrl"],
        "https://servizi.comune.example/api/v1/oauth/token"
    );
}

fn walk(value: &serde_json::Value, path: &str, visit: &mut dyn FnMut(&str, &serde_json::Value)) {
    visit(path, value);
    match value {
        serde_json::Value::Object(map) => {
            for (key, child) in map {
                walk(child, &format!("{path}/{key}"), visit);
            }
        }
        serde_json::Value::Array(items) => {
            for (index, child) in items.iter().enumerate() {
                walk(child, &format!("{path}/{index}"), visit);
            }
        }
        _ => {}
    }
}

#[tokio::test]
async fn the_status_path_answers_a_problem_while_the_api_works() {
    let app = crate::helpers::spawn_app().await;
    let response = app.get("/status").await;
    assert_eq!(response.status(), 200);
    assert_eq!(
        response.headers()["content-type"],
        "application/problem+json"
    );
    let body: serde_json::Value = response.json().await.unwrap();
    assert_eq!(body["status"], 200);
    assert_eq!(body["title"], "OK");
}
