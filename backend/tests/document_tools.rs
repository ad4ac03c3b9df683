//! A realistic certificate checked by the tools others will use on it: qpdf (structure),
//! pdftotext (the Italian text extracts), pdfsig and pyHanko (the PAdES signature), and
//! zxing-cpp on the rendered page (the printed QR is the link's URL).
//!
//! Needs `qpdf`, `pdftotext`, `pdfsig`, `pdftoppm` on PATH and a Python with `pyhanko`,
//! `pyhanko-cli`, `zxing-cpp` and `pillow` (`PORTALE_TEST_PYTHON`, default the repository venv).
//! A missing tool fails the test: CI installs them.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use chrono::{TimeZone as _, Utc};
use portale::document::{
    generate_signing_identity, inspect, issue, CertificateDocument, CoatOfArms, Column,
    DocumentHeader, IssuedDocument, Metadata, Paragraph, Run, SealSubject, Signer, Table,
};

const BASE: &str = "https://servizi.comune.valdoria.it";

fn residence_certificate() -> CertificateDocument {
    let member = |cells: [&str; 4]| cells.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
    CertificateDocument {
        header: DocumentHeader {
            municipality: "COMUNE DI VALDORIA".into(),
            subtitle_lines: vec!["Provincia di Verona".into()],
            office: "Servizi Demografici - Ufficio Anagrafe".into(),
            office_address: "Piazza del Municipio, 1 - 37000 Valdoria (VR) - anagrafe@comune.valdoria.it".into(),
            coat_of_arms: CoatOfArms::placeholder_for("COMUNE DI VALDORIA"),
        },
        title: "CERTIFICATO DI RESIDENZA E STATO DI FAMIGLIA".into(),
        preamble: vec!["L'UFFICIALE D'ANAGRAFE".into(), "Visti gli atti d'ufficio,".into()],
        keyword: "CERTIFICA".into(),
        paragraphs: vec![
            Paragraph::new(vec![
                Run::normal("che "),
                Run::bold("D'ANGELO NICOLÒ"),
                Run::normal(", nato a NAPOLI (NA) il 02/08/1977, codice fiscale "),
                Run::bold("DNGNCL77M02F839X"),
                Run::normal(", è residente in questo Comune in "),
                Run::bold("VIA DELL'ÀNCORA, 5"),
                Run::normal(" e che la sua famiglia anagrafica, alla data odierna, è così composta:"),
            ]),
        ],
        table: Some(Table {
            columns: vec![
                Column { title: "Cognome e nome".into(), weight: 3.0 },
                Column { title: "Nato/a il".into(), weight: 1.3 },
                Column { title: "Luogo di nascita".into(), weight: 2.2 },
                Column { title: "Rapporto con l'intestatario".into(), weight: 2.5 },
            ],
            rows: vec![
                member(["D'ANGELO NICOLÒ", "02/08/1977", "NAPOLI (NA)", "INTESTATARIO SCHEDA"]),
                member(["SANTAMARIA PERLA", "14/05/1980", "VERONA (VR)", "CONIUGE"]),
                member(["D'ANGELO LUCÌA", "21/01/2008", "VALDORIA (VR)", "FIGLIA"]),
                member(["D'ANGELO ÈLIA", "03/09/2012", "VALDORIA (VR)", "FIGLIO"]),
            ],
        }),
        usage_line: "Si rilascia in carta libera per gli usi consentiti dalla legge (esente da imposta di bollo).".into(),
        place_and_date: "Valdoria, 30/11/2026".into(),
        officer_title: "L'UFFICIALE D'ANAGRAFE".into(),
        officer_name: Some("(documento firmato digitalmente)".into()),
        legal_notes: vec![
            "Il presente certificato non può essere prodotto agli organi della pubblica amministrazione o ai privati gestori di pubblici servizi (art. 40 D.P.R. 445/2000).".into(),
            "Il certificato ha validità di sei mesi dalla data di rilascio. L’autenticità si verifica inquadrando il timbro digitale o sul sito del Comune.".into(),
        ],
        certificate_id: "7KQF-9XMA-2R4D-HV0C".into(),
        metadata: Metadata {
            title: "Certificato di residenza e stato di famiglia".into(),
            author: "Comune di Valdoria".into(),
            subject: "D'ANGELO NICOLÒ".into(),
            creation_date: Utc.with_ymd_and_hms(2026, 11, 30, 10, 15, 0).single().expect("date"),
        },
    }
}

