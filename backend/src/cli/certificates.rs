//! `portale verify FILE.pdf` and `portale keys …`.

use std::path::PathBuf;

use anyhow::Context;
use clap::{Args, Subcommand};

use crate::audit::{self, actions, Actor, AuditEntry, Origin};
use crate::certificates::keyring;
use crate::document::inspect;
use crate::document::signer::{Jwk, PublicKeyInfo};
use crate::platform::settings::Settings;

#[derive(Args, Debug)]
pub struct VerifyArgs {
    /// The certificate, as downloaded or received by e-mail.
    pub file: PathBuf,
    /// The municipality's public keys as a JWK set (what `GET /api/v1/signing-keys`
    /// answers). Without it, the keys of this installation's database are used.
    #[arg(long)]
    pub keys: Option<PathBuf>,
}

#[derive(Subcommand, Debug)]
pub enum KeysCommand {
    /// Retire the current signing key and create a new one. Documents signed with
    /// retired keys keep verifying; running servers switch within a minute.
    Rotate,
    /// List the keys: id, status, creation and retirement.
    List,
}

#[derive(serde::Deserialize)]
struct JwkSet {
    keys: Vec<Jwk>,
}

fn public_keys(settings: &Settings, file: Option<&PathBuf>) -> anyhow::Result<Vec<PublicKeyInfo>> {
    if let Some(file) = file {
        let text = std::fs::read_to_string(file)
            .with_context(|| format!("cannot read the key set {}", file.display()))?;
        let set: JwkSet = serde_json::from_str(&text).context("the key set is not a JWK set")?;
        return set
            .keys
            .iter()
            .map(|jwk| PublicKeyInfo::from_jwk(jwk).map_err(anyhow::Error::from))
            .collect();
    }
    let db = crate::open_database(settings)?;
    let mut conn = db.connection()?;
    Ok(keyring::published(&mut conn)?
        .into_iter()
        .map(|key| key.info)
        .collect())
}

pub fn verify(settings: &Settings, args: &VerifyArgs) -> anyhow::Result<()> {
    let bytes = std::fs::read(&args.file)
        .with_context(|| format!("cannot read {}", args.file.display()))?;
    let keys = public_keys(settings, args.keys.as_ref())?;
    let verdict = inspect::inspect(&bytes, &keys);
    for check in &verdict.checks {
        match &check.outcome {
            Ok(()) => println!("  ok    {}", check.name.label()),
            Err(why) => println!("  FAIL  {}: {why}", check.name.label()),
        }
    }
    if let Some(claims) = &verdict.claims {
        println!(
            "Seal: certificate {} ({}) about {} {}, issued on {} by the municipality with ISTAT code {}.",
            claims.certificate_id, claims.type_code, claims.surname, claims.name, claims.issued_on, claims.issuer
        );
    }
    if let Some(key) = &verdict.signing_key_id {
        println!("Signing key: {key}.");
    }
    if verdict.authentic() {
        println!(
            "AUTHENTIC: {} is a certificate issued and signed by the municipality, unchanged.",
            args.file.display()
        );
        Ok(())
    } else {
        println!("NOT AUTHENTIC: do not rely on {}.", args.file.display());
        std::process::exit(1)
    }
}

pub fn keys(settings: &Settings, command: &KeysCommand) -> anyhow::Result<()> {
    let db = crate::open_database(settings)?;
    let mut conn = db.connection()?;
    match command {
        KeysCommand::Rotate => {
            let new_id = keyring::rotate(&mut conn, &keyring::Issuer::of(settings))?;
            let entry = AuditEntry {
                details: serde_json::json!({ "key_id": new_id }),
                ..AuditEntry::new(Actor::SYSTEM, actions::SIGNING_KEY_ROTATED)
                    .subject("signing_key", &new_id)
            };
            audit::record(&mut conn, &Origin::default(), entry)?;
            println!(
                "New current signing key: {new_id}. Earlier keys are retired and keep verifying."
            );
        }
        KeysCommand::List => {
            for key in keyring::published(&mut conn)? {
                let status = match key.row.retired_at {
                    None => "current".to_owned(),
                    Some(at) => format!("retired {at}"),
                };
                println!("{}\tcreated {}\t{status}", key.row.id, key.row.created_at);
            }
        }
    }
    Ok(())
}
