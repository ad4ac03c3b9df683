//! PDND vouchers: RS256 tokens of PDND's authorization server, checked against its JWKS
//! (fetched with reqwest, cached for ten minutes and fetched again for a key not seen
//! yet), its issuer, this e-service's audience and their times.

use std::sync::Mutex;
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::platform::jose::{jws, JoseError};
use crate::platform::settings::pdnd::PdndSettings;

/// How long the fetched keys are trusted before they are fetched again.
const KEYS_FOR: Duration = Duration::from_secs(600);
/// A token naming an unknown key fetches the keys again at most this often: forged tokens
/// must not turn the portal into a load on PDND.
const REFETCH_AT_MOST_EVERY: Duration = Duration::from_secs(60);
/// Clocks of PDND and the portal may differ by this much.
const SKEW_SECONDS: i64 = 60;

/// A verified voucher.
#[derive(Debug, Clone)]
pub struct Voucher {
    /// The consumer's client id at PDND.
    pub client_id: String,
    /// The purpose (finalità) the voucher was issued for: recorded with each call.
    pub purpose_id: Option<String>,
    pub jti: String,
}

pub struct PdndVouchers {
    pub settings: PdndSettings,
    client: reqwest::Client,
    keys: Mutex<Option<(Value, Instant)>>,
}

impl PdndVouchers {
    pub fn new(settings: &PdndSettings) -> Option<PdndVouchers> {
        settings.enabled().then(|| PdndVouchers {
            settings: settings.clone(),
            client: crate::platform::federation::fetch::client(),
            keys: Mutex::default(),
        })
    }

    async fn jwks(&self, fresh: bool) -> Result<Value, String> {
        {
            let cached = self.keys.lock().unwrap_or_else(|p| p.into_inner());
            let still_good = if fresh {
                REFETCH_AT_MOST_EVERY
            } else {
                KEYS_FOR
            };
            if let Some((keys, _)) = cached.as_ref().filter(|(_, at)| at.elapsed() < still_good) {
                return Ok(keys.clone());
            }
        }
        let url = self.settings.jwks_url.clone().unwrap_or_default();
        let response = self
            .client
            .get(&url)
            .send()
            .await
            .map_err(|e| e.to_string())?;
        if !response.status().is_success() {
            return Err(format!("{url} answered {}", response.status()));
        }
        let keys: Value = response.json().await.map_err(|e| e.to_string())?;
        *self.keys.lock().unwrap_or_else(|p| p.into_inner()) = Some((keys.clone(), Instant::now()));
        Ok(keys)
    }

    /// The voucher in `token` when PDND signed it for this e-service and it is in time;
    /// otherwise why not.
    pub async fn verify(&self, token: &str, now: i64) -> Result<Voucher, String> {
        let keys = self.jwks(false).await?;
        let claims = match jws::verify(token, &keys) {
            Err(JoseError::UnknownKey(_)) => jws::verify(token, &self.jwks(true).await?),
            other => other,
        }
        .map_err(|e| e.to_string())?;
        check_claims(&claims, &self.settings, now)
    }
}

/// Issuer, audience, times and the consumer of a voucher's verified claims.
pub fn check_claims(claims: &Value, settings: &PdndSettings, now: i64) -> Result<Voucher, String> {
    if claims["iss"].as_str() != settings.issuer.as_deref() {
        return Err("issuer".into());
    }
    let audience = settings.audience.as_deref().unwrap_or_default();
    let audience_ok = match &claims["aud"] {
        Value::String(one) => one == audience,
        Value::Array(many) => many.iter().any(|a| a.as_str() == Some(audience)),
        _ => false,
    };
    if !audience_ok {
        return Err("audience".into());
    }
    if claims["exp"]
        .as_i64()
        .is_none_or(|exp| exp + SKEW_SECONDS <= now)
    {
        return Err("expired".into());
    }
    for name in ["nbf", "iat"] {
        if claims[name]
            .as_i64()
            .is_some_and(|at| at > now + SKEW_SECONDS)
        {
            return Err("not yet valid".into());
        }
    }
    let client_id = claims["client_id"]
        .as_str()
        .or_else(|| claims["sub"].as_str())
        .filter(|c| !c.is_empty())
        .ok_or("no client_id")?;
    Ok(Voucher {
        client_id: client_id.to_owned(),
        purpose_id: claims["purposeId"].as_str().map(str::to_owned),
        jti: claims["jti"].as_str().unwrap_or_default().to_owned(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn settings() -> PdndSettings {
        PdndSettings {
            issuer: Some("uat.interop.pagopa.it".into()),
            audience: Some("https://comune.example/api".into()),
            jwks_url: Some("https://uat.interop.pagopa.it/.well-known/jwks.json".into()),
            scopes: vec!["registry:check".into()],
            rate_limit_per_minute: None,
        }
    }

    fn claims() -> Value {
        json!({
            "iss": "uat.interop.pagopa.it", "aud": "https://comune.example/api",
            "client_id": "c-1", "sub": "c-1", "purposeId": "p-9", "jti": "j",
            "iat": 1000, "nbf": 1000, "exp": 1600,
        })
    }

    #[test]
    fn a_good_voucher_names_its_consumer_and_purpose() {
        let voucher = check_claims(&claims(), &settings(), 1100).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(voucher.client_id, "c-1");
        assert_eq!(voucher.purpose_id.as_deref(), Some("p-9"));
    }

    #[test]
    fn issuer_audience_and_times_are_checked() {
        for (claim, value, now, why) in [
            ("iss", json!("evil"), 1100, "issuer"),
            ("aud", json!(["https://other.example"]), 1100, "audience"),
            ("exp", json!(1000), 1100, "expired"),
            ("nbf", json!(5000), 1100, "not yet valid"),
        ] {
            let mut bad = claims();
            bad[claim] = value;
            assert_eq!(
                check_claims(&bad, &settings(), now).err().as_deref(),
                Some(why)
            );
        }
    }
}
