//! One chain under concurrent appends, and every kind of tampering done directly in the
//! database found by the verification.

use super::{append, audit_db, filled, tamper, AuditDb};
use diesel::connection::SimpleConnection;
use diesel::Connection;
use portale::audit::actions::AUTH_LOGIN_FAILED;
use portale::audit::store::search;
use portale::audit::store::AuditFilter;
use portale::audit::{self, Actor, AuditEntry, ChainProblem, Origin};

fn verify(audit_db: &AuditDb) -> audit::ChainReport {
    audit::verify_chain(&mut audit_db.db.connection().unwrap()).unwrap()
}

#[test]
fn concurrent_appends_keep_one_chain() {
    let audit_db = audit_db();
    let threads: Vec<_> = (0..8)
        .map(|t| {
            let db = audit_db.db.clone();
            std::thread::spawn(move || {
                for i in 0..25 {
                    let mut conn = db.connection().unwrap();
                    append(&mut conn, t * 100 + i);
                }
            })
        })
        .collect();
    for thread in threads {
        thread.join().unwrap();
    }
    let report = verify(&audit_db);
    assert!(report.intact(), "{report:?}");
    assert_eq!(report.checked, 200);
    let (head_id, head_hash) = report.head.unwrap();
    assert_eq!(head_id, 200);
    assert_eq!(head_hash.len(), 64);
}

#[test]
fn an_empty_log_is_intact_and_entries_keep_their_fields() {
    let audit_db = audit_db();
    let empty = verify(&audit_db);
    assert!(empty.intact() && empty.checked == 0 && empty.head.is_none());

    let mut conn = audit_db.db.connection().unwrap();
    append(&mut conn, 7);
    let rows = search(&mut conn, &AuditFilter::default(), 0, 10).unwrap();
    let row = &rows[0];
    assert_eq!(row.id, 1);
    assert_eq!(row.prev_hash, audit::chain::GENESIS_HASH);
    assert_eq!(row.actor_id.as_deref(), Some("op-1"));
    assert_eq!(row.subject_id.as_deref(), Some("person-1"));
    assert_eq!(row.ip.as_deref(), Some("192.0.2.10"));
    assert_eq!(row.request_id.as_deref(), Some("req-7"));
    let details: serde_json::Value = serde_json::from_str(&row.details).unwrap();
    assert_eq!(details["città"], "Forlì");
    assert!(verify(&audit_db).intact());
}

#[test]
fn editing_one_row_in_the_database_is_detected_as_edited() {
    let audit_db = filled(5);
    assert!(verify(&audit_db).intact());
    tamper(&audit_db, "UPDATE audit_log SET reason = 'x' WHERE id = 3");
    let report = verify(&audit_db);
    assert_eq!(report.first_broken, Some((3, ChainProblem::Edited)));
    assert_eq!(report.checked, 3);
    assert!(report.head.is_none());
}

#[test]
fn deleting_a_middle_row_is_detected() {
    let audit_db = filled(5);
    tamper(&audit_db, "DELETE FROM audit_log WHERE id = 3");
    let report = verify(&audit_db);
    assert_eq!(report.first_broken, Some((4, ChainProblem::DeletedBefore)));
}

#[test]
fn deleting_the_first_row_is_detected() {
    let audit_db = filled(3);
    tamper(&audit_db, "DELETE FROM audit_log WHERE id = 1");
    let report = verify(&audit_db);
    assert_eq!(report.first_broken, Some((2, ChainProblem::DeletedBefore)));
}

#[test]
fn a_row_rewritten_with_a_fresh_hash_breaks_the_next_link() {
    let audit_db = filled(5);
    let mut conn = audit_db.db.connection().unwrap();
    let mut row = search(&mut conn, &AuditFilter::default(), 2, 1)
        .unwrap()
        .remove(0);
    assert_eq!(row.id, 3);
    row.reason = Some("x".to_owned());
    let forged = audit::chain::entry_hash(&row.hashed_fields());
    conn.batch_execute(&format!(
        "UPDATE audit_log SET reason = 'x', hash = '{forged}' WHERE id = 3"
    ))
    .unwrap();
    let report = audit::verify_chain(&mut conn).unwrap();
    assert_eq!(report.first_broken, Some((4, ChainProblem::BrokenLink)));
}

