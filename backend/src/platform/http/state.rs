//! What every handler may need: the database and the settings. A feature that keeps
//! state of its own (the session keys, the signing keyring) registers it as its own
//! `web::Data`, so that this module knows no feature.

use std::sync::Arc;

use crate::platform::db::Database;
use crate::platform::settings::Settings;

/// Cheap to clone.
pub struct AppState {
    pub db: Database,
    pub settings: Arc<Settings>,
}
