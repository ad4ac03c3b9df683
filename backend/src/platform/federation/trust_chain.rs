//! Trust chains (OpenID Federation 1.0 §4): from an entity's own configuration up its
//! `authority_hints` to a configured trust anchor, each statement verified with the keys
//! its superior attests, the superiors' metadata policies applied. Resolved chains are
//! cached until the first of their statements expires.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use serde_json::Value;

use super::statement::EntityStatement;
use super::{fetch, policy, FederationError};

/// A trust anchor the portal accepts: its entity id and, in production, its federation
/// keys pinned in the settings (without them they are read from its own configuration).
#[derive(Debug, Clone)]
pub struct TrustAnchor {
    pub entity_id: String,
    pub jwks: Option<Value>,
}

/// An entity whose chain verified: its metadata of the requested type after the
/// policies, and when the chain has to be resolved again.
#[derive(Debug, Clone)]
pub struct ResolvedEntity {
    pub entity_id: String,
    pub trust_anchor: String,
    pub metadata: Value,
    pub expires_at: i64,
}

/// Intermediates allowed between an entity and its trust anchor.
const MAX_INTERMEDIATES: usize = 1;

pub struct TrustChains {
    anchors: Vec<TrustAnchor>,
    client: reqwest::Client,
    cache: Mutex<HashMap<(String, String), Arc<ResolvedEntity>>>,
}

impl TrustChains {
    pub fn new(anchors: Vec<TrustAnchor>) -> TrustChains {
        TrustChains {
            anchors,
            client: fetch::client(),
            cache: Mutex::default(),
        }
    }

    pub fn client(&self) -> &reqwest::Client {
        &self.client
    }

    /// `entity`'s metadata of `entity_type` (e.g. `openid_provider`), from the cache while
    /// its chain is valid, resolved again otherwise.
    pub async fn resolve(
        &self,
        entity: &str,
        entity_type: &str,
        now: i64,
    ) -> Result<Arc<ResolvedEntity>, FederationError> {
        let key = (entity.to_owned(), entity_type.to_owned());
        if let Some(hit) = self.cached(&key, now) {
            return Ok(hit);
        }
        let resolved = Arc::new(self.resolve_uncached(entity, entity_type, now).await?);
        self.cache
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .insert(key, resolved.clone());
        Ok(resolved)
    }

    /// Drops a cached chain, e.g. when the provider's keys no longer verify its tokens.
    pub fn forget(&self, entity: &str) {
        self.cache
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .retain(|(cached, _), _| cached != entity);
    }

    fn cached(&self, key: &(String, String), now: i64) -> Option<Arc<ResolvedEntity>> {
        let cache = self
            .cache
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        cache.get(key).filter(|hit| hit.expires_at > now).cloned()
    }

    async fn resolve_uncached(
        &self,
        entity: &str,
        entity_type: &str,
        now: i64,
    ) -> Result<ResolvedEntity, FederationError> {
        let leaf_jwt = fetch::entity_configuration(&self.client, entity).await?;
        let leaf = EntityStatement::verify(&leaf_jwt, None, now)?;
        if leaf.sub != entity {
            return Err(FederationError::Invalid {
                entity: entity.to_owned(),
                reason: format!("configuration is about {}", leaf.sub),
            });
        }
        let metadata =
            leaf.metadata(entity_type)
                .cloned()
                .ok_or_else(|| FederationError::Invalid {
                    entity: entity.to_owned(),
                    reason: format!("no {entity_type} metadata"),
                })?;
        let (anchor, statements) = self.climb(&leaf, now, 0).await?;
        // The policies apply from the trust anchor down (§6.1.4).
        let mut metadata = metadata;
        for statement in statements.iter().rev() {
            if let Some(rules) = statement.claims["metadata_policy"].get(entity_type) {
                metadata =
                    policy::apply(&metadata, rules).map_err(|reason| FederationError::Policy {
                        entity: entity.to_owned(),
                        reason,
                    })?;
            }
        }
        let expires_at = statements
            .iter()
            .map(|s| s.exp)
            .chain([leaf.exp])
            .min()
            .unwrap_or(now);
        Ok(ResolvedEntity {
            entity_id: entity.to_owned(),
            trust_anchor: anchor,
            metadata,
            expires_at,
        })
    }

    /// The subordinate statements from `subject` up to a trust anchor (the nearest first),
    /// and that anchor's id. `subject`'s own configuration is checked against the keys
    /// its superior attests.
    fn climb<'a>(
        &'a self,
        subject: &'a EntityStatement,
        now: i64,
        depth: usize,
    ) -> futures_util::future::BoxFuture<'a, Result<(String, Vec<EntityStatement>), FederationError>>
    {
        Box::pin(async move {
            let mut last_error = None;
            for superior_id in subject.authority_hints() {
                match self.climb_through(subject, &superior_id, now, depth).await {
                    Ok(found) => return Ok(found),
                    Err(error) => {
                        tracing::info!(%error, superior = %superior_id, "authority hint not usable");
                        last_error = Some(error);
                    }
                }
            }
            Err(match last_error {
                Some(
                    error @ (FederationError::Invalid { .. } | FederationError::Expired { .. }),
                ) => error,
                _ => FederationError::NoTrustChain {
                    entity: subject.sub.clone(),
                },
            })
        })
    }

    async fn climb_through(
        &self,
        subject: &EntityStatement,
        superior_id: &str,
        now: i64,
        depth: usize,
    ) -> Result<(String, Vec<EntityStatement>), FederationError> {
        let anchor = self.anchors.iter().find(|a| a.entity_id == superior_id);
        if anchor.is_none() && depth >= MAX_INTERMEDIATES {
            return Err(FederationError::NoTrustChain {
                entity: subject.sub.clone(),
            });
        }
        let superior_jwt = fetch::entity_configuration(&self.client, superior_id).await?;
        let superior = match anchor.and_then(|a| a.jwks.as_ref()) {
            Some(pinned) => EntityStatement::verify(&superior_jwt, Some(pinned), now)?,
            None => EntityStatement::verify(&superior_jwt, None, now)?,
        };
        let endpoint = superior
            .fetch_endpoint()
            .ok_or_else(|| FederationError::Invalid {
                entity: superior_id.to_owned(),
                reason: "no federation_fetch_endpoint".into(),
            })?;
        let statement_jwt =
            fetch::subordinate_statement(&self.client, endpoint, superior_id, &subject.sub).await?;
        let statement = EntityStatement::verify(&statement_jwt, Some(&superior.jwks), now)?;
        if statement.iss != superior_id || statement.sub != subject.sub {
            return Err(FederationError::Invalid {
                entity: subject.sub.clone(),
                reason: format!(
                    "{superior_id} answered a statement by {} about {}",
                    statement.iss, statement.sub
                ),
            });
        }
        // The subject's configuration must verify with the keys its superior attests.
        EntityStatement::verify(&subject.jwt, Some(&statement.jwks), now).map_err(|_| {
            FederationError::Invalid {
                entity: subject.sub.clone(),
                reason: format!("its keys are not the ones {superior_id} attests"),
            }
        })?;
        if anchor.is_some() {
            return Ok((superior_id.to_owned(), vec![statement]));
        }
        let (anchor_id, mut above) = self.climb(&superior, now, depth + 1).await?;
        let mut statements = vec![statement];
        statements.append(&mut above);
        Ok((anchor_id, statements))
    }
}
