pub mod client;
pub mod client_cert;
pub mod error;
pub mod extract;
pub mod fallback;
pub mod health;
pub mod idempotency;
pub mod language;
pub mod metrics_access;
pub mod observe;
pub mod pagination;
pub mod responses;
pub mod spa;
pub mod state;
pub mod tls;

pub use state::AppState;
