//! The declarants' archive of self-declarations: each PDF kept as generated, with the
//! values it holds. Rows are never updated nor deleted (the migrations' triggers refuse).

use chrono::NaiveDateTime;
use diesel::prelude::*;
use diesel::result::{DatabaseErrorKind, Error as DieselError};

use crate::platform::db::schema::self_declarations;
use crate::platform::db::{unique_violation_on, DbConnection, DbError};

/// Everything about a declaration except the PDF bytes.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = self_declarations)]
pub struct DeclarationRow {
    pub id: String,
    pub account_id: String,
    pub type_code: String,
    pub declarant_surname: String,
    pub declarant_name: String,
    pub declarant_fiscal_code: String,
    pub resident: bool,
    pub values_json: String,
    pub members_json: String,
    pub edited_registry_fields: String,
    pub created_at: NaiveDateTime,
    pub pdf_sha256: String,
    pub request_fingerprint: Option<String>,
}

#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = self_declarations)]
pub struct NewDeclaration<'a> {
    pub id: &'a str,
    pub account_id: &'a str,
    pub type_code: &'a str,
    pub declarant_surname: &'a str,
    pub declarant_name: &'a str,
    pub declarant_fiscal_code: &'a str,
    pub resident: bool,
    pub values_json: &'a str,
    pub members_json: &'a str,
    pub edited_registry_fields: &'a str,
    pub created_at: NaiveDateTime,
    pub pdf_sha256: &'a str,
    pub pdf: &'a [u8],
    pub idempotency_key: Option<&'a str>,
    pub request_fingerprint: Option<&'a str>,
}

impl NewDeclaration<'_> {
    /// What the row says once stored, without reading it back.
    pub fn row(&self) -> DeclarationRow {
        DeclarationRow {
            id: self.id.to_owned(),
            account_id: self.account_id.to_owned(),
            type_code: self.type_code.to_owned(),
            declarant_surname: self.declarant_surname.to_owned(),
            declarant_name: self.declarant_name.to_owned(),
            declarant_fiscal_code: self.declarant_fiscal_code.to_owned(),
            resident: self.resident,
            values_json: self.values_json.to_owned(),
            members_json: self.members_json.to_owned(),
            edited_registry_fields: self.edited_registry_fields.to_owned(),
            created_at: self.created_at,
            pdf_sha256: self.pdf_sha256.to_owned(),
            request_fingerprint: self.request_fingerprint.map(str::to_owned),
        }
    }
}

#[derive(Debug, PartialEq, Eq)]
pub enum InsertOutcome {
    Inserted,
    IdempotencyKeyTaken,
}

#[tracing::instrument(skip_all, fields(id = declaration.id))]
pub fn insert(
    conn: &mut DbConnection,
    declaration: &NewDeclaration<'_>,
) -> Result<InsertOutcome, DbError> {
    match diesel::insert_into(self_declarations::table)
        .values(declaration)
        .execute(conn)
    {
        Ok(_) => Ok(InsertOutcome::Inserted),
        Err(DieselError::DatabaseError(DatabaseErrorKind::UniqueViolation, info))
            if unique_violation_on(info.as_ref(), "idempotency_key") =>
        {
            Ok(InsertOutcome::IdempotencyKeyTaken)
        }
        Err(other) => Err(other.into()),
    }
}

/// The declaration `id` if `account_id` made it: nobody else's is ever found.
#[tracing::instrument(skip(conn))]
pub fn find_own(
    conn: &mut DbConnection,
    account_id: &str,
    id: &str,
) -> Result<Option<DeclarationRow>, DbError> {
    Ok(self_declarations::table
        .find(id)
        .filter(self_declarations::account_id.eq(account_id))
        .select(DeclarationRow::as_select())
        .first(conn)
        .optional()?)
}

/// The declaration and its PDF in one read, if `account_id` made it.
#[tracing::instrument(skip(conn))]
pub fn find_own_with_pdf(
    conn: &mut DbConnection,
    account_id: &str,
    id: &str,
) -> Result<Option<(DeclarationRow, Vec<u8>)>, DbError> {
    Ok(self_declarations::table
        .find(id)
        .filter(self_declarations::account_id.eq(account_id))
        .select((DeclarationRow::as_select(), self_declarations::pdf))
        .first(conn)
        .optional()?)
}

#[tracing::instrument(skip(conn))]
pub fn find_by_idempotency_key(
    conn: &mut DbConnection,
    account_id: &str,
    key: &str,
) -> Result<Option<DeclarationRow>, DbError> {
    Ok(self_declarations::table
        .filter(self_declarations::account_id.eq(account_id))
        .filter(self_declarations::idempotency_key.eq(key))
        .select(DeclarationRow::as_select())
        .first(conn)
        .optional()?)
}

#[tracing::instrument(skip(conn))]
pub fn pdf_own(
    conn: &mut DbConnection,
    account_id: &str,
    id: &str,
) -> Result<Option<Vec<u8>>, DbError> {
    Ok(self_declarations::table
        .find(id)
        .filter(self_declarations::account_id.eq(account_id))
        .select(self_declarations::pdf)
        .first(conn)
        .optional()?)
}

/// The declarant's archive, newest first.
#[tracing::instrument(skip(conn))]
pub fn list_own(
    conn: &mut DbConnection,
    account_id: &str,
    limit: i64,
    offset: i64,
) -> Result<Vec<DeclarationRow>, DbError> {
    Ok(self_declarations::table
        .filter(self_declarations::account_id.eq(account_id))
        .select(DeclarationRow::as_select())
        .order((
            self_declarations::created_at.desc(),
            self_declarations::id.desc(),
        ))
        .limit(limit)
        .offset(offset)
        .load(conn)?)
}
