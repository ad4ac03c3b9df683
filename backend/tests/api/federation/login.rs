//! Logins that succeed: the demo citizen, a codice fiscale without an account, an account
//! awaiting identification; a locked account refused; logging out revokes the
//! provider's token.

use serde_json::{json, Value};

use super::provider::SPID_L2;
use super::server::{self_signed_claims, Person};
use super::*;
use crate::helpers::problem;
use portale::platform::jose::jws;

const UNKNOWN: &str = "VRDGFR72L04L219K";
const PENDING: &str = "BNCMRA90C55F205B";
const LOCKED: &str = "RSSMRA85T10H501O";

async fn entity_configuration(portal: &Portal) -> Value {
    let jwt = portal
        .get("/.well-known/openid-federation")
        .await
        .text()
        .await
        .expect("a body");
    self_signed_claims(&jwt)
}

/// The request object is signed with the portal's relying-party key (not its federation
/// key) and says what the query says.
fn check_request_object(configuration: &Value, portal: &Portal, op: &str, authorization: &str) {
    let query = query_of(authorization);
    let rp_keys = &configuration["metadata"]["openid_relying_party"]["jwks"];
    let request = jws::verify(&query["request"], rp_keys).expect("signed by the portal");
    assert!(jws::verify(&query["request"], &configuration["jwks"]).is_err());
    let (header, _) = jws::peek(&query["request"]).unwrap();
    assert_eq!(header.typ.as_deref(), Some("oauth-authz-req+jwt"));
    assert_eq!(request["iss"], portal.address);
    assert_eq!(request["client_id"], portal.address);
    assert_eq!(query["client_id"], portal.address);
    assert_eq!(
        request["redirect_uri"],
        portal.url("/api/v1/auth/oidc/callback")
    );
    assert!(request["aud"].as_array().unwrap().contains(&json!(op)));
    assert_eq!(request["response_type"], "code");
    assert_eq!(request["scope"], "openid");
    assert_eq!(request["acr_values"], SPID_L2);
    assert_eq!(request["code_challenge_method"], "S256");
    for name in ["state", "nonce", "code_challenge"] {
        assert_eq!(request[name], query[name], "{name}");
        assert!(query[name].len() >= 32, "{name} is long enough to guess");
    }
    assert_ne!(query["state"], query["nonce"]);
    let now = chrono::Utc::now().timestamp();
    assert!(request["exp"].as_i64().unwrap() > now);
}

#[tokio::test]
async fn the_demo_citizen_logs_in_with_spid_and_the_ticket_works_once() {
    let (federation, portal) = spawn_federated().await;
    let citizen = portal.fiscal_code("citizen");
    federation.set_person(Person::with_fiscal_code(&citizen));
    let configuration = entity_configuration(&portal).await;

    let authorization = start(&portal).await;
    assert!(
        authorization.starts_with(&format!("{}/authorize?", federation.op())),
        "{authorization}"
    );
    check_request_object(&configuration, &portal, &federation.op(), &authorization);
    let callback = authorize(&portal, &authorization).await;
    assert_eq!(
        query_of(&callback)["state"],
        query_of(&authorization)["state"]
    );
    let landing = location(&portal.get(&callback).await);
    assert!(landing.starts_with("/accedi/esito#ticket="), "{landing}");
    assert!(landing.ends_with("&ritorno=%2Farea-personale"), "{landing}");
    // The provider's token endpoint was satisfied with the portal's request.
    let requests = federation.token_requests();
    assert_eq!(requests.len(), 1);
    assert_eq!(requests[0].problem, None);

    let (ticket, return_to) = ticket_of(&landing);
    assert_eq!(return_to, "/area-personale");
    let session = redeem(&portal, &ticket).await;
    assert_eq!(session["must_change_password"], false);
    assert_eq!(session["token_type"], "Bearer");
    let profile = me(&portal, session["access_token"].as_str().unwrap()).await;
    assert_eq!(profile["fiscal_code"], citizen);

    let again = portal
        .post_json("/api/v1/auth/oidc/session", &json!({"ticket": ticket}))
        .await;
    let (status, _, body) = problem(again).await;
    assert_eq!(
        (status, body["code"].as_str()),
        (401, Some("login_ticket_invalid"))
    );

    let entries = audit_entries(&portal);
    let (_, details) = entries
        .iter()
        .find(|(action, _)| action == "auth.login_succeeded")
        .expect("the login is in the audit log");
    assert_eq!(details["method"], "spid");
    assert_eq!(details["provider"], PROVIDER);
    assert_eq!(details["acr"], SPID_L2);
    assert!(!entries
        .iter()
        .any(|(action, _)| action == "auth.login_failed"));
}

