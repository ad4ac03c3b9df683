//! A submission acknowledged with 200 survives `kill -9` of the server right after: the
//! practice, its protocol number, its file and its receipt are there when it starts again.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};

use serde_json::{json, Value};

use super::PDF;
use crate::helpers::TestDatabase;

fn serve(data_dir: &std::path::Path, database_url: &str) -> (Child, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_portale"))
        .args([
            "serve",
            "--demo",
            "--demo-persons",
            "60",
            "--bind",
            "127.0.0.1:0",
            "--data-dir",
        ])
        .arg(data_dir)
        .arg("--database-url")
        .arg(database_url)
        .env("PORTALE_LOG", "warn")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let address = loop {
        let line = lines
            .next()
            .expect("the server announces its address")
            .unwrap();
        if let Some(rest) = line.split("http://").nth(1) {
            if line.contains("ascolto") {
                break format!("http://{}", rest.split_whitespace().next().unwrap());
            }
        }
    };
    // Keep draining stdout so the server never blocks on a full pipe.
    std::thread::spawn(move || lines.for_each(drop));
    (child, address)
}

async fn call(client: &reqwest::Client, request: reqwest::RequestBuilder) -> (u16, Value) {
    let response = client.execute(request.build().unwrap()).await.unwrap();
    let status = response.status().as_u16();
    (status, response.json().await.unwrap_or(Value::Null))
}

#[tokio::test]
async fn an_acknowledged_submission_survives_kill_9() {
    let dir = tempfile::tempdir().unwrap();
    let database = TestDatabase::create(&dir.path().join("portale.sqlite3"));
    let (mut server, base) = serve(dir.path(), &database.url);
    let client = reqwest::Client::new();
    let credentials: Value = serde_json::from_str(
        &std::fs::read_to_string(dir.path().join("demo-credentials.json")).unwrap(),
    )
    .unwrap();
    let citizen = &credentials["citizen"];
    let login = json!({"user_id": citizen["fiscal_code"], "password": citizen["password"]});
    let (_, session) = call(
        &client,
        client
            .post(format!("{base}/api/v1/auth/login"))
            .json(&login),
    )
    .await;
    let token = session["access_token"].as_str().unwrap().to_owned();

    let (status, draft) = call(
        &client,
        client
            .post(format!("{base}/api/v1/practices"))
            .bearer_auth(&token)
            .json(&json!({"type": "cambio-residenza"})),
    )
    .await;
    assert_eq!(status, 201);
    let id = draft["id"].as_str().unwrap().to_owned();
    let streets: Value = client
        .get(format!("{base}/api/v1/streets"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let mut data = draft["data"].clone();
    data["address"] = json!({"street": streets["items"][0]["name"], "house_number": "3"});
    data["occupancy"] = json!({"title": "public_housing"});
    data["contacts"]["email"] = json!("cittadino@example.org");
    let (status, _) = call(
        &client,
        client
            .patch(format!("{base}/api/v1/practices/{id}"))
            .bearer_auth(&token)
            .json(&json!({"data": data, "step": "summary", "version": draft["version"]})),
    )
    .await;
    assert_eq!(status, 200);
    let form = reqwest::multipart::Form::new()
        .text("document", "documento-identita")
        .part(
            "file",
            reqwest::multipart::Part::bytes(PDF.to_vec()).file_name("carta.pdf"),
        );
    let (status, file) = call(
        &client,
        client
            .post(format!("{base}/api/v1/practices/{id}/attachments"))
            .bearer_auth(&token)
            .multipart(form),
    )
    .await;
    assert_eq!(status, 201);
    let (status, submitted) = call(
        &client,
        client
            .post(format!("{base}/api/v1/practices/{id}/submit"))
            .bearer_auth(&token)
            .json(&json!({})),
    )
    .await;
    assert_eq!(status, 200, "{submitted}");
    // SIGKILL the moment the answer arrived: no shutdown, no flush.
    server.kill().unwrap();
    server.wait().unwrap();

    let (mut again, base) = serve(dir.path(), &database.url);
    let (_, session) = call(
        &client,
        client
            .post(format!("{base}/api/v1/auth/login"))
            .json(&login),
    )
    .await;
    let token = session["access_token"].as_str().unwrap().to_owned();
    let (status, kept) = call(
        &client,
        client
            .get(format!("{base}/api/v1/practices/{id}"))
            .bearer_auth(&token),
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(kept["state"], "submitted");
    assert_eq!(kept["protocol"], submitted["protocol"]);
    assert_eq!(kept["attachments"][0]["sha256"], file["sha256"]);
    let receipt = client
        .get(format!("{base}/api/v1/practices/{id}/receipt.pdf"))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    assert_eq!(receipt.status(), 200);
    again.kill().unwrap();
    again.wait().unwrap();
}
