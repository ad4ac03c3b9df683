//! Issuing: for oneself, a family member and a third person; stamp duty; eligibility;
//! idempotency; the repository; delivery by e-mail.

use serde_json::{json, Value};

use super::{demo, family, fresh_stamp, issue, issue_residence, pdf_of};

#[tokio::test]
async fn catalogues_list_the_six_certificates_of_the_manual_and_the_usages() {
    let demo = demo().await;
    let types: Value = demo
        .app
        .get("/api/v1/certificate-types")
        .await
        .json()
        .await
        .unwrap();
    let codes: Vec<&str> = types["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["code"].as_str().unwrap())
        .collect();
    for code in [
        "esistenza_in_vita",
        "residenza",
        "cittadinanza",
        "stato_famiglia",
        "contestuale",
        "liste_elettorali",
        "stato_libero",
    ] {
        assert!(codes.contains(&code), "{code} missing from {codes:?}");
    }
    let usages: Value = demo
        .app
        .get("/api/v1/certificate-usages")
        .await
        .json()
        .await
        .unwrap();
    let usages = usages["items"].as_array().unwrap();
    let bollo = usages.iter().find(|u| u["code"] == "bollo").unwrap();
    assert_eq!(bollo["stamp_duty_cents"], 1600);
    assert_eq!(bollo["requires_stamp"], true);
    let notifica = usages
        .iter()
        .find(|u| u["code"] == "notifica_atti_giudiziari")
        .unwrap();
    assert!(notifica["legal_reference"]
        .as_str()
        .unwrap()
        .contains("115/2002"));
    assert!(usages
        .iter()
        .any(|u| u["code"] == "altro" && u["requires_text"] == true));
}

#[tokio::test]
async fn a_citizen_gets_a_signed_certificate_for_a_family_member_and_downloads_it_again_identical()
{
    let demo = demo().await;
    let record = family(&demo, &demo.citizen).await;
    let member = &record["members"][1];
    let (status, certificate) = issue(
        &demo,
        &demo.citizen,
        json!({"type": "stato_famiglia", "person_id": member["person_id"], "usage": "pensione"}),
    )
    .await;
    assert_eq!(status, 201, "{certificate}");
    assert_eq!(certificate["requester"], "family");
    assert_eq!(certificate["subject_surname"], member["surname"]);
    let id = certificate["id"].as_str().unwrap();
    assert_eq!(id.len(), 19);
    assert!(certificate["verify_url"]
        .as_str()
        .unwrap()
        .contains(&format!("/verifica/{id}#")));

    let first = pdf_of(&demo, &demo.citizen, id).await;
    let again = pdf_of(&demo, &demo.citizen, id).await;
    assert!(first.starts_with(b"%PDF-"));
    assert_eq!(first, again, "the stored document is served byte for byte");
    use sha2::Digest;
    let digest: String = sha2::Sha256::digest(&first)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    assert_eq!(certificate["pdf_sha256"], digest);

    let list: Value = demo
        .app
        .get_as("/api/v1/certificates", &demo.citizen)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(list["items"][0]["id"], id);
    // Another citizen neither lists nor reads it.
    let list: Value = demo
        .app
        .get_as("/api/v1/certificates", &demo.citizen2)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(list["items"].as_array().unwrap().len(), 0);
    let response = demo
        .app
        .get_as(&format!("/api/v1/certificates/{id}/pdf"), &demo.citizen2)
        .await;
    assert_eq!(response.status(), 404);
}

#[tokio::test]
async fn a_marca_da_bollo_pays_for_one_certificate_only_even_under_concurrency() {
    let demo = demo().await;
    let person = demo.credentials["citizen"]["person_id"].clone();
    let stamp = fresh_stamp();
    let body = json!({"type": "residenza", "person_id": person, "usage": "bollo",
                      "stamp": {"identifier": stamp, "issue_date": "2026-11-02"}});
    let attempts = (0..6).map(|_| issue(&demo, &demo.citizen, body.clone()));
    let results = futures_util::future::join_all(attempts).await;
    let created = results.iter().filter(|(s, _)| *s == 201).count();
    let conflicts: Vec<&Value> = results
        .iter()
        .filter(|(s, _)| *s == 409)
        .map(|(_, b)| b)
        .collect();
    assert_eq!(created, 1, "{results:?}");
    assert_eq!(conflicts.len(), 5, "{results:?}");
    assert_eq!(conflicts[0]["code"], "stamp_already_used");
    // Another citizen cannot reuse it either.
    let other = json!({"type": "residenza", "person_id": demo.credentials["citizen2"]["person_id"],
                       "usage": "bollo", "stamp": {"identifier": stamp, "issue_date": "2026-11-02"}});
    let (status, _) = issue(&demo, &demo.citizen2, other).await;
    assert_eq!(status, 409);
}

#[tokio::test]
async fn stamp_fields_are_checked_and_name_the_field() {
    let demo = demo().await;
    let person = demo.credentials["citizen"]["person_id"].clone();
    let cases = [
        (
            json!({"type": "residenza", "person_id": person, "usage": "bollo"}),
            "stamp.identifier",
        ),
        (
            json!({"type": "residenza", "person_id": person, "usage": "bollo",
                "stamp": {"identifier": "12345", "issue_date": "2026-11-02"}}),
            "stamp.identifier",
        ),
        (
            json!({"type": "residenza", "person_id": person, "usage": "bollo",
                "stamp": {"identifier": fresh_stamp(), "issue_date": "2099-01-01"}}),
            "stamp.issue_date",
        ),
        (
            json!({"type": "residenza", "person_id": person, "usage": "altro"}),
            "usage_text",
        ),
        (
            json!({"type": "residenza", "person_id": person, "usage": "nessuno"}),
            "usage",
        ),
        (
            json!({"type": "patente", "person_id": person, "usage": "pensione"}),
            "type",
        ),
    ];
    for (body, field) in cases {
        let (status, problem) = issue(&demo, &demo.citizen, body.clone()).await;
        assert_eq!(status, 422, "{body} → {problem}");
        let fields: Vec<&str> = problem["errors"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["field"].as_str().unwrap())
            .collect();
        assert!(
            fields.contains(&field),
            "{body}: expected {field}, got {fields:?}"
        );
    }
    let list: Value = demo
        .app
        .get_as("/api/v1/certificates", &demo.citizen)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        list["items"].as_array().unwrap().len(),
        0,
        "nothing issued on bad input"
    );
}

