//! Bad input of every kind gets a problem+json 4xx naming what is wrong; never a 500.

use serde_json::json;

use crate::helpers::{problem, spawn_app, spawn_app_with};

const VALIDATE: &str = "/api/v1/codice-fiscale/validate";

async fn post_raw(
    app: &crate::helpers::TestApp,
    content_type: &str,
    body: Vec<u8>,
) -> reqwest::Response {
    app.client
        .post(app.url(VALIDATE))
        .header("content-type", content_type)
        .body(body)
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn malformed_json_and_bad_utf8_are_400() {
    let app = spawn_app().await;
    for body in [
        &b"{\"fiscal_code\": "[..],
        b"not json",
        b"",
        b"{\"fiscal_code\":\"\xff\xfe\"}",
        b"{\"fiscal_code\":\"A\"} {}",
    ] {
        let (status, content_type, problem) =
            problem(post_raw(&app, "application/json", body.to_vec()).await).await;
        assert_eq!(status, 400, "{:?}", String::from_utf8_lossy(body));
        assert_eq!(content_type, "application/problem+json");
        assert_eq!(problem["code"], "malformed_body");
        assert_eq!(problem["status"], 400);
        assert!(problem["request_id"].is_string());
        assert!(problem["detail"].as_str().unwrap().len() > 5);
    }
}

#[tokio::test]
async fn wrong_missing_and_unknown_fields_are_422_and_named() {
    let app = spawn_app().await;
    let cases = [
        (json!({"fiscal_code": 42}), "fiscal_code"),
        (json!({}), "fiscal_code"),
        (
            json!({"fiscal_code": "RSSMRA85T10H501O", "admin": true}),
            "admin",
        ),
        (json!(["RSSMRA85T10H501O"]), "body"),
    ];
    for (body, field) in cases {
        let (status, _, problem) = problem(app.post_json(VALIDATE, &body).await).await;
        assert_eq!(status, 422, "{body}");
        assert_eq!(problem["code"], "validation_failed");
        assert_eq!(problem["errors"][0]["field"], field, "{body}: {problem}");
        assert!(!problem["errors"][0]["message"].as_str().unwrap().is_empty());
    }
}

#[tokio::test]
async fn messages_follow_accept_language() {
    let app = spawn_app().await;
    let ask = |lang: &'static str| {
        app.client
            .post(app.url(VALIDATE))
            .header("accept-language", lang)
            .json(&json!({}))
            .send()
    };
    let (_, _, italian) = problem(ask("it-IT").await.unwrap()).await;
    let (_, _, english) = problem(ask("en-US,en;q=0.8").await.unwrap()).await;
    assert_eq!(italian["title"], "Dati non validi");
    assert_eq!(
        italian["errors"][0]["message"],
        "Campo obbligatorio mancante."
    );
    assert_eq!(english["title"], "Invalid data");
    assert_eq!(english["errors"][0]["message"], "This field is required.");
}

#[tokio::test]
async fn other_media_types_are_415() {
    let app = spawn_app().await;
    let (status, _, body) =
        problem(post_raw(&app, "text/plain", b"RSSMRA85T10H501O".to_vec()).await).await;
    assert_eq!(status, 415);
    assert_eq!(body["code"], "unsupported_media_type");
    let no_type = app
        .client
        .post(app.url(VALIDATE))
        .body("{}")
        .send()
        .await
        .unwrap();
    assert_eq!(no_type.status(), 415);
    let vendor_json = post_raw(
        &app,
        "application/merge-patch+json",
        b"{\"fiscal_code\":\"x\"}".to_vec(),
    )
    .await;
    assert_eq!(vendor_json.status(), 200);
}

#[tokio::test]
async fn oversized_bodies_are_413() {
    let app = spawn_app_with(|s| s.max_body_bytes = 1024).await;
    let big = format!("{{\"fiscal_code\":\"{}\"}}", "A".repeat(4096));
    let (status, _, body) =
        problem(post_raw(&app, "application/json", big.into_bytes()).await).await;
    assert_eq!(status, 413);
    assert_eq!(body["code"], "payload_too_large");
    assert!(body["detail"].as_str().unwrap().contains("1024"));
}

#[tokio::test]
async fn unknown_api_paths_are_404_and_wrong_methods_405() {
    let app = spawn_app().await;
    let (status, content_type, body) = problem(app.get("/api/v1/nothing-here").await).await;
    assert_eq!(
        (status, content_type.as_str()),
        (404, "application/problem+json")
    );
    assert_eq!(body["code"], "not_found");

    let wrong_method = app
        .client
        .delete(app.url("/api/v1/services"))
        .send()
        .await
        .unwrap();
    assert_eq!(wrong_method.headers()["allow"], "GET, HEAD");
    let (status, _, body) = problem(wrong_method).await;
    assert_eq!(status, 405);
    assert_eq!(body["code"], "method_not_allowed");

    let get_on_post = app.get(VALIDATE).await;
    assert_eq!(get_on_post.status(), 405);
    assert_eq!(get_on_post.headers()["allow"], "POST");

    let post_on_health = app.client.post(app.url("/healthz")).send().await.unwrap();
    assert_eq!(post_on_health.status(), 405);
}

#[tokio::test]
async fn nothing_submitted_reaches_a_500() {
    let app = spawn_app().await;
    let garbage: Vec<Vec<u8>> = vec![
        vec![0; 64],
        b"{\"fiscal_code\": null}".to_vec(),
        b"{\"fiscal_code\": {\"$gt\": \"\"}}".to_vec(),
        "{\"fiscal_code\": \"ÀÈÌÒÙ漢字🙂\"}".as_bytes().to_vec(),
        b"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[".to_vec(),
    ];
    for body in garbage {
        let response = post_raw(&app, "application/json", body.clone()).await;
        assert!(
            response.status().is_client_error() || response.status() == 200,
            "{:?}",
            String::from_utf8_lossy(&body)
        );
    }
    for path in [
        "/api/v1/places?q=%ff%fe",
        "/api/v1/places?q=ro&limit=99999999999999999999",
        "/api/v1/places?q[]=x",
    ] {
        let status = app.get(path).await.status();
        assert!(
            status.is_client_error() || status == 200,
            "{path}: {status}"
        );
    }
}
