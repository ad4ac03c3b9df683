//! Logins the portal refuses: each ends on the result page with its code, in the audit
//! log as `auth.login_failed` with that code, and opens no account and no session.

use super::server::{Defect, Person};
use super::*;

/// The landing of a refused login, checked against everything a refusal must leave.
fn assert_refused(portal: &Portal, landing: &str, code: &str, before: (i64, i64), case: &str) {
    assert_eq!(landing, format!("/accedi/esito?errore={code}"), "{case}");
    let entries = audit_entries(portal);
    let (action, details) = entries.last().expect("an audit entry");
    assert_eq!(action, "auth.login_failed", "{case}");
    assert_eq!(details["code"], code, "{case}");
    assert_eq!(
        accounts_and_sessions(portal),
        before,
        "{case}: no account or session"
    );
}

fn successes(portal: &Portal) -> usize {
    audit_entries(portal)
        .iter()
        .filter(|(action, _)| action == "auth.login_succeeded")
        .count()
}

#[tokio::test]
async fn id_tokens_that_do_not_prove_the_login_are_refused() {
    let (federation, portal) = spawn_federated().await;
    federation.set_person(Person::with_fiscal_code("VRDGFR72L04L219K"));
    let cases = [
        (Defect::IdTokenForeignKey, "id_token_signature"),
        (Defect::IdTokenAudience, "id_token_audience"),
        (Defect::IdTokenExpired, "id_token_expired"),
        (Defect::IdTokenNonce, "nonce_mismatch"),
        (Defect::IdTokenLevel1, "level_insufficient"),
    ];
    for (defect, code) in cases {
        federation.set_defect(defect);
        let before = accounts_and_sessions(&portal);
        let landing = log_in(&portal).await;
        assert_refused(&portal, &landing, code, before, &format!("{defect:?}"));
        let entries = audit_entries(&portal);
        assert_eq!(entries.last().unwrap().1["provider"], PROVIDER);
    }
    assert_eq!(successes(&portal), 0);
    // Each time the provider was satisfied with the portal's token request: the
    // refusals are the portal's own.
    assert!(federation
        .token_requests()
        .iter()
        .all(|r| r.problem.is_none()));
    // The same provider, behaving, is accepted.
    federation.set_defect(Defect::None);
    assert!(log_in(&portal).await.starts_with("/accedi/esito#ticket="));
}

#[tokio::test]
async fn userinfo_without_a_valid_codice_fiscale_or_not_for_the_portal_is_refused() {
    let (federation, portal) = spawn_federated().await;
    let mut without = Person::with_fiscal_code("VRDGFR72L04L219K");
    without.fiscal_number = None;
    let mut invalid = Person::with_fiscal_code("VRDGFR72L04L219K");
    // The right check character is K.
    invalid.fiscal_number = Some("TINIT-VRDGFR72L04L219X".to_owned());
    let good = Person::with_fiscal_code("VRDGFR72L04L219K");
    let cases = [
        (without, Defect::None, "fiscal_number_missing"),
        (invalid, Defect::None, "fiscal_number_invalid"),
        (good.clone(), Defect::UserinfoWrongKey, "userinfo_invalid"),
        (
            good.clone(),
            Defect::UserinfoNotEncrypted,
            "userinfo_invalid",
        ),
    ];
    for (person, defect, code) in cases {
        let case = format!("{defect:?} {:?}", person.fiscal_number);
        federation.set_person(person);
        federation.set_defect(defect);
        let before = accounts_and_sessions(&portal);
        let landing = log_in(&portal).await;
        assert_refused(&portal, &landing, code, before, &case);
    }
    assert_eq!(account_of(&portal, "VRDGFR72L04L219K"), None);
    federation.set_person(good);
    federation.set_defect(Defect::None);
    assert!(log_in(&portal).await.starts_with("/accedi/esito#ticket="));
}

