//! Backups of a SQLite installation: a consistent copy of the database made while the
//! server runs (`VACUUM INTO` reads one snapshot, whatever is written meanwhile), the
//! rest of the data directory (the token secret, outgoing mail, demo credentials), and a
//! manifest with the checksum of every file. The signing keys and the certificates'
//! PDFs live in the database, so they come with it. PostgreSQL has its own tools.

pub mod manifest;

use std::path::{Path, PathBuf};

use diesel::sql_types::Text;
use diesel::RunQueryDsl;

use crate::platform::db::{Backend, Database, DbConnection, DbError};
use manifest::{describe, safe_relative, FileEntry, Manifest, ManifestError, MANIFEST_FILE};

/// The name of the database copy inside a backup.
pub const DATABASE_FILE: &str = "portale.sqlite3";

#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    #[error(
        "portale backup copies SQLite databases only; this installation uses PostgreSQL. \
         Back it up with PostgreSQL's tools, e.g.\n  \
         pg_dump --format=custom --file=portale.dump \"$PORTALE_DATABASE_URL\"\n\
         (restore with: pg_restore --clean --if-exists --dbname \"$PORTALE_DATABASE_URL\" portale.dump)\n\
         and copy the data directory {0} (token secret, outgoing mail) with it"
    )]
    Postgres(String),
    #[error("there is no database at {0}")]
    NoDatabase(String),
    #[error("{0} is not empty: choose a new directory for the backup")]
    TargetNotEmpty(String),
    #[error("{0} is not empty: restore into a new data directory, or add --force to overwrite it")]
    DataDirNotEmpty(String),
    #[error("{0} is not a backup: it has no {MANIFEST_FILE}")]
    NoManifest(String),
    #[error("the manifest is unreadable: {0}")]
    BadManifest(String),
    #[error("the backup is damaged: {0}")]
    Damaged(#[from] ManifestError),
    #[error("the restored database fails SQLite's integrity check: {0}")]
    Integrity(String),
    #[error("{path}: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
    #[error(transparent)]
    Db(#[from] DbError),
}

fn io_error(path: &Path) -> impl FnOnce(std::io::Error) -> BackupError + '_ {
    move |source| BackupError::Io {
        path: path.display().to_string(),
        source,
    }
}

/// The SQLite file a database URL names; PostgreSQL is refused with instructions.
pub fn sqlite_path(database_url: &str, data_dir: &Path) -> Result<PathBuf, BackupError> {
    if Backend::of_url(database_url) == Backend::Postgres {
        return Err(BackupError::Postgres(data_dir.display().to_string()));
    }
    Ok(PathBuf::from(
        database_url
            .strip_prefix("sqlite://")
            .unwrap_or(database_url),
    ))
}

/// The database file and its journals, which are never copied as files.
fn is_database_file(path: &Path, database: &Path) -> bool {
    let db = database.as_os_str().to_string_lossy().into_owned();
    let candidate = path.as_os_str().to_string_lossy().into_owned();
    ["", "-wal", "-shm", "-journal"]
        .iter()
        .any(|suffix| candidate == format!("{db}{suffix}"))
}

fn is_empty_dir(dir: &Path) -> Result<bool, BackupError> {
    match std::fs::read_dir(dir) {
        Ok(mut entries) => Ok(entries.next().is_none()),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(true),
        Err(error) => Err(io_error(dir)(error)),
    }
}

/// Regular files under `dir`, relative to `root`, skipping what `skip` says.
fn files_under(
    root: &Path,
    dir: &Path,
    skip: &dyn Fn(&Path) -> bool,
    out: &mut Vec<String>,
) -> Result<(), BackupError> {
    for entry in std::fs::read_dir(dir).map_err(io_error(dir))? {
        let path = entry.map_err(io_error(dir))?.path();
        if skip(&path) {
            continue;
        }
        let kind = std::fs::symlink_metadata(&path).map_err(io_error(&path))?;
        if kind.is_dir() {
            files_under(root, &path, skip, out)?;
        } else if kind.is_file() {
            let relative = path.strip_prefix(root).unwrap_or(&path);
            let parts: Vec<String> = relative
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            out.push(parts.join("/"));
        }
    }
    Ok(())
}

fn copy_file(from: &Path, to: &Path) -> Result<(), BackupError> {
    if let Some(parent) = to.parent() {
        std::fs::create_dir_all(parent).map_err(io_error(parent))?;
    }
    std::fs::copy(from, to).map_err(io_error(from))?;
    Ok(())
}

