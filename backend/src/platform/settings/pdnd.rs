//! Vouchers of PDND, the national interoperability platform: access tokens its
//! authorization server issues to the e-services' consumers, accepted like the portal's
//! own client tokens and mapped to the same scopes. Off without an issuer.

use serde::Deserialize;

#[derive(Debug, Clone, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct PdndSettings {
    /// The authorization server's `iss`, e.g. `interop.pagopa.it` (or the test
    /// environment's `uat.interop.pagopa.it`).
    pub issuer: Option<String>,
    /// The `aud` PDND writes for this e-service (the audience registered with it).
    pub audience: Option<String>,
    /// Where PDND publishes its keys (JWKS), fetched and cached.
    pub jwks_url: Option<String>,
    /// The scopes a valid voucher grants (the e-service's purpose decides who gets one).
    #[serde(default)]
    pub scopes: Vec<String>,
    /// Requests a minute per consumer (the voucher's `client_id`); default 120.
    pub rate_limit_per_minute: Option<u32>,
}

impl PdndSettings {
    pub fn enabled(&self) -> bool {
        self.issuer.is_some()
    }

    /// What would stop vouchers from working, for `serve` to refuse to start with.
    pub fn problems(&self) -> Vec<String> {
        if !self.enabled() {
            return Vec::new();
        }
        let mut problems = Vec::new();
        if self.audience.as_deref().is_none_or(str::is_empty) {
            problems.push("pdnd: an issuer without an audience".to_owned());
        }
        if self
            .jwks_url
            .as_deref()
            .is_none_or(|u| url::Url::parse(u).is_err())
        {
            problems.push("pdnd: jwks_url missing or not a URL".to_owned());
        }
        for scope in &self.scopes {
            if crate::platform::auth::Scope::parse(scope).is_none() {
                problems.push(format!("pdnd: unknown scope {scope}"));
            }
        }
        problems
    }
}
