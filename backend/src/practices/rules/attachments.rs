//! What an attached file is, decided by its content and not by its name, and the name it
//! is kept under.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

pub const MAX_ATTACHMENT_BYTES: usize = 10 * 1024 * 1024;
pub const MAX_ATTACHMENTS: usize = 20;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum FileKind {
    Pdf,
    Jpeg,
    Png,
    /// A CAdES-signed file (CMS SignedData in DER).
    P7m,
}

impl FileKind {
    pub const ALL: [FileKind; 4] = [FileKind::Pdf, FileKind::Jpeg, FileKind::Png, FileKind::P7m];

    pub fn code(self) -> &'static str {
        match self {
            FileKind::Pdf => "pdf",
            FileKind::Jpeg => "jpeg",
            FileKind::Png => "png",
            FileKind::P7m => "p7m",
        }
    }

    pub fn parse(code: &str) -> Option<FileKind> {
        FileKind::ALL.into_iter().find(|k| k.code() == code)
    }

    pub fn media_type(self) -> &'static str {
        match self {
            FileKind::Pdf => "application/pdf",
            FileKind::Jpeg => "image/jpeg",
            FileKind::Png => "image/png",
            FileKind::P7m => "application/pkcs7-mime",
        }
    }

    /// The extensions a file of this kind may carry.
    pub fn extensions(self) -> &'static [&'static str] {
        match self {
            FileKind::Pdf => &["pdf"],
            FileKind::Jpeg => &["jpg", "jpeg"],
            FileKind::Png => &["png"],
            FileKind::P7m => &["p7m"],
        }
    }

    /// What the bytes are, whatever the name says.
    pub fn sniff(content: &[u8]) -> Option<FileKind> {
        if content.starts_with(b"%PDF-") {
            Some(FileKind::Pdf)
        } else if content.starts_with(&[0xFF, 0xD8, 0xFF]) {
            Some(FileKind::Jpeg)
        } else if content.starts_with(&[0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A]) {
            Some(FileKind::Png)
        } else if is_signed_data(content) {
            Some(FileKind::P7m)
        } else {
            None
        }
    }
}

/// A DER SEQUENCE whose first element is the OID of CMS SignedData (1.2.840.113549.1.7.2).
fn is_signed_data(content: &[u8]) -> bool {
    const SIGNED_DATA: [u8; 11] = [
        0x06, 0x09, 0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x07, 0x02,
    ];
    if content.first() != Some(&0x30) {
        return false;
    }
    let header = match content.get(1) {
        Some(length) if *length < 0x80 => 2,
        Some(0x80) => 2, // indefinite length (BER), as some signing tools write
        Some(length) if (0x81..=0x84).contains(length) => 2 + usize::from(length - 0x80),
        _ => return false,
    };
    content.get(header..header + SIGNED_DATA.len()) == Some(&SIGNED_DATA[..])
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    Empty,
    TooLarge,
    /// The content is none of the kinds allowed for this document.
    KindNotAllowed {
        found: Option<FileKind>,
    },
    /// The name says one kind and the content is another.
    NameDisagrees {
        found: FileKind,
    },
}

/// Checks one file for a document that allows `allowed` kinds; answers its kind.
pub fn judge(file_name: &str, content: &[u8], allowed: &[FileKind]) -> Result<FileKind, Refusal> {
    if content.is_empty() {
        return Err(Refusal::Empty);
    }
    if content.len() > MAX_ATTACHMENT_BYTES {
        return Err(Refusal::TooLarge);
    }
    let found = FileKind::sniff(content);
    let Some(kind) = found.filter(|k| allowed.contains(k)) else {
        return Err(Refusal::KindNotAllowed { found });
    };
    let extension = file_name
        .rsplit_once('.')
        .map(|(_, ext)| ext.to_ascii_lowercase())
        .unwrap_or_default();
    let named_kind = FileKind::ALL
        .into_iter()
        .find(|k| k.extensions().contains(&extension.as_str()));
    match named_kind {
        Some(named) if named != kind => Err(Refusal::NameDisagrees { found: kind }),
        _ => Ok(kind),
    }
}

