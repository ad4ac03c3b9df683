//! Privilege boundaries of the back office: `accounts.manage` does not make an
//! administrator, nobody regroups themselves, and the last administrator stays.

use serde_json::{json, Value};

use crate::helpers::{problem, spawn_demo_app, staff_token, TestApp};

async fn put_groups(app: &TestApp, token: &str, id: &str, groups: Value) -> reqwest::Response {
    app.client
        .put(app.url(&format!("/api/v1/admin/users/{id}/groups")))
        .bearer_auth(token)
        .json(&json!({ "group_ids": groups }))
        .send()
        .await
        .unwrap()
}

async fn staff_id(app: &TestApp, admin: &str, role: &str) -> String {
    let users: Value = app
        .get_as(&format!("/api/v1/admin/users?role={role}"), admin)
        .await
        .json()
        .await
        .unwrap();
    users[0]["id"].as_str().unwrap().to_owned()
}

async fn code_of(response: reqwest::Response) -> (u16, String) {
    let (status, _, body) = problem(response).await;
    (status, body["code"].as_str().unwrap_or_default().to_owned())
}

#[tokio::test]
async fn accounts_manage_alone_does_not_reach_the_administrators() {
    let (app, credentials) = spawn_demo_app().await;
    let admin = staff_token(&app, &credentials, "admin").await;
    let created: Value = app
        .post_as(
            "/api/v1/admin/groups",
            &admin,
            &json!({"name": "Gestori utenti", "permissions": ["accounts.manage"]}),
        )
        .await
        .json()
        .await
        .unwrap();
    let operator_id = staff_id(&app, &admin, "operator").await;
    let admin_id = staff_id(&app, &admin, "admin").await;
    let given = put_groups(
        &app,
        &admin,
        &operator_id,
        json!(["operatori-anagrafe", created["id"]]),
    )
    .await;
    assert_eq!(given.status(), 200);
    let operator = staff_token(&app, &credentials, "operator").await;

    let own = put_groups(&app, &operator, &operator_id, json!(["amministratori"])).await;
    assert_eq!(code_of(own).await, (403, "own_groups".to_owned()));

    let reset = app
        .post_as(
            &format!("/api/v1/admin/users/{admin_id}/reset-password"),
            &operator,
            &json!({}),
        )
        .await;
    assert_eq!(
        code_of(reset).await,
        (403, "more_privileged_account".to_owned())
    );
    let lock = app
        .post_as(
            &format!("/api/v1/admin/users/{admin_id}/lock"),
            &operator,
            &json!({}),
        )
        .await;
    assert_eq!(
        code_of(lock).await,
        (403, "more_privileged_account".to_owned())
    );

    let users: Value = app
        .get_as(
            &format!(
                "/api/v1/admin/users?q={}",
                credentials["citizen2"]["fiscal_code"].as_str().unwrap()
            ),
            &admin,
        )
        .await
        .json()
        .await
        .unwrap();
    let citizen_id = users[0]["id"].as_str().unwrap();
    let raised = put_groups(&app, &operator, citizen_id, json!(["amministratori"])).await;
    assert_eq!(
        code_of(raised).await,
        (403, "beyond_own_permissions".to_owned())
    );
}

#[tokio::test]
async fn the_last_administrator_cannot_be_taken_away() {
    let (app, credentials) = spawn_demo_app().await;
    let admin = staff_token(&app, &credentials, "admin").await;
    let admin_id = staff_id(&app, &admin, "admin").await;

    let own = put_groups(&app, &admin, &admin_id, json!([])).await;
    assert_eq!(code_of(own).await, (403, "own_groups".to_owned()));

    let stripped = app
        .client
        .patch(app.url("/api/v1/admin/groups/amministratori"))
        .bearer_auth(&admin)
        .json(&json!({"name": "Amministratori", "description": "", "permissions": ["audit.read"]}))
        .send()
        .await
        .unwrap();
    assert_eq!(
        code_of(stripped).await,
        (409, "last_administrator".to_owned())
    );

    let groups: Value = app
        .get_as("/api/v1/admin/groups", &admin)
        .await
        .json()
        .await
        .unwrap();
    let administrators = groups
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["id"] == "amministratori")
        .unwrap();
    assert!(
        administrators["permissions"]
            .as_array()
            .unwrap()
            .contains(&json!("groups.manage")),
        "nothing changed"
    );
}

#[tokio::test]
async fn an_administrator_does_not_reset_their_own_password_from_the_back_office() {
    let (app, credentials) = spawn_demo_app().await;
    let admin = staff_token(&app, &credentials, "admin").await;
    let admin_id = staff_id(&app, &admin, "admin").await;
    let reset = app
        .post_as(
            &format!("/api/v1/admin/users/{admin_id}/reset-password"),
            &admin,
            &json!({}),
        )
        .await;
    assert_eq!(code_of(reset).await, (409, "own_account".to_owned()));
    assert_eq!(app.get_as("/api/v1/me", &admin).await.status(), 200);
}
