//! `cargo bench --bench appointments`: a desk's availability over three months while it is
//! busy, and 1,000 bookings racing for 100 places, over HTTP against the real server
//! (release, 2 workers, SQLite; PostgreSQL with `BENCH_POSTGRES_URL`), next to the health
//! check as the floor of the same run.
#![allow(clippy::unwrap_used)] // a benchmark, like a test: a failed call should stop it loudly

mod support;

use std::net::TcpListener;
use std::sync::Arc;
use std::time::{Duration, Instant};

use futures_util::StreamExt;
use serde_json::{json, Value};

use portale::platform::db::Database;
use portale::platform::settings::{Secret, Settings};
use portale::registry::rules::fiscal_code::{FiscalCode, PersonalData};
use portale::registry::rules::sex::Sex;

const RACERS: usize = 1_000;
const PLACES: usize = 100;

fn percentile(times: &mut [Duration], p: usize) -> f64 {
    times.sort_unstable();
    times[(times.len() * p / 100).min(times.len() - 1)].as_secs_f64() * 1e3
}

fn main() {
    let dir = tempfile::tempdir().expect("temp dir");
    let settings = Settings {
        database_url: Some(Secret(support::database_url("appointments", dir.path()))),
        data_dir: dir.path().to_path_buf(),
        demo: true,
        demo_persons: 500,
        workers: Some(2),
        ..Settings::default()
    };
    let db = portale::open_database(&settings).expect("database");
    portale::demo::prepare(&db, &settings).expect("demo");
    let listener = TcpListener::bind("127.0.0.1:0").expect("port");
    let base = format!("http://{}", listener.local_addr().expect("address"));
    let settings = Arc::new(settings);
    let (server_db, server_settings) = (db.clone(), settings.clone());
    std::thread::spawn(move || {
        actix_web::rt::System::new().block_on(async move {
            portale::build_server(server_settings, server_db, listener)
                .expect("server")
                .await
                .expect("served");
        })
    });
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("runtime");
    runtime.block_on(run(reqwest::Client::new(), base, db, settings));
}