struct Issued {
    dir: tempfile::TempDir,
    pdf: PathBuf,
    certificate_pem: PathBuf,
    issued: IssuedDocument,
    signer: Signer,
}

fn issue_sample() -> Issued {
    let now = Utc
        .with_ymd_and_hms(2026, 11, 30, 9, 0, 0)
        .single()
        .expect("date");
    let (key, certificate) =
        generate_signing_identity("2026-11-a", "Valdoria", "023091", now).expect("identity");
    let signer = Signer::from_parts("2026-11-a", &key, certificate.clone()).expect("signer");
    let subject = SealSubject {
        issuer: "023091".into(),
        certificate_id: "7KQF-9XMA-2R4D-HV0C".into(),
        type_code: "residenza_famiglia".into(),
        surname: "D'ANGELO".into(),
        name: "NICOLÒ".into(),
        issued_on: "2026-11-30".into(),
    };
    let issued = issue(&residence_certificate(), &subject, &signer, BASE).expect("issued");
    let dir = tempfile::tempdir().expect("temp dir");
    let pdf = dir.path().join("certificato.pdf");
    std::fs::write(&pdf, &issued.pdf).expect("write pdf");
    let certificate_pem = dir.path().join("sigillo.pem");
    let body = STANDARD.encode(&certificate).into_bytes();
    let lines: Vec<&str> = body
        .chunks(64)
        .map(|c| std::str::from_utf8(c).expect("base64"))
        .collect();
    let pem = format!(
        "-----BEGIN CERTIFICATE-----\n{}\n-----END CERTIFICATE-----\n",
        lines.join("\n")
    );
    std::fs::write(&certificate_pem, pem).expect("write pem");
    Issued {
        dir,
        pdf,
        certificate_pem,
        issued,
        signer,
    }
}

fn run(program: &str, args: &[&dyn AsRef<std::ffi::OsStr>]) -> Output {
    Command::new(program)
        .args(args.iter().map(|a| a.as_ref()))
        .output()
        .unwrap_or_else(|e| {
            panic!("cannot run {program} ({e}): install it (see the top of this file)")
        })
}

fn stdout_of(program: &str, args: &[&dyn AsRef<std::ffi::OsStr>]) -> String {
    let output = run(program, args);
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        output.status.success(),
        "{program} failed ({}):\n{text}",
        output.status
    );
    text
}

/// The project venv's Python (scripts/test-all.sh creates it from tests/requirements.txt),
/// unless `PORTALE_TEST_PYTHON` names another.
fn python() -> String {
    std::env::var("PORTALE_TEST_PYTHON")
        .unwrap_or_else(|_| concat!(env!("CARGO_MANIFEST_DIR"), "/../.venv/bin/python").to_owned())
}

#[test]
fn qpdf_finds_the_file_clean() {
    let sample = issue_sample();
    let report = stdout_of("qpdf", &[&"--check", &sample.pdf]);
    assert!(
        report.contains("No syntax or stream encoding errors found"),
        "{report}"
    );
    assert!(!report.to_lowercase().contains("warning"), "{report}");
}

