//! `cargo bench --bench practices`: declarations of residence over HTTP against the real
//! server (release, 2 workers, SQLite; PostgreSQL with `BENCH_POSTGRES_URL`), next to the
//! health check as the floor of the same run.
//!
//! Newcomers (non-resident accounts) declare, so that each has a declaration of its own
//! open (one open declaration per family or person is the rule). Measured: submitting a
//! completed draft (checks, protocol number, receipt PDF, history, audit, mail), approving
//! one (a new person and family written into the registry with the state, the history and
//! the audit entry), and the office's first page of a queue of 10,000 practices.

mod support;

use std::net::TcpListener;
use std::sync::Arc;
use std::time::{Duration, Instant};

use futures_util::StreamExt;
use serde_json::{json, Value};

use portale::accounts::store::accounts::{insert, AccountRow};
use portale::platform::db::Database;
use portale::platform::settings::{Secret, Settings};
use portale::registry::rules::fiscal_code::{FiscalCode, PersonalData};
use portale::registry::rules::sex::Sex;

const DECLARANTS: usize = 300;
const CONCURRENCY: usize = 8;
const QUEUE: usize = 10_000;
const PASSWORD: &str = "Dichiarazione2026";

/// Non-resident citizens with valid codici fiscali, active, one password.
fn newcomers(db: &Database) -> Vec<String> {
    let hash = portale::accounts::password::hash(PASSWORD).expect("hash");
    let mut conn = db.connection().expect("connection");
    let names = [
        "ANNA", "MARIA", "GIULIA", "SARA", "ELENA", "LAURA", "MARTA", "CHIARA",
    ];
    let mut codes = Vec::new();
    for i in 0..DECLARANTS {
        let surname = format!(
            "NUOVA{}",
            ["BIANCHI", "ROSSI", "VERDI", "NERI", "GIALLI"][i % 5]
        );
        let name = names[i % names.len()];
        let birth = chrono::NaiveDate::from_ymd_opt(1960 + (i / 365) as i32 % 40, 1, 1)
            .unwrap_or_default()
            + chrono::Duration::days((i % 365) as i64);
        let code = FiscalCode::compute(&PersonalData {
            surname: &surname,
            name,
            sex: Sex::F,
            birth_date: birth,
            birth_place_code: "F205",
        })
        .expect("code");
        insert(
            &mut conn,
            &AccountRow {
                id: uuid::Uuid::now_v7().to_string(),
                role: "citizen".into(),
                fiscal_code: Some(code.as_str().to_owned()),
                username: None,
                surname: surname.clone(),
                name: name.to_owned(),
                email: Some(format!("n{i}@example.org")),
                password_hash: Some(hash.clone()),
                status: "active".into(),
                must_change_password: false,
                created_at: chrono::Utc::now().naive_utc(),
            },
        )
        .expect("account");
        codes.push(format!("{}|{surname}|{name}|{birth}", code.as_str()));
    }
    codes
}

struct Client {
    http: reqwest::Client,
    base: String,
}

impl Client {
    async fn send(
        &self,
        method: reqwest::Method,
        path: &str,
        token: Option<&str>,
        body: Option<Value>,
    ) -> (u16, Value) {
        let mut request = self.http.request(method, format!("{}{path}", self.base));
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        if let Some(body) = body {
            request = request.json(&body);
        }
        let response = request.send().await.expect("request");
        let status = response.status().as_u16();
        (status, response.json().await.unwrap_or(Value::Null))
    }

    async fn login(&self, body: Value) -> String {
        let (status, session) = self
            .send(
                reqwest::Method::POST,
                "/api/v1/auth/login",
                None,
                Some(body),
            )
            .await;
        assert_eq!(status, 200, "{session}");
        session["access_token"].as_str().expect("token").to_owned()
    }
}

/// Runs `calls` with `CONCURRENCY` in flight; prints throughput and p50/p99.
async fn measure<F, Fut>(label: &str, calls: Vec<F>)
where
    F: FnOnce() -> Fut,
    Fut: std::future::Future<Output = u16>,
{
    let count = calls.len();
    let started = Instant::now();
    let latencies: Vec<(Duration, u16)> = futures_util::stream::iter(calls)
        .map(|call| async move {
            let t0 = Instant::now();
            let status = call().await;
            (t0.elapsed(), status)
        })
        .buffer_unordered(CONCURRENCY)
        .collect()
        .await;
    let elapsed = started.elapsed();
    let mut times: Vec<Duration> = latencies.iter().map(|(t, _)| *t).collect();
    times.sort_unstable();
    let failed = latencies.iter().filter(|(_, s)| *s >= 300).count();
    println!(
        "{label:58} {:>8.0} req/s   p50 {:>6.1} ms   p99 {:>6.1} ms   ({count} calls, {failed} failed)",
        count as f64 / elapsed.as_secs_f64(),
        times[count / 2].as_secs_f64() * 1e3,
        times[(count * 99 / 100).min(count - 1)].as_secs_f64() * 1e3,
    );
}