async fn run(http: reqwest::Client, base: String, db: Database, settings: Arc<Settings>) {
    for _ in 0..300 {
        if http.get(format!("{base}/readyz")).send().await.is_ok() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let credentials: Value = serde_json::from_str(
        &std::fs::read_to_string(settings.data_dir.join("demo-credentials.json"))
            .expect("credentials"),
    )
    .expect("json");
    let who = &credentials["operator"];
    let first: Value = http
        .post(format!("{base}/api/v1/auth/login"))
        .json(&json!({"user_id": who["username"], "password": who["password"]}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let changed: Value = http
        .post(format!("{base}/api/v1/auth/password"))
        .bearer_auth(first["access_token"].as_str().unwrap())
        .json(&json!({"current_password": who["password"], "new_password": "Sportelli2026bench"}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let operator = changed["access_token"].as_str().unwrap().to_owned();

    // A busy desk: open every weekday 8-18 in 10-minute slots, 100 places, 90 days ahead.
    let hours: Vec<Value> = (1..=5)
        .map(|d| json!({"weekday": d, "opens": "08:00", "closes": "18:00"}))
        .collect();
    let desk: Value = http
        .post(format!("{base}/api/v1/desks"))
        .bearer_auth(&operator)
        .json(&json!({
            "name": "Sportello di prova", "area": "anagrafe", "location": "Piazza del Municipio, 1",
            "topics": ["Certificati"], "hours": hours, "slot_minutes": 10, "places_per_slot": PLACES,
            "horizon_days": 120, "min_notice_hours": 0, "cancel_notice_hours": 0, "max_active_per_citizen": 5, "active": true
        }))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let desk_id = desk["id"].as_str().expect("desk").to_owned();
    let from = chrono::Utc::now().date_naive() + chrono::Duration::days(1);
    let to = from + chrono::Duration::days(90);
    // Every slot of the three months partly booked, straight into the counters.
    let availability: Value = http
        .get(format!(
            "{base}/api/v1/desks/{desk_id}/availability?from={from}&to={to}"
        ))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let starts: Vec<String> = availability["days"]
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
        .collect();
    {
        use diesel::prelude::*;
        use portale::platform::db::schema::slot_counters;
        let mut conn = db.connection().expect("connection");
        portale::platform::db::transaction(&mut conn, |conn| {
            for (i, start) in starts.iter().enumerate() {
                let at = chrono::DateTime::parse_from_rfc3339(start)
                    .unwrap()
                    .naive_utc();
                diesel::insert_into(slot_counters::table)
                    .values((
                        slot_counters::desk_id.eq(&desk_id),
                        slot_counters::starts_at.eq(at),
                        slot_counters::booked.eq((i % 97) as i32),
                    ))
                    .execute(conn)?;
            }
            Ok::<_, diesel::result::Error>(())
        })
        .expect("counters");
    }
    println!("{} slots over 90 days, all partly booked", starts.len());

    let floor_started = Instant::now();
    let floor: Vec<u16> = futures_util::stream::iter(0..4_000)
        .map(|_| {
            let http = http.clone();
            let base = base.clone();
            async move {
                http.get(format!("{base}/healthz"))
                    .send()
                    .await
                    .map_or(599, |r| r.status().as_u16())
            }
        })
        .buffer_unordered(8)
        .collect()
        .await;
    println!(
        "{:60} {:>8.0} req/s",
        "GET /healthz (floor of this run), 8 in flight",
        floor.len() as f64 / floor_started.elapsed().as_secs_f64()
    );

    let mut alone = Vec::new();
    for _ in 0..50 {
        let t0 = Instant::now();
        let response = http
            .get(format!(
                "{base}/api/v1/desks/{desk_id}/availability?from={from}&to={to}"
            ))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 200);
        response.bytes().await.unwrap();
        alone.push(t0.elapsed());
    }
    println!(
        "{:60} median {:>6.2} ms  p99 {:>6.2} ms",
        "GET availability, 90 days of a busy desk, one at a time",
        percentile(&mut alone.clone(), 50),
        percentile(&mut alone, 99)
    );

    // The same work without HTTP and JSON: the desk, the counters, the slots.
    let mut server = Vec::new();
    let mut conn = db.connection().expect("connection");
    for _ in 0..50 {
        let t0 = Instant::now();
        let desk = portale::appointments::desks::find(&mut conn, &desk_id).expect("desk");
        let booked = portale::appointments::store::slots::booked_between(
            &mut conn,
            &desk_id,
            from.and_hms_opt(0, 0, 0).unwrap(),
            (to + chrono::Duration::days(1))
                .and_hms_opt(0, 0, 0)
                .unwrap(),
        )
        .expect("counters");
        let days = desk
            .schedule(&settings)
            .availability(from, to, chrono::Utc::now(), &|at| {
                booked.get(&at.naive_utc()).copied().unwrap_or(0)
            });
        std::hint::black_box(days);
        server.push(t0.elapsed());
    }
    drop(conn);
    println!(
        "{:60} median {:>6.2} ms",
        "  of which the desk, the counters and the slots",
        percentile(&mut server, 50)
    );

    // 1,000 bookings for the 100 places of one slot, 32 in flight.
    let slot = starts[starts.len() / 2].clone();
    {
        use diesel::prelude::*;
        use portale::platform::db::schema::slot_counters;
        let mut conn = db.connection().expect("connection");
        let at = chrono::DateTime::parse_from_rfc3339(&slot)
            .unwrap()
            .naive_utc();
        diesel::update(
            slot_counters::table
                .filter(slot_counters::desk_id.eq(&desk_id))
                .filter(slot_counters::starts_at.eq(at)),
        )
        .set(slot_counters::booked.eq(0))
        .execute(&mut conn)
        .expect("reset");
    }
    let started = Instant::now();
    let results: Vec<(u16, Duration)> = futures_util::stream::iter(0..RACERS)
        .map(|i| {
            let (http, base, operator, desk_id, slot) = (http.clone(), base.clone(), operator.clone(), desk_id.clone(), slot.clone());
            async move {
                let birth = chrono::NaiveDate::from_ymd_opt(1940, 1, 1).unwrap_or_default() + chrono::Duration::days(i as i64 * 11);
                let code = FiscalCode::compute(&PersonalData { surname: "GARA", name: "LUCIA", sex: Sex::F, birth_date: birth, birth_place_code: "H501" }).expect("code");
                let t0 = Instant::now();
                let status = http
                    .post(format!("{base}/api/v1/appointments"))
                    .bearer_auth(&operator)
                    .json(&json!({"desk_id": desk_id, "starts_at": slot, "topic": "Certificati", "fiscal_code": code.as_str(), "surname": "GARA", "name": "LUCIA"}))
                    .send()
                    .await
                    .map_or(599, |r| r.status().as_u16());
                (status, t0.elapsed())
            }
        })
        .buffer_unordered(32)
        .collect()
        .await;
    let elapsed = started.elapsed();
    let winners = results.iter().filter(|(s, _)| *s == 201).count();
    let full = results.iter().filter(|(s, _)| *s == 409).count();
    let mut times: Vec<Duration> = results.iter().map(|(_, t)| *t).collect();
    println!(
        "{:60} {winners} booked, {full} told the place is gone, {} other; {:.0} req/s, p50 {:.1} ms, p99 {:.1} ms",
        format!("POST /appointments, {RACERS} racing for {PLACES} places (32 in flight)"),
        RACERS - winners - full,
        RACERS as f64 / elapsed.as_secs_f64(),
        percentile(&mut times.clone(), 50),
        percentile(&mut times, 99),
    );
    assert_eq!(winners, PLACES, "exactly the capacity wins");
}
