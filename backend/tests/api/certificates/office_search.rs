//! The office's archive (issue 12): found by certificate ID (with or without dashes, any
//! case) or by codice fiscale (of the person the certificate is about, or of who asked),
//! and every row says who asked — a third person's request by name and codice fiscale.

use serde_json::{json, Value};

use super::{demo, issue, issue_residence, Demo};
use crate::helpers::{problem, staff_token};

const REASON: &str = "Pratica di successione ereditaria";

/// The ids the list answers for `q`, newest first.
async fn found(demo: &Demo, token: &str, q: &str) -> Vec<String> {
    let q: String = form_urlencoded::byte_serialize(q.as_bytes()).collect();
    let response = demo
        .app
        .get_as(&format!("/api/v1/certificates?q={q}"), token)
        .await;
    assert_eq!(response.status(), 200, "q={q}");
    let list: Value = response.json().await.unwrap();
    list["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap().to_owned())
        .collect()
}

fn code_of(demo: &Demo, who: &str) -> String {
    demo.credentials[who]["fiscal_code"]
        .as_str()
        .unwrap()
        .to_owned()
}

/// Three certificates: the citizen's own, the citizen's about citizen2 (a third person),
/// and citizen2's own; newest last.
async fn three_certificates(demo: &Demo) -> [String; 3] {
    let own = issue_residence(demo).await["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let about = json!({
        "type": "stato_famiglia",
        "person_id": demo.credentials["citizen2"]["person_id"],
        "usage": "pensione",
        "reason": REASON,
    });
    let (status, third_party) = issue(demo, &demo.citizen, about).await;
    assert_eq!(status, 201, "{third_party}");
    let own2 = json!({
        "type": "residenza",
        "person_id": demo.credentials["citizen2"]["person_id"],
        "usage": "pensione",
    });
    let (status, second) = issue(demo, &demo.citizen2, own2).await;
    assert_eq!(status, 201, "{second}");
    [
        own,
        third_party["id"].as_str().unwrap().to_owned(),
        second["id"].as_str().unwrap().to_owned(),
    ]
}

#[tokio::test]
async fn the_office_finds_a_certificate_by_id_with_or_without_dashes_in_any_case() {
    let demo = demo().await;
    let operator = staff_token(&demo.app, &demo.credentials, "operator").await;
    let [own, third_party, second] = three_certificates(&demo).await;

    assert_eq!(
        found(&demo, &operator, "").await,
        vec![second.clone(), third_party.clone(), own.clone()]
    );
    assert_eq!(
        found(&demo, &operator, &third_party).await,
        vec![third_party.clone()]
    );
    let bare = third_party.replace('-', "").to_lowercase();
    assert_eq!(
        found(&demo, &operator, &bare).await,
        vec![third_party.clone()]
    );
    let spaced = format!("  {}  ", third_party.replace('-', " ").to_lowercase());
    assert_eq!(found(&demo, &operator, &spaced).await, vec![third_party]);
    // A well-formed ID that was never issued: an empty page, not an error.
    assert!(found(&demo, &operator, "0000-0000-0000-0000")
        .await
        .is_empty());
}

#[tokio::test]
async fn a_codice_fiscale_finds_the_certificates_about_the_person_and_those_they_asked_for() {
    let demo = demo().await;
    let operator = staff_token(&demo.app, &demo.credentials, "operator").await;
    let [own, third_party, second] = three_certificates(&demo).await;

    // citizen2 is the subject of the third-party certificate and of their own.
    let citizen2 = code_of(&demo, "citizen2");
    assert_eq!(
        found(&demo, &operator, &citizen2).await,
        vec![second, third_party.clone()]
    );
    // The citizen is the subject of their own and asked for the third-party one.
    let citizen = code_of(&demo, "citizen").to_lowercase();
    assert_eq!(
        found(&demo, &operator, &citizen).await,
        vec![third_party.clone(), own]
    );
    // A citizen searching sees only what they asked for themselves.
    assert_eq!(
        found(&demo, &demo.citizen, &citizen2).await,
        vec![third_party]
    );
    assert!(found(&demo, &demo.citizen2, &citizen).await.is_empty());
}

#[tokio::test]
async fn a_search_that_is_neither_an_id_nor_a_codice_fiscale_is_refused() {
    let demo = demo().await;
    let operator = staff_token(&demo.app, &demo.credentials, "operator").await;
    // The last one: a codice fiscale with a wrong check character (and a U no ID has).
    for q in ["Rossi", "7KQF-9XMA", "RSSMRU85T10A562S"] {
        let response = demo
            .app
            .get_as(&format!("/api/v1/certificates?q={q}"), &operator)
            .await;
        let (status, _, body) = problem(response).await;
        assert_eq!(status, 422, "{q}: {body}");
        assert_eq!(body["code"], "validation_failed", "{q}: {body}");
        assert_eq!(body["errors"][0]["field"], "q", "{q}: {body}");
    }
}

#[tokio::test]
async fn every_certificate_says_who_asked_for_it() {
    let demo = demo().await;
    let operator = staff_token(&demo.app, &demo.credentials, "operator").await;
    let [own, third_party, _] = three_certificates(&demo).await;
    let me: Value = demo
        .app
        .get_as("/api/v1/me", &demo.citizen)
        .await
        .json()
        .await
        .unwrap();

    let response = demo.app.get_as("/api/v1/certificates", &operator).await;
    let list: Value = response.json().await.unwrap();
    let row = |id: &str| {
        list["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["id"] == id)
            .cloned()
            .unwrap()
    };
    let asked = row(&third_party);
    assert_eq!(asked["requester"], "third_party");
    assert_eq!(
        asked["requested_by"],
        json!({
            "surname": me["surname"],
            "name": me["name"],
            "fiscal_code": code_of(&demo, "citizen"),
            "username": null,
        }),
        "{asked}"
    );
    assert_eq!(
        row(&own)["requested_by"]["fiscal_code"],
        code_of(&demo, "citizen")
    );

    // The same on the certificate's own page and in what the citizen lists.
    let one: Value = demo
        .app
        .get_as(&format!("/api/v1/certificates/{third_party}"), &operator)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(one["requested_by"], asked["requested_by"]);

    // A certificate the office issues names the operator by user name.
    let by_office = json!({
        "type": "residenza",
        "person_id": demo.credentials["citizen2"]["person_id"],
        "usage": "pensione",
    });
    let (status, issued) = issue(&demo, &operator, by_office).await;
    assert_eq!(status, 201, "{issued}");
    assert_eq!(issued["requester"], "office");
    assert_eq!(
        issued["requested_by"]["username"],
        demo.credentials["operator"]["username"]
    );
    assert_eq!(issued["requested_by"]["fiscal_code"], Value::Null);
}
