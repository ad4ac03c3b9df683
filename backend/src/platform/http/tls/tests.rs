#![allow(clippy::unwrap_used)]

use rcgen::{BasicConstraints, CertificateParams, IsCa, KeyPair};

use super::*;

struct Files {
    dir: tempfile::TempDir,
}

impl Files {
    /// A CA, a server certificate for localhost, its key and another key.
    fn new() -> Files {
        let dir = tempfile::tempdir().unwrap();
        let ca_key = KeyPair::generate().unwrap();
        let mut ca = CertificateParams::new(Vec::<String>::new()).unwrap();
        ca.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
        let ca_cert = ca.self_signed(&ca_key).unwrap();
        let server_key = KeyPair::generate().unwrap();
        let server = CertificateParams::new(vec!["localhost".to_owned()])
            .unwrap()
            .self_signed(&server_key)
            .unwrap();
        let write = |name: &str, text: String| std::fs::write(dir.path().join(name), text).unwrap();
        write("ca.pem", ca_cert.pem());
        write("server.pem", server.pem());
        write("server.key", server_key.serialize_pem());
        write("other.key", KeyPair::generate().unwrap().serialize_pem());
        write("empty.pem", "no PEM here\n".to_owned());
        Files { dir }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn settings(&self, cert: Option<&str>, key: Option<&str>, cas: &[&str]) -> Settings {
        Settings {
            tls_cert_file: cert.map(|name| self.path(name)),
            tls_key_file: key.map(|name| self.path(name)),
            tls_client_ca_files: cas.iter().map(|name| self.path(name)).collect(),
            ..Settings::default()
        }
    }

    fn error(&self, cert: Option<&str>, key: Option<&str>, cas: &[&str]) -> String {
        server_config(&self.settings(cert, key, cas))
            .expect_err("the configuration is refused")
            .to_string()
    }
}

#[test]
fn no_certificate_means_plain_http() {
    assert!(server_config(&Settings::default()).unwrap().is_none());
}

#[test]
fn serves_tls_with_and_without_client_certificates() {
    let files = Files::new();
    let plain = files.settings(Some("server.pem"), Some("server.key"), &[]);
    assert!(server_config(&plain).unwrap().is_some());
    assert!(!plain.smartcard_enabled());
    let cards = files.settings(Some("server.pem"), Some("server.key"), &["ca.pem"]);
    assert!(server_config(&cards).unwrap().is_some());
    assert!(cards.smartcard_enabled());
    assert!(cards.effective_public_base_url().starts_with("https://"));
}

#[test]
fn half_a_configuration_is_refused() {
    let files = Files::new();
    assert!(files
        .error(Some("server.pem"), None, &[])
        .contains("tls_key_file"));
    assert!(files
        .error(None, Some("server.key"), &[])
        .contains("tls_cert_file"));
    assert!(files
        .error(None, None, &["ca.pem"])
        .contains("tls_client_ca_files needs"));
}

#[test]
fn errors_name_the_file_at_fault() {
    let files = Files::new();
    let missing = files.error(Some("nowhere.pem"), Some("server.key"), &[]);
    assert!(
        missing.contains("cannot read") && missing.contains("nowhere.pem"),
        "{missing}"
    );
    let empty = files.error(Some("server.pem"), Some("server.key"), &["empty.pem"]);
    assert!(
        empty.contains("empty.pem") && empty.contains("no PEM certificate"),
        "{empty}"
    );
    let not_a_key = files.error(Some("server.pem"), Some("server.pem"), &[]);
    assert!(
        not_a_key.contains("server.pem") && not_a_key.contains("private key"),
        "{not_a_key}"
    );
    let wrong_key = files.error(Some("server.pem"), Some("other.key"), &[]);
    assert!(
        wrong_key.contains("other.key") && wrong_key.contains("does not fit"),
        "{wrong_key}"
    );
}
