//! The `portale` binary as an operator uses it.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn portale() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_portale"));
    command
        .env_remove("PORTALE_DATABASE_URL")
        .env("PORTALE_LOG", "warn");
    command
}

#[test]
fn help_documents_every_setting_as_flag_and_environment_variable() {
    let output = portale().args(["serve", "--help"]).output().unwrap();
    let help = String::from_utf8_lossy(&output.stdout);
    for name in [
        "PORTALE_BIND",
        "PORTALE_DATABASE_URL",
        "PORTALE_DATA_DIR",
        "PORTALE_DEMO",
        "PORTALE_PUBLIC_BASE_URL",
        "PORTALE_CONFIG",
        "PORTALE_LOG_FORMAT",
        "PORTALE_DB_POOL_SIZE",
        "PORTALE_MAX_BODY_BYTES",
        "PORTALE_SMTP_URL",
        "PORTALE_MAIL_FROM",
        "PORTALE_TLS_CERT_FILE",
        "PORTALE_TLS_KEY_FILE",
        "PORTALE_TLS_CLIENT_CA_FILES",
    ] {
        assert!(help.contains(name), "{name} missing from serve --help");
    }
    let top = portale().arg("--help").output().unwrap();
    let top = String::from_utf8_lossy(&top.stdout);
    for command in ["serve", "migrate", "seed-demo", "openapi"] {
        assert!(top.contains(command), "{command}");
    }
}

#[test]
fn an_unreachable_postgresql_is_a_clear_error_without_the_password() {
    let output = portale()
        .args([
            "migrate",
            "--database-url",
            "postgres://portale:s3cret@127.0.0.1:1/portale",
        ])
        .output()
        .unwrap();
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr
            .contains("cannot connect to the database postgres://portale:***@127.0.0.1:1/portale"),
        "{stderr}"
    );
    assert!(!stderr.contains("s3cret"), "{stderr}");
}

#[test]
fn a_broken_configuration_file_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("portale.toml");
    std::fs::write(&path, "bind = 12\n").unwrap();
    let output = portale()
        .args(["migrate", "--config"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("invalid configuration file"));
}

#[test]
fn serve_refuses_tls_files_it_cannot_use_and_names_them() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("missing-server.pem");
    let output = portale()
        .args(["serve", "--bind", "127.0.0.1:0", "--data-dir"])
        .arg(dir.path())
        .arg("--tls-cert-file")
        .arg(&missing)
        .arg("--tls-key-file")
        .arg(dir.path().join("server.key"))
        .output()
        .unwrap();
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("cannot read") && stderr.contains("missing-server.pem"),
        "{stderr}"
    );

    let output = portale()
        .args(["serve", "--bind", "127.0.0.1:0", "--data-dir"])
        .arg(dir.path())
        .env("PORTALE_TLS_CLIENT_CA_FILES", dir.path().join("cns.pem"))
        .output()
        .unwrap();
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("tls_client_ca_files needs"), "{stderr}");
}

#[test]
fn migrate_seed_and_openapi_commands_work() {
    let dir = tempfile::tempdir().unwrap();
    let migrate = portale()
        .args(["migrate", "--data-dir"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(
        migrate.status.success(),
        "{}",
        String::from_utf8_lossy(&migrate.stderr)
    );
    let migrations =
        std::fs::read_dir(crate::helpers::repository_root().join("backend/migrations/sqlite"))
            .unwrap()
            .count();
    let applied = format!("{migrations} migration(s) applied on sqlite");
    assert!(
        String::from_utf8_lossy(&migrate.stdout).contains(&applied),
        "{applied}"
    );
    let again = portale()
        .args(["migrate", "--data-dir"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&again.stdout).contains("0 migration(s)"));

    let seed = portale()
        .args(["seed-demo", "--persons", "150", "--quiet", "--data-dir"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(
        seed.status.success(),
        "{}",
        String::from_utf8_lossy(&seed.stderr)
    );
    assert!(String::from_utf8_lossy(&seed.stdout).contains("Seeded 150 persons"));

    let openapi = portale().arg("openapi").output().unwrap();
    assert_eq!(
        String::from_utf8_lossy(&openapi.stdout),
        portale::routes::openapi_json().unwrap()
    );
}

#[test]
fn sigterm_stops_the_server_gracefully() {
    let dir = tempfile::tempdir().unwrap();
    let mut child = portale()
        .args(["serve", "--bind", "127.0.0.1:0", "--data-dir"])
        .arg(dir.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let address = line
        .split("http://")
        .nth(1)
        .and_then(|rest| rest.split_whitespace().next())
        .unwrap()
        .to_owned();
    let started = Instant::now();
    while !healthy(&address) {
        assert!(
            started.elapsed() < Duration::from_secs(15),
            "the server never answered"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    let status = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    let started = Instant::now();
    loop {
        if let Some(exit) = child.try_wait().unwrap() {
            assert!(exit.success(), "exit status {exit:?}");
            break;
        }
        assert!(
            started.elapsed() < Duration::from_secs(15),
            "the server did not stop"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

fn healthy(address: &str) -> bool {
    use std::io::{Read, Write};
    let Ok(mut stream) = std::net::TcpStream::connect(address) else {
        return false;
    };
    let request = format!("GET /healthz HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\n\r\n");
    let mut response = String::new();
    stream.write_all(request.as_bytes()).is_ok()
        && stream.read_to_string(&mut response).is_ok()
        && response.starts_with("HTTP/1.1 200")
}
