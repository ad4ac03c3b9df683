//! The engine end to end: issue, inspect, and tampering.

use chrono::{TimeZone as _, Utc};

use super::test_support::{other_signer, sample_subject, test_signer};
use super::*;

const BASE: &str = "https://servizi.comune.valdoria.it";

pub(crate) fn residence_certificate(members: usize) -> CertificateDocument {
    let family = [
        [
            "ROSSI MARIO",
            "12/03/1975",
            "VERONA (VR)",
            "INTESTATARIO SCHEDA",
        ],
        ["D'ANGELO NICOLÒ", "02/08/1977", "NAPOLI (NA)", "CONIUGE"],
        ["ROSSI PERLA", "21/01/2008", "VALDORIA (VR)", "FIGLIA"],
    ];
    CertificateDocument {
        header: DocumentHeader {
            municipality: "COMUNE DI VALDORIA".into(),
            subtitle_lines: vec!["Provincia di Verona".into()],
            office: "Servizi Demografici - Ufficio Anagrafe".into(),
            office_address: "Piazza del Municipio, 1 - 37000 Valdoria (VR)".into(),
            coat_of_arms: CoatOfArms::placeholder_for("COMUNE DI VALDORIA"),
        },
        title: "CERTIFICATO DI STATO DI FAMIGLIA".into(),
        preamble: vec!["L'UFFICIALE D'ANAGRAFE".into(), "Visti gli atti d'ufficio,".into()],
        keyword: "CERTIFICA".into(),
        paragraphs: vec![Paragraph::new(vec![
            Run::normal("che la famiglia anagrafica di "),
            Run::bold("ROSSI MARIO"),
            Run::normal(", residente in questo Comune in "),
            Run::bold("VIA DELL'ÀNCORA, 5"),
            Run::normal(", è così composta:"),
        ])],
        table: Some(Table {
            columns: ["Cognome e nome", "Nato/a il", "Luogo di nascita", "Rapporto di parentela"]
                .iter()
                .zip([3.0, 1.4, 2.2, 2.4])
                .map(|(title, weight)| Column { title: (*title).into(), weight })
                .collect(),
            rows: (0..members).map(|i| family[i % 3].iter().map(|s| (*s).to_owned()).collect()).collect(),
        }),
        usage_line: "Si rilascia in carta libera per gli usi consentiti dalla legge.".into(),
        place_and_date: "Valdoria, 30/11/2026".into(),
        officer_title: "L'UFFICIALE D'ANAGRAFE".into(),
        officer_name: None,
        legal_notes: vec![
            "Il presente certificato non può essere prodotto agli organi della pubblica amministrazione o ai privati gestori di pubblici servizi (art. 40 D.P.R. 445/2000).".into(),
            "Valido sei mesi dalla data di rilascio.".into(),
        ],
        certificate_id: "7KQF-9XMA-2R4D-HV0C".into(),
        metadata: Metadata {
            title: "Certificato di stato di famiglia".into(),
            author: "Comune di Valdoria".into(),
            subject: "ROSSI MARIO".into(),
            creation_date: Utc.with_ymd_and_hms(2026, 11, 30, 10, 15, 0).single().expect("date"),
        },
    }
}

fn issued() -> IssuedDocument {
    issue(
        &residence_certificate(3),
        &sample_subject(),
        &test_signer(),
        BASE,
    )
    .expect("issued")
}

fn keys() -> Vec<PublicKeyInfo> {
    vec![test_signer().public_key_info()]
}

fn find(haystack: &[u8], needle: &[u8]) -> usize {
    haystack
        .windows(needle.len())
        .position(|w| w == needle)
        .expect("present")
}

