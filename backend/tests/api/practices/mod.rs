//! Issue 13 over HTTP: the change-of-residence declaration from the draft to the
//! registry, on SQLite and PostgreSQL.

mod durability;
mod flow;
mod rules;

use serde_json::{json, Value};

use crate::certificates::Demo;

pub const PDF: &[u8] = b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n";
pub const JPEG: &[u8] = &[
    0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, b'J', b'F', b'I', b'F', 0, 1,
];

pub async fn start(demo: &Demo, token: &str) -> Value {
    let response = demo
        .app
        .post_as(
            "/api/v1/practices",
            token,
            &json!({"type": "cambio-residenza"}),
        )
        .await;
    assert_eq!(response.status(), 201);
    response.json().await.unwrap()
}

pub async fn first_street(demo: &Demo) -> String {
    let streets: Value = demo
        .app
        .get("/api/v1/streets?q=via")
        .await
        .json()
        .await
        .unwrap();
    streets["items"][0]["name"].as_str().unwrap().to_owned()
}

/// The draft completed: the applicant and the second person of the family move to a
/// street of the list; the second person has a car.
pub async fn completed(demo: &Demo, draft: &Value) -> Value {
    let mut data = draft["data"].clone();
    data["kind"] = json!("within_municipality");
    let persons = data["persons"].as_array_mut().unwrap();
    assert!(
        persons.len() >= 2,
        "the demo citizen's family has several members"
    );
    persons[1]["moves"] = json!(true);
    persons[1]["has_vehicles"] = json!(true);
    persons[1]["vehicles"] = json!([{"kind": "car", "plate": "AB123CD"}]);
    data["address"] =
        json!({"street": first_street(demo).await, "house_number": "7", "floor": "2"});
    data["occupancy"] = json!({
        "title": "owner", "cadastral_sheet": "12", "cadastral_parcel": "345", "cadastral_subparcel": "6"
    });
    data["contacts"]["email"] = json!("cittadino@example.org");
    data
}

pub async fn save(
    demo: &Demo,
    token: &str,
    practice: &Value,
    data: &Value,
    step: &str,
) -> (u16, Value) {
    let id = practice["id"].as_str().unwrap();
    let response = demo
        .app
        .client
        .patch(demo.app.url(&format!("/api/v1/practices/{id}")))
        .bearer_auth(token)
        .json(&json!({"data": data, "step": step, "version": practice["version"]}))
        .send()
        .await
        .unwrap();
    let status = response.status().as_u16();
    (status, response.json().await.unwrap())
}

pub async fn upload(
    demo: &Demo,
    token: &str,
    id: &str,
    document: &str,
    name: &str,
    content: &[u8],
) -> (u16, Value) {
    let form = reqwest::multipart::Form::new()
        .text("document", document.to_owned())
        .part(
            "file",
            reqwest::multipart::Part::bytes(content.to_vec()).file_name(name.to_owned()),
        );
    let response = demo
        .app
        .client
        .post(demo.app.url(&format!("/api/v1/practices/{id}/attachments")))
        .bearer_auth(token)
        .multipart(form)
        .send()
        .await
        .unwrap();
    let status = response.status().as_u16();
    (status, response.json().await.unwrap())
}

pub async fn act(demo: &Demo, token: &str, id: &str, action: &str, body: Value) -> (u16, Value) {
    let response = demo
        .app
        .post_as(&format!("/api/v1/practices/{id}/{action}"), token, &body)
        .await;
    let status = response.status().as_u16();
    (status, response.json().await.unwrap())
}

pub async fn submit(demo: &Demo, token: &str, id: &str, key: Option<&str>) -> (u16, Value) {
    let mut request = demo
        .app
        .client
        .post(demo.app.url(&format!("/api/v1/practices/{id}/submit")))
        .bearer_auth(token)
        .json(&json!({}));
    if let Some(key) = key {
        request = request.header("Idempotency-Key", key);
    }
    let response = request.send().await.unwrap();
    let status = response.status().as_u16();
    (status, response.json().await.unwrap())
}

/// A practice submitted by the demo citizen, ready for the office.
pub async fn submitted(demo: &Demo) -> Value {
    submitted_by(demo, &demo.citizen).await
}

pub async fn submitted_by(demo: &Demo, token: &str) -> Value {
    let draft = start(demo, token).await;
    let data = completed(demo, &draft).await;
    let (status, saved) = save(demo, token, &draft, &data, "summary").await;
    assert_eq!(status, 200, "{saved}");
    let id = draft["id"].as_str().unwrap();
    let (status, _) = upload(demo, token, id, "documento-identita", "carta.pdf", PDF).await;
    assert_eq!(status, 201);
    let (status, body) = submit(demo, token, id, None).await;
    assert_eq!(status, 200, "{body}");
    body
}
