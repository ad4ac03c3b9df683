//! The app under test: built by the same function as `portale serve`, bound to port 0,
//! with a database of its own — a temporary SQLite file, or, when
//! `PORTALE_TEST_DATABASE_URL` names a PostgreSQL server, a database cloned from a
//! migrated template and dropped afterwards.

use std::net::TcpListener;
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, OnceLock};

use diesel::connection::SimpleConnection;
use diesel::{Connection, PgConnection};
use portale::platform::db::Database;
use portale::platform::settings::{Secret, Settings};

pub struct TestApp {
    pub address: String,
    pub client: reqwest::Client,
    pub data_dir: tempfile::TempDir,
    pub db: Database,
    _database: TestDatabase,
}

impl TestApp {
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.address)
    }

    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client
            .get(self.url(path))
            .send()
            .await
            .expect("request")
    }

    pub async fn post_json(&self, path: &str, body: &serde_json::Value) -> reqwest::Response {
        self.client
            .post(self.url(path))
            .json(body)
            .send()
            .await
            .expect("request")
    }
}

pub async fn spawn_app() -> TestApp {
    spawn_app_with(|_| {}).await
}

pub async fn spawn_app_with(configure: impl FnOnce(&mut Settings)) -> TestApp {
    spawn_app_on(
        TcpListener::bind("127.0.0.1:0").expect("bind port 0"),
        configure,
    )
    .await
}

/// As [`spawn_app_with`], on a listener the caller bound: its address can go into the
/// settings (e.g. as the public base URL).
pub async fn spawn_app_on(listener: TcpListener, configure: impl FnOnce(&mut Settings)) -> TestApp {
    let data_dir = tempfile::tempdir().expect("temp dir");
    let database = TestDatabase::create(&data_dir.path().join("portale.sqlite3"));
    let mut settings = Settings {
        database_url: Some(Secret(database.url.clone())),
        data_dir: data_dir.path().to_path_buf(),
        workers: Some(1),
        ..Settings::default()
    };
    configure(&mut settings);
    let scheme = if settings.tls_enabled() {
        "https"
    } else {
        "http"
    };
    let db = portale::open_database(&settings).expect("database opens and migrates");
    if settings.demo {
        portale::demo::prepare(&db, &settings).expect("demo data");
    }
    let address = format!("{scheme}://{}", listener.local_addr().expect("local addr"));
    let server =
        portale::build_server(Arc::new(settings), db.clone(), listener).expect("server builds");
    tokio::spawn(server);
    TestApp {
        address,
        client: reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .expect("client"),
        data_dir,
        db: db.clone(),
        _database: database,
    }
}

/// A migrated, empty database for one test, on the backend the environment selects.
pub struct TestDatabase {
    pub url: String,
    postgres: Option<(String, String)>,
}

pub fn postgres_admin_url() -> Option<String> {
    std::env::var("PORTALE_TEST_DATABASE_URL")
        .ok()
        .filter(|u| u.starts_with("postgres"))
}

impl TestDatabase {
    pub fn create(sqlite_path: &std::path::Path) -> TestDatabase {
        let Some(admin_url) = postgres_admin_url() else {
            return TestDatabase {
                url: sqlite_path.to_string_lossy().into_owned(),
                postgres: None,
            };
        };
        static COUNTER: AtomicUsize = AtomicUsize::new(0);
        // CREATE DATABASE … TEMPLATE fails while another copy of the template is being
        // made, so clones are made one at a time.
        static CLONING: Mutex<()> = Mutex::new(());
        let template = template_database(&admin_url);
        let name = format!(
            "portale_test_{}_{}",
            std::process::id(),
            COUNTER.fetch_add(1, Ordering::SeqCst)
        );
        {
            let _one_at_a_time = CLONING.lock().unwrap_or_else(|e| e.into_inner());
            let mut admin =
                PgConnection::establish(&admin_url).expect("PostgreSQL admin connection");
            admin
                .batch_execute(&format!("CREATE DATABASE {name} TEMPLATE {template}"))
                .expect("clone the template database");
        }
        TestDatabase {
            url: database_url(&admin_url, &name),
            postgres: Some((admin_url, name)),
        }
    }
}

impl Drop for TestDatabase {
    fn drop(&mut self) {
        if let Some((admin_url, name)) = &self.postgres {
            if let Ok(mut admin) = PgConnection::establish(admin_url) {
                let _ =
                    admin.batch_execute(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"));
            }
        }
    }
}

/// One migrated template per test process.
fn template_database(admin_url: &str) -> &'static str {
    static TEMPLATE: OnceLock<String> = OnceLock::new();
    TEMPLATE.get_or_init(|| {
        let name = format!("portale_template_{}", std::process::id());
        let mut admin = PgConnection::establish(admin_url).expect("PostgreSQL admin connection");
        for statement in [
            format!("DROP DATABASE IF EXISTS {name}"),
            format!("CREATE DATABASE {name}"),
        ] {
            admin
                .batch_execute(&statement)
                .expect("create the template database");
        }
        let db =
            Database::connect(&database_url(admin_url, &name), 1).expect("connect to the template");
        db.migrate().expect("migrate the template");
        drop(db);
        name
    })
}

fn database_url(admin_url: &str, name: &str) -> String {
    let base = admin_url
        .rsplit_once('/')
        .map(|(base, _)| base)
        .unwrap_or(admin_url);
    format!("{base}/{name}")
}

