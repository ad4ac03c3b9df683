//! Requests about a third person (issue 19, point 4 and 5): residents only, one quota
//! for look-ups and certificates, a reason in words shown to the person, and every
//! download or e-mail of a certificate by someone else in the person's access log.

use serde_json::{json, Value};

use super::{demo, issue, issue_residence, nonresident, Demo};
use crate::helpers::{problem, staff_token};

const REASON: &str = "Pratica di successione ereditaria";

fn third_party_certificate(demo: &Demo, reason: &str) -> Value {
    let subject = &demo.credentials["citizen2"]["person_id"];
    json!({"type": "stato_famiglia", "person_id": subject, "usage": "pensione", "reason": reason})
}

fn look_up_path(demo: &Demo, reason: &str) -> String {
    let code = demo.credentials["citizen2"]["fiscal_code"]
        .as_str()
        .unwrap();
    let reason: String = form_urlencoded::byte_serialize(reason.as_bytes()).collect();
    format!("/api/v1/persons?fiscal_code={code}&reason={reason}")
}

async fn access_log(demo: &Demo, token: &str, lang: &str) -> Vec<Value> {
    let response = demo
        .app
        .client
        .get(demo.app.url("/api/v1/me/access-log"))
        .bearer_auth(token)
        .header("accept-language", lang)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let log: Value = response.json().await.unwrap();
    log["items"].as_array().unwrap().clone()
}

#[tokio::test]
async fn third_party_look_ups_and_certificates_are_for_residents_only() {
    let demo = demo().await;
    let outsider = nonresident(&demo).await;

    let (status, body) = issue(&demo, &outsider, third_party_certificate(&demo, REASON)).await;
    assert_eq!(
        (status, body["code"].as_str()),
        (403, Some("not_resident")),
        "{body}"
    );
    assert!(
        body["detail"].as_str().unwrap().contains("residenti"),
        "{body}"
    );
    let response = demo
        .app
        .get_as(&look_up_path(&demo, REASON), &outsider)
        .await;
    let (status, _, body) = problem(response).await;
    assert_eq!(
        (status, body["code"].as_str()),
        (403, Some("not_resident")),
        "{body}"
    );

    // Nothing about the resident was issued or looked up.
    let log = access_log(&demo, &demo.citizen2, "it").await;
    assert!(
        log.iter()
            .all(|e| e["action"] != "certificate.issued" && e["action"] != "person.searched"),
        "{log:?}"
    );

    // A non-resident still gets what is about themselves: the refusal is for third persons.
    let response = demo.app.get_as("/api/v1/certificates", &outsider).await;
    assert_eq!(response.status(), 200);
}

#[tokio::test]
async fn look_ups_and_third_party_certificates_draw_on_one_quota() {
    let demo = demo().await;
    let look_up = look_up_path(&demo, REASON);
    for n in 1..=29 {
        let status = demo.app.get_as(&look_up, &demo.citizen).await.status();
        assert_eq!(status, 200, "look-up {n}");
    }
    // The thirtieth request of the hour is a certificate: served, and it uses up the quota.
    let (status, body) = issue(&demo, &demo.citizen, third_party_certificate(&demo, REASON)).await;
    assert_eq!(status, 201, "{body}");

    let refused = demo.app.get_as(&look_up, &demo.citizen).await;
    assert_eq!(refused.status(), 429, "the certificate counted");
    let response = demo
        .app
        .post_as(
            "/api/v1/certificates",
            &demo.citizen,
            &third_party_certificate(&demo, REASON),
        )
        .await;
    let retry_after: u64 = response.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!(retry_after > 0);
    let (status, content_type, body) = problem(response).await;
    assert_eq!(
        (status, body["code"].as_str()),
        (429, Some("too_many_requests"))
    );
    assert_eq!(content_type, "application/problem+json");

    // Certificates for oneself and one's family are not third-party requests.
    issue_residence(&demo).await;
    // Another account has its own quota.
    let own = demo
        .app
        .get_as(
            &format!(
                "/api/v1/persons?fiscal_code={}&reason=Controllo%20altro%20nucleo",
                demo.credentials["citizen"]["fiscal_code"].as_str().unwrap()
            ),
            &demo.citizen2,
        )
        .await;
    assert_eq!(own.status(), 200);
}

