//! Typed settings in layers: built-in defaults, then an optional TOML file, then
//! `PORTALE_*` environment variables and command-line flags (clap reads both).

pub mod federation;
pub mod municipality;
pub mod password_policy;
pub mod pdnd;

use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::platform::email::Email;
use crate::platform::ip_range::IpRange;
use crate::platform::settings::municipality::Municipality;

#[derive(Debug, Clone)]
pub struct Settings {
    pub bind: SocketAddr,
    /// `postgres://…` selects PostgreSQL; anything else is a SQLite file path.
    pub database_url: Option<Secret>,
    pub data_dir: PathBuf,
    /// The address citizens reach the portal at; printed in QR codes and e-mails.
    /// Unset: derived from the bind address.
    pub public_base_url: Option<String>,
    pub demo: bool,
    pub demo_persons: usize,
    pub log_format: LogFormat,
    pub db_pool_size: u32,
    pub max_body_bytes: usize,
    pub workers: Option<usize>,
    /// SMTP relay for outgoing mail (`smtp://host:port`, `…?tls=starttls`, `smtps://`,
    /// credentials in the userinfo); without it mail is written as `.eml` files under the
    /// data dir. Read by the mail outbox.
    pub smtp_url: Option<Secret>,
    /// Sender address of the portal's mail. Unset: `noreply@` the domain of the
    /// municipality's office e-mail.
    pub mail_from: Option<Email>,
    /// Secret that signs access tokens; generated into the data dir when unset.
    /// Instances sharing one database must share it.
    pub jwt_secret: Option<Secret>,
    /// Believe `X-Forwarded-For` / `Forwarded` (only behind a proxy that sets them).
    pub trust_proxy_headers: bool,
    /// The bearer token a monitoring server sends to read `/metrics`.
    pub metrics_token: Option<Secret>,
    /// Client addresses and ranges that read `/metrics` without the token. With neither
    /// this nor `metrics_token`, only loopback clients (127.0.0.0/8, ::1) read it.
    pub metrics_allowed_ips: Vec<IpRange>,
    pub password_policy: password_policy::PasswordPolicy,
    /// Online registration with a generated password (seed 001). The law now wants
    /// SPID/CIE/CNS for new credentials, so a municipality may switch it off.
    pub registration_enabled: bool,
    /// HTTPS: the certificate chain (PEM, leaf first) served on the bind address. With it
    /// and the key the portal speaks TLS itself instead of plain HTTP.
    pub tls_cert_file: Option<PathBuf>,
    /// The private key (PEM) of `tls_cert_file`.
    pub tls_key_file: Option<PathBuf>,
    /// CA certificates (PEM) that issue smart cards (CNS/CRS): with any, the TLS handshake
    /// asks every visitor for a client certificate, optionally, and smart-card login is on.
    pub tls_client_ca_files: Vec<PathBuf>,
    /// The certificate (PEM, leaf first) of the key that seals and signs certificates,
    /// issued by a real CA; without it a self-signed one is generated at first start.
    pub signing_cert_file: Option<PathBuf>,
    /// Its private key: PEM PKCS#8, ECDSA P-256.
    pub signing_key_file: Option<PathBuf>,
    pub municipality: Municipality,
    /// SPID and CIE login (OpenID Connect Federation); off without providers.
    pub federation: federation::FederationSettings,
    /// PDND vouchers accepted as client tokens; off without an issuer.
    pub pdnd: pdnd::PdndSettings,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            bind: SocketAddr::from(([127, 0, 0, 1], 8080)),
            database_url: None,
            data_dir: PathBuf::from("data"),
            public_base_url: None,
            demo: false,
            demo_persons: 2_000,
            log_format: LogFormat::Auto,
            db_pool_size: 8,
            max_body_bytes: 256 * 1024,
            workers: None,
            smtp_url: None,
            mail_from: None,
            jwt_secret: None,
            trust_proxy_headers: false,
            metrics_token: None,
            metrics_allowed_ips: Vec::new(),
            password_policy: Default::default(),
            registration_enabled: true,
            tls_cert_file: None,
            tls_key_file: None,
            tls_client_ca_files: Vec::new(),
            signing_cert_file: None,
            signing_key_file: None,
            municipality: Municipality::demo(),
            federation: Default::default(),
            pdnd: Default::default(),
        }
    }
}

