//! SPID and CIE login through the Italian OpenID Connect Federation: the portal is a
//! relying party that publishes its entity configuration, resolves each identity
//! provider's trust chain, sends a signed request object with PKCE, authenticates to the
//! token endpoint with `private_key_jwt`, and checks the ID token and the encrypted,
//! signed userinfo before the codice fiscale picks (or creates) the account.

pub mod authorization;
pub mod callback;
pub mod entity;
pub mod failure;
pub mod revocation;
pub mod ticket;

use std::sync::Arc;

use crate::platform::federation::{TrustAnchor, TrustChains};
use crate::platform::jose::rsa_key::{KeyUse, RsaKey};
use crate::platform::settings::federation::{FederationSettings, ProviderKind, ProviderSettings};
use crate::platform::settings::Settings;

pub use failure::LoginFailure;

/// Clears finished and abandoned logins every hour for the life of the server.
pub fn spawn_pruning(database: crate::platform::db::Database) {
    tokio::spawn(async move {
        let mut ticker = tokio::time::interval(std::time::Duration::from_secs(3600));
        loop {
            ticker.tick().await;
            let now = chrono::Utc::now().naive_utc();
            let sessions_ended_before = now - crate::platform::auth::tokens::REFRESH_TOKEN_TTL;
            let pruned = database
                .run(move |conn| {
                    crate::accounts::store::federation_logins::prune(
                        conn,
                        now,
                        sessions_ended_before,
                    )
                })
                .await;
            match pruned {
                Ok(0) => {}
                Ok(count) => tracing::info!(count, "SPID/CIE logins pruned"),
                Err(error) => tracing::error!(%error, "pruning SPID/CIE logins failed"),
            }
        }
    });
}

/// The path the providers send the citizen back to.
pub const CALLBACK_PATH: &str = "/api/v1/auth/oidc/callback";
pub use crate::platform::jose::CLIENT_ASSERTION_TYPE;

/// The relying party: its identity, its keys, the trust chains it has resolved.
pub struct FederationLogin {
    pub settings: FederationSettings,
    /// The portal's entity id, also its OAuth `client_id`: the public base URL.
    pub entity_id: String,
    pub organization_name: String,
    pub contacts: Vec<String>,
    pub federation_key: RsaKey,
    pub signing_key: RsaKey,
    pub encryption_key: RsaKey,
    pub chains: TrustChains,
}

/// The federation login when configured; shared by the handlers as app data.
#[derive(Clone, Default)]
pub struct Federation(pub Option<Arc<FederationLogin>>);

impl Federation {
    pub fn from_settings(settings: &Settings) -> anyhow::Result<Federation> {
        if !settings.federation.enabled() {
            return Ok(Federation(None));
        }
        let problems = settings.federation.problems();
        if !problems.is_empty() {
            anyhow::bail!("{}", problems.join("; "));
        }
        Ok(Federation(Some(Arc::new(FederationLogin::new(settings)?))))
    }
}

impl FederationLogin {
    fn new(settings: &Settings) -> anyhow::Result<FederationLogin> {
        let federation = &settings.federation;
        let key_dir = settings.data_dir.join("federation");
        let key = |configured: &Option<std::path::PathBuf>, name: &str, key_use| {
            let path = configured.clone().unwrap_or_else(|| key_dir.join(name));
            RsaKey::load_or_generate(&path, key_use)
        };
        let anchors = federation
            .trust_anchors
            .iter()
            .map(|anchor| TrustAnchor {
                entity_id: anchor.entity_id.clone(),
                jwks: anchor
                    .jwks
                    .as_deref()
                    .and_then(|text| serde_json::from_str(text).ok()),
            })
            .collect();
        let municipality = &settings.municipality;
        Ok(FederationLogin {
            settings: federation.clone(),
            entity_id: settings
                .effective_public_base_url()
                .trim_end_matches('/')
                .to_owned(),
            organization_name: federation
                .organization_name
                .clone()
                .unwrap_or_else(|| municipality.name.clone()),
            contacts: if federation.contacts.is_empty() {
                vec![municipality.office.email.clone()]
            } else {
                federation.contacts.clone()
            },
            federation_key: key(
                &federation.federation_key_file,
                "federation.pem",
                KeyUse::Signature,
            )?,
            signing_key: key(
                &federation.signing_key_file,
                "signing.pem",
                KeyUse::Signature,
            )?,
            encryption_key: key(
                &federation.encryption_key_file,
                "encryption.pem",
                KeyUse::Encryption,
            )?,
            chains: TrustChains::new(anchors),
        })
    }

    pub fn redirect_uri(&self) -> String {
        format!("{}{CALLBACK_PATH}", self.entity_id)
    }

    pub fn provider(&self, id: &str) -> Option<&ProviderSettings> {
        self.settings.provider(id)
    }

    /// The lowest level of assurance accepted from providers of `kind`.
    pub fn min_level(&self, kind: ProviderKind) -> u8 {
        match kind {
            ProviderKind::Spid => self.settings.spid_level,
            ProviderKind::Cie => self.settings.cie_level,
        }
    }

    /// A client assertion (RFC 7523, `private_key_jwt`) for a call to `endpoint`.
    pub fn client_assertion(&self, endpoint: &str, now: i64) -> Result<String, LoginFailure> {
        let claims = serde_json::json!({
            "iss": self.entity_id,
            "sub": self.entity_id,
            "aud": [endpoint],
            "iat": now,
            "exp": now + 120,
            "jti": uuid::Uuid::new_v4().to_string(),
        });
        self.signing_key
            .sign("JWT", &claims)
            .map_err(|e| LoginFailure::Internal(e.to_string()))
    }
}