#[tokio::test]
async fn the_reason_must_say_something_for_look_ups_and_certificates_alike() {
    let demo = demo().await;
    for reason in [
        "abc",
        "Successio",
        "aaaaaaaaaaaa",
        "1234567890",
        "..........",
        "",
    ] {
        let response = demo
            .app
            .get_as(&look_up_path(&demo, reason), &demo.citizen)
            .await;
        let (status, _, body) = problem(response).await;
        assert_eq!(status, 400, "{reason:?}: {body}");
        assert_eq!(body["errors"][0]["field"], "reason", "{reason:?}: {body}");

        let (status, body) =
            issue(&demo, &demo.citizen, third_party_certificate(&demo, reason)).await;
        assert_eq!(status, 422, "{reason:?}: {body}");
        assert_eq!(body["errors"][0]["field"], "reason", "{reason:?}: {body}");
    }
    let too_long = "Successione ".repeat(46);
    let (status, body) = issue(
        &demo,
        &demo.citizen,
        third_party_certificate(&demo, &too_long),
    )
    .await;
    assert_eq!(status, 422, "{body}");

    // The texts say what is wanted, in Italian and in English.
    let (_, body) = issue(
        &demo,
        &demo.citizen,
        third_party_certificate(&demo, "aaaaaaaaaaaa"),
    )
    .await;
    let message = body["errors"][0]["message"].as_str().unwrap();
    assert!(message.contains("a parole"), "{message}");
    let response = demo
        .app
        .client
        .get(demo.app.url(&look_up_path(&demo, "abc")))
        .bearer_auth(&demo.citizen)
        .header("accept-language", "en")
        .send()
        .await
        .unwrap();
    let (_, _, body) = problem(response).await;
    let message = body["errors"][0]["message"].as_str().unwrap();
    assert!(message.contains("at least 10 characters"), "{message}");

    // A reason in words passes, trimmed, and the person reads it for both requests.
    let response = demo
        .app
        .get_as(&look_up_path(&demo, "  Verifica eredi  "), &demo.citizen)
        .await;
    assert_eq!(response.status(), 200);
    let (status, certificate) =
        issue(&demo, &demo.citizen, third_party_certificate(&demo, REASON)).await;
    assert_eq!(status, 201, "{certificate}");
    assert_eq!(certificate["reason"], REASON);
    let log = access_log(&demo, &demo.citizen2, "it").await;
    let reason_of = |action: &str| {
        log.iter()
            .find(|e| e["action"] == action)
            .map(|e| e["reason"].clone())
            .unwrap_or_default()
    };
    assert_eq!(reason_of("person.searched"), "Verifica eredi", "{log:?}");
    assert_eq!(reason_of("certificate.issued"), REASON, "{log:?}");
}

#[tokio::test]
async fn staff_downloads_and_e_mails_of_a_certificate_are_shown_to_the_person() {
    let demo = demo().await;
    let certificate = issue_residence(&demo).await;
    let id = certificate["id"].as_str().unwrap();
    let operator = staff_token(&demo.app, &demo.credentials, "operator").await;

    let response = demo
        .app
        .get_as(&format!("/api/v1/certificates/{id}/pdf"), &operator)
        .await;
    assert_eq!(response.status(), 200);
    let response = demo
        .app
        .post_as(
            &format!("/api/v1/certificates/{id}/email"),
            &operator,
            &json!({"to": "ufficio.legale@example.org"}),
        )
        .await;
    assert_eq!(response.status(), 202);
    // The person's own e-mail of the same certificate is theirs, not a consultation.
    let response = demo
        .app
        .post_as(
            &format!("/api/v1/certificates/{id}/email"),
            &demo.citizen,
            &json!({"to": "me@example.org"}),
        )
        .await;
    assert_eq!(response.status(), 202);

    let log = access_log(&demo, &demo.citizen, "it").await;
    let by_staff: Vec<&Value> = log
        .iter()
        .filter(|e| e["certificate_id"] == id && e["actor_kind"] != "citizen")
        .collect();
    let mut actions: Vec<&str> = by_staff
        .iter()
        .map(|e| e["action"].as_str().unwrap())
        .collect();
    actions.sort_unstable();
    assert_eq!(
        actions,
        ["certificate.downloaded", "certificate.emailed"],
        "{log:?}"
    );
    let emailed = by_staff
        .iter()
        .find(|e| e["action"] == "certificate.emailed")
        .unwrap();
    assert_eq!(emailed["action_label"], "Certificato inviato per e-mail");
    assert_eq!(emailed["actor_kind"], "operator");
    assert!(
        !emailed.to_string().contains("ufficio.legale"),
        "the recipient's address is not shown: {emailed}"
    );
    assert_eq!(
        log.iter()
            .filter(|e| e["action"] == "certificate.emailed")
            .count(),
        1,
        "the person's own e-mail is not listed: {log:?}"
    );

    let english = access_log(&demo, &demo.citizen, "en").await;
    assert!(english.iter().any(
        |e| e["action"] == "certificate.emailed" && e["action_label"] == "Certificate e-mailed"
    ));
}