#[test]
fn pdftotext_extracts_the_italian_text() {
    let sample = issue_sample();
    let text = stdout_of(
        "pdftotext",
        &[&"-enc", &"UTF-8", &"-layout", &sample.pdf, &"-"],
    );
    for expected in [
        "COMUNE DI VALDORIA",
        "D'ANGELO NICOLÒ",
        "SANTAMARIA PERLA",
        "VIA DELL'ÀNCORA, 5",
        "residente in questo Comune",
        "è così composta:",
        "Valdoria, 30/11/2026",
        "L'UFFICIALE D'ANAGRAFE",
        "art. 40 D.P.R. 445/2000",
        "L’autenticità",
        "Timbro digitale — ID certificato",
        "7KQF-9XMA-2R4D-HV0C",
    ] {
        assert!(
            text.contains(expected),
            "{expected:?} missing from:\n{text}"
        );
    }
}

#[test]
fn pdfsig_finds_the_signature_valid_over_the_whole_document() {
    let sample = issue_sample();
    let report = stdout_of("pdfsig", &[&sample.pdf]);
    assert!(report.contains("Signature is Valid"), "{report}");
    assert!(report.contains("Total document signed"), "{report}");
    assert!(report.contains("ETSI.CAdES.detached"), "{report}");

    let mut tampered = sample.issued.pdf.clone();
    let at = tampered
        .windows(16)
        .position(|w| w == b"SANTAMARIA PERLA")
        .expect("name in the body");
    tampered[at] = b'Z';
    let tampered_path = sample.dir.path().join("manomesso.pdf");
    std::fs::write(&tampered_path, tampered).expect("write");
    let output = run("pdfsig", &[&tampered_path]);
    let report = String::from_utf8_lossy(&output.stdout);
    assert!(!report.contains("Signature is Valid"), "{report}");
}

#[test]
fn pyhanko_validates_the_signature_against_the_municipality_certificate() {
    let sample = issue_sample();
    let report = stdout_of(
        &python(),
        &[
            &"-m",
            &"pyhanko",
            &"sign",
            &"validate",
            &"--pretty-print",
            &"--no-revocation-check",
            &"--trust-replace",
            &"--trust",
            &sample.certificate_pem,
            &sample.pdf,
        ],
    );
    // The pretty report's words for INTACT, TRUSTED, UNTOUCHED and VALID.
    for expected in [
        "The signature is cryptographically sound.",
        "The signer's certificate is trusted.",
        "The signature covers the entire file.",
        "The signature is judged VALID.",
    ] {
        assert!(
            report.contains(expected),
            "{expected:?} missing from:\n{report}"
        );
    }
}

#[test]
fn the_printed_qr_decodes_to_the_link_of_the_annotation() {
    let sample = issue_sample();
    let verdict = inspect(&sample.issued.pdf, &[sample.signer.public_key_info()]);
    assert!(
        verdict.authentic(),
        "{:?}",
        verdict.failures().collect::<Vec<_>>()
    );
    let link = verdict.verify_url.expect("link");
    assert_eq!(link, sample.issued.verify_url);

    let prefix = sample.dir.path().join("pagina");
    stdout_of(
        "pdftoppm",
        &[
            &"-r",
            &"150",
            &"-png",
            &"-f",
            &"1",
            &"-l",
            &"1",
            &sample.pdf,
            &prefix,
        ],
    );
    let png = find_png(sample.dir.path());
    let script = "import sys, zxingcpp\nfrom PIL import Image\n\
                  codes = [c for c in zxingcpp.read_barcodes(Image.open(sys.argv[1])) if c.format == zxingcpp.BarcodeFormat.QRCode]\n\
                  print('\\n'.join(c.text for c in codes), end='')";
    let decoded = stdout_of(&python(), &[&"-c", &script, &png]);
    assert_eq!(decoded, link, "the QR on the page is not the link");
    // For a human look at the page: `PORTALE_SAMPLE_DIR=/tmp cargo test --test document_tools`.
    if let Ok(dir) = std::env::var("PORTALE_SAMPLE_DIR") {
        std::fs::copy(&sample.pdf, Path::new(&dir).join("document-sample.pdf")).expect("copy pdf");
        std::fs::copy(&png, Path::new(&dir).join("document-sample.png")).expect("copy png");
    }
}

