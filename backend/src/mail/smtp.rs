//! `PORTALE_SMTP_URL`: the municipality's relay, parsed once at start so that a typo
//! stops `portale serve` instead of failing every mail.
//!
//! - `smtp://relay.comune.it` — plain SMTP on port 25, for a relay on a trusted network
//!   that accepts the portal by address;
//! - `smtp://user:password@relay.comune.it?tls=starttls` — submission on port 587 with
//!   mandatory STARTTLS (`tls=required` is accepted as a synonym);
//! - `smtps://user:password@relay.comune.it` — implicit TLS on port 465.
//!
//! Credentials are percent-decoded (`p%40ss` is `p@ss`) and never sent in clear: with
//! plain SMTP they are refused unless the relay is on the loopback interface. Query
//! parameters: `ehlo=<name>` (the name the relay expects in EHLO; default: this host's
//! name), `ca=<PEM file>` (an extra trusted root, for a relay certified by the
//! municipality's own CA), `timeout=<seconds>` (default 60).

use std::fmt;
use std::net::IpAddr;
use std::path::PathBuf;
use std::time::Duration;

use lettre::transport::smtp::authentication::Credentials;
use lettre::transport::smtp::client::{Certificate, Tls, TlsParameters};
use lettre::transport::smtp::extension::ClientId;
use lettre::transport::smtp::PoolConfig;
use lettre::{AsyncSmtpTransport, Tokio1Executor};
use url::{Host, Url};

use crate::platform::settings::Secret;

use crate::platform::settings::redact_url;
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Security {
    /// No encryption (trusted network or loopback only).
    None,
    /// STARTTLS, required: a relay that does not offer it is an error, never a fallback.
    StartTls,
    /// TLS from the first byte (SMTPS).
    Tls,
}

#[derive(Clone, PartialEq, Eq)]
pub struct SmtpConfig {
    pub host: String,
    pub port: u16,
    pub security: Security,
    pub username: Option<String>,
    password: Option<Secret>,
    pub hello_name: Option<String>,
    pub ca_file: Option<PathBuf>,
    pub timeout: Duration,
}

impl fmt::Debug for SmtpConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SmtpConfig")
            .field("host", &self.host)
            .field("port", &self.port)
            .field("security", &self.security)
            .field("username", &self.username)
            .field("hello_name", &self.hello_name)
            .field("ca_file", &self.ca_file)
            .finish_non_exhaustive()
    }
}

impl SmtpConfig {
    pub fn parse(text: &str) -> Result<SmtpConfig, String> {
        let problem = |what: &str| format!("invalid SMTP URL {}: {what}", redact_url(text));
        let url = Url::parse(text).map_err(|e| problem(&e.to_string()))?;
        let mut tls = None;
        let mut hello_name = None;
        let mut ca_file = None;
        let mut timeout = Duration::from_secs(60);
        for (key, value) in url.query_pairs() {
            match &*key {
                "tls" => tls = Some(value.into_owned()),
                "ehlo" => hello_name = Some(value.into_owned()),
                "ca" => ca_file = Some(PathBuf::from(&*value)),
                "timeout" => {
                    let seconds: u64 = value
                        .parse()
                        .map_err(|_| problem("timeout must be a number of seconds"))?;
                    timeout = Duration::from_secs(seconds.max(1));
                }
                other => return Err(problem(&format!("unknown parameter {other:?}"))),
            }
        }
        let (security, default_port) = match (url.scheme(), tls.as_deref()) {
            ("smtp", None | Some("none")) => (Security::None, 25),
            ("smtp", Some("starttls" | "required")) => (Security::StartTls, 587),
            ("smtps", None | Some("tls")) => (Security::Tls, 465),
            ("smtp" | "smtps", Some(other)) => {
                return Err(problem(&format!(
                    "tls={other} is not supported (use tls=starttls, or smtps://)"
                )))
            }
            (scheme, _) => return Err(problem(&format!("scheme {scheme}: is not smtp or smtps"))),
        };
        let host = match url.host() {
            Some(Host::Domain(name)) if !name.is_empty() => name.to_owned(),
            Some(Host::Ipv4(ip)) => ip.to_string(),
            Some(Host::Ipv6(ip)) => ip.to_string(),
            _ => return Err(problem("no host")),
        };
        if !matches!(url.path(), "" | "/") {
            return Err(problem(
                "a path is not expected (the EHLO name goes in ?ehlo=)",
            ));
        }
        let decode = |part: &str| {
            percent_encoding::percent_decode_str(part)
                .decode_utf8()
                .map(|s| s.into_owned())
                .map_err(|_| problem("the credentials are not UTF-8"))
        };
        let username = Some(decode(url.username())?).filter(|u| !u.is_empty());
        let password = url.password().map(decode).transpose()?.map(Secret);
        if username.is_some() != password.is_some() {
            return Err(problem("give both user name and password, or neither"));
        }
        let loopback =
            host == "localhost" || host.parse::<IpAddr>().is_ok_and(|ip| ip.is_loopback());
        if username.is_some() && security == Security::None && !loopback {
            return Err(problem(
                "credentials would travel in clear text: add ?tls=starttls or use smtps://",
            ));
        }
        Ok(SmtpConfig {
            host,
            port: url.port().unwrap_or(default_port),
            security,
            username,
            password,
            hello_name,
            ca_file,
            timeout,
        })
    }

