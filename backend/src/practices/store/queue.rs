//! The lists of practices: a citizen's own, and the office's queue with its filters and
//! counts per state.

use chrono::NaiveDate;
use diesel::prelude::*;

use super::practices::PracticeHead;
use crate::platform::db::schema::practices;
use crate::platform::db::{lower, DbConnection, DbError, MultiBackend};
use crate::practices::rules::lifecycle::State;

#[derive(Debug, Clone, Default)]
pub struct Filter {
    /// Only this account's practices (a citizen); none for the office.
    pub owner: Option<String>,
    pub state: Option<State>,
    pub type_code: Option<String>,
    /// Matches the protocol (`2026/000123` or `123`), the applicant's codice fiscale, or
    /// the start of the applicant's surname.
    pub search: Option<Search>,
    /// Registration or decision due before `today` while still open.
    pub overdue_on: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Search {
    Protocol { year: Option<i32>, number: i64 },
    FiscalCode(String),
    Surname(String),
}

fn filtered(filter: &Filter) -> practices::BoxedQuery<'static, MultiBackend> {
    let mut query = practices::table.into_boxed();
    match &filter.owner {
        Some(owner) => query = query.filter(practices::account_id.eq(owner.clone())),
        None => {
            let visible: Vec<&str> = State::IN_OFFICE.iter().map(|s| s.code()).collect();
            query = query.filter(practices::state.eq_any(visible));
        }
    }
    if let Some(state) = filter.state {
        query = query.filter(practices::state.eq(state.code()));
    }
    if let Some(type_code) = &filter.type_code {
        query = query.filter(practices::type_code.eq(type_code.clone()));
    }
    match &filter.search {
        Some(Search::Protocol { year, number }) => {
            query = query.filter(practices::protocol_number.eq(*number));
            if let Some(year) = year {
                query = query.filter(practices::protocol_year.eq(*year));
            }
        }
        Some(Search::FiscalCode(code)) => {
            query = query.filter(practices::applicant_fiscal_code.eq(code.clone()))
        }
        Some(Search::Surname(surname)) => {
            let pattern = format!("{}%", surname.replace(['%', '_', '\\'], ""));
            query = query.filter(lower(practices::applicant_surname).like(pattern.to_lowercase()))
        }
        None => {}
    }
    if let Some(today) = filter.overdue_on {
        let unregistered: Vec<&str> = [State::Submitted, State::InProgress, State::Integrated]
            .iter()
            .map(|s| s.code())
            .collect();
        let open: Vec<&str> = State::OPEN.iter().map(|s| s.code()).collect();
        query = query.filter(
            practices::state
                .eq_any(unregistered)
                .and(practices::registration_due.lt(today))
                .or(practices::state
                    .eq_any(open)
                    .and(practices::decision_due.lt(today))),
        );
    }
    query
}

/// One page: a citizen's newest first; the office's oldest submission first (the order
/// the law's clock runs in).
pub fn page(
    conn: &mut DbConnection,
    filter: &Filter,
    limit: i64,
    offset: i64,
) -> Result<(Vec<PracticeHead>, i64), DbError> {
    let total = filtered(filter).count().get_result(conn)?;
    let query = filtered(filter);
    let query = if filter.owner.is_some() {
        query.order((practices::updated_at.desc(), practices::id.desc()))
    } else {
        query.order((practices::submitted_at.asc(), practices::id.asc()))
    };
    let rows = query
        .select(PracticeHead::as_select())
        .limit(limit)
        .offset(offset)
        .load(conn)?;
    Ok((rows, total))
}

#[derive(QueryableByName)]
struct StateCountRow {
    #[diesel(sql_type = diesel::sql_types::Text)]
    state: String,
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    count: i64,
}

/// How many practices of the owner (or in the office) per state, of the type if given:
/// one grouped count over the queue's index.
pub fn counts(
    conn: &mut DbConnection,
    owner: Option<&str>,
    type_code: Option<&str>,
) -> Result<Vec<(State, i64)>, DbError> {
    use diesel::sql_types::{Nullable, Text};
    // A boxed diesel query cannot be grouped, hence the SQL; the parameters are bound.
    let sql = match conn {
        DbConnection::Sqlite(_) => {
            "SELECT state, COUNT(*) AS count FROM practices \
             WHERE (? IS NULL OR account_id = ?) AND (? IS NULL OR type_code = ?) GROUP BY state"
        }
        DbConnection::Postgresql(_) => {
            "SELECT state, COUNT(*) AS count FROM practices \
             WHERE ($1::text IS NULL OR account_id = $1) AND ($2::text IS NULL OR type_code = $2) \
             GROUP BY state"
        }
    };
    let query = diesel::sql_query(sql);
    let rows: Vec<StateCountRow> = match conn {
        DbConnection::Sqlite(_) => query
            .bind::<Nullable<Text>, _>(owner)
            .bind::<Nullable<Text>, _>(owner)
            .bind::<Nullable<Text>, _>(type_code)
            .bind::<Nullable<Text>, _>(type_code)
            .load(conn)?,
        DbConnection::Postgresql(_) => query
            .bind::<Nullable<Text>, _>(owner)
            .bind::<Nullable<Text>, _>(type_code)
            .load(conn)?,
    };
    // A citizen sees every state of their own; the office never drafts.
    let shown: &[State] = if owner.is_some() {
        &State::ALL
    } else {
        &State::IN_OFFICE
    };
    Ok(shown
        .iter()
        .filter_map(|state| {
            rows.iter()
                .find(|row| row.state == state.code())
                .map(|row| (*state, row.count))
        })
        .collect())
}
