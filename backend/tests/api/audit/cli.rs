//! `portale audit verify`: a clear verdict, exit status 0 only when the chain is intact.

use std::process::{Command, Output};

use super::{filled, tamper, AuditDb};

fn verify(audit_db: &AuditDb, extra: &[&str]) -> (Option<i32>, String) {
    let output: Output = Command::new(env!("CARGO_BIN_EXE_portale"))
        .env_remove("PORTALE_DATABASE_URL")
        .env("PORTALE_LOG", "warn")
        .args(["audit", "verify", "--database-url", &audit_db.url])
        .args(extra)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    (output.status.code(), stdout)
}

#[test]
fn audit_verify_exits_0_when_intact_and_1_when_a_row_was_edited() {
    let audit_db = filled(4);
    let (code, stdout) = verify(&audit_db, &[]);
    assert_eq!(code, Some(0), "{stdout}");
    assert!(
        stdout.contains("Audit log intact: 4 entries checked"),
        "{stdout}"
    );
    assert!(stdout.contains("--anchor 4:"), "{stdout}");

    tamper(&audit_db, "UPDATE audit_log SET reason = 'x' WHERE id = 3");
    let (code, stdout) = verify(&audit_db, &[]);
    assert_eq!(code, Some(1), "{stdout}");
    assert!(stdout.contains("BROKEN at entry 3: edited"), "{stdout}");
}

#[test]
fn audit_verify_with_the_printed_anchor_detects_a_truncated_tail() {
    let audit_db = filled(4);
    let (_, stdout) = verify(&audit_db, &[]);
    let anchor = stdout
        .split("--anchor ")
        .nth(1)
        .and_then(|rest| rest.split_whitespace().next())
        .unwrap()
        .to_owned();
    assert_eq!(verify(&audit_db, &["--anchor", &anchor]).0, Some(0));

    tamper(&audit_db, "DELETE FROM audit_log WHERE id = 4");
    assert_eq!(
        verify(&audit_db, &[]).0,
        Some(0),
        "invisible without an anchor"
    );
    let (code, stdout) = verify(&audit_db, &["--anchor", &anchor]);
    assert_eq!(code, Some(1), "{stdout}");
    assert!(stdout.contains("BROKEN at entry 4: truncated"), "{stdout}");
}

#[test]
fn a_malformed_anchor_is_refused() {
    let audit_db = filled(1);
    let (code, _) = verify(&audit_db, &["--anchor", "4:nothex"]);
    assert_eq!(code, Some(2), "clap's usage error");
}