#[tokio::test]
async fn ineligible_subjects_are_refused_with_the_reason() {
    let demo = demo().await;
    let record = family(&demo, &demo.citizen).await;
    let members = record["members"].as_array().unwrap();
    // A married resident, from the registry; the office issues for anyone.
    let married: String = {
        use diesel::prelude::*;
        use portale::platform::db::schema::civil_status_periods;
        use portale::platform::db::schema::persons;
        let mut conn = demo.app.db.connection().unwrap();
        civil_status_periods::table
            .inner_join(persons::table.on(persons::id.eq(civil_status_periods::person_id)))
            .filter(civil_status_periods::status.eq("married"))
            .filter(civil_status_periods::valid_to.is_null())
            .filter(persons::deregistered_on.is_null())
            .filter(persons::death_date.is_null())
            .select(persons::id)
            .first(&mut conn)
            .unwrap()
    };
    let operator = crate::helpers::staff_token(&demo.app, &demo.credentials, "operator").await;
    let (status, problem) = issue(
        &demo,
        &operator,
        json!({"type": "stato_libero", "person_id": married, "usage": "pensione"}),
    )
    .await;
    assert_eq!(status, 422, "{problem}");
    assert_eq!(problem["code"], "not_eligible");
    assert!(!problem["detail"].as_str().unwrap().is_empty());

    let mut non_elector = None;
    for m in members {
        let person: Value = demo
            .app
            .get_as(
                &format!("/api/v1/persons/{}", m["person_id"].as_str().unwrap()),
                &demo.citizen,
            )
            .await
            .json()
            .await
            .unwrap();
        if person["is_elector"] == false {
            non_elector = Some(person);
        }
    }
    let non_elector = non_elector.expect("a member who is not an elector (a minor)");
    let (status, problem) = issue(
        &demo,
        &demo.citizen,
        json!({"type": "liste_elettorali", "person_id": non_elector["person_id"], "usage": "elettorale"}),
    )
    .await;
    assert_eq!(status, 422, "{problem}");
    assert_eq!(problem["code"], "not_eligible");
}