#[tokio::test]
async fn a_fiscal_code_without_an_account_gets_a_new_active_one() {
    let (federation, portal) = spawn_federated().await;
    assert_eq!(account_of(&portal, UNKNOWN), None);
    let (accounts_before, _) = accounts_and_sessions(&portal);
    federation.set_person(Person::with_fiscal_code(UNKNOWN));

    let (ticket, _) = ticket_of(&log_in(&portal).await);
    assert_eq!(
        account_of(&portal, UNKNOWN),
        Some((
            "active".to_owned(),
            "Giulia".to_owned(),
            "Federati".to_owned()
        ))
    );
    assert_eq!(accounts_and_sessions(&portal).0, accounts_before + 1);
    let session = redeem(&portal, &ticket).await;
    assert_eq!(session["must_change_password"], false);
    let profile = me(&portal, session["access_token"].as_str().unwrap()).await;
    assert_eq!(profile["fiscal_code"], UNKNOWN);
    assert_eq!(profile["email"], "giulia.federati@example.org");

    let entries = audit_entries(&portal);
    let (_, details) = entries
        .iter()
        .find(|(action, _)| action == "account.registered")
        .expect("the registration is in the audit log");
    assert_eq!(details["method"], "spid");
    assert!(entries
        .iter()
        .any(|(action, _)| action == "auth.login_succeeded"));
}

#[tokio::test]
async fn a_pending_account_is_activated_and_a_locked_one_refused() {
    let (federation, portal) = spawn_federated().await;
    insert_account(&portal, PENDING, "pending_identification");
    insert_account(&portal, LOCKED, "locked");

    federation.set_person(Person::with_fiscal_code(PENDING));
    let (ticket, _) = ticket_of(&log_in(&portal).await);
    // Activated; the names of the account stay those it was registered with.
    assert_eq!(
        account_of(&portal, PENDING),
        Some((
            "active".to_owned(),
            "Persona".to_owned(),
            "Prova".to_owned()
        ))
    );
    assert!(audit_entries(&portal)
        .iter()
        .any(|(action, details)| action == "account.activated" && details["provider"] == PROVIDER));
    let session = redeem(&portal, &ticket).await;
    // No password change asked of an identity the provider vouched for.
    assert_eq!(session["must_change_password"], false);
    assert_eq!(
        me(&portal, session["access_token"].as_str().unwrap()).await["fiscal_code"],
        PENDING
    );

    federation.set_person(Person::with_fiscal_code(LOCKED));
    let before = accounts_and_sessions(&portal);
    assert_eq!(log_in(&portal).await, "/accedi/esito?errore=account_locked");
    assert_eq!(accounts_and_sessions(&portal), before);
    assert_eq!(account_of(&portal, LOCKED).unwrap().0, "locked");
    let entries = audit_entries(&portal);
    let (action, details) = entries.last().unwrap();
    assert_eq!(action, "auth.login_failed");
    assert_eq!(details["code"], "account_locked");
    assert_eq!(details["provider"], PROVIDER);
}

#[tokio::test]
async fn logging_out_revokes_the_providers_access_token() {
    let (federation, portal) = spawn_federated().await;
    federation.set_person(Person::with_fiscal_code(&portal.fiscal_code("citizen")));
    let (ticket, _) = ticket_of(&log_in(&portal).await);
    let session = redeem(&portal, &ticket).await;
    let provider_tokens = federation.live_access_tokens();
    assert_eq!(provider_tokens.len(), 1);
    assert!(federation.revocations().is_empty());

    let token = session["access_token"].as_str().unwrap();
    let response = portal
        .client
        .post(portal.url("/api/v1/auth/logout"))
        .bearer_auth(token)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 204);

    let revocations = federation.revocations();
    assert_eq!(revocations.len(), 1);
    assert_eq!(revocations[0].problem, None, "a valid client assertion");
    assert_eq!(revocations[0].token.as_ref(), Some(&provider_tokens[0]));
    assert_eq!(
        revocations[0].token_type_hint.as_deref(),
        Some("access_token")
    );
    assert!(federation.live_access_tokens().is_empty());
    let after = portal
        .client
        .get(portal.url("/api/v1/me"))
        .bearer_auth(token)
        .send()
        .await
        .unwrap();
    assert_eq!(after.status(), 401);
}