impl Settings {
    /// The database URL in force: the configured one, or the embedded SQLite file. An
    /// empty URL (`PORTALE_DATABASE_URL=`) counts as none: for SQLite an empty name would
    /// mean a separate temporary database for every connection.
    pub fn effective_database_url(&self) -> String {
        match self
            .database_url
            .as_ref()
            .filter(|url| !url.expose().trim().is_empty())
        {
            Some(url) => url.expose().to_owned(),
            None => self
                .data_dir
                .join("portale.sqlite3")
                .to_string_lossy()
                .into_owned(),
        }
    }

    pub fn effective_public_base_url(&self) -> String {
        let scheme = if self.tls_enabled() { "https" } else { "http" };
        match &self.public_base_url {
            Some(url) => url.trim_end_matches('/').to_owned(),
            None if self.bind.ip().is_unspecified() => {
                format!("{scheme}://localhost:{}", self.bind.port())
            }
            None => format!("{scheme}://{}", self.bind),
        }
    }

    /// The portal terminates TLS itself (a certificate is configured).
    pub fn tls_enabled(&self) -> bool {
        self.tls_cert_file.is_some()
    }

    /// Smart-card login is offered: TLS here, and CAs whose client certificates it trusts.
    pub fn smartcard_enabled(&self) -> bool {
        self.tls_enabled() && !self.tls_client_ca_files.is_empty()
    }

    /// The sender address in force: the configured one, or `noreply@` the domain of the
    /// office's e-mail (`noreply@localhost.localdomain` if even that is unusable).
    pub fn effective_mail_from(&self) -> Email {
        if let Some(from) = &self.mail_from {
            return from.clone();
        }
        let domain = Email::parse(&self.municipality.office.email)
            .map(|office| office.domain().to_owned())
            .unwrap_or_else(|_| "localhost.localdomain".to_owned());
        Email::parse(&format!("noreply@{domain}"))
            .or_else(|_| Email::parse("noreply@localhost.localdomain"))
            .unwrap_or_else(|_| unreachable!("a constant address parses"))
    }

    pub fn apply_file(&mut self, path: &Path) -> anyhow::Result<()> {
        let text = std::fs::read_to_string(path).map_err(|e| {
            anyhow::anyhow!("cannot read the configuration file {}: {e}", path.display())
        })?;
        let file: FileSettings = toml::from_str(&text)
            .map_err(|e| anyhow::anyhow!("invalid configuration file {}: {e}", path.display()))?;
        let FileSettings {
            bind,
            database_url,
            data_dir,
            public_base_url,
            demo,
            demo_persons,
            log_format,
            db_pool_size,
            max_body_bytes,
            workers,
            smtp_url,
            mail_from,
            jwt_secret,
            trust_proxy_headers,
            metrics_token,
            metrics_allowed_ips,
            password_policy,
            registration_enabled,
            tls_cert_file,
            tls_key_file,
            tls_client_ca_files,
            signing_cert_file,
            signing_key_file,
            municipality,
            federation,
            pdnd,
        } = file;
        overlay(&mut self.bind, bind);
        overlay(
            &mut self.database_url,
            database_url.map(|url| Some(Secret(url))),
        );
        overlay(&mut self.data_dir, data_dir);
        overlay(&mut self.public_base_url, public_base_url.map(Some));
        overlay(&mut self.demo, demo);
        overlay(&mut self.demo_persons, demo_persons);
        overlay(&mut self.log_format, log_format);
        overlay(&mut self.db_pool_size, db_pool_size);
        overlay(&mut self.max_body_bytes, max_body_bytes);
        overlay(&mut self.workers, workers.map(Some));
        overlay(&mut self.smtp_url, smtp_url.map(|url| Some(Secret(url))));
        if let Some(from) = mail_from {
            let email = Email::parse(&from)
                .map_err(|e| anyhow::anyhow!("invalid mail_from in {}: {e}", path.display()))?;
            self.mail_from = Some(email);
        }
        overlay(&mut self.jwt_secret, jwt_secret.map(|s| Some(Secret(s))));
        overlay(&mut self.trust_proxy_headers, trust_proxy_headers);
        if let Some(token) = metrics_token {
            let token = check_metrics_token(&token)
                .map_err(|e| anyhow::anyhow!("invalid metrics_token in {}: {e}", path.display()))?;
            self.metrics_token = token;
        }
        overlay(&mut self.metrics_allowed_ips, metrics_allowed_ips);
        overlay(&mut self.password_policy, password_policy);
        overlay(&mut self.registration_enabled, registration_enabled);
        overlay(&mut self.tls_cert_file, tls_cert_file.map(Some));
        overlay(&mut self.tls_key_file, tls_key_file.map(Some));
        overlay(&mut self.tls_client_ca_files, tls_client_ca_files);
        overlay(&mut self.signing_cert_file, signing_cert_file.map(Some));
        overlay(&mut self.signing_key_file, signing_key_file.map(Some));
        overlay(&mut self.municipality, municipality);
        overlay(&mut self.federation, federation);
        overlay(&mut self.pdnd, pdnd);
        Ok(())
    }
}