#[tokio::test]
async fn an_idempotency_key_answers_the_first_certificate_and_refuses_another_body() {
    let demo = demo().await;
    let person = demo.credentials["citizen"]["person_id"].clone();
    let body = json!({"type": "cittadinanza", "person_id": person, "usage": "pensione"});
    let send = |body: Value| {
        demo.app
            .client
            .post(demo.app.url("/api/v1/certificates"))
            .bearer_auth(&demo.citizen)
            .header("Idempotency-Key", "wizard-7f3a")
            .json(&body)
            .send()
    };
    let first = send(body.clone()).await.unwrap();
    assert_eq!(first.status(), 201);
    let first: Value = first.json().await.unwrap();
    let again = send(body.clone()).await.unwrap();
    assert_eq!(again.status(), 200);
    let again: Value = again.json().await.unwrap();
    assert_eq!(first["id"], again["id"]);
    let other = send(json!({"type": "residenza", "person_id": person, "usage": "pensione"}))
        .await
        .unwrap();
    assert_eq!(other.status(), 422);
    let list: Value = demo
        .app
        .get_as("/api/v1/certificates", &demo.citizen)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(list["items"].as_array().unwrap().len(), 1);
}

#[tokio::test]
async fn a_third_party_certificate_needs_a_reason_and_the_subject_sees_it() {
    let demo = demo().await;
    let subject = demo.credentials["citizen2"]["person_id"].clone();
    let body = json!({"type": "residenza", "person_id": subject, "usage": "pensione"});
    let (status, problem) = issue(&demo, &demo.citizen, body).await;
    assert_eq!(status, 422);
    assert_eq!(problem["errors"][0]["field"], "reason");
    let body = json!({"type": "residenza", "person_id": subject, "usage": "pensione",
                      "reason": "Notifica di un atto di citazione"});
    let (status, certificate) = issue(&demo, &demo.citizen, body).await;
    assert_eq!(status, 201, "{certificate}");
    assert_eq!(certificate["requester"], "third_party");
    let log: Value = demo
        .app
        .get_as("/api/v1/me/access-log", &demo.citizen2)
        .await
        .json()
        .await
        .unwrap();
    let issued = log["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["action"] == "certificate.issued")
        .expect("the certificate is in the subject's access log");
    assert_eq!(issued["reason"], "Notifica di un atto di citazione");
    assert_eq!(issued["certificate_id"], certificate["id"]);
}

#[tokio::test]
async fn a_certificate_is_emailed_with_the_pdf_through_the_outbox() {
    let demo = demo().await;
    let certificate = issue_residence(&demo).await;
    let id = certificate["id"].as_str().unwrap();
    let path = format!("/api/v1/certificates/{id}/email");
    let bad = demo
        .app
        .post_as(
            &path,
            &demo.citizen,
            &json!({"to": "non-un-indirizzo", "cc": ["x@y"]}),
        )
        .await;
    let (status, _, problem) = crate::helpers::problem(bad).await;
    assert_eq!(status, 422);
    assert_eq!(problem["errors"][0]["field"], "to");
    let response = demo
        .app
        .post_as(&path, &demo.citizen, &json!({"to": "ufficio@esempio.it", "cc": ["copia@esempio.it"],
                                               "message": "Buongiorno, invio il certificato richiesto."}))
        .await;
    assert_eq!(response.status(), 202);
    let queued: Value = response.json().await.unwrap();
    let mail_id = queued["mail_id"].as_str().unwrap().to_owned();
    let pdf = pdf_of(&demo, &demo.citizen, id).await;
    let mut conn = demo.app.db.connection().unwrap();
    use diesel::prelude::*;
    use portale::platform::db::schema::mail_attachments;
    use portale::platform::db::schema::mail_outbox;
    let (to, cc, body): (String, Option<String>, String) = mail_outbox::table
        .find(&mail_id)
        .select((
            mail_outbox::recipients,
            mail_outbox::cc,
            mail_outbox::body_text,
        ))
        .first(&mut conn)
        .unwrap();
    assert_eq!(to, r#"["ufficio@esempio.it"]"#);
    assert_eq!(cc.as_deref(), Some(r#"["copia@esempio.it"]"#));
    assert!(
        body.starts_with("Buongiorno, invio il certificato richiesto."),
        "{body}"
    );
    let (name, content): (String, Vec<u8>) = mail_attachments::table
        .filter(mail_attachments::mail_id.eq(&mail_id))
        .select((mail_attachments::file_name, mail_attachments::content))
        .first(&mut conn)
        .unwrap();
    assert_eq!(name, format!("certificato-{id}.pdf"));
    assert_eq!(content, pdf, "the signed PDF as stored");
    // Not someone else's certificate.
    let response = demo
        .app
        .post_as(&path, &demo.citizen2, &json!({"to": "a@esempio.it"}))
        .await;
    assert_eq!(response.status(), 404);
}
