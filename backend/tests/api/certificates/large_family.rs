//! A family too large for one page (issue 16, point 6): the stato di famiglia flows onto
//! further pages, each numbered and stamped, under one signature; checked with the tools
//! others will use on it (pdfinfo, pdftotext, pdftoppm with zxing-cpp, pdfsig, pyHanko).
//! Needs what `document_tools` needs (see the top of that file).

use std::path::Path;
use std::process::Command;

use base64::Engine as _;
use chrono::NaiveDate;
use portale::registry::rules::fiscal_code::{FiscalCode, PersonalData};
use portale::registry::rules::sex::Sex;
use portale::registry::store::families::{insert_batch, NewMembership, PersonRow, RegistryBatch};
use serde_json::{json, Value};

use super::{demo, family, issue, pdf_of, Demo};

const MEMBERS: usize = 25;
const NAMES: [&str; 24] = [
    "ADA", "BRUNO", "CARLA", "DARIO", "ELENA", "FABIO", "GIULIA", "IVO", "LAURA", "MARCO", "NORA",
    "OTTAVIO", "PAOLA", "RENATO", "SARA", "TOMMASO", "UGO", "VERA", "ZENO", "ALBA", "BICE",
    "CESARE", "DORA", "EZIO",
];

/// Adds children to the citizen's family until it has `MEMBERS`; returns every member's
/// "SURNAME NAME" as the certificate prints it.
async fn grow_the_family(demo: &Demo) -> Vec<String> {
    let record = family(demo, &demo.citizen).await;
    let family_id = record["family_id"].as_str().unwrap().to_owned();
    let members = record["members"].as_array().unwrap();
    let head = &members[0];
    let surname = head["surname"].as_str().unwrap().to_owned();
    // Born where the head was born: a place code the registry knows.
    let place = head["fiscal_code"].as_str().unwrap()[11..15].to_owned();
    let mut batch = RegistryBatch::default();
    for (index, name) in NAMES.iter().take(MEMBERS - members.len()).enumerate() {
        let sex = if index % 2 == 0 { Sex::F } else { Sex::M };
        let birth_date =
            NaiveDate::from_ymd_opt(2010, 1, 1).unwrap() + chrono::Days::new(40 * index as u64);
        let fiscal_code = FiscalCode::compute(&PersonalData {
            surname: &surname,
            name,
            sex,
            birth_date,
            birth_place_code: &place,
        })
        .unwrap();
        let id = uuid::Uuid::new_v4().to_string();
        batch.persons.push(PersonRow {
            id: id.clone().into(),
            fiscal_code: fiscal_code.as_str().to_owned(),
            surname: surname.clone(),
            name: (*name).to_owned(),
            sex: sex.as_str().to_owned(),
            birth_date,
            birth_place_code: place.clone(),
            citizenship: "100".into(),
            is_elector: false,
            electoral_section: None,
            registered_on: birth_date,
            deregistered_on: None,
            deregistration_reason: None,
            death_date: None,
        });
        batch.memberships.push(NewMembership {
            person_id: id,
            family_id: family_id.clone(),
            relationship: "child".into(),
            valid_from: birth_date,
            valid_to: None,
        });
    }
    let mut conn = demo.app.db.connection().unwrap();
    insert_batch(&mut conn, &batch).unwrap();
    let grown = family(demo, &demo.citizen).await;
    let names: Vec<String> = grown["members"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            format!(
                "{} {}",
                m["surname"].as_str().unwrap(),
                m["name"].as_str().unwrap()
            )
        })
        .collect();
    assert_eq!(names.len(), MEMBERS, "{grown}");
    names
}

fn output_of(program: &str, args: &[&dyn AsRef<std::ffi::OsStr>]) -> String {
    let output = Command::new(program)
        .args(args.iter().map(|a| a.as_ref()))
        .output()
        .unwrap_or_else(|e| panic!("cannot run {program} ({e}): see document_tools.rs"));
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(output.status.success(), "{program} failed:\n{text}");
    text
}

fn python() -> String {
    std::env::var("PORTALE_TEST_PYTHON")
        .unwrap_or_else(|_| concat!(env!("CARGO_MANIFEST_DIR"), "/../.venv/bin/python").to_owned())
}

fn page_count(pdf: &Path) -> usize {
    let info = output_of("pdfinfo", &[&pdf]);
    info.lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .expect("pdfinfo names the pages")
}

