//! What the portal knows of the declarant: the account's particulars, and the registry's
//! facts when the account's codice fiscale belongs to a resident.

use chrono::NaiveDate;

use crate::accounts;
use crate::platform::auth::AccountId;
use crate::platform::db::DbConnection;
use crate::platform::settings::Settings;
use crate::registry;
use crate::registry::facts::read;
use crate::registry::rules::fiscal_code::FiscalCode;
use crate::registry::rules::place_labels;
use crate::registry::rules::sex::Sex;
use crate::self_declarations::rules::prefill::{self, AccountIdentity, Prefill};
use crate::self_declarations::rules::DeclarationKind;
use crate::self_declarations::Error;

pub fn load(
    conn: &mut DbConnection,
    settings: &Settings,
    account_id: &AccountId,
    kind: DeclarationKind,
    today: NaiveDate,
) -> Result<Prefill, Error> {
    let account = accounts::account_details(conn, account_id)?.ok_or(Error::AccountGone)?;
    // What the account lacks, its codice fiscale says (it was checked at registration
    // and at the counter): sex, date and place of birth.
    let decoded = account
        .fiscal_code
        .as_deref()
        .and_then(|code| FiscalCode::parse(code).ok())
        .and_then(|code| code.decode(today).ok());
    let birth_date = account
        .birth_date
        .or(decoded.as_ref().map(|d| d.birth_date));
    let birth_place_code = account
        .birth_place_code
        .clone()
        .or(decoded.as_ref().map(|d| d.birth_place_code.clone()));
    let identity = AccountIdentity {
        // A code the place tables do not know is typed by hand, not printed as a code.
        birth_place: birth_place_code
            .as_deref()
            .zip(birth_date)
            .map(|(code, date)| (code, place_labels::birth_place(code, date)))
            .filter(|(code, label)| label != code)
            .map(|(_, label)| label),
        surname: account.surname,
        name: account.name,
        fiscal_code: account.fiscal_code,
        sex: account
            .sex
            .as_deref()
            .and_then(Sex::parse)
            .or(decoded.map(|d| d.sex)),
        birth_date,
    };
    let facts = match registry::person_of_account(conn, account_id)? {
        Some(person) => Some(read::load(
            conn,
            &person,
            today,
            &settings.municipality.office.city,
        )?),
        None => None,
    };
    Ok(prefill::prefill(kind, &identity, facts.as_ref()))
}
