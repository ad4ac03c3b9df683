//! HTTP plumbing shared by every endpoint: extractors, middleware, fallback routing.

pub mod client;
pub mod client_cert;
pub mod extract;
pub mod fallback;
pub mod metrics;
pub mod observe;
pub mod spa;
pub mod tls;
