//! Groups and permissions drive what staff can do; administrators manage users.

use serde_json::{json, Value};

use crate::helpers::{citizen_account_id, problem, spawn_demo_app, staff_token, TestApp};

async fn citizen2_session(app: &TestApp, credentials: &Value) -> Value {
    let login = json!({"fiscal_code": credentials["citizen2"]["fiscal_code"], "password": credentials["citizen2"]["password"]});
    app.login(login).await.json().await.unwrap()
}

#[tokio::test]
async fn an_admin_creates_a_group_assigns_it_and_the_permission_takes_effect() {
    let (app, credentials) = spawn_demo_app().await;
    let admin = staff_token(&app, &credentials, "admin").await;

    let permissions: Value = app
        .get_as("/api/v1/admin/permissions", &admin)
        .await
        .json()
        .await
        .unwrap();
    assert!(permissions
        .as_array()
        .unwrap()
        .iter()
        .any(|p| p["code"] == "audit.read"));

    let bad = app
        .post_as(
            "/api/v1/admin/groups",
            &admin,
            &json!({"name": "Revisori", "permissions": ["audit.read", "fly"]}),
        )
        .await;
    let (status, _, body) = problem(bad).await;
    assert_eq!(
        (status, body["errors"][0]["field"].as_str()),
        (422, Some("permissions[1]"))
    );

    let created = app
        .post_as("/api/v1/admin/groups", &admin, &json!({"name": "Revisori", "description": "Controllo interno", "permissions": ["mail.read"]}))
        .await;
    assert_eq!(created.status(), 201);
    let group: Value = created.json().await.unwrap();
    let duplicate = app
        .post_as(
            "/api/v1/admin/groups",
            &admin,
            &json!({"name": "Revisori", "permissions": []}),
        )
        .await;
    assert_eq!(duplicate.status(), 409);

    // A group with back-office permissions is for staff, not for a citizen's account.
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
    let citizen_id = users[0]["id"].as_str().unwrap().to_owned();
    let to_citizen = app
        .client
        .put(app.url(&format!("/api/v1/admin/users/{citizen_id}/groups")))
        .bearer_auth(&admin)
        .json(&json!({"group_ids": [group["id"]]}))
        .send()
        .await
        .unwrap();
    let (status, _, body) = problem(to_citizen).await;
    assert_eq!(
        (status, body["code"].as_str()),
        (422, Some("staff_group_for_citizen"))
    );

    // The operator, who cannot read the outbox, joins the group.
    let first = app
        .token(json!({"username": credentials["operator"]["username"], "password": credentials["operator"]["password"]}))
        .await;
    let session: Value = app
        .post_as(
            "/api/v1/auth/password",
            &first,
            &json!({"current_password": credentials["operator"]["password"], "new_password": "Gestione2026"}),
        )
        .await
        .json()
        .await
        .unwrap();
    let operator_token = session["access_token"].as_str().unwrap();
    assert_eq!(
        app.get_as("/api/v1/admin/mail-outbox", operator_token)
            .await
            .status(),
        403
    );
    let operators: Value = app
        .get_as("/api/v1/admin/users?role=operator", &admin)
        .await
        .json()
        .await
        .unwrap();
    let operator_id = operators[0]["id"].as_str().unwrap().to_owned();
    let assigned = app
        .client
        .put(app.url(&format!("/api/v1/admin/users/{operator_id}/groups")))
        .bearer_auth(&admin)
        .json(&json!({"group_ids": ["operatori-anagrafe", group["id"]]}))
        .send()
        .await
        .unwrap();
    assert_eq!(assigned.status(), 200);
    let groups_now = assigned.json::<Value>().await.unwrap()["groups"].clone();
    assert!(groups_now.as_array().unwrap().contains(&group["id"]));

    // The next refresh carries the new permission.
    let refreshed: Value = app
        .post_json(
            "/api/v1/auth/refresh",
            &json!({"refresh_token": session["refresh_token"]}),
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        app.get_as(
            "/api/v1/admin/mail-outbox",
            refreshed["access_token"].as_str().unwrap()
        )
        .await
        .status(),
        200
    );

    let groups: Value = app
        .get_as("/api/v1/admin/groups", &admin)
        .await
        .json()
        .await
        .unwrap();
    let revisori = groups
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["name"] == "Revisori")
        .unwrap();
    assert_eq!(revisori["members"], 1);
    let built_in = groups
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["built_in"] == true)
        .unwrap();
    let deleted = app
        .client
        .delete(app.url(&format!(
            "/api/v1/admin/groups/{}",
            built_in["id"].as_str().unwrap()
        )))
        .bearer_auth(&admin)
        .send()
        .await
        .unwrap();
    assert_eq!(deleted.status(), 409);
    let deleted = app
        .client
        .delete(app.url(&format!(
            "/api/v1/admin/groups/{}",
            group["id"].as_str().unwrap()
        )))
        .bearer_auth(&admin)
        .send()
        .await
        .unwrap();
    assert_eq!(deleted.status(), 204);
}

