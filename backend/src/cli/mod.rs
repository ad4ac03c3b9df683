//! The `portale` command line. Every option is also a `PORTALE_*` environment variable;
//! a TOML file (`--config`) may set the same keys and the municipality's details.

use std::net::{SocketAddr, TcpListener};
use std::path::PathBuf;
use std::sync::Arc;

use anyhow::Context;
use clap::{Args, Parser, Subcommand};

mod admin;
mod audit;
mod backup;
mod certificates;

use crate::mail::Email;
use crate::platform::ip_range::IpRange;
use crate::platform::settings::overlay;
use crate::platform::settings::{check_metrics_token, LogFormat, Secret, Settings};
#[derive(Parser, Debug)]
#[command(
    name = "portale",
    version,
    about = "Portale dei Servizi Demografici: the online counter of a municipal registry office",
    long_about = "Portale dei Servizi Demografici: the online counter of an Italian municipal registry office.\n\n\
Settings come, from weakest to strongest, from built-in defaults, the TOML file given by --config, \
PORTALE_* environment variables and command-line flags. PORTALE_LOG (or RUST_LOG) sets the log filter, \
e.g. `info,portale=debug`."
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Args, Debug)]
pub struct GlobalArgs {
    /// TOML configuration file (same keys as the flags, plus a [municipality] table).
    #[arg(long, env = "PORTALE_CONFIG", global = true)]
    pub config: Option<PathBuf>,
    /// Database: `postgres://user:password@host:5432/db` for PostgreSQL, otherwise a SQLite
    /// file path. Default: portale.sqlite3 in the data directory.
    #[arg(
        long,
        env = "PORTALE_DATABASE_URL",
        global = true,
        hide_env_values = true
    )]
    pub database_url: Option<String>,
    /// Directory for the SQLite file, keys, outgoing mail and demo credentials. Default: ./data
    #[arg(long, env = "PORTALE_DATA_DIR", global = true)]
    pub data_dir: Option<PathBuf>,
    /// Log format: auto (JSON unless stderr is a terminal), json or pretty.
    #[arg(long, env = "PORTALE_LOG_FORMAT", global = true, value_enum)]
    pub log_format: Option<LogFormat>,
    /// Maximum database connections in the pool. Default: 8
    #[arg(long, env = "PORTALE_DB_POOL_SIZE", global = true)]
    pub db_pool_size: Option<u32>,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Serve the API, the SPA and Swagger UI; runs pending migrations first.
    Serve(Box<ServeArgs>),
    /// Apply pending database migrations and exit.
    Migrate,
    /// Fill an empty registry with a deterministic fictional municipality.
    SeedDemo(SeedArgs),
    /// Print the OpenAPI document (JSON).
    Openapi,
    /// Audit log tools.
    #[command(subcommand)]
    Audit(audit::AuditCommand),
    /// Check a certificate PDF offline: its PAdES signature, the QR seal and the hash of
    /// its content. Exit status 0 only when authentic.
    Verify(certificates::VerifyArgs),
    /// Keys that seal and sign certificates.
    #[command(subcommand)]
    Keys(certificates::KeysCommand),
    /// Staff accounts: the first administrator.
    #[command(subcommand)]
    Admin(admin::AdminCommand),
    /// Copy the database (online, while the server runs), the keys and the outgoing
    /// mail into DIR, with a manifest of SHA-256 checksums. SQLite only.
    Backup(backup::BackupArgs),
    /// Restore a backup made by `portale backup` into a new data directory.
    Restore(backup::RestoreArgs),
}

