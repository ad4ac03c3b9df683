//! `portale admin create`: the first administrator of a new installation.

use std::io::BufRead;

use clap::{Args, Subcommand};

use crate::accounts::staff::{self, NewStaff};
use crate::mail::Email;
use crate::platform::auth::Role;
use crate::platform::settings::Settings;

#[derive(Subcommand, Debug)]
pub enum AdminCommand {
    /// Create the first administrator (refused when an active one exists, unless --force).
    /// Prints a one-time password, to be changed at the first login.
    Create(AdminCreateArgs),
}

#[derive(Args, Debug)]
pub struct AdminCreateArgs {
    /// User name: 3 to 32 lower-case letters, digits, dots, dashes or underscores.
    #[arg(long)]
    pub username: String,
    /// E-mail address of the administrator (for password recovery).
    #[arg(long, value_parser = super::parse_email)]
    pub email: Email,
    /// First name. Default: Amministratore
    #[arg(long, default_value = "Amministratore")]
    pub name: String,
    /// Surname. Default: the user name
    #[arg(long)]
    pub surname: Option<String>,
    /// Read the password from the first line of standard input instead of generating
    /// one (it must satisfy the password policy); it is still changed at the first login.
    #[arg(long)]
    pub password_stdin: bool,
    /// Create it even though an active administrator exists (e.g. when every
    /// administrator's password is lost); recorded in the audit log.
    #[arg(long)]
    pub force: bool,
}

pub fn run(settings: &Settings, command: AdminCommand) -> anyhow::Result<()> {
    let AdminCommand::Create(args) = command;
    let password = if args.password_stdin {
        let mut line = String::new();
        std::io::stdin().lock().read_line(&mut line)?;
        let line = line.trim_end_matches(['\r', '\n']).to_owned();
        let broken = settings.password_policy.check(&line);
        anyhow::ensure!(
            broken.is_empty(),
            "the password from standard input does not satisfy the password policy ({})",
            broken
                .iter()
                .map(|rule| rule.code())
                .collect::<Vec<_>>()
                .join(", ")
        );
        line
    } else {
        crate::accounts::password::generate()
    };
    let hash = crate::accounts::password::hash(&password)
        .map_err(|e| anyhow::anyhow!("password hashing failed: {e}"))?;
    let new = NewStaff {
        surname: args.surname.unwrap_or_else(|| args.username.clone()),
        username: args.username,
        name: args.name,
        email: args.email,
        role: Role::Admin,
        group_ids: Vec::new(),
    };
    let db = crate::open_database(settings)?;
    let now = chrono::Utc::now().naive_utc();
    let created = match staff::create_first_administrator(
        &mut *db.connection()?,
        &new,
        &hash,
        args.force,
        now,
    ) {
        Ok(created) => created,
        Err(crate::accounts::Error::AdministratorExists(count)) => anyhow::bail!(
            "refused: this installation already has {count} active administrator(s). \
                 Further staff accounts are created from the back office (Utenti → Nuovo \
                 account del personale); use --force only when no administrator can log in \
                 any more (the creation is recorded in the audit log)"
        ),
        Err(crate::accounts::Error::UsernameTaken) => {
            anyhow::bail!("refused: the user name {} is taken", new.username)
        }
        Err(crate::accounts::Error::BadUsername(problem)) => anyhow::bail!(
            "refused: bad user name ({problem:?}): use 3 to 32 lower-case letters, digits, \
                 dots, dashes or underscores"
        ),
        Err(error) => return Err(error.into()),
    };
    if created.administrators_before > 0 {
        println!(
            "Warning: {} other active administrator(s) exist; this creation is in the audit log.",
            created.administrators_before
        );
    }
    println!(
        "Administrator {} created (account {}).",
        new.username, created.account_id
    );
    if !args.password_stdin {
        println!("One-time password: {password}");
    }
    println!(
        "Log in at {}/accedi with the user name and this password: the portal then asks for a \
         new password.",
        settings.effective_public_base_url()
    );
    Ok(())
}