#[test]
fn an_issued_certificate_is_authentic() {
    let issued = issued();
    let verdict = inspect(&issued.pdf, &keys());
    assert!(
        verdict.authentic(),
        "{:?}",
        verdict.failures().collect::<Vec<_>>()
    );
    let claims = verdict.claims.expect("claims");
    assert_eq!(claims.content_sha256, issued.content_sha256);
    assert_eq!(
        (claims.surname.as_str(), claims.certificate_id.as_str()),
        ("ROSSI", "7KQF-9XMA-2R4D-HV0C")
    );
    assert_eq!(
        verdict.verify_url.as_deref(),
        Some(issued.verify_url.as_str())
    );
    assert_eq!(verdict.signing_key_id.as_deref(), Some("k1"));
    assert!(issued
        .verify_url
        .starts_with(&format!("{BASE}/verifica/7KQF-9XMA-2R4D-HV0C#")));
}

#[test]
fn the_body_stream_is_stored_verbatim_and_is_what_the_seal_hashes() {
    let issued = issued();
    let bodies = pages::render_pages(&residence_certificate(3)).expect("body");
    assert_eq!(bodies.len(), 1);
    let body = &bodies[0];
    use sha2::Digest as _;
    assert_eq!(
        <[u8; 32]>::from(sha2::Sha256::digest(body)),
        issued.content_sha256
    );
    find(&issued.pdf, body);
    // The accented name as one WinAnsi byte, in Helvetica.
    find(body, b"(D'ANGELO NICOL\xd2) Tj");
    let second = issue(
        &residence_certificate(3),
        &sample_subject(),
        &test_signer(),
        BASE,
    )
    .expect("again");
    assert_eq!(
        second.content_sha256, issued.content_sha256,
        "the body is deterministic"
    );
}

#[test]
fn one_changed_byte_anywhere_breaks_authenticity() {
    let issued = issued();
    let len = issued.pdf.len();
    let contents = find(&issued.pdf, b"/Contents<") + 10;
    // Every 11th byte of the signature container (the only bytes the signature does not
    // cover) and every 101st elsewhere.
    let end = contents + 2 * pades::CONTENTS_RESERVE;
    let positions = (contents..end).step_by(11).chain((0..len).step_by(101));
    for at in positions {
        let mut tampered = issued.pdf.clone();
        tampered[at] ^= 0x01;
        let verdict = inspect(&tampered, &keys());
        assert!(!verdict.authentic(), "byte {at} of {len} changed unnoticed");
    }
    // A hex digit's case does not change the value lopdf parses, but it changes the file.
    let mut lowered = issued.pdf.clone();
    let letter = contents
        + lowered[contents..]
            .iter()
            .position(u8::is_ascii_uppercase)
            .expect("a hex letter");
    lowered[letter] = lowered[letter].to_ascii_lowercase();
    assert!(!inspect(&lowered, &keys()).authentic());
}

#[test]
fn a_changed_name_in_the_body_fails_the_signature_and_the_seal_hash() {
    let issued = issued();
    let mut tampered = issued.pdf.clone();
    let at = find(&tampered, b"(ROSSI PERLA) Tj");
    tampered[at + 7] = b'B'; // PERLA -> PBRLA, same length: the file still parses
    let verdict = inspect(&tampered, &keys());
    assert_eq!(verdict.check(CheckName::Readable), Some(&Ok(())));
    assert!(verdict
        .check(CheckName::PdfSignature)
        .is_some_and(Result::is_err));
    assert!(verdict
        .check(CheckName::ContentHash)
        .is_some_and(Result::is_err));
    assert_eq!(verdict.check(CheckName::Seal), Some(&Ok(())));
    assert!(!verdict.authentic());
}

#[test]
fn a_re_signed_file_with_another_body_fails_the_seal_hash_only() {
    // Someone holding the key but reusing an old seal on an edited body.
    let signer = test_signer();
    let original = residence_certificate(3);
    let sealed_hash = content_hash(&pages::render_pages(&original).expect("body"));
    let seal = seal::seal(&sample_subject().with_hash(sealed_hash), &signer).expect("seal");
    let url = seal::verify_url(BASE, "7KQF-9XMA-2R4D-HV0C", &seal);
    let mut edited = original.clone();
    edited.paragraphs[0].runs[1] = Run::bold("BIANCHI MARIO");
    let unsigned = pdf::assemble(pdf::PageParts {
        bodies: pages::render_pages(&edited).expect("body"),
        stamp: stamp::render_stamp(&url, "7KQF-9XMA-2R4D-HV0C", BASE).expect("stamp"),
        verify_url: &url,
        metadata: &edited.metadata,
        signature: pades::SignatureRequest {
            signer_name: "Comune di Valdoria",
            reason: "test",
            signing_time: edited.metadata.creation_date,
        },
        content_sha256: sealed_hash,
    })
    .expect("pdf");
    let pdf = pades::sign(unsigned, &signer).expect("signed");
    let verdict = inspect(&pdf, &keys());
    let failed: Vec<CheckName> = verdict.failures().map(|(name, _)| name).collect();
    assert_eq!(failed, [CheckName::ContentHash]);
}

