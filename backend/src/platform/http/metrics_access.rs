//! Who may read `/metrics`: counts by route and status describe how the portal is used
//! and how it fails, so they go to the monitoring server only. It presents the
//! configured bearer token, or calls from a configured address; with neither
//! configured, only a client on the same machine (loopback) reads them, so that a fresh
//! demo on 127.0.0.1 keeps working.

use std::net::IpAddr;

use sha2::{Digest, Sha256};

use crate::platform::http::client::ClientOrigin;
use crate::platform::ip_range::{unmapped, IpRange};
use crate::platform::settings::Secret;

/// What the settings allow.
#[derive(Debug, Clone, Copy)]
pub struct MetricsPolicy<'a> {
    pub token: Option<&'a Secret>,
    pub allowed: &'a [IpRange],
}

/// Why a caller is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MetricsRefusal {
    /// A token is configured and the caller did not present it (401).
    TokenRequired,
    /// No token is configured and the caller's address is not allowed (403).
    AddressNotAllowed,
}

impl MetricsPolicy<'_> {
    /// The decision for a caller that presented `bearer` (if any) from `origin`.
    pub fn admits(&self, bearer: Option<&str>, origin: ClientOrigin) -> Result<(), MetricsRefusal> {
        if let (Some(expected), Some(presented)) = (self.token, bearer) {
            if same_secret(expected.expose(), presented) {
                return Ok(());
            }
        }
        let address_allowed = match origin {
            ClientOrigin::Address(ip) if self.token.is_none() && self.allowed.is_empty() => {
                is_loopback(ip)
            }
            ClientOrigin::Address(ip) => self.allowed.iter().any(|range| range.contains(ip)),
            ClientOrigin::Unknown => false,
        };
        match (address_allowed, self.token) {
            (true, _) => Ok(()),
            (false, Some(_)) => Err(MetricsRefusal::TokenRequired),
            (false, None) => Err(MetricsRefusal::AddressNotAllowed),
        }
    }
}

fn is_loopback(ip: IpAddr) -> bool {
    unmapped(ip).is_loopback()
}

/// Compares digests, so that the time taken says nothing about the token.
fn same_secret(expected: &str, presented: &str) -> bool {
    Sha256::digest(expected.as_bytes()) == Sha256::digest(presented.as_bytes())
}

/// The token of an `Authorization: Bearer <token>` header value.
pub fn bearer(header: &str) -> Option<&str> {
    let (scheme, token) = header.trim().split_once(' ')?;
    scheme
        .eq_ignore_ascii_case("bearer")
        .then_some(token.trim())
        .filter(|t| !t.is_empty())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn at(ip: &str) -> ClientOrigin {
        ClientOrigin::Address(ip.parse().unwrap())
    }

    const TOKEN: &str = "monitoraggio-0123456789";

    #[test]
    fn with_nothing_configured_only_loopback_clients_read_the_metrics() {
        let policy = MetricsPolicy {
            token: None,
            allowed: &[],
        };
        for ip in ["127.0.0.1", "127.8.9.10", "::1", "::ffff:127.0.0.1"] {
            assert_eq!(policy.admits(None, at(ip)), Ok(()), "{ip}");
        }
        for ip in ["192.0.2.7", "10.0.0.1", "::2"] {
            assert_eq!(
                policy.admits(Some(TOKEN), at(ip)),
                Err(MetricsRefusal::AddressNotAllowed),
                "{ip}"
            );
        }
        assert_eq!(
            policy.admits(None, ClientOrigin::Unknown),
            Err(MetricsRefusal::AddressNotAllowed),
            "relayed by a proxy that is not believed"
        );
    }

    #[test]
    fn a_configured_token_opens_from_anywhere_and_replaces_the_loopback_default() {
        let secret = Secret(TOKEN.to_owned());
        let policy = MetricsPolicy {
            token: Some(&secret),
            allowed: &[],
        };
        assert_eq!(policy.admits(Some(TOKEN), at("203.0.113.9")), Ok(()));
        assert_eq!(policy.admits(Some(TOKEN), ClientOrigin::Unknown), Ok(()));
        for bearer in [None, Some("monitoraggio-012345678"), Some("")] {
            assert_eq!(
                policy.admits(bearer, at("203.0.113.9")),
                Err(MetricsRefusal::TokenRequired)
            );
        }
        assert_eq!(
            policy.admits(None, at("127.0.0.1")),
            Err(MetricsRefusal::TokenRequired)
        );
    }

    #[test]
    fn configured_addresses_read_without_the_token() {
        let allowed = [IpRange::parse("10.1.0.0/16").unwrap()];
        let policy = MetricsPolicy {
            token: None,
            allowed: &allowed,
        };
        assert_eq!(policy.admits(None, at("10.1.2.3")), Ok(()));
        assert_eq!(
            policy.admits(None, at("127.0.0.1")),
            Err(MetricsRefusal::AddressNotAllowed),
            "loopback is only the default"
        );
        let secret = Secret(TOKEN.to_owned());
        let both = MetricsPolicy {
            token: Some(&secret),
            allowed: &allowed,
        };
        assert_eq!(both.admits(None, at("10.1.2.3")), Ok(()));
        assert_eq!(both.admits(Some(TOKEN), at("192.0.2.1")), Ok(()));
        assert_eq!(
            both.admits(None, at("192.0.2.1")),
            Err(MetricsRefusal::TokenRequired)
        );
    }

    #[test]
    fn bearer_tokens_are_read_from_the_header() {
        assert_eq!(bearer("Bearer abc"), Some("abc"));
        assert_eq!(bearer("bearer  abc "), Some("abc"));
        assert_eq!(bearer("Basic abc"), None);
        assert_eq!(bearer("Bearer "), None);
        assert_eq!(bearer("abc"), None);
    }
}
