//! Puts the body, the stamp, the link and the signature placeholder into one PDF.

use chrono::{DateTime, Utc};
use lopdf::{dictionary, Document, Object, ObjectId, Stream, StringFormat};

use super::fonts::Font;
use super::model::Metadata;
use super::pades::{SignatureRequest, CONTENTS_RESERVE};
use super::render::{PAGE_HEIGHT, PAGE_WIDTH};
use super::stamp::Stamp;
use super::DocumentError;

/// What goes into the file: the pages' bodies, the stamp every page shows, and the rest.
pub struct PageParts<'a> {
    /// One body content stream per page, in page order.
    pub bodies: Vec<Vec<u8>>,
    pub stamp: Stamp,
    pub verify_url: &'a str,
    pub metadata: &'a Metadata,
    pub signature: SignatureRequest<'a>,
    /// Becomes the file identifier, so that the same certificate keeps the same /ID.
    pub content_sha256: [u8; 32],
}

fn deflate(content: &[u8]) -> Result<Vec<u8>, DocumentError> {
    use std::io::Write;
    let mut encoder = flate2::write::ZlibEncoder::new(
        Vec::with_capacity(content.len() / 3),
        flate2::Compression::fast(),
    );
    encoder
        .write_all(content)
        .and_then(|_| encoder.finish())
        .map_err(|e| DocumentError::Pdf(e.to_string()))
}

/// The unsigned file: a zero-filled `/Contents` and a placeholder `/ByteRange` that
/// `pades::sign` fills in place. The body streams are stored uncompressed: their bytes in
/// the file are exactly the bytes the seal hashes. The stamp's stream (thousands of QR
/// rectangles, two thirds of a one-page file) is deflated at the fastest level and stored
/// once: every page shows it, and every page has the link over its QR. The signature
/// field is on page 1; the signature covers the whole file.
pub fn assemble(parts: PageParts<'_>) -> Result<Vec<u8>, DocumentError> {
    let mut doc = Document::with_version("1.7");
    if parts.bodies.len() > 1 {
        // As for the forms: poppler reads lopdf's cross-reference stream badly on
        // multi-page files.
        doc.reference_table.cross_reference_type = lopdf::xref::XrefType::CrossReferenceTable;
    }
    let pages_id = doc.new_object_id();
    let page_ids: Vec<ObjectId> = parts.bodies.iter().map(|_| doc.new_object_id()).collect();
    let first_page = *page_ids
        .first()
        .ok_or_else(|| DocumentError::Pdf("a certificate needs a page".into()))?;

    let fonts = font_resources(&mut doc);
    let resources_id = doc.add_object(dictionary! { "Font" => fonts });
    let stamp_id = doc.add_object(Stream::new(
        dictionary! { "Filter" => "FlateDecode" },
        deflate(&parts.stamp.content)?,
    ));
    // The field and its widget are one object: it is both in /Fields and in /Annots.
    let signature_field = add_signature_placeholder(&mut doc, first_page, &parts.signature);

    let [x1, y1, x2, y2] = parts.stamp.link_rect;
    for (page_id, body) in page_ids.iter().zip(parts.bodies) {
        let body_id = doc.add_object(Stream::new(dictionary! {}, body));
        let link_id = doc.add_object(dictionary! {
            "Type" => "Annot",
            "Subtype" => "Link",
            "Rect" => vec![x1.into(), y1.into(), x2.into(), y2.into()],
            "Border" => vec![0.into(), 0.into(), 0.into()],
            // Printable, so that the link survives "print to PDF".
            "F" => 4,
            "P" => *page_id,
            "A" => dictionary! {
                "S" => "URI",
                "URI" => Object::string_literal(parts.verify_url),
            },
        });
        let mut annotations = vec![Object::from(link_id)];
        if *page_id == first_page {
            annotations.push(signature_field.into());
        }
        doc.objects.insert(
            *page_id,
            Object::Dictionary(dictionary! {
                "Type" => "Page",
                "Parent" => pages_id,
                "MediaBox" => vec![0.into(), 0.into(), PAGE_WIDTH.into(), PAGE_HEIGHT.into()],
                "Resources" => resources_id,
                "Contents" => vec![body_id.into(), stamp_id.into()],
                "Annots" => annotations,
            }),
        );
    }
    let count = page_ids.len() as i64;
    let kids: Vec<Object> = page_ids.into_iter().map(Object::from).collect();
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! { "Type" => "Pages", "Kids" => kids, "Count" => count }),
    );
    let catalog_id = doc.add_object(dictionary! {
        "Type" => "Catalog",
        "Pages" => pages_id,
        "AcroForm" => dictionary! { "Fields" => vec![signature_field.into()], "SigFlags" => 3 },
    });
    finish(doc, catalog_id, parts.metadata, &parts.content_sha256[..16])
}

/// The four standard fonts, WinAnsi-encoded, as a page's font resources.
fn font_resources(doc: &mut Document) -> lopdf::Dictionary {
    let mut fonts = lopdf::Dictionary::new();
    for font in Font::ALL {
        let id = doc.add_object(dictionary! {
            "Type" => "Font",
            "Subtype" => "Type1",
            "BaseFont" => font.base_font(),
            "Encoding" => "WinAnsiEncoding",
        });
        fonts.set(font.resource(), id);
    }
    fonts
}

