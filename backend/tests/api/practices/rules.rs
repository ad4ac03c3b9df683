//! The rules around the path: incomplete submissions, stale drafts, one open declaration
//! per family, one operator at a time, protocol numbers under concurrency, approval by
//! silence, a rejection that changes nothing.

use serde_json::{json, Value};

use super::*;
use crate::certificates::{demo, family, nonresident};
use crate::helpers::{problem, staff_token};

#[tokio::test]
async fn an_incomplete_declaration_is_refused_naming_each_missing_thing() {
    let demo = demo().await;
    let draft = start(&demo, &demo.citizen).await;
    let id = draft["id"].as_str().unwrap();
    let (status, _, body) = problem(
        demo.app
            .client
            .post(demo.app.url(&format!("/api/v1/practices/{id}/submit")))
            .bearer_auth(&demo.citizen)
            .json(&json!({}))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(status, 422);
    let fields: Vec<&str> = body["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    for expected in [
        "address.street",
        "occupancy.title",
        "attachments.documento-identita",
    ] {
        assert!(fields.contains(&expected), "{expected} in {fields:?}");
    }
    let still: Value = demo
        .app
        .get_as(&format!("/api/v1/practices/{id}"), &demo.citizen)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(still["state"], "draft");
    assert!(still["protocol"].is_null());
}

#[tokio::test]
async fn wrong_fields_are_named_and_a_stale_draft_is_not_overwritten() {
    let demo = demo().await;
    let draft = start(&demo, &demo.citizen).await;
    let mut data = completed(&demo, &draft).await;
    data["persons"][1]["vehicles"][0]["plate"] = json!("12ABC");
    data["address"]["street"] = json!("Via Inesistente");
    let (status, saved) = save(&demo, &demo.citizen, &draft, &data, "dwelling").await;
    assert_eq!(status, 200);
    let fields: Vec<&str> = saved["issues"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["field"].as_str().unwrap())
        .collect();
    assert!(
        fields.contains(&"persons[1].vehicles[0].plate"),
        "{fields:?}"
    );
    assert!(fields.contains(&"address.street"), "{fields:?}");
    // The first copy's version is old now.
    let (status, stale) = save(&demo, &demo.citizen, &draft, &data, "dwelling").await;
    assert_eq!((status, stale["code"].as_str()), (409, Some("stale_draft")));
}

#[tokio::test]
async fn a_family_has_one_open_declaration_and_a_rejection_changes_nothing() {
    let demo = demo().await;
    let before = family(&demo, &demo.citizen).await;
    let first = submitted(&demo).await;
    let second = start(&demo, &demo.citizen).await;
    let data = completed(&demo, &second).await;
    save(&demo, &demo.citizen, &second, &data, "summary").await;
    let id = second["id"].as_str().unwrap();
    upload(
        &demo,
        &demo.citizen,
        id,
        "documento-identita",
        "carta.pdf",
        PDF,
    )
    .await;
    let (status, refused) = submit(&demo, &demo.citizen, id, None).await;
    assert_eq!(
        (status, refused["code"].as_str()),
        (409, Some("practice_already_open")),
        "{refused}"
    );
    assert!(refused["detail"]
        .as_str()
        .unwrap()
        .contains(first["protocol"].as_str().unwrap()));

    let operator = staff_token(&demo.app, &demo.credentials, "operator").await;
    let first_id = first["id"].as_str().unwrap();
    act(&demo, &operator, first_id, "take-charge", json!({})).await;
    let (status, short) = act(
        &demo,
        &operator,
        first_id,
        "reject",
        json!({"reason": "no"}),
    )
    .await;
    assert_eq!(
        (status, short["code"].as_str()),
        (422, Some("validation_failed"))
    );
    let (status, rejected) = act(
        &demo,
        &operator,
        first_id,
        "reject",
        json!({"reason": "L'abitazione indicata non risulta accatastata come abitativa."}),
    )
    .await;
    assert_eq!(status, 200, "{rejected}");
    assert_eq!(rejected["state_label"], "Respinta (irricevibile)");
    assert_eq!(family(&demo, &demo.citizen).await, before);
    // Closed: the family may declare again.
    let (status, now) = submit(&demo, &demo.citizen, id, None).await;
    assert_eq!(status, 200, "{now}");
}

#[tokio::test]
async fn one_operator_at_a_time_and_citizens_never_work_the_office_side() {
    let demo = demo().await;
    let practice = submitted(&demo).await;
    let id = practice["id"].as_str().unwrap();
    let operator = staff_token(&demo.app, &demo.credentials, "operator").await;
    let admin = staff_token(&demo.app, &demo.credentials, "admin").await;
    let (status, _) = act(&demo, &demo.citizen, id, "take-charge", json!({})).await;
    assert_eq!(status, 403);
    let (status, taken) = act(&demo, &operator, id, "take-charge", json!({})).await;
    assert_eq!(status, 200);
    assert!(taken["actions"]
        .as_array()
        .unwrap()
        .contains(&json!("register")));
    let seen: Value = demo
        .app
        .get_as(&format!("/api/v1/practices/{id}"), &admin)
        .await
        .json()
        .await
        .unwrap();
    assert!(seen["assignee"]["label"].is_string());
    assert_eq!(seen["actions"], json!([]));
    let (status, held) = act(&demo, &admin, id, "register", json!({})).await;
    assert_eq!(
        (status, held["code"].as_str()),
        (409, Some("practice_held"))
    );
}

#[tokio::test]
async fn protocol_numbers_never_repeat_under_concurrency() {
    let demo = demo().await;
    let mut handles = Vec::new();
    for _ in 0..40 {
        let db = demo.app.db.clone();
        handles.push(tokio::task::spawn_blocking(move || {
            let mut conn = db.connection().unwrap();
            portale::platform::db::transaction(&mut conn, |conn| {
                portale::practices::store::protocol::next_number(conn, 2099)
            })
            .unwrap()
        }));
    }
    let mut numbers = Vec::new();
    for handle in handles {
        numbers.push(handle.await.unwrap());
    }
    numbers.sort_unstable();
    assert_eq!(numbers, (1..=40).collect::<Vec<i64>>());
}

#[tokio::test]
async fn silence_approves_after_45_days_and_moves_the_family() {
    let demo = demo().await;
    let practice = submitted(&demo).await;
    let id = practice["id"].as_str().unwrap().to_owned();
    let settings = portale::platform::settings::Settings::default();
    let db = demo.app.db.clone();
    let (early, late) = tokio::task::spawn_blocking(move || {
        let mut conn = db.connection().unwrap();
        let now = chrono::Utc::now();
        let early = portale::practices::silence::approve_due(
            &mut conn,
            &settings,
            now + chrono::Duration::days(45),
        )
        .unwrap();
        let late = portale::practices::silence::approve_due(
            &mut conn,
            &settings,
            now + chrono::Duration::days(47),
        )
        .unwrap();
        (early, late)
    })
    .await
    .unwrap();
    assert_eq!((early, late), (0, 1));
    let seen: Value = demo
        .app
        .get_as(&format!("/api/v1/practices/{id}"), &demo.citizen)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(seen["state"], "approved");
    let history: Value = demo
        .app
        .get_as(&format!("/api/v1/practices/{id}/history"), &demo.citizen)
        .await
        .json()
        .await
        .unwrap();
    let last = history["items"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(
        (last["action"].as_str(), last["actor_kind"].as_str()),
        (Some("approve_by_silence"), Some("system"))
    );
    let street = practice["data"]["address"]["street"].as_str().unwrap();
    let moved = family(&demo, &demo.citizen).await;
    assert_eq!(
        moved["address"]["street"].as_str().unwrap(),
        street.to_uppercase()
    );
}

#[tokio::test]
async fn a_newcomer_declares_from_another_municipality_and_enters_the_registry() {
    let demo = demo().await;
    let token = nonresident(&demo).await;
    let draft = start(&demo, &token).await;
    assert_eq!(draft["data"]["kind"], "from_other_municipality");
    let mut data = draft["data"].clone();
    let who = &demo.credentials["nonresident"];
    // The particulars the codice fiscale encodes (the surname and name are the account's).
    let profile: Value = demo
        .app
        .post_json(
            "/api/v1/codice-fiscale/validate",
            &json!({"fiscal_code": who["fiscal_code"]}),
        )
        .await
        .json()
        .await
        .unwrap();
    data["previous_place_code"] = json!("H501");
    data["persons"][0]["sex"] = profile["sex"].clone();
    data["persons"][0]["birth_date"] = profile["birth_date"].clone();
    data["persons"][0]["birth_place_code"] = profile["birth_place_code"].clone();
    data["persons"][0]["citizenship"] = json!("it");
    data["address"] = json!({"street": first_street(&demo).await, "house_number": "1"});
    data["occupancy"] = json!({"title": "registered_lease", "registration_office": "Roma 1", "registration_number": "1234", "registration_date": "2026-01-10"});
    data["contacts"]["email"] = json!("nuovo@example.org");
    let (status, saved) = save(&demo, &token, &draft, &data, "summary").await;
    assert_eq!(status, 200, "{saved}");
    assert_eq!(saved["issues"].as_array().unwrap().len(), 1, "{saved}");
    assert_eq!(saved["place_names"]["H501"], "Roma (RM)");
    let id = draft["id"].as_str().unwrap();
    upload(
        &demo,
        &token,
        id,
        "documento-identita",
        "id.png",
        &[0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, 0],
    )
    .await;
    let (status, _) = submit(&demo, &token, id, None).await;
    assert_eq!(status, 200);
    let operator = staff_token(&demo.app, &demo.credentials, "operator").await;
    for action in ["take-charge", "register", "approve"] {
        let (status, body) = act(&demo, &operator, id, action, json!({})).await;
        assert_eq!(status, 200, "{action}: {body}");
    }
    let family = family(&demo, &token).await;
    assert_eq!(family["members"][0]["fiscal_code"], who["fiscal_code"]);
}

#[tokio::test]
async fn two_families_approved_at_the_same_moment_both_move() {
    let demo = demo().await;
    let first = submitted(&demo).await;
    let second = submitted_by(&demo, &demo.citizen2).await;
    let operator = staff_token(&demo.app, &demo.credentials, "operator").await;
    let ids = [
        first["id"].as_str().unwrap(),
        second["id"].as_str().unwrap(),
    ];
    for id in ids {
        for action in ["take-charge", "register"] {
            let (status, body) = act(&demo, &operator, id, action, json!({})).await;
            assert_eq!(status, 200, "{body}");
        }
    }
    let (a, b) = tokio::join!(
        act(&demo, &operator, ids[0], "approve", json!({})),
        act(&demo, &operator, ids[1], "approve", json!({}))
    );
    assert_eq!((a.0, b.0), (200, 200), "{} {}", a.1, b.1);
    let numbers = [
        family(&demo, &demo.citizen).await["registry_number"].clone(),
        family(&demo, &demo.citizen2).await["registry_number"].clone(),
    ];
    assert_ne!(numbers[0], numbers[1]);
}
