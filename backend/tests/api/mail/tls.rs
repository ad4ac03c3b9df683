//! What a municipality's relay needs: STARTTLS or SMTPS with a certificate from the
//! municipality's own CA (`?ca=`), and credentials in the URL, never sent in clear.

use std::path::Path;
use std::process::Command;

use portale::mail::now_utc;

use super::certificate_mail;
use super::sink::{Outbox, SmtpSink};

/// A CA and a certificate for `localhost` signed by it, made with the openssl tool.
fn certificates(dir: &Path) {
    let ext = dir.join("relay.ext");
    std::fs::write(
        &ext,
        "subjectAltName=DNS:localhost\nbasicConstraints=critical,CA:FALSE\n\
         keyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth\n",
    )
    .unwrap();
    let ec = [
        "-newkey",
        "ec",
        "-pkeyopt",
        "ec_paramgen_curve:prime256v1",
        "-nodes",
    ];
    for args in [
        [
            &["req", "-x509"][..],
            &ec[..],
            &[
                "-keyout",
                "ca.key",
                "-out",
                "ca.pem",
                "-days",
                "2",
                "-subj",
                "/CN=Comune di Valdoria Test CA",
                "-addext",
                "basicConstraints=critical,CA:TRUE",
                "-addext",
                "keyUsage=critical,keyCertSign",
            ][..],
        ]
        .concat(),
        [
            &["req"][..],
            &ec[..],
            &[
                "-keyout",
                "relay.key",
                "-out",
                "relay.csr",
                "-subj",
                "/CN=localhost",
            ][..],
        ]
        .concat(),
        vec![
            "x509",
            "-req",
            "-in",
            "relay.csr",
            "-CA",
            "ca.pem",
            "-CAkey",
            "ca.key",
            "-CAcreateserial",
            "-out",
            "relay.pem",
            "-days",
            "2",
            "-extfile",
            "relay.ext",
        ],
    ] {
        let output = Command::new("openssl")
            .args(&args)
            .current_dir(dir)
            .output()
            .expect("the openssl tool");
        assert!(
            output.status.success(),
            "openssl {args:?}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
}

#[tokio::test]
async fn starttls_with_the_municipalitys_ca_and_credentials_delivers() {
    let dir = tempfile::tempdir().unwrap();
    certificates(dir.path());
    let (cert, key, ca) = (
        dir.path().join("relay.pem"),
        dir.path().join("relay.key"),
        dir.path().join("ca.pem"),
    );
    let sink = SmtpSink::start(&[
        "--tls",
        "starttls",
        "--cert",
        cert.to_str().unwrap(),
        "--key",
        key.to_str().unwrap(),
        "--auth",
        "portale@comune.it:p@ss w:rd",
    ]);
    let url = format!(
        "smtp://portale%40comune.it:p%40ss%20w%3Ard@localhost:{}?tls=starttls&ca={}",
        sink.port,
        ca.display()
    );
    let outbox = Outbox::new(Some(url));
    let id = outbox.enqueue(certificate_mail("mario@example.it")).await;
    let report = outbox.worker().run_once(now_utc()).await.unwrap();
    assert_eq!(report.sent, 1, "{:?}", outbox.row(&id).await.last_error);
    let messages = sink.wait_for(1);
    assert_eq!(messages[0].summary["tls"], true);
    assert_eq!(messages[0].summary["authenticated"], true);
}

#[tokio::test]
async fn smtps_delivers_and_an_untrusted_certificate_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    certificates(dir.path());
    let (cert, key, ca) = (
        dir.path().join("relay.pem"),
        dir.path().join("relay.key"),
        dir.path().join("ca.pem"),
    );
    let sink = SmtpSink::start(&[
        "--tls",
        "implicit",
        "--cert",
        cert.to_str().unwrap(),
        "--key",
        key.to_str().unwrap(),
    ]);
    let trusted = Outbox::new(Some(format!(
        "smtps://localhost:{}?ca={}",
        sink.port,
        ca.display()
    )));
    trusted.enqueue(certificate_mail("mario@example.it")).await;
    assert_eq!(trusted.worker().run_once(now_utc()).await.unwrap().sent, 1);
    assert_eq!(sink.wait_for(1)[0].summary["tls"], true);

    // Without the CA the certificate is unknown: nothing is sent, the error is kept.
    let untrusted = Outbox::new(Some(format!("smtps://localhost:{}", sink.port)));
    let id = untrusted
        .enqueue(certificate_mail("mario@example.it"))
        .await;
    assert_eq!(
        untrusted
            .worker()
            .run_once(now_utc())
            .await
            .unwrap()
            .retried,
        1
    );
    let row = untrusted.row(&id).await;
    assert_eq!(row.status, "pending");
    assert!(row
        .last_error
        .unwrap()
        .to_lowercase()
        .contains("certificate"));
}

#[tokio::test]
async fn required_starttls_never_falls_back_to_plain_text() {
    let sink = SmtpSink::start(&[]);
    let outbox = Outbox::new(Some(format!("smtp://localhost:{}?tls=starttls", sink.port)));
    let id = outbox.enqueue(certificate_mail("mario@example.it")).await;
    assert_eq!(outbox.worker().run_once(now_utc()).await.unwrap().sent, 0);
    assert_eq!(outbox.row(&id).await.status, "pending");
    assert!(sink.messages().is_empty());
}
