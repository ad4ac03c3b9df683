//! What a webhook subscription must say, which events a client may receive, how a
//! delivery is signed and when a failed one is tried again.

use std::net::IpAddr;
use std::time::Duration;

use hmac::{Hmac, Mac};
use serde::{Deserialize, Serialize};
use sha2::Sha256;
use utoipa::ToSchema;

use crate::platform::auth::tokens::random_token;
use crate::platform::auth::Scope;
use crate::platform::validation::FieldError;

/// What a webhook can be told about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, ToSchema)]
pub enum EventType {
    /// A certificate was issued.
    #[serde(rename = "certificate.issued")]
    CertificateIssued,
    /// A certificate was revoked by the office.
    #[serde(rename = "certificate.revoked")]
    CertificateRevoked,
    /// A citizen filed a practice online.
    #[serde(rename = "practice.submitted")]
    PracticeSubmitted,
    /// A filed practice changed state (taken in charge, integration, registered,
    /// approved, rejected, withdrawn…).
    #[serde(rename = "practice.changed")]
    PracticeChanged,
}

impl EventType {
    pub const ALL: [EventType; 4] = [
        EventType::CertificateIssued,
        EventType::CertificateRevoked,
        EventType::PracticeSubmitted,
        EventType::PracticeChanged,
    ];

    pub fn code(self) -> &'static str {
        match self {
            EventType::CertificateIssued => "certificate.issued",
            EventType::CertificateRevoked => "certificate.revoked",
            EventType::PracticeSubmitted => "practice.submitted",
            EventType::PracticeChanged => "practice.changed",
        }
    }

    pub fn parse(code: &str) -> Option<EventType> {
        EventType::ALL.into_iter().find(|e| e.code() == code)
    }

    /// The scope a client needs to receive the event: its payload never says more than
    /// that scope lets the client read through the API.
    pub fn scope(self) -> Scope {
        match self {
            EventType::CertificateIssued | EventType::CertificateRevoked => {
                Scope::CertificatesVerify
            }
            EventType::PracticeSubmitted | EventType::PracticeChanged => Scope::PracticesRead,
        }
    }

    /// Space-separated event codes, as the `events` column keeps them.
    pub fn join(events: &[EventType]) -> String {
        events
            .iter()
            .map(|e| e.code())
            .collect::<Vec<_>>()
            .join(" ")
    }

    pub fn parse_list(text: &str) -> Vec<EventType> {
        text.split_whitespace()
            .filter_map(EventType::parse)
            .collect()
    }
}

/// A subscription as the administrator typed it.
pub struct NewWebhook {
    pub client_id: String,
    pub url: String,
    pub events: Vec<String>,
}

pub struct CheckedWebhook {
    pub url: String,
    pub events: Vec<EventType>,
}

/// Addresses longer than this are refused: no receiver needs one.
const MAX_URL_LENGTH: usize = 2_000;