#[derive(Args, Debug)]
pub struct ServeArgs {
    /// Address to listen on. Default: 127.0.0.1:8080
    #[arg(long, env = "PORTALE_BIND")]
    pub bind: Option<SocketAddr>,
    /// Fill an empty database with the demo municipality and write demo-credentials.json
    /// to the data directory.
    #[arg(long, env = "PORTALE_DEMO")]
    pub demo: bool,
    /// Persons in the demo registry created by --demo. Default: 2000
    #[arg(long, env = "PORTALE_DEMO_PERSONS")]
    pub demo_persons: Option<usize>,
    /// Public address of the portal, used in QR codes and e-mails. Default: http://<bind address>
    #[arg(long, env = "PORTALE_PUBLIC_BASE_URL")]
    pub public_base_url: Option<String>,
    /// Largest accepted JSON body in bytes. Default: 262144
    #[arg(long, env = "PORTALE_MAX_BODY_BYTES")]
    pub max_body_bytes: Option<usize>,
    /// HTTP worker threads. Default: one per CPU core
    #[arg(long, env = "PORTALE_WORKERS")]
    pub workers: Option<usize>,
    /// SMTP relay for outgoing mail: smtp://host:25 (no TLS), smtp://user:password@host:587?tls=starttls
    /// or smtps://user:password@host:465; optional query parameters `ehlo=<name>` and
    /// `ca=<PEM file>` (a private CA for the relay's certificate). Without it, mail is written
    /// as .eml files under DATA_DIR/mail.
    #[arg(long, env = "PORTALE_SMTP_URL", hide_env_values = true)]
    pub smtp_url: Option<String>,
    /// Secret (32+ characters) that signs access tokens. Default: generated into
    /// DATA_DIR/jwt-secret.key. Instances sharing a database must share it.
    #[arg(long, env = "PORTALE_JWT_SECRET", hide_env_values = true)]
    pub jwt_secret: Option<String>,
    /// Trust X-Forwarded-For / Forwarded for the client address (only behind a proxy
    /// that sets them).
    #[arg(long, env = "PORTALE_TRUST_PROXY_HEADERS")]
    pub trust_proxy_headers: bool,
    /// Bearer token (16+ characters) that lets a monitoring server read /metrics
    /// (`Authorization: Bearer <token>`) from any address.
    #[arg(long, env = "PORTALE_METRICS_TOKEN", hide_env_values = true, value_parser = parse_metrics_token)]
    pub metrics_token: Option<Secret>,
    /// Client addresses or ranges (comma-separated, e.g. 10.0.0.5,192.0.2.0/24,::1) that
    /// read /metrics without the token. With neither this nor --metrics-token, only
    /// loopback clients (127.0.0.0/8, ::1) read it; behind a proxy the address is the one
    /// --trust-proxy-headers believes.
    #[arg(long, env = "PORTALE_METRICS_ALLOWED_IPS", value_delimiter = ',')]
    pub metrics_allowed_ips: Vec<IpRange>,
    /// Online registration with a generated password: true (default) or false.
    #[arg(long, env = "PORTALE_REGISTRATION_ENABLED", value_parser = clap::builder::BoolishValueParser::new())]
    pub registration_enabled: Option<bool>,
    /// Sender address of outgoing mail; the display name is the municipality's name.
    /// Default: noreply@<domain of the municipality's office e-mail>
    #[arg(long, env = "PORTALE_MAIL_FROM", value_parser = parse_email)]
    pub mail_from: Option<Email>,
    /// Serve HTTPS on the bind address with this certificate chain (PEM, server certificate
    /// first); needs --tls-key-file. Without it the portal speaks plain HTTP (e.g. behind a
    /// reverse proxy that terminates TLS).
    #[arg(long, env = "PORTALE_TLS_CERT_FILE")]
    pub tls_cert_file: Option<PathBuf>,
    /// Private key (PEM: PKCS#8, PKCS#1 or SEC1) of --tls-cert-file.
    #[arg(long, env = "PORTALE_TLS_KEY_FILE")]
    pub tls_key_file: Option<PathBuf>,
    /// Smart-card login (CNS/CRS): CA certificates (PEM files; repeat the flag, or separate
    /// with commas) whose client certificates are accepted. The TLS handshake then asks
    /// every visitor for a certificate, optionally. Needs --tls-cert-file.
    #[arg(long, env = "PORTALE_TLS_CLIENT_CA_FILES", value_delimiter = ',')]
    pub tls_client_ca_files: Vec<PathBuf>,
    /// Seal and sign certificates with this certificate (PEM, leaf first, from a real CA)
    /// and --signing-key-file. Without them a self-signed certificate is generated at
    /// first start and kept in the database.
    #[arg(long, env = "PORTALE_SIGNING_CERT_FILE")]
    pub signing_cert_file: Option<PathBuf>,
    /// Private key of --signing-cert-file: PEM PKCS#8, ECDSA P-256.
    #[arg(long, env = "PORTALE_SIGNING_KEY_FILE")]
    pub signing_key_file: Option<PathBuf>,
}

pub(crate) fn parse_email(value: &str) -> Result<Email, String> {
    Email::parse(value).map_err(|e| e.to_string())
}

/// A blank token is refused here (unlike in the file, where it means none): a flag that
/// asks for a token and gets an empty one is a mistake.
fn parse_metrics_token(value: &str) -> Result<Secret, String> {
    check_metrics_token(value)?.ok_or_else(|| "the metrics token is empty".to_owned())
}

#[derive(Args, Debug)]
pub struct SeedArgs {
    /// How many persons to create (100 to 1,000,000 are typical).
    #[arg(long, env = "PORTALE_SEED_PERSONS", default_value_t = 2_000)]
    pub persons: usize,
    /// Seed of the generator: the same seed and size give the same registry.
    #[arg(long, env = "PORTALE_SEED", default_value_t = 1)]
    pub seed: u64,
    /// Do not draw the progress bar.
    #[arg(long)]
    pub quiet: bool,
}

