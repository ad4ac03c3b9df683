//! Issue 14 over HTTP: desks, availability, bookings that never exceed the places, the
//! calendar file, cancelling, the office's agenda, moves and attendance, the reminder.

mod booking;
mod office;

use serde_json::{json, Value};

use crate::certificates::Demo;

pub async fn desks(demo: &Demo) -> Vec<Value> {
    let body: Value = demo.app.get("/api/v1/desks").await.json().await.unwrap();
    body["items"].as_array().unwrap().clone()
}

pub async fn anagrafe(demo: &Demo) -> Value {
    desks(demo)
        .await
        .into_iter()
        .find(|d| d["area"] == "anagrafe")
        .unwrap()
}

/// The first free slot of the desk three days from now or later (past the cancellation
/// notice of the demo desks).
pub async fn first_free(demo: &Demo, desk_id: &str) -> (String, String) {
    let from = chrono::Utc::now().date_naive() + chrono::Duration::days(3);
    let availability: Value = demo
        .app
        .get(&format!("/api/v1/desks/{desk_id}/availability?from={from}"))
        .await
        .json()
        .await
        .unwrap();
    let day = availability["days"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["bookable"] == true)
        .expect("a bookable day");
    (
        day["date"].as_str().unwrap().to_owned(),
        day["slots"][0]["starts_at"].as_str().unwrap().to_owned(),
    )
}

pub async fn book(demo: &Demo, token: &str, body: Value, key: Option<&str>) -> (u16, Value) {
    let mut request = demo
        .app
        .client
        .post(demo.app.url("/api/v1/appointments"))
        .bearer_auth(token)
        .json(&body);
    if let Some(key) = key {
        request = request.header("Idempotency-Key", key);
    }
    let response = request.send().await.unwrap();
    let status = response.status().as_u16();
    (status, response.json().await.unwrap())
}

pub fn booking(desk: &Value, starts_at: &str) -> Value {
    json!({"desk_id": desk["id"], "starts_at": starts_at, "topic": desk["topics"][0], "notes": "Porto i documenti"})
}

/// The first working day (Monday to Friday, no holiday) `days` days from now or later.
pub fn working_day_after(days: i64, weekday: Option<chrono::Weekday>) -> chrono::NaiveDate {
    use chrono::Datelike;
    let mut date = chrono::Utc::now().date_naive() + chrono::Duration::days(days);
    while !portale::platform::italian_calendar::is_working_day(
        date,
        portale::platform::italian_calendar::PatronDay::parse("11-11"),
    ) || weekday.is_some_and(|w| date.weekday() != w)
    {
        date += chrono::Duration::days(1);
    }
    date
}

/// RFC 3339 of a local time in Rome that day.
pub fn rome(date: chrono::NaiveDate, hour: u32, minute: u32) -> String {
    let local = date.and_hms_opt(hour, minute, 0).unwrap();
    let utc = portale::platform::italian_time::from_local(local);
    let offset = portale::platform::italian_time::offset_hours(utc);
    format!("{}+0{offset}:00", local.format("%Y-%m-%dT%H:%M:%S"))
}