/// What a hash chain cannot see: cutting off the newest entries leaves a shorter chain
/// that is intact. Only a head noted outside the database (an anchor) reveals it.
#[test]
fn a_truncated_tail_is_invisible_to_the_chain_but_not_to_an_anchor() {
    let audit_db = filled(5);
    let (head_id, head_hash) = verify(&audit_db).head.unwrap();
    tamper(&audit_db, "DELETE FROM audit_log WHERE id = 5");

    let plain = verify(&audit_db);
    assert!(plain.intact(), "the limitation this test documents");
    assert_eq!(plain.checked, 4);

    let mut conn = audit_db.db.connection().unwrap();
    let anchored = audit::verify_chain_with_anchor(&mut conn, head_id, &head_hash).unwrap();
    assert_eq!(anchored.first_broken, Some((5, ChainProblem::Truncated)));

    // Refilling the gap with a new entry gets the same id but not the same hash.
    append(&mut conn, 99);
    let anchored = audit::verify_chain_with_anchor(&mut conn, head_id, &head_hash).unwrap();
    assert_eq!(anchored.first_broken, Some((5, ChainProblem::Rewritten)));
}

#[test]
fn an_append_rolled_back_with_its_outer_transaction_leaves_no_gap() {
    let audit_db = filled(2);
    let mut conn = audit_db.db.connection().unwrap();
    let outcome = conn.transaction::<(), _, _>(|conn| {
        append(conn, 10);
        append(conn, 11);
        Err(diesel::result::Error::RollbackTransaction)
    });
    assert!(outcome.is_err());
    conn.transaction::<_, diesel::result::Error, _>(|conn| {
        append(conn, 12);
        Ok(())
    })
    .unwrap();
    append(&mut conn, 13);
    let report = audit::verify_chain(&mut conn).unwrap();
    assert!(report.intact(), "{report:?}");
    assert_eq!(report.head.map(|h| h.0), Some(4));
}

#[test]
fn entries_are_found_by_actor_subject_action_and_time() {
    let audit_db = filled(6);
    let mut conn = audit_db.db.connection().unwrap();
    let anonymous = AuditEntry {
        details: serde_json::json!({"username": "nessuno"}),
        ..AuditEntry::new(Actor::ANONYMOUS, AUTH_LOGIN_FAILED)
    };
    audit::record(&mut conn, &Origin::default(), anonymous).unwrap();

    let mut find = |filter: AuditFilter| {
        let rows = search(&mut conn, &filter, 0, 100).unwrap();
        let total = portale::audit::store::count(&mut conn, &filter).unwrap();
        assert_eq!(rows.len() as i64, total);
        rows.iter().map(|r| r.id).collect::<Vec<_>>()
    };
    assert_eq!(find(AuditFilter::default()), vec![7, 6, 5, 4, 3, 2, 1]);
    let by = |actor: &str| AuditFilter {
        actor: Some(actor.to_owned()),
        ..AuditFilter::default()
    };
    assert_eq!(find(by("op-1")).len(), 6);
    assert_eq!(
        find(by("bianchi")).len(),
        6,
        "case-insensitive label substring"
    );
    assert_eq!(find(by("anonimo")), vec![7]);
    assert!(find(by("%")).is_empty(), "LIKE wildcards are literal");
    let subject = AuditFilter {
        subject: Some("person-1".to_owned()),
        ..AuditFilter::default()
    };
    assert_eq!(find(subject), vec![5, 2]);
    let action = AuditFilter {
        action: Some(AUTH_LOGIN_FAILED.to_owned()),
        ..AuditFilter::default()
    };
    assert_eq!(find(action), vec![7]);
    let now = chrono::Utc::now().naive_utc();
    let hour = chrono::Duration::hours(1);
    let window = |from, to| AuditFilter {
        from: Some(from),
        to: Some(to),
        ..AuditFilter::default()
    };
    assert_eq!(find(window(now - hour, now + hour)).len(), 7);
    assert!(find(window(now + hour, now + hour * 2)).is_empty());

    let page = search(&mut conn, &AuditFilter::default(), 2, 2).unwrap();
    assert_eq!(page.iter().map(|r| r.id).collect::<Vec<_>>(), vec![5, 4]);
}
