//! Login, tokens, sessions, the forced password change and permissions.

use diesel::prelude::*;
use serde_json::{json, Value};

use crate::helpers::{problem, spawn_demo_app, staff_token};

fn citizen(credentials: &Value) -> Value {
    json!({"fiscal_code": credentials["citizen"]["fiscal_code"], "password": credentials["citizen"]["password"]})
}

fn staff(credentials: &Value, who: &str) -> Value {
    json!({"username": credentials[who]["username"], "password": credentials[who]["password"]})
}

#[tokio::test]
async fn a_citizen_logs_in_with_the_fiscal_code_and_reads_the_profile() {
    let (app, credentials) = spawn_demo_app().await;
    let code = credentials["citizen"]["fiscal_code"]
        .as_str()
        .unwrap()
        .to_lowercase();
    let response = app.login(json!({"fiscal_code": format!(" {code} "), "password": credentials["citizen"]["password"]})).await;
    assert_eq!(response.status(), 200);
    let cookie = response.headers()["set-cookie"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(
        cookie.starts_with("portale_refresh=")
            && cookie.contains("HttpOnly")
            && cookie.contains("SameSite=Strict"),
        "{cookie}"
    );
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["token_type"], "Bearer");
    assert_eq!(body["expires_in"], 900);
    assert_eq!(body["must_change_password"], false);
    assert!(body["refresh_token"].as_str().unwrap().len() >= 32);

    let me: Value = app
        .get_as("/api/v1/me", body["access_token"].as_str().unwrap())
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(me["fiscal_code"], credentials["citizen"]["fiscal_code"]);
    assert_eq!(me["role"], "citizen");
    assert_eq!(me["resident"], true);

    let outsider = credentials["nonresident"].clone();
    let first = app
        .token(json!({"fiscal_code": outsider["fiscal_code"], "password": outsider["password"]}))
        .await;
    let change = json!({"current_password": outsider["password"], "new_password": "Esterna2026"});
    let changed: Value = app
        .post_as("/api/v1/auth/password", &first, &change)
        .await
        .json()
        .await
        .unwrap();
    let me: Value = app
        .get_as("/api/v1/me", changed["access_token"].as_str().unwrap())
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        me["resident"], false,
        "registered elsewhere: residents-only services stay closed"
    );
}

#[tokio::test]
async fn wrong_password_and_unknown_user_get_the_same_answer() {
    let (app, credentials) = spawn_demo_app().await;
    let wrong = app.login(json!({"fiscal_code": credentials["citizen"]["fiscal_code"], "password": "Sbagliata99"})).await;
    let unknown = app
        .login(json!({"fiscal_code": "RSSMRA85T10H501O", "password": "Sbagliata99"}))
        .await;
    let (s1, _, b1) = problem(wrong).await;
    let (s2, _, b2) = problem(unknown).await;
    assert_eq!((s1, s2), (401, 401));
    assert_eq!(b1["code"], "invalid_credentials");
    assert_eq!(b1["detail"], b2["detail"]);
    let (status, _, body) = problem(app.login(json!({"password": "x"})).await).await;
    assert_eq!(
        (status, body["errors"][0]["field"].as_str()),
        (422, Some("fiscal_code"))
    );
}