#[tokio::test]
async fn a_state_is_good_once_and_a_cancelled_login_says_so() {
    let (federation, portal) = spawn_federated().await;
    federation.set_person(Person::with_fiscal_code(&portal.fiscal_code("citizen")));
    let authorization = start(&portal).await;
    let callback = authorize(&portal, &authorization).await;
    let landing = location(&portal.get(&callback).await);
    assert!(landing.starts_with("/accedi/esito#ticket="), "{landing}");

    // The same answer again: refused before the provider is asked anything.
    let before = accounts_and_sessions(&portal);
    let replayed = location(&portal.get(&callback).await);
    assert_refused(&portal, &replayed, "login_expired", before, "replay");
    let made_up = portal.url("/api/v1/auth/oidc/callback?code=abc&state=not-a-state-we-sent");
    let landing = location(&portal.get(&made_up).await);
    assert_refused(&portal, &landing, "login_expired", before, "made-up state");
    assert_eq!(federation.token_requests().len(), 1);

    // The citizen cancels at the provider.
    let state = query_of(&start(&portal).await)["state"].clone();
    let cancelled = portal.url(&format!(
        "/api/v1/auth/oidc/callback?error=access_denied&error_description=annullato&state={state}"
    ));
    let landing = location(&portal.get(&cancelled).await);
    assert_refused(&portal, &landing, "login_cancelled", before, "cancelled");
    let entries = audit_entries(&portal);
    assert_eq!(entries.last().unwrap().1["provider"], PROVIDER);
    // That state is spent too.
    let late = portal.url(&format!(
        "/api/v1/auth/oidc/callback?code=abc&state={state}"
    ));
    let landing = location(&portal.get(&late).await);
    assert_refused(
        &portal,
        &landing,
        "login_expired",
        before,
        "after cancelling",
    );
    assert_eq!(federation.token_requests().len(), 1);
    assert_eq!(successes(&portal), 1);
}

#[tokio::test]
async fn a_code_from_another_login_fails_the_providers_pkce_check() {
    let (federation, portal) = spawn_federated().await;
    federation.set_person(Person::with_fiscal_code(&portal.fiscal_code("citizen")));
    let first = authorize(&portal, &start(&portal).await).await;
    let second = authorize(&portal, &start(&portal).await).await;
    let (first, second) = (query_of(&first), query_of(&second));
    // The first login's code with the second login's state: the portal sends the second
    // login's verifier, which does not match the first code's challenge.
    let mixed = portal.url(&format!(
        "/api/v1/auth/oidc/callback?code={}&state={}",
        first["code"], second["state"]
    ));
    let before = accounts_and_sessions(&portal);
    let landing = location(&portal.get(&mixed).await);
    assert_refused(&portal, &landing, "token_refused", before, "mixed up");
    let requests = federation.token_requests();
    assert_eq!(requests.len(), 1);
    let problem = requests[0].problem.as_deref().unwrap_or_default();
    assert!(problem.contains("code_verifier"), "{problem}");
}

#[tokio::test]
async fn a_provider_without_a_chain_to_the_configured_anchor_is_not_trusted() {
    let (federation, portal) = spawn_federated().await;
    let path = format!("/api/v1/auth/oidc/{PROVIDER}/start?return_to=/area-personale");
    for defect in [Defect::HintsUnknownAnchor, Defect::UnknownToAnchor] {
        federation.set_defect(defect);
        let landing = location(&portal.get(&path).await);
        assert_eq!(
            landing, "/accedi/esito?errore=provider_untrusted",
            "{defect:?}"
        );
    }
    assert_eq!(pending_logins(&portal), 0, "no login kept");
    federation.set_defect(Defect::None);
    let landing = location(&portal.get(&path).await);
    assert!(landing.starts_with(&federation.op()), "{landing}");
    assert_eq!(pending_logins(&portal), 1);
    let unknown = location(&portal.get("/api/v1/auth/oidc/nobody/start").await);
    assert_eq!(unknown, "/accedi/esito?errore=unknown_provider");
}

fn pending_logins(portal: &Portal) -> i64 {
    use portale::platform::db::schema::federation_logins;
    federation_logins::table
        .count()
        .get_result(&mut *portal.db.connection().unwrap())
        .unwrap()
}