#[tokio::test]
async fn operators_cannot_manage_groups_or_users() {
    let (app, credentials) = spawn_demo_app().await;
    let operator = staff_token(&app, &credentials, "operator").await;
    for path in [
        "/api/v1/admin/groups",
        "/api/v1/admin/users",
        "/api/v1/admin/permissions",
    ] {
        let (status, _, body) = problem(app.get_as(path, &operator).await).await;
        assert_eq!(
            (status, body["code"].as_str()),
            (403, Some("forbidden")),
            "{path}"
        );
    }
}

#[tokio::test]
async fn locking_ends_sessions_and_blocks_login_until_unlocked_and_a_reset_forces_a_change() {
    let (app, credentials) = spawn_demo_app().await;
    let admin = staff_token(&app, &credentials, "admin").await;
    let session = citizen2_session(&app, &credentials).await;
    let users: Value = app
        .get_as("/api/v1/admin/users?role=citizen", &admin)
        .await
        .json()
        .await
        .unwrap();
    let id = users
        .as_array()
        .unwrap()
        .iter()
        .find(|u| u["fiscal_code"] == credentials["citizen2"]["fiscal_code"])
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned();

    assert_eq!(
        app.post_as(
            &format!("/api/v1/admin/users/{id}/lock"),
            &admin,
            &json!({})
        )
        .await
        .status(),
        200
    );
    let refreshed = app
        .post_json(
            "/api/v1/auth/refresh",
            &json!({"refresh_token": session["refresh_token"]}),
        )
        .await;
    assert_eq!(refreshed.status(), 401, "sessions end with the lock");
    let login = json!({"fiscal_code": credentials["citizen2"]["fiscal_code"], "password": credentials["citizen2"]["password"]});
    let (status, _, body) = problem(app.login(login.clone()).await).await;
    assert_eq!(
        (status, body["code"].as_str()),
        (403, Some("account_locked"))
    );

    assert_eq!(
        app.post_as(
            &format!("/api/v1/admin/users/{id}/unlock"),
            &admin,
            &json!({})
        )
        .await
        .status(),
        200
    );
    assert_eq!(app.login(login).await.status(), 200);

    let reset: Value = app
        .post_as(
            &format!("/api/v1/admin/users/{id}/reset-password"),
            &admin,
            &json!({}),
        )
        .await
        .json()
        .await
        .unwrap();
    let temporary = reset["temporary_password"].as_str().unwrap();
    let fresh: Value = app
        .login(
            json!({"fiscal_code": credentials["citizen2"]["fiscal_code"], "password": temporary}),
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(fresh["must_change_password"], true);

    let bad_role = app.get_as("/api/v1/admin/users?role=king", &admin).await;
    assert_eq!(bad_role.status(), 400);
}

/// Every operation whose OpenAPI `security` names permissions refuses a caller without
/// them — before reading the body — and names the missing permission; a caller holding
/// exactly those permissions gets past the check. The document is the one place where
/// endpoints declare what they need.
#[tokio::test]
async fn every_operation_enforces_the_permissions_its_openapi_security_declares() {
    let (app, credentials) = spawn_demo_app().await;
    let citizen = citizen2_session(&app, &credentials).await["access_token"]
        .as_str()
        .unwrap()
        .to_owned();
    let admin = staff_token(&app, &credentials, "admin").await;
    let document: Value = app.get("/api/openapi.json").await.json().await.unwrap();
    let client = reqwest::Client::new();
    let mut checked = 0;
    for (path, item) in document["paths"].as_object().unwrap() {
        for (method, operation) in item.as_object().unwrap() {
            let scopes: Vec<&str> = operation["security"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|r| r["bearer"].as_array())
                .flatten()
                .filter_map(Value::as_str)
                .collect();
            if scopes.is_empty() {
                continue;
            }
            // A path parameter that names nothing: the permission check comes first.
            let url = app.url(&path.replace("{id}", "nessuno"));
            let method = reqwest::Method::from_bytes(method.to_uppercase().as_bytes()).unwrap();
            let call = |token: &str| {
                client
                    .request(method.clone(), &url)
                    .bearer_auth(token)
                    .header("content-type", "application/json")
                    .body("not json")
            };
            let (status, _, body) = problem(call(&citizen).send().await.unwrap()).await;
            assert_eq!(
                (status, body["code"].as_str()),
                (403, Some("forbidden")),
                "{method} {path}"
            );
            assert!(
                body["detail"]
                    .as_str()
                    .unwrap_or_default()
                    .contains("permesso"),
                "{method} {path}: {body}"
            );

            // The admin holds every permission: whatever comes next, it is not a 403.
            let status = call(&admin).send().await.unwrap().status();
            assert_ne!(status, 403, "{method} {path}");
            checked += 1;
        }
    }
    assert!(checked >= 17, "only {checked} guarded operations found");
}

#[tokio::test]
async fn the_user_search_filters_by_status() {
    let (app, credentials) = spawn_demo_app().await;
    let admin = staff_token(&app, &credentials, "admin").await;
    let fiscal_code = credentials["citizen2"]["fiscal_code"].as_str().unwrap();
    let found: Value = app
        .get_as(&format!("/api/v1/admin/users?q={fiscal_code}"), &admin)
        .await
        .json()
        .await
        .unwrap();
    let id = found[0]["id"].as_str().unwrap().to_owned();
    let locked = app
        .post_as(
            &format!("/api/v1/admin/users/{id}/lock"),
            &admin,
            &json!({}),
        )
        .await;
    assert_eq!(locked.status(), 200);

    let locked: Value = app
        .get_as("/api/v1/admin/users?status=locked", &admin)
        .await
        .json()
        .await
        .unwrap();
    let ids: Vec<&str> = locked
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, [id.as_str()]);
    let active: Value = app
        .get_as(
            &format!("/api/v1/admin/users?status=active&q={fiscal_code}"),
            &admin,
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(active.as_array().map(Vec::len), Some(0));

    let (status, _, body) = problem(
        app.get_as("/api/v1/admin/users?status=asleep", &admin)
            .await,
    )
    .await;
    assert_eq!(
        (status, body["errors"][0]["field"].as_str()),
        (400, Some("status"))
    );
}

#[tokio::test]
async fn whoever_manages_users_sees_the_groups_but_cannot_change_them() {
    let (app, credentials) = spawn_demo_app().await;
    let admin = staff_token(&app, &credentials, "admin").await;
    let group: Value = app
        .post_as(
            "/api/v1/admin/groups",
            &admin,
            &json!({"name": "Gestori utenti", "permissions": ["accounts.manage"]}),
        )
        .await
        .json()
        .await
        .unwrap();
    // Staff groups are for staff accounts: the operator takes this one beside its own.
    let found: Value = app
        .get_as("/api/v1/admin/users?role=operator", &admin)
        .await
        .json()
        .await
        .unwrap();
    let assigned = app
        .client
        .put(app.url(&format!(
            "/api/v1/admin/users/{}/groups",
            found[0]["id"].as_str().unwrap()
        )))
        .bearer_auth(&admin)
        .json(&json!({"group_ids": ["operatori-anagrafe", group["id"]]}))
        .send()
        .await
        .unwrap();
    assert_eq!(assigned.status(), 200);
    let manager = &staff_token(&app, &credentials, "operator").await;

    let groups = app.get_as("/api/v1/admin/groups", manager).await;
    assert_eq!(groups.status(), 200);
    let created = app
        .post_as(
            "/api/v1/admin/groups",
            manager,
            &json!({"name": "Altro", "permissions": []}),
        )
        .await;
    let (status, _, body) = problem(created).await;
    assert_eq!((status, body["code"].as_str()), (403, Some("forbidden")));
    assert_eq!(
        app.get_as("/api/v1/admin/permissions", manager)
            .await
            .status(),
        403
    );
}

/// Write transactions take SQLite's write lock when they begin: a deferred one that
/// reads and then writes cannot be upgraded while another writes, and SQLite answers
/// "database is locked" at once (a 500) instead of waiting.
#[tokio::test]
async fn concurrent_locks_and_unlocks_of_one_account_all_succeed() {
    let (app, credentials) = spawn_demo_app().await;
    let admin = staff_token(&app, &credentials, "admin").await;
    let id = citizen_account_id(&app, &admin, &credentials["citizen2"]["fiscal_code"]).await;
    let requests = (0..24).map(|i| {
        let action = if i % 2 == 0 { "lock" } else { "unlock" };
        let path = format!("/api/v1/admin/users/{id}/{action}");
        let (app, admin) = (&app, &admin);
        async move {
            app.post_as(&path, admin, &json!({}))
                .await
                .status()
                .as_u16()
        }
    });
    let statuses = futures_util::future::join_all(requests).await;
    assert!(statuses.iter().all(|s| *s == 200), "{statuses:?}");
}