/// Checks a subscription against the rules and the scopes of the client it is for.
pub fn check(new: &NewWebhook, client_scopes: &[Scope]) -> Result<CheckedWebhook, Vec<FieldError>> {
    let mut errors = Vec::new();
    let url = new.url.trim();
    if let Err(error) = check_url(url) {
        errors.push(error);
    }
    let mut events = Vec::new();
    for code in &new.events {
        match EventType::parse(code) {
            Some(event) if !client_scopes.contains(&event.scope()) => {
                errors.push(FieldError::text(
                    "events",
                    &format!(
                        "L'applicazione non ha l'autorizzazione «{}» necessaria per ricevere «{code}».",
                        event.scope().code()
                    ),
                    &format!(
                        "The application lacks the scope “{}” needed to receive “{code}”.",
                        event.scope().code()
                    ),
                ));
            }
            Some(event) if !events.contains(&event) => events.push(event),
            Some(_) => {}
            None => errors.push(FieldError::text(
                "events",
                &format!("Evento sconosciuto: «{code}»."),
                &format!("Unknown event: “{code}”."),
            )),
        }
    }
    if new.events.is_empty() {
        errors.push(FieldError::text(
            "events",
            "Scegliere almeno un evento.",
            "Choose at least one event.",
        ));
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    events.sort();
    Ok(CheckedWebhook {
        url: url.to_owned(),
        events,
    })
}

/// HTTPS anywhere; plain HTTP only to this machine (a receiver beside the portal, and
/// tests). No credentials in the address: they would show in every list.
pub fn check_url(text: &str) -> Result<url::Url, FieldError> {
    let refuse = || {
        FieldError::text(
            "url",
            "Indicare un indirizzo HTTPS completo (http:// è ammesso solo verso questa macchina), senza credenziali.",
            "Give a full HTTPS address (http:// only towards this machine), without credentials.",
        )
    };
    if text.len() > MAX_URL_LENGTH {
        return Err(refuse());
    }
    let url = url::Url::parse(text).map_err(|_| refuse())?;
    if !url.username().is_empty() || url.password().is_some() || url.fragment().is_some() {
        return Err(refuse());
    }
    let loopback = match url.host() {
        Some(url::Host::Domain(name)) => name.eq_ignore_ascii_case("localhost"),
        Some(url::Host::Ipv4(ip)) => IpAddr::V4(ip).is_loopback(),
        Some(url::Host::Ipv6(ip)) => IpAddr::V6(ip).is_loopback(),
        None => return Err(refuse()),
    };
    match url.scheme() {
        "https" => Ok(url),
        "http" if loopback => Ok(url),
        _ => Err(refuse()),
    }
}

/// The secret a receiver checks signatures with: 256 random bits.
pub fn new_secret() -> String {
    format!("whsec_{}", random_token())
}

/// The `X-Portale-Signature` header of a delivery: `sha256=` and the hex HMAC-SHA256, keyed
/// with the webhook's secret, of the `X-Portale-Timestamp` value, a dot and the body.
pub fn signature(secret: &str, timestamp: i64, body: &[u8]) -> String {
    let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(secret.as_bytes())
        .unwrap_or_else(|_| unreachable!("HMAC takes keys of any length"));
    mac.update(timestamp.to_string().as_bytes());
    mac.update(b".");
    mac.update(body);
    format!(
        "sha256={}",
        crate::platform::hex::encode(&mac.finalize().into_bytes())
    )
}

/// Deliveries stop being tried after this many attempts and show as failed.
pub const MAX_ATTEMPTS: i32 = 12;

/// The wait after the `attempts`-th failed attempt (1-based): 30 s, doubling, at most an
/// hour — about 7 hours in all before a delivery is failed.
pub fn backoff(attempts: i32) -> Duration {
    let doublings = attempts.saturating_sub(1).clamp(0, 20) as u32;
    Duration::from_secs(30)
        .saturating_mul(2u32.saturating_pow(doublings))
        .min(Duration::from_secs(3600))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn new(url: &str, events: &[&str]) -> NewWebhook {
        NewWebhook {
            client_id: "app-1".into(),
            url: url.into(),
            events: events.iter().map(|e| (*e).to_owned()).collect(),
        }
    }

    #[test]
    fn addresses_must_be_https_except_towards_this_machine() {
        assert!(check_url("https://protocollo.comune.example.it/hook").is_ok());
        assert!(check_url("http://127.0.0.1:9000/hook").is_ok());
        assert!(check_url("http://localhost/hook").is_ok());
        assert!(check_url("http://[::1]:8000/").is_ok());
        assert!(check_url("http://protocollo.example.it/hook").is_err());
        assert!(check_url("ftp://example.it/").is_err());
        assert!(check_url("https://user:pw@example.it/").is_err());
        assert!(check_url("https://example.it/#x").is_err());
        assert!(check_url("/relative").is_err());
        assert!(check_url(&format!("https://example.it/{}", "a".repeat(2_000))).is_err());
    }

    #[test]
    fn events_need_the_scope_whose_data_they_carry() {
        let scopes = [Scope::PracticesRead];
        let checked = check(
            &new(
                "https://example.it/h",
                &["practice.changed", "practice.submitted"],
            ),
            &scopes,
        )
        .map_err(|_| ())
        .unwrap_or_else(|()| panic!("valid"));
        assert_eq!(
            checked.events,
            vec![EventType::PracticeSubmitted, EventType::PracticeChanged]
        );
        let refused = check(
            &new("https://example.it/h", &["certificate.issued"]),
            &scopes,
        );
        assert!(matches!(refused, Err(errors) if errors[0].field == "events"));
        assert!(check(&new("https://example.it/h", &[]), &scopes).is_err());
        assert!(check(
            &new("https://example.it/h", &["certificate.exploded"]),
            &Scope::ALL
        )
        .is_err());
    }

    #[test]
    fn every_event_round_trips_through_its_code() {
        for event in EventType::ALL {
            assert_eq!(EventType::parse(event.code()), Some(event));
            let json = serde_json::to_string(&event).unwrap_or_default();
            assert_eq!(json, format!("\"{}\"", event.code()));
        }
        assert_eq!(
            EventType::parse_list("practice.changed nonsense certificate.issued"),
            vec![EventType::PracticeChanged, EventType::CertificateIssued]
        );
    }

    #[test]
    fn the_signature_is_the_hmac_of_timestamp_dot_body() {
        // HMAC-SHA256("secret", "1700000000.{}") computed independently (Python's hmac).
        assert_eq!(
            signature("secret", 1_700_000_000, b"{}"),
            "sha256=b8569b78799ff9e3cbff0fc2d63a33a2b57f3282abd07c37ae5e8e7d79a5f163"
        );
        assert_ne!(
            signature("secret", 1_700_000_001, b"{}"),
            signature("secret", 1_700_000_000, b"{}")
        );
    }

    #[test]
    fn retries_back_off_to_an_hour() {
        assert_eq!(backoff(1), Duration::from_secs(30));
        assert_eq!(backoff(2), Duration::from_secs(60));
        assert_eq!(backoff(5), Duration::from_secs(480));
        assert_eq!(backoff(MAX_ATTEMPTS), Duration::from_secs(3600));
        assert!(new_secret().starts_with("whsec_") && new_secret().len() == 70);
    }
}
