use crate::helpers::{problem, spawn_app};

#[tokio::test]
async fn services_are_grouped_by_area_in_both_languages() {
    let app = spawn_app().await;
    let italian: serde_json::Value = app.get("/api/v1/services").await.json().await.unwrap();
    let english: serde_json::Value = app
        .client
        .get(app.url("/api/v1/services"))
        .header("accept-language", "en-GB,en;q=0.9")
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let areas = italian["areas"].as_array().unwrap();
    assert!(areas
        .iter()
        .any(|a| a["title"] == "Anagrafe e stato civile"));
    assert!(english["areas"]
        .as_array()
        .unwrap()
        .iter()
        .any(|a| a["title"] == "Registry and civil status"));
    let scheda = areas
        .iter()
        .flat_map(|a| a["services"].as_array().unwrap())
        .find(|s| s["code"] == "scheda-persona")
        .unwrap();
    assert_eq!(scheda["residents_only"], true);
    assert_eq!(scheda["requires_login"], true);
}

#[tokio::test]
async fn municipality_comes_from_the_configuration() {
    let app =
        crate::helpers::spawn_app_with(|s| s.municipality.name = "Comune di Prova".to_owned())
            .await;
    let body: serde_json::Value = app.get("/api/v1/municipality").await.json().await.unwrap();
    assert_eq!(body["name"], "Comune di Prova");
    assert_eq!(body["office"]["opening_hours"][0]["weekday"], 1);
}

#[tokio::test]
async fn places_are_found_without_accents_and_bad_queries_name_the_parameter() {
    let app = spawn_app().await;
    let body: serde_json::Value = app
        .get("/api/v1/places?q=citta%20di%20cas&limit=5")
        .await
        .json()
        .await
        .unwrap();
    let names: Vec<&str> = body["places"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    assert!(names.contains(&"Città di Castello"), "{names:?}");

    for (query, field) in [
        ("?q=r", "q"),
        ("?q=roma&limit=0", "limit"),
        ("?q=roma&limit=x", "limit"),
        ("", "q"),
        ("?q=roma&zzz=1", "zzz"),
    ] {
        let (status, content_type, body) =
            problem(app.get(&format!("/api/v1/places{query}")).await).await;
        assert_eq!(status, 400, "{query}");
        assert_eq!(content_type, "application/problem+json");
        assert_eq!(body["errors"][0]["field"], field, "{query}: {body}");
    }
}