#[tokio::test]
async fn one_field_takes_a_fiscal_code_or_a_user_name_and_the_server_tells_them_apart() {
    let (app, credentials) = spawn_demo_app().await;
    let code = credentials["citizen"]["fiscal_code"].as_str().unwrap();
    let spaced = format!(" {} {} ", &code[..6].to_lowercase(), &code[6..]);
    let citizen = app
        .login(json!({"user_id": spaced, "password": credentials["citizen"]["password"]}))
        .await;
    assert_eq!(citizen.status(), 200);
    let token = citizen.json::<Value>().await.unwrap()["access_token"]
        .as_str()
        .unwrap()
        .to_owned();
    let me: Value = app.get_as("/api/v1/me", &token).await.json().await.unwrap();
    assert_eq!(
        (me["role"].as_str(), me["fiscal_code"].as_str()),
        (Some("citizen"), Some(code))
    );

    let operator = &credentials["operator"];
    let staff = app
        .login(json!({"user_id": operator["username"], "password": operator["password"]}))
        .await;
    assert_eq!(staff.status(), 200);
    let body: Value = staff.json().await.unwrap();
    assert_eq!(
        body["must_change_password"], true,
        "the demo operator's account, which starts with a password to change"
    );

    // Wrong passwords count against the account whichever field named it.
    let wrong = |body: Value| app.login(body);
    for field in [
        "user_id",
        "fiscal_code",
        "user_id",
        "fiscal_code",
        "user_id",
    ] {
        let status = wrong(json!({field: code.to_lowercase(), "password": "Sbagliata99"}))
            .await
            .status();
        assert_eq!(status, 401, "{field}");
    }
    let locked = wrong(json!({"user_id": code, "password": credentials["citizen"]["password"]}));
    assert_eq!(locked.await.status(), 429);

    let (status, _, body) =
        problem(app.login(json!({"user_id": "  ", "password": "x"})).await).await;
    assert_eq!(
        (status, body["errors"][0]["field"].as_str()),
        (422, Some("user_id"))
    );
    let both = json!({"user_id": "mario", "username": "mario", "password": "x"});
    assert_eq!(app.login(both).await.status(), 422);
}

#[tokio::test]
async fn repeated_failures_lock_the_login_for_a_while_and_the_lock_expires() {
    let (app, credentials) = spawn_demo_app().await;
    let wrong =
        json!({"fiscal_code": credentials["citizen2"]["fiscal_code"], "password": "Sbagliata99"});
    for attempt in 1..=5 {
        assert_eq!(
            app.login(wrong.clone()).await.status(),
            401,
            "attempt {attempt}"
        );
    }
    let locked = app.login(wrong.clone()).await;
    assert_eq!(locked.status(), 429);
    let retry_after: u64 = locked.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=300).contains(&retry_after), "{retry_after}");
    let right = json!({"fiscal_code": credentials["citizen2"]["fiscal_code"], "password": credentials["citizen2"]["password"]});
    assert_eq!(
        app.login(right.clone()).await.status(),
        429,
        "even the right password waits"
    );
    assert_eq!(
        app.login(citizen(&credentials)).await.status(),
        200,
        "other citizens are not affected"
    );

    // Time passes: the lock has expired.
    use portale::platform::db::schema::login_throttle;
    let past = chrono::Utc::now().naive_utc() - chrono::Duration::minutes(1);
    let mut conn = app.db.connection().unwrap();
    diesel::update(login_throttle::table)
        .set(login_throttle::locked_until.eq(past))
        .execute(&mut *conn)
        .unwrap();
    drop(conn);
    assert_eq!(app.login(right).await.status(), 200);
}

#[tokio::test]
async fn staff_must_change_the_password_before_anything_else() {
    let (app, credentials) = spawn_demo_app().await;
    let response = app.login(staff(&credentials, "operator")).await;
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["must_change_password"], true);
    let first = body["access_token"].as_str().unwrap();
    let (status, _, problem_body) = problem(app.get_as("/api/v1/me", first).await).await;
    assert_eq!(
        (status, problem_body["code"].as_str()),
        (403, Some("password_change_required"))
    );

    let weak = app
        .post_as("/api/v1/auth/password", first, &json!({"current_password": credentials["operator"]["password"], "new_password": "corta 1"}))
        .await;
    let (status, _, weak) = problem(weak).await;
    assert_eq!(status, 422);
    let messages: Vec<&str> = weak["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["message"].as_str().unwrap())
        .collect();
    assert!(
        messages.iter().any(|m| m.contains("almeno 8 caratteri")),
        "{messages:?}"
    );
    assert!(
        messages.iter().any(|m| m.contains("almeno 2 cifre")),
        "{messages:?}"
    );
    assert!(
        messages.iter().any(|m| m.contains("solo lettere e cifre")),
        "{messages:?}"
    );

    let wrong_current = app
        .post_as(
            "/api/v1/auth/password",
            first,
            &json!({"current_password": "Sbagliata99", "new_password": "Nuova2026pw"}),
        )
        .await;
    let (status, _, body) = problem(wrong_current).await;
    assert_eq!(
        (status, body["errors"][0]["field"].as_str()),
        (422, Some("current_password"))
    );

    let token = staff_token(&app, &credentials, "operator").await;
    assert_eq!(app.get_as("/api/v1/me", &token).await.status(), 200);
    let again = app
        .login(json!({"username": "operatore", "password": "Gestione2026"}))
        .await
        .json::<Value>()
        .await
        .unwrap();
    assert_eq!(again["must_change_password"], false);
}

