//! SPID and CIE login through the Italian OpenID Connect Federation: the trust anchors,
//! the identity providers to offer, the level of assurance required, the portal's keys
//! and how it presents itself. Off while no provider is configured.

use std::path::PathBuf;

use serde::Deserialize;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FederationSettings {
    /// The federations' roots: SPID's and CIE's trust anchors in production.
    #[serde(default)]
    pub trust_anchors: Vec<TrustAnchorSettings>,
    /// The identity providers shown on the login page, in this order.
    #[serde(default)]
    pub providers: Vec<ProviderSettings>,
    /// The lowest SPID level accepted (2 or 3); the request asks for it.
    #[serde(default = "default_level")]
    pub spid_level: u8,
    /// The lowest CIE level accepted (2 or 3).
    #[serde(default = "default_level")]
    pub cie_level: u8,
    /// The portal's federation key (signs its entity configuration); PKCS#8 PEM, RSA.
    /// Unset: generated into the data directory at first start.
    pub federation_key_file: Option<PathBuf>,
    /// The key that signs request objects and client assertions (RS256).
    pub signing_key_file: Option<PathBuf>,
    /// The key the providers encrypt the userinfo to (RSA-OAEP).
    pub encryption_key_file: Option<PathBuf>,
    /// The organisation as the federation shows it; unset: the municipality's name.
    pub organization_name: Option<String>,
    /// The code of the administration in the IPA index (indicepa.gov.it), e.g. `c_h501`.
    pub ipa_code: Option<String>,
    /// Technical contacts published in the entity configuration; unset: the office's
    /// e-mail.
    #[serde(default)]
    pub contacts: Vec<String>,
    /// Hours the portal's entity configuration is valid for.
    #[serde(default = "default_lifetime_hours")]
    pub entity_configuration_hours: i64,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TrustAnchorSettings {
    pub entity_id: String,
    /// The anchor's federation keys as a JWKS JSON text, pinned: without it they are read
    /// from the anchor's own configuration at each resolution (fine for tests only).
    pub jwks: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProviderSettings {
    /// Stable short name in URLs and the audit log, e.g. `poste` or `cie`.
    pub id: String,
    pub kind: ProviderKind,
    /// The name shown in the provider chooser.
    pub name: String,
    /// The provider's entity id in the federation.
    pub entity_id: String,
    /// A logo shipped with the SPA (path under its root), shown in the chooser.
    pub logo: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ProviderKind {
    Spid,
    Cie,
}

impl ProviderKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ProviderKind::Spid => "spid",
            ProviderKind::Cie => "cie",
        }
    }
}

impl Default for FederationSettings {
    fn default() -> FederationSettings {
        FederationSettings {
            trust_anchors: Vec::new(),
            providers: Vec::new(),
            spid_level: default_level(),
            cie_level: default_level(),
            federation_key_file: None,
            signing_key_file: None,
            encryption_key_file: None,
            organization_name: None,
            ipa_code: None,
            contacts: Vec::new(),
            entity_configuration_hours: default_lifetime_hours(),
        }
    }
}

fn default_level() -> u8 {
    2
}

fn default_lifetime_hours() -> i64 {
    48
}

impl FederationSettings {
    pub fn enabled(&self) -> bool {
        !self.providers.is_empty()
    }

    pub fn provider(&self, id: &str) -> Option<&ProviderSettings> {
        self.providers.iter().find(|p| p.id == id)
    }

    /// What would stop the login from working, for `serve` to refuse to start with.
    pub fn problems(&self) -> Vec<String> {
        let mut problems = Vec::new();
        if !self.enabled() {
            return problems;
        }
        if self.trust_anchors.is_empty() {
            problems.push("federation: providers are configured but no trust anchor".to_owned());
        }
        for anchor in &self.trust_anchors {
            if let Some(jwks) = &anchor.jwks {
                if serde_json::from_str::<serde_json::Value>(jwks).is_err() {
                    problems.push(format!(
                        "federation: the jwks of {} is not JSON",
                        anchor.entity_id
                    ));
                }
            }
        }
        for (index, provider) in self.providers.iter().enumerate() {
            let valid_id = !provider.id.is_empty()
                && provider
                    .id
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
            if !valid_id {
                problems.push(format!(
                    "federation: provider id {:?} (letters, digits, - and _)",
                    provider.id
                ));
            }
            if self.providers[..index].iter().any(|p| p.id == provider.id) {
                problems.push(format!(
                    "federation: provider id {} appears twice",
                    provider.id
                ));
            }
            if url::Url::parse(&provider.entity_id).is_err() {
                problems.push(format!(
                    "federation: entity_id of {} is not a URL",
                    provider.id
                ));
            }
        }
        for level in [self.spid_level, self.cie_level] {
            if !(2..=3).contains(&level) {
                problems.push(format!("federation: level {level} (2 or 3; SPID level 1 is not enough for the registry)"));
            }
        }
        problems
    }
}
