//! `portale audit verify`.

use clap::{Args, Subcommand};

use crate::platform::settings::Settings;

#[derive(Subcommand, Debug)]
pub enum AuditCommand {
    /// Check the audit log's hash chain; exit status 0 only when it is intact, 1 otherwise.
    Verify(AuditVerifyArgs),
}

#[derive(Args, Debug)]
pub struct AuditVerifyArgs {
    /// An entry noted at an earlier verification, as ID:HASH (printed by this command):
    /// also fail when it is gone or changed, which reveals a truncated tail.
    #[arg(long, value_parser = parse_anchor)]
    pub anchor: Option<(i64, String)>,
}

fn parse_anchor(text: &str) -> Result<(i64, String), String> {
    let (id, hash) = text
        .split_once(':')
        .ok_or_else(|| "expected ID:HASH".to_owned())?;
    let id = id
        .parse::<i64>()
        .map_err(|e| format!("bad entry id: {e}"))?;
    let hex = hash.len() == 64 && hash.chars().all(|c| c.is_ascii_hexdigit());
    if !hex {
        return Err("the hash must be 64 hexadecimal digits".to_owned());
    }
    Ok((id, hash.to_ascii_lowercase()))
}

/// Read-only: prints the verdict and, when intact, the head to note as the next anchor.
pub fn verify(settings: &Settings, args: &AuditVerifyArgs) -> anyhow::Result<()> {
    let db = crate::open_database(settings)?;
    let mut conn = db.connection()?;
    let report = match &args.anchor {
        Some((id, hash)) => crate::audit::verify_chain_with_anchor(&mut conn, *id, hash)?,
        None => crate::audit::verify_chain(&mut conn)?,
    };
    match (&report.first_broken, &report.head) {
        (Some((id, problem)), _) => {
            println!(
                "Audit log BROKEN at entry {id}: {} ({}). {} entries checked.",
                problem.code(),
                problem.explanation(),
                report.checked
            );
            anyhow::bail!("the audit log failed verification")
        }
        (None, None) => println!("Audit log intact: it is empty."),
        (None, Some((id, hash))) => {
            println!(
                "Audit log intact: {} entries checked; head: entry {id}, hash {hash}.",
                report.checked
            );
            println!("Note the head elsewhere; to detect a truncated tail later, run:");
            println!("  portale audit verify --anchor {id}:{hash}");
        }
    }
    Ok(())
}
