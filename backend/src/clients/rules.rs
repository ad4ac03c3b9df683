//! What a client registration must say, and its credentials.

use std::net::IpAddr;

use crate::clients::assertion::check_public_jwks;
use crate::platform::auth::tokens::{random_token, token_hash};
use crate::platform::auth::Scope;
use crate::platform::email::Email;
use crate::platform::i18n::Text;
use crate::platform::ip_range::IpRange;
use crate::platform::validation::FieldError;

/// The default limit, and the highest an administrator may set.
pub const DEFAULT_RATE_LIMIT: i32 = 120;
pub const MAX_RATE_LIMIT: i32 = 6_000;

/// A registration as the administrator typed it.
pub struct NewClient {
    pub name: String,
    pub organisation: String,
    pub contact_email: String,
    pub scopes: Vec<String>,
    pub allowed_ips: Vec<String>,
    pub rate_limit_per_minute: Option<i32>,
    /// Public keys for `private_key_jwt`; none: the client gets a secret.
    pub public_jwks: Option<serde_json::Value>,
}

/// A registration that passed the rules.
pub struct CheckedClient {
    pub name: String,
    pub organisation: String,
    pub contact_email: String,
    pub scopes: Vec<Scope>,
    pub allowed_ips: Vec<IpRange>,
    pub rate_limit_per_minute: i32,
    /// `{"keys": […]}`, checked.
    pub public_jwks: Option<String>,
}

fn problem(field: &str, it: &str, en: &str) -> FieldError {
    FieldError::new(field, Text::new(it, en))
}

pub fn check(new: NewClient) -> Result<CheckedClient, Vec<FieldError>> {
    let mut errors = Vec::new();
    let name = new.name.trim().to_owned();
    if !(2..=100).contains(&name.chars().count()) {
        errors.push(problem(
            "name",
            "Indicare il nome dell'applicazione (da 2 a 100 caratteri).",
            "Give the application's name (2 to 100 characters).",
        ));
    }
    let organisation = new.organisation.trim().to_owned();
    if !(2..=200).contains(&organisation.chars().count()) {
        errors.push(problem(
            "organisation",
            "Indicare l'ente o l'organizzazione (da 2 a 200 caratteri).",
            "Give the organisation (2 to 200 characters).",
        ));
    }
    let contact_email = new.contact_email.trim().to_owned();
    if Email::parse(&contact_email).is_err() {
        errors.push(problem(
            "contact_email",
            "Indicare un indirizzo di posta elettronica valido del referente tecnico.",
            "Give a valid e-mail address of the technical contact.",
        ));
    }
    let mut scopes = Vec::new();
    for code in &new.scopes {
        match Scope::parse(code) {
            Some(scope) if !scopes.contains(&scope) => scopes.push(scope),
            Some(_) => {}
            None => errors.push(problem(
                "scopes",
                &format!("Autorizzazione sconosciuta: «{code}»."),
                &format!("Unknown scope: “{code}”."),
            )),
        }
    }
    if new.scopes.is_empty() {
        errors.push(problem(
            "scopes",
            "Scegliere almeno un'autorizzazione.",
            "Choose at least one scope.",
        ));
    }
    scopes.sort();
    let mut allowed_ips = Vec::new();
    for text in new
        .allowed_ips
        .iter()
        .map(|t| t.trim())
        .filter(|t| !t.is_empty())
    {
        match IpRange::parse(text) {
            Ok(range) => allowed_ips.push(range),
            Err(_) => errors.push(problem(
                "allowed_ips",
                &format!("Indirizzo o intervallo non valido: «{text}»."),
                &format!("Not an address or range: “{text}”."),
            )),
        }
    }
    let rate_limit_per_minute = new.rate_limit_per_minute.unwrap_or(DEFAULT_RATE_LIMIT);
    if !(1..=MAX_RATE_LIMIT).contains(&rate_limit_per_minute) {
        errors.push(problem(
            "rate_limit_per_minute",
            &format!("Il limite va da 1 a {MAX_RATE_LIMIT} richieste al minuto."),
            &format!("The limit is 1 to {MAX_RATE_LIMIT} requests a minute."),
        ));
    }
    let public_jwks = match new.public_jwks.as_ref().map(check_public_jwks) {
        None => None,
        Some(Ok(set)) => Some(set.to_string()),
        Some(Err(error)) => {
            errors.push(error);
            None
        }
    };
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(CheckedClient {
        public_jwks,
        name,
        organisation,
        contact_email,
        scopes,
        allowed_ips,
        rate_limit_per_minute,
    })
}