#[tokio::test]
async fn tampered_expired_foreign_and_unsigned_tokens_are_401() {
    let (app, credentials) = spawn_demo_app().await;
    let token = app.token(citizen(&credentials)).await;
    let secret = std::fs::read_to_string(app.data_dir.path().join("jwt-secret.key")).unwrap();
    let mut claims: Value = {
        use base64::Engine;
        let payload = token.split('.').nth(1).unwrap();
        serde_json::from_slice(
            &base64::engine::general_purpose::URL_SAFE_NO_PAD
                .decode(payload)
                .unwrap(),
        )
        .unwrap()
    };
    let sign = |claims: &Value, key: &[u8]| {
        jsonwebtoken::encode(
            &jsonwebtoken::Header::default(),
            claims,
            &jsonwebtoken::EncodingKey::from_secret(key),
        )
        .unwrap()
    };
    claims["perms"] = json!(["audit.read"]);
    let escalated = sign(&claims, b"not-the-secret-not-the-secret-xx");
    let mut tampered = token.clone();
    let last = tampered.pop().unwrap();
    tampered.push(if last == 'A' { 'B' } else { 'A' });
    claims["exp"] = json!(chrono::Utc::now().timestamp() - 3600);
    let expired = sign(&claims, secret.trim().as_bytes());
    let unsigned = {
        use base64::Engine;
        let engine = base64::engine::general_purpose::URL_SAFE_NO_PAD;
        format!(
            "{}.{}.",
            engine.encode(br#"{"alg":"none","typ":"JWT"}"#),
            token.split('.').nth(1).unwrap()
        )
    };
    for bad in [tampered, escalated, expired, unsigned, "garbage".to_owned()] {
        let (status, _, body) = problem(app.get_as("/api/v1/me", &bad).await).await;
        assert_eq!(
            (status, body["code"].as_str()),
            (401, Some("unauthorized")),
            "{bad}"
        );
    }
    let missing = app.get("/api/v1/me").await;
    assert_eq!(missing.headers()["www-authenticate"], "Bearer");
    assert_eq!(missing.status(), 401);
}

#[tokio::test]
async fn refresh_tokens_rotate_and_a_reused_one_revokes_the_family() {
    let (app, credentials) = spawn_demo_app().await;
    let first: Value = app.login(citizen(&credentials)).await.json().await.unwrap();
    let refresh = |token: &str| {
        let body = json!({"refresh_token": token});
        let app = &app;
        async move { app.post_json("/api/v1/auth/refresh", &body).await }
    };
    let second: Value = refresh(first["refresh_token"].as_str().unwrap())
        .await
        .json()
        .await
        .unwrap();
    assert_ne!(second["refresh_token"], first["refresh_token"]);
    assert_eq!(
        app.get_as("/api/v1/me", second["access_token"].as_str().unwrap())
            .await
            .status(),
        200
    );

    let (status, _, body) = problem(refresh(first["refresh_token"].as_str().unwrap()).await).await;
    assert_eq!(
        (status, body["code"].as_str()),
        (401, Some("invalid_refresh_token"))
    );
    assert_eq!(
        refresh(second["refresh_token"].as_str().unwrap())
            .await
            .status(),
        401,
        "the whole family is revoked"
    );

    // A fresh login is a new family and works.
    let third: Value = app.login(citizen(&credentials)).await.json().await.unwrap();
    assert_eq!(
        refresh(third["refresh_token"].as_str().unwrap())
            .await
            .status(),
        200
    );
    // The cookie works as well as the body.
    let fourth: Value = app.login(citizen(&credentials)).await.json().await.unwrap();
    let via_cookie = app
        .client
        .post(app.url("/api/v1/auth/refresh"))
        .header(
            "cookie",
            format!(
                "portale_refresh={}",
                fourth["refresh_token"].as_str().unwrap()
            ),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(via_cookie.status(), 200);
}

#[tokio::test]
async fn logout_and_password_change_end_sessions() {
    let (app, credentials) = spawn_demo_app().await;
    let session: Value = app.login(citizen(&credentials)).await.json().await.unwrap();
    let other: Value = app.login(citizen(&credentials)).await.json().await.unwrap();
    let access = session["access_token"].as_str().unwrap();
    let logout = app
        .post_as(
            "/api/v1/auth/logout",
            access,
            &json!({"refresh_token": session["refresh_token"]}),
        )
        .await;
    assert_eq!(logout.status(), 204);
    let refresh = |token: &Value| {
        let body = json!({"refresh_token": token});
        let app = &app;
        async move { app.post_json("/api/v1/auth/refresh", &body).await }
    };
    assert_eq!(refresh(&session["refresh_token"]).await.status(), 401);
    assert_eq!(
        refresh(&other["refresh_token"]).await.status(),
        200,
        "logout ends only its own session"
    );

    let third: Value = app.login(citizen(&credentials)).await.json().await.unwrap();
    let changed = app
        .post_as(
            "/api/v1/auth/password",
            third["access_token"].as_str().unwrap(),
            &json!({"current_password": credentials["citizen"]["password"], "new_password": "Cambiata2026"}),
        )
        .await;
    assert_eq!(changed.status(), 200);
    assert_eq!(
        refresh(&third["refresh_token"]).await.status(),
        401,
        "a password change ends every session"
    );
    assert_eq!(
        app.login(citizen(&credentials)).await.status(),
        401,
        "the old password no longer works"
    );
}

#[tokio::test]
async fn citizens_get_403_on_back_office_endpoints_and_operators_get_in() {
    let (app, credentials) = spawn_demo_app().await;
    let citizen_token = app.token(citizen(&credentials)).await;
    let (status, _, body) =
        problem(app.get_as("/api/v1/admin/accounts", &citizen_token).await).await;
    assert_eq!((status, body["code"].as_str()), (403, Some("forbidden")));
    assert!(body["detail"]
        .as_str()
        .unwrap()
        .contains("Identificazione allo sportello"));
    let operator = staff_token(&app, &credentials, "operator").await;
    assert_eq!(
        app.get_as("/api/v1/admin/accounts", &operator)
            .await
            .status(),
        200
    );
}

#[tokio::test]
async fn the_login_methods_and_the_callers_address_are_public() {
    let app = crate::helpers::spawn_app().await;
    let body: Value = app
        .get("/api/v1/auth/providers")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(body["providers"][0]["id"], "password");
    assert_eq!(body["client_ip"], "127.0.0.1");
}

#[tokio::test]
async fn the_password_policy_endpoint_publishes_the_configured_rules() {
    let app = crate::helpers::spawn_app_with(|s| {
        s.password_policy.min_length = 12;
        s.password_policy.min_digits = 3;
        s.password_policy.letters_and_digits_only = false;
    })
    .await;
    let response = app.get("/api/v1/auth/password-policy").await;
    assert_eq!(response.status(), 200);
    let rules: Value = response.json().await.expect("JSON");
    assert_eq!(
        rules,
        json!({"min_length": 12, "max_length": 128, "min_digits": 3,
               "letters_and_digits_only": false, "requires_letter": true})
    );

    let defaults = crate::helpers::spawn_app().await;
    let rules: Value = defaults
        .get("/api/v1/auth/password-policy")
        .await
        .json()
        .await
        .expect("JSON");
    assert_eq!(rules["min_length"], 8);
    assert_eq!(rules["min_digits"], 2);
    assert_eq!(rules["letters_and_digits_only"], true);
}
