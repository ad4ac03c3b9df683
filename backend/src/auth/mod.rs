//! Authentication: password hashing, tokens, and the extractor that tells who is calling.

pub mod extract;
pub mod login_audit;
pub mod password;
pub mod route_permissions;
pub mod session;
pub mod tokens;

pub use extract::{AuthUser, SessionUser};
