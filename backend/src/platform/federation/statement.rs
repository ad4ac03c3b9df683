//! An entity statement: a JWS about `sub` issued by `iss` — an entity's own
//! configuration when the two are equal, a superior's subordinate statement otherwise.

use serde_json::Value;

use super::FederationError;
use crate::platform::jose::jws;

#[derive(Debug, Clone)]
pub struct EntityStatement {
    pub iss: String,
    pub sub: String,
    pub iat: i64,
    pub exp: i64,
    pub jwks: Value,
    pub claims: Value,
    pub jwt: String,
}

impl EntityStatement {
    /// Reads `jwt` and checks its signature with `keys`, or — for an entity's own
    /// configuration, `keys` being `None` — with the key set it carries itself.
    pub fn verify(
        jwt: &str,
        keys: Option<&Value>,
        now: i64,
    ) -> Result<EntityStatement, FederationError> {
        let (_, unverified) = jws::peek(jwt).map_err(|e| invalid("?", e.to_string()))?;
        let about = unverified["sub"].as_str().unwrap_or("?").to_owned();
        let own_keys = unverified.get("jwks").cloned().unwrap_or(Value::Null);
        let claims = jws::verify(jwt, keys.unwrap_or(&own_keys))
            .map_err(|e| invalid(&about, e.to_string()))?;
        let text = |name: &str| {
            claims[name]
                .as_str()
                .map(str::to_owned)
                .ok_or_else(|| invalid(&about, format!("no {name}")))
        };
        let number = |name: &str| {
            claims[name]
                .as_i64()
                .ok_or_else(|| invalid(&about, format!("no {name}")))
        };
        let statement = EntityStatement {
            iss: text("iss")?,
            sub: text("sub")?,
            iat: number("iat")?,
            exp: number("exp")?,
            jwks: claims
                .get("jwks")
                .cloned()
                .ok_or_else(|| invalid(&about, "no jwks".into()))?,
            jwt: jwt.to_owned(),
            claims,
        };
        if keys.is_none() && statement.iss != statement.sub {
            return Err(invalid(
                &about,
                "an entity configuration must be self-issued".into(),
            ));
        }
        if statement.exp <= now {
            return Err(FederationError::Expired {
                entity: statement.sub,
            });
        }
        if statement.iat > now + CLOCK_SKEW_SECONDS {
            return Err(invalid(&about, "issued in the future".into()));
        }
        Ok(statement)
    }

    pub fn authority_hints(&self) -> Vec<String> {
        string_list(&self.claims["authority_hints"])
    }

    pub fn metadata(&self, entity_type: &str) -> Option<&Value> {
        self.claims["metadata"].get(entity_type)
    }

    pub fn fetch_endpoint(&self) -> Option<&str> {
        self.claims["metadata"]["federation_entity"]["federation_fetch_endpoint"].as_str()
    }
}

/// Clocks of federation members may differ by this much.
pub const CLOCK_SKEW_SECONDS: i64 = 60;

fn invalid(entity: &str, reason: String) -> FederationError {
    FederationError::Invalid {
        entity: entity.to_owned(),
        reason,
    }
}

pub fn string_list(value: &Value) -> Vec<String> {
    value
        .as_array()
        .map(|items| {
            items
                .iter()
                .filter_map(|v| v.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}
