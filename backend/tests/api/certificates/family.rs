//! The family record, a person's position, third-party look-ups and the access log.

use serde_json::Value;

use super::{demo, family};

#[tokio::test]
async fn a_resident_sees_the_own_family_with_every_member() {
    let demo = demo().await;
    let record = family(&demo, &demo.citizen).await;
    let members = record["members"].as_array().unwrap();
    assert!(members.len() >= 3, "{record}");
    assert_eq!(members[0]["relationship"], "head");
    assert_eq!(members[0]["relationship_label"], "INTESTATARIO SCHEDA");
    assert_eq!(
        members[0]["person_id"],
        demo.credentials["citizen"]["person_id"]
    );
    assert_eq!(members[0]["is_self"], true);
    for member in members {
        for field in [
            "fiscal_code",
            "surname",
            "name",
            "sex",
            "birth_date",
            "birth_place",
            "relationship",
        ] {
            assert!(member[field].is_string(), "{field} in {member}");
        }
    }
    assert!(record["address"]["formatted"]
        .as_str()
        .unwrap()
        .contains("VALDORIA"));
    assert!(record["situation_date"].is_string());

    // English readers get the registry's vocabulary in English; the codes stay the same.
    let english: Value = demo
        .app
        .client
        .get(demo.app.url("/api/v1/me/family"))
        .bearer_auth(&demo.citizen)
        .header("accept-language", "en")
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(english["members"][0]["relationship"], "head");
    assert_eq!(
        english["members"][0]["relationship_label"],
        "Head of the family"
    );
    let civil = english["members"][0]["civil_status_label"]
        .as_str()
        .unwrap();
    assert!(civil.chars().any(|c| c.is_lowercase()), "{civil}");

    // "Situazione alla data": a future date is refused…
    let response = demo
        .app
        .get_as("/api/v1/me/family?date=2100-01-01", &demo.citizen)
        .await;
    assert_eq!(response.status(), 400);
    // …and a day before the family existed says so, with the day, not a bare 404.
    let response = demo
        .app
        .get_as("/api/v1/me/family?date=1900-01-01", &demo.citizen)
        .await;
    let (status, _, body) = crate::helpers::problem(response).await;
    assert_eq!(
        (status, body["code"].as_str()),
        (404, Some("no_family_on_date"))
    );
    assert!(
        body["detail"].as_str().unwrap().contains("01/01/1900"),
        "{body}"
    );
}

#[tokio::test]
async fn a_non_resident_has_no_family_record() {
    let demo = demo().await;
    let token = super::nonresident(&demo).await;
    let response = demo.app.get_as("/api/v1/me/family", &token).await;
    let (status, _, body) = crate::helpers::problem(response).await;
    assert_eq!(status, 403);
    assert_eq!(body["code"], "not_resident");
}