pub fn overlay<T>(target: &mut T, value: Option<T>) {
    if let Some(value) = value {
        *target = value;
    }
}

/// The optional TOML file: every key optional, unknown keys rejected so typos surface.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileSettings {
    bind: Option<SocketAddr>,
    database_url: Option<String>,
    data_dir: Option<PathBuf>,
    public_base_url: Option<String>,
    demo: Option<bool>,
    demo_persons: Option<usize>,
    log_format: Option<LogFormat>,
    db_pool_size: Option<u32>,
    max_body_bytes: Option<usize>,
    workers: Option<usize>,
    smtp_url: Option<String>,
    mail_from: Option<String>,
    jwt_secret: Option<String>,
    trust_proxy_headers: Option<bool>,
    metrics_token: Option<String>,
    metrics_allowed_ips: Option<Vec<IpRange>>,
    password_policy: Option<password_policy::PasswordPolicy>,
    registration_enabled: Option<bool>,
    tls_cert_file: Option<PathBuf>,
    tls_key_file: Option<PathBuf>,
    tls_client_ca_files: Option<Vec<PathBuf>>,
    signing_cert_file: Option<PathBuf>,
    signing_key_file: Option<PathBuf>,
    municipality: Option<Municipality>,
    federation: Option<federation::FederationSettings>,
    pdnd: Option<pdnd::PdndSettings>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum LogFormat {
    /// JSON when standard error is not a terminal, human-readable otherwise.
    Auto,
    Json,
    Pretty,
}

/// A value that must never reach a log line (database passwords live in URLs).
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(pub String);

impl Secret {
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Secret(…)")
    }
}

/// The shortest `/metrics` token accepted: long enough that it cannot be guessed.
pub const METRICS_TOKEN_MIN_CHARS: usize = 16;

/// A `/metrics` token as configured: blank means none; a short one is refused, so that a
/// placeholder such as `changeme` never guards the figures.
pub fn check_metrics_token(token: &str) -> Result<Option<Secret>, String> {
    let token = token.trim();
    if token.is_empty() {
        return Ok(None);
    }
    if token.chars().count() < METRICS_TOKEN_MIN_CHARS {
        return Err(format!(
            "the metrics token must have at least {METRICS_TOKEN_MIN_CHARS} characters"
        ));
    }
    if token.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err("the metrics token cannot contain spaces or control characters".to_owned());
    }
    Ok(Some(Secret(token.to_owned())))
}

