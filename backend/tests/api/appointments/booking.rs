use serde_json::{json, Value};

use super::*;
use crate::certificates::demo;
use crate::helpers::staff_token;

#[tokio::test]
async fn desks_offer_their_free_slots_and_not_their_closed_days() {
    let demo = demo().await;
    let all = desks(&demo).await;
    assert!(all.len() >= 3);
    let desk = anagrafe(&demo).await;
    let id = desk["id"].as_str().unwrap();
    // A week from a Tuesday to the Monday after: the weekend is closed, Tuesday open.
    let tuesday = working_day_after(3, Some(chrono::Weekday::Tue));
    let monday = tuesday + chrono::Duration::days(6);
    let availability: Value = demo
        .app
        .get(&format!(
            "/api/v1/desks/{id}/availability?from={tuesday}&to={monday}"
        ))
        .await
        .json()
        .await
        .unwrap();
    let days = availability["days"].as_array().unwrap();
    assert_eq!(days.len(), 7);
    let day = |date: chrono::NaiveDate| {
        days.iter()
            .find(|d| d["date"] == date.to_string())
            .unwrap()
            .clone()
    };
    for closed in [
        tuesday + chrono::Duration::days(4),
        tuesday + chrono::Duration::days(5),
    ] {
        assert_eq!(day(closed)["closed"], true, "{closed}");
        assert_eq!(day(closed)["bookable"], false, "{closed}");
    }
    let open = day(tuesday);
    assert_eq!(open["closed"], false);
    assert_eq!(open["bookable"], true);
    assert_eq!(open["slots"][0]["time"], "08:30");
    assert_eq!(open["slots"][0]["starts_at"], rome(tuesday, 8, 30));
    // Tuesday afternoons are open too (14:30-17:00 in 15 minutes: 10 slots).
    assert_eq!(open["slots"].as_array().unwrap().len(), 16 + 10);
    let backwards = demo
        .app
        .get(&format!(
            "/api/v1/desks/{id}/availability?from={monday}&to={tuesday}"
        ))
        .await;
    assert_eq!(backwards.status(), 400);
}

