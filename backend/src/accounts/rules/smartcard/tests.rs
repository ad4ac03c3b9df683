#![allow(clippy::unwrap_used)]

use rcgen::string::{BmpString, PrintableString};
use rcgen::{CertificateParams, DistinguishedName, DnType, DnValue, KeyPair, SerialNumber};

use super::*;

const MARIO: &str = "RSSMRA85T10H501O";
const MARIA: &str = "BNCMRA90C55F205B";

fn serial_number() -> DnType {
    DnType::CustomDnType(vec![2, 5, 4, 5])
}

fn printable(value: &str) -> DnValue {
    DnValue::PrintableString(PrintableString::try_from(value).unwrap())
}

/// A self-signed certificate with this subject: signatures are the TLS layer's business.
fn certificate(subject: Vec<(DnType, DnValue)>) -> Vec<u8> {
    let mut params = CertificateParams::new(Vec::<String>::new()).unwrap();
    let mut name = DistinguishedName::new();
    name.push(DnType::CountryName, printable("IT"));
    name.push(
        DnType::OrganizationName,
        "Regione Lombardia/03065160150".to_owned(),
    );
    for (kind, value) in subject {
        name.push(kind, value);
    }
    params.distinguished_name = name;
    params.serial_number = Some(SerialNumber::from_slice(&[0x01, 0xAB, 0xCD]));
    let key = KeyPair::generate().unwrap();
    params.self_signed(&key).unwrap().der().to_vec()
}

fn fiscal_code_of(subject: Vec<(DnType, DnValue)>) -> Result<String, SmartCardError> {
    CardCertificate::parse(&certificate(subject))
        .unwrap()
        .fiscal_code()
        .map(|code| code.as_str().to_owned())
}

#[test]
fn reads_the_etsi_serial_number_form() {
    let code = fiscal_code_of(vec![
        (DnType::CommonName, "Mario Rossi".into()),
        (serial_number(), printable(&format!("TINIT-{MARIO}"))),
    ]);
    assert_eq!(code.unwrap(), MARIO);
}

#[test]
fn reads_the_cns_common_name_form() {
    let code = fiscal_code_of(vec![(
        DnType::CommonName,
        format!("{MARIO}/7420000000012345.vXuLJ0nk+tXSmEeaIdRx9qsDs2k=").into(),
    )]);
    assert_eq!(code.unwrap(), MARIO);
}

#[test]
fn upper_cases_what_the_card_writes_in_lower_case() {
    let lower = MARIO.to_lowercase();
    let code = fiscal_code_of(vec![(serial_number(), format!("tinit-{lower}").into())]);
    assert_eq!(code.unwrap(), MARIO);
    let code = fiscal_code_of(vec![(DnType::CommonName, format!("{lower}/1.x").into())]);
    assert_eq!(code.unwrap(), MARIO);
}

#[test]
fn accepts_both_forms_when_they_agree_and_refuses_them_when_they_do_not() {
    let both = fiscal_code_of(vec![
        (DnType::CommonName, format!("{MARIO}/1234.abcd").into()),
        (serial_number(), printable(&format!("TINIT-{MARIO}"))),
    ]);
    assert_eq!(both.unwrap(), MARIO);
    let disagreeing = fiscal_code_of(vec![
        (DnType::CommonName, format!("{MARIA}/1234.abcd").into()),
        (serial_number(), printable(&format!("TINIT-{MARIO}"))),
    ]);
    assert_eq!(disagreeing, Err(SmartCardError::ConflictingFiscalCodes));
}

#[test]
fn reads_a_bmp_string() {
    let value = BmpString::try_from(format!("TINIT-{MARIA}")).unwrap();
    let code = fiscal_code_of(vec![(serial_number(), DnValue::BmpString(value))]);
    assert_eq!(code.unwrap(), MARIA);
}

#[test]
fn refuses_subjects_of_any_other_form() {
    for subject in [
        vec![(DnType::CommonName, MARIO.into())],
        vec![(
            DnType::CommonName,
            format!("{MARIO}/7420000000012345").into(),
        )],
        vec![(DnType::CommonName, format!("{MARIO}/.hash").into())],
        vec![(DnType::CommonName, format!("Mario Rossi {MARIO}").into())],
        vec![(serial_number(), printable(&format!("IT:{MARIO}")))],
        vec![(serial_number(), printable(MARIO))],
        vec![(serial_number(), printable(&format!("TINFR-{MARIO}")))],
        vec![(
            DnType::OrganizationalUnitName,
            format!("TINIT-{MARIO}").into(),
        )],
        vec![],
    ] {
        assert_eq!(
            fiscal_code_of(subject.clone()),
            Err(SmartCardError::NoFiscalCode),
            "{subject:?}"
        );
    }
}

#[test]
fn refuses_an_invalid_codice_fiscale() {
    let wrong_check = fiscal_code_of(vec![(serial_number(), printable("TINIT-RSSMRA85T10H501A"))]);
    assert!(
        matches!(
            wrong_check,
            Err(SmartCardError::InvalidFiscalCode(
                FiscalCodeError::CheckCharacter { .. }
            ))
        ),
        "{wrong_check:?}"
    );
    let spaced = fiscal_code_of(vec![(
        serial_number(),
        printable("TINIT-RSSMRA 85T10 H501O"),
    )]);
    assert!(
        matches!(spaced, Err(SmartCardError::InvalidFiscalCode(_))),
        "{spaced:?}"
    );
    let company = fiscal_code_of(vec![(serial_number(), printable("TINIT-03065160150"))]);
    assert!(
        matches!(company, Err(SmartCardError::InvalidFiscalCode(_))),
        "a company's tax number is no person: {company:?}"
    );
}

#[test]
fn describes_the_certificate_for_the_audit_log() {
    let der = certificate(vec![(
        serial_number(),
        printable(&format!("TINIT-{MARIO}")),
    )]);
    let card = CardCertificate::parse(&der).unwrap();
    assert_eq!(card.serial, "01ABCD");
    assert!(
        card.subject.contains(&format!("TINIT-{MARIO}")),
        "{}",
        card.subject
    );
    assert!(card.subject.contains("C=IT"), "{}", card.subject);
    assert_eq!(card.issuer, card.subject, "self-signed");
}

#[test]
fn refuses_what_is_not_a_certificate() {
    assert_eq!(
        CardCertificate::parse(b"not a certificate"),
        Err(SmartCardError::MalformedCertificate)
    );
    let der = certificate(vec![]);
    assert_eq!(
        CardCertificate::parse(&der[..der.len() - 1]),
        Err(SmartCardError::MalformedCertificate)
    );
}
