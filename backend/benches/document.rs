//! `cargo bench --bench document`: time per phase of issuing one certificate, and of one
//! self-declaration form (release). A plain loop, not a statistics harness: it shows where
//! the time goes, and that a whole document costs well under a millisecond.

use std::hint::black_box;
use std::time::{Duration, Instant};

use chrono::{TimeZone as _, Utc};
use portale::document::{
    content_hash, generate_signing_identity, issue, pades, pages, pdf, seal, stamp,
    CertificateDocument, CoatOfArms, Column, DocumentHeader, Metadata, Paragraph, Run, SealSubject,
    Signer, Table,
};

const BASE: &str = "https://servizi.comune.valdoria.it";
const ROUNDS: u32 = 2_000;

fn certificate(members: usize) -> CertificateDocument {
    let family = [
        [
            "D'ANGELO NICOLÒ",
            "02/08/1977",
            "NAPOLI (NA)",
            "INTESTATARIO SCHEDA",
        ],
        ["SANTAMARIA PERLA", "14/05/1980", "VERONA (VR)", "CONIUGE"],
        ["D'ANGELO LUCÌA", "21/01/2008", "VALDORIA (VR)", "FIGLIA"],
    ];
    CertificateDocument {
        header: DocumentHeader {
            municipality: "COMUNE DI VALDORIA".into(),
            subtitle_lines: vec!["Provincia di Verona".into()],
            office: "Servizi Demografici - Ufficio Anagrafe".into(),
            office_address: "Piazza del Municipio, 1 - 37000 Valdoria (VR)".into(),
            coat_of_arms: CoatOfArms::placeholder_for("Valdoria"),
        },
        title: "CERTIFICATO DI STATO DI FAMIGLIA".into(),
        preamble: vec!["L'UFFICIALE D'ANAGRAFE".into(), "Visti gli atti d'ufficio,".into()],
        keyword: "CERTIFICA".into(),
        paragraphs: vec![Paragraph::new(vec![
            Run::normal("che la famiglia anagrafica di "),
            Run::bold("D'ANGELO NICOLÒ"),
            Run::normal(", residente in questo Comune in "),
            Run::bold("VIA DELL'ÀNCORA, 5"),
            Run::normal(", alla data odierna è così composta:"),
        ])],
        table: Some(Table {
            columns: ["Cognome e nome", "Nato/a il", "Luogo di nascita", "Rapporto di parentela"]
                .iter()
                .zip([3.0, 1.3, 2.2, 2.5])
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
            subject: "D'ANGELO NICOLÒ".into(),
            creation_date: Utc.with_ymd_and_hms(2026, 11, 30, 10, 15, 0).single().expect("date"),
        },
    }
}

fn time<T>(label: &str, mut f: impl FnMut() -> T) -> Duration {
    for _ in 0..ROUNDS / 10 {
        black_box(f());
    }
    let start = Instant::now();
    for _ in 0..ROUNDS {
        black_box(f());
    }
    let each = start.elapsed() / ROUNDS;
    println!("{label:<28} {:>8.1} µs", each.as_secs_f64() * 1e6);
    each
}

fn main() {
    let now = Utc
        .with_ymd_and_hms(2026, 11, 30, 9, 0, 0)
        .single()
        .expect("date");
    let (key, certificate_der) =
        generate_signing_identity("k1", "Valdoria", "023091", now).expect("identity");
    let signer = Signer::from_parts("k1", &key, certificate_der).expect("signer");
    let subject = SealSubject {
        issuer: "023091".into(),
        certificate_id: "7KQF-9XMA-2R4D-HV0C".into(),
        type_code: "famiglia".into(),
        surname: "D'ANGELO".into(),
        name: "NICOLÒ".into(),
        issued_on: "2026-11-30".into(),
    };

    for members in [3, 20] {
        let doc = certificate(members);
        println!("certificate with a family of {members} ({ROUNDS} rounds each)");
        let bodies = pages::render_pages(&doc).expect("bodies");
        let hash = content_hash(&bodies);
        let claims = subject.with_hash(hash);
        let sealed = seal::seal(&claims, &signer).expect("seal");
        let url = seal::verify_url(BASE, &subject.certificate_id, &sealed);

        time("render pages", || pages::render_pages(&doc));
        time("seal (COSE_Sign1)", || seal::seal(&claims, &signer));
        time("QR stamp", || {
            stamp::render_stamp(&url, &doc.certificate_id, BASE)
        });
        time("assemble + PAdES sign", || {
            let unsigned = pdf::assemble(pdf::PageParts {
                bodies: bodies.clone(),
                stamp: stamp::render_stamp(&url, &doc.certificate_id, BASE).expect("stamp"),
                verify_url: &url,
                metadata: &doc.metadata,
                signature: pades::SignatureRequest {
                    signer_name: "Comune di Valdoria",
                    reason: "Certificato anagrafico rilasciato dal Comune di Valdoria",
                    signing_time: doc.metadata.creation_date,
                },
                content_sha256: hash,
            })
            .expect("pdf");
            pades::sign(unsigned, &signer)
        });
        time("  of which QR stamp again", || {
            stamp::render_stamp(&url, &doc.certificate_id, BASE)
        });
        time("total issue()", || issue(&doc, &subject, &signer, BASE));
        let size = issue(&doc, &subject, &signer, BASE)
            .expect("issued")
            .pdf
            .len();
        println!("{:<28} {:>8} bytes", "PDF size", size);
    }
    self_declaration_forms(now);
}

/// A prefilled stato di famiglia (one page) and the blank atto notorio (two pages).
fn self_declaration_forms(now: chrono::DateTime<Utc>) {
    use portale::self_declarations::layout;
    use portale::self_declarations::rules::wording;
    use portale::self_declarations::rules::{DeclarationKind, Member, Values};
    let settings = portale::platform::settings::Settings::default();
    let privacy = layout::privacy_contacts(&settings);
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
    values.members = (0..4)
        .map(|i| Member {
            surname: "D'ANGELO".into(),
            name: format!("FIGLIO {i}"),
            birth_date: "2010-01-01".into(),
            birth_place: "VALDORIA (VR)".into(),
            relationship: "FIGLIO".into(),
        })
        .collect();
    println!("self-declaration forms ({ROUNDS} rounds each)");
    let filled = |kind| {
        let text = wording::compose(kind, Some(&values), &privacy);
        layout::document(&settings, &text, Some("7KQF-9XMA-2R4D-HV0C"), now)
    };
    time("wording + layout", || filled(DeclarationKind::Family));
    let doc = filled(DeclarationKind::Family);
    time("stato di famiglia PDF", || {
        portale::document::form_pdf(&doc, b"bench")
    });
    time("blank atto notorio PDF", || {
        portale::self_declarations::create::blank_pdf(&settings, DeclarationKind::Affidavit, now)
    });
    let size = portale::document::form_pdf(&doc, b"bench")
        .expect("form")
        .len();
    println!("{:<28} {:>8} bytes", "PDF size", size);
}