/// Copies the installation into `target` (a new or empty directory) and returns the
/// manifest written there.
pub fn make_backup(
    database_url: &str,
    data_dir: &Path,
    target: &Path,
) -> Result<Manifest, BackupError> {
    let database = sqlite_path(database_url, data_dir)?;
    if !database.is_file() {
        return Err(BackupError::NoDatabase(database.display().to_string()));
    }
    if !is_empty_dir(target)? {
        return Err(BackupError::TargetNotEmpty(target.display().to_string()));
    }
    std::fs::create_dir_all(target).map_err(io_error(target))?;
    let created_at = chrono::Local::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, false);

    let copy = target.join(DATABASE_FILE);
    let db = Database::connect(&database.to_string_lossy(), 1)?;
    let mut conn = db.connection()?;
    if let DbConnection::Sqlite(sqlite) = &mut *conn {
        diesel::sql_query("VACUUM INTO ?")
            .bind::<Text, _>(copy.to_string_lossy().into_owned())
            .execute(sqlite)
            .map_err(DbError::from)?;
    }
    drop(conn);

    let mut relative = vec![DATABASE_FILE.to_owned()];
    if data_dir.is_dir() {
        let target_abs = std::fs::canonicalize(target).map_err(io_error(target))?;
        let database_abs = std::fs::canonicalize(&database).unwrap_or(database.clone());
        let skip = |path: &Path| {
            let absolute = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_owned());
            absolute.starts_with(&target_abs) || is_database_file(&absolute, &database_abs)
        };
        let mut others = Vec::new();
        files_under(data_dir, data_dir, &skip, &mut others)?;
        others.sort();
        for file in others {
            copy_file(&data_dir.join(&file), &target.join(&file))?;
            relative.push(file);
        }
    }
    let files = relative
        .iter()
        .map(|file| describe(target, file))
        .collect::<Result<Vec<FileEntry>, _>>()?;
    let manifest = Manifest {
        format: manifest::FORMAT.to_owned(),
        format_version: manifest::FORMAT_VERSION,
        created_at,
        version: env!("CARGO_PKG_VERSION").to_owned(),
        database: DATABASE_FILE.to_owned(),
        files,
    };
    let json = serde_json::to_string_pretty(&manifest)
        .map_err(|e| BackupError::BadManifest(e.to_string()))?;
    let path = target.join(MANIFEST_FILE);
    std::fs::write(&path, format!("{json}\n")).map_err(io_error(&path))?;
    Ok(manifest)
}

/// Reads and checks a backup's manifest against its files.
pub fn check_backup(source: &Path) -> Result<Manifest, BackupError> {
    let path = source.join(MANIFEST_FILE);
    let text = std::fs::read_to_string(&path)
        .map_err(|_| BackupError::NoManifest(source.display().to_string()))?;
    let manifest: Manifest =
        serde_json::from_str(&text).map_err(|e| BackupError::BadManifest(e.to_string()))?;
    manifest.check(source)?;
    Ok(manifest)
}

/// Restores the backup in `source` into `data_dir`, the database going to the SQLite
/// file `database_url` names. Checked in full before anything is written.
pub fn restore_backup(
    source: &Path,
    database_url: &str,
    data_dir: &Path,
    force: bool,
) -> Result<Manifest, BackupError> {
    let database = sqlite_path(database_url, data_dir)?;
    let manifest = check_backup(source)?;
    let occupied = !is_empty_dir(data_dir)? || database.exists();
    if occupied && !force {
        return Err(BackupError::DataDirNotEmpty(data_dir.display().to_string()));
    }
    std::fs::create_dir_all(data_dir).map_err(io_error(data_dir))?;
    for entry in &manifest.files {
        let relative = safe_relative(&entry.path)?;
        if entry.path == manifest.database {
            continue;
        }
        copy_file(&source.join(&relative), &data_dir.join(&relative))?;
    }
    // An old journal next to the new file would be replayed into it.
    for suffix in ["-wal", "-shm", "-journal"] {
        let journal = PathBuf::from(format!("{}{suffix}", database.display()));
        if journal.exists() {
            std::fs::remove_file(&journal).map_err(io_error(&journal))?;
        }
    }
    let staged = PathBuf::from(format!("{}.restoring", database.display()));
    copy_file(&source.join(&manifest.database), &staged)?;
    std::fs::rename(&staged, &database).map_err(io_error(&database))?;
    integrity_check(&database)?;
    Ok(manifest)
}

fn integrity_check(database: &Path) -> Result<(), BackupError> {
    #[derive(diesel::QueryableByName)]
    struct Verdict {
        #[diesel(sql_type = Text)]
        integrity_check: String,
    }
    let db = Database::connect(&database.to_string_lossy(), 1)?;
    let mut conn = db.connection()?;
    if let DbConnection::Sqlite(sqlite) = &mut *conn {
        let verdict: Vec<Verdict> = diesel::sql_query("PRAGMA integrity_check")
            .load(sqlite)
            .map_err(DbError::from)?;
        let lines: Vec<String> = verdict.into_iter().map(|v| v.integrity_check).collect();
        if lines != ["ok"] {
            return Err(BackupError::Integrity(lines.join("; ")));
        }
    }
    Ok(())
}
