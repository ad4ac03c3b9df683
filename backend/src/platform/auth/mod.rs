//! Who is calling: the bearer token's claims (signed with the portal's session keys),
//! the permissions a role's groups grant, and the permission each endpoint declares in
//! its OpenAPI `security`, checked by the `AuthUser` extractor. How a person obtains a
//! token (password, smart card, SPID/CIE) is the `accounts` feature's business.

pub mod caller;
pub mod client;
pub mod pdnd;
pub mod permissions;
pub mod refusal;
pub mod revocations;
pub mod route_permissions;
pub mod scopes;
pub mod tokens;

pub use caller::{AuthUser, SessionUser};
pub use client::ClientCaller;
pub use permissions::{Permission, Role};
pub use refusal::Refusal;
pub use revocations::Revocations;
pub use scopes::Scope;
pub use tokens::TokenKeys;

/// The kind of [`AccountId`]: a portal account (citizen, operator, administrator).
pub enum Account {}
pub type AccountId = crate::platform::id::Id<Account>;
