//! The whole path of a change of address: draft, attachments (one refused), submission
//! with its receipt, the office's integration request, the citizen's addition,
//! registration, approval, and the registry that follows.

use serde_json::{json, Value};

use super::*;
use crate::certificates::{demo, family, issue_residence, pdf_of};
use crate::helpers::staff_token;

fn text_of(pdf: &[u8]) -> String {
    let doc = lopdf::Document::load_mem(pdf).expect("a PDF lopdf reads");
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    doc.extract_text(&pages).expect("text")
}

#[tokio::test]
async fn a_change_of_address_goes_from_the_draft_to_the_registry() {
    let demo = demo().await;
    let types: Value = demo
        .app
        .get("/api/v1/practice-types")
        .await
        .json()
        .await
        .unwrap();
    let residence = &types["items"][0];
    assert_eq!(residence["code"], "cambio-residenza");
    assert!(residence["documents"]
        .as_array()
        .unwrap()
        .iter()
        .any(|d| d["required"] == true));

    // The draft starts from the registry: the applicant first, the family locked.
    let draft = start(&demo, &demo.citizen).await;
    assert_eq!(draft["state"], "draft");
    assert_eq!(draft["data"]["persons"][0]["applicant"], true);
    assert!(draft["locked"]
        .as_array()
        .unwrap()
        .contains(&json!("persons[1].fiscal_code")));
    let id = draft["id"].as_str().unwrap().to_owned();
    let before = family(&demo, &demo.citizen).await;
    let old_street = before["address"]["street"].as_str().unwrap().to_owned();

    // A locked field typed over is kept as the registry has it.
    let mut data = completed(&demo, &draft).await;
    let real_name = data["persons"][1]["name"].clone();
    data["persons"][1]["name"] = json!("ALTRO");
    let (status, saved) = save(&demo, &demo.citizen, &draft, &data, "attachments").await;
    assert_eq!(status, 200, "{saved}");
    assert_eq!(saved["data"]["persons"][1]["name"], real_name);
    // Only the required document is missing now.
    let missing: Vec<&str> = saved["issues"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["field"].as_str().unwrap())
        .collect();
    assert_eq!(missing, ["attachments.documento-identita"]);
    assert_eq!(saved["step"], "attachments");

    // Content decides: a JPEG named .pdf is refused, and nothing is kept.
    let (status, refused) = upload(
        &demo,
        &demo.citizen,
        &id,
        "documento-identita",
        "carta.pdf",
        JPEG,
    )
    .await;
    assert_eq!(status, 422, "{refused}");
    assert_eq!(refused["code"], "attachment_kind");
    let (status, kept) = upload(
        &demo,
        &demo.citizen,
        &id,
        "documento-identita",
        "../carta identità.pdf",
        PDF,
    )
    .await;
    assert_eq!(status, 201, "{kept}");
    assert_eq!(kept["file_name"], "carta identità.pdf");
    let sha = kept["sha256"].as_str().unwrap().to_owned();
    let (status, photo) = upload(
        &demo,
        &demo.citizen,
        &id,
        "titolo-occupazione",
        "rogito.jpg",
        JPEG,
    )
    .await;
    assert_eq!(status, 201);
    let deleted = demo
        .app
        .client
        .delete(demo.app.url(photo["url"].as_str().unwrap()))
        .bearer_auth(&demo.citizen)
        .send()
        .await
        .unwrap();
    assert_eq!(deleted.status(), 204);

    // Nobody else sees it, not even the office while it is a draft.
    let operator = staff_token(&demo.app, &demo.credentials, "operator").await;
    for token in [&demo.citizen2, &operator] {
        let response = demo
            .app
            .get_as(&format!("/api/v1/practices/{id}"), token)
            .await;
        assert_eq!(response.status(), 404);
    }

    // Submitted once, whatever the retries.
    let (status, first) = submit(&demo, &demo.citizen, &id, Some("inoltro-1")).await;
    assert_eq!(status, 200, "{first}");
    assert_eq!(first["state"], "submitted");
    let protocol = first["protocol"].as_str().unwrap().to_owned();
    assert!(protocol.ends_with("/000001"), "{protocol}");
    assert!(first["deadlines"]["registration_due"].is_string());
    let (status, again) = submit(&demo, &demo.citizen, &id, Some("inoltro-1")).await;
    assert_eq!(status, 200);
    assert_eq!(again["protocol"], protocol);
    let (status, twice) = submit(&demo, &demo.citizen, &id, None).await;
    assert_eq!(
        (status, twice["code"].as_str()),
        (409, Some("practice_state"))
    );

    // The receipt names the protocol and the file's hash.
    let receipt = demo
        .app
        .get_as(
            &format!("/api/v1/practices/{id}/receipt.pdf"),
            &demo.citizen,
        )
        .await;
    assert_eq!(receipt.status(), 200);
    let text = text_of(&receipt.bytes().await.unwrap());
    assert!(text.contains(&protocol) && text.contains(&sha), "{text}");

    // The office: the queue, take in charge, ask for a document.
    let queue: Value = demo
        .app
        .get_as("/api/v1/practices?state=submitted", &operator)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(queue["total"], 1);
    assert_eq!(
        queue["counts"],
        json!([{"state": "submitted", "label": "Inviata", "count": 1}])
    );
    let mine: Value = demo
        .app
        .get_as("/api/v1/practices", &demo.citizen)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(mine["counts"][0]["state"], "submitted");
    assert_eq!(queue["items"][0]["protocol"], protocol);
    let (status, taken) = act(&demo, &operator, &id, "take-charge", json!({})).await;
    assert_eq!(status, 200, "{taken}");
    assert_eq!(taken["state"], "in_progress");
    let (status, asked) = act(
        &demo,
        &operator,
        &id,
        "request-integration",
        json!({"message": "Allegare copia del contratto di acquisto dell'abitazione."}),
    )
    .await;
    assert_eq!(status, 200, "{asked}");

    // The citizen reads the request and adds the document.
    let mine: Value = demo
        .app
        .get_as(&format!("/api/v1/practices/{id}"), &demo.citizen)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(mine["state"], "integration_requested");
    assert!(mine["integration_request"]
        .as_str()
        .unwrap()
        .contains("contratto"));
    let (status, _) = upload(
        &demo,
        &demo.citizen,
        &id,
        "titolo-occupazione",
        "rogito.pdf",
        PDF,
    )
    .await;
    assert_eq!(status, 201);
    let (status, integrated) = submit(&demo, &demo.citizen, &id, None).await;
    assert_eq!(status, 200, "{integrated}");
    assert_eq!(integrated["state"], "integrated");
    assert!(integrated["attachments"]
        .as_array()
        .unwrap()
        .iter()
        .all(|a| a["sent"] == true));

    // Registered, then approved: the registry follows.
    let (status, registered) = act(&demo, &operator, &id, "register", json!({})).await;
    assert_eq!(status, 200, "{registered}");
    assert_eq!(registered["state"], "registered");
    let (status, approved) = act(&demo, &operator, &id, "approve", json!({})).await;
    assert_eq!(status, 200, "{approved}");
    assert_eq!(approved["state"], "approved");

    let after = family(&demo, &demo.citizen).await;
    let new_street = data["address"]["street"].as_str().unwrap();
    assert_eq!(
        after["address"]["street"].as_str().unwrap().to_uppercase(),
        new_street.to_uppercase()
    );
    assert_eq!(after["members"].as_array().unwrap().len(), 2, "{after}");
    let yesterday = (chrono::Utc::now() - chrono::Duration::days(1)).date_naive();
    let old: Value = demo
        .app
        .get_as(
            &format!("/api/v1/me/family?date={yesterday}"),
            &demo.citizen,
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(old["address"]["street"].as_str().unwrap(), old_street);
    assert_eq!(old["members"], before["members"]);

    // A certificate issued now carries the new address.
    let certificate = issue_residence(&demo).await;
    let pdf = pdf_of(&demo, &demo.citizen, certificate["id"].as_str().unwrap()).await;
    assert!(text_of(&pdf)
        .to_uppercase()
        .contains(&new_street.to_uppercase()));

    // The history, in order, with the office's message.
    let history: Value = demo
        .app
        .get_as(&format!("/api/v1/practices/{id}/history"), &demo.citizen)
        .await
        .json()
        .await
        .unwrap();
    let actions: Vec<&str> = history["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["action"].as_str().unwrap())
        .collect();
    assert_eq!(
        actions,
        [
            "create",
            "submit",
            "take_charge",
            "request_integration",
            "submit",
            "register",
            "approve"
        ]
    );
    // Every change the office made reached the citizen's mailbox queue.
    let admin = staff_token(&demo.app, &demo.credentials, "admin").await;
    let outbox: Value = demo
        .app
        .get_as("/api/v1/admin/mail-outbox?per_page=100", &admin)
        .await
        .json()
        .await
        .unwrap();
    let subjects: Vec<String> = outbox["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|m| m["subject"].as_str().map(str::to_owned))
        .filter(|s| s.contains(&protocol))
        .collect();
    assert!(subjects.len() >= 5, "{subjects:?}");
}
