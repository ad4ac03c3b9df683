//! The `practices` table: drafts, submitted practices and the office's queue.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use crate::platform::db::schema::practices;
use crate::platform::db::{DbConnection, DbError};
use crate::practices::rules::lifecycle::State;

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = practices)]
pub struct PracticeRow {
    pub id: String,
    pub type_code: String,
    pub account_id: String,
    pub state: String,
    pub data_json: String,
    pub step: String,
    pub version: i64,
    pub applicant_surname: String,
    pub applicant_name: String,
    pub applicant_fiscal_code: String,
    pub family_id: Option<String>,
    pub open_family_id: Option<String>,
    pub protocol_year: Option<i32>,
    pub protocol_number: Option<i64>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    pub submitted_at: Option<NaiveDateTime>,
    pub registration_due: Option<NaiveDate>,
    pub decision_due: Option<NaiveDate>,
    pub registered_at: Option<NaiveDateTime>,
    pub decided_at: Option<NaiveDateTime>,
    pub assignee_id: Option<String>,
    pub assignee_label: Option<String>,
    pub decision_note: Option<String>,
    pub submit_idempotency_key: Option<String>,
    #[diesel(deserialize_as = Option<Vec<u8>>)]
    pub receipt_pdf: Option<Vec<u8>>,
}

impl PracticeRow {
    pub fn state(&self) -> State {
        State::parse(&self.state).unwrap_or(State::Draft)
    }

    pub fn protocol(&self) -> Option<String> {
        crate::practices::rules::protocol::format(self.protocol_year, self.protocol_number)
    }
}

/// A practice's columns without its receipt (lists and most reads do not need the PDF).
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = practices)]
pub struct PracticeHead {
    pub id: String,
    pub type_code: String,
    pub account_id: String,
    pub state: String,
    pub applicant_surname: String,
    pub applicant_name: String,
    pub applicant_fiscal_code: String,
    pub protocol_year: Option<i32>,
    pub protocol_number: Option<i64>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    pub submitted_at: Option<NaiveDateTime>,
    pub registration_due: Option<NaiveDate>,
    pub decision_due: Option<NaiveDate>,
    pub assignee_id: Option<String>,
    pub assignee_label: Option<String>,
}

pub fn insert(conn: &mut DbConnection, row: &PracticeRow) -> Result<(), DbError> {
    diesel::insert_into(practices::table)
        .values(row)
        .execute(conn)?;
    Ok(())
}

pub fn find(conn: &mut DbConnection, id: &str) -> Result<Option<PracticeRow>, DbError> {
    Ok(practices::table
        .find(id)
        .select(PracticeRow::as_select())
        .first(conn)
        .optional()?)
}

pub fn receipt(conn: &mut DbConnection, id: &str) -> Result<Option<Vec<u8>>, DbError> {
    Ok(practices::table
        .find(id)
        .select(practices::receipt_pdf)
        .first::<Option<Vec<u8>>>(conn)
        .optional()?
        .flatten())
}

/// Saves a draft's declaration if nobody saved it since `version`; false otherwise.
pub fn save_draft(
    conn: &mut DbConnection,
    id: &str,
    version: i64,
    data_json: &str,
    step: &str,
    applicant: (&str, &str, &str),
    now: NaiveDateTime,
) -> Result<bool, DbError> {
    let changed = diesel::update(
        practices::table
            .filter(practices::id.eq(id))
            .filter(practices::version.eq(version))
            .filter(practices::state.eq(State::Draft.code())),
    )
    .set((
        practices::data_json.eq(data_json),
        practices::step.eq(step),
        practices::applicant_surname.eq(applicant.0),
        practices::applicant_name.eq(applicant.1),
        practices::applicant_fiscal_code.eq(applicant.2),
        practices::version.eq(version + 1),
        practices::updated_at.eq(now),
    ))
    .execute(conn)?;
    Ok(changed == 1)
}

/// What a transition changes besides the state.
#[derive(Debug, Default, AsChangeset)]
#[diesel(table_name = practices)]
pub struct Changes {
    pub state: Option<String>,
    pub updated_at: Option<NaiveDateTime>,
    pub version: Option<i64>,
    pub family_id: Option<Option<String>>,
    pub open_family_id: Option<Option<String>>,
    pub protocol_year: Option<Option<i32>>,
    pub protocol_number: Option<Option<i64>>,
    pub submitted_at: Option<Option<NaiveDateTime>>,
    pub registration_due: Option<Option<NaiveDate>>,
    pub decision_due: Option<Option<NaiveDate>>,
    pub registered_at: Option<Option<NaiveDateTime>>,
    pub decided_at: Option<Option<NaiveDateTime>>,
    pub assignee_id: Option<Option<String>>,
    pub assignee_label: Option<Option<String>>,
    pub decision_note: Option<Option<String>>,
    pub submit_idempotency_key: Option<Option<String>>,
    pub receipt_pdf: Option<Option<Vec<u8>>>,
}

/// Moves a practice from `from` on: the update matches only while the practice is still in
/// `from`, so of two concurrent moves (two operators, two instances' clocks) one wins.
pub fn transition(
    conn: &mut DbConnection,
    id: &str,
    from: State,
    changes: &Changes,
) -> Result<bool, DbError> {
    let changed = diesel::update(
        practices::table
            .filter(practices::id.eq(id))
            .filter(practices::state.eq(from.code())),
    )
    .set(changes)
    .execute(conn)?;
    Ok(changed == 1)
}

/// The practice submitted with this key by this account, if any.
pub fn find_by_submit_key(
    conn: &mut DbConnection,
    account_id: &str,
    practice_id: &str,
    key: &str,
) -> Result<Option<PracticeRow>, DbError> {
    Ok(practices::table
        .filter(practices::account_id.eq(account_id))
        .filter(practices::id.eq(practice_id))
        .filter(practices::submit_idempotency_key.eq(key))
        .select(PracticeRow::as_select())
        .first(conn)
        .optional()?)
}

/// Practices whose 45 days ran out on or before `today` while in a state silence approves.
pub fn due_for_silent_approval(
    conn: &mut DbConnection,
    today: NaiveDate,
    limit: i64,
) -> Result<Vec<String>, DbError> {
    let states: Vec<&str> = State::SILENT_APPROVAL.iter().map(|s| s.code()).collect();
    Ok(practices::table
        .filter(practices::state.eq_any(states))
        .filter(practices::decision_due.lt(today))
        .select(practices::id)
        .order(practices::decision_due.asc())
        .limit(limit)
        .load(conn)?)
}
