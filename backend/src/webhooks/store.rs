//! The tables `webhooks`, `webhook_events` and `webhook_deliveries`. Times are UTC.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::platform::db::schema::{api_clients, webhook_deliveries, webhook_events, webhooks};
use crate::platform::db::{DbConnection, DbError};

#[derive(Debug, Clone, Insertable, Queryable, Selectable)]
#[diesel(table_name = webhooks)]
pub struct WebhookRow {
    pub id: String,
    pub client_id: String,
    pub url: String,
    /// Space-separated event codes.
    pub events: String,
    pub secret: String,
    pub created_at: NaiveDateTime,
    pub created_by: String,
    pub disabled_at: Option<NaiveDateTime>,
    pub last_success_at: Option<NaiveDateTime>,
    pub last_failure_at: Option<NaiveDateTime>,
    pub last_error: Option<String>,
}

#[derive(Debug, Clone, Insertable, Queryable, Selectable)]
#[diesel(table_name = webhook_events)]
pub struct EventRow {
    pub id: String,
    pub event_type: String,
    pub occurred_at: NaiveDateTime,
    pub payload: String,
}

#[derive(Debug, Clone, Insertable, Queryable, Selectable)]
#[diesel(table_name = webhook_deliveries)]
pub struct DeliveryRow {
    pub id: String,
    pub webhook_id: String,
    pub event_id: String,
    pub status: String,
    pub attempts: i32,
    pub next_attempt_at: NaiveDateTime,
    pub last_status_code: Option<i32>,
    pub last_error: Option<String>,
    pub delivered_at: Option<NaiveDateTime>,
    pub created_at: NaiveDateTime,
}

pub const PENDING: &str = "pending";
pub const DELIVERED: &str = "delivered";
pub const FAILED: &str = "failed";

pub fn insert(conn: &mut DbConnection, row: &WebhookRow) -> Result<(), DbError> {
    diesel::insert_into(webhooks::table)
        .values(row)
        .execute(conn)?;
    Ok(())
}

pub fn find(conn: &mut DbConnection, id: &str) -> Result<Option<WebhookRow>, DbError> {
    Ok(webhooks::table
        .find(id)
        .select(WebhookRow::as_select())
        .first(conn)
        .optional()?)
}

/// Every webhook, the newest first; of one client when `client_id` is given.
pub fn list(conn: &mut DbConnection, client_id: Option<&str>) -> Result<Vec<WebhookRow>, DbError> {
    let mut query = webhooks::table
        .order(webhooks::created_at.desc())
        .select(WebhookRow::as_select())
        .into_boxed();
    if let Some(client_id) = client_id {
        query = query.filter(webhooks::client_id.eq(client_id.to_owned()));
    }
    Ok(query.load(conn)?)
}

/// The enabled webhooks of clients that are not revoked, with those clients' scopes.
pub fn active_with_scopes(conn: &mut DbConnection) -> Result<Vec<(WebhookRow, String)>, DbError> {
    Ok(webhooks::table
        .inner_join(api_clients::table)
        .filter(webhooks::disabled_at.is_null())
        .filter(api_clients::revoked_at.is_null())
        .select((WebhookRow::as_select(), api_clients::scopes))
        .load(conn)?)
}

pub fn disable(conn: &mut DbConnection, id: &str, now: NaiveDateTime) -> Result<bool, DbError> {
    let updated = diesel::update(
        webhooks::table
            .find(id)
            .filter(webhooks::disabled_at.is_null()),
    )
    .set(webhooks::disabled_at.eq(Some(now)))
    .execute(conn)?;
    Ok(updated == 1)
}

/// Counts of a webhook's deliveries still pending and failed.
pub fn backlog(conn: &mut DbConnection, webhook_id: &str) -> Result<(i64, i64), DbError> {
    let count = |conn: &mut DbConnection, status: &str| {
        webhook_deliveries::table
            .filter(webhook_deliveries::webhook_id.eq(webhook_id))
            .filter(webhook_deliveries::status.eq(status))
            .count()
            .get_result::<i64>(conn)
    };
    Ok((count(conn, PENDING)?, count(conn, FAILED)?))
}

pub fn insert_event(
    conn: &mut DbConnection,
    event: &EventRow,
    deliveries: &[DeliveryRow],
) -> Result<(), DbError> {
    diesel::insert_into(webhook_events::table)
        .values(event)
        .execute(conn)?;
    // One statement per row: SQLite's batch insert is not available for every backend.
    for delivery in deliveries {
        diesel::insert_into(webhook_deliveries::table)
            .values(delivery)
            .execute(conn)?;
    }
    Ok(())
}

