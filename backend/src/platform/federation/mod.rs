//! OpenID Connect Federation 1.0 as the Italian SPID/CIE federations use it: entity
//! statements, metadata policies, and the trust chain from an entity to a trust anchor.
//! Feature-free: the accounts feature resolves its identity providers with it.

pub mod fetch;
pub mod policy;
pub mod statement;
pub mod trust_chain;

pub use statement::EntityStatement;
pub use trust_chain::{ResolvedEntity, TrustAnchor, TrustChains};

/// The media type of entity statements (OpenID Federation 1.0 §3).
pub const ENTITY_STATEMENT_TYPE: &str = "application/entity-statement+jwt";
/// Where every entity publishes its own configuration.
pub const WELL_KNOWN_PATH: &str = "/.well-known/openid-federation";

/// Why an entity could not be trusted; each names the entity concerned.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FederationError {
    #[error("{entity}: cannot fetch: {reason}")]
    Unreachable { entity: String, reason: String },
    #[error("{entity}: invalid entity statement: {reason}")]
    Invalid { entity: String, reason: String },
    #[error("{entity}: statement expired")]
    Expired { entity: String },
    #[error("{entity}: no trust chain to a configured trust anchor")]
    NoTrustChain { entity: String },
    #[error("{entity}: metadata policy not satisfied: {reason}")]
    Policy { entity: String, reason: String },
}
