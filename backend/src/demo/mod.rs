//! The demo municipality: a deterministic fictional registry (`seed-demo`), and for
//! `serve --demo` the accounts of API.md with their credentials written to the data dir.

mod generator;
mod names;

use std::time::{Duration, Instant};

use anyhow::Context;
use indicatif::{ProgressBar, ProgressStyle};
use serde::Serialize;

use crate::accounts::password;
use crate::accounts::store::accounts::{self, AccountRow};
use crate::platform::db::{Database, DbConnection};
use crate::platform::settings::Settings;
use crate::registry::rules::fiscal_code::{FiscalCode, PersonalData};
use crate::registry::rules::sex::Sex;
use crate::registry::store::families::{self, RegistryBatch};

/// The demo municipality's postcode (CAP), on every generated address.
pub const DEMO_POSTCODE: &str = "00099";

pub use generator::{reference_date, years_after, Generator};

pub struct SeedReport {
    pub persons: usize,
    pub families: usize,
    pub elapsed: Duration,
}

/// Persons per transaction: large enough to amortise commits, small enough to keep
/// memory flat at a million persons.
const PERSONS_PER_BATCH: usize = 20_000;

/// Fills an empty registry with `persons` persons; refuses a registry that has data.
pub fn seed_registry(
    db: &Database,
    persons: usize,
    seed: u64,
    progress: bool,
) -> anyhow::Result<SeedReport> {
    anyhow::ensure!(persons > 0, "--persons must be at least 1");
    let mut conn = db.connection()?;
    let existing = families::count_persons(&mut conn)?;
    anyhow::ensure!(
        existing == 0,
        "the registry already holds {existing} persons; seed-demo only fills an empty database"
    );
    let started = Instant::now();
    // The street list the generated addresses use: declarations of residence pick from it.
    let streets: Vec<(&str, &str)> = names::STREETS.iter().map(|s| (*s, DEMO_POSTCODE)).collect();
    crate::registry::streets::add(&mut conn, &streets)?;
    bulk_import_mode(&mut conn, true)?;
    let bar = if progress {
        ProgressBar::new(persons as u64)
    } else {
        ProgressBar::hidden()
    };
    bar.set_style(
        ProgressStyle::with_template(
            "{spinner} {bar:40} {pos}/{len} persons ({per_sec}, {eta} left)",
        )
        .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    let mut generator = Generator::new(seed, persons);
    let mut batch = RegistryBatch::default();
    let (mut written, mut families) = (0, 0);
    while written < persons {
        let added = generator.family(persons - written, &mut batch);
        written += added;
        families += 1;
        if batch.persons.len() >= PERSONS_PER_BATCH || written >= persons {
            families::insert_batch(&mut conn, &batch)?;
            bar.set_position(written as u64);
            batch = RegistryBatch::default();
        }
    }
    bar.finish_and_clear();
    bulk_import_mode(&mut conn, false)?;
    Ok(SeedReport {
        persons: written,
        families,
        elapsed: started.elapsed(),
    })
}

/// A seed is an import into an empty database that is simply redone if interrupted, so
/// on SQLite it may skip fsyncs and use a large page cache; the connection is restored
/// afterwards because the pool reuses it.
fn bulk_import_mode(conn: &mut DbConnection, on: bool) -> anyhow::Result<()> {
    if let DbConnection::Sqlite(sqlite) = conn {
        let pragmas = if on {
            "PRAGMA synchronous = OFF; PRAGMA cache_size = -262144;"
        } else {
            "PRAGMA synchronous = NORMAL; PRAGMA cache_size = -2000; PRAGMA wal_checkpoint(TRUNCATE);"
        };
        diesel::connection::SimpleConnection::batch_execute(sqlite, pragmas)?;
    }
    Ok(())
}

/// `demo-credentials.json` as API.md defines it.
#[derive(Debug, Serialize, serde::Deserialize)]
pub struct DemoCredentials {
    pub base_url: String,
    pub citizen: CitizenCredentials,
    pub citizen2: CitizenCredentials,
    pub nonresident: CitizenCredentials,
    pub operator: StaffCredentials,
    pub admin: StaffCredentials,
    /// A third-party application with every read scope.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub api_client: Option<ApiClientCredentials>,
}

#[derive(Debug, Serialize, serde::Deserialize)]
pub struct ApiClientCredentials {
    pub client_id: String,
    pub client_secret: String,
}

#[derive(Debug, Serialize, serde::Deserialize)]
pub struct CitizenCredentials {
    pub fiscal_code: String,
    pub password: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub person_id: Option<String>,
}

#[derive(Debug, Serialize, serde::Deserialize)]
pub struct StaffCredentials {
    pub username: String,
    pub password: String,
}

/// Seeds an empty database for the demo, creates the accounts once, and returns the text
/// to print. Passwords are random per installation and stored only hashed, so the file
/// written the first time is the one place they can be read again.
pub fn prepare(db: &Database, settings: &Settings) -> anyhow::Result<String> {
    let path = settings.data_dir.join("demo-credentials.json");
    let mut conn = db.connection()?;
    if families::count_persons(&mut conn)? == 0 {
        drop(conn);
        let report = seed_registry(db, settings.demo_persons, 1, false)?;
        tracing::info!(
            persons = report.persons,
            families = report.families,
            seconds = report.elapsed.as_secs_f64(),
            "demo registry seeded"
        );
        conn = db.connection()?;
    }
    crate::appointments::demo::seed(&mut conn).map_err(|e| anyhow::anyhow!("demo desks: {e}"))?;
    if accounts::count(&mut conn)? == 0 {
        let credentials = create_accounts(&mut conn, &settings.effective_public_base_url())?;
        std::fs::create_dir_all(&settings.data_dir)?;
        let json = serde_json::to_string_pretty(&credentials)?;
        std::fs::write(&path, format!("{json}\n"))
            .with_context(|| format!("cannot write {}", path.display()))?;
        return Ok(format!(
            "Credenziali demo (anche in {}):\n{json}",
            path.display()
        ));
    }
    match std::fs::read_to_string(&path) {
        Ok(json) => Ok(format!(
            "Credenziali demo (da {}):\n{}",
            path.display(),
            json.trim_end()
        )),
        Err(_) => Ok(format!(
            "The demo accounts exist but {} is gone; their passwords are stored only hashed. \
             Start with an empty data directory to get new ones.",
            path.display()
        )),
    }
}

fn create_accounts(conn: &mut DbConnection, base_url: &str) -> anyhow::Result<DemoCredentials> {
    let heads = families::demo_account_candidates(conn, 2)?;
    anyhow::ensure!(
        heads.len() == 2,
        "the demo registry has too few families of three or more persons"
    );
    let now = chrono::Utc::now().naive_utc();
    let mut account = |role: &str,
                       fiscal_code: Option<&str>,
                       username: Option<&str>,
                       surname: &str,
                       name: &str,
                       must_change: bool|
     -> anyhow::Result<String> {
        let secret = password::generate();
        accounts::insert(
            conn,
            &AccountRow {
                id: uuid::Uuid::now_v7().to_string(),
                role: role.to_owned(),
                fiscal_code: fiscal_code.map(str::to_owned),
                username: username.map(str::to_owned),
                surname: surname.to_owned(),
                name: name.to_owned(),
                email: None,
                password_hash: Some(
                    password::hash(&secret)
                        .map_err(|e| anyhow::anyhow!("password hashing failed: {e}"))?,
                ),
                status: "active".to_owned(),
                must_change_password: must_change,
                created_at: now,
            },
        )?;
        Ok(secret)
    };
    let citizen = |head: &families::PersonRow, secret: String| CitizenCredentials {
        fiscal_code: head.fiscal_code.clone(),
        password: secret,
        person_id: Some(head.id.to_string()),
    };
    let first = account(
        "citizen",
        Some(&heads[0].fiscal_code),
        None,
        &heads[0].surname,
        &heads[0].name,
        false,
    )?;
    let second = account(
        "citizen",
        Some(&heads[1].fiscal_code),
        None,
        &heads[1].surname,
        &heads[1].name,
        false,
    )?;
    // Someone born elsewhere who never lived here: a citizen without a registry position.
    let outsider = FiscalCode::compute(&PersonalData {
        surname: "Esterni",
        name: "Giulia",
        sex: Sex::F,
        birth_date: years_after(reference_date(), -34),
        birth_place_code: "F205",
    })
    .map_err(|e| anyhow::anyhow!("demo fiscal code: {e}"))?;
    let outsider_password = account(
        "citizen",
        Some(outsider.as_str()),
        None,
        "Esterni",
        "Giulia",
        true,
    )?;
    let operator = account(
        "operator",
        None,
        Some("operatore"),
        "Operatore",
        "Demo",
        true,
    )?;
    let admin = account("admin", None, Some("admin"), "Amministratore", "Demo", true)?;
    for group in &crate::accounts::rules::groups::BUILT_IN_GROUPS {
        let username = if group.role == "admin" {
            "admin"
        } else {
            "operatore"
        };
        let staff =
            accounts::find_by_login(conn, &accounts::LoginName::Username(username.to_owned()))?
                .ok_or_else(|| anyhow::anyhow!("demo account {username} missing"))?;
        accounts::add_to_group(conn, &staff.id, group.id)?;
    }
    let api_client = demo_api_client(conn)?;
    Ok(DemoCredentials {
        api_client: Some(api_client),
        base_url: base_url.to_owned(),
        citizen: citizen(&heads[0], first),
        citizen2: citizen(&heads[1], second),
        nonresident: CitizenCredentials {
            fiscal_code: outsider.as_str().to_owned(),
            password: outsider_password,
            person_id: None,
        },
        operator: StaffCredentials {
            username: "operatore".to_owned(),
            password: operator,
        },
        admin: StaffCredentials {
            username: "admin".to_owned(),
            password: admin,
        },
    })
}

/// The demo's third-party application: every read scope, registered by the demo admin.
fn demo_api_client(conn: &mut DbConnection) -> anyhow::Result<ApiClientCredentials> {
    let admin = accounts::find_by_login(conn, &accounts::LoginName::Username("admin".to_owned()))?
        .ok_or_else(|| anyhow::anyhow!("demo admin missing"))?;
    let new = crate::clients::rules::NewClient {
        name: "Verifiche demo".to_owned(),
        organisation: "Ente di prova".to_owned(),
        contact_email: "api@ente-di-prova.example".to_owned(),
        scopes: ["certificates:verify", "registry:check", "practices:read"]
            .map(str::to_owned)
            .to_vec(),
        allowed_ips: Vec::new(),
        rate_limit_per_minute: None,
        public_jwks: None,
    };
    let origin = crate::audit::Origin {
        ip: None,
        request_id: None,
    };
    let who = crate::clients::registration::Admin {
        account_id: &admin.id,
        label: "admin",
    };
    let issued = crate::clients::registration::register(
        conn,
        &origin,
        &who,
        new,
        chrono::Utc::now().naive_utc(),
    )
    .map_err(|e| anyhow::anyhow!("demo client: {e}"))?;
    Ok(ApiClientCredentials {
        client_id: issued.client.id,
        client_secret: issued.secret.unwrap_or_default(),
    })
}