#[tokio::test]
async fn a_citizen_books_gets_a_code_and_a_calendar_file_and_cancels() {
    let demo = demo().await;
    let desk = anagrafe(&demo).await;
    let desk_id = desk["id"].as_str().unwrap();
    let (date, starts_at) = first_free(&demo, desk_id).await;
    let (status, booked) = book(
        &demo,
        &demo.citizen,
        booking(&desk, &starts_at),
        Some("prenota-1"),
    )
    .await;
    assert_eq!(status, 201, "{booked}");
    assert_eq!(booked["code"].as_str().unwrap().len(), 6);
    assert_eq!(booked["starts_at"], starts_at);
    assert_eq!(booked["state"], "booked");
    let (status, again) = book(
        &demo,
        &demo.citizen,
        booking(&desk, &starts_at),
        Some("prenota-1"),
    )
    .await;
    assert_eq!((status, &again["id"]), (200, &booked["id"]));

    // The place is taken off the availability.
    let free_after: Value = demo
        .app
        .get(&format!(
            "/api/v1/desks/{desk_id}/availability?from={date}&to={date}"
        ))
        .await
        .json()
        .await
        .unwrap();
    let slot = free_after["days"][0]["slots"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["starts_at"] == starts_at)
        .cloned();
    assert_eq!(
        slot.map(|s| s["free"].clone()),
        Some(json!(desk["places_per_slot"].as_u64().unwrap() - 1))
    );

    let id = booked["id"].as_str().unwrap();
    let ics = demo
        .app
        .get_as(&format!("/api/v1/appointments/{id}/ics"), &demo.citizen)
        .await;
    assert_eq!(ics.status(), 200);
    assert!(ics.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/calendar"));
    let ics = ics.text().await.unwrap();
    assert!(
        ics.contains("METHOD:REQUEST")
            && ics.contains("SEQUENCE:0")
            && ics.contains("TZID:Europe/Rome")
    );
    let uid = ics
        .lines()
        .find(|l| l.starts_with("UID:"))
        .unwrap()
        .to_owned();

    // Nobody else sees it.
    let other = demo
        .app
        .get_as(&format!("/api/v1/appointments/{id}"), &demo.citizen2)
        .await;
    assert_eq!(other.status(), 404);
    let mine: Value = demo
        .app
        .get_as("/api/v1/appointments", &demo.citizen)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(mine["total"], 1);
    assert_eq!(mine["items"][0]["can_cancel"], true);

    let cancelled = demo
        .app
        .client
        .delete(demo.app.url(&format!("/api/v1/appointments/{id}")))
        .bearer_auth(&demo.citizen)
        .send()
        .await
        .unwrap();
    assert_eq!(cancelled.status(), 200);
    let cancelled: Value = cancelled.json().await.unwrap();
    assert_eq!(cancelled["state"], "cancelled");
    let ics = demo
        .app
        .get_as(&format!("/api/v1/appointments/{id}/ics"), &demo.citizen)
        .await
        .text()
        .await
        .unwrap();
    assert!(ics.contains("METHOD:CANCEL") && ics.contains("SEQUENCE:1") && ics.contains(&uid));
    let parsed = read_calendar(&ics);
    assert_eq!(
        (parsed["method"].as_str(), parsed["status"].as_str()),
        (Some("CANCEL"), Some("CANCELLED"))
    );
    assert_eq!(parsed["sequence"], 1);
    let free_again: Value = demo
        .app
        .get(&format!(
            "/api/v1/desks/{desk_id}/availability?from={date}&to={date}"
        ))
        .await
        .json()
        .await
        .unwrap();
    let slot = free_again["days"][0]["slots"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["starts_at"] == starts_at)
        .cloned()
        .unwrap();
    assert_eq!(slot["free"], desk["places_per_slot"]);
}

#[tokio::test]
async fn wrong_bookings_are_refused_and_the_limit_per_citizen_holds() {
    let demo = demo().await;
    let desk = anagrafe(&demo).await;
    let desk_id = desk["id"].as_str().unwrap();
    let saturday = working_day_after(3, Some(chrono::Weekday::Fri)) + chrono::Duration::days(1);
    let (status, body) = book(
        &demo,
        &demo.citizen,
        json!({"desk_id": desk_id, "starts_at": rome(saturday, 9, 0), "topic": desk["topics"][0]}),
        None,
    )
    .await;
    assert_eq!(
        (status, body["errors"][0]["field"].as_str()),
        (422, Some("starts_at")),
        "{body}"
    );
    let (_, starts_at) = first_free(&demo, desk_id).await;
    let (status, body) = book(
        &demo,
        &demo.citizen,
        json!({"desk_id": desk_id, "starts_at": starts_at, "topic": "Pesca sportiva"}),
        None,
    )
    .await;
    assert_eq!(
        (status, body["errors"][0]["field"].as_str()),
        (422, Some("topic"))
    );
    // The demo desk allows two bookings at once per citizen.
    let availability: Value = demo
        .app
        .get(&format!("/api/v1/desks/{desk_id}/availability"))
        .await
        .json()
        .await
        .unwrap();
    let slots: Vec<String> = availability["days"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|d| {
            d["slots"]
                .as_array()
                .unwrap()
                .iter()
                .map(|s| s["starts_at"].as_str().unwrap().to_owned())
        })
        .take(3)
        .collect();
    for starts_at in &slots[..2] {
        let (status, body) = book(&demo, &demo.citizen, booking(&desk, starts_at), None).await;
        assert_eq!(status, 201, "{body}");
    }
    let (status, body) = book(&demo, &demo.citizen, booking(&desk, &slots[2]), None).await;
    assert_eq!(
        (status, body["code"].as_str()),
        (409, Some("too_many_bookings"))
    );
}

/// Valid codici fiscali of made-up women born in Rome, all different.
fn fiscal_code(i: usize) -> String {
    use portale::registry::rules::fiscal_code::{FiscalCode, PersonalData};
    let birth = chrono::NaiveDate::from_ymd_opt(1950, 1, 1).unwrap()
        + chrono::Duration::days(i as i64 * 37);
    FiscalCode::compute(&PersonalData {
        surname: "CORSARO",
        name: "ELENA",
        sex: portale::registry::rules::sex::Sex::F,
        birth_date: birth,
        birth_place_code: "H501",
    })
    .unwrap()
    .as_str()
    .to_owned()
}

#[tokio::test]
async fn two_hundred_people_racing_for_three_places_leave_exactly_three_bookings() {
    let demo = demo().await;
    let operator = staff_token(&demo.app, &demo.credentials, "operator").await;
    let desk = anagrafe(&demo).await;
    let desk_id = desk["id"].as_str().unwrap().to_owned();
    let (_, starts_at) = first_free(&demo, &desk_id).await;
    let places = desk["places_per_slot"].as_u64().unwrap() as usize;
    let attempts: Vec<_> = (0..200)
        .map(|i| {
            let client = demo.app.client.clone();
            let url = demo.app.url("/api/v1/appointments");
            let token = operator.clone();
            let body = json!({
                "desk_id": desk_id, "starts_at": starts_at, "topic": desk["topics"][0],
                "fiscal_code": fiscal_code(i), "surname": "CORSARO", "name": "ELENA"
            });
            tokio::spawn(async move {
                client
                    .post(url)
                    .bearer_auth(token)
                    .json(&body)
                    .send()
                    .await
                    .unwrap()
                    .status()
                    .as_u16()
            })
        })
        .collect();
    let mut statuses = Vec::new();
    for attempt in attempts {
        statuses.push(attempt.await.unwrap());
    }
    assert_eq!(
        statuses.iter().filter(|s| **s == 201).count(),
        places,
        "{statuses:?}"
    );
    assert_eq!(
        statuses.iter().filter(|s| **s == 409).count(),
        200 - places,
        "{statuses:?}"
    );
    let agenda: Value = demo
        .app
        .get_as(
            &format!("/api/v1/desks/{desk_id}/agenda?date={}", &starts_at[..10]),
            &operator,
        )
        .await
        .json()
        .await
        .unwrap();
    let slot = agenda["slots"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["starts_at"] == starts_at)
        .unwrap();
    assert_eq!(slot["appointments"].as_array().unwrap().len(), places);
}

/// The calendar as Python's `icalendar` reads it (a real parser, not our writer's mirror).
fn read_calendar(ics: &str) -> Value {
    let python = std::env::var("PORTALE_TEST_PYTHON")
        .unwrap_or_else(|_| concat!(env!("CARGO_MANIFEST_DIR"), "/../.venv/bin/python").to_owned());
    let script = r#"
import json, sys, icalendar
cal = icalendar.Calendar.from_ical(sys.stdin.buffer.read())
event = next(iter(cal.walk("VEVENT")))
start = event.decoded("DTSTART")
print(json.dumps({
    "method": str(cal["METHOD"]), "uid": str(event["UID"]), "sequence": int(event["SEQUENCE"]),
    "status": str(event["STATUS"]), "start": start.isoformat(), "tzid": str(event["DTSTART"].params["TZID"]),
    "timezones": [str(tz["TZID"]) for tz in cal.walk("VTIMEZONE")],
}))
"#;
    let mut child = std::process::Command::new(&python)
        .args(["-c", script])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| {
            panic!("cannot run {python} ({e}): run scripts/test-all.sh once to create the venv")
        });
    use std::io::Write as _;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(ics.as_bytes())
        .unwrap();
    let output = child.wait_with_output().unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let parsed: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(parsed["timezones"], json!(["Europe/Rome"]));
    parsed
}