/// The name the file is kept under: letters (accents too), digits, space, `.`, `-`, `_`;
/// no path, no leading dot, at most 120 characters, the right extension.
pub fn clean_name(file_name: &str, kind: FileKind) -> String {
    let base = file_name.rsplit(['/', '\\']).next().unwrap_or_default();
    let mut cleaned: String = base
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || " .-_'(),".contains(c) {
                c
            } else {
                '_'
            }
        })
        .collect::<String>()
        .trim_start_matches(['.', ' '])
        .trim()
        .to_owned();
    let has_extension = cleaned.rsplit_once('.').is_some_and(|(_, ext)| {
        kind.extensions()
            .contains(&ext.to_ascii_lowercase().as_str())
    });
    if !has_extension {
        cleaned = format!(
            "{}.{}",
            if cleaned.is_empty() {
                "allegato"
            } else {
                &cleaned
            },
            kind.extensions()[0]
        );
    }
    if cleaned.chars().count() > 120 {
        let extension = cleaned
            .rsplit_once('.')
            .map(|(_, e)| e.to_owned())
            .unwrap_or_default();
        let stem: String = cleaned.chars().take(119 - extension.len()).collect();
        cleaned = format!("{stem}.{extension}");
    }
    cleaned
}

#[cfg(test)]
mod tests {
    use super::*;

    const ALL: &[FileKind] = &FileKind::ALL;

    #[test]
    fn kinds_are_told_by_their_bytes() {
        assert_eq!(FileKind::sniff(b"%PDF-1.7\n..."), Some(FileKind::Pdf));
        assert_eq!(
            FileKind::sniff(&[0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10]),
            Some(FileKind::Jpeg)
        );
        assert_eq!(
            FileKind::sniff(&[0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, 0]),
            Some(FileKind::Png)
        );
        let p7m = [
            0x30, 0x82, 0x01, 0x00, 0x06, 0x09, 0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x07,
            0x02, 0xA0,
        ];
        assert_eq!(FileKind::sniff(&p7m), Some(FileKind::P7m));
        assert_eq!(FileKind::sniff(b"MZ\x90\x00 an executable"), None);
        assert_eq!(FileKind::sniff(b"<html>"), None);
    }

    #[test]
    fn a_file_whose_name_lies_is_refused() {
        assert_eq!(
            judge("contratto.pdf", &[0xFF, 0xD8, 0xFF, 0xE0], ALL),
            Err(Refusal::NameDisagrees {
                found: FileKind::Jpeg
            })
        );
        assert_eq!(
            judge("foto.jpg", b"not an image at all", ALL),
            Err(Refusal::KindNotAllowed { found: None })
        );
        assert_eq!(judge("scansione", b"%PDF-1.4", ALL), Ok(FileKind::Pdf));
        assert_eq!(
            judge("foto.png", b"%PDF-1.4", &[FileKind::Png]),
            Err(Refusal::KindNotAllowed {
                found: Some(FileKind::Pdf)
            })
        );
        assert_eq!(judge("vuoto.pdf", b"", ALL), Err(Refusal::Empty));
    }

    #[test]
    fn names_lose_paths_and_odd_characters() {
        assert_eq!(clean_name("../../etc/passwd", FileKind::Pdf), "passwd.pdf");
        assert_eq!(
            clean_name("C:\\Documenti\\Atto di proprietà.PDF", FileKind::Pdf),
            "Atto di proprietà.PDF"
        );
        assert_eq!(clean_name(".htaccess", FileKind::Png), "htaccess.png");
        assert_eq!(clean_name("a<b>|c.jpg", FileKind::Jpeg), "a_b__c.jpg");
        assert_eq!(clean_name("", FileKind::P7m), "allegato.p7m");
        let long = format!("{}.pdf", "x".repeat(300));
        assert_eq!(clean_name(&long, FileKind::Pdf).chars().count(), 120);
    }
}
