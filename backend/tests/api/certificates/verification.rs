//! Public verification, the published keys, key rotation and the offline verifier.

use std::process::Command;

use serde_json::Value;

use super::{demo, issue_residence, pdf_of, Demo};

fn verify_path(certificate: &Value, surname: &str, name: &str) -> String {
    format!(
        "/api/v1/verify?id={}&surname={}&name={}",
        certificate["id"].as_str().unwrap(),
        urlencode(surname),
        urlencode(name)
    )
}

fn urlencode(text: &str) -> String {
    url::form_urlencoded::byte_serialize(text.as_bytes()).collect()
}

#[tokio::test]
async fn anyone_verifies_with_id_surname_and_name_and_wrong_data_reveal_nothing() {
    let demo = demo().await;
    let certificate = issue_residence(&demo).await;
    let surname = certificate["subject_surname"].as_str().unwrap();
    let name = certificate["subject_name"].as_str().unwrap();

    let response = demo
        .app
        .get(&verify_path(&certificate, &surname.to_lowercase(), name))
        .await;
    assert_eq!(response.status(), 200);
    let answer: Value = response.json().await.unwrap();
    assert_eq!(answer["valid"], true);
    assert_eq!(answer["status"], "valid");
    assert!(
        answer.get("revoked_at").is_none(),
        "no revocation time for a valid certificate: {answer}"
    );
    assert_eq!(answer["type"], "residenza");
    assert_eq!(answer["content_sha256"], certificate["content_sha256"]);

    // The ID typed in lower case without dashes still matches.
    let typed = certificate["id"]
        .as_str()
        .unwrap()
        .replace('-', "")
        .to_lowercase();
    let response = demo
        .app
        .get(&format!(
            "/api/v1/verify?id={typed}&surname={}&name={}",
            urlencode(surname),
            urlencode(name)
        ))
        .await;
    assert_eq!(response.status(), 200);

    let wrong_name = demo
        .app
        .get(&verify_path(&certificate, surname, "ZZZ"))
        .await;
    let unknown = demo
        .app
        .get(&format!(
            "/api/v1/verify?id=0000-0000-0000-0000&surname={}&name={}",
            urlencode(surname),
            urlencode(name)
        ))
        .await;
    let (s1, _, mut p1) = crate::helpers::problem(wrong_name).await;
    let (s2, _, mut p2) = crate::helpers::problem(unknown).await;
    assert_eq!((s1, s2), (404, 404));
    p1["request_id"] = Value::Null;
    p2["request_id"] = Value::Null;
    assert_eq!(p1, p2, "the same answer whatever was wrong");

    // The stored document, for the same data.
    let id = certificate["id"].as_str().unwrap();
    let response = demo
        .app
        .get(&format!(
            "/api/v1/verify/{id}/pdf?surname={}&name={}",
            urlencode(surname),
            urlencode(name)
        ))
        .await;
    assert_eq!(response.status(), 200);
    let served = response.bytes().await.unwrap().to_vec();
    assert_eq!(served, pdf_of(&demo, &demo.citizen, id).await);
    let response = demo
        .app
        .get(&format!("/api/v1/verify/{id}/pdf?surname=X&name=Y"))
        .await;
    assert_eq!(response.status(), 404);

    // The subject can see that the certificate was checked.
    let log: Value = demo
        .app
        .get_as("/api/v1/me/access-log", &demo.citizen)
        .await
        .json()
        .await
        .unwrap();
    let checks = log["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| {
            e["action"] == "certificate.verified" && e["certificate_id"] == certificate["id"]
        })
        .count();
    assert_eq!(checks, 3, "{log}");
}

#[tokio::test]
async fn repeated_failures_from_one_address_are_slowed_down() {
    let demo = demo().await;
    let mut last = 0;
    for _ in 0..21 {
        last = demo
            .app
            .get("/api/v1/verify?id=0000-0000-0000-0000&surname=ROSSI&name=MARIO")
            .await
            .status()
            .as_u16();
        if last == 429 {
            break;
        }
    }
    assert_eq!(last, 429);
}

async fn key_set(demo: &Demo) -> Value {
    let response = demo.app.get("/api/v1/signing-keys").await;
    assert_eq!(response.status(), 200);
    response.json().await.unwrap()
}

fn published(keys: &Value) -> Vec<portale::document::signer::PublicKeyInfo> {
    let set: Vec<portale::document::signer::Jwk> =
        serde_json::from_value(keys["keys"].clone()).unwrap();
    set.iter()
        .map(|jwk| portale::document::signer::PublicKeyInfo::from_jwk(jwk).unwrap())
        .collect()
}

fn seal_of(certificate: &Value) -> Vec<u8> {
    let url = certificate["verify_url"].as_str().unwrap();
    let (_, seal) = portale::document::seal::parse_verify_url(url).unwrap();
    seal
}

