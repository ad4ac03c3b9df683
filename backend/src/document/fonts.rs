//! The four standard PDF fonts the certificate uses, in WinAnsiEncoding: the encoder from
//! Unicode, and glyph widths written from Adobe's published Core 14 AFM metrics (units of
//! 1/1000 em), so that text can be wrapped, centred and justified without embedding fonts.

/// A standard Type 1 font every PDF reader carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Font {
    Helvetica,
    HelveticaBold,
    Times,
    Courier,
}

impl Font {
    pub const ALL: [Font; 4] = [
        Font::Helvetica,
        Font::HelveticaBold,
        Font::Times,
        Font::Courier,
    ];

    /// The resource name used in content streams.
    pub fn resource(self) -> &'static str {
        match self {
            Font::Helvetica => "F1",
            Font::HelveticaBold => "F2",
            Font::Times => "F3",
            Font::Courier => "F4",
        }
    }

    pub fn base_font(self) -> &'static str {
        match self {
            Font::Helvetica => "Helvetica",
            Font::HelveticaBold => "Helvetica-Bold",
            Font::Times => "Times-Roman",
            Font::Courier => "Courier",
        }
    }

    /// Width of an encoded string at `size` points.
    pub fn width(self, text: &[u8], size: f32) -> f32 {
        let units: u32 = text.iter().map(|&b| u32::from(self.glyph_width(b))).sum();
        units as f32 * size / 1000.0
    }

    fn glyph_width(self, byte: u8) -> u16 {
        if self == Font::Courier {
            return 600;
        }
        let ascii = match self {
            Font::Helvetica => &HELVETICA_ASCII,
            Font::HelveticaBold => &HELVETICA_BOLD_ASCII,
            _ => &TIMES_ASCII,
        };
        match byte {
            0x20..=0x7e => ascii[usize::from(byte - 0x20)],
            0xa0 => ascii[0],
            // Dotless-i accents are wider than Helvetica's narrow "i".
            0xcc..=0xcf if self == Font::Times => 333,
            0xec..=0xef => 278,
            _ => match latin1_base_letter(byte) {
                Some(base) => ascii[usize::from(base - 0x20)],
                None => self.symbol_width(byte),
            },
        }
    }

    fn symbol_width(self, byte: u8) -> u16 {
        let (helvetica, bold, times) = match byte {
            0x80 => (556, 556, 500),               // €
            0x85 | 0x97 => (1000, 1000, 1000),     // … —
            0x91 | 0x92 => (222, 278, 333),        // ‘ ’
            0x93 | 0x94 => (333, 500, 444),        // “ ”
            0x95 => (350, 350, 350),               // •
            0x96 => (556, 556, 500),               // –
            0xab | 0xbb => (556, 556, 500),        // « »
            0xb0 => (400, 400, 400),               // °
            0xa7 => (556, 556, 500),               // §
            0xaa => (370, 370, 276),               // ª
            0xba => (365, 365, 310),               // º
            0xb7 => (278, 278, 250),               // ·
            0xc6 => (1000, 1000, 889),             // Æ
            0xe6 => (889, 889, 667),               // æ
            0xd8 => (778, 778, 722),               // Ø
            0xf8 => (611, 611, 500),               // ø
            0xdf => (611, 611, 500),               // ß
            0xd7 | 0xf7 | 0xb1 => (584, 584, 564), // × ÷ ±
            0xa9 | 0xae => (737, 737, 760),        // © ®
            _ => (556, 556, 500),
        };
        match self {
            Font::Helvetica => helvetica,
            Font::HelveticaBold => bold,
            _ => times,
        }
    }
}

/// Accented Latin-1 letters share their base letter's width in these fonts.
fn latin1_base_letter(byte: u8) -> Option<u8> {
    Some(match byte {
        0xc0..=0xc5 => b'A',
        0xc7 => b'C',
        0xc8..=0xcb => b'E',
        0xcc..=0xcf => b'I',
        0xd0 => b'D',
        0xd1 => b'N',
        0xd2..=0xd6 => b'O',
        0xd9..=0xdc => b'U',
        0xdd => b'Y',
        0xde => b'P',
        0xe0..=0xe5 => b'a',
        0xe7 => b'c',
        0xe8..=0xeb => b'e',
        0xf0 | 0xf2..=0xf6 => b'o',
        0xf1 => b'n',
        0xf9..=0xfc => b'u',
        0xfd | 0xff => b'y',
        0xfe => b'p',
        0x8a => b'S',
        0x9a => b's',
        0x8e => b'Z',
        0x9e => b'z',
        0x9f => b'Y',
        _ => return None,
    })
}

/// A character WinAnsiEncoding cannot show.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{character:?} (U+{code:04X}) cannot be printed in the certificate's fonts: {text:?}", code = u32::from(*.character))]
pub struct Unencodable {
    pub character: char,
    pub text: String,
}

