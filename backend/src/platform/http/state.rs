//! What every handler may need: the database, the settings, the revoked sessions. A feature that keeps
//! state of its own (the session keys, the signing keyring) registers it as its own
//! `web::Data`, so that this module knows no feature.

use std::sync::Arc;

use crate::platform::auth::Revocations;
use crate::platform::db::Database;
use crate::platform::settings::Settings;

/// Cheap to clone.
pub struct AppState {
    pub db: Database,
    pub settings: Arc<Settings>,
    /// The access tokens ended before their expiry (see `platform::auth::revocations`).
    pub revocations: Arc<Revocations>,
}