#[tokio::test]
async fn the_seal_verifies_offline_with_the_published_keys_also_after_a_rotation() {
    let demo = demo().await;
    let certificate = issue_residence(&demo).await;
    let keys = key_set(&demo).await;
    assert_eq!(keys["keys"].as_array().unwrap().len(), 1);
    assert_eq!(keys["keys"][0]["status"], "current");
    let claims =
        portale::document::seal::verify_seal(&seal_of(&certificate), &published(&keys)).unwrap();
    assert_eq!(claims.certificate_id, certificate["id"].as_str().unwrap());
    assert_eq!(
        claims.surname,
        certificate["subject_surname"].as_str().unwrap()
    );

    {
        let mut conn = demo.app.db.connection().unwrap();
        let issuer = portale::certificates::keyring::Issuer {
            city: "Valdoria".into(),
            istat_code: "099999".into(),
        };
        portale::certificates::keyring::rotate(&mut conn, &issuer).unwrap();
    }
    let keys = key_set(&demo).await;
    let statuses: Vec<&str> = keys["keys"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| k["status"].as_str().unwrap())
        .collect();
    assert_eq!(statuses, ["retired", "current"]);
    portale::document::seal::verify_seal(&seal_of(&certificate), &published(&keys))
        .expect("a document sealed with a retired key still verifies");
}

fn run_verify(pdf: &std::path::Path, keys: &std::path::Path) -> (Option<i32>, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_portale"))
        .env_remove("PORTALE_DATABASE_URL")
        .env("PORTALE_LOG", "warn")
        .arg("verify")
        .arg(pdf)
        .arg("--keys")
        .arg(keys)
        .output()
        .unwrap();
    (
        output.status.code(),
        String::from_utf8_lossy(&output.stdout).into_owned(),
    )
}

#[tokio::test]
async fn portale_verify_accepts_the_issued_pdf_and_rejects_any_change() {
    let demo = demo().await;
    let certificate = issue_residence(&demo).await;
    let id = certificate["id"].as_str().unwrap();
    let pdf = pdf_of(&demo, &demo.citizen, id).await;
    let dir = tempfile::tempdir().unwrap();
    let keys = dir.path().join("keys.json");
    std::fs::write(&keys, key_set(&demo).await.to_string()).unwrap();

    let original = dir.path().join("certificato.pdf");
    std::fs::write(&original, &pdf).unwrap();
    let (code, out) = run_verify(&original, &keys);
    assert_eq!(code, Some(0), "{out}");
    assert!(out.contains("AUTHENTIC"), "{out}");

    // One byte changed anywhere in the signed range.
    let mut flipped = pdf.clone();
    let middle = flipped.len() / 3;
    flipped[middle] ^= 0x01;
    let path = dir.path().join("un-byte.pdf");
    std::fs::write(&path, &flipped).unwrap();
    let (code, out) = run_verify(&path, &keys);
    assert_eq!(code, Some(1), "{out}");
    assert!(out.contains("NOT AUTHENTIC"), "{out}");

    // One letter of the subject's surname changed in the printed text.
    let surname = certificate["subject_surname"].as_str().unwrap().as_bytes();
    let at = pdf
        .windows(surname.len())
        .position(|w| w == surname)
        .expect("the surname is in the content stream as text");
    let mut renamed = pdf.clone();
    renamed[at] = if renamed[at] == b'X' { b'Y' } else { b'X' };
    let path = dir.path().join("un-carattere.pdf");
    std::fs::write(&path, &renamed).unwrap();
    let (code, out) = run_verify(&path, &keys);
    assert_eq!(code, Some(1), "{out}");
}