/// Trailer (catalogue, metadata, file identifier) and the bytes.
fn finish(
    mut doc: Document,
    catalog_id: ObjectId,
    metadata: &Metadata,
    file_id: &[u8],
) -> Result<Vec<u8>, DocumentError> {
    let info_id = doc.add_object(info_dictionary(metadata));
    doc.trailer.set("Root", catalog_id);
    doc.trailer.set("Info", info_id);
    let file_id = Object::String(file_id.to_vec(), StringFormat::Hexadecimal);
    doc.trailer.set("ID", vec![file_id.clone(), file_id]);
    let mut bytes = Vec::with_capacity(16 * 1024);
    doc.save_to(&mut bytes)
        .map_err(|e| DocumentError::Pdf(e.to_string()))?;
    Ok(bytes)
}

/// A plain multi-page file (forms to print and sign): each page one deflated content
/// stream, no annotations, no signature. `file_id` identifies the document.
pub fn assemble_pages(
    pages: Vec<Vec<u8>>,
    metadata: &Metadata,
    file_id: &[u8],
) -> Result<Vec<u8>, DocumentError> {
    let mut doc = Document::with_version("1.7");
    // A classic cross-reference table: poppler reported "Invalid XRef entry 0" on
    // lopdf's cross-reference stream for a two-page form.
    doc.reference_table.cross_reference_type = lopdf::xref::XrefType::CrossReferenceTable;
    let pages_id = doc.new_object_id();
    let fonts = font_resources(&mut doc);
    let resources_id = doc.add_object(dictionary! { "Font" => fonts });
    let mut kids = Vec::with_capacity(pages.len());
    for content in pages {
        let content_id = doc.add_object(Stream::new(
            dictionary! { "Filter" => "FlateDecode" },
            deflate(&content)?,
        ));
        let page_id = doc.add_object(dictionary! {
            "Type" => "Page",
            "Parent" => pages_id,
            "MediaBox" => vec![0.into(), 0.into(), PAGE_WIDTH.into(), PAGE_HEIGHT.into()],
            "Resources" => resources_id,
            "Contents" => content_id,
        });
        kids.push(Object::from(page_id));
    }
    let count = kids.len() as i64;
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! { "Type" => "Pages", "Kids" => kids, "Count" => count }),
    );
    let catalog_id = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    finish(doc, catalog_id, metadata, file_id)
}

/// An invisible signature field merged with its widget, and the /Sig value to be filled.
fn add_signature_placeholder(
    doc: &mut Document,
    page_id: ObjectId,
    request: &SignatureRequest<'_>,
) -> ObjectId {
    let sig_id = doc.add_object(dictionary! {
        "Type" => "Sig",
        "Filter" => "Adobe.PPKLite",
        "SubFilter" => "ETSI.CAdES.detached",
        // Ten-digit placeholders leave room for any real offset; `pades` rewrites them.
        "ByteRange" => vec![0.into(), 9_999_999_999_i64.into(), 9_999_999_999_i64.into(), 9_999_999_999_i64.into()],
        "Contents" => Object::String(vec![0; CONTENTS_RESERVE], StringFormat::Hexadecimal),
        "M" => Object::string_literal(pdf_date(request.signing_time)),
        "Name" => text_string(request.signer_name),
        "Reason" => text_string(request.reason),
    });
    doc.add_object(dictionary! {
        "Type" => "Annot",
        "Subtype" => "Widget",
        "FT" => "Sig",
        "T" => Object::string_literal("Sigillo del Comune"),
        "V" => sig_id,
        "Rect" => vec![0.into(), 0.into(), 0.into(), 0.into()],
        // Print + Locked.
        "F" => 132,
        "P" => page_id,
    })
}

fn info_dictionary(metadata: &Metadata) -> lopdf::Dictionary {
    let date = pdf_date(metadata.creation_date);
    dictionary! {
        "Title" => text_string(&metadata.title),
        "Author" => text_string(&metadata.author),
        "Subject" => text_string(&metadata.subject),
        "Creator" => "Portale dei Servizi Demografici",
        "Producer" => "Portale dei Servizi Demografici",
        "CreationDate" => Object::string_literal(date.clone()),
        "ModDate" => Object::string_literal(date),
    }
}

/// A PDF text string: ASCII as is, anything else as UTF-16BE with a byte-order mark
/// (PDFDocEncoding differs from Latin-1 for ’ « » and friends).
pub fn text_string(text: &str) -> Object {
    if text.is_ascii() {
        return Object::string_literal(text);
    }
    let mut bytes = vec![0xfe, 0xff];
    for unit in text.encode_utf16() {
        bytes.extend_from_slice(&unit.to_be_bytes());
    }
    Object::String(bytes, StringFormat::Literal)
}

pub fn pdf_date(at: DateTime<Utc>) -> String {
    at.format("D:%Y%m%d%H%M%S+00'00'").to_string()
}
