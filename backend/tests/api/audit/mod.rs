//! The audit log on a real database: the chain, the command line, the HTTP API.

mod chain;
mod cli;
mod http;

use diesel::connection::SimpleConnection;
use portale::audit::actions::PERSON_VIEWED;
use portale::audit::{self, Actor, AuditEntry, Origin};
use portale::platform::db::{Database, DbConnection};

use crate::helpers::TestDatabase;

pub struct AuditDb {
    pub db: Database,
    pub url: String,
    _database: TestDatabase,
    _dir: tempfile::TempDir,
}

pub fn audit_db() -> AuditDb {
    let dir = tempfile::tempdir().unwrap();
    let database = TestDatabase::create(&dir.path().join("audit.sqlite3"));
    let db = Database::connect(&database.url, 8).unwrap();
    db.migrate().unwrap();
    AuditDb {
        db,
        url: database.url.clone(),
        _database: database,
        _dir: dir,
    }
}

fn origin(n: usize) -> Origin {
    Origin {
        ip: Some("192.0.2.10".to_owned()),
        request_id: Some(format!("req-{n}")),
    }
}

pub fn append(conn: &mut DbConnection, n: usize) {
    let subject = format!("person-{}", n % 3);
    let entry = AuditEntry {
        reason: Some("verifica d'ufficio"),
        details: serde_json::json!({"n": n, "città": "Forlì"}),
        ..AuditEntry::new(
            Actor {
                id: Some("op-1"),
                label: "Giulia Bianchi",
            },
            PERSON_VIEWED,
        )
        .subject("person", &subject)
    };
    audit::record(conn, &origin(n), entry).unwrap();
}

/// Appends `n` entries with ids 1..=n.
pub fn filled(n: usize) -> AuditDb {
    let audit_db = audit_db();
    let mut conn = audit_db.db.connection().unwrap();
    for i in 0..n {
        append(&mut conn, i);
    }
    drop(conn);
    audit_db
}

pub fn tamper(audit_db: &AuditDb, sql: &str) {
    audit_db
        .db
        .connection()
        .unwrap()
        .batch_execute(sql)
        .unwrap();
}
