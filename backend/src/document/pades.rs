//! PAdES-B-B: the saved file's `/ByteRange` is patched in place, the two ranges hashed,
//! and a detached CMS SignedData written into the zero-filled `/Contents`.

use chrono::{DateTime, Utc};
use lopdf::{Document, Object};
use sha2::{Digest as _, Sha256};

use super::cms::{build_signed_data, verify_signed_data, CmsError};
use super::signer::{Signer, SignerError};

/// Bytes reserved for the CMS container (written as twice as many hex digits). The
/// container is about 0.9 KB with one P-256 certificate.
pub const CONTENTS_RESERVE: usize = 2048;

const HEX: &[u8; 16] = b"0123456789ABCDEF";

/// What the signature dictionary says about the signing.
#[derive(Debug, Clone, Copy)]
pub struct SignatureRequest<'a> {
    pub signer_name: &'a str,
    pub reason: &'a str,
    pub signing_time: DateTime<Utc>,
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum PadesError {
    #[error("the file has no signature placeholder")]
    NoPlaceholder,
    #[error("the CMS container ({0} bytes) does not fit the reserved space")]
    ContainerTooLarge(usize),
    #[error("the file has no signature dictionary")]
    NoSignature,
    #[error("the signature's /ByteRange is malformed or does not cover the whole file except /Contents: {0}")]
    ByteRange(String),
    #[error(transparent)]
    Cms(#[from] CmsError),
}

/// Signs a file written with a placeholder (see `pdf::assemble`).
pub fn sign(mut pdf: Vec<u8>, signer: &Signer) -> Result<Vec<u8>, SignatureFailure> {
    let (contents_start, contents_end) =
        find_contents_placeholder(&pdf).ok_or(PadesError::NoPlaceholder)?;
    let ranges = [0, contents_start, contents_end, pdf.len() - contents_end];
    patch_byte_range(&mut pdf, contents_start, ranges)?;
    let digest = ranges_digest(&pdf, ranges);
    let container = build_signed_data(&digest, signer)?;
    if container.len() > CONTENTS_RESERVE {
        return Err(PadesError::ContainerTooLarge(container.len()).into());
    }
    for (index, byte) in container.iter().enumerate() {
        let at = contents_start + 1 + 2 * index;
        pdf[at] = HEX[usize::from(byte >> 4)];
        pdf[at + 1] = HEX[usize::from(byte & 0x0f)];
    }
    Ok(pdf)
}

#[derive(Debug, thiserror::Error)]
pub enum SignatureFailure {
    #[error(transparent)]
    Pades(#[from] PadesError),
    #[error(transparent)]
    Signer(#[from] SignerError),
}

/// The `<…>` of the zero-filled `/Contents`: start of `<`, end after `>`.
fn find_contents_placeholder(pdf: &[u8]) -> Option<(usize, usize)> {
    let marker = b"/Contents<";
    let hex_len = 2 * CONTENTS_RESERVE;
    let mut from = 0;
    while let Some(found) = find(&pdf[from..], marker) {
        let start = from + found + marker.len() - 1;
        let end = start + 1 + hex_len;
        if pdf
            .get(start + 1..end)
            .is_some_and(|hex| hex.iter().all(|&b| b == b'0'))
            && pdf.get(end) == Some(&b'>')
        {
            return Some((start, end + 1));
        }
        from = start + 1;
    }
    None
}

/// Rewrites `/ByteRange[0 9999999999 …]` (the last one before `/Contents`) with the real
/// offsets, padded with spaces so that no other byte moves.
fn patch_byte_range(pdf: &mut [u8], before: usize, ranges: [usize; 4]) -> Result<(), PadesError> {
    let marker = b"/ByteRange[";
    let start = rfind(&pdf[..before], marker).ok_or(PadesError::NoPlaceholder)? + marker.len();
    let length = find(&pdf[start..before], b"]").ok_or(PadesError::NoPlaceholder)?;
    let text = format!("{} {} {} {}", ranges[0], ranges[1], ranges[2], ranges[3]);
    if text.len() > length {
        return Err(PadesError::NoPlaceholder);
    }
    let slot = &mut pdf[start..start + length];
    slot.fill(b' ');
    slot[..text.len()].copy_from_slice(text.as_bytes());
    Ok(())
}

fn ranges_digest(pdf: &[u8], [start1, length1, start2, length2]: [usize; 4]) -> [u8; 32] {
    let mut hasher = Sha256::new();
    hasher.update(&pdf[start1..start1 + length1]);
    hasher.update(&pdf[start2..start2 + length2]);
    hasher.finalize().into()
}

/// A PAdES signature found in a file and checked cryptographically.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerifiedSignature {
    pub certificate_der: Vec<u8>,
    pub signing_time: Option<String>,
    pub sub_filter: String,
}

/// Checks the (single) signature of a parsed file against its raw bytes: the byte range
/// must be `[0, a, b, len-b]` with exactly the hex `/Contents` between `a` and `b`, and the
/// CMS must verify over those ranges. Which key signed is for the caller to judge.
pub fn verify(pdf: &[u8], doc: &Document) -> Result<VerifiedSignature, PadesError> {
    let signature = find_signature_dictionary(doc).ok_or(PadesError::NoSignature)?;
    let byte_range_error = |what: &str| PadesError::ByteRange(what.to_owned());
    let ranges: Vec<usize> = signature
        .get(b"ByteRange")
        .and_then(Object::as_array)
        .map_err(|_| byte_range_error("missing"))?
        .iter()
        .map(|n| n.as_i64().ok().and_then(|n| usize::try_from(n).ok()))
        .collect::<Option<_>>()
        .ok_or_else(|| byte_range_error("not four non-negative integers"))?;
    let [start1, length1, start2, length2] = ranges[..] else {
        return Err(byte_range_error("not four numbers"));
    };
    if start1 != 0 || start2 < length1 || start2.checked_add(length2) != Some(pdf.len()) {
        return Err(byte_range_error(
            "it does not reach from the first to the last byte",
        ));
    }
    let gap = &pdf[length1..start2];
    let contents = signature
        .get(b"Contents")
        .and_then(Object::as_str)
        .map_err(|_| PadesError::NoSignature)?;
    // Byte for byte what `sign` writes: upper-case hex of /Contents, so that not even the
    // case of a digit in the unsigned gap can change unnoticed.
    let is_contents = gap.len() == 2 + 2 * contents.len()
        && gap.first() == Some(&b'<')
        && gap.last() == Some(&b'>')
        && gap[1..gap.len() - 1]
            .chunks(2)
            .zip(contents)
            .all(|(pair, &byte)| {
                pair == [HEX[usize::from(byte >> 4)], HEX[usize::from(byte & 0x0f)]]
            });
    if !is_contents {
        return Err(byte_range_error(
            "the gap is not exactly the /Contents hex string",
        ));
    }
    let digest = ranges_digest(pdf, [start1, length1, start2, length2]);
    let certificate_der = verify_signed_data(contents, &digest)?;
    let name = |key: &[u8]| {
        signature
            .get(key)
            .and_then(Object::as_name)
            .ok()
            .map(|n| String::from_utf8_lossy(n).into_owned())
    };
    Ok(VerifiedSignature {
        certificate_der,
        signing_time: signature
            .get(b"M")
            .and_then(Object::as_str)
            .ok()
            .map(|m| String::from_utf8_lossy(m).into_owned()),
        sub_filter: name(b"SubFilter").unwrap_or_default(),
    })
}

/// The `/V` of the first signature field in the AcroForm.
fn find_signature_dictionary(doc: &Document) -> Option<&lopdf::Dictionary> {
    let catalog = doc.catalog().ok()?;
    let form = catalog.get_deref(b"AcroForm", doc).ok()?.as_dict().ok()?;
    let fields = form.get_deref(b"Fields", doc).ok()?.as_array().ok()?;
    fields.iter().find_map(|field| {
        let field = doc.dereference(field).ok()?.1.as_dict().ok()?;
        if field.get(b"FT").and_then(Object::as_name).ok()? != b"Sig" {
            return None;
        }
        field.get_deref(b"V", doc).ok()?.as_dict().ok()
    })
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn rfind(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).rposition(|w| w == needle)
}
