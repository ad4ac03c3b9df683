//! What a third-party application may do, granted per client and carried in its access
//! token. Each client endpoint names the scope it needs in its OpenAPI `security`
//! (`("oauth2" = ["registry:check"])`), like staff endpoints name permissions.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, ToSchema,
)]
pub enum Scope {
    /// Verify certificates issued by the portal.
    #[serde(rename = "certificates:verify")]
    CertificatesVerify,
    /// Confirm what a person declared (residence, family, civil status) for a stated
    /// legal purpose (art. 43 and 71 D.P.R. 445/2000).
    #[serde(rename = "registry:check")]
    RegistryCheck,
    /// Follow the practices filed online (the municipality's document management).
    #[serde(rename = "practices:read")]
    PracticesRead,
    /// Manage the client's own webhook subscriptions.
    #[serde(rename = "webhooks:manage")]
    WebhooksManage,
}

impl Scope {
    pub const ALL: [Scope; 4] = [
        Scope::CertificatesVerify,
        Scope::RegistryCheck,
        Scope::PracticesRead,
        Scope::WebhooksManage,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Scope::CertificatesVerify => "certificates:verify",
            Scope::RegistryCheck => "registry:check",
            Scope::PracticesRead => "practices:read",
            Scope::WebhooksManage => "webhooks:manage",
        }
    }

    pub fn parse(code: &str) -> Option<Scope> {
        Scope::ALL.into_iter().find(|s| s.code() == code)
    }

    /// (Italian, English) descriptions, for the back office and the OpenAPI document.
    pub fn label(self) -> (&'static str, &'static str) {
        match self {
            Scope::CertificatesVerify => ("Verifica dei certificati", "Verify certificates"),
            Scope::RegistryCheck => (
                "Controllo delle dichiarazioni sostitutive sui dati anagrafici",
                "Check self-declarations against the registry",
            ),
            Scope::PracticesRead => ("Consultazione delle pratiche", "Read practices"),
            Scope::WebhooksManage => ("Gestione dei webhook", "Manage webhooks"),
        }
    }

    /// Space-separated scopes (OAuth 2.0 §3.3), unknown ones reported.
    pub fn parse_list(text: &str) -> Result<Vec<Scope>, String> {
        let mut scopes = Vec::new();
        for code in text.split_whitespace() {
            let scope = Scope::parse(code).ok_or_else(|| code.to_owned())?;
            if !scopes.contains(&scope) {
                scopes.push(scope);
            }
        }
        scopes.sort();
        Ok(scopes)
    }

    pub fn join(scopes: &[Scope]) -> String {
        scopes
            .iter()
            .map(|s| s.code())
            .collect::<Vec<_>>()
            .join(" ")
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn lists_parse_sorted_without_repeats_and_name_the_unknown() {
        let scopes =
            Scope::parse_list("registry:check certificates:verify registry:check").unwrap();
        assert_eq!(scopes, [Scope::CertificatesVerify, Scope::RegistryCheck]);
        assert_eq!(Scope::join(&scopes), "certificates:verify registry:check");
        assert_eq!(
            Scope::parse_list("registry:check admin"),
            Err("admin".to_owned())
        );
        assert_eq!(Scope::parse_list("").unwrap(), []);
    }
}
