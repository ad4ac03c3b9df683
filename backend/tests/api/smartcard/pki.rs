//! The certificates of a smart-card test, made with rcgen: a web CA and the portal's
//! server certificate for 127.0.0.1/localhost, a smart-card CA the portal trusts, cards it
//! issued, and a CA the portal does not know.

use std::path::PathBuf;

use rcgen::string::PrintableString;
use rcgen::{
    date_time_ymd, BasicConstraints, CertificateParams, CertifiedIssuer, DistinguishedName, DnType,
    DnValue, ExtendedKeyUsagePurpose, IsCa, KeyPair, KeyUsagePurpose,
};

type Ca = CertifiedIssuer<'static, KeyPair>;

pub struct Pki {
    pub dir: tempfile::TempDir,
    web_ca: Ca,
    card_ca: Ca,
    rogue_ca: Ca,
}

/// How a card names its holder.
pub enum Holder<'a> {
    /// serialNumber `TINIT-<codice fiscale>` (ETSI form).
    SerialNumber(&'a str),
    /// CN `<codice fiscale>/<card serial>.<hash>` (CNS form).
    CommonName(&'a str),
    /// A CN with a name and no codice fiscale.
    NameOnly(&'a str),
}

fn ca(name: &str) -> Ca {
    let mut params = CertificateParams::new(Vec::<String>::new()).unwrap();
    params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    params.key_usages = vec![KeyUsagePurpose::KeyCertSign, KeyUsagePurpose::CrlSign];
    let mut subject = DistinguishedName::new();
    subject.push(DnType::CountryName, printable("IT"));
    subject.push(DnType::CommonName, name);
    params.distinguished_name = subject;
    CertifiedIssuer::self_signed(params, KeyPair::generate().unwrap()).unwrap()
}

fn printable(value: &str) -> DnValue {
    DnValue::PrintableString(PrintableString::try_from(value).unwrap())
}

impl Pki {
    /// Writes `server.pem` (chain), `server.key` and `cards-ca.pem` to a temporary folder.
    pub fn new() -> Pki {
        let pki = Pki {
            dir: tempfile::tempdir().unwrap(),
            web_ca: ca("Test Web CA"),
            card_ca: ca("Regione di Prova - CA Carta Nazionale dei Servizi"),
            rogue_ca: ca("CA sconosciuta"),
        };
        let mut server =
            CertificateParams::new(vec!["localhost".to_owned(), "127.0.0.1".to_owned()]).unwrap();
        server.extended_key_usages = vec![ExtendedKeyUsagePurpose::ServerAuth];
        let key = KeyPair::generate().unwrap();
        let certificate = server.signed_by(&key, &pki.web_ca).unwrap();
        let chain = format!("{}{}", certificate.pem(), pki.web_ca.pem());
        std::fs::write(pki.path("server.pem"), chain).unwrap();
        std::fs::write(pki.path("server.key"), key.serialize_pem()).unwrap();
        std::fs::write(pki.path("cards-ca.pem"), pki.card_ca.pem()).unwrap();
        pki
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// A card from the trusted smart-card CA, valid now.
    pub fn card(&self, holder: Holder) -> reqwest::Identity {
        issue(&self.card_ca, holder, false)
    }

    /// A card from the trusted CA whose validity ended in 2021.
    pub fn expired_card(&self, holder: Holder) -> reqwest::Identity {
        issue(&self.card_ca, holder, true)
    }

    /// A well-formed card from a CA the portal was not told to trust.
    pub fn foreign_card(&self, holder: Holder) -> reqwest::Identity {
        issue(&self.rogue_ca, holder, false)
    }

    /// An HTTPS client that trusts the portal's certificate and presents `card`, if any.
    pub fn client(&self, card: Option<reqwest::Identity>) -> reqwest::Client {
        let web_ca = reqwest::Certificate::from_pem(self.web_ca.pem().as_bytes()).unwrap();
        let mut builder = reqwest::Client::builder()
            .use_rustls_tls()
            .tls_built_in_root_certs(false)
            .add_root_certificate(web_ca)
            .redirect(reqwest::redirect::Policy::none());
        if let Some(card) = card {
            builder = builder.identity(card);
        }
        builder.build().unwrap()
    }
}

/// A client-authentication certificate and its key, as a browser would hold them.
fn issue(ca: &Ca, holder: Holder, expired: bool) -> reqwest::Identity {
    let mut params = CertificateParams::new(Vec::<String>::new()).unwrap();
    let mut subject = DistinguishedName::new();
    subject.push(DnType::CountryName, printable("IT"));
    subject.push(DnType::OrganizationName, "Regione di Prova");
    match holder {
        Holder::SerialNumber(code) => {
            subject.push(DnType::CommonName, "Cittadino di Prova");
            let serial_number = DnType::CustomDnType(vec![2, 5, 4, 5]);
            subject.push(serial_number, printable(&format!("TINIT-{code}")));
        }
        Holder::CommonName(code) => subject.push(
            DnType::CommonName,
            format!("{code}/7420000000012345.vXuLJ0nk+tXSmEeaIdRx9qsDs2k="),
        ),
        Holder::NameOnly(name) => subject.push(DnType::CommonName, name),
    }
    params.distinguished_name = subject;
    params.key_usages = vec![KeyUsagePurpose::DigitalSignature];
    params.extended_key_usages = vec![ExtendedKeyUsagePurpose::ClientAuth];
    if expired {
        params.not_before = date_time_ymd(2020, 1, 1);
        params.not_after = date_time_ymd(2021, 1, 1);
    }
    let key = KeyPair::generate().unwrap();
    let certificate = params.signed_by(&key, ca).unwrap();
    let pem = format!("{}{}", certificate.pem(), key.serialize_pem());
    reqwest::Identity::from_pem(pem.as_bytes()).unwrap()
}