impl GlobalArgs {
    pub fn settings(&self) -> anyhow::Result<Settings> {
        let mut settings = Settings::default();
        if let Some(path) = &self.config {
            settings.apply_file(path)?;
        }
        overlay(
            &mut settings.database_url,
            self.database_url.clone().map(|u| Some(Secret(u))),
        );
        overlay(&mut settings.data_dir, self.data_dir.clone());
        overlay(&mut settings.log_format, self.log_format);
        overlay(&mut settings.db_pool_size, self.db_pool_size);
        Ok(settings)
    }
}

impl ServeArgs {
    fn apply(&self, settings: &mut Settings) {
        overlay(&mut settings.bind, self.bind);
        overlay(&mut settings.demo, self.demo.then_some(true));
        overlay(&mut settings.demo_persons, self.demo_persons);
        overlay(
            &mut settings.public_base_url,
            self.public_base_url.clone().map(Some),
        );
        overlay(&mut settings.max_body_bytes, self.max_body_bytes);
        overlay(&mut settings.workers, self.workers.map(Some));
        overlay(
            &mut settings.smtp_url,
            self.smtp_url.clone().map(|u| Some(Secret(u))),
        );
        overlay(&mut settings.mail_from, self.mail_from.clone().map(Some));
        overlay(
            &mut settings.jwt_secret,
            self.jwt_secret.clone().map(|s| Some(Secret(s))),
        );
        overlay(
            &mut settings.trust_proxy_headers,
            self.trust_proxy_headers.then_some(true),
        );
        overlay(
            &mut settings.metrics_token,
            self.metrics_token.clone().map(Some),
        );
        if !self.metrics_allowed_ips.is_empty() {
            settings.metrics_allowed_ips = self.metrics_allowed_ips.clone();
        }
        overlay(
            &mut settings.registration_enabled,
            self.registration_enabled,
        );
        overlay(
            &mut settings.tls_cert_file,
            self.tls_cert_file.clone().map(Some),
        );
        overlay(
            &mut settings.tls_key_file,
            self.tls_key_file.clone().map(Some),
        );
        if !self.tls_client_ca_files.is_empty() {
            settings.tls_client_ca_files = self.tls_client_ca_files.clone();
        }
        overlay(
            &mut settings.signing_cert_file,
            self.signing_cert_file.clone().map(Some),
        );
        overlay(
            &mut settings.signing_key_file,
            self.signing_key_file.clone().map(Some),
        );
    }
}

pub fn run(cli: Cli) -> anyhow::Result<()> {
    let mut settings = cli.global.settings()?;
    crate::platform::telemetry::init(settings.log_format);
    match cli.command {
        Command::Openapi => {
            let base = settings.public_base_url.clone();
            print!("{}", crate::routes::openapi_json_for(base.as_deref())?);
            Ok(())
        }
        Command::Migrate => {
            let db = crate::platform::db::Database::connect(&settings.effective_database_url(), 1)?;
            let applied = db.migrate()?;
            println!(
                "{} migration(s) applied on {}.",
                applied.len(),
                db.backend().name()
            );
            Ok(())
        }
        Command::SeedDemo(args) => {
            let db = crate::open_database(&settings)?;
            let report = crate::demo::seed_registry(&db, args.persons, args.seed, !args.quiet)?;
            println!(
                "Seeded {} persons in {} families in {:.1} s.",
                report.persons,
                report.families,
                report.elapsed.as_secs_f64()
            );
            Ok(())
        }
        Command::Audit(audit::AuditCommand::Verify(args)) => audit::verify(&settings, &args),
        Command::Verify(args) => certificates::verify(&settings, &args),
        Command::Keys(command) => certificates::keys(&settings, &command),
        Command::Admin(command) => admin::run(&settings, command),
        Command::Backup(args) => backup::backup(&settings, &args),
        Command::Restore(args) => backup::restore(&settings, &args),
        Command::Serve(args) => {
            args.apply(&mut settings);
            serve(settings)
        }
    }
}

