//! `portale backup DIR` and `portale restore DIR`.

use std::path::PathBuf;

use clap::Args;

use crate::platform::settings::Settings;

#[derive(Args, Debug)]
pub struct BackupArgs {
    /// A new (or empty) directory for the copy.
    pub dir: PathBuf,
}

#[derive(Args, Debug)]
pub struct RestoreArgs {
    /// A directory made by `portale backup`.
    pub dir: PathBuf,
    /// Overwrite a data directory (and database) that is not empty. Stop the server first.
    #[arg(long)]
    pub force: bool,
}

pub fn backup(settings: &Settings, args: &BackupArgs) -> anyhow::Result<()> {
    let manifest = crate::backup::make_backup(
        &settings.effective_database_url(),
        &settings.data_dir,
        &args.dir,
    )?;
    let bytes: u64 = manifest.files.iter().map(|f| f.size).sum();
    println!(
        "Backup written to {}: {} file(s), {} bytes, made at {}; checksums in {}.",
        args.dir.display(),
        manifest.files.len(),
        bytes,
        manifest.created_at,
        crate::backup::manifest::MANIFEST_FILE
    );
    Ok(())
}

pub fn restore(settings: &Settings, args: &RestoreArgs) -> anyhow::Result<()> {
    let manifest = crate::backup::restore_backup(
        &args.dir,
        &settings.effective_database_url(),
        &settings.data_dir,
        args.force,
    )?;
    println!(
        "Backup of {} (portal version {}) restored into {}: {} file(s) checked and copied. \
         Check the audit log with `portale audit verify` before starting the server.",
        manifest.created_at,
        manifest.version,
        settings.data_dir.display(),
        manifest.files.len()
    );
    Ok(())
}
