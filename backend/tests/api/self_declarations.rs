//! Issue 5 over HTTP: the catalogue and public blank forms, the prefilled form for a
//! resident and the typed one for a non-resident, the checks, the archive, delivery.

use serde_json::{json, Value};

use crate::certificates::{demo, nonresident, Demo};
use crate::helpers::problem;

async fn draft(demo: &Demo, token: &str, code: &str) -> Value {
    let response = demo
        .app
        .get_as(
            &format!("/api/v1/self-declaration-types/{code}/prefill"),
            token,
        )
        .await;
    assert_eq!(response.status(), 200);
    response.json().await.unwrap()
}

async fn create(demo: &Demo, token: &str, body: Value) -> (u16, Value) {
    let response = demo
        .app
        .post_as("/api/v1/self-declarations", token, &body)
        .await;
    let status = response.status().as_u16();
    (status, response.json().await.unwrap())
}

async fn pdf(demo: &Demo, token: &str, id: &str) -> Vec<u8> {
    let response = demo
        .app
        .get_as(&format!("/api/v1/self-declarations/{id}/pdf"), token)
        .await;
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["content-type"], "application/pdf");
    response.bytes().await.unwrap().to_vec()
}

/// The text of every page, as lopdf extracts it (ASCII phrases are enough here; the
/// accents are checked with pdftotext in `document_tools`).
fn text_of(pdf: &[u8]) -> String {
    let doc = lopdf::Document::load_mem(pdf).expect("a PDF lopdf reads");
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    doc.extract_text(&pages).expect("text")
}

async fn list(demo: &Demo, token: &str) -> Vec<Value> {
    let response = demo.app.get_as("/api/v1/self-declarations", token).await;
    assert_eq!(response.status(), 200);
    let body: Value = response.json().await.unwrap();
    body["items"].as_array().unwrap().clone()
}

#[tokio::test]
async fn the_catalogue_and_the_blank_forms_are_public() {
    let demo = demo().await;
    let response = demo.app.get("/api/v1/self-declaration-types").await;
    assert_eq!(response.status(), 200);
    let body: Value = response.json().await.unwrap();
    let items = body["items"].as_array().unwrap();
    assert_eq!(items.len(), 18);
    let residence = items.iter().find(|t| t["code"] == "residenza").unwrap();
    assert_eq!(residence["article"], 46);
    assert_eq!(residence["letter"], "b");
    let fields = residence["fields"].as_array().unwrap();
    let source = |key: &str| fields.iter().find(|f| f["key"] == key).unwrap()["source"].clone();
    assert_eq!(source("fiscal_code"), "identity");
    assert_eq!(source("residence_address"), "registry");
    assert!(residence["legal_text"]["warning"]
        .as_str()
        .unwrap()
        .contains("art. 76"));
    assert!(residence["legal_text"]["privacy_notice"][0]
        .as_str()
        .unwrap()
        .contains("Titolare"));
    let affidavit = items.iter().find(|t| t["code"] == "atto_notorio").unwrap();
    assert_eq!(affidavit["attach_identity_document"], true);
    let civil = items.iter().find(|t| t["code"] == "stato_civile").unwrap();
    let status_field = civil["fields"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["key"] == "civil_status")
        .unwrap();
    assert_eq!(status_field["kind"], "choice");
    assert_eq!(status_field["options"].as_array().unwrap().len(), 7);

    let english: Value = reqwest::Client::new()
        .get(demo.app.url("/api/v1/self-declaration-types"))
        .header("Accept-Language", "en")
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(english["items"][1]["name"], "Residence");

    for item in items {
        let url = item["blank_form_url"].as_str().unwrap();
        let response = demo.app.get(url).await;
        assert_eq!(response.status(), 200, "{url}");
        let bytes = response.bytes().await.unwrap();
        let text = text_of(&bytes);
        assert!(text.contains("Il/La sottoscritto/a"), "{url}: {text}");
        assert!(text.contains("D I C H I A R A"), "{url}");
    }
    let missing = demo
        .app
        .get("/api/v1/self-declaration-types/passaporto/blank.pdf")
        .await;
    assert_eq!(missing.status(), 404);
}