fn main() {
    let dir = tempfile::tempdir().expect("temp dir");
    let settings = Settings {
        database_url: Some(Secret(support::database_url("practices", dir.path()))),
        data_dir: dir.path().to_path_buf(),
        demo: true,
        demo_persons: 2_000,
        workers: Some(2),
        ..Settings::default()
    };
    let db = portale::open_database(&settings).expect("database");
    let credentials = portale::demo::prepare(&db, &settings).expect("demo");
    let _ = credentials;
    let declarants = newcomers(&db);
    let listener = TcpListener::bind("127.0.0.1:0").expect("port");
    let base = format!("http://{}", listener.local_addr().expect("address"));
    let settings = Arc::new(settings);
    let server_db = db.clone();
    let server_settings = settings.clone();
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
    runtime.block_on(run(
        Client {
            http: reqwest::Client::new(),
            base,
        },
        declarants,
        db,
        settings,
    ));
}

async fn run(client: Client, declarants: Vec<String>, db: Database, settings: Arc<Settings>) {
    let client = Arc::new(client);
    for _ in 0..300 {
        if client
            .http
            .get(format!("{}/readyz", client.base))
            .send()
            .await
            .is_ok()
        {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let (_, streets) = client
        .send(reqwest::Method::GET, "/api/v1/streets", None, None)
        .await;
    let street = streets["items"][0]["name"].clone();
    println!("Preparing {DECLARANTS} drafts (login, draft, data, one attachment)…");
    let mut ready = Vec::new();
    for line in &declarants {
        let parts: Vec<&str> = line.split('|').collect();
        let token = client
            .login(json!({"user_id": parts[0], "password": PASSWORD}))
            .await;
        let (_, draft) = client
            .send(
                reqwest::Method::POST,
                "/api/v1/practices",
                Some(&token),
                Some(json!({"type": "cambio-residenza"})),
            )
            .await;
        let id = draft["id"].as_str().expect("id").to_owned();
        let mut data = draft["data"].clone();
        data["previous_place_code"] = json!("F205");
        data["persons"][0]["sex"] = json!("F");
        data["persons"][0]["birth_date"] = json!(parts[3]);
        data["persons"][0]["birth_place_code"] = json!("F205");
        data["persons"][0]["citizenship"] = json!("it");
        data["address"] = json!({"street": street, "house_number": "5"});
        data["occupancy"] = json!({"title": "public_housing"});
        let (status, saved) = client
            .send(
                reqwest::Method::PATCH,
                &format!("/api/v1/practices/{id}"),
                Some(&token),
                Some(json!({"data": data, "step": "summary", "version": draft["version"]})),
            )
            .await;
        // Only the identity document is missing: it is attached next.
        assert!(
            status == 200 && saved["issues"].as_array().map_or(0, Vec::len) == 1,
            "{saved}"
        );
        let form = reqwest::multipart::Form::new()
            .text("document", "documento-identita")
            .part(
                "file",
                reqwest::multipart::Part::bytes(b"%PDF-1.4\n%%EOF\n".to_vec()).file_name("id.pdf"),
            );
        let upload = client
            .http
            .post(format!("{}/api/v1/practices/{id}/attachments", client.base))
            .bearer_auth(&token)
            .multipart(form)
            .send()
            .await
            .expect("upload");
        assert_eq!(upload.status(), 201);
        ready.push((token, id));
    }

    let floor: Vec<_> = (0..4_000)
        .map(|_| {
            let client = client.clone();
            move || async move {
                client
                    .http
                    .get(format!("{}/healthz", client.base))
                    .send()
                    .await
                    .map_or(599, |r| r.status().as_u16())
            }
        })
        .collect();
    measure("GET /healthz (floor of this run)", floor).await;

    let submissions: Vec<_> = ready
        .iter()
        .map(|(token, id)| {
            let client = client.clone();
            let (token, id) = (token.clone(), id.clone());
            move || async move {
                client
                    .send(
                        reqwest::Method::POST,
                        &format!("/api/v1/practices/{id}/submit"),
                        Some(&token),
                        Some(json!({})),
                    )
                    .await
                    .0
            }
        })
        .collect();
    measure(
        "POST /practices/{id}/submit (complete declaration)",
        submissions,
    )
    .await;

    let (_, operator) = (0, {
        let credentials: Value = serde_json::from_str(
            &std::fs::read_to_string(settings.data_dir.join("demo-credentials.json"))
                .expect("credentials"),
        )
        .expect("json");
        let who = &credentials["operator"];
        let first = client
            .login(json!({"user_id": who["username"], "password": who["password"]}))
            .await;
        let (_, changed) = client
            .send(reqwest::Method::POST, "/api/v1/auth/password", Some(&first), Some(json!({"current_password": who["password"], "new_password": "Gestione2026bench"})))
            .await;
        changed["access_token"].as_str().expect("token").to_owned()
    });
    for (_, id) in &ready {
        for action in ["take-charge", "register"] {
            let (status, body) = client
                .send(
                    reqwest::Method::POST,
                    &format!("/api/v1/practices/{id}/{action}"),
                    Some(&operator),
                    Some(json!({})),
                )
                .await;
            assert_eq!(status, 200, "{action}: {body}");
        }
    }
    let approvals: Vec<_> = ready
        .iter()
        .map(|(_, id)| {
            let client = client.clone();
            let (operator, id) = (operator.clone(), id.clone());
            move || async move {
                client
                    .send(
                        reqwest::Method::POST,
                        &format!("/api/v1/practices/{id}/approve"),
                        Some(&operator),
                        Some(json!({})),
                    )
                    .await
                    .0
            }
        })
        .collect();
    measure("POST /practices/{id}/approve (registry written)", approvals).await;

    fill_queue(&db);
    let pages: Vec<_> = (0..400)
        .map(|_| {
            let client = client.clone();
            let operator = operator.clone();
            move || async move {
                client
                    .send(
                        reqwest::Method::GET,
                        "/api/v1/practices?per_page=50",
                        Some(&operator),
                        None,
                    )
                    .await
                    .0
            }
        })
        .collect();
    measure(
        &format!("GET /practices (office queue of {QUEUE}, first page)"),
        pages,
    )
    .await;
    let mut alone = Vec::new();
    for _ in 0..50 {
        let t0 = Instant::now();
        let (status, _) = client
            .send(
                reqwest::Method::GET,
                "/api/v1/practices?per_page=50",
                Some(&operator),
                None,
            )
            .await;
        assert_eq!(status, 200);
        alone.push(t0.elapsed());
    }
    let mut conn = db.connection().expect("connection");
    let filter = portale::practices::store::queue::Filter::default();
    let mut page = Vec::new();
    let mut counts = Vec::new();
    for _ in 0..50 {
        let t0 = Instant::now();
        portale::practices::store::queue::page(&mut conn, &filter, 50, 0).expect("page");
        page.push(t0.elapsed());
        let t0 = Instant::now();
        portale::practices::store::queue::counts(&mut conn, None, None).expect("counts");
        counts.push(t0.elapsed());
    }
    for (label, mut times) in [
        (
            "GET /practices (office queue), one request at a time",
            alone,
        ),
        ("  of which the page query (total and 50 rows)", page),
        ("  of which the counts per state", counts),
    ] {
        times.sort_unstable();
        println!(
            "{label:58} median {:>6.2} ms",
            times[times.len() / 2].as_secs_f64() * 1e3
        );
    }
}

/// 10,000 submitted practices written straight into the table, as a busy year leaves it.
fn fill_queue(db: &Database) {
    use portale::practices::store::practices::{insert, PracticeRow};
    let mut conn = db.connection().expect("connection");
    let account = portale::platform::db::schema::accounts::table;
    use diesel::prelude::*;
    let owner: String = account
        .select(portale::platform::db::schema::accounts::id)
        .first(&mut conn)
        .expect("an account");
    portale::platform::db::transaction(&mut conn, |conn| {
        for i in 0..QUEUE {
            let at = chrono::Utc::now().naive_utc() - chrono::Duration::minutes(i as i64);
            insert(
                conn,
                &PracticeRow {
                    id: uuid::Uuid::now_v7().to_string(),
                    type_code: "cambio-residenza".into(),
                    account_id: owner.clone(),
                    state: ["submitted", "in_progress", "registered", "approved"][i % 4].into(),
                    data_json: "{}".into(),
                    step: "summary".into(),
                    version: 1,
                    applicant_surname: format!("COGNOME{i}"),
                    applicant_name: "NOME".into(),
                    applicant_fiscal_code: format!("CF{i:014}"),
                    family_id: None,
                    open_family_id: None,
                    protocol_year: Some(2025),
                    protocol_number: Some(i as i64 + 1),
                    created_at: at,
                    updated_at: at,
                    submitted_at: Some(at),
                    registration_due: Some(at.date() + chrono::Duration::days(2)),
                    decision_due: Some(at.date() + chrono::Duration::days(45)),
                    registered_at: None,
                    decided_at: None,
                    assignee_id: None,
                    assignee_label: None,
                    decision_note: None,
                    submit_idempotency_key: None,
                    receipt_pdf: None,
                },
            )?;
        }
        Ok::<_, portale::platform::db::DbError>(())
    })
    .expect("queue");
}
