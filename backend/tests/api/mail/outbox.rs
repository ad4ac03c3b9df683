//! The outbox itself: rows written in the caller's transaction, claimed exactly once.

use diesel::Connection;
use portale::mail::{now_utc, NewMail};

use super::certificate_mail;
use super::sink::Outbox;

#[tokio::test]
async fn of_two_workers_that_saw_the_same_mail_only_one_claims_it() {
    let outbox = Outbox::new(None);
    let id = outbox.enqueue(certificate_mail("mario@example.it")).await;
    let now = now_utc();
    let lease = now + chrono::Duration::minutes(15);
    let claims = outbox
        .db
        .run(move |conn| {
            let seen_by_one = portale::mail::store::due(conn, now, 10)?;
            let seen_by_two = portale::mail::store::due(conn, now, 10)?;
            assert_eq!(seen_by_one, seen_by_two);
            let (id, attempts) = seen_by_one[0].clone();
            let one = portale::mail::store::claim(conn, &id, attempts, now, lease)?;
            let two = portale::mail::store::claim(conn, &id, attempts, now, lease)?;
            Ok::<_, portale::platform::db::DbError>((one, two))
        })
        .await
        .unwrap();
    assert_eq!(claims, (true, false));
    // Claimed and hidden until the lease ends, when a crashed worker's mail is due again.
    let row = outbox.row(&id).await;
    assert_eq!((row.attempts, row.next_attempt_at), (1, lease));
}

#[tokio::test]
async fn enqueue_joins_the_callers_transaction() {
    let outbox = Outbox::new(None);
    let rolled_back = outbox
        .db
        .run(|conn| {
            conn.transaction::<(), portale::platform::db::DbError, _>(|conn| {
                portale::mail::enqueue(conn, &certificate_mail("mario@example.it"))?;
                Err(diesel::result::Error::RollbackTransaction.into())
            })
        })
        .await;
    assert!(rolled_back.is_err());
    let (rows, total) = outbox
        .db
        .run(|conn| portale::mail::store::list(conn, None, 0, 10))
        .await
        .unwrap();
    assert_eq!((rows.len(), total), (0, 0));

    let nobody = NewMail {
        to: Vec::new(),
        ..certificate_mail("mario@example.it")
    };
    let refused = outbox
        .db
        .run(move |conn| portale::mail::enqueue(conn, &nobody))
        .await;
    assert!(refused.is_err());
}