#[tokio::test]
async fn a_resident_gets_the_form_prefilled_and_the_particulars_locked() {
    let demo = demo().await;
    let anonymous = demo
        .app
        .get("/api/v1/self-declaration-types/residenza/prefill")
        .await;
    assert_eq!(anonymous.status(), 401);

    let filled = draft(&demo, &demo.citizen, "residenza").await;
    assert_eq!(filled["resident"], true);
    assert_eq!(
        filled["values"]["fiscal_code"],
        demo.credentials["citizen"]["fiscal_code"]
    );
    assert!(
        filled["values"]["residence_address"]
            .as_str()
            .unwrap()
            .len()
            > 3
    );
    let locked = filled["locked"].as_array().unwrap();
    assert!(locked.contains(&json!("surname")) && locked.contains(&json!("fiscal_code")));
    assert!(!locked.contains(&json!("residence_address")));
    assert!(filled["from_registry"]
        .as_array()
        .unwrap()
        .contains(&json!("residence_address")));

    let family = draft(&demo, &demo.citizen, "stato_famiglia").await;
    let members = crate::certificates::family(&demo, &demo.citizen).await["members"]
        .as_array()
        .unwrap()
        .len();
    assert_eq!(family["members"].as_array().unwrap().len(), members);

    // Locked fields may be left out: the registry's values go on the form.
    let (status, created) = create(&demo, &demo.citizen, json!({"type": "residenza"})).await;
    assert_eq!(status, 201, "{created}");
    assert_eq!(created["resident"], true);
    assert_eq!(created["values"]["surname"], filled["values"]["surname"]);
    assert_eq!(created["edited_registry_fields"], json!([]));
    let id = created["id"].as_str().unwrap();
    let first = pdf(&demo, &demo.citizen, id).await;
    assert_eq!(
        first,
        pdf(&demo, &demo.citizen, id).await,
        "kept as generated"
    );
    let text = text_of(&first);
    let surname = filled["values"]["surname"].as_str().unwrap();
    assert!(text.contains(surname), "{text}");
    assert!(
        text.contains("D I C H I A R A") && text.contains("di essere residente a"),
        "{text}"
    );
    assert!(text.contains(id));
}

#[tokio::test]
async fn a_locked_particular_cannot_be_changed_and_nothing_is_stored() {
    let demo = demo().await;
    let before = list(&demo, &demo.citizen).await.len();
    let (status, body) = create(
        &demo,
        &demo.citizen,
        json!({"type": "nascita", "values": {"surname": "ALTRO", "birth_date": "1999-01-01"}}),
    )
    .await;
    assert_eq!(status, 422, "{body}");
    let fields: Vec<&str> = body["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    assert!(
        fields.contains(&"surname") && fields.contains(&"birth_date"),
        "{body}"
    );
    assert_eq!(list(&demo, &demo.citizen).await.len(), before);
}

#[tokio::test]
async fn registry_facts_are_editable_and_the_change_is_recorded() {
    let demo = demo().await;
    let body = json!({"type": "residenza", "values": {"residence_address": "Via Nuova, 3"}});
    let preview = demo
        .app
        .post_as("/api/v1/self-declarations/preview", &demo.citizen, &body)
        .await;
    assert_eq!(preview.status(), 200);
    let preview: Value = preview.json().await.unwrap();
    let paragraphs = preview["paragraphs"].as_array().unwrap();
    assert!(paragraphs.contains(&json!("DICHIARA")));
    assert!(
        paragraphs
            .iter()
            .any(|p| p.as_str().unwrap().contains("VIA NUOVA, 3")),
        "{preview}"
    );
    let (status, created) = create(&demo, &demo.citizen, body).await;
    assert_eq!(status, 201);
    assert_eq!(
        created["edited_registry_fields"],
        json!(["residence_address"])
    );
    assert_eq!(created["values"]["residence_address"], "Via Nuova, 3");
}

