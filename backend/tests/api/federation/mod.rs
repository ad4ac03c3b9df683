//! SPID/CIE login through an OpenID Connect Federation made for the tests (`server`,
//! `provider`): the demo portal is configured with its trust anchor and identity
//! provider, and each test walks the browser's way — start, provider, callback, ticket.

mod entity;
mod login;
mod provider;
mod refusals;
mod server;

use std::collections::HashMap;
use std::net::TcpListener;
use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

use diesel::prelude::*;
use serde_json::Value;

use crate::helpers::TestDatabase;
use portale::platform::db::Database;
use portale::platform::jose::rsa_key::{KeyUse, RsaKey};
use portale::platform::settings::federation::{
    FederationSettings, ProviderKind, ProviderSettings, TrustAnchorSettings,
};
use portale::platform::settings::{Secret, Settings};
use server::TestFederation;

/// The provider id of the test identity provider in the portal's settings.
pub const PROVIDER: &str = "testid";

/// The demo portal, reachable at the address its settings give as its public base URL:
/// the portal's entity id and `client_id` are that URL, so the federation must see the
/// address the tests call. (`helpers::spawn_app_with` binds its port after the settings
/// are made and leaves `public_base_url` unset, so its apps call themselves
/// `http://127.0.0.1:8080`.)
pub struct Portal {
    pub address: String,
    pub client: reqwest::Client,
    pub db: Database,
    pub credentials: Value,
    pub data_dir: tempfile::TempDir,
    _database: TestDatabase,
}

impl Portal {
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.address)
    }

    pub async fn get(&self, path_or_url: &str) -> reqwest::Response {
        let url = if path_or_url.starts_with("http") {
            path_or_url.to_owned()
        } else {
            self.url(path_or_url)
        };
        self.client.get(url).send().await.expect("request")
    }

    pub async fn post_json(&self, path: &str, body: &Value) -> reqwest::Response {
        self.client
            .post(self.url(path))
            .json(body)
            .send()
            .await
            .expect("request")
    }

    pub fn fiscal_code(&self, who: &str) -> String {
        self.credentials[who]["fiscal_code"]
            .as_str()
            .expect("a fiscal code")
            .to_owned()
    }
}

pub async fn spawn_portal(configure: impl FnOnce(&mut Settings)) -> Portal {
    let data_dir = tempfile::tempdir().expect("temp dir");
    let database = TestDatabase::create(&data_dir.path().join("portale.sqlite3"));
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind port 0");
    let address = format!("http://{}", listener.local_addr().expect("local addr"));
    let mut settings = Settings {
        database_url: Some(Secret(database.url.clone())),
        data_dir: data_dir.path().to_path_buf(),
        workers: Some(1),
        demo: true,
        demo_persons: 300,
        public_base_url: Some(address.clone()),
        ..Settings::default()
    };
    configure(&mut settings);
    let db = portale::open_database(&settings).expect("database opens and migrates");
    portale::demo::prepare(&db, &settings).expect("demo data");
    let server =
        portale::build_server(Arc::new(settings), db.clone(), listener).expect("server builds");
    tokio::spawn(server);
    let file = std::fs::read_to_string(data_dir.path().join("demo-credentials.json"))
        .expect("credentials");
    Portal {
        address,
        client: reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .expect("client"),
        db,
        credentials: serde_json::from_str(&file).expect("credentials JSON"),
        data_dir,
        _database: database,
    }
}

/// The portal's three federation keys, generated once for all tests of the process
/// (the default, a key generated into each data directory, is covered by `entity`).
fn portal_key_files() -> &'static (PathBuf, PathBuf, PathBuf) {
    static FILES: OnceLock<(PathBuf, PathBuf, PathBuf)> = OnceLock::new();
    FILES.get_or_init(|| {
        let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("federation-test-keys");
        let file = |name: &str, key_use: KeyUse| {
            let path = dir.join(name);
            // Another test process may be writing the same file: then read it.
            RsaKey::load_or_generate(&path, key_use)
                .or_else(|_| RsaKey::load_or_generate(&path, key_use))
                .expect("a portal key");
            path
        };
        (
            file("federation.pem", KeyUse::Signature),
            file("signing.pem", KeyUse::Signature),
            file("encryption.pem", KeyUse::Encryption),
        )
    })
}

/// The `[federation]` settings naming the test federation's anchor and provider.
/// The levels and the lifetime are set explicitly: `FederationSettings::default()`
/// gives 0 for them (the serde defaults, 2 and 48, apply only to a settings file).
pub fn federation_settings(federation: &TestFederation, shared_keys: bool) -> FederationSettings {
    let (federation_key, signing_key, encryption_key) = portal_key_files().clone();
    FederationSettings {
        trust_anchors: vec![TrustAnchorSettings {
            entity_id: federation.ta(),
            jwks: None,
        }],
        providers: vec![ProviderSettings {
            id: PROVIDER.to_owned(),
            kind: ProviderKind::Spid,
            name: "Test ID".to_owned(),
            entity_id: federation.op(),
            logo: Some("/img/spid-testid.svg".to_owned()),
        }],
        spid_level: 2,
        cie_level: 2,
        entity_configuration_hours: 48,
        federation_key_file: shared_keys.then_some(federation_key),
        signing_key_file: shared_keys.then_some(signing_key),
        encryption_key_file: shared_keys.then_some(encryption_key),
        ..FederationSettings::default()
    }
}