/// Encodes to WinAnsi (Windows-1252). Refuses what it cannot show rather than printing a
/// wrong name on a certificate; callers transliterate before (names in the Italian
/// registry are already in the Latin alphabet).
pub fn encode_winansi(text: &str) -> Result<Vec<u8>, Unencodable> {
    text.chars()
        .map(|c| {
            winansi_byte(c).ok_or_else(|| Unencodable {
                character: c,
                text: text.to_owned(),
            })
        })
        .collect()
}

fn winansi_byte(c: char) -> Option<u8> {
    let code = u32::from(c);
    match code {
        0x20..=0x7e | 0xa0..=0xff => u8::try_from(code).ok(),
        // Line breaks and tabs have no glyph; the layout treats them as spaces.
        0x09 | 0x0a | 0x0d => Some(b' '),
        _ => Some(match c {
            '€' => 0x80,
            '‚' => 0x82,
            'ƒ' => 0x83,
            '„' => 0x84,
            '…' => 0x85,
            '†' => 0x86,
            '‡' => 0x87,
            'ˆ' => 0x88,
            '‰' => 0x89,
            'Š' => 0x8a,
            '‹' => 0x8b,
            'Œ' => 0x8c,
            'Ž' => 0x8e,
            '‘' => 0x91,
            '’' => 0x92,
            '“' => 0x93,
            '”' => 0x94,
            '•' => 0x95,
            '–' => 0x96,
            '—' => 0x97,
            '˜' => 0x98,
            '™' => 0x99,
            'š' => 0x9a,
            '›' => 0x9b,
            'œ' => 0x9c,
            'ž' => 0x9e,
            'Ÿ' => 0x9f,
            // Typographic spaces print as the ordinary ones.
            '\u{2002}'..='\u{200a}' | '\u{202f}' => 0x20,
            _ => return None,
        }),
    }
}

// Widths of the printable ASCII characters 0x20..=0x7E.
#[rustfmt::skip]
const HELVETICA_ASCII: [u16; 95] = [
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, // space … /
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, // 0 … ?
    1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, // @ … O
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, // P … _
    333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, // ` … o
    556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,      // p … ~
];

#[rustfmt::skip]
const HELVETICA_BOLD_ASCII: [u16; 95] = [
    278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278,
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611,
    975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778,
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556,
    333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611,
    611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584,
];

#[rustfmt::skip]
const TIMES_ASCII: [u16; 95] = [
    250, 333, 408, 500, 500, 833, 778, 180, 333, 333, 500, 564, 250, 333, 250, 278,
    500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 278, 278, 564, 564, 564, 444,
    921, 722, 667, 667, 722, 611, 556, 722, 722, 333, 389, 722, 611, 889, 722, 722,
    556, 722, 667, 556, 611, 722, 722, 944, 722, 722, 611, 333, 278, 333, 469, 500,
    333, 444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500, 278, 778, 500, 500,
    500, 500, 333, 389, 278, 500, 500, 722, 500, 500, 444, 480, 200, 480, 541,
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn italian_letters_and_punctuation_encode_to_winansi() {
        let encoded = encode_winansi("àèéìòù ÀÈ ’«»– €").expect("encodable");
        assert_eq!(
            encoded,
            [
                0xe0, 0xe8, 0xe9, 0xec, 0xf2, 0xf9, 0x20, 0xc0, 0xc8, 0x20, 0x92, 0xab, 0xbb, 0x96,
                0x20, 0x80
            ]
        );
        assert_eq!(encode_winansi("NICOLÒ D'ANGELO").expect("ok")[5], 0xd2);
    }

    #[test]
    fn unencodable_characters_are_refused_by_name() {
        let error = encode_winansi("Łukasz").expect_err("Ł is not in WinAnsi");
        assert_eq!(error.character, 'Ł');
        assert!(error.to_string().contains("U+0141"), "{error}");
        assert!(encode_winansi("名").is_err());
    }

    #[test]
    fn widths_follow_the_afm_metrics() {
        assert_eq!(
            Font::Helvetica.width(b"Hello", 1000.0),
            722.0 + 556.0 + 222.0 + 222.0 + 556.0
        );
        assert_eq!(Font::HelveticaBold.width(b"W", 10.0), 9.44);
        assert_eq!(Font::Courier.width(b"7KQF-9XMA", 10.0), 54.0);
        // Accented capitals are as wide as their letter; ì is wider than i in Helvetica.
        assert_eq!(
            Font::Helvetica.width(&[0xd2], 1.0),
            Font::Helvetica.width(b"O", 1.0)
        );
        assert_eq!(Font::Helvetica.width(&[0xec], 1000.0), 278.0);
        assert_eq!(Font::Times.width(b"a", 1000.0), 444.0);
    }
}
