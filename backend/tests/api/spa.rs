//! The SPA is served by the backend: real files as they are, any other path gets
//! index.html so that client-side routes survive a reload. Needs `frontend/dist`
//! (the test command builds it first).

use crate::helpers::spawn_app;

fn require_built_spa() {
    let index = crate::helpers::repository_root().join("frontend/dist/index.html");
    assert!(
        index.exists(),
        "frontend/dist is missing: run `npm run build` in frontend/ (scripts/test-all.sh does)"
    );
}

#[tokio::test]
async fn the_home_page_and_client_routes_get_the_spa() {
    require_built_spa();
    let app = spawn_app().await;
    for path in [
        "/",
        "/contatti",
        "/strumenti/codice-fiscale",
        "/verifica/0193-abc",
    ] {
        let response = app.get(path).await;
        assert_eq!(response.status(), 200, "{path}");
        assert!(response.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/html"));
        assert!(
            response.text().await.unwrap().contains("<div id=\"root\">"),
            "{path}"
        );
    }
}

#[tokio::test]
async fn assets_are_served_with_long_caching_and_missing_ones_are_404() {
    require_built_spa();
    let app = spawn_app().await;
    let index = app.get("/").await.text().await.unwrap();
    let asset = index
        .split('"')
        .find(|part| part.starts_with("/assets/") && part.ends_with(".js"))
        .expect("index.html references a hashed script");
    let response = app.get(asset).await;
    assert_eq!(response.status(), 200);
    assert!(response.headers()["cache-control"]
        .to_str()
        .unwrap()
        .contains("immutable"));
    assert_eq!(app.get("/assets/missing-0000.js").await.status(), 404);
}

#[tokio::test]
async fn security_headers_are_set() {
    let app = spawn_app().await;
    let response = app.get("/healthz").await;
    assert_eq!(response.headers()["x-content-type-options"], "nosniff");
    assert_eq!(response.headers()["x-frame-options"], "DENY");
    assert!(response.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .contains("default-src 'self'"));
    let problem = app.get("/api/v1/nothing").await;
    assert_eq!(
        problem.headers()["x-content-type-options"],
        "nosniff",
        "error responses too"
    );
}