/// A test federation, and the demo portal that belongs to it.
pub async fn spawn_federated() -> (TestFederation, Portal) {
    let federation = TestFederation::start().await;
    let settings = federation_settings(&federation, true);
    let portal = spawn_portal(|s| s.federation = settings).await;
    federation.register_portal(&portal.address).await;
    (federation, portal)
}

pub fn location(response: &reqwest::Response) -> String {
    assert_eq!(response.status(), 302, "a redirect");
    response.headers()["location"]
        .to_str()
        .expect("an ASCII location")
        .to_owned()
}

/// The query of an address as a map.
pub fn query_of(address: &str) -> HashMap<String, String> {
    let url = url::Url::parse(address).expect("an absolute URL");
    url.query_pairs().into_owned().collect()
}

/// Starts a login: the address of the provider's authorization endpoint the portal
/// sends the browser to.
pub async fn start(portal: &Portal) -> String {
    let response = portal
        .get(&format!(
            "/api/v1/auth/oidc/{PROVIDER}/start?return_to=/area-personale"
        ))
        .await;
    location(&response)
}

/// The provider's answer to the authorization request: the portal's callback address
/// with a code and the state.
pub async fn authorize(portal: &Portal, authorization: &str) -> String {
    let response = portal.get(authorization).await;
    let callback = location(&response);
    assert!(
        callback.starts_with(&portal.url("/api/v1/auth/oidc/callback?")),
        "{callback}"
    );
    callback
}

/// The whole way there and back: where the portal finally sends the browser.
pub async fn log_in(portal: &Portal) -> String {
    let authorization = start(portal).await;
    let callback = authorize(portal, &authorization).await;
    location(&portal.get(&callback).await)
}

/// The ticket in the result page's fragment, and the return path.
pub fn ticket_of(landing: &str) -> (String, String) {
    let fragment = landing
        .strip_prefix("/accedi/esito#")
        .unwrap_or_else(|| panic!("not a successful landing: {landing}"));
    let pairs: HashMap<String, String> = form_urlencoded::parse(fragment.as_bytes())
        .into_owned()
        .collect();
    (pairs["ticket"].clone(), pairs["ritorno"].clone())
}

/// The session a ticket is worth; panics unless the portal gives one.
pub async fn redeem(portal: &Portal, ticket: &str) -> Value {
    let response = portal
        .post_json(
            "/api/v1/auth/oidc/session",
            &serde_json::json!({"ticket": ticket}),
        )
        .await;
    assert_eq!(response.status(), 200, "the ticket is redeemed");
    response.json().await.expect("a session")
}

pub async fn me(portal: &Portal, access_token: &str) -> Value {
    let response = portal
        .client
        .get(portal.url("/api/v1/me"))
        .bearer_auth(access_token)
        .send()
        .await
        .expect("request");
    assert_eq!(response.status(), 200);
    response.json().await.expect("a profile")
}

/// (action, details) of every audit entry, oldest first.
pub fn audit_entries(portal: &Portal) -> Vec<(String, Value)> {
    use portale::platform::db::schema::audit_log;
    let rows: Vec<(String, String)> = audit_log::table
        .order(audit_log::id)
        .select((audit_log::action, audit_log::details))
        .load(&mut *portal.db.connection().expect("connection"))
        .expect("audit rows");
    rows.into_iter()
        .map(|(action, details)| {
            (
                action,
                serde_json::from_str(&details).expect("JSON details"),
            )
        })
        .collect()
}

/// How many accounts and refresh tokens (sessions) there are.
pub fn accounts_and_sessions(portal: &Portal) -> (i64, i64) {
    use portale::platform::db::schema::{accounts, refresh_tokens};
    let mut conn = portal.db.connection().expect("connection");
    let accounts = accounts::table
        .count()
        .get_result(&mut *conn)
        .expect("count");
    let sessions = refresh_tokens::table
        .count()
        .get_result(&mut *conn)
        .expect("count");
    (accounts, sessions)
}

/// (status, name, surname) of the account with this codice fiscale.
pub fn account_of(portal: &Portal, fiscal_code: &str) -> Option<(String, String, String)> {
    use portale::platform::db::schema::accounts;
    accounts::table
        .filter(accounts::fiscal_code.eq(fiscal_code))
        .select((accounts::status, accounts::name, accounts::surname))
        .first(&mut *portal.db.connection().expect("connection"))
        .optional()
        .expect("query")
}

/// Adds a citizen account with this codice fiscale and status.
pub fn insert_account(portal: &Portal, code: &str, status: &str) {
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
    portale::accounts::store::accounts::insert(
        &mut portal.db.connection().expect("connection"),
        &account,
    )
    .expect("insert");
}