    /// The pooled transport; reads the CA file, so it fails early when that is missing.
    pub fn transport(&self) -> Result<AsyncSmtpTransport<Tokio1Executor>, String> {
        let mut builder = AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(&self.host)
            .port(self.port)
            .timeout(Some(self.timeout))
            .pool_config(
                PoolConfig::new()
                    .max_size(2)
                    .idle_timeout(Duration::from_secs(30)),
            );
        if self.security != Security::None {
            let parameters = self.tls_parameters()?;
            builder = builder.tls(match self.security {
                Security::Tls => Tls::Wrapper(parameters),
                _ => Tls::Required(parameters),
            });
        }
        if let (Some(username), Some(password)) = (&self.username, &self.password) {
            builder = builder.credentials(Credentials::new(
                username.clone(),
                password.expose().to_owned(),
            ));
        }
        if let Some(name) = &self.hello_name {
            builder = builder.hello_name(ClientId::Domain(name.clone()));
        }
        Ok(builder.build())
    }

    fn tls_parameters(&self) -> Result<TlsParameters, String> {
        let mut tls = TlsParameters::builder(self.host.clone());
        if let Some(path) = &self.ca_file {
            let pem = std::fs::read(path)
                .map_err(|e| format!("cannot read the SMTP CA file {}: {e}", path.display()))?;
            if !String::from_utf8_lossy(&pem).contains("-----BEGIN CERTIFICATE-----") {
                return Err(format!("no PEM certificate in {}", path.display()));
            }
            let certificate = Certificate::from_pem(&pem)
                .map_err(|e| format!("invalid SMTP CA file {}: {e}", path.display()))?;
            tls = tls.add_root_certificate(certificate);
        }
        tls.build_rustls()
            .map_err(|e| format!("TLS setup for the SMTP relay failed: {e}"))
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn reads_the_three_kinds_of_relay() {
        let plain = SmtpConfig::parse("smtp://127.0.0.1:1025").unwrap();
        assert_eq!(
            (plain.host.as_str(), plain.port, plain.security),
            ("127.0.0.1", 1025, Security::None)
        );
        assert_eq!(
            SmtpConfig::parse("smtp://relay.comune.it").unwrap().port,
            25
        );

        let submission =
            SmtpConfig::parse("smtp://portale%40comune.it:p%40ss%3Aw@relay.comune.it?tls=starttls&ehlo=portale.comune.it")
                .unwrap();
        assert_eq!(submission.security, Security::StartTls);
        assert_eq!(submission.port, 587);
        assert_eq!(submission.username.as_deref(), Some("portale@comune.it"));
        assert_eq!(submission.password.as_ref().unwrap().expose(), "p@ss:w");
        assert_eq!(submission.hello_name.as_deref(), Some("portale.comune.it"));
        assert!(!format!("{submission:?}").contains("p@ss"));

        let implicit = SmtpConfig::parse("smtps://u:p@[::1]?timeout=5&ca=/etc/ca.pem").unwrap();
        assert_eq!(
            (implicit.host.as_str(), implicit.port, implicit.security),
            ("::1", 465, Security::Tls)
        );
        assert_eq!(implicit.timeout, Duration::from_secs(5));
        assert_eq!(implicit.ca_file, Some(PathBuf::from("/etc/ca.pem")));
        assert_eq!(
            SmtpConfig::parse("smtp://r.it:2525?tls=required")
                .unwrap()
                .security,
            Security::StartTls
        );
    }

    #[test]
    fn refuses_unsafe_or_mistyped_urls_without_showing_the_password() {
        for (url, expected) in [
            ("smtp://u:s3cret@relay.comune.it", "clear text"),
            ("smtp://relay.comune.it?tls=opportunistic", "not supported"),
            ("smtp://relay.comune.it?tsl=starttls", "unknown parameter"),
            ("http://relay.comune.it", "is not smtp"),
            ("smtp://u@relay.comune.it?tls=starttls", "both"),
            ("smtp://relay.comune.it/portale", "path"),
            ("relay.comune.it:25", "invalid SMTP URL"),
        ] {
            let error = SmtpConfig::parse(url).unwrap_err();
            assert!(error.contains(expected), "{url}: {error}");
            assert!(!error.contains("s3cret"), "{error}");
        }
        // Loopback relays (a local MTA, a test server) may take credentials in clear.
        assert!(SmtpConfig::parse("smtp://u:p@localhost:1025").is_ok());
    }

    #[test]
    fn a_missing_ca_file_is_reported_when_the_transport_is_built() {
        let config =
            SmtpConfig::parse("smtp://relay.comune.it?tls=starttls&ca=/nonexistent/ca.pem")
                .unwrap();
        assert!(config
            .transport()
            .unwrap_err()
            .contains("/nonexistent/ca.pem"));
    }
}
