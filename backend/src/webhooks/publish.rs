//! Telling subscribers what happened: the feature that changes something calls
//! [`certificate`] or [`practice`] with its own connection, inside its own transaction,
//! so an event exists exactly when the change does (the outbox). Nothing is written
//! when no enabled webhook of a valid client with the right scope subscribes to it.
//!
//! The payloads carry identifiers and states, never a person's data: what the scope a
//! receiver needs for the event lets it read anyway.

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use serde::Serialize;

use crate::platform::auth::Scope;
use crate::platform::db::{DbConnection, DbError};
use crate::webhooks::rules::EventType;
use crate::webhooks::store::{self, DeliveryRow, EventRow, PENDING};

/// The body of every delivery.
/// (Described for integrators in `docs/api.md`.)
#[derive(Serialize)]
pub struct EventEnvelope<T> {
    /// Stable across retries: receivers de-duplicate by it.
    pub id: String,
    #[serde(rename = "type")]
    pub event_type: EventType,
    pub occurred_at: DateTime<Utc>,
    pub data: T,
}

/// `certificate.issued` and `certificate.revoked` (scope `certificates:verify`): the
/// certificate's identifiers and state. Verifying it still takes the holder's name.
#[derive(Debug, Clone, Serialize)]
pub struct CertificateEvent {
    pub certificate_id: String,
    pub certificate_type: String,
    /// `valid` or `revoked`.
    pub status: String,
    pub issued_at: DateTime<Utc>,
    pub valid_until: NaiveDate,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub revoked_at: Option<DateTime<Utc>>,
}

/// `practice.submitted` and `practice.changed` (scope `practices:read`): which practice,
/// its protocol and its state.
#[derive(Debug, Clone, Serialize)]
pub struct PracticeEvent {
    pub practice_id: String,
    /// `2026/000123`, once the practice is filed.
    pub protocol: Option<String>,
    pub practice_type: String,
    pub state: String,
    pub previous_state: Option<String>,
}

pub fn certificate(
    conn: &mut DbConnection,
    event_type: EventType,
    data: &CertificateEvent,
    at: NaiveDateTime,
) -> Result<Option<String>, DbError> {
    debug_assert_eq!(event_type.scope(), Scope::CertificatesVerify);
    publish(conn, event_type, data, at)
}

pub fn practice(
    conn: &mut DbConnection,
    event_type: EventType,
    data: &PracticeEvent,
    at: NaiveDateTime,
) -> Result<Option<String>, DbError> {
    debug_assert_eq!(event_type.scope(), Scope::PracticesRead);
    publish(conn, event_type, data, at)
}

/// Writes the event and one pending delivery per subscriber; answers the event's id, or
/// `None` when nobody subscribes.
fn publish<T: Serialize>(
    conn: &mut DbConnection,
    event_type: EventType,
    data: &T,
    at: NaiveDateTime,
) -> Result<Option<String>, DbError> {
    let subscribers: Vec<String> = store::active_with_scopes(conn)?
        .into_iter()
        .filter(|(webhook, scopes)| {
            EventType::parse_list(&webhook.events).contains(&event_type)
                && scopes
                    .split_whitespace()
                    .any(|s| s == event_type.scope().code())
        })
        .map(|(webhook, _)| webhook.id)
        .collect();
    if subscribers.is_empty() {
        return Ok(None);
    }
    let id = uuid::Uuid::now_v7().to_string();
    let envelope = EventEnvelope {
        id: id.clone(),
        event_type,
        occurred_at: at.and_utc(),
        data,
    };
    let payload = serde_json::to_string(&envelope).map_err(|error| {
        DbError::Query(diesel::result::Error::SerializationError(Box::new(error)))
    })?;
    let event = EventRow {
        id: id.clone(),
        event_type: event_type.code().to_owned(),
        occurred_at: at,
        payload,
    };
    let deliveries: Vec<DeliveryRow> = subscribers
        .into_iter()
        .map(|webhook_id| DeliveryRow {
            id: uuid::Uuid::now_v7().to_string(),
            webhook_id,
            event_id: id.clone(),
            status: PENDING.to_owned(),
            attempts: 0,
            next_attempt_at: at,
            last_status_code: None,
            last_error: None,
            delivered_at: None,
            created_at: at,
        })
        .collect();
    store::insert_event(conn, &event, &deliveries)?;
    tracing::info!(event_id = %id, event = event_type.code(), deliveries = deliveries.len(), "webhook event queued");
    Ok(Some(id))
}