fn serve(settings: Settings) -> anyhow::Result<()> {
    // Unreadable or mismatched TLS files stop the start, naming the file, before anything
    // else happens (the server loads them again when it starts listening).
    crate::platform::http::tls::server_config(&settings)?;
    let db = crate::open_database(&settings)?;
    // The signing key: the configured one becomes current, or one is generated now, so
    // that the first certificate does not wait for it and a bad file stops the start.
    crate::certificates::keyring::prepare(&mut *db.connection()?, &settings)?;
    if settings.demo {
        let credentials = crate::demo::prepare(&db, &settings)?;
        println!("{credentials}");
        // As the contract says: only the two demo citizens keep their first password.
        println!(
            "Nota: l'operatore e l'amministratore devono scegliere una nuova password al primo \
             accesso (Note: the operator and the admin must choose a new password at their \
             first login)."
        );
    }
    let listener = TcpListener::bind(settings.bind)
        .with_context(|| format!("cannot listen on {}", settings.bind))?;
    let address = listener.local_addr()?;
    tracing::info!(%address, database = db.backend().name(), "portale listening");
    // A wrong SMTP URL stops the start, before anything listens.
    if let Some(url) = &settings.smtp_url {
        crate::mail::smtp::SmtpConfig::parse(url.expose()).map_err(anyhow::Error::msg)?;
    }
    let settings = Arc::new(settings);
    actix_web::rt::System::new().block_on(async move {
        let metrics = crate::platform::metrics::Metrics::new()?;
        let server = crate::build_server_with_metrics(
            settings.clone(),
            db.clone(),
            listener,
            metrics.clone(),
        )?;
        crate::practices::silence::spawn(db.clone(), settings.clone());
        crate::appointments::reminders::spawn(db.clone(), settings.clone());
        if settings.federation.enabled() {
            crate::accounts::federation::spawn_pruning(db.clone());
        }
        let webhooks = crate::webhooks::worker::WebhookWorker::new(db.clone())
            .map_err(anyhow::Error::msg)?
            .spawn();
        let mail = crate::mail::worker::MailWorker::new(&settings, db, metrics)
            .map_err(anyhow::Error::msg)?
            .spawn();
        // Announced once the server (and its SIGTERM handler) is running.
        let scheme = if settings.tls_enabled() {
            "https"
        } else {
            "http"
        };
        println!(
            "Portale dei Servizi Demografici in ascolto su {scheme}://{address} (API: /api/docs)"
        );
        let served = server.await;
        // The server has drained its requests; the mail in flight finishes, then the worker ends.
        mail.stop().await;
        webhooks.stop().await;
        served?;
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    /// Every serve flag must reach the settings: a flag parsed and then ignored is the
    /// worst kind of configuration bug.
    #[test]
    fn serve_flags_reach_the_settings() {
        let cli = Cli::try_parse_from([
            "portale",
            "serve",
            "--bind",
            "0.0.0.0:9999",
            "--demo",
            "--demo-persons",
            "123",
            "--public-base-url",
            "https://anagrafe.example",
            "--max-body-bytes",
            "1000",
            "--workers",
            "3",
            "--smtp-url",
            "smtp://mail:25",
            "--jwt-secret",
            "0123456789abcdef0123456789abcdef",
            "--trust-proxy-headers",
            "--metrics-token",
            "monitoraggio-0123456789",
            "--metrics-allowed-ips",
            "10.0.0.0/8,::1",
            "--metrics-allowed-ips",
            "192.0.2.7",
            "--registration-enabled",
            "false",
            "--mail-from",
            "anagrafe@comune.example",
            "--tls-cert-file",
            "/etc/portale/server.pem",
            "--tls-key-file",
            "/etc/portale/server.key",
            "--tls-client-ca-files",
            "/etc/portale/cns-a.pem,/etc/portale/cns-b.pem",
            "--tls-client-ca-files",
            "/etc/portale/cns-c.pem",
        ])
        .unwrap();
        let Command::Serve(args) = cli.command else {
            panic!("serve")
        };
        let mut settings = Settings::default();
        args.apply(&mut settings);
        assert_eq!(settings.bind.port(), 9999);
        assert!(settings.demo);
        assert_eq!(settings.demo_persons, 123);
        assert_eq!(
            settings.effective_public_base_url(),
            "https://anagrafe.example"
        );
        assert_eq!(settings.max_body_bytes, 1000);
        assert_eq!(settings.workers, Some(3));
        assert!(settings.smtp_url.is_some());
        assert_eq!(
            settings.jwt_secret.as_ref().map(Secret::expose),
            Some("0123456789abcdef0123456789abcdef")
        );
        assert!(settings.trust_proxy_headers);
        assert_eq!(
            settings.metrics_token.as_ref().map(Secret::expose),
            Some("monitoraggio-0123456789")
        );
        let allowed: Vec<String> = settings
            .metrics_allowed_ips
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(allowed, ["10.0.0.0/8", "::1/128", "192.0.2.7/32"]);
        assert!(!settings.registration_enabled);
        assert!(settings.mail_from.is_some());
        let etc = PathBuf::from("/etc/portale");
        assert_eq!(settings.tls_cert_file, Some(etc.join("server.pem")));
        assert_eq!(settings.tls_key_file, Some(etc.join("server.key")));
        let cas = ["cns-a.pem", "cns-b.pem", "cns-c.pem"].map(|name| etc.join(name));
        assert_eq!(settings.tls_client_ca_files, cas);
        assert!(settings.smartcard_enabled());
    }
}
