//! Third-party applications: other administrations, banks, employers and the
//! municipality's own systems that use the API on their own behalf. Admins register them
//! and hand over credentials once; applications exchange them for short-lived access
//! tokens (OAuth 2.0 client credentials) carrying the scopes they were granted.

pub mod api;
pub mod error;
pub mod registration;
pub mod rules;
pub mod store;
pub mod token;

pub use error::Error;
