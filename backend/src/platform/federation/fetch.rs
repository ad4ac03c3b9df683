//! Entity statements over HTTP(S): an entity's configuration at its well-known path,
//! a subordinate statement at its superior's fetch endpoint.

use std::time::Duration;

use super::{FederationError, WELL_KNOWN_PATH};

/// The HTTP client of the federation: short timeouts (a login waits on it), a few
/// redirects, rustls with Mozilla's roots.
pub fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .timeout(Duration::from_secs(8))
        .connect_timeout(Duration::from_secs(4))
        .redirect(reqwest::redirect::Policy::limited(3))
        .user_agent(concat!(
            "portale-servizi-demografici/",
            env!("CARGO_PKG_VERSION")
        ))
        .build()
        .expect("a client without custom TLS settings always builds")
}

pub async fn entity_configuration(
    client: &reqwest::Client,
    entity: &str,
) -> Result<String, FederationError> {
    let url = format!("{}{WELL_KNOWN_PATH}", entity.trim_end_matches('/'));
    get_text(client, entity, &url).await
}

pub async fn subordinate_statement(
    client: &reqwest::Client,
    fetch_endpoint: &str,
    issuer: &str,
    subject: &str,
) -> Result<String, FederationError> {
    let mut url = url::Url::parse(fetch_endpoint).map_err(|e| FederationError::Invalid {
        entity: issuer.to_owned(),
        reason: format!("fetch endpoint: {e}"),
    })?;
    url.query_pairs_mut().append_pair("sub", subject);
    get_text(client, subject, url.as_str()).await
}

async fn get_text(
    client: &reqwest::Client,
    entity: &str,
    url: &str,
) -> Result<String, FederationError> {
    let unreachable = |reason: String| FederationError::Unreachable {
        entity: entity.to_owned(),
        reason,
    };
    let response = client
        .get(url)
        .send()
        .await
        .map_err(|e| unreachable(e.to_string()))?;
    if !response.status().is_success() {
        return Err(unreachable(format!("{url} answered {}", response.status())));
    }
    let body = response
        .text()
        .await
        .map_err(|e| unreachable(e.to_string()))?;
    Ok(body.trim().to_owned())
}
