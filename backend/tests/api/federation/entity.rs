//! How the portal presents itself: its entity configuration, which the test trust anchor
//! can vouch for, and the SPID/CIE providers on the login page.

use serde_json::{json, Value};

use super::server::{self_signed_claims, Person, TestFederation};
use super::*;
use crate::helpers::spawn_app;
use portale::platform::federation::{TrustAnchor, TrustChains};
use portale::platform::jose::jws;

#[tokio::test]
async fn the_entity_configuration_is_self_signed_and_names_the_relying_party() {
    let federation = TestFederation::start().await;
    // The portal's own keys, generated into its data directory at first start.
    let settings = federation_settings(&federation, false);
    let portal = spawn_portal(|s| s.federation = settings).await;

    let response = portal.get("/.well-known/openid-federation").await;
    assert_eq!(response.status(), 200);
    assert_eq!(
        response.headers()["content-type"],
        "application/entity-statement+jwt"
    );
    let jwt = response.text().await.unwrap();
    let (header, _) = jws::peek(&jwt).unwrap();
    assert_eq!(header.typ.as_deref(), Some("entity-statement+jwt"));
    let claims = self_signed_claims(&jwt);
    assert_eq!(claims["iss"], portal.address);
    assert_eq!(claims["sub"], portal.address);
    assert_eq!(claims["authority_hints"], json!([federation.ta()]));
    let now = chrono::Utc::now().timestamp();
    assert!(claims["iat"].as_i64().unwrap() <= now + 1);
    assert!(claims["exp"].as_i64().unwrap() > now + 3600);

    let rp = &claims["metadata"]["openid_relying_party"];
    assert_eq!(rp["client_id"], claims["iss"]);
    assert_eq!(
        rp["redirect_uris"],
        json!([portal.url("/api/v1/auth/oidc/callback")])
    );
    assert_eq!(rp["token_endpoint_auth_method"], "private_key_jwt");
    let keys = jws::key_list(&rp["jwks"]);
    let uses: Vec<&str> = keys.iter().map(|k| k["use"].as_str().unwrap()).collect();
    assert_eq!(uses.iter().filter(|u| **u == "sig").count(), 1, "{uses:?}");
    assert_eq!(uses.iter().filter(|u| **u == "enc").count(), 1, "{uses:?}");
    assert_eq!(keys.len(), 2);
    // The federation key is a third key, of the federation role only.
    let federation_kid = &jws::key_list(&claims["jwks"])[0]["kid"];
    assert!(keys.iter().all(|k| k["kid"] != *federation_kid));
    for name in ["federation.pem", "signing.pem", "encryption.pem"] {
        let path = portal.data_dir.path().join("federation").join(name);
        assert!(path.exists(), "{}", path.display());
    }

    // The trust anchor vouches for it: its chain resolves as a provider would resolve it.
    federation.register_portal(&portal.address).await;
    let chains = TrustChains::new(vec![TrustAnchor {
        entity_id: federation.ta(),
        jwks: None,
    }]);
    let resolved = chains
        .resolve(&portal.address, "openid_relying_party", now)
        .await
        .expect("a trust chain to the anchor");
    assert_eq!(resolved.trust_anchor, federation.ta());
    assert_eq!(resolved.metadata["client_id"], portal.address);
    assert_eq!(
        resolved.metadata["client_registration_types"],
        json!(["automatic"])
    );

    let without = spawn_app().await;
    let response = without.get("/.well-known/openid-federation").await;
    assert_eq!(response.status(), 404);
}

async fn providers(address: &str) -> Vec<Value> {
    let body: Value = reqwest::get(format!("{address}/api/v1/auth/providers"))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    body["providers"].as_array().unwrap().clone()
}

#[tokio::test]
async fn the_login_page_lists_the_providers_and_a_cie_login_is_recorded_as_such() {
    let federation = TestFederation::start().await;
    let mut settings = federation_settings(&federation, true);
    settings.providers.push(ProviderSettings {
        id: "cie".to_owned(),
        kind: ProviderKind::Cie,
        name: "CIE id".to_owned(),
        entity_id: federation.op(),
        logo: None,
    });
    let portal = spawn_portal(|s| s.federation = settings).await;
    federation.register_portal(&portal.address).await;

    let listed = providers(&portal.address).await;
    let ids: Vec<&str> = listed.iter().map(|p| p["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["password", PROVIDER, "cie"]);
    assert_eq!(listed[1]["kind"], "spid");
    assert_eq!(listed[1]["name"], "Test ID");
    assert_eq!(
        listed[1]["start_url"],
        format!("/api/v1/auth/oidc/{PROVIDER}/start")
    );
    assert_eq!(listed[1]["logo"], "/img/spid-testid.svg");
    assert_eq!(listed[2]["kind"], "cie");
    assert_eq!(listed[2]["start_url"], "/api/v1/auth/oidc/cie/start");
    assert_eq!(listed[0]["start_url"], Value::Null);

    // The listed start URL works, and the session is a CIE one.
    federation.set_person(Person::with_fiscal_code(&portal.fiscal_code("citizen")));
    let start_url = listed[2]["start_url"].as_str().unwrap();
    let authorization = location(&portal.get(start_url).await);
    let callback = authorize(&portal, &authorization).await;
    let (ticket, _) = ticket_of(&location(&portal.get(&callback).await));
    redeem(&portal, &ticket).await;
    let entries = audit_entries(&portal);
    let (_, details) = entries
        .iter()
        .find(|(action, _)| action == "auth.login_succeeded")
        .unwrap();
    assert_eq!(
        (&details["method"], &details["provider"]),
        (&json!("cie"), &json!("cie"))
    );

    let without = spawn_app().await;
    let ids: Vec<String> = providers(&without.address)
        .await
        .iter()
        .map(|p| p["id"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(ids, ["password"]);
}
