//! Webhooks: third-party applications are told, at HTTPS endpoints an administrator
//! registers for them, when a certificate is issued or revoked and when a practice is
//! filed or changes state. Events are written in the transaction of the change
//! ([`publish`]), delivered by a background worker signed with HMAC-SHA256, retried
//! with backoff, and never carry more than the receiving application's scopes allow.

pub mod api;
pub mod error;
pub mod publish;
pub mod rules;
pub mod store;
pub mod subscriptions;
pub mod worker;

pub use error::Error;
pub use rules::EventType;