#[test]
fn a_certificate_signed_by_another_key_is_reported_unknown() {
    let issued = issue(
        &residence_certificate(3),
        &sample_subject(),
        &other_signer(),
        BASE,
    )
    .expect("issued");
    let verdict = inspect(&issued.pdf, &keys());
    assert_eq!(verdict.check(CheckName::PdfSignature), Some(&Ok(())));
    assert!(verdict
        .check(CheckName::SignerKnown)
        .is_some_and(Result::is_err));
    assert!(verdict.check(CheckName::Seal).is_some_and(Result::is_err));
    assert!(!verdict.authentic());
    assert_eq!(verdict.signing_key_id, None);
}

#[test]
fn garbage_is_not_authentic_and_says_why() {
    let verdict = inspect(b"%PDF-1.7 not really", &keys());
    assert!(!verdict.authentic());
    assert!(verdict
        .check(CheckName::Readable)
        .is_some_and(Result::is_err));
    assert_eq!(verdict.checks.len(), 6);
}

#[test]
fn a_family_of_fifty_flows_onto_more_pages_each_stamped_and_one_signature_covers_all() {
    let doc = residence_certificate(50);
    let bodies = pages::render_pages(&doc).expect("paginated");
    assert!(bodies.len() >= 2, "{} pages", bodies.len());
    let issued = issue(&doc, &sample_subject(), &test_signer(), BASE).expect("issued");
    assert_eq!(issued.content_sha256, content_hash(&bodies));
    let verdict = inspect(&issued.pdf, &keys());
    assert!(
        verdict.authentic(),
        "{:?}",
        verdict.failures().collect::<Vec<_>>()
    );
    let parsed = lopdf::Document::load_mem(&issued.pdf).expect("parses");
    let pages = parsed.get_pages();
    assert_eq!(pages.len(), bodies.len());
    let stamps: Vec<lopdf::ObjectId> = pages
        .values()
        .map(|page| {
            let contents = parsed.get_page_contents(*page);
            assert_eq!(contents.len(), 2, "body and stamp on every page");
            contents[1]
        })
        .collect();
    assert!(
        stamps.windows(2).all(|w| w[0] == w[1]),
        "one stamp, shown on each page"
    );
    assert_eq!(
        issued
            .pdf
            .windows(b"/FT /Sig".len())
            .filter(|w| w == b"/FT /Sig")
            .count()
            + issued
                .pdf
                .windows(b"/FT/Sig".len())
                .filter(|w| w == b"/FT/Sig")
                .count(),
        1,
        "one signature field"
    );
}

#[test]
fn a_name_outside_winansi_is_refused_not_misprinted() {
    let mut doc = residence_certificate(3);
    doc.paragraphs[0].runs[1] = Run::bold("WAŁĘSA LECH");
    let error = issue(&doc, &sample_subject(), &test_signer(), BASE).expect_err("refused");
    assert!(
        matches!(error, DocumentError::Unencodable(ref e) if e.character == 'Ł'),
        "{error}"
    );
}

#[test]
fn the_coat_of_arms_placeholder_takes_the_significant_initials() {
    assert_eq!(
        CoatOfArms::placeholder_for("COMUNE DI VALDORIA"),
        CoatOfArms::Placeholder {
            initials: "V".into()
        }
    );
    assert_eq!(
        CoatOfArms::placeholder_for("San Giorgio di Piano"),
        CoatOfArms::Placeholder {
            initials: "SGP".into()
        }
    );
}