/// A new client id: readable in logs, not guessable as a secret (it is not one).
pub fn new_client_id() -> String {
    format!("app-{}", &uuid::Uuid::new_v4().simple().to_string()[..16])
}

/// A new secret (256 random bits) and the hash kept of it.
pub fn new_secret() -> (String, String) {
    let secret = format!("ps_{}", random_token());
    let hash = token_hash(&secret);
    (secret, hash)
}

/// Whether `presented` is the secret of `stored_hash`. Digests are compared, so the time
/// taken says nothing about the secret (as for the metrics token).
pub fn secret_matches(presented: &str, stored_hash: &str) -> bool {
    token_hash(presented) == stored_hash
}

/// Whether a call from `ip` is allowed by the client's list (none: anywhere).
pub fn address_allowed(allowed: Option<&str>, ip: Option<IpAddr>) -> bool {
    let Some(list) = allowed.filter(|l| !l.trim().is_empty()) else {
        return true;
    };
    let Some(ip) = ip else {
        return false;
    };
    list.split(',')
        .filter_map(|item| IpRange::parse(item.trim()).ok())
        .any(|range| range.contains(ip))
}

/// The scopes of a token request: all granted when none are asked for (RFC 6749 §3.3
/// lets the server choose), otherwise only granted ones.
pub fn requested_scopes(granted: &[Scope], requested: Option<&str>) -> Result<Vec<Scope>, String> {
    let Some(requested) = requested.filter(|r| !r.trim().is_empty()) else {
        return Ok(granted.to_vec());
    };
    let asked = Scope::parse_list(requested)?;
    match asked.iter().find(|scope| !granted.contains(scope)) {
        Some(beyond) => Err(beyond.code().to_owned()),
        None => Ok(asked),
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn typed() -> NewClient {
        NewClient {
            name: "Verifiche INPS".into(),
            organisation: "Istituto di esempio".into(),
            contact_email: "api@esempio.it".into(),
            scopes: vec!["registry:check".into()],
            allowed_ips: vec!["192.0.2.0/24".into()],
            rate_limit_per_minute: None,
            public_jwks: None,
        }
    }

    #[test]
    fn a_good_registration_passes_with_the_default_limit() {
        let checked = check(typed()).map_err(|_| ()).unwrap();
        assert_eq!(checked.scopes, [Scope::RegistryCheck]);
        assert_eq!(checked.rate_limit_per_minute, DEFAULT_RATE_LIMIT);
    }

    #[test]
    fn every_bad_field_is_named() {
        let mut bad = typed();
        bad.name = "x".into();
        bad.contact_email = "nobody".into();
        bad.scopes = vec!["admin".into()];
        bad.allowed_ips = vec!["300.1.1.1".into()];
        bad.rate_limit_per_minute = Some(0);
        let fields: Vec<String> = check(bad)
            .err()
            .unwrap()
            .into_iter()
            .map(|e| e.field)
            .collect();
        assert_eq!(
            fields,
            [
                "name",
                "contact_email",
                "scopes",
                "allowed_ips",
                "rate_limit_per_minute"
            ]
        );
    }

    #[test]
    fn secrets_match_only_themselves() {
        let (secret, hash) = new_secret();
        assert!(secret_matches(&secret, &hash));
        assert!(!secret_matches("ps_other", &hash));
    }

    #[test]
    fn addresses_and_scopes_are_limited_to_what_was_granted() {
        let ip = "192.0.2.7".parse().ok();
        assert!(address_allowed(None, ip));
        assert!(address_allowed(Some("192.0.2.0/24"), ip));
        assert!(!address_allowed(Some("198.51.100.1"), ip));
        let granted = [Scope::CertificatesVerify, Scope::RegistryCheck];
        assert_eq!(requested_scopes(&granted, None).unwrap(), granted);
        assert_eq!(
            requested_scopes(&granted, Some("registry:check")).unwrap(),
            [Scope::RegistryCheck]
        );
        assert_eq!(
            requested_scopes(&granted, Some("practices:read")),
            Err("practices:read".into())
        );
    }
}