/// A database URL with any password replaced, for logs and error messages.
pub fn redact_url(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme_end), Some(at)) if at > scheme_end => {
            let credentials = &url[scheme_end + 3..at];
            match credentials.split_once(':') {
                Some((user, _)) => format!("{}{user}:***{}", &url[..scheme_end + 3], &url[at..]),
                None => url.to_owned(),
            }
        }
        _ => url.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn file_overrides_defaults_and_rejects_unknown_keys() {
        let dir = std::env::temp_dir().join(format!("portale-settings-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("portale.toml");
        std::fs::write(
            &path,
            "bind = \"0.0.0.0:9000\"\ndb_pool_size = 3\n[municipality]\nname = \"Comune di Prova\"\n",
        )
        .unwrap();
        let mut settings = Settings::default();
        settings.apply_file(&path).unwrap();
        assert_eq!(settings.bind.port(), 9000);
        assert_eq!(settings.db_pool_size, 3);
        assert_eq!(settings.municipality.name, "Comune di Prova");
        assert_eq!(
            settings.municipality.office.name,
            Municipality::demo().office.name
        );
        assert!(!settings.smartcard_enabled());

        std::fs::write(
            &path,
            "tls_cert_file = \"/etc/portale/server.pem\"\ntls_key_file = \"/etc/portale/server.key\"\n\
             tls_client_ca_files = [\"/etc/portale/cns.pem\"]\n",
        )
        .unwrap();
        settings.apply_file(&path).unwrap();
        assert_eq!(
            settings.tls_client_ca_files,
            [PathBuf::from("/etc/portale/cns.pem")]
        );
        assert!(settings.smartcard_enabled());
        assert_eq!(
            settings.effective_public_base_url(),
            "https://localhost:9000"
        );

        std::fs::write(&path, "bnid = \"0.0.0.0:9000\"\n").unwrap();
        let error = Settings::default()
            .apply_file(&path)
            .unwrap_err()
            .to_string();
        assert!(error.contains("bnid"), "{error}");
    }

    #[test]
    fn the_sender_defaults_to_noreply_at_the_offices_domain() {
        let mut settings = Settings::default();
        assert_eq!(
            settings.effective_mail_from().as_str(),
            "noreply@comune.valdoria.example"
        );
        settings.municipality.office.email = "not an address".into();
        assert_eq!(
            settings.effective_mail_from().as_str(),
            "noreply@localhost.localdomain"
        );

        let dir = tempfile_dir("mail-from");
        let path = dir.join("portale.toml");
        std::fs::write(&path, "mail_from = \"Anagrafe@Comune.Esempio.IT\"\n").unwrap();
        settings.apply_file(&path).unwrap();
        assert_eq!(
            settings.effective_mail_from().as_str(),
            "Anagrafe@comune.esempio.it"
        );
        std::fs::write(&path, "mail_from = \"anagrafe\"\n").unwrap();
        let error = settings.apply_file(&path).unwrap_err().to_string();
        assert!(error.contains("invalid mail_from"), "{error}");
    }

    fn tempfile_dir(name: &str) -> std::path::PathBuf {
        let dir = std::env::temp_dir().join(format!("portale-{name}-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn the_metrics_token_and_addresses_come_from_the_file_and_are_checked() {
        let dir = tempfile_dir("metrics");
        let path = dir.join("portale.toml");
        std::fs::write(
            &path,
            "metrics_token = \"monitoraggio-0123456789\"\nmetrics_allowed_ips = [\"10.0.0.0/8\", \"::1\"]\n",
        )
        .unwrap();
        let mut settings = Settings::default();
        settings.apply_file(&path).unwrap();
        assert_eq!(
            settings.metrics_token.as_ref().map(Secret::expose),
            Some("monitoraggio-0123456789")
        );
        assert_eq!(settings.metrics_allowed_ips.len(), 2);
        assert!(!format!("{settings:?}").contains("monitoraggio"));

        std::fs::write(&path, "metrics_token = \"changeme\"\n").unwrap();
        let error = settings.apply_file(&path).unwrap_err().to_string();
        assert!(error.contains("at least 16 characters"), "{error}");
        std::fs::write(&path, "metrics_allowed_ips = [\"10.0.0.0/33\"]\n").unwrap();
        let error = settings.apply_file(&path).unwrap_err().to_string();
        assert!(error.contains("10.0.0.0/33"), "{error}");
        std::fs::write(&path, "metrics_token = \"\"\n").unwrap();
        settings.apply_file(&path).unwrap();
        assert!(settings.metrics_token.is_none(), "blank means none");
    }

    #[test]
    fn redacts_passwords_in_urls() {
        assert_eq!(
            redact_url("postgres://app:s3cret@db:5432/x"),
            "postgres://app:***@db:5432/x"
        );
        assert_eq!(redact_url("postgres://app@db/x"), "postgres://app@db/x");
        assert_eq!(
            redact_url("/var/lib/portale.sqlite3"),
            "/var/lib/portale.sqlite3"
        );
        assert!(!format!("{:?}", Secret("pw".into())).contains("pw"));
    }

    #[test]
    fn an_empty_database_url_means_the_embedded_file() {
        let mut settings = Settings {
            data_dir: PathBuf::from("/srv/portale"),
            database_url: Some(Secret(" ".to_owned())),
            ..Settings::default()
        };
        assert_eq!(
            settings.effective_database_url(),
            "/srv/portale/portale.sqlite3"
        );
        settings.database_url = Some(Secret("postgres://db/portale".to_owned()));
        assert_eq!(settings.effective_database_url(), "postgres://db/portale");
    }
}