fn find_png(dir: &Path) -> PathBuf {
    std::fs::read_dir(dir)
        .expect("list")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|e| e == "png"))
        .expect("pdftoppm wrote a PNG")
}

/// A filled self-declaration (accents, a family table, two pages of facts) and every blank
/// form, checked by qpdf and pdftotext.
#[test]
fn self_declaration_forms_are_clean_and_their_text_extracts() {
    use portale::platform::settings::Settings;
    use portale::self_declarations::layout;
    use portale::self_declarations::rules::wording;
    use portale::self_declarations::rules::{DeclarationKind, Values};

    let settings = Settings::default();
    let now = Utc
        .with_ymd_and_hms(2026, 11, 30, 9, 0, 0)
        .single()
        .expect("date");
    let dir = tempfile::tempdir().expect("tempdir");
    let mut values = Values::default();
    for (key, value) in [
        ("surname", "D'ANGELO"),
        ("name", "NICOLÒ"),
        ("sex", "M"),
        ("birth_date", "1977-08-02"),
        ("birth_place", "NAPOLI (NA)"),
        ("fiscal_code", "DNGNCL77M02F839X"),
        ("residence_municipality", "VALDORIA"),
        ("residence_address", "VIA DELL'ÀNCORA, 5"),
    ] {
        values.fields.insert(key.into(), value.into());
    }
    let facts = (1..=40)
        .map(|i| format!("{i}. che l'immobile di via dell'Àncora è abitato dalla famiglia, così come risulta ai vicini."))
        .collect::<Vec<_>>()
        .join("\n");
    values.fields.insert("facts".into(), facts);
    let privacy = layout::privacy_contacts(&settings);
    let text = wording::compose(DeclarationKind::Affidavit, Some(&values), &privacy);
    let doc = layout::document(&settings, &text, Some("7KQF-9XMA-2R4D-HV0C"), now);
    let filled = portale::document::form_pdf(&doc, b"sample-id").expect("renders");
    let path = dir.path().join("atto-notorio.pdf");
    std::fs::write(&path, &filled).expect("write");
    let report = stdout_of("qpdf", &[&"--check", &path]);
    assert!(
        report.contains("No syntax or stream encoding errors found"),
        "{report}"
    );
    let extracted = stdout_of("pdftotext", &[&"-enc", &"UTF-8", &path, &"-"]);
    for expected in [
        "DICHIARAZIONE SOSTITUTIVA DELL'ATTO DI NOTORIETÀ",
        "Il sottoscritto D'ANGELO NICOLÒ, nato a NAPOLI (NA) il 02/08/1977",
        "DELL'ÀNCORA, 5, codice fiscale DNGNCL77M02F839X",
        "40. che l'immobile di via dell'Àncora",
        "documento di identità",
        "Pagina 2 di 2",
        "Modulo n. 7KQF-9XMA-2R4D-HV0C",
    ] {
        assert!(
            extracted.contains(expected),
            "{expected:?} missing from:\n{extracted}"
        );
    }
    for kind in DeclarationKind::ALL {
        let pdf =
            portale::self_declarations::create::blank_pdf(&settings, kind, now).expect("blank");
        let path = dir.path().join(format!("{}.pdf", kind.code()));
        std::fs::write(&path, &pdf).expect("write");
        let report = stdout_of("qpdf", &[&"--check", &path]);
        assert!(
            report.contains("No syntax or stream encoding errors found"),
            "{}: {report}",
            kind.code()
        );
        let extracted = run("pdftotext", &[&path, &"-"]);
        assert!(
            extracted.stderr.is_empty(),
            "{}: {}",
            kind.code(),
            String::from_utf8_lossy(&extracted.stderr)
        );
        assert!(String::from_utf8_lossy(&extracted.stdout).contains("Il/La sottoscritto/a"));
    }
}
