//! Persistence: one code base for SQLite (embedded, the default) and PostgreSQL.
//! The backend is chosen from the URL scheme, never by trial: SQLite accepts almost any
//! string as a file name, so guessing would hide a mistyped PostgreSQL URL.

pub mod schema;
pub mod schema_services;

use std::path::Path;
use std::time::Duration;

use diesel::connection::SimpleConnection;
use diesel::{Connection, PgConnection, SqliteConnection};
use diesel_migrations::{embed_migrations, EmbeddedMigrations, MigrationHarness};

use crate::platform::settings::redact_url;

const SQLITE_MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations/sqlite");
const POSTGRES_MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations/postgres");

/// WAL lets readers proceed while one writer writes; the busy timeout makes concurrent
/// writers wait instead of failing; foreign keys are off by default in SQLite.
const SQLITE_PRAGMAS: &str = "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; \
     PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;";

#[derive(diesel::MultiConnection)]
pub enum DbConnection {
    Postgresql(PgConnection),
    Sqlite(SqliteConnection),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl Backend {
    pub fn of_url(url: &str) -> Backend {
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Backend::Postgres
        } else {
            Backend::Sqlite
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Backend::Sqlite => "sqlite",
            Backend::Postgres => "postgresql",
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum DbError {
    #[error("cannot connect to the database {url}: {source}")]
    Connect {
        url: String,
        source: diesel::ConnectionError,
    },
    #[error("cannot open the SQLite database {url}: {source}")]
    Prepare { url: String, source: std::io::Error },
    #[error("database error: {0}")]
    Query(#[from] diesel::result::Error),
    #[error("no database connection available: {0}")]
    Pool(#[from] r2d2::Error),
    #[error("database migration failed: {0}")]
    Migration(String),
    #[error("the database worker stopped: {0}")]
    Blocking(String),
}

pub type DbPool = r2d2::Pool<Manager>;

diesel::define_sql_function! {
    /// Lower case, in both dialects (SQLite folds ASCII letters only).
    fn lower(text: diesel::sql_types::Text) -> diesel::sql_types::Text;
}

/// Opens connections of the one backend the URL names, with SQLite's pragmas applied.
#[derive(Debug)]
pub struct Manager {
    url: String,
    backend: Backend,
    /// Only the first connection may create the SQLite file; the pool's open it as it is.
    create_sqlite_file: bool,
}

impl Manager {
    fn open(&self) -> Result<DbConnection, DbError> {
        let connect_error = |source| DbError::Connect {
            url: redact_url(&self.url),
            source,
        };
        match self.backend {
            Backend::Postgres => PgConnection::establish(&self.url)
                .map(DbConnection::Postgresql)
                .map_err(connect_error),
            Backend::Sqlite => {
                let path = self.url.strip_prefix("sqlite://").unwrap_or(&self.url);
                let mut connection = if self.create_sqlite_file {
                    SqliteConnection::establish(path)
                } else {
                    SqliteConnection::establish(&existing_file_uri(path))
                }
                .map_err(connect_error)?;
                connection.batch_execute(SQLITE_PRAGMAS)?;
                Ok(DbConnection::Sqlite(connection))
            }
        }
    }
}

/// An SQLite URI that opens the file read-write but never creates it: should the database
/// file vanish under a running server, its requests fail loudly instead of working on a
/// new, empty database.
fn existing_file_uri(path: &str) -> String {
    let mut uri = String::from("file:");
    for c in path.chars() {
        match c {
            '%' | '?' | '#' => uri.push_str(&format!("%{:02X}", c as u32)),
            c => uri.push(c),
        }
    }
    uri.push_str("?mode=rw");
    uri
}

impl r2d2::ManageConnection for Manager {
    type Connection = DbConnection;
    type Error = DbError;

    fn connect(&self) -> Result<DbConnection, DbError> {
        self.open()
    }

    fn is_valid(&self, connection: &mut DbConnection) -> Result<(), DbError> {
        connection.batch_execute("SELECT 1").map_err(DbError::from)
    }

    fn has_broken(&self, _: &mut DbConnection) -> bool {
        false
    }
}

/// Runs `work` in one transaction: everything it writes commits together, or nothing.
///
/// On SQLite the outermost transaction begins `IMMEDIATE`, taking the write lock at once
/// (waiting up to `busy_timeout`): a deferred transaction that reads and then writes
/// cannot be upgraded while another connection writes, and SQLite answers "database is
/// locked" at once instead of waiting. Nested calls become savepoints as usual.
pub fn transaction<T, E>(
    conn: &mut DbConnection,
    work: impl FnOnce(&mut DbConnection) -> Result<T, E>,
) -> Result<T, E>
where
    E: From<diesel::result::Error>,
{
    use diesel::connection::{AnsiTransactionManager, TransactionManager};
    let DbConnection::Sqlite(sqlite) = conn else {
        return conn.transaction(work);
    };
    if AnsiTransactionManager::transaction_manager_status_mut(sqlite)
        .transaction_depth()?
        .is_some()
    {
        return conn.transaction(work);
    }
    AnsiTransactionManager::begin_transaction_sql(sqlite, "BEGIN IMMEDIATE")?;
    let outcome = work(conn);
    if let DbConnection::Sqlite(sqlite) = conn {
        match &outcome {
            Ok(_) => AnsiTransactionManager::commit_transaction(sqlite)?,
            Err(_) => AnsiTransactionManager::rollback_transaction(sqlite)?,
        }
    }
    outcome
}

/// Whether a unique violation concerns `column`. PostgreSQL names the violated constraint
/// (whose default name lists its columns); SQLite names none, only the columns in its
/// message.
pub fn unique_violation_on(
    info: &dyn diesel::result::DatabaseErrorInformation,
    column: &str,
) -> bool {
    info.constraint_name()
        .is_some_and(|name| name.contains(column))
        || info.message().contains(column)
}

#[derive(Clone)]
pub struct Database {
    pool: DbPool,
    backend: Backend,
}

impl Database {
    /// Connects once directly, so that a wrong URL or an unreachable server fails now
    /// with the real cause, then builds the pool.
    pub fn connect(url: &str, pool_size: u32) -> Result<Database, DbError> {
        let backend = Backend::of_url(url);
        if backend == Backend::Sqlite {
            let path = Path::new(url.strip_prefix("sqlite://").unwrap_or(url));
            // SQLite gives an empty name or ":memory:" a private database per connection:
            // the pool's connections would each see a different, unmigrated one.
            if matches!(path.to_str(), Some("" | ":memory:")) {
                return Err(DbError::Prepare {
                    url: url.to_owned(),
                    source: std::io::Error::other("a database file name is needed"),
                });
            }
            if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
                std::fs::create_dir_all(parent).map_err(|source| DbError::Prepare {
                    url: url.to_owned(),
                    source,
                })?;
            }
        }
        let mut manager = Manager {
            url: url.to_owned(),
            backend,
            create_sqlite_file: true,
        };
        let first = manager.open()?;
        manager.create_sqlite_file = false;
        // No idle connections opened ahead in r2d2's background threads: a short command
        // (`migrate`, `audit verify`) could otherwise exit while one of them is still in
        // libpq's TLS handshake, and OpenSSL's exit-time cleanup then crashes the process
        // (SIGSEGV, seen here on PostgreSQL with ssl = on). Connections open on demand.
        let pool = r2d2::Pool::builder()
            .max_size(pool_size.max(1))
            .min_idle(Some(0))
            .connection_timeout(Duration::from_secs(10))
            .build_unchecked(manager);
        drop(first);
        Ok(Database { pool, backend })
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }

    pub fn connection(&self) -> Result<r2d2::PooledConnection<Manager>, DbError> {
        Ok(self.pool.get()?)
    }

    #[tracing::instrument(skip(self), fields(backend = self.backend.name()))]
    pub fn migrate(&self) -> Result<Vec<String>, DbError> {
        let mut connection = self.connection()?;
        let applied = match &mut *connection {
            DbConnection::Sqlite(c) => c.run_pending_migrations(SQLITE_MIGRATIONS),
            DbConnection::Postgresql(c) => c.run_pending_migrations(POSTGRES_MIGRATIONS),
        }
        .map_err(|e| DbError::Migration(e.to_string()))?;
        Ok(applied.iter().map(ToString::to_string).collect())
    }

    /// Runs blocking diesel work on the runtime's blocking thread pool (the one actix's
    /// `web::block` uses), off the async workers.
    pub async fn run<T, E, F>(&self, work: F) -> Result<T, E>
    where
        F: FnOnce(&mut DbConnection) -> Result<T, E> + Send + 'static,
        T: Send + 'static,
        E: From<DbError> + Send + 'static,
    {
        let pool = self.pool.clone();
        tokio::task::spawn_blocking(move || {
            let mut connection = pool.get().map_err(DbError::from)?;
            work(&mut connection)
        })
        .await
        .map_err(|e| E::from(DbError::Blocking(e.to_string())))?
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    #[test]
    fn both_dialects_have_the_same_migrations() {
        let names = |dialect: &str| {
            let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("migrations")
                .join(dialect);
            let mut names: Vec<String> = std::fs::read_dir(dir)
                .unwrap()
                .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .collect();
            names.sort();
            names
        };
        assert!(!names("sqlite").is_empty());
        assert_eq!(names("sqlite"), names("postgres"));
    }

    #[test]
    fn pool_connections_never_create_the_sqlite_file() {
        use diesel::Connection;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("odd ?#% name.sqlite3");
        let path = path.to_str().unwrap();
        assert!(
            diesel::SqliteConnection::establish(&super::existing_file_uri(path)).is_err(),
            "opened a file that does not exist"
        );
        assert!(!std::path::Path::new(path).exists());

        let database = super::Database::connect(path, 2).unwrap();
        assert!(
            std::path::Path::new(path).exists(),
            "the first connection creates it"
        );
        database.connection().unwrap();
        diesel::SqliteConnection::establish(&super::existing_file_uri(path)).unwrap();
    }

    #[test]
    fn a_unique_violation_tells_which_columns_it_concerns_on_sqlite() {
        use diesel::{Connection, RunQueryDsl};
        let mut conn = diesel::SqliteConnection::establish(":memory:").unwrap();
        diesel::sql_query(
            "CREATE TABLE t (owner TEXT, idempotency_key TEXT, UNIQUE (owner, idempotency_key))",
        )
        .execute(&mut conn)
        .unwrap();
        let insert = "INSERT INTO t VALUES ('a', 'k')";
        diesel::sql_query(insert).execute(&mut conn).unwrap();
        let Err(diesel::result::Error::DatabaseError(_, info)) =
            diesel::sql_query(insert).execute(&mut conn)
        else {
            panic!("the second insert should violate the unique constraint");
        };
        assert!(super::unique_violation_on(info.as_ref(), "idempotency_key"));
        assert!(!super::unique_violation_on(
            info.as_ref(),
            "stamp_identifier"
        ));
    }
}