#[tokio::test]
async fn members_of_the_own_family_only_and_every_view_is_audited() {
    let demo = demo().await;
    let record = family(&demo, &demo.citizen).await;
    let member = record["members"][1]["person_id"].as_str().unwrap();
    let response = demo
        .app
        .get_as(&format!("/api/v1/persons/{member}"), &demo.citizen)
        .await;
    assert_eq!(response.status(), 200);
    let person: Value = response.json().await.unwrap();
    assert_eq!(person["person_id"], member);
    assert!(person["citizenship_name"].is_string());
    assert_eq!(person["status"], "resident");

    // Another family's member is not found for this citizen…
    let other = demo.credentials["citizen2"]["person_id"].as_str().unwrap();
    let response = demo
        .app
        .get_as(&format!("/api/v1/persons/{other}"), &demo.citizen)
        .await;
    assert_eq!(response.status(), 404);

    // …but an operator sees anyone, and the views are in the audit log.
    let operator = crate::helpers::staff_token(&demo.app, &demo.credentials, "operator").await;
    let response = demo
        .app
        .get_as(&format!("/api/v1/persons/{other}"), &operator)
        .await;
    assert_eq!(response.status(), 200);
    let admin = crate::helpers::staff_token(&demo.app, &demo.credentials, "admin").await;
    let log: Value = demo
        .app
        .get_as(
            "/api/v1/admin/audit-log?action=person.viewed&format=json",
            &admin,
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(log["entries"].as_array().unwrap().len(), 2, "{log}");
    let log: Value = demo
        .app
        .get_as(
            "/api/v1/admin/audit-log?action=family.viewed&format=json",
            &admin,
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(log["entries"].as_array().unwrap().len(), 1, "{log}");
}

#[tokio::test]
async fn a_third_party_look_up_needs_a_reason_reveals_little_and_is_shown_to_the_subject() {
    let demo = demo().await;
    let target = &demo.credentials["citizen2"];
    let code = target["fiscal_code"].as_str().unwrap();

    let response = demo
        .app
        .get_as(
            &format!("/api/v1/persons?fiscal_code={code}"),
            &demo.citizen,
        )
        .await;
    let (status, _, body) = crate::helpers::problem(response).await;
    assert_eq!(status, 400);
    assert_eq!(body["errors"][0]["field"], "reason");

    let response = demo
        .app
        .get_as(
            &format!("/api/v1/persons?fiscal_code={code}&reason=Pratica%20di%20successione"),
            &demo.citizen,
        )
        .await;
    assert_eq!(response.status(), 200);
    let found: Value = response.json().await.unwrap();
    let items = found["items"].as_array().unwrap();
    assert_eq!(items.len(), 1);
    assert_eq!(items[0]["person_id"], target["person_id"]);
    let mut keys: Vec<&String> = items[0].as_object().unwrap().keys().collect();
    keys.sort();
    assert_eq!(
        keys,
        [
            "birth_date",
            "birth_place",
            "name",
            "person_id",
            "sex",
            "surname"
        ],
        "nothing beyond what picks the person"
    );

    // By name and birth date, case does not matter.
    let surname = items[0]["surname"].as_str().unwrap().to_lowercase();
    let name = items[0]["name"].as_str().unwrap().to_lowercase();
    let birth = items[0]["birth_date"].as_str().unwrap();
    let response = demo
        .app
        .get_as(
            &format!("/api/v1/persons?surname={surname}&name={name}&birth_date={birth}&reason=Verifica%20eredi"),
            &demo.citizen,
        )
        .await;
    let by_name: Value = response.json().await.unwrap();
    assert!(by_name["items"]
        .as_array()
        .unwrap()
        .iter()
        .any(|p| p["person_id"] == target["person_id"]));

    // The subject sees both look-ups with the reason; the requester's own log does not
    // list them.
    let log: Value = demo
        .app
        .get_as("/api/v1/me/access-log", &demo.citizen2)
        .await
        .json()
        .await
        .unwrap();
    let searched: Vec<&Value> = log["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["action"] == "person.searched")
        .collect();
    assert_eq!(searched.len(), 2, "{log}");
    assert_eq!(searched[1]["reason"], "Pratica di successione");
    assert_eq!(searched[0]["actor_kind"], "citizen");
    let own: Value = demo
        .app
        .get_as("/api/v1/me/access-log", &demo.citizen)
        .await
        .json()
        .await
        .unwrap();
    assert!(own["items"]
        .as_array()
        .unwrap()
        .iter()
        .all(|e| e["action"] != "person.searched"));
}

#[tokio::test]
async fn look_ups_are_throttled_per_user() {
    let demo = demo().await;
    let code = demo.credentials["citizen2"]["fiscal_code"]
        .as_str()
        .unwrap();
    let path = format!("/api/v1/persons?fiscal_code={code}&reason=Controllo%20ripetuto");
    let mut last = 0;
    for _ in 0..31 {
        last = demo
            .app
            .get_as(&path, &demo.citizen)
            .await
            .status()
            .as_u16();
        if last == 429 {
            break;
        }
    }
    assert_eq!(last, 429);
    // Another user is not affected.
    let other = demo.credentials["citizen"]["fiscal_code"].as_str().unwrap();
    let response = demo
        .app
        .get_as(
            &format!("/api/v1/persons?fiscal_code={other}&reason=Controllo%20altro"),
            &demo.citizen2,
        )
        .await;
    assert_eq!(response.status(), 200);
}
