//! The mail outbox delivered to a real SMTP server (aiosmtpd), on SQLite and PostgreSQL.

mod admin;
mod outbox;
mod serve;
mod sink;
mod tls;

use std::collections::BTreeSet;
use std::time::Duration;

use portale::mail::worker::WorkerConfig;
use portale::mail::{now_utc, Attachment, Email, NewMail};

use sink::{free_port, Outbox, SmtpSink};

pub fn email(address: &str) -> Email {
    Email::parse(address).unwrap()
}

/// A small but genuinely binary PDF: every byte value occurs.
pub fn pdf() -> Vec<u8> {
    let mut bytes = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n".to_vec();
    bytes.extend((0..=255u8).cycle().take(3000));
    bytes.extend_from_slice(b"\n%%EOF\n");
    bytes
}

const SUBJECT: &str = "Il suo certificato di residenza è pronto — Comune di Valdoria";
const BODY: &str = "Gentile Niccolò Rossi,\n\nin allegato il certificato richiesto. \
    Perché sia valido non occorre altro: è già firmato digitalmente.\n\
    Diritti di segreteria: 0,52 €.\n\nCordiali saluti,\nl'Ufficio Anagrafe\n";

pub fn certificate_mail(to: &str) -> NewMail {
    NewMail {
        to: vec![email(to)],
        cc: vec![email("anna.bianchi@example.it")],
        subject: SUBJECT.to_owned(),
        body_text: BODY.to_owned(),
        attachments: vec![Attachment {
            file_name: "certificato-residenza-città.pdf".to_owned(),
            content_type: "application/pdf".to_owned(),
            content: pdf(),
        }],
    }
}

#[tokio::test]
async fn a_mail_with_accents_and_a_pdf_arrives_intact() {
    let sink = SmtpSink::start(&[]);
    let outbox = Outbox::new(Some(sink.url()));
    let id = outbox
        .enqueue(certificate_mail("niccolo.rossi@example.it"))
        .await;
    assert_eq!(outbox.row(&id).await.status, "pending");

    let report = outbox.worker().run_once(now_utc()).await.unwrap();
    assert_eq!((report.claimed, report.sent), (1, 1));
    let messages = sink.wait_for(1);
    assert_eq!(messages.len(), 1);
    let message = &messages[0];
    let summary = &message.summary;
    assert_eq!(summary["mail_from"], "noreply@comune.valdoria.example");
    assert_eq!(
        summary["rcpt_tos"],
        serde_json::json!(["niccolo.rossi@example.it", "anna.bianchi@example.it"])
    );
    let headers = &summary["headers"];
    assert_eq!(headers["subject"], SUBJECT);
    assert_eq!(
        headers["from"],
        "Comune di Valdoria <noreply@comune.valdoria.example>"
    );
    assert_eq!(headers["cc"], "anna.bianchi@example.it");
    assert_eq!(
        headers["message-id"],
        format!("<{id}@comune.valdoria.example>")
    );
    assert!(headers["date"].as_str().unwrap().ends_with("+0000"));
    assert_eq!(headers["auto-submitted"], "auto-generated");
    assert_eq!(
        summary["text"].as_str().unwrap().replace("\r\n", "\n"),
        BODY
    );
    assert_eq!(
        summary["attachments"][0]["file_name"],
        "certificato-residenza-città.pdf"
    );
    assert_eq!(summary["attachments"][0]["content_type"], "application/pdf");
    assert_eq!(message.attachments, vec![pdf()]);
    // On the wire: 7-bit headers, MIME parts, the binary PDF in base64.
    assert!(message.raw.is_ascii());
    assert!(message.raw.contains("Content-Type: multipart/mixed"));
    assert!(message.raw.contains("Content-Transfer-Encoding: base64"));

    let row = outbox.row(&id).await;
    assert_eq!(row.status, "sent");
    assert_eq!(row.attempts, 1);
    assert!(row.sent_at.is_some() && row.last_error.is_none());
    let metrics = outbox.metrics.render().unwrap();
    assert!(
        metrics.contains("portale_mail_deliveries_total{outcome=\"sent\"} 1"),
        "{metrics}"
    );
    // Nothing is due any more.
    let again = outbox.worker().run_once(now_utc()).await.unwrap();
    assert_eq!(again.claimed, 0);
}

#[tokio::test]
async fn a_relay_that_is_down_gets_the_mail_when_it_is_back_and_the_time_is_due() {
    let port = free_port();
    let outbox = Outbox::new(Some(format!("smtp://127.0.0.1:{port}")));
    let first = outbox.enqueue(certificate_mail("mario@example.it")).await;
    let second = outbox.enqueue(certificate_mail("lucia@example.it")).await;
    let worker = outbox.worker();
    let now = now_utc();

    let report = worker.run_once(now).await.unwrap();
    // The relay did not answer: the rest of the batch waits for the next poll.
    assert_eq!((report.claimed, report.retried, report.sent), (1, 1, 0));
    let row = outbox.row(&first).await;
    assert_eq!((row.status.as_str(), row.attempts), ("pending", 1));
    assert!(row.last_error.is_some_and(|e| !e.is_empty()));
    assert_eq!(row.next_attempt_at, now + chrono::Duration::minutes(1));
    assert_eq!(outbox.row(&second).await.attempts, 0);

    let sink = SmtpSink::start_on(port, &[]);
    // The second mail is due; the first waits for its backoff.
    let report = worker
        .run_once(now + chrono::Duration::seconds(30))
        .await
        .unwrap();
    assert_eq!((report.claimed, report.sent), (1, 1));
    assert_eq!(outbox.row(&first).await.status, "pending");

    let report = worker
        .run_once(now + chrono::Duration::seconds(61))
        .await
        .unwrap();
    assert_eq!((report.claimed, report.sent), (1, 1));
    let row = outbox.row(&first).await;
    assert_eq!((row.status.as_str(), row.attempts), ("sent", 2));
    assert!(row.last_error.is_none());
    assert_eq!(sink.wait_for(2).len(), 2);
}

