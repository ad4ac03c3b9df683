//! A real SMTP server for the mail tests (`tests/mail/smtp_sink.py`, aiosmtpd) and an
//! outbox on the test database with a worker whose clock the test moves.

use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use portale::mail::store::{self, OutboxSummaryRow};
use portale::mail::worker::MailWorker;
use portale::mail::{enqueue, NewMail};
use portale::platform::db::Database;
use portale::platform::metrics::Metrics;
use portale::platform::settings::{Secret, Settings};
use serde_json::Value;

use crate::helpers::{repository_root, TestDatabase};

/// The project venv's Python, which must have aiosmtpd: CI skips nothing.
fn python() -> PathBuf {
    let python = std::env::var_os("PORTALE_TEST_PYTHON")
        .map(PathBuf::from)
        .unwrap_or_else(|| repository_root().join(".venv/bin/python"));
    let has_aiosmtpd = Command::new(&python)
        .args(["-c", "import aiosmtpd"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    assert!(
        has_aiosmtpd,
        "the mail tests need a Python with aiosmtpd, and {} has none. Create the project venv \
         (`python3 -m venv .venv && .venv/bin/pip install -r tests/requirements.txt` at the \
         repository root; scripts/test-all.sh does it) or set PORTALE_TEST_PYTHON.",
        python.display()
    );
    python
}

pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free port")
        .port()
}

pub struct SmtpSink {
    child: Child,
    pub port: u16,
    pub inbox: PathBuf,
    _dir: tempfile::TempDir,
}

/// One message as the server received it.
pub struct Received {
    pub summary: Value,
    pub raw: String,
    pub attachments: Vec<Vec<u8>>,
}

impl SmtpSink {
    pub fn start(options: &[&str]) -> SmtpSink {
        SmtpSink::start_on(free_port(), options)
    }

    pub fn start_on(port: u16, options: &[&str]) -> SmtpSink {
        let dir = tempfile::tempdir().expect("temp dir");
        let inbox = dir.path().join("inbox");
        let mut child = Command::new(python())
            .arg(repository_root().join("tests/mail/smtp_sink.py"))
            .args(["--port", &port.to_string(), "--out"])
            .arg(&inbox)
            .args(options)
            .stdout(Stdio::piped())
            .spawn()
            .expect("start the SMTP sink");
        let mut line = String::new();
        let stdout = child.stdout.take().expect("sink stdout");
        BufReader::new(stdout)
            .read_line(&mut line)
            .expect("sink output");
        assert!(
            line.starts_with("ready"),
            "the SMTP sink did not start: {line:?}"
        );
        SmtpSink {
            child,
            port,
            inbox,
            _dir: dir,
        }
    }

    pub fn url(&self) -> String {
        format!("smtp://127.0.0.1:{}", self.port)
    }

    /// Every message received so far, in arrival order.
    pub fn messages(&self) -> Vec<Received> {
        let mut numbers: Vec<u32> = std::fs::read_dir(&self.inbox)
            .map(|entries| {
                entries
                    .filter_map(|e| {
                        e.ok()?
                            .file_name()
                            .to_str()?
                            .strip_suffix(".json")?
                            .parse()
                            .ok()
                    })
                    .collect()
            })
            .unwrap_or_default();
        numbers.sort_unstable();
        numbers
            .into_iter()
            .map(|n| {
                let base = self.inbox.join(n.to_string());
                let summary: Value = serde_json::from_str(
                    &std::fs::read_to_string(base.with_extension("json")).expect("summary"),
                )
                .expect("summary JSON");
                let attachments = summary["attachments"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .map(|a| std::fs::read(a["path"].as_str().expect("path")).expect("attachment"))
                    .collect();
                Received {
                    raw: std::fs::read_to_string(base.with_extension("eml")).expect("raw message"),
                    summary,
                    attachments,
                }
            })
            .collect()
    }

    /// Waits until `count` messages have arrived (the server writes them after the
    /// client's DATA is acknowledged, so briefly after the worker returns).
    pub fn wait_for(&self, count: usize) -> Vec<Received> {
        let started = Instant::now();
        loop {
            let messages = self.messages();
            if messages.len() >= count || started.elapsed() > Duration::from_secs(10) {
                return messages;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for SmtpSink {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// An outbox on a fresh test database (SQLite, or PostgreSQL when configured).
pub struct Outbox {
    pub db: Database,
    pub settings: Settings,
    pub metrics: Metrics,
    _database: TestDatabase,
    _data_dir: tempfile::TempDir,
}

impl Outbox {
    pub fn new(smtp_url: Option<String>) -> Outbox {
        let data_dir = tempfile::tempdir().expect("temp dir");
        let database = TestDatabase::create(&data_dir.path().join("portale.sqlite3"));
        let settings = Settings {
            database_url: Some(Secret(database.url.clone())),
            data_dir: data_dir.path().to_path_buf(),
            smtp_url: smtp_url.map(Secret),
            ..Settings::default()
        };
        let db = portale::open_database(&settings).expect("database");
        Outbox {
            db,
            settings,
            metrics: Metrics::new().expect("metrics"),
            _database: database,
            _data_dir: data_dir,
        }
    }

    pub fn worker(&self) -> MailWorker {
        MailWorker::new(&self.settings, self.db.clone(), self.metrics.clone()).expect("worker")
    }

    pub async fn enqueue(&self, mail: NewMail) -> String {
        self.db
            .run(move |conn| enqueue(conn, &mail))
            .await
            .expect("enqueue")
    }

    pub async fn row(&self, id: &str) -> OutboxSummaryRow {
        let id = id.to_owned();
        self.db
            .run(move |conn| store::summary(conn, &id))
            .await
            .expect("outbox row")
    }
}
