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
use std::sync::OnceLock;

use diesel::prelude::*;
use serde_json::Value;

use crate::helpers::{spawn_demo_app_on, TestApp};
use portale::platform::jose::rsa_key::{KeyUse, RsaKey};
use portale::platform::settings::federation::{
    FederationSettings, ProviderKind, ProviderSettings, TrustAnchorSettings,
};
use portale::platform::settings::Settings;
use server::TestFederation;

/// The provider id of the test identity provider in the portal's settings.
pub const PROVIDER: &str = "testid";

/// The demo portal, reachable at the address its settings give as its public base URL:
/// the portal's entity id and `client_id` are that URL, so the federation must see the
/// address the tests call (without one, an app calls itself `http://127.0.0.1:8080`).
pub struct Portal {
    app: TestApp,
    pub credentials: Value,
}

impl std::ops::Deref for Portal {
    type Target = TestApp;

    fn deref(&self) -> &TestApp {
        &self.app
    }
}

impl Portal {
    /// GET of a path of the portal, or of a whole URL (a `Location` it answered).
    pub async fn get(&self, path_or_url: &str) -> reqwest::Response {
        if path_or_url.starts_with("http") {
            self.client.get(path_or_url).send().await.expect("request")
        } else {
            self.app.get(path_or_url).await
        }
    }

    pub fn fiscal_code(&self, who: &str) -> String {
        self.credentials[who]["fiscal_code"]
            .as_str()
            .expect("a fiscal code")
            .to_owned()
    }
}

pub async fn spawn_portal(configure: impl FnOnce(&mut Settings)) -> Portal {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind port 0");
    let address = format!("http://{}", listener.local_addr().expect("local addr"));
    let (app, credentials) = spawn_demo_app_on(listener, |settings| {
        settings.public_base_url = Some(address);
        configure(settings);
    })
    .await;
    Portal { app, credentials }
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
    crate::helpers::audit_entries(portal)
        .into_iter()
        .map(|(action, _, details)| (action, details))
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
    crate::helpers::insert_account(portal, code, status);
}