#[tokio::test]
async fn a_permanent_rejection_fails_at_once_and_a_deferral_is_retried() {
    let sink = SmtpSink::start(&["--reject", "sconosciuto", "--defer", "occupato"]);
    let outbox = Outbox::new(Some(sink.url()));
    let rejected = outbox
        .enqueue(certificate_mail("sconosciuto@example.it"))
        .await;
    let deferred = outbox
        .enqueue(certificate_mail("occupato@example.it"))
        .await;
    let accepted = outbox.enqueue(certificate_mail("mario@example.it")).await;

    let report = outbox.worker().run_once(now_utc()).await.unwrap();
    assert_eq!(
        (report.claimed, report.sent, report.retried, report.failed),
        (3, 1, 1, 1)
    );
    let row = outbox.row(&rejected).await;
    assert_eq!((row.status.as_str(), row.attempts), ("failed", 1));
    assert!(row.last_error.unwrap().contains("550"));
    let row = outbox.row(&deferred).await;
    assert_eq!((row.status.as_str(), row.attempts), ("pending", 1));
    assert!(row.last_error.unwrap().contains("451"));
    assert_eq!(outbox.row(&accepted).await.status, "sent");
    assert!(outbox
        .metrics
        .render()
        .unwrap()
        .contains("portale_mail_deliveries_total{outcome=\"failed\"} 1"));
}

#[tokio::test]
async fn a_mail_that_keeps_failing_is_given_up_after_the_last_attempt() {
    let outbox = Outbox::new(Some(format!("smtp://127.0.0.1:{}", free_port())));
    let id = outbox.enqueue(certificate_mail("mario@example.it")).await;
    let worker = outbox.worker().with_config(WorkerConfig {
        max_attempts: 3,
        ..WorkerConfig::default()
    });
    let start = now_utc();
    for minutes in [0, 1, 3] {
        worker
            .run_once(start + chrono::Duration::minutes(minutes))
            .await
            .unwrap();
    }
    let row = outbox.row(&id).await;
    assert_eq!((row.status.as_str(), row.attempts), ("failed", 3));
    assert!(row
        .last_error
        .unwrap()
        .starts_with("gave up after 3 attempts"));
}

#[tokio::test]
async fn without_a_relay_the_mail_is_written_as_an_eml_file() {
    let outbox = Outbox::new(None);
    let id = outbox.enqueue(certificate_mail("mario@example.it")).await;
    let report = outbox.worker().run_once(now_utc()).await.unwrap();
    assert_eq!(report.sent, 1);
    let folder = outbox.settings.data_dir.join("mail");
    let files: Vec<String> = std::fs::read_dir(&folder)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(files.len(), 1, "{files:?}");
    let created = outbox.row(&id).await.created_at;
    assert_eq!(
        files[0],
        format!("{}-{id}.eml", created.format("%Y%m%dT%H%M%SZ"))
    );
    let eml = std::fs::read_to_string(folder.join(&files[0])).unwrap();
    assert!(eml.contains("To: mario@example.it"));
    assert!(eml.contains(&format!("Message-ID: <{id}@comune.valdoria.example>")));
    assert!(eml.contains("filename*0*=utf-8''certificato-residenza-citt%C3%A0.pdf"));
    assert_eq!(outbox.row(&id).await.status, "sent");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_workers_on_one_database_deliver_each_mail_once() {
    let sink = SmtpSink::start(&[]);
    let outbox = Outbox::new(Some(sink.url()));
    let mut ids = BTreeSet::new();
    for n in 0..24 {
        ids.insert(
            outbox
                .enqueue(certificate_mail(&format!("cittadino{n}@example.it")))
                .await,
        );
    }
    // Two instances: separate connection pools on the same database.
    let other_db =
        portale::platform::db::Database::connect(&outbox.settings.effective_database_url(), 4)
            .unwrap();
    let one = outbox.worker();
    let two =
        portale::mail::worker::MailWorker::new(&outbox.settings, other_db, outbox.metrics.clone())
            .unwrap();
    let now = now_utc();
    let mut claimed = (0, 0);
    for _ in 0..3 {
        let (a, b) = tokio::join!(one.run_once(now), two.run_once(now));
        claimed.0 += a.unwrap().claimed;
        claimed.1 += b.unwrap().claimed;
    }
    assert_eq!(claimed.0 + claimed.1, 24, "{claimed:?}");
    sink.wait_for(24);
    // A duplicate would arrive at once; give it a moment to show up.
    std::thread::sleep(Duration::from_millis(300));
    let messages = sink.messages();
    assert_eq!(messages.len(), 24, "every mail exactly once");
    let delivered: BTreeSet<String> = messages
        .iter()
        .map(|m| {
            let id = m.summary["headers"]["message-id"].as_str().unwrap();
            id.trim_start_matches('<')
                .split('@')
                .next()
                .unwrap()
                .to_owned()
        })
        .collect();
    assert_eq!(delivered, ids);
    for id in &ids {
        let row = outbox.row(id).await;
        assert_eq!((row.status.as_str(), row.attempts), ("sent", 1));
    }
}
