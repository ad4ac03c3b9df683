//! `portale serve` runs the worker: a mail queued before the start goes out (here as an
//! `.eml` file, no relay configured), and SIGTERM stops server and worker cleanly.

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use super::certificate_mail;
use super::sink::Outbox;

#[tokio::test]
async fn serve_delivers_queued_mail_and_stops_on_sigterm() {
    let outbox = Outbox::new(None);
    let id = outbox.enqueue(certificate_mail("mario@example.it")).await;
    let mut child = Command::new(env!("CARGO_BIN_EXE_portale"))
        .args(["serve", "--bind", "127.0.0.1:0", "--data-dir"])
        .arg(&outbox.settings.data_dir)
        .arg("--database-url")
        .arg(outbox.settings.effective_database_url())
        .env_remove("PORTALE_SMTP_URL")
        .env_remove("PORTALE_MAIL_FROM")
        .env("PORTALE_LOG", "warn")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let folder = outbox.settings.data_dir.join("mail");
    let started = Instant::now();
    let eml = loop {
        let found = std::fs::read_dir(&folder).ok().and_then(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| e.path())
                .find(|p| p.extension().is_some_and(|x| x == "eml"))
        });
        if let Some(path) = found {
            break path;
        }
        if started.elapsed() > Duration::from_secs(20) {
            let _ = child.kill();
            panic!("no .eml file appeared in {}", folder.display());
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    assert!(eml.to_string_lossy().ends_with(&format!("-{id}.eml")));

    let status = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    let started = Instant::now();
    let exit = loop {
        if let Some(exit) = child.try_wait().unwrap() {
            break exit;
        }
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "the server did not stop"
        );
        std::thread::sleep(Duration::from_millis(50));
    };
    assert!(exit.success(), "exit status {exit:?}");
    let row = outbox.row(&id).await;
    assert_eq!((row.status.as_str(), row.attempts), ("sent", 1));
}
