//! Offline verification of a certificate PDF (`portale verify FILE.pdf`): the PAdES
//! signature, the signer, the QR link and its seal, and the body hash the seal asserts.

use lopdf::{Document, Object};

use super::pades;
use super::seal::{parse_verify_url, verify_seal, SealClaims};
use super::signer::{certificate_public_key, PublicKeyInfo};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CheckName {
    /// The file parses as a PDF with a first page.
    Readable,
    /// The byte range covers the whole file except `/Contents`, and the CMS verifies.
    PdfSignature,
    /// The PDF was signed with one of the municipality's keys.
    SignerKnown,
    /// Page 1 has a link to `…/verifica/{id}#{seal}`.
    VerifyLink,
    /// The seal verifies with a known key and names the link's certificate id.
    Seal,
    /// The pages' body content streams hash to the seal's `h`.
    ContentHash,
}

impl CheckName {
    pub fn label(self) -> &'static str {
        match self {
            CheckName::Readable => "PDF readable",
            CheckName::PdfSignature => "PAdES signature intact and covering the whole file",
            CheckName::SignerKnown => "signed with a key of the municipality",
            CheckName::VerifyLink => "verification link present",
            CheckName::Seal => "seal of the QR valid",
            CheckName::ContentHash => "printed content matches the seal",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Check {
    pub name: CheckName,
    /// `Err` carries why the check failed (or could not be made).
    pub outcome: Result<(), String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verdict {
    pub checks: Vec<Check>,
    pub claims: Option<SealClaims>,
    pub verify_url: Option<String>,
    /// The key that signed the PDF, when known.
    pub signing_key_id: Option<String>,
}

impl Verdict {
    /// True only when every check passed.
    pub fn authentic(&self) -> bool {
        self.checks.len() == ALL_CHECKS.len() && self.checks.iter().all(|c| c.outcome.is_ok())
    }

    pub fn check(&self, name: CheckName) -> Option<&Result<(), String>> {
        self.checks
            .iter()
            .find(|c| c.name == name)
            .map(|c| &c.outcome)
    }

    pub fn failures(&self) -> impl Iterator<Item = (CheckName, &str)> {
        self.checks
            .iter()
            .filter_map(|c| c.outcome.as_ref().err().map(|why| (c.name, why.as_str())))
    }
}

const ALL_CHECKS: [CheckName; 6] = [
    CheckName::Readable,
    CheckName::PdfSignature,
    CheckName::SignerKnown,
    CheckName::VerifyLink,
    CheckName::Seal,
    CheckName::ContentHash,
];

/// Checks a certificate PDF against the municipality's keys (current and retired).
pub fn inspect(pdf: &[u8], keys: &[PublicKeyInfo]) -> Verdict {
    let mut verdict = Verdict {
        checks: Vec::new(),
        claims: None,
        verify_url: None,
        signing_key_id: None,
    };
    let record =
        |verdict: &mut Verdict, name, outcome| verdict.checks.push(Check { name, outcome });

    let parsed = Document::load_mem(pdf)
        .map_err(|e| e.to_string())
        .and_then(|doc| {
            let page = doc
                .get_pages()
                .get(&1)
                .copied()
                .ok_or_else(|| "the file has no pages".to_owned())?;
            Ok((doc, page))
        });
    let (doc, page_id) = match parsed {
        Ok(parsed) => parsed,
        Err(why) => {
            record(&mut verdict, CheckName::Readable, Err(why));
            for name in &ALL_CHECKS[1..] {
                record(
                    &mut verdict,
                    *name,
                    Err("not checked: the file cannot be read".into()),
                );
            }
            return verdict;
        }
    };
    record(&mut verdict, CheckName::Readable, Ok(()));

    match pades::verify(pdf, &doc) {
        Ok(signature) => {
            record(&mut verdict, CheckName::PdfSignature, Ok(()));
            let signer_key = certificate_public_key(&signature.certificate_der).ok();
            let known = keys
                .iter()
                .find(|k| Some(&k.public_key) == signer_key.as_ref());
            verdict.signing_key_id = known.map(|k| k.key_id.clone());
            let outcome = known.map(|_| ()).ok_or_else(|| {
                "the signing certificate is not one of the municipality's keys".to_owned()
            });
            record(&mut verdict, CheckName::SignerKnown, outcome);
        }
        Err(error) => {
            record(
                &mut verdict,
                CheckName::PdfSignature,
                Err(error.to_string()),
            );
            record(
                &mut verdict,
                CheckName::SignerKnown,
                Err("not checked: no valid signature".into()),
            );
        }
    }

    let link = verify_link(&doc, page_id).and_then(|url| {
        let (id, seal) = parse_verify_url(&url).map_err(|e| e.to_string())?;
        Ok((url, id, seal))
    });
    let claims = match link {
        Ok((url, id, seal)) => {
            verdict.verify_url = Some(url);
            record(&mut verdict, CheckName::VerifyLink, Ok(()));
            match verify_seal(&seal, keys) {
                Ok(claims) if claims.certificate_id == id => {
                    record(&mut verdict, CheckName::Seal, Ok(()));
                    Some(claims)
                }
                Ok(claims) => {
                    let why = format!(
                        "the seal names certificate {} but the link {id}",
                        claims.certificate_id
                    );
                    record(&mut verdict, CheckName::Seal, Err(why));
                    None
                }
                Err(error) => {
                    record(&mut verdict, CheckName::Seal, Err(error.to_string()));
                    None
                }
            }
        }
        Err(why) => {
            record(&mut verdict, CheckName::VerifyLink, Err(why));
            record(
                &mut verdict,
                CheckName::Seal,
                Err("not checked: no verification link".into()),
            );
            None
        }
    };

    let outcome = match &claims {
        Some(claims) => body_hash(&doc).and_then(|hash| {
            if hash == claims.content_sha256 {
                Ok(())
            } else {
                Err("the pages' body differs from what the seal was made for".to_owned())
            }
        }),
        None => Err("not checked: no valid seal".into()),
    };
    record(&mut verdict, CheckName::ContentHash, outcome);
    verdict.claims = claims;
    verdict
}

/// The URI of the first link on the page that points to a `/verifica/` page.
fn verify_link(doc: &Document, page_id: lopdf::ObjectId) -> Result<String, String> {
    let page = doc.get_dictionary(page_id).map_err(|e| e.to_string())?;
    let annotations = page
        .get_deref(b"Annots", doc)
        .and_then(Object::as_array)
        .map_err(|_| "page 1 has no annotations".to_owned())?;
    annotations
        .iter()
        .filter_map(|a| doc.dereference(a).ok()?.1.as_dict().ok())
        .filter(|a| a.get(b"Subtype").and_then(Object::as_name).ok() == Some(b"Link".as_slice()))
        .filter_map(|a| {
            let action = a.get_deref(b"A", doc).ok()?.as_dict().ok()?;
            let uri = action.get_deref(b"URI", doc).ok()?.as_str().ok()?;
            String::from_utf8(uri.to_vec()).ok()
        })
        .find(|uri| uri.contains("/verifica/"))
        .ok_or_else(|| "page 1 has no link to a verification page".to_owned())
}

/// SHA-256 of the decoded first content streams of the pages, in page order.
fn body_hash(doc: &Document) -> Result<[u8; 32], String> {
    let mut bodies = Vec::new();
    for (number, page_id) in doc.get_pages() {
        let first = doc
            .get_page_contents(page_id)
            .first()
            .copied()
            .ok_or_else(|| format!("page {number} has no content"))?;
        let stream = doc
            .get_object(first)
            .and_then(Object::as_stream)
            .map_err(|e| e.to_string())?;
        bodies.push(if stream.dict.has(b"Filter") {
            stream.decompressed_content().map_err(|e| e.to_string())?
        } else {
            stream.content.clone()
        });
    }
    Ok(super::content_hash(&bodies))
}