/// The QR codes zxing-cpp reads on one page rendered at 150 dpi.
fn qr_on_page(pdf: &Path, page: usize, dir: &Path) -> String {
    let prefix = dir.join(format!("pagina-{page}"));
    let page_arg = page.to_string();
    output_of(
        "pdftoppm",
        &[
            &"-r",
            &"150",
            &"-png",
            &"-singlefile",
            &"-f",
            &page_arg,
            &"-l",
            &page_arg,
            &pdf,
            &prefix,
        ],
    );
    let png = prefix.with_extension("png");
    let script = "import sys, zxingcpp\nfrom PIL import Image\n\
                  codes = [c for c in zxingcpp.read_barcodes(Image.open(sys.argv[1])) if c.format == zxingcpp.BarcodeFormat.QRCode]\n\
                  print('\\n'.join(c.text for c in codes), end='')";
    output_of(&python(), &[&"-c", &script, &png])
}

#[tokio::test]
async fn a_family_of_twenty_five_gets_a_signed_certificate_over_numbered_stamped_pages() {
    let demo = demo().await;
    let names = grow_the_family(&demo).await;
    let person_id = demo.credentials["citizen"]["person_id"].as_str().unwrap();
    let (status, certificate) = issue(
        &demo,
        &demo.citizen,
        json!({"type": "stato_famiglia", "person_id": person_id, "usage": "pensione"}),
    )
    .await;
    assert_eq!(status, 201, "{certificate}");
    let id = certificate["id"].as_str().unwrap();
    let pdf_bytes = pdf_of(&demo, &demo.citizen, id).await;
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("stato-di-famiglia.pdf");
    std::fs::write(&pdf, &pdf_bytes).unwrap();

    // For a human look at the pages: `PORTALE_SAMPLE_DIR=/tmp cargo test --test api large_family`.
    if let Ok(sample_dir) = std::env::var("PORTALE_SAMPLE_DIR") {
        std::fs::copy(
            &pdf,
            Path::new(&sample_dir).join("stato-di-famiglia-25.pdf"),
        )
        .unwrap();
    }
    let pages = page_count(&pdf);
    assert!(pages >= 2, "{pages} pages");
    let text = output_of("pdftotext", &[&"-layout", &"-enc", &"UTF-8", &pdf, &"-"]);
    for page in 1..=pages {
        assert!(
            text.contains(&format!("Pagina {page} di {pages}")),
            "{text}"
        );
    }
    assert!(text.contains(&format!(
        "Certificato n. {id} - segue dalla pagina precedente"
    )));
    for name in &names {
        assert!(text.contains(name.as_str()), "{name} missing from:\n{text}");
    }

    let verify_url = certificate["verify_url"].as_str().unwrap();
    for page in 1..=pages {
        assert_eq!(
            qr_on_page(&pdf, page, dir.path()),
            verify_url,
            "the QR on page {page}"
        );
    }

    let qpdf = output_of("qpdf", &[&"--check", &pdf]);
    assert!(
        qpdf.contains("No syntax or stream encoding errors"),
        "{qpdf}"
    );
    let pdfsig = output_of("pdfsig", &[&pdf]);
    assert_eq!(pdfsig.matches("Signature #").count(), 1, "{pdfsig}");
    assert!(pdfsig.contains("Signature is Valid"), "{pdfsig}");
    assert!(pdfsig.contains("Total document signed"), "{pdfsig}");

    let keys: Value = demo
        .app
        .get("/api/v1/signing-keys")
        .await
        .json()
        .await
        .unwrap();
    let der = base64::engine::general_purpose::STANDARD
        .decode(keys["keys"][0]["x5c"][0].as_str().unwrap())
        .unwrap();
    let body = base64::engine::general_purpose::STANDARD.encode(der);
    let lines: Vec<&str> = body
        .as_bytes()
        .chunks(64)
        .map(|c| std::str::from_utf8(c).unwrap())
        .collect();
    let pem = format!(
        "-----BEGIN CERTIFICATE-----\n{}\n-----END CERTIFICATE-----\n",
        lines.join("\n")
    );
    let trust = dir.path().join("sigillo.pem");
    std::fs::write(&trust, pem).unwrap();
    let report = output_of(
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
            &trust,
            &pdf,
        ],
    );
    assert!(
        report.contains("The signature covers the entire file."),
        "{report}"
    );
    assert!(
        report.contains("The signature is judged VALID."),
        "{report}"
    );
}
