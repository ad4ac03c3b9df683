//! Accounts of the office's staff: the first administrator, made on the command line
//! when the portal is put into service, and the operators and administrators that an
//! administrator then creates from the back office, invited by e-mail to choose their
//! own password (the same single-use link as password recovery, valid longer).

use std::collections::BTreeSet;

use chrono::{Duration, NaiveDateTime};

use crate::accounts::oversight;
use crate::accounts::rules::groups::BUILT_IN_GROUPS;
use crate::accounts::rules::username::check_username;
use crate::accounts::store::accounts::{self, AccountRow, LoginName};
use crate::accounts::store::{groups, password_resets};
use crate::accounts::Error;
use crate::audit::{self, actions, Actor, AuditEntry, Origin};
use crate::mail::{self, Email, NewMail};
use crate::platform::auth::permissions::Role;
use crate::platform::auth::{tokens, Permission};
use crate::platform::db::DbConnection;

/// How long an invitation link stays valid: a new colleague may read it only after a
/// weekend, unlike a recovery link, which one uses at once.
pub const INVITATION_TTL: Duration = Duration::hours(72);

/// A staff account as the administrator describes it.
#[derive(Debug, Clone)]
pub struct NewStaff {
    pub username: String,
    pub name: String,
    pub surname: String,
    pub email: Email,
    /// `Operator` or `Admin`.
    pub role: Role,
    /// Empty: the built-in group of the role.
    pub group_ids: Vec<String>,
}

impl NewStaff {
    fn groups(&self) -> Vec<String> {
        if !self.group_ids.is_empty() {
            let mut wanted = self.group_ids.clone();
            wanted.sort();
            wanted.dedup();
            return wanted;
        }
        BUILT_IN_GROUPS
            .iter()
            .filter(|group| group.role == self.role.as_str())
            .map(|group| group.id.to_owned())
            .collect()
    }

    fn row(&self, password_hash: Option<String>, now: NaiveDateTime) -> AccountRow {
        AccountRow {
            id: uuid::Uuid::now_v7().to_string(),
            role: self.role.as_str().to_owned(),
            fiscal_code: None,
            username: Some(self.username.clone()),
            surname: self.surname.clone(),
            name: self.name.clone(),
            email: Some(self.email.as_str().to_owned()),
            password_hash,
            status: "active".to_owned(),
            // An invited account has no password until the link sets one; the first
            // administrator's password was seen on a terminal, so it is changed at once.
            must_change_password: true,
            created_at: now,
        }
    }
}

/// Checks the parts the database cannot: the user name's rules and that it is free.
fn check_new_username(conn: &mut DbConnection, username: &str) -> Result<(), Error> {
    check_username(username).map_err(Error::BadUsername)?;
    let login = LoginName::Username(username.to_owned());
    if accounts::find_by_login(conn, &login)?.is_some() {
        return Err(Error::UsernameTaken);
    }
    Ok(())
}

/// What `portale admin create` made.
#[derive(Debug)]
pub struct AdministratorCreated {
    pub account_id: String,
    /// Active administrators there were before (more than 0 only with `force`).
    pub administrators_before: usize,
}

/// The first administrator, with a password chosen on the command line. Refused when an
/// active administrator exists, since it would be a second way in that nobody in the
/// back office decided; `force` (for a lost administrator password) is recorded.
pub fn create_first_administrator(
    conn: &mut DbConnection,
    new: &NewStaff,
    password_hash: &str,
    force: bool,
    now: NaiveDateTime,
) -> Result<AdministratorCreated, Error> {
    crate::platform::db::transaction(conn, |conn| {
        let administrators_before = groups::count_active_administrators(conn)?;
        if administrators_before > 0 && !force {
            return Err(Error::AdministratorExists(administrators_before));
        }
        check_new_username(conn, &new.username)?;
        let row = new.row(Some(password_hash.to_owned()), now);
        accounts::insert(conn, &row)?;
        for group in new.groups() {
            accounts::add_to_group(conn, &row.id, &group)?;
        }
        oversight::an_administrator_remains(conn)?;
        let mut entry = AuditEntry::new(Actor::SYSTEM, actions::ACCOUNT_ADMINISTRATOR_CREATED)
            .subject("account", &row.id);
        entry.details = serde_json::json!({
            "username": new.username,
            "forced": force,
            "administrators_before": administrators_before,
        });
        audit::record(conn, &Origin::default(), entry)?;
        Ok(AdministratorCreated {
            account_id: row.id,
            administrators_before,
        })
    })
}

/// Where the invitation points and whose name it carries.
pub struct InvitationLetter<'a> {
    pub public_base_url: &'a str,
    pub municipality: &'a str,
}

/// An operator or administrator created by an administrator (`actor`), who may give only
/// groups within their own permissions; the new colleague receives a single-use link to
/// choose a password. Returns the new account's id.
pub fn invite_staff(
    conn: &mut DbConnection,
    actor: (Actor<'_>, &BTreeSet<Permission>),
    origin: &Origin,
    new: &NewStaff,
    letter: &InvitationLetter<'_>,
    now: NaiveDateTime,
) -> Result<String, Error> {
    let (who, permissions) = actor;
    let wanted = new.groups();
    crate::platform::db::transaction(conn, |conn| {
        check_new_username(conn, &new.username)?;
        let unknown: Vec<String> = wanted
            .iter()
            .filter_map(|group| match groups::find(conn, group) {
                Ok(Some(_)) => None,
                Ok(None) => Some(Ok(group.clone())),
                Err(error) => Some(Err(error)),
            })
            .collect::<Result<_, _>>()?;
        if !unknown.is_empty() {
            return Err(Error::UnknownGroups(unknown));
        }
        oversight::may_give_groups(conn, permissions, false, &wanted)?;
        let row = new.row(None, now);
        accounts::insert(conn, &row)?;
        for group in &wanted {
            accounts::add_to_group(conn, &row.id, group)?;
        }
        let token = tokens::random_token();
        password_resets::insert(
            conn,
            &tokens::token_hash(&token),
            &row.id,
            now,
            now + INVITATION_TTL,
        )?;
        mail::enqueue(conn, &invitation(new, letter, &token))?;
        let mut entry =
            AuditEntry::new(who, actions::ACCOUNT_STAFF_CREATED).subject("account", &row.id);
        entry.details = serde_json::json!({
            "username": new.username,
            "role": new.role.as_str(),
            "groups": wanted,
        });
        audit::record(conn, origin, entry)?;
        Ok(row.id)
    })
}

fn invitation(new: &NewStaff, letter: &InvitationLetter<'_>, token: &str) -> NewMail {
    let link = format!(
        "{}/reimposta-password?invito=1&token={token}",
        letter.public_base_url
    );
    let body = format!(
        "Gentile {} {},\n\nè stato creato per Lei un account del personale nel Portale dei Servizi \
         Demografici del {}.\n\nNome utente: {}\n\nPer scegliere la password apra questo \
         collegamento entro 72 ore:\n{link}\n\nIl collegamento vale una sola volta. Se è scaduto, \
         usi «Recupera la password» nella pagina di accesso, con il nome utente e questo indirizzo \
         di posta elettronica, oppure chieda all'amministratore del portale una password \
         temporanea.\n",
        new.name, new.surname, letter.municipality, new.username
    );
    NewMail::new(
        new.email.clone(),
        format!(
            "{}: invito al Portale dei Servizi Demografici",
            letter.municipality
        ),
        body,
    )
}