#[tokio::test]
async fn a_non_resident_types_what_the_registry_does_not_know() {
    let demo = demo().await;
    let token = nonresident(&demo).await;
    let filled = draft(&demo, &token, "residenza").await;
    assert_eq!(filled["resident"], false);
    assert!(filled["values"].get("residence_address").is_none());
    assert_eq!(
        filled["values"]["fiscal_code"],
        demo.credentials["nonresident"]["fiscal_code"]
    );

    let (status, body) = create(&demo, &token, json!({"type": "residenza"})).await;
    assert_eq!(status, 422);
    let fields: Vec<&str> = body["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    for required in ["residence_municipality", "residence_address"] {
        assert!(fields.contains(&required), "{body}");
    }
    // What the account lacks comes from its codice fiscale, locked like the rest of the
    // particulars; residence is typed.
    let fiscal_code = filled["values"]["fiscal_code"].as_str().unwrap();
    let decoded = portale::registry::rules::fiscal_code::FiscalCode::parse(fiscal_code)
        .unwrap()
        .decode(chrono::Utc::now().date_naive())
        .unwrap();
    assert_eq!(filled["values"]["sex"], decoded.sex.as_str());
    assert_eq!(
        filled["values"]["birth_date"],
        decoded.birth_date.to_string()
    );
    assert_eq!(filled["values"]["birth_place"], "MILANO (MI)");
    for key in ["sex", "birth_date", "birth_place"] {
        assert!(
            filled["locked"].as_array().unwrap().contains(&json!(key)),
            "{filled}"
        );
    }
    let values = json!({
        "birth_place": "Milano (MI)",
        "residence_municipality": "Verona",
        "residence_address": "Via Mazzini, 10",
    });
    let (status, created) = create(
        &demo,
        &token,
        json!({"type": "residenza", "values": values}),
    )
    .await;
    assert_eq!(status, 201, "{created}");
    assert_eq!(created["resident"], false);
    let text = text_of(&pdf(&demo, &token, created["id"].as_str().unwrap()).await);
    assert!(
        text.contains("VERONA") && text.contains("VIA MAZZINI, 10"),
        "{text}"
    );
}

#[tokio::test]
async fn nobody_sees_another_persons_declarations() {
    let demo = demo().await;
    let (_, created) = create(&demo, &demo.citizen, json!({"type": "esistenza_in_vita"})).await;
    let id = created["id"].as_str().unwrap();
    for path in [
        format!("/api/v1/self-declarations/{id}"),
        format!("/api/v1/self-declarations/{id}/pdf"),
    ] {
        let response = demo.app.get_as(&path, &demo.citizen2).await;
        assert_eq!(response.status(), 404, "{path}");
    }
    let email = demo
        .app
        .post_as(
            &format!("/api/v1/self-declarations/{id}/email"),
            &demo.citizen2,
            &json!({"to": "a@esempio.it"}),
        )
        .await;
    assert_eq!(email.status(), 404);
    assert!(list(&demo, &demo.citizen2)
        .await
        .iter()
        .all(|d| d["id"] != id));
    let mine = demo
        .app
        .get_as(&format!("/api/v1/self-declarations/{id}"), &demo.citizen)
        .await;
    assert_eq!(mine.status(), 200);
}

#[tokio::test]
async fn a_retry_with_the_same_key_answers_the_first_declaration() {
    let demo = demo().await;
    let send = |body: Value| {
        let client = reqwest::Client::new();
        let url = demo.app.url("/api/v1/self-declarations");
        let token = demo.citizen.clone();
        async move {
            let response = client
                .post(url)
                .bearer_auth(token)
                .header("Idempotency-Key", "autocert-1")
                .json(&body)
                .send()
                .await
                .unwrap();
            let status = response.status().as_u16();
            (status, response.json::<Value>().await.unwrap())
        }
    };
    let (first, a) = send(json!({"type": "cittadinanza"})).await;
    let (second, b) = send(json!({"type": "cittadinanza"})).await;
    assert_eq!((first, second), (201, 200));
    assert_eq!(a["id"], b["id"]);
    let (other, problem_body) = send(json!({"type": "nascita"})).await;
    assert_eq!(other, 422);
    assert_eq!(problem_body["code"], "idempotency_key_reused");
}

