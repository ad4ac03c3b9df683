//! Access tokens end when the account or the session does, not at their expiry: a lock,
//! a password change or reset, a change of groups and a logout take effect on the next
//! request (issue: "locked means locked, logout ends the token").

use serde_json::{json, Value};

use crate::helpers::{citizen_account_id, spawn_demo_app, staff_token, TestApp};

async fn login(app: &TestApp, credentials: &Value, who: &str) -> Value {
    let body = json!({
        "fiscal_code": credentials[who]["fiscal_code"],
        "password": credentials[who]["password"],
    });
    let response = app.login(body).await;
    assert_eq!(response.status(), 200, "login of {who}");
    response.json().await.unwrap()
}

fn access(session: &Value) -> String {
    session["access_token"].as_str().unwrap().to_owned()
}

async fn status_of_me(app: &TestApp, token: &str) -> u16 {
    app.get_as("/api/v1/me", token).await.status().as_u16()
}

#[tokio::test]
async fn a_locked_account_can_do_nothing_with_the_token_in_hand() {
    let (app, credentials) = spawn_demo_app().await;
    let admin = staff_token(&app, &credentials, "admin").await;
    let token = access(&login(&app, &credentials, "citizen2").await);
    assert_eq!(status_of_me(&app, &token).await, 200);
    let id = citizen_account_id(&app, &admin, &credentials["citizen2"]["fiscal_code"]).await;

    let locked = app
        .post_as(
            &format!("/api/v1/admin/users/{id}/lock"),
            &admin,
            &json!({}),
        )
        .await;
    assert_eq!(locked.status(), 200);

    assert_eq!(status_of_me(&app, &token).await, 401);
    let change = json!({
        "current_password": credentials["citizen2"]["password"],
        "new_password": "Nuova2026abc",
    });
    let changed = app.post_as("/api/v1/auth/password", &token, &change).await;
    assert_eq!(
        changed.status(),
        401,
        "a locked account cannot renew itself"
    );
}

#[tokio::test]
async fn logout_ends_this_session_or_every_session_at_once() {
    let (app, credentials) = spawn_demo_app().await;
    let first = access(&login(&app, &credentials, "citizen").await);
    let second = access(&login(&app, &credentials, "citizen").await);
    let third = access(&login(&app, &credentials, "citizen").await);

    let out = app.post_as("/api/v1/auth/logout", &first, &json!({})).await;
    assert_eq!(out.status(), 204);
    assert_eq!(status_of_me(&app, &first).await, 401, "this session ended");
    assert_eq!(status_of_me(&app, &second).await, 200, "the others go on");

    let everywhere = json!({"all_sessions": true});
    let out = app
        .post_as("/api/v1/auth/logout", &second, &everywhere)
        .await;
    assert_eq!(out.status(), 204);
    assert_eq!(status_of_me(&app, &second).await, 401);
    assert_eq!(status_of_me(&app, &third).await, 401, "every session ended");
}

#[tokio::test]
async fn a_password_change_or_an_admin_reset_ends_the_tokens_issued_before() {
    let (app, credentials) = spawn_demo_app().await;
    let admin = staff_token(&app, &credentials, "admin").await;
    let old = access(&login(&app, &credentials, "citizen").await);
    let change = json!({
        "current_password": credentials["citizen"]["password"],
        "new_password": "Nuova2026abc",
    });
    let changed = app.post_as("/api/v1/auth/password", &old, &change).await;
    assert_eq!(changed.status(), 200);
    let new = access(&changed.json().await.unwrap());
    assert_eq!(status_of_me(&app, &old).await, 401);
    assert_eq!(status_of_me(&app, &new).await, 200);

    let id = citizen_account_id(&app, &admin, &credentials["citizen"]["fiscal_code"]).await;
    let reset = app
        .post_as(
            &format!("/api/v1/admin/users/{id}/reset-password"),
            &admin,
            &json!({}),
        )
        .await;
    assert_eq!(reset.status(), 200);
    assert_eq!(status_of_me(&app, &new).await, 401);
}

#[tokio::test]
async fn removing_a_group_takes_the_permission_away_on_the_next_request() {
    let (app, credentials) = spawn_demo_app().await;
    let admin = staff_token(&app, &credentials, "admin").await;
    let operator_login = json!({
        "username": credentials["operator"]["username"],
        "password": "Gestione2026",
    });
    let operator = staff_token(&app, &credentials, "operator").await;
    assert_eq!(
        app.get_as("/api/v1/admin/audit-log", &operator)
            .await
            .status(),
        200
    );
    let users: Value = app
        .get_as("/api/v1/admin/users?role=operator", &admin)
        .await
        .json()
        .await
        .unwrap();
    let id = users[0]["id"].as_str().unwrap().to_owned();

    let emptied = app
        .client
        .put(app.url(&format!("/api/v1/admin/users/{id}/groups")))
        .bearer_auth(&admin)
        .json(&json!({"group_ids": []}))
        .send()
        .await
        .unwrap();
    assert_eq!(emptied.status(), 200);

    assert_eq!(
        app.get_as("/api/v1/admin/audit-log", &operator)
            .await
            .status(),
        401,
        "the token with the old permissions ended"
    );
    let again = app.token(operator_login).await;
    assert_eq!(
        app.get_as("/api/v1/admin/audit-log", &again).await.status(),
        403
    );
}