#[tokio::test]
async fn a_configured_certificate_from_a_ca_signs_and_is_published() {
    let demo = demo().await;
    // A municipality's seal certificate from its CA (here a test CA made with rcgen).
    let mut ca_params = rcgen::CertificateParams::new(Vec::<String>::new()).unwrap();
    ca_params.is_ca = rcgen::IsCa::Ca(rcgen::BasicConstraints::Unconstrained);
    ca_params
        .distinguished_name
        .push(rcgen::DnType::CommonName, "CA di prova");
    let ca = rcgen::CertifiedIssuer::self_signed(ca_params, rcgen::KeyPair::generate().unwrap())
        .unwrap();
    let key = rcgen::KeyPair::generate_for(&rcgen::PKCS_ECDSA_P256_SHA256).unwrap();
    let mut params = rcgen::CertificateParams::new(Vec::<String>::new()).unwrap();
    params
        .distinguished_name
        .push(rcgen::DnType::CommonName, "Comune di Valdoria - Sigillo");
    let certificate = params.signed_by(&key, &ca).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let (cert_file, key_file) = (
        dir.path().join("sigillo.pem"),
        dir.path().join("sigillo.key"),
    );
    std::fs::write(&cert_file, certificate.pem()).unwrap();
    std::fs::write(&key_file, key.serialize_pem()).unwrap();

    let settings = portale::platform::settings::Settings {
        signing_cert_file: Some(cert_file.clone()),
        signing_key_file: Some(key_file.clone()),
        ..Default::default()
    };
    let mut conn = demo.app.db.connection().unwrap();
    portale::certificates::keyring::prepare(&mut conn, &settings).unwrap();
    // Idempotent at the next start.
    portale::certificates::keyring::prepare(&mut conn, &settings).unwrap();
    drop(conn);

    let keys = key_set(&demo).await;
    let current: Vec<&Value> = keys["keys"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|k| k["status"] == "current")
        .collect();
    assert_eq!(current.len(), 1);
    assert!(
        current[0]["kid"].as_str().unwrap().starts_with("x509-"),
        "{keys}"
    );
    use base64::Engine;
    let x5c = base64::engine::general_purpose::STANDARD
        .decode(current[0]["x5c"][0].as_str().unwrap())
        .unwrap();
    assert_eq!(x5c, certificate.der().to_vec());
    let issued = issue_residence(&demo).await;
    assert_eq!(
        issued["signing_key_id"], current[0]["kid"],
        "new certificates use it"
    );

    // A key that does not match the certificate stops the start.
    let other = rcgen::KeyPair::generate_for(&rcgen::PKCS_ECDSA_P256_SHA256).unwrap();
    std::fs::write(&key_file, other.serialize_pem()).unwrap();
    let mut conn = demo.app.db.connection().unwrap();
    assert!(portale::certificates::keyring::prepare(&mut conn, &settings).is_err());
}

#[tokio::test]
async fn the_office_revokes_a_certificate_and_every_check_then_says_so() {
    let demo = demo().await;
    let certificate = issue_residence(&demo).await;
    let id = certificate["id"].as_str().unwrap();
    let path = format!("/api/v1/certificates/{id}/revoke");
    let body = serde_json::json!({"reason": "Rilasciato con indirizzo errato"});

    let response = demo.app.post_as(&path, &demo.citizen, &body).await;
    assert_eq!(response.status(), 403, "citizens cannot revoke");
    let operator = crate::helpers::staff_token(&demo.app, &demo.credentials, "operator").await;
    let response = demo
        .app
        .post_as(&path, &operator, &serde_json::json!({"reason": ""}))
        .await;
    assert_eq!(response.status(), 422);
    let before = chrono::Utc::now();
    let response = demo.app.post_as(&path, &operator, &body).await;
    let after = chrono::Utc::now();
    assert_eq!(response.status(), 200);
    let revoked: Value = response.json().await.unwrap();
    assert_eq!(revoked["status"], "revoked");
    let again = demo.app.post_as(&path, &operator, &body).await;
    let (status, _, problem) = crate::helpers::problem(again).await;
    assert_eq!(
        (status, problem["code"].as_str()),
        (409, Some("already_revoked"))
    );

    let surname = certificate["subject_surname"].as_str().unwrap();
    let name = certificate["subject_name"].as_str().unwrap();
    let answer: Value = demo
        .app
        .get(&verify_path(&certificate, surname, name))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(answer["valid"], false);
    assert_eq!(answer["status"], "revoked");
    // When it was revoked, as an RFC 3339 instant; why is for the office and the subject.
    let revoked_at = answer["revoked_at"]
        .as_str()
        .unwrap_or_else(|| panic!("the revocation time is told: {answer}"));
    let revoked_at = chrono::DateTime::parse_from_rfc3339(revoked_at).unwrap();
    assert!(
        before - chrono::Duration::seconds(1) <= revoked_at
            && revoked_at <= after + chrono::Duration::seconds(1),
        "{revoked_at} is the moment of the revocation ({before} – {after})"
    );
    assert!(
        !answer
            .to_string()
            .contains("Rilasciato con indirizzo errato"),
        "the reason stays with the office: {answer}"
    );
    // The document stays as issued.
    let pdf = pdf_of(&demo, &demo.citizen, id).await;
    assert_eq!(certificate["pdf_sha256"], super::sha256_hex(&pdf));
    let log: Value = demo
        .app
        .get_as("/api/v1/me/access-log", &demo.citizen)
        .await
        .json()
        .await
        .unwrap();
    assert!(log["items"]
        .as_array()
        .unwrap()
        .iter()
        .any(|e| e["action"] == "certificate.revoked"
            && e["reason"] == "Rilasciato con indirizzo errato"));
}