/// A webhook's latest deliveries with their events, the newest first.
pub fn deliveries(
    conn: &mut DbConnection,
    webhook_id: &str,
    limit: i64,
) -> Result<Vec<(DeliveryRow, EventRow)>, DbError> {
    Ok(webhook_deliveries::table
        .inner_join(webhook_events::table)
        .filter(webhook_deliveries::webhook_id.eq(webhook_id))
        .order((
            webhook_deliveries::created_at.desc(),
            webhook_deliveries::id.desc(),
        ))
        .limit(limit)
        .select((DeliveryRow::as_select(), EventRow::as_select()))
        .load(conn)?)
}

/// Pending deliveries due at `now`, the oldest first: (id, attempts seen). Those of a
/// disabled webhook or a revoked application wait (a retry after re-enabling is a new
/// registration: they stay pending, visible, and are never sent).
pub fn due(
    conn: &mut DbConnection,
    now: NaiveDateTime,
    limit: i64,
) -> Result<Vec<(String, i32)>, DbError> {
    Ok(webhook_deliveries::table
        .inner_join(webhooks::table.inner_join(api_clients::table))
        .filter(webhooks::disabled_at.is_null())
        .filter(api_clients::revoked_at.is_null())
        .filter(webhook_deliveries::status.eq(PENDING))
        .filter(webhook_deliveries::next_attempt_at.le(now))
        .order(webhook_deliveries::next_attempt_at.asc())
        .limit(limit)
        .select((webhook_deliveries::id, webhook_deliveries::attempts))
        .load(conn)?)
}

/// Takes a delivery for one attempt: counts it and hides it until `lease_until`. Only
/// one worker wins (the attempts it saw must still be there).
pub fn claim(
    conn: &mut DbConnection,
    id: &str,
    seen_attempts: i32,
    now: NaiveDateTime,
    lease_until: NaiveDateTime,
) -> Result<bool, DbError> {
    let updated = diesel::update(
        webhook_deliveries::table
            .find(id)
            .filter(webhook_deliveries::status.eq(PENDING))
            .filter(webhook_deliveries::attempts.eq(seen_attempts))
            .filter(webhook_deliveries::next_attempt_at.le(now)),
    )
    .set((
        webhook_deliveries::attempts.eq(seen_attempts + 1),
        webhook_deliveries::next_attempt_at.eq(lease_until),
    ))
    .execute(conn)?;
    Ok(updated == 1)
}

/// A claimed delivery with its webhook and event.
pub fn load(
    conn: &mut DbConnection,
    id: &str,
) -> Result<(DeliveryRow, WebhookRow, EventRow), DbError> {
    let delivery: DeliveryRow = webhook_deliveries::table
        .find(id)
        .select(DeliveryRow::as_select())
        .first(conn)?;
    let webhook = webhooks::table
        .find(&delivery.webhook_id)
        .select(WebhookRow::as_select())
        .first(conn)?;
    let event = webhook_events::table
        .find(&delivery.event_id)
        .select(EventRow::as_select())
        .first(conn)?;
    Ok((delivery, webhook, event))
}

/// What one attempt ended with.
pub struct Outcome<'a> {
    pub status: &'a str,
    pub next_attempt_at: NaiveDateTime,
    pub status_code: Option<i32>,
    pub error: Option<&'a str>,
    pub at: NaiveDateTime,
}

pub fn record(
    conn: &mut DbConnection,
    delivery: &DeliveryRow,
    outcome: &Outcome<'_>,
) -> Result<(), DbError> {
    let delivered = outcome.status == DELIVERED;
    diesel::update(webhook_deliveries::table.find(&delivery.id))
        .set((
            webhook_deliveries::status.eq(outcome.status),
            webhook_deliveries::next_attempt_at.eq(outcome.next_attempt_at),
            webhook_deliveries::last_status_code.eq(outcome.status_code),
            webhook_deliveries::last_error.eq(outcome.error),
            webhook_deliveries::delivered_at.eq(delivered.then_some(outcome.at)),
        ))
        .execute(conn)?;
    let target = webhooks::table.find(&delivery.webhook_id);
    if delivered {
        diesel::update(target)
            .set(webhooks::last_success_at.eq(Some(outcome.at)))
            .execute(conn)?;
    } else {
        diesel::update(target)
            .set((
                webhooks::last_failure_at.eq(Some(outcome.at)),
                webhooks::last_error.eq(outcome.error),
            ))
            .execute(conn)?;
    }
    Ok(())
}

/// Puts a webhook's failed deliveries back in the queue, due now, with fresh attempts.
pub fn retry_failed(
    conn: &mut DbConnection,
    webhook_id: &str,
    now: NaiveDateTime,
) -> Result<usize, DbError> {
    Ok(diesel::update(
        webhook_deliveries::table
            .filter(webhook_deliveries::webhook_id.eq(webhook_id))
            .filter(webhook_deliveries::status.eq(FAILED)),
    )
    .set((
        webhook_deliveries::status.eq(PENDING),
        webhook_deliveries::attempts.eq(0),
        webhook_deliveries::next_attempt_at.eq(now),
    ))
    .execute(conn)?)
}
