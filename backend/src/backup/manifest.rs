//! The backup's table of contents: every file with its size and SHA-256, so that a
//! restore notices a file that is missing, truncated or altered before it copies anything.

use std::io::Read;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

pub const MANIFEST_FILE: &str = "manifest.json";
/// Bumped when the layout of a backup changes; a restore refuses formats it does not know.
pub const FORMAT_VERSION: u32 = 1;

#[derive(Debug, Serialize, Deserialize)]
pub struct Manifest {
    pub format: String,
    pub format_version: u32,
    /// RFC 3339, with offset.
    pub created_at: String,
    /// The version of the portal that made it.
    pub version: String,
    /// The database copy among `files`.
    pub database: String,
    pub files: Vec<FileEntry>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileEntry {
    /// Relative to the backup directory, with `/` separators.
    pub path: String,
    pub size: u64,
    pub sha256: String,
}

#[derive(Debug, thiserror::Error)]
pub enum ManifestError {
    #[error("{0} is missing from the backup")]
    Missing(String),
    #[error("{path} does not match the manifest (expected SHA-256 {expected}, found {found})")]
    Altered {
        path: String,
        expected: String,
        found: String,
    },
    #[error("the manifest names an unsafe path: {0}")]
    UnsafePath(String),
    #[error("not a backup of this portal (format {format} version {version})")]
    UnknownFormat { format: String, version: u32 },
    #[error("{path}: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
}

pub const FORMAT: &str = "portale-backup";

pub fn describe(root: &Path, relative: &str) -> Result<FileEntry, ManifestError> {
    let path = root.join(relative);
    let io = |source| ManifestError::Io {
        path: path.display().to_string(),
        source,
    };
    let mut file = std::fs::File::open(&path).map_err(io)?;
    let mut hasher = Sha256::new();
    let mut buffer = vec![0_u8; 64 * 1024];
    let mut size = 0_u64;
    loop {
        let read = file.read(&mut buffer).map_err(io)?;
        if read == 0 {
            break;
        }
        size += read as u64;
        hasher.update(&buffer[..read]);
    }
    Ok(FileEntry {
        path: relative.to_owned(),
        size,
        sha256: crate::platform::hex::encode(&hasher.finalize()),
    })
}

/// A manifest path as a relative path that cannot leave the backup directory.
pub fn safe_relative(path: &str) -> Result<PathBuf, ManifestError> {
    let relative = PathBuf::from(path);
    let plain = relative
        .components()
        .all(|part| matches!(part, std::path::Component::Normal(_)));
    if !plain || path.is_empty() {
        return Err(ManifestError::UnsafePath(path.to_owned()));
    }
    Ok(relative)
}

impl Manifest {
    /// Every file is present with the recorded size and checksum.
    pub fn check(&self, root: &Path) -> Result<(), ManifestError> {
        if self.format != FORMAT || self.format_version != FORMAT_VERSION {
            return Err(ManifestError::UnknownFormat {
                format: self.format.clone(),
                version: self.format_version,
            });
        }
        if !self.files.iter().any(|f| f.path == self.database) {
            return Err(ManifestError::Missing(self.database.clone()));
        }
        for entry in &self.files {
            let relative = safe_relative(&entry.path)?;
            if !root.join(&relative).is_file() {
                return Err(ManifestError::Missing(entry.path.clone()));
            }
            let found = describe(root, &entry.path)?;
            if found.sha256 != entry.sha256 || found.size != entry.size {
                return Err(ManifestError::Altered {
                    path: entry.path.clone(),
                    expected: entry.sha256.clone(),
                    found: found.sha256,
                });
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn manifest_of(root: &Path, files: &[&str]) -> Manifest {
        Manifest {
            format: FORMAT.to_owned(),
            format_version: FORMAT_VERSION,
            created_at: "2026-01-01T00:00:00+00:00".to_owned(),
            version: "test".to_owned(),
            database: files[0].to_owned(),
            files: files.iter().map(|f| describe(root, f).unwrap()).collect(),
        }
    }

    #[test]
    fn a_changed_or_missing_file_fails_the_check() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("db"), b"database").unwrap();
        std::fs::create_dir(dir.path().join("mail")).unwrap();
        std::fs::write(dir.path().join("mail/a.eml"), b"mail").unwrap();
        let manifest = manifest_of(dir.path(), &["db", "mail/a.eml"]);
        manifest.check(dir.path()).unwrap();

        std::fs::write(dir.path().join("mail/a.eml"), b"Mail").unwrap();
        let altered = manifest.check(dir.path()).unwrap_err();
        assert!(
            matches!(altered, ManifestError::Altered { .. }),
            "{altered}"
        );

        std::fs::remove_file(dir.path().join("mail/a.eml")).unwrap();
        let missing = manifest.check(dir.path()).unwrap_err();
        assert!(matches!(missing, ManifestError::Missing(_)), "{missing}");
    }

    #[test]
    fn paths_that_leave_the_backup_are_refused() {
        for path in ["../etc/passwd", "/etc/passwd", "", "a/../../b"] {
            assert!(safe_relative(path).is_err(), "{path}");
        }
        assert!(safe_relative("mail/x.eml").is_ok());
    }
}
