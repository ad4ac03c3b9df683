use serde_json::{json, Value};

use super::*;
use crate::certificates::demo;
use crate::helpers::staff_token;
use portale::appointments::store::appointments::{insert, AppointmentRow};

fn desk_input() -> Value {
    json!({
        "name": "Sportello polifunzionale", "area": "anagrafe", "location": "Via Roma, 3",
        "topics": ["Certificati", "Residenza"],
        "hours": [{"weekday": 1, "opens": "09:00", "closes": "12:00"}, {"weekday": 3, "opens": "09:00", "closes": "12:00"}],
        "slot_minutes": 30, "places_per_slot": 1, "horizon_days": 90, "min_notice_hours": 1,
        "cancel_notice_hours": 12, "max_active_per_citizen": 1, "active": true
    })
}

#[tokio::test]
async fn the_office_sets_up_a_desk_and_closes_it() {
    let demo = demo().await;
    let operator = staff_token(&demo.app, &demo.credentials, "operator").await;
    let mut bad = desk_input();
    bad["hours"][0]["closes"] = json!("08:00");
    bad["slot_minutes"] = json!(0);
    let response = demo.app.post_as("/api/v1/desks", &operator, &bad).await;
    assert_eq!(response.status(), 422);
    let body: Value = response.json().await.unwrap();
    let fields: Vec<&str> = body["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    assert_eq!(fields, ["hours[0].closes", "slot_minutes"]);
    let response = demo
        .app
        .post_as("/api/v1/desks", &demo.citizen, &desk_input())
        .await;
    assert_eq!(response.status(), 403);

    let created = demo
        .app
        .post_as("/api/v1/desks", &operator, &desk_input())
        .await;
    assert_eq!(created.status(), 201);
    let desk: Value = created.json().await.unwrap();
    let id = desk["id"].as_str().unwrap();
    // A Wednesday is open, then closed by the office.
    let wednesday = working_day_after(2, Some(chrono::Weekday::Wed));
    let url = format!("/api/v1/desks/{id}/availability?from={wednesday}&to={wednesday}");
    assert_eq!(
        demo.app.get(&url).await.json::<Value>().await.unwrap()["days"][0]["slots"]
            .as_array()
            .unwrap()
            .len(),
        6
    );
    let closed = demo
        .app
        .post_as(
            &format!("/api/v1/desks/{id}/closures"),
            &operator,
            &json!({"from": wednesday - chrono::Duration::days(1), "to": wednesday + chrono::Duration::days(1), "reason": "Inventario"}),
        )
        .await;
    assert_eq!(closed.status(), 201);
    let closed: Value = closed.json().await.unwrap();
    assert_eq!(
        demo.app.get(&url).await.json::<Value>().await.unwrap()["days"][0]["closed"],
        true
    );
    let closure = closed["closures"][0]["id"].as_str().unwrap();
    let reopened = demo
        .app
        .client
        .delete(
            demo.app
                .url(&format!("/api/v1/desks/{id}/closures/{closure}")),
        )
        .bearer_auth(&operator)
        .send()
        .await
        .unwrap();
    assert_eq!(reopened.status(), 204);
    assert_eq!(
        demo.app.get(&url).await.json::<Value>().await.unwrap()["days"][0]["closed"],
        false
    );
}

#[tokio::test]
async fn the_office_books_for_a_caller_finds_moves_and_cancels_with_a_reason() {
    let demo = demo().await;
    let operator = staff_token(&demo.app, &demo.credentials, "operator").await;
    let desk = anagrafe(&demo).await;
    let desk_id = desk["id"].as_str().unwrap();
    let (_, starts_at) = first_free(&demo, desk_id).await;
    let mut body = booking(&desk, &starts_at);
    body["fiscal_code"] = json!("RSSMRA80A01H501U");
    body["surname"] = json!("Rossi");
    body["name"] = json!("Mario");
    body["email"] = json!("mario.rossi@example.org");
    let (status, booked) = book(&demo, &operator, body, None).await;
    assert_eq!(status, 201, "{booked}");
    assert_eq!(
        (
            booked["booked_by"].as_str(),
            booked["person"]["surname"].as_str()
        ),
        (Some("office"), Some("ROSSI"))
    );
    let id = booked["id"].as_str().unwrap();
    let code = booked["code"].as_str().unwrap().to_lowercase();
    for q in [code.as_str(), "rssmra80a01h501u", "ross"] {
        let found: Value = demo
            .app
            .get_as(&format!("/api/v1/appointments?q={q}"), &operator)
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(found["items"][0]["id"], booked["id"], "{q}");
    }

    // Moved to the next free slot, with the reason.
    let availability: Value = demo
        .app
        .get(&format!("/api/v1/desks/{desk_id}/availability"))
        .await
        .json()
        .await
        .unwrap();
    let other = availability["days"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|d| d["slots"].as_array().unwrap().clone())
        .find(|s| s["starts_at"] != json!(starts_at))
        .unwrap();
    let moved = demo
        .app
        .post_as(
            &format!("/api/v1/appointments/{id}/move"),
            &operator,
            &json!({"starts_at": other["starts_at"], "reason": "Sportello chiuso per formazione"}),
        )
        .await;
    assert_eq!(moved.status(), 200);
    let moved: Value = moved.json().await.unwrap();
    assert_eq!(moved["starts_at"], other["starts_at"]);
    let ics = demo
        .app
        .get_as(&format!("/api/v1/appointments/{id}/ics"), &operator)
        .await
        .text()
        .await
        .unwrap();
    assert!(ics.contains("SEQUENCE:1") && ics.contains("METHOD:REQUEST"));

    // Cancelling needs a reason from the office.
    let url = demo.app.url(&format!("/api/v1/appointments/{id}"));
    let refused = demo
        .app
        .client
        .delete(&url)
        .bearer_auth(&operator)
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status(), 422);
    let done = demo
        .app
        .client
        .delete(format!(
            "{url}?reason=Richiesta%20telefonica%20del%20cittadino"
        ))
        .bearer_auth(&operator)
        .send()
        .await
        .unwrap();
    assert_eq!(done.status(), 200);
    let admin = staff_token(&demo.app, &demo.credentials, "admin").await;
    let outbox: Value = demo
        .app
        .get_as("/api/v1/admin/mail-outbox?per_page=100", &admin)
        .await
        .json()
        .await
        .unwrap();
    let subjects: Vec<&str> = outbox["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|m| m["subject"].as_str())
        .collect();
    for expected in [
        "Conferma appuntamento",
        "Appuntamento spostato",
        "annullato",
    ] {
        assert!(
            subjects.iter().any(|s| s.contains(expected)),
            "{expected} in {subjects:?}"
        );
    }
}

fn row_at(desk_id: &str, starts: chrono::NaiveDateTime, email: &str) -> AppointmentRow {
    let now = chrono::Utc::now().naive_utc();
    AppointmentRow {
        id: uuid::Uuid::now_v7().to_string(),
        code: portale::appointments::rules::code::generate().unwrap(),
        desk_id: desk_id.to_owned(),
        starts_at: starts,
        ends_at: starts + chrono::Duration::minutes(15),
        topic: "Certificati anagrafici".into(),
        notes: String::new(),
        account_id: None,
        fiscal_code: "RSSMRA80A01H501U".into(),
        surname: "ROSSI".into(),
        name: "MARIO".into(),
        email: Some(email.to_owned()),
        phone: None,
        state: "booked".into(),
        booked_by: "office".into(),
        created_at: now,
        updated_at: now,
        cancelled_at: None,
        cancel_reason: None,
        sequence: 0,
        reminder_sent_at: None,
        idempotency_key: None,
    }
}

#[tokio::test]
async fn attendance_is_marked_on_the_day_and_reminders_go_once() {
    let demo = demo().await;
    let operator = staff_token(&demo.app, &demo.credentials, "operator").await;
    let desk = anagrafe(&demo).await;
    let desk_id = desk["id"].as_str().unwrap().to_owned();
    let now = chrono::Utc::now();
    // Written straight into the table: today's and tomorrow's slots may fall on a holiday.
    let today = row_at(
        &desk_id,
        now.naive_utc() - chrono::Duration::minutes(30),
        "oggi@example.org",
    );
    let tomorrow = row_at(
        &desk_id,
        now.naive_utc() + chrono::Duration::hours(24),
        "domani@example.org",
    );
    let mut conn = demo.app.db.connection().unwrap();
    insert(&mut conn, &today).unwrap();
    insert(&mut conn, &tomorrow).unwrap();
    drop(conn);

    let marked = demo
        .app
        .post_as(
            &format!("/api/v1/appointments/{}/attendance", today.id),
            &operator,
            &json!({"attended": true}),
        )
        .await;
    assert_eq!(marked.status(), 200);
    assert_eq!(
        marked.json::<Value>().await.unwrap()["state_label"],
        "Presentato"
    );
    let early = demo
        .app
        .post_as(
            &format!("/api/v1/appointments/{}/attendance", tomorrow.id),
            &operator,
            &json!({"attended": false}),
        )
        .await;
    assert_eq!(early.status(), 422);

    // Two instances' jobs at the same moment: one reminder.
    let jobs: Vec<_> = (0..2)
        .map(|_| {
            let db = demo.app.db.clone();
            tokio::task::spawn_blocking(move || {
                let mut conn = db.connection().unwrap();
                portale::appointments::reminders::send_due(
                    &mut conn,
                    &portale::platform::settings::Settings::default(),
                    now,
                )
                .unwrap()
            })
        })
        .collect();
    let mut sent = 0;
    for job in jobs {
        sent += job.await.unwrap();
    }
    let tomorrow_is_tomorrow = portale::platform::italian_time::local(now).date()
        + chrono::Duration::days(1)
        == portale::platform::italian_time::local(tomorrow.starts_at.and_utc()).date();
    assert_eq!(sent, usize::from(tomorrow_is_tomorrow));
}