pub fn repository_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

pub async fn problem(response: reqwest::Response) -> (u16, String, serde_json::Value) {
    let status = response.status().as_u16();
    let content_type = response
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    let body: serde_json::Value = response.json().await.expect("a JSON problem body");
    (status, content_type, body)
}

/// An app with a small demo municipality and the accounts of API.md.
pub async fn spawn_demo_app() -> (TestApp, serde_json::Value) {
    spawn_demo_app_with(|_| {}).await
}

/// As [`spawn_demo_app`], with more settings.
pub async fn spawn_demo_app_with(
    configure: impl FnOnce(&mut Settings),
) -> (TestApp, serde_json::Value) {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind port 0");
    spawn_demo_app_on(listener, configure).await
}

/// As [`spawn_demo_app_with`], on a listener the caller bound.
pub async fn spawn_demo_app_on(
    listener: TcpListener,
    configure: impl FnOnce(&mut Settings),
) -> (TestApp, serde_json::Value) {
    let app = spawn_app_on(listener, |s| {
        s.demo = true;
        s.demo_persons = 300;
        configure(s);
    })
    .await;
    let file = std::fs::read_to_string(app.data_dir.path().join("demo-credentials.json"))
        .expect("credentials");
    let credentials = serde_json::from_str(&file).expect("credentials JSON");
    (app, credentials)
}

impl TestApp {
    pub async fn login(&self, body: serde_json::Value) -> reqwest::Response {
        self.post_json("/api/v1/auth/login", &body).await
    }

    /// Logs in and returns the access token; panics unless the login succeeds.
    pub async fn token(&self, body: serde_json::Value) -> String {
        let response = self.login(body).await;
        assert_eq!(response.status(), 200, "login failed");
        let json: serde_json::Value = response.json().await.expect("login JSON");
        json["access_token"]
            .as_str()
            .expect("access token")
            .to_owned()
    }

    pub async fn get_as(&self, path: &str, token: &str) -> reqwest::Response {
        self.client
            .get(self.url(path))
            .bearer_auth(token)
            .send()
            .await
            .expect("request")
    }

    pub async fn post_as(
        &self,
        path: &str,
        token: &str,
        body: &serde_json::Value,
    ) -> reqwest::Response {
        self.client
            .post(self.url(path))
            .bearer_auth(token)
            .json(body)
            .send()
            .await
            .expect("request")
    }
}

/// Logs a demo staff member (`operator` or `admin`) in and makes the forced password
/// change; returns a token that works everywhere their permissions allow.
pub async fn staff_token(app: &TestApp, credentials: &serde_json::Value, who: &str) -> String {
    let username = credentials[who]["username"]
        .as_str()
        .expect("staff username");
    let password = &credentials[who]["password"];
    let first = app
        .token(serde_json::json!({"username": username, "password": password}))
        .await;
    let body = serde_json::json!({"current_password": password, "new_password": "Gestione2026"});
    let changed = app.post_as("/api/v1/auth/password", &first, &body).await;
    assert_eq!(changed.status(), 200, "forced password change");
    let changed: serde_json::Value = changed.json().await.expect("session JSON");
    changed["access_token"]
        .as_str()
        .expect("access token")
        .to_owned()
}

/// The account id of the citizen with `fiscal_code`, as the back office lists it.
pub async fn citizen_account_id(
    app: &TestApp,
    admin: &str,
    fiscal_code: &serde_json::Value,
) -> String {
    let users: serde_json::Value = app
        .get_as("/api/v1/admin/users?role=citizen", admin)
        .await
        .json()
        .await
        .expect("users JSON");
    users
        .as_array()
        .expect("a list")
        .iter()
        .find(|u| u["fiscal_code"] == *fiscal_code)
        .expect("the citizen's account")["id"]
        .as_str()
        .expect("an id")
        .to_owned()
}

/// Adds a citizen account with this codice fiscale and status.
pub fn insert_account(app: &TestApp, code: &str, status: &str) {
    let account = portale::accounts::store::accounts::AccountRow {
        id: uuid::Uuid::now_v7().to_string(),
        role: "citizen".to_owned(),
        fiscal_code: Some(code.to_owned()),
        username: None,
        surname: "Prova".to_owned(),
        name: "Persona".to_owned(),
        email: Some("persona@example.org".to_owned()),
        password_hash: None,
        status: status.to_owned(),
        must_change_password: true,
        created_at: chrono::Utc::now().naive_utc(),
    };
    portale::accounts::store::accounts::insert(&mut app.db.connection().unwrap(), &account)
        .unwrap();
}

/// (action, actor label, details) of every audit entry, oldest first.
pub fn audit_entries(app: &TestApp) -> Vec<(String, String, serde_json::Value)> {
    use diesel::prelude::*;
    use portale::platform::db::schema::audit_log;
    let rows: Vec<(String, String, String)> = audit_log::table
        .order(audit_log::id)
        .select((
            audit_log::action,
            audit_log::actor_label,
            audit_log::details,
        ))
        .load(&mut *app.db.connection().unwrap())
        .unwrap();
    rows.into_iter()
        .map(|(action, actor, details)| (action, actor, serde_json::from_str(&details).unwrap()))
        .collect()
}
