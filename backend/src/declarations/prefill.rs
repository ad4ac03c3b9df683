//! What the portal knows of the declarant: the account's particulars, and the registry's
//! facts when the account's codice fiscale belongs to a resident.

use chrono::NaiveDate;

use crate::certification::facts;
use crate::db::{accounts, persons, DbConnection};
use crate::domain::place_labels;
use crate::domain::self_declarations::prefill::{self, AccountIdentity, Prefill};
use crate::domain::self_declarations::DeclarationKind;
use crate::domain::sex::Sex;
use crate::error::ApiError;
use crate::settings::Settings;

pub fn load(
    conn: &mut DbConnection,
    settings: &Settings,
    account_id: &str,
    kind: DeclarationKind,
    today: NaiveDate,
) -> Result<Prefill, ApiError> {
    let account = accounts::details(conn, account_id)?.ok_or(ApiError::Unauthorized(
        crate::error::AuthFailure::InvalidToken,
    ))?;
    let identity = AccountIdentity {
        birth_place: account
            .birth_place_code
            .as_deref()
            .zip(account.birth_date)
            .map(|(code, date)| place_labels::birth_place(code, date)),
        surname: account.surname,
        name: account.name,
        fiscal_code: account.fiscal_code,
        sex: account.sex.as_deref().and_then(Sex::parse),
        birth_date: account.birth_date,
    };
    let facts = match persons::of_account(conn, account_id)? {
        Some(person) => Some(facts::load(
            conn,
            &person,
            today,
            &settings.municipality.office.city,
        )?),
        None => None,
    };
    Ok(prefill::prefill(kind, &identity, facts.as_ref()))
}
