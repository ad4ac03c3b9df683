use serde_json::json;

use crate::helpers::spawn_app;

#[tokio::test]
async fn a_valid_code_is_decoded() {
    let app = spawn_app().await;
    let body: serde_json::Value = app
        .post_json(
            "/api/v1/codice-fiscale/validate",
            &json!({"fiscal_code": "rssmra85t10h501o"}),
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(body["valid"], true);
    assert_eq!(body["normalized"], "RSSMRA85T10H501O");
    assert_eq!(body["sex"], "M");
    assert_eq!(body["birth_date"], "1985-12-10");
    assert_eq!(body["birth_place_code"], "H501");
    assert_eq!(body["birth_place_name"], "Roma");
    assert_eq!(body["omocodia_level"], 0);
}

#[tokio::test]
async fn omocodia_is_recognised() {
    let app = spawn_app().await;
    // The same person with the last numeric position replaced (1 → M) and the check
    // character recomputed.
    let code = portale::registry::rules::fiscal_code::FiscalCode::parse("RSSMRA85T10H501O")
        .unwrap()
        .with_omocodia(1);
    let body: serde_json::Value = app
        .post_json(
            "/api/v1/codice-fiscale/validate",
            &json!({"fiscal_code": code.as_str()}),
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(body["valid"], true, "{body}");
    assert_eq!(body["omocodia_level"], 1);
    assert_eq!(body["birth_place_code"], "H501");
}

#[tokio::test]
async fn an_invalid_code_says_why_in_the_callers_language() {
    let app = spawn_app().await;
    let english: serde_json::Value = app
        .client
        .post(app.url("/api/v1/codice-fiscale/validate"))
        .header("accept-language", "en")
        .json(&json!({"fiscal_code": "RSSMRA85T10H501Z"}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(english["valid"], false);
    assert_eq!(english["problems"][0]["code"], "check_character");
    assert_eq!(
        english["problems"][0]["message"],
        "The check character is wrong: expected O, found Z."
    );
    assert!(english["sex"].is_null());

    let italian: serde_json::Value = app
        .post_json(
            "/api/v1/codice-fiscale/validate",
            &json!({"fiscal_code": "RSSMRA85Z10H501O"}),
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(italian["problems"][0]["code"], "invalid_month");
    assert!(italian["problems"][0]["message"]
        .as_str()
        .unwrap()
        .contains("mese"));

    let short: serde_json::Value = app
        .post_json(
            "/api/v1/codice-fiscale/validate",
            &json!({"fiscal_code": "RSS"}),
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(short["problems"][0]["code"], "length");
}