#[tokio::test]
async fn bad_values_are_named_field_by_field() {
    let demo = demo().await;
    let cases = [
        (json!({"type": "passaporto"}), "type"),
        (
            json!({"type": "titolo_studio", "values": {"degree": "Diploma", "school": "Liceo", "year": "3000"}}),
            "year",
        ),
        (
            json!({"type": "codice_fiscale", "values": {"vat_number": "12345678901"}}),
            "vat_number",
        ),
        (
            json!({"type": "residenza", "values": {"residence_address": "Улица 1"}}),
            "residence_address",
        ),
        (
            json!({"type": "residenza", "values": {"colore": "blu"}}),
            "colore",
        ),
        (
            json!({"type": "stato_famiglia", "members": [{"surname": "ROSSI", "name": "", "birth_date": "2010-13-01", "relationship": "FIGLIA"}]}),
            "members[0].name",
        ),
    ];
    for (body, field) in cases {
        let response = demo
            .app
            .post_as("/api/v1/self-declarations/preview", &demo.citizen, &body)
            .await;
        let (status, content_type, problem) = problem(response).await;
        assert_eq!(status, 422, "{body}: {problem}");
        assert_eq!(content_type, "application/problem+json");
        assert!(
            problem["errors"]
                .as_array()
                .unwrap()
                .iter()
                .any(|e| e["field"] == field),
            "{field} not named for {body}: {problem}"
        );
    }
}

#[tokio::test]
async fn a_declaration_is_emailed_with_its_pdf() {
    let demo = demo().await;
    let facts = "che l'immobile di via Roma 12 e' abitato dal 2019";
    let (status, created) = create(
        &demo,
        &demo.citizen,
        json!({"type": "atto_notorio", "values": {"facts": facts}}),
    )
    .await;
    assert_eq!(status, 201, "{created}");
    assert_eq!(created["article"], 47);
    let id = created["id"].as_str().unwrap();
    let pdf_bytes = pdf(&demo, &demo.citizen, id).await;
    let text = text_of(&pdf_bytes);
    assert!(text.contains("documento di identit"), "{text}");
    assert!(text.contains("immobile di via Roma 12"), "{text}");

    let path = format!("/api/v1/self-declarations/{id}/email");
    let bad = demo
        .app
        .post_as(&path, &demo.citizen, &json!({"to": "nessuno"}))
        .await;
    assert_eq!(bad.status(), 422);
    let response = demo
        .app
        .post_as(
            &path,
            &demo.citizen,
            &json!({"to": "comune@esempio.it", "message": "Buongiorno, allego la dichiarazione."}),
        )
        .await;
    assert_eq!(response.status(), 202);
    let mail_id = response.json::<Value>().await.unwrap()["mail_id"]
        .as_str()
        .unwrap()
        .to_owned();
    use diesel::prelude::*;
    use portale::platform::db::schema::mail_attachments;
    use portale::platform::db::schema::mail_outbox;
    let mut conn = demo.app.db.connection().unwrap();
    let body: String = mail_outbox::table
        .find(&mail_id)
        .select(mail_outbox::body_text)
        .first(&mut conn)
        .unwrap();
    assert!(
        body.starts_with("Buongiorno, allego la dichiarazione."),
        "{body}"
    );
    assert!(body.contains("documento di identità"), "{body}");
    let attached: Vec<u8> = mail_attachments::table
        .filter(mail_attachments::mail_id.eq(&mail_id))
        .select(mail_attachments::content)
        .first(&mut conn)
        .unwrap();
    assert_eq!(attached, pdf_bytes);
}

#[tokio::test]
async fn the_archive_is_never_rewritten_nor_emptied() {
    let demo = demo().await;
    let (_, created) = create(&demo, &demo.citizen, json!({"type": "nascita"})).await;
    let id = created["id"].as_str().unwrap().to_owned();
    use diesel::prelude::*;
    use portale::platform::db::schema::self_declarations;
    let mut conn = demo.app.db.connection().unwrap();
    let update = diesel::update(self_declarations::table.find(&id))
        .set(self_declarations::declarant_surname.eq("ALTRO"))
        .execute(&mut conn);
    assert!(update.is_err(), "an update went through");
    let delete = diesel::delete(self_declarations::table.find(&id)).execute(&mut conn);
    assert!(delete.is_err(), "a delete went through");
    let kept = demo
        .app
        .get_as(&format!("/api/v1/self-declarations/{id}"), &demo.citizen)
        .await;
    let kept: Value = kept.json().await.unwrap();
    assert_eq!(
        kept["declarant"]["surname"],
        created["declarant"]["surname"]
    );
}
